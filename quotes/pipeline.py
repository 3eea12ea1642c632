"""The pipeline: read an article → clean text → find and attribute quotes → store.

:func:`process_file` is pure (a file in, an :class:`ArticleRecord` out) so it
can run in any process; :func:`build` walks paths and stores the records.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import segment
from .clean import clean_body
from .extract import Quote, extract
from .publish.search import quote_row
from .topics import describe
from .read import ArticleError, NotAnArticle, file_hash, read_article
from .workers import Results, Workers

SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv"}


@dataclass
class ArticleRecord:
    """Everything stored for one article."""

    path: str
    content_hash: str
    title: str
    url: str
    outlet: str
    published: str
    categories: list[str]
    editor: str
    text: str
    quotes: list[Quote]
    search_rows: list[tuple[str, str]]  # per quote: its text and its speaker as the search index holds them
    extractor: str = ""  # extractor_version() of the process that made it


@cache
def extractor_version() -> str:
    """A digest of the package's code and rule tables, stored with each article.

    A file is skipped as unchanged only if the same extractor read it: after
    an upgrade or an edited rule, a build finds the quotes again.
    """
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.tsv")]):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class BuildReport:
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    quotes: int = 0


@dataclass
class Outcome:
    """What happened to one file: ``stored`` (with its record), ``unchanged``, ``skipped`` or ``error``."""

    rel: str
    status: str
    record: ArticleRecord | None = None
    reason: str = ""


Task = tuple[str, str, str]  # (file path, input root, hash stored for it or "")


def process_file(path: Path, root: Path) -> ArticleRecord:
    """Read, clean and extract one file; raises :class:`ArticleError` for bad input.

    Everything that can be computed from the file alone is computed here (in
    the workers), down to the search index text, so the single writer only writes.
    """
    raw = read_article(path, root)
    clean = clean_body(raw.body, raw.body_format)
    if clean.paragraphs and clean.paragraphs[0] == raw.title:
        del clean.paragraphs[0]  # a markdown heading repeating the title
    if not clean.paragraphs:
        raise ArticleError(f"{raw.path}: no article text after cleaning (only markup, images or boilerplate)")
    text = clean.text
    quotes = extract(text, raw.title)
    people = {q.speaker for q in quotes if q.speaker_kind == "person"}
    for q in quotes:
        q.keywords, q.mentions = describe(q.text, people)
    search_rows = [quote_row(q.text, q.speaker, q.speaker_as_written) for q in quotes]
    return ArticleRecord(raw.path, raw.content_hash, raw.title, raw.url, raw.outlet, raw.published,
                         raw.categories, clean.metadata.get("editor", ""), text, quotes, search_rows, extractor_version())


def process_task(task: Task) -> Outcome:
    """One file to an :class:`Outcome`; never raises for bad input, so one file never stops a batch.

    Pure and picklable: it runs in worker processes and on Dask workers.
    """
    path, root, known_hash = Path(task[0]), Path(task[1]), task[2]
    rel = _rel(path, root)
    try:
        if known_hash and file_hash(path) == known_hash:
            return Outcome(rel, "unchanged")
        return Outcome(rel, "stored", process_file(path, root))
    except NotAnArticle as exc:
        return Outcome(rel, "skipped", reason=str(exc))
    except ArticleError as exc:
        return Outcome(rel, "error", reason=str(exc))
    except (RecursionError, ValueError, OSError, MemoryError) as exc:
        return Outcome(rel, "error", reason=f"{rel}: could not be processed ({type(exc).__name__}: {exc})")


def _rel(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path != root else path.name


def process_tasks(tasks: list[Task]) -> list[Outcome]:
    """Several files (one message to and from a worker process)."""
    return [process_task(task) for task in tasks]


def iter_files(paths: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, root) for every file under ``paths``, sorted, never following a link twice."""
    for top in paths:
        top = Path(top)
        if top.is_file():
            yield top, top.parent
            continue
        seen: set[tuple[int, int]] = set()
        for dirpath, dirnames, filenames in os.walk(top, followlinks=True):
            try:
                st = os.stat(dirpath)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in seen:
                dirnames[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    yield Path(dirpath) / name, top


Mapper = Callable[[Callable[[Task], Outcome], list[Task]], Iterable[Outcome]]

WINDOW = 512  # files handed out at a time: bounds memory whatever the corpus size
CHUNK = 4  # tasks a worker takes at a time
EARLY_BATCH = 128  # a writer that would wait for the workers stores what it holds once it holds this many
BATCH = 256  # articles per write transaction (fewer commits: each rewrites the index pages it touched)
WORKER_NICENESS = 10  # added to the workers' niceness (lower priority) so that the single writer runs as soon as it has work


def build(paths: Iterable[Path], db_path: Path, on_file: Callable[[Outcome], None] | None = None,
          workers: int = 1, mapper: Mapper | None = None) -> BuildReport:
    """Store every article under ``paths`` in ``db_path``; unchanged files are skipped.

    Files are processed ``WINDOW`` at a time by ``workers`` processes (or by
    ``mapper``, e.g. a Dask client's, which must keep the order), and one
    writer stores the results, ``BATCH`` articles per transaction, so the
    output does not depend on how many workers ran.  Speakers are then linked
    across articles and quotes clustered into claims.
    """
    report = BuildReport()
    pool = conn = None
    if mapper is None and workers > 1:
        # started before the writer imports the schema and opens the database, which they need not wait for
        pool = Workers(workers, initializer=_start_worker)
        hand_out = lambda tasks: pool.imap(process_tasks, _chunks(tasks), lost=_lost)  # noqa: E731
    else:
        hand_out = lambda tasks: (mapper or map)(process_task, tasks)  # noqa: E731
    try:
        from . import store

        conn = store.connect(db_path)
        files = iter_files(paths)
        running: Iterable = ()
        while True:
            # hand out the next window before storing this one, so workers never wait for the writer
            window = list(itertools.islice(files, WINDOW))
            tasks = [(str(path), str(root), store.stored_hash(conn, str(path.relative_to(root)), extractor_version()) or "")
                     for path, root in window]
            following = hand_out(tasks) if tasks else ()
            pending: list[Outcome] = []
            for outcome in _outcomes(running, lambda: len(pending) >= EARLY_BATCH and _write(conn, pending, report, on_file)):
                pending.append(outcome)
                if len(pending) >= BATCH:
                    _write(conn, pending, report, on_file)
            _write(conn, pending, report, on_file)
            if not tasks:
                break
            running = following
        if report.stored or store.needs_finishing(conn):
            store.finish(conn, pool.imap if pool is not None else mapper or map)
    except BaseException:
        if pool is not None:
            pool.terminate()
            pool = None
        raise
    finally:
        if pool is not None:
            pool.close()
        if conn is not None:
            conn.close()
    return report


def _start_worker() -> None:
    """Each worker yields to the writer (which then never lags behind and is left alone at the end)
    and loads jieba's tables at once, while the writer is still opening the database."""
    os.nice(WORKER_NICENESS)
    segment.load()


def _chunks(tasks: list[Task]) -> list[list[Task]]:
    return [tasks[i:i + CHUNK] for i in range(0, len(tasks), CHUNK)]


def _lost(tasks: list[Task], why: str) -> list[Outcome]:
    """The outcomes of files whose worker process died reading them (one of them, or the lxml or jieba
    code it ran, crashed it): errors, so the next build tries them again."""
    company = f", while reading it or one of the {len(tasks) - 1} files read with it" if len(tasks) > 1 else ""
    rels = [_rel(Path(path), Path(root)) for path, root, _ in tasks]
    return [Outcome(rel, "error", reason=f"{rel}: not read: {why}{company}") for rel in rels]


def _outcomes(running: Iterable, idle: Callable[[], object]) -> Iterator[Outcome]:
    """The outcomes of a window of files: chunks from the workers (polled, so the writer hears when it would
    wait), or outcomes from a map."""
    if isinstance(running, Results):
        for chunk in running.poll(idle):
            yield from chunk
    else:
        yield from running


def _write(conn, outcomes: list[Outcome], report: BuildReport, on_file: Callable[[Outcome], None] | None) -> None:
    from . import store

    store.store_batch(conn, outcomes)
    for outcome in outcomes:
        if outcome.status == "stored":
            report.stored.append(outcome.rel)
            report.quotes += len(outcome.record.quotes)
        elif outcome.status == "unchanged":
            report.unchanged.append(outcome.rel)
        elif outcome.status == "skipped":
            report.skipped.append((outcome.rel, outcome.reason))
        else:
            report.errors.append((outcome.rel, outcome.reason))
        if on_file:
            on_file(outcome)
    outcomes.clear()
