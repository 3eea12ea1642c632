"""Benchmark: quotes build against the parse floor, scale, and search at size.

    python bench/bench.py [--corpus ../shared/corpus/news] [--repeat 3] [--scale 100000] [--search-rows 1000000]

Prints, for the corpus: (a) the floor — read each file and parse it with
BeautifulSoup+lxml to text, nothing else — and (b) ``quotes build`` with 1 and
2 workers (articles/s, quotes/s, ratio to the floor, peak RSS), the medians of
``--repeat`` interleaved rounds (a shared machine's speed drifts), and checks
that both builds wrote the same quotes.  ``--scale N`` replicates the corpus (as
links, distinct paths) to N articles and builds it.  ``--search-rows N``
replicates quote rows to N and times a 2-character search and a facet page
through Datasette.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTES = [sys.executable, "-m", "quotes"]


def floor(corpus: Path) -> tuple[int, float]:
    """Read and parse every file to text with BeautifulSoup+lxml: the least any ingest must do."""
    from bs4 import BeautifulSoup

    from quotes.pipeline import iter_files

    start, n = time.perf_counter(), 0
    for path, _ in iter_files([corpus]):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        BeautifulSoup(text, "lxml").get_text("\n")
        n += 1
    return n, time.perf_counter() - start


def timed_build(corpus: Path, db: Path, workers: int) -> tuple[float, float, str, float]:
    """Run ``quotes build`` in a child process: seconds, its peak RSS in MB, its summary line, CPU seconds.

    The peak is that of the largest single process of this run (the writer or a worker), read with
    ``wait4`` so that earlier runs do not count; the CPU time is that of all its processes (user and
    system), which drifts less than the wall clock on a shared machine and shows how busy the cores were.
    """
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([*QUOTES, "build", str(corpus), "--db", str(db), "--quiet", "--workers", str(workers)],
                                stdout=out, stderr=err, text=True, cwd=ROOT)
        _, _, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    summary = stdout.strip().splitlines()[-1] if stdout.strip() else stderr[-500:]
    return seconds, usage.ru_maxrss / 1024, summary, usage.ru_utime + usage.ru_stime


def quotes_of(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("select article.path, quote.kind, quote.text, speaker.name, quote.start from quote"
                            " join article on article.id = quote.article_id left join speaker on speaker.id = quote.speaker_id"
                            " order by article.path, quote.start, quote.kind").fetchall()
    finally:
        conn.close()


def corpus_run(corpus: Path, tmp: Path, repeat: int) -> None:
    """Floor, 1 worker and 2 workers, ``repeat`` rounds interleaved so that a slow spell of a shared
    machine hits all three alike; the medians are compared."""
    floors, builds = [], {1: [], 2: []}
    for round_ in range(1, repeat + 1):
        n, floor_s = floor(corpus)
        floors.append(floor_s)
        line = f"round {round_}: floor {floor_s:5.1f} s"
        for workers in (1, 2):
            db = tmp / f"w{workers}.db"
            db.unlink(missing_ok=True)
            seconds, rss, summary, cpu = timed_build(corpus, db, workers)
            builds[workers].append((seconds, rss, summary, db, cpu))
            line += f", {workers} worker{'s' if workers > 1 else ''} {seconds:5.1f} s"
        print(line)
    floor_s = statistics.median(floors)
    print(f"corpus: {corpus} ({n} files); medians of {repeat} round{'s' if repeat > 1 else ''}")
    print(f"(a) floor, read + BeautifulSoup(lxml).get_text: {floor_s:7.1f} s  {n / floor_s:7.1f} articles/s")
    median = {}
    for workers, runs in builds.items():
        seconds = statistics.median(r[0] for r in runs)
        rss = max(r[1] for r in runs)
        median[workers] = seconds
        db = runs[-1][3]
        quotes = len(quotes_of(db))
        print(f"(b) quotes build --workers {workers}: {seconds:7.1f} s  {n / seconds:7.1f} articles/s  "
              f"{quotes / seconds:7.1f} quotes/s  ratio to floor {seconds / floor_s:4.2f}x  peak RSS {rss:6.0f} MB")
        cpu = statistics.median(r[4] for r in runs)
        print(f"    CPU {cpu:.1f} s in all its processes ({cpu / seconds:.2f} cores busy); {runs[-1][2]}")
    print(f"speed-up with 2 workers: {median[1] / median[2]:.2f}x; "
          f"same quotes: {quotes_of(builds[1][-1][3]) == quotes_of(builds[2][-1][3])}")


def scale_run(corpus: Path, tmp: Path, target: int, workers: int) -> None:
    """Replicate the corpus as symbolic links under distinct folders until ``target`` files."""
    from quotes.pipeline import iter_files

    files = [path for path, _ in iter_files([corpus]) if path.suffix != ".json"]
    big = tmp / "scaled"
    copies = -(-target // len(files))
    for c in range(copies):
        for i, path in enumerate(files):
            if c * len(files) + i >= target:
                break
            link = big / f"copy{c:03d}" / path.relative_to(corpus)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(path)
    db = tmp / "scaled.db"
    seconds, rss, summary, _ = timed_build(big, db, workers)
    print(f"scale: {target} articles, --workers {workers}: {seconds:7.1f} s  {target / seconds:7.1f} articles/s  "
          f"peak RSS {rss:6.0f} MB")
    print(f"    {summary}")


def replicate_quotes(db: Path, rows: int) -> None:
    """Copy quote rows until there are ``rows``, then rebuild the search index and the quote list."""
    from quotes import store
    from quotes.publish import search

    conn = sqlite3.connect(db)
    have = conn.execute("select count(*) from quote").fetchone()[0]
    while have < rows:
        take = min(have, rows - have)
        conn.execute("insert into quote (article_id, kind, text, speaker_id, speaker_as_written, role, cue, start, \"end\","
                     " paragraph, confidence) select article_id, kind, text, speaker_id, speaker_as_written, role, cue,"
                     " start, \"end\", paragraph, confidence from quote order by id limit ?", (take,))
        have += take
    conn.execute("delete from quote_fts")
    ids = [r[0] for r in conn.execute("select id from quote")]
    search.index_quotes(conn, ids)
    store.refresh_materialised(conn)
    conn.commit()
    conn.execute("vacuum")
    conn.close()


def time_pages(db: Path, paths: dict[str, str], n: int = 15) -> dict[str, float]:
    """Median milliseconds Datasette takes to answer each page (after one warm-up request)."""
    from quotes.api import datasette_app

    ds = datasette_app(db)

    async def timing(path: str) -> float:
        await ds.client.get(path)
        times = []
        for _ in range(n):
            start = time.perf_counter()
            response = await ds.client.get(path)
            assert response.status_code == 200, response.text[:300]
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000

    return {label: asyncio.run(timing(path.format(db=db.stem))) for label, path in paths.items()}


SEARCH_PAGES = {
    "?_search=普京": "/{db}/quote_list.json?_search=普京&_size=50",
    "the quote list as it opens (4 facets)": "/{db}/quote_list.json?_size=50",
    "the quote list searched for 普京 (4 facets)": "/{db}/quote_list.json?_search=普京&_size=50",
    "the quote list of one speaker (4 facets)": "/{db}/quote_list.json?speaker=普京&_size=50",
    "column facets kind, cue, outlet (counted live)": "/{db}/quote_list.json?_facet=kind&_facet=cue&_facet=outlet&_size=50",
}


def search_run(db: Path, rows: int) -> None:
    """Replicate quote rows to ``rows`` and time Datasette's search and facet pages."""
    replicate_quotes(db, rows)
    for label, ms in time_pages(db, SEARCH_PAGES).items():
        print(f"at {rows} quote rows: {label}: median {ms:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "news")
    parser.add_argument("--scale", type=int, default=0, help="also build the corpus replicated to this many articles")
    parser.add_argument("--scale-workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--search-rows", type=int, default=0, help="also time search with this many quote rows")
    parser.add_argument("--skip-corpus", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the corpus timings (medians are reported)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if not args.skip_corpus:
            corpus_run(args.corpus, tmp, args.repeat)
        if args.scale:
            scale_run(args.corpus, tmp, args.scale, args.scale_workers)
        if args.search_rows:
            db = tmp / "w1.db"
            if not db.exists():
                subprocess.run([*QUOTES, "build", str(args.corpus), "--db", str(db), "--quiet"], cwd=ROOT, check=False)
            search_run(db, args.search_rows)


if __name__ == "__main__":
    main()
