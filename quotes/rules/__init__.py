"""Rule tables: the vocabulary of the extractor, kept as data.

Each ``*.tsv`` file in this folder has a header line and one entry per line;
the ``example`` column holds a sentence the entry must handle, and
``tests/test_rules.py`` runs every one of them.  Matching code imports the
tables through :func:`table` and never hard-codes a word.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """All rows of ``rules/<name>.tsv`` as dicts; ``#`` lines are comments."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def words(name: str, column: str = "word") -> tuple[str, ...]:
    """One column of a table, longest first, so regex alternations prefer it."""
    return tuple(sorted({row[column] for row in table(name)}, key=len, reverse=True))


@cache
def word_set(name: str) -> frozenset[str]:
    """A table's words as a set, for membership tests."""
    return frozenset(words(name))


@cache
def alternation(name: str, min_length: int = 1) -> str:
    """A table's words as one regular-expression alternation, longest first (for ``re`` or ``regex``)."""
    import re

    return "|".join(re.escape(w) for w in words(name) if len(w) >= min_length)


@cache
def chars(name: str) -> frozenset[str]:
    """A table whose rows list characters (``chars`` column), as one set: surnames, transliteration."""
    return frozenset("".join(row["chars"] for row in table(name)))
