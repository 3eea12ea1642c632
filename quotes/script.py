"""Traditional → simplified, one character for one character (and 丶, typed for 、, read as the comma).

The matcher runs on a simplified *shadow* of the text that has exactly the
same length, so rules are written once (in simplified characters) and every
offset found in the shadow is valid in the original text.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _table() -> dict[int, str]:
    """OpenCC's character table, kept to its one-to-one entries."""
    import opencc

    path = resources.files(opencc).joinpath("dictionary", "TSCharacters.txt")
    mapping: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2:
            target = parts[1].split(" ")[0]
            if len(parts[0]) == 1 and len(target) == 1 and target != parts[0]:
                mapping[ord(parts[0])] = target
    mapping[ord("丶")] = "、"  # the dot radical some outlets type for the enumeration comma (罗冠聪丶周庭)
    return mapping


@cache
def _traditional() -> frozenset[str]:
    return frozenset(map(chr, _table()))


def simplified(text: str) -> str:
    """The same text with traditional characters replaced; same length.

    Most articles are simplified throughout: checking for a traditional
    character costs half as much as translating, so that is done first.
    """
    return text if _traditional().isdisjoint(text) else text.translate(_table())
