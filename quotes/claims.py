"""Claims across articles: the same statement reported by several outlets is one cluster.

Quotes of one speaker whose words are the same after normalisation (script,
white space, punctuation and quote marks) or nearly the same (character
trigrams overlapping by :data:`NEAR` or more, found through shared opening or
closing words) form one cluster; the cluster knows its first appearance and
how many articles and outlets carried it.  Rebuilt whole after each build, so
it is deterministic and idempotent.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable

import regex

from .script import simplified

NEAR = 0.7
QUOTES_AT_ONCE = 5_000  # about how many quotes are read in one query (whole speakers: a slice may hold more)
SLICES_AT_ONCE = 8  # slices read before their statements are found (by the workers, side by side)
MIN_CHARS = 6  # shorter quotes (口号, a word) are only clustered when identical
_NOISE = regex.compile(r"[\p{P}\p{S}\s]+")


def normalise(text: str) -> str:
    """Words only: simplified characters, no punctuation, quote marks or white space."""
    return _NOISE.sub("", simplified(text)).lower()


def _trigrams(text: str) -> set[str]:
    return {text[i:i + 3] for i in range(max(1, len(text) - 2))}


def similar(a: str, b: str) -> bool:
    """Whether two normalised quotes are the same statement (one may be a longer report of the other)."""
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_CHARS:
        return False
    ta, tb = _trigrams(a), _trigrams(b)
    return len(ta & tb) / min(len(ta), len(tb)) >= NEAR and min(len(a), len(b)) / max(len(a), len(b)) >= 0.5


def cluster_quotes(conn: sqlite3.Connection, mapper: Callable[[Callable, list], Iterable] = map) -> int:
    """Recompute every cluster; return how many have quotes from two or more articles.

    Clusters never cross speakers, so the quotes are read a slice of
    speakers at a time: memory holds a few slices of about
    :data:`QUOTES_AT_ONCE` quotes (or one speaker's, if more), not the whole
    database.  ``mapper`` finds the statements in the slices (a build passes
    its worker processes), while the clusters are written here.
    """
    conn.execute("pragma defer_foreign_keys = on")  # quotes point at the clusters rebuilt here until the commit
    conn.execute("delete from cluster")
    # who belongs where, gathered here and then set in one pass over the quotes in id order (a
    # quote at a time, in cluster order, would jump about the table: three times slower)
    conn.execute("create temp table if not exists cluster_member (quote_id integer primary key, cluster_id integer)")
    conn.execute("delete from cluster_member")
    slices = _slices(conn)
    multi, cluster_id = 0, 0
    for start in range(0, len(slices), SLICES_AT_ONCE):
        rows = [conn.execute(
            "select quote.id, quote.speaker_id, quote.text, quote.article_id, article.outlet, article.published"
            f" from quote join article on article.id = quote.article_id where quote.{where}"
            " order by quote.speaker_id, article.published, quote.id", bounds).fetchall()
            for where, bounds in slices[start:start + SLICES_AT_ONCE]]
        for statements in mapper(statements_of, rows):
            clusters, members = [], []
            for speaker, text, first_id, published, ids, articles, outlets in statements:
                cluster_id += 1  # numbered as SQLite numbers rows in an emptied table, but known before the insert
                clusters.append((cluster_id, speaker, text, first_id, published, len(ids), articles, outlets))
                members.extend((cluster_id, qid) for qid in ids)
                multi += articles > 1
            conn.executemany("insert into cluster (id, speaker_id, text, first_quote_id, first_published, quotes,"
                             " articles, outlets) values (?, ?, ?, ?, ?, ?, ?, ?)", clusters)
            conn.executemany("insert into cluster_member (cluster_id, quote_id) values (?, ?)", members)
    conn.execute("update quote set cluster_id = member.cluster_id from cluster_member as member"
                 " where member.quote_id = quote.id")
    conn.execute("drop table cluster_member")
    return multi


def _slices(conn: sqlite3.Connection) -> list[tuple[str, tuple]]:
    """``where`` clauses (and their values) that cut the quotes into runs of whole speakers."""
    slices: list[tuple[str, tuple]] = [("speaker_id is null", ())]
    first = held = None
    for speaker, count in conn.execute("select speaker_id, count(*) from quote where speaker_id is not null"
                                       " group by speaker_id order by speaker_id"):
        if first is None:
            first, held = speaker, 0
        held += count
        if held >= QUOTES_AT_ONCE:
            slices.append(("speaker_id between ? and ?", (first, speaker)))
            first = None
    if first is not None:
        slices.append(("speaker_id >= ?", (first,)))
    return slices


def statements_of(rows: list[tuple]) -> list[tuple]:
    """The statements among quotes ordered by speaker and date, in order: (speaker, first text, first quote,
    first published, quote ids, articles, outlets).  Pure, so that worker processes can do it."""
    out = []
    for _, quotes in itertools.groupby(rows, key=lambda row: row[1]):
        for group in _groups(list(quotes)):
            first = group[0]  # rows are in publication order
            out.append((first[1], first[2], first[0], first[5], [r[0] for r in group], len({r[3] for r in group}),
                        len({r[4] for r in group if r[4]})))
    return out


def _groups(rows: list[tuple]) -> list[list[tuple]]:
    """One speaker's quotes (id, speaker, text, …) joined into statements, each in the rows' order."""
    parent = {row[0]: row[0] for row in rows}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_block: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    for qid, _, text, *_ in rows:
        norm = normalise(text)
        if not norm:
            continue
        keys = {("=", norm)}
        if len(norm) >= MIN_CHARS:
            keys |= {("<", norm[:8]), (">", norm[-8:])}
        for key in keys:
            for other, other_norm in by_block[key][-50:]:
                if find(other) != find(qid) and similar(norm, other_norm):
                    parent[find(qid)] = find(other)
            by_block[key].append((qid, norm))
    members: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        members[find(row[0])].append(row)
    return list(members.values())
