"""Stage 5 — store: articles, speakers and quotes in SQLite.

Schema facts (indexes, views) are declared as data below and applied by one
idempotent :func:`ensure_db_shape`.  A batch of articles is written in one
transaction, so a failure never leaves half an article (or half a batch) behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import SQLModel

from . import models  # noqa: F401  (registers the tables)
from .pipeline import ArticleRecord, Outcome
from . import claims, entities

# Denormalised copies rebuilt after each build: Datasette pages over a plain indexed table stay fast
# at a million rows, where the same query over a join view sorts and counts everything.
# name → (select, indexes: each a column, or columns in order)
MATERIALISED: dict[str, tuple[str, tuple[str | tuple[str, ...], ...]]] = {
    "quote_list": ("""
        select quote.id, quote.text as quote, speaker.name as speaker, quote.speaker_as_written,
               quote.role, quote.cue, quote.kind, quote.confidence, article.title, article.outlet,
               article.published, article.url, article.path as source, quote.article_id,
               quote.paragraph, quote.start, quote."end", quote.cluster_id
        from quote
        join article on article.id = quote.article_id
        left join speaker on speaker.id = quote.speaker_id
    """, (
        # a search finds quote ids: this index then gives the sort key and the faceted columns without
        # reading the rows (which hold the text), so a search's count and facets at 10⁶ rows take half the time
        ("id", "published", "speaker", "outlet", "kind", "cue"),
        "published", "speaker", "outlet", "kind", "cue", "article_id", "cluster_id")),
}

# Indexes of older releases that a declared one makes redundant: dropped from older databases.
RETIRED_INDEXES = ("idx_quote_list_id",)

# Value counts (table facet_count) of the facets people open first, per table and column, rebuilt with
# the materialised tables: the unfiltered quote list shows them without counting a million rows (see publish/facets.py).
FACET_COUNTS: dict[str, tuple[str, ...]] = {
    "quote_list": ("speaker", "outlet", "kind", "cue"),
}

# Full-text search over quotes (see quotes.publish.search): bigram text, rowid = quote.id.
FTS_TABLES: dict[str, str] = {
    "quote_fts": "create virtual table quote_fts using fts5(text, speaker, tokenize = 'unicode61')",
}

# Columns added after a table was first released: (table, column) → type and default, added to older databases.
ADDED_COLUMNS: dict[tuple[str, str], str] = {
    ("article", "extractor"): "varchar not null default ''",  # '': found by an older extractor, found again
}

# name → (table, columns, unique)
EXTRA_INDEXES: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "idx_quote_article_start": ("quote", ("article_id", "start"), False),
    "idx_alias_speaker_alias": ("alias", ("speaker_id", "alias"), True),
    "idx_speaker_role_once": ("speaker_role", ("speaker_id", "role", "article_id"), True),
}


def connect(db_path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a database in the shape this package expects."""
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=60, isolation_level=None)
    conn.execute("pragma foreign_keys = on")
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma synchronous = normal")
    ensure_db_shape(conn)
    return conn


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once (other writers wait): all of it lands, or none of it."""
    conn.execute("begin immediate")
    try:
        yield
    except BaseException:
        conn.execute("rollback")
        raise
    conn.execute("commit")


def _model_ddl() -> list[str]:
    """The SQLModel tables and their indexes as ``if not exists`` DDL for SQLite."""
    dialect = sqlite_dialect.dialect()
    ddl = []
    for table in SQLModel.metadata.tables.values():  # SQLite checks foreign keys on use, not creation
        ddl.append(str(CreateTable(table, if_not_exists=True).compile(dialect=dialect)))
        ddl.extend(str(CreateIndex(index, if_not_exists=True).compile(dialect=dialect)) for index in table.indexes)
    return ddl


def ensure_db_shape(conn: sqlite3.Connection) -> None:
    """Create tables, indexes and views that are missing; change nothing else.

    One immediate transaction, so two builds starting at once on a new file
    take turns instead of both checking, then both creating.
    """
    with immediate(conn):
        for sql in _model_ddl():
            conn.execute(sql)
        tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
        for (table, column), kind in ADDED_COLUMNS.items():
            if column not in {row[1] for row in conn.execute(f"pragma table_info({table})")}:
                conn.execute(f"alter table {table} add column {column} {kind}")
        for name, sql in FTS_TABLES.items():
            if name not in tables:
                conn.execute(sql)
        for name, (table, columns, unique) in EXTRA_INDEXES.items():
            conn.execute(f"create {'unique ' if unique else ''}index if not exists {name} on {table} ({', '.join(columns)})")
        views = {row[0] for row in conn.execute("select name from sqlite_master where type = 'view'")}
        for name in MATERIALISED.keys() & views:
            conn.execute(f"drop view {name}")  # databases from before it was materialised
        for name, (select, indexes) in MATERIALISED.items():
            if name not in tables:
                conn.execute(f"create table {name} as {select.strip()} limit 0")
            for columns in indexes:
                columns = (columns,) if isinstance(columns, str) else columns
                conn.execute(f"create index if not exists idx_{name}_{'_'.join(columns)} on {name} ({', '.join(columns)})")
        for name in RETIRED_INDEXES:
            conn.execute(f"drop index if exists {name}")


def stored_hash(conn: sqlite3.Connection, path: str, extractor: str) -> str | None:
    """The hash of the file stored at ``path``, if this extractor found its quotes (else it is read again)."""
    row = conn.execute("select content_hash from article where path = ? and extractor = ?", (path, extractor)).fetchone()
    return row[0] if row else None


def _speaker_id(conn: sqlite3.Connection, name: str, kind: str) -> int | None:
    if not name:
        return None
    row = conn.execute("select id from speaker where name = ?", (name,)).fetchone()
    if row:
        return row[0]
    return conn.execute("insert into speaker (name, kind) values (?, ?)", (name, kind)).lastrowid


def store_batch(conn: sqlite3.Connection, outcomes: list[Outcome]) -> None:
    """Write a batch of outcomes in one transaction: all of it lands, or none of it."""
    if not outcomes:
        return
    with immediate(conn):
        for outcome in outcomes:
            if outcome.status == "stored":
                _replace_article(conn, outcome.record)
            elif outcome.status == "error":
                conn.execute("delete from ingest_error where path = ?", (outcome.rel,))
                conn.execute("insert into ingest_error (path, reason, at) values (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
                             (outcome.rel, outcome.reason))


def _replace_article(conn: sqlite3.Connection, record: ArticleRecord) -> int:
    """Replace the article at ``record.path`` and its quotes (inside the caller's transaction)."""
    old = conn.execute("select id from article where path = ?", (record.path,)).fetchone()
    if old:
        for sql in _DELETE_ARTICLE:
            conn.execute(sql, (old[0],) if "?" in sql else ())
    article_id = conn.execute(
        "insert into article (path, title, url, outlet, published, categories, editor, content_hash, extractor, text)"
        " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (record.path, record.title, record.url, record.outlet, record.published,
         json.dumps(record.categories, ensure_ascii=False), record.editor, record.content_hash, record.extractor,
         record.text),
    ).lastrowid
    speaker_ids = [_speaker_id(conn, q.speaker, q.speaker_kind) for q in record.quotes]
    rows = [(article_id, q.kind, q.text, sid, q.speaker_as_written, q.role, q.cue, q.start, q.end, q.paragraph,
             q.confidence) for q, sid in zip(record.quotes, speaker_ids)]
    conn.executemany(
        'insert into quote (article_id, kind, text, speaker_id, speaker_as_written, role, cue, start, "end",'
        " paragraph, confidence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    ids = [qid for (qid,) in conn.execute("select id from quote where article_id = ? order by id", (article_id,))]
    conn.executemany("insert into quote_fts (rowid, text, speaker) values (?, ?, ?)",
                     [(qid, *row) for qid, row in zip(ids, record.search_rows)])
    conn.executemany("insert into quote_keyword (quote_id, keyword, weight) values (?, ?, ?)",
                     [(qid, word, weight) for qid, q in zip(ids, record.quotes) for word, weight in q.keywords])
    conn.executemany("insert into quote_mention (quote_id, name, kind) values (?, ?, ?)",
                     [(qid, name, kind) for qid, q in zip(ids, record.quotes) for name, kind in q.mentions])
    roles: dict[int, set[str]] = {}
    for q, sid in zip(record.quotes, speaker_ids):
        if sid is not None:
            roles.setdefault(sid, set()).update([q.role, *q.known_roles])
    entities.record_roles(conn, article_id, record.published, roles)
    entities.record_aliases(conn, [(sid, q.speaker, q.speaker_as_written)
                                   for q, sid in zip(record.quotes, speaker_ids) if sid is not None])
    conn.execute("delete from ingest_error where path = ?", (record.path,))
    return article_id


# What goes when an article is replaced, in an order the foreign keys allow.
_DELETE_ARTICLE = (
    "update quote set cluster_id = null where cluster_id in"
    " (select cluster_id from quote where article_id = ? and cluster_id is not null)",
    "delete from cluster where id not in (select cluster_id from quote where cluster_id is not null)",
    "delete from quote_fts where rowid in (select id from quote where article_id = ?)",
    "delete from quote_keyword where quote_id in (select id from quote where article_id = ?)",
    "delete from quote_mention where quote_id in (select id from quote where article_id = ?)",
    "delete from speaker_role where article_id = ?",
    "delete from quote where article_id = ?",
    "delete from article where id = ?",
)


def needs_finishing(conn: sqlite3.Connection) -> bool:
    """Whether quotes wait to be linked, clustered or copied (e.g. after an interrupted build or an upgrade)."""
    if conn.execute("select 1 from quote where cluster_id is null limit 1").fetchone() is not None:
        return True
    count = conn.execute("select count(*) from quote").fetchone()[0]
    if count and conn.execute("select 1 from facet_count limit 1").fetchone() is None:
        return True
    return any(conn.execute(f"select count(*) from {name}").fetchone()[0] != count for name in MATERIALISED)


def refresh_materialised(conn: sqlite3.Connection) -> None:
    """Rewrite the denormalised tables and the facet counts from the quotes (inside the caller's transaction)."""
    for name, (select, _) in MATERIALISED.items():
        conn.execute(f"delete from {name}")
        conn.execute(f"insert into {name} {select.strip()} order by quote.id")
    conn.execute("delete from facet_count")
    for name, columns in FACET_COUNTS.items():
        for column in columns:
            conn.execute(f"insert into facet_count select ?, ?, {column}, count(*) from {name}"
                         f" where {column} is not null group by {column}", (name, column))


def finish(conn: sqlite3.Connection, mapper: Callable[[Callable, list], Iterable] = map) -> None:
    """Link speakers across articles, cluster quotes into claims, refresh the materialised tables: one transaction.

    ``mapper`` runs the clustering's pure work (e.g. on the build's worker processes)."""
    with immediate(conn):
        entities.link_speakers(conn)
        claims.cluster_quotes(conn, mapper)
        refresh_materialised(conn)
