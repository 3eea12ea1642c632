"""The pipeline: read an article → clean text → find and attribute quotes → store.

:func:`process_file` is pure (a file in, an :class:`ArticleRecord` out) so it
can run in any process; :func:`build` walks paths and stores the records.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .clean import clean_body
from .extract import Quote, extract
from .read import ArticleError, NotAnArticle, file_hash, read_article

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


@dataclass
class BuildReport:
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    quotes: int = 0


def process_file(path: Path, root: Path) -> ArticleRecord:
    """Read, clean and extract one file; raises :class:`ArticleError` for bad input."""
    raw = read_article(path, root)
    clean = clean_body(raw.body, raw.body_format)
    if clean.paragraphs and clean.paragraphs[0] == raw.title:
        del clean.paragraphs[0]  # a markdown heading repeating the title
    if not clean.paragraphs:
        raise ArticleError(f"{raw.path}: no article text after cleaning (only markup, images or boilerplate)")
    text = clean.text
    return ArticleRecord(raw.path, raw.content_hash, raw.title, raw.url, raw.outlet, raw.published,
                         raw.categories, clean.metadata.get("editor", ""), text, extract(text, raw.title))


def iter_files(paths: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, root) for every file under ``paths``, sorted, never following a link twice."""
    for top in paths:
        top = Path(top)
        if top.is_file():
            yield top, top.parent
            continue
        seen: set[tuple[int, int]] = set()
        for dirpath, dirnames, filenames in os.walk(top, followlinks=True):
            st = os.stat(dirpath)
            if (st.st_dev, st.st_ino) in seen:
                dirnames[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    yield Path(dirpath) / name, top


def build(paths: Iterable[Path], db_path: Path, on_file: Callable[[str, str], None] | None = None) -> BuildReport:
    """Store every article under ``paths`` in ``db_path``; unchanged files are skipped."""
    from . import store

    conn = store.connect(db_path)
    report = BuildReport()
    try:
        for path, root in iter_files(paths):
            rel = str(path.relative_to(root))
            try:
                if store.stored_hash(conn, rel) == file_hash(path):
                    report.unchanged.append(rel)
                    status = "unchanged"
                else:
                    record = process_file(path, root)
                    store.store_article(conn, record)
                    report.stored.append(rel)
                    report.quotes += len(record.quotes)
                    status = "stored"
            except NotAnArticle as exc:
                report.skipped.append((rel, str(exc)))
                status = "skipped"
            except ArticleError as exc:
                store.record_error(conn, rel, str(exc))
                report.errors.append((rel, str(exc)))
                status = "error"
            except (RecursionError, ValueError, OSError) as exc:
                reason = f"{rel}: could not be processed ({type(exc).__name__}: {exc})"
                store.record_error(conn, rel, reason)
                report.errors.append((rel, reason))
                status = "error"
            if on_file:
                on_file(rel, status)
    finally:
        conn.close()
    return report
