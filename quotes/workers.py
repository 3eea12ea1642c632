"""Worker processes for a build: forked once, handed chunks of work, their results read back in order.

Why not :class:`multiprocessing.Pool`: its result thread unpickles every
result the moment it arrives, taking the GIL from the single writer (about
a second of the writer's CPU on the corpus), and a pool whose worker dies
waits for that worker's result for ever.  Here the writer reads a worker's
pipe only when it wants that worker's next result, and a worker that dies
is replaced: the item it held is reported lost, the rest go to its successor.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import queue
import signal
import sys
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, Pipe
from typing import Any


PIPE_BYTES = 1 << 20  # each worker's result pipe (Linux's largest without privileges)


class WorkerLost(RuntimeError):
    """A worker process died while it held an item (and the caller gave no way to report that)."""


Lost = Callable[[Any, str], Any]  # (item, why) → the result to report in its place


@dataclass
class _Worker:
    pid: int
    tasks: Connection  # the writer's end: items go out
    results: Connection  # the writer's end: results come back, in the order the items went out
    held: deque = field(default_factory=deque)  # (job, index, item) handed out, result not yet read


class Results:
    """One :meth:`Workers.imap`'s results, in the order of its items."""

    def __init__(self, workers: Workers, fn: Callable, lost: Lost | None) -> None:
        self._workers, self.fn, self.lost = workers, fn, lost
        self.where: list[_Worker] = []  # per item: the worker that holds it
        self.done: dict[int, Any] = {}  # results read (while looking for another job's) but not yet taken

    def __iter__(self) -> Iterator:
        return self.poll(lambda: None)

    def poll(self, idle: Callable[[], object]) -> Iterator:
        """The results, calling ``idle`` whenever the next one is not in yet (the writer then stores
        what it holds instead of waiting)."""
        for index in range(len(self.where)):
            if index not in self.done and not self.where[index].results.poll(0):
                idle()
            while index not in self.done:
                self._workers._read(self.where[index])
            ok, value = self.done.pop(index)
            if not ok:
                raise value
            yield value


class Workers:
    """``processes`` forked workers; ``initializer`` runs in each before its first item."""

    def __init__(self, processes: int, initializer: Callable[[], None] | None = None) -> None:
        self._initializer = initializer
        self._workers: list[_Worker] = []
        self._turn = 0
        try:
            for _ in range(processes):
                self._workers.append(self._start())
        except BaseException:
            self.terminate()
            raise

    def imap(self, fn: Callable, items: Iterable, lost: Lost | None = None) -> Results:
        """``fn`` over ``items`` in the workers, dealt out in turn; all are handed out at once.

        ``fn`` and the items must pickle.  ``lost(item, why)`` gives the result of an item whose worker
        died holding it; without it, reading that result raises :class:`WorkerLost`.
        """
        job = Results(self, fn, lost)
        for item in items:
            worker = self._workers[self._turn % len(self._workers)]
            self._turn += 1
            self._hand(worker, job, len(job.where), item)
            job.where.append(worker)
        return job

    def _hand(self, worker: _Worker, job: Results, index: int, item: Any) -> None:
        worker.held.append((job, index, item))
        try:
            worker.tasks.send_bytes(pickle.dumps((job.fn, item), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # it died: reading its next result finds out and hands this item to its successor

    def _read(self, worker: _Worker) -> None:
        """Read ``worker``'s next result into its job (or, if it died, replace it)."""
        try:
            reply = pickle.loads(worker.results.recv_bytes())
        except (EOFError, OSError):
            self._replace(worker)
            return
        job, index, _ = worker.held.popleft()
        job.done[index] = reply

    def _replace(self, worker: _Worker) -> None:
        why = f"the worker process reading it died ({_exit_status(worker.pid)})"
        worker.tasks.close()
        worker.results.close()
        job, index, item = worker.held.popleft()
        job.done[index] = (True, job.lost(item, why)) if job.lost else (False, WorkerLost(why))
        successor = self._start()
        worker.pid, worker.tasks, worker.results = successor.pid, successor.tasks, successor.results
        rest, worker.held = worker.held, deque()
        for job, index, item in rest:
            self._hand(worker, job, index, item)

    def _start(self) -> _Worker:
        task_out, task_in = Pipe(duplex=False)  # (reader, writer)
        result_out, result_in = Pipe(duplex=False)
        pid = os.fork()
        if pid == 0:  # the worker: it keeps only its own two ends
            code = 1
            try:
                for other in self._workers:
                    other.tasks.close()
                    other.results.close()
                task_in.close()
                result_out.close()
                _serve(task_out, result_in, self._initializer)
                code = 0
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(code)
        task_out.close()
        result_in.close()
        return _Worker(pid, task_in, result_out)

    def close(self) -> None:
        """Let the workers finish what they hold, then wait for them."""
        for worker in self._workers:
            worker.tasks.close()
        for worker in self._workers:
            _reap(worker.pid)
            worker.results.close()

    def terminate(self) -> None:
        """Stop the workers now (the build failed or was interrupted)."""
        for worker in self._workers:
            try:
                os.kill(worker.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        self.close()


def _serve(tasks: Connection, results: Connection, initializer: Callable[[], None] | None) -> None:
    """A worker's life: items in, results out, until the writer closes its end.

    A thread takes items off the pipe as they come, so the writer never waits to hand out work.  Each
    result is on the pipe before the next item starts (a roomy pipe lets the worker run ahead of the
    writer), so if the worker dies, every result it made can still be read and the item it held is known.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle: it stops us
    _widen(results)
    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def receive() -> None:
        try:
            while True:
                inbox.put(tasks.recv_bytes())
        except (EOFError, OSError):
            inbox.put(None)

    threading.Thread(target=receive, daemon=True).start()
    if initializer is not None:
        initializer()
    while (data := inbox.get()) is not None:
        fn, item = pickle.loads(data)
        try:
            reply = (True, fn(item))
        except Exception as exc:  # the caller's to see, as from a call in its own process
            reply = (False, exc)
        try:
            message = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # a result or an exception that does not pickle
            message = pickle.dumps((False, RuntimeError(f"{fn.__name__}: {exc!r}")), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            results.send_bytes(message)
        except OSError:
            return  # the writer is gone


def _widen(connection: Connection) -> None:
    """Give a pipe room for about a second of a worker's results (64 KiB, Linux's default, holds one chunk)."""
    try:
        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (AttributeError, OSError):
        pass  # not Linux, or over the system's limit: the default size works, with more waiting


def _reap(pid: int) -> int | None:
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None


def _exit_status(pid: int) -> str:
    status = _reap(pid)
    if status is None:
        return "exit status unknown"
    if os.WIFSIGNALED(status):
        return f"killed by {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit code {os.WEXITSTATUS(status)}"
