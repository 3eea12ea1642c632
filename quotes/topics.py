"""What a quote is about: keywords (jieba TF-IDF) and the people, organisations and places it names.

Stored in ``quote_keyword`` and ``quote_mention`` so that "what did 王毅 say
about 印度" is one SQL query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

import re

import regex

from . import segment
from .rules import alternation
from .script import simplified
from .speakers import kind_of

KEYWORDS = 5
_HAN_WORD = regex.compile(r"^\p{Han}{2,}$")


@lru_cache(maxsize=100_000)
def _is_han_word(token: str) -> bool:
    """Two or more Chinese characters and nothing else (memoised: the same words come back in every quote)."""
    return bool(_HAN_WORD.match(token))


@lru_cache(maxsize=10_000)
def _short_name(name: str) -> str:
    """How quotes mention a person: the last part of a dotted name (谢尔盖·拉夫罗夫 → 拉夫罗夫), simplified."""
    return simplified(name).split("·")[-1]


@cache
def _places() -> re.Pattern:
    """All place names as one pattern, longest first."""
    return re.compile(alternation("places", min_length=2))


def describe(text: str, people: Iterable[str]) -> tuple[list[tuple[str, float]], list[tuple[str, str]]]:
    """Keywords (TF-IDF against jieba's corpus) and named mentions of one quote, from one segmentation.

    Mentions are the article's people, places (美国, 北约) and organisations (…部, …委员会).
    """
    shadow = simplified(text)
    counts = {w: c for w, c in Counter(segment.words(shadow)).items() if _is_han_word(w)}  # (each word tested once)
    idf = segment.idf_weights(counts)
    counts = {w: c for w, c in counts.items() if w in idf}
    total = sum(counts.values()) or 1
    weights = sorted(((c / total * idf[w], w) for w, c in counts.items()), reverse=True)[:KEYWORDS]
    found: dict[str, str] = {}
    for name in people:
        short = _short_name(name)
        if len(short) >= 2 and short in shadow:
            found[name] = "person"
    for m in _places().finditer(shadow):
        found.setdefault(m.group(), "place")
    for token in counts:
        if len(token) >= 3 and token not in found and kind_of(token) == "organisation":
            found[token] = "organisation"
    return [(w, round(weight, 4)) for weight, w in weights], sorted(found.items())
