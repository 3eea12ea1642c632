"""The build's worker processes: order kept, a dying worker replaced, errors passed back."""

from __future__ import annotations

import os
import signal
import time

import pytest

from quotes.workers import WorkerLost, Workers


def square(n: int) -> int:
    return n * n


def die_on_seven(n: int) -> int:
    if n == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three is bad")
    return n


def whose(n: int) -> int:
    return os.getpid()


def slow_square(n: int) -> int:
    time.sleep(0.05)
    return n * n


@pytest.fixture
def pool():
    workers = Workers(2)
    yield workers
    workers.close()


def test_results_come_in_order_across_jobs_handed_out_together(pool):
    first = pool.imap(square, range(50))
    second = pool.imap(square, range(50, 80))  # handed out before the first is read, as a build does
    assert list(first) == [n * n for n in range(50)]
    assert list(second) == [n * n for n in range(50, 80)]


def test_the_work_is_shared(pool):
    assert len(set(pool.imap(whose, range(20)))) == 2


def test_a_dying_worker_loses_only_the_item_it_held(pool):
    got = list(pool.imap(die_on_seven, range(20), lost=lambda n, why: f"lost {n}: {why}"))
    assert got[7] == "lost 7: the worker process reading it died (killed by SIGKILL)"
    assert [g for i, g in enumerate(got) if i != 7] == [n * n for n in range(20) if n != 7]
    assert list(pool.imap(square, range(6))) == [0, 1, 4, 9, 16, 25]  # its successor works on


def test_a_lost_item_without_a_report_raises(pool):
    results = iter(pool.imap(die_on_seven, [1, 7, 2]))
    assert next(results) == 1
    with pytest.raises(WorkerLost, match="SIGKILL"):
        next(results)


def test_an_exception_in_a_worker_is_raised_where_the_result_is_read(pool):
    results = iter(pool.imap(fail_on_three, range(6)))
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(ValueError, match="three is bad"):
        next(results)
    assert list(pool.imap(square, range(3))) == [0, 1, 4]  # the rest of that job is dropped, the pool works on


def test_poll_says_when_the_writer_would_wait(pool):
    waits: list[int] = []
    assert list(pool.imap(slow_square, range(4)).poll(lambda: waits.append(1))) == [0, 1, 4, 9]
    assert waits  # each result takes a while to come


def test_terminate_stops_workers_at_once():
    workers = Workers(2)
    pids = [w.pid for w in workers._workers]
    workers.terminate()
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reaped: gone
