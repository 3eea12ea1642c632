"""Chinese full-text search that SQLite's FTS5 can answer.

SQLite's tokenizers cannot split Chinese: ``unicode61`` takes a whole run of
characters as one token and ``trigram`` never matches a two-character word
such as 普京.  So the index holds every run of Chinese characters as its
overlapping bigrams (``泽连斯基`` → ``泽连 连斯 斯基``), in simplified
characters, and a query word becomes the phrase of its bigrams, which FTS5
matches only where the characters stand together.  Every word of every length
is found without a dictionary, traditional and simplified alike; Latin words
and numbers are indexed whole.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

import regex

from ..script import simplified

_RUN = regex.compile(r"\p{Han}+|(?:(?!\p{Han})[\p{L}\p{N}])+")
_HAN = regex.compile(r"\p{Han}")
_NOTHING = '"nothing" NOT "nothing"'  # a query with no letters matches no quote


def _grams(run: str) -> list[str]:
    if len(run) == 1 or not _HAN.match(run):
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)]


def index_text(text: str) -> str:
    """What the index stores for ``text``: bigrams of its Chinese runs, Latin words whole."""
    return " ".join([g for run in _RUN.findall(simplified(text or "").lower()) for g in _grams(run)])


def quote_row(text: str, speaker: str, speaker_as_written: str) -> tuple[str, str]:
    """The two indexed columns of one quote: its text, and its speaker (canonical and as written)."""
    return index_text(text), index_text(f"{speaker} {speaker_as_written}")


def match_expression(query: str) -> str:
    """An FTS5 expression for a user's query: every word must occur.

    ``普京 北约`` → ``"普京" AND "北约"``; ``安全保障`` → ``"安全 全保 保障"``;
    a single character is a prefix query (``俄*``).  Only letters and digits
    get through, so the expression is always valid.
    """
    parts = []
    for run in _RUN.findall(simplified(query).lower()):
        if _HAN.match(run) and len(run) == 1:
            parts.append(f"{run}*")
        else:
            parts.append('"' + " ".join(_grams(run)) + '"')
    return " AND ".join(parts) if parts else _NOTHING


def index_quotes(conn: sqlite3.Connection, quote_ids: Iterable[int]) -> None:
    """(Re)write the search rows of quotes already stored (see :func:`quote_row`)."""
    ids = list(quote_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        conn.execute(f"delete from quote_fts where rowid in ({marks})", chunk)
        rows = conn.execute(
            "select quote.id, quote.text, coalesce(speaker.name, ''), quote.speaker_as_written"
            " from quote left join speaker on speaker.id = quote.speaker_id"
            f" where quote.id in ({marks})", chunk).fetchall()
        conn.executemany("insert into quote_fts (rowid, text, speaker) values (?, ?, ?)",
                         [(qid, *quote_row(text, speaker, written)) for qid, text, speaker, written in rows])
