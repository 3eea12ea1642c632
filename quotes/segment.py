"""Word segmentation, part-of-speech tags and word frequencies, in one place.

Segmentation is jieba's dictionary-only cut (no HMM guessing), done by
rjieba (jieba-rs), which uses the same dictionary and gives the same words
about ten times faster.  Tags come from jieba's own word → tag table, so they
are jieba's.  Guessing words outside the dictionary runs jieba.posseg's own
algorithm and model, with its Viterbi search done by numpy over all 256
states at once instead of pair by pair in Python: the same tags, ten times
sooner.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import jieba
import numpy as np
import rjieba

jieba.setLogLevel(60)

# jieba.posseg's own block patterns: what they split, guessing splits the same way
_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_SKIP_DETAIL = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")
_MIN_FLOAT = -3.14e100


def words(text: str) -> list[str]:
    """jieba's ``cut(text, HMM=False)``, fast."""
    return rjieba.cut(text, False)


@cache
def _tag_table() -> dict[str, str]:
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


def tagged(text: str, guess: bool = False) -> list[tuple[str, str]]:
    """(word, tag) pairs as ``jieba.posseg.cut(text, HMM=guess)`` gives them.

    ``guess`` lets the HMM find words outside the dictionary (names): slower,
    so callers ask for it only when the dictionary leaves lone characters.
    """
    if guess:
        return _guessed(text)
    table = _tag_table()
    return [(word, _tag(word, table)) for word in words(text)]


def _tag(word: str, table: dict[str, str]) -> str:
    latin = word.isascii() and word.isalnum()
    if latin and len(word) == 1:
        return "eng"  # jieba joins single letters and digits into one 'eng' word
    return table.get(word) or ("eng" if latin else "x")


@cache
def _frequencies() -> dict[str, int]:
    jieba.dt.check_initialized()  # jieba loads its dictionary lazily; get_FREQ alone would not
    return jieba.dt.FREQ


def frequency(word: str) -> int:
    """How often jieba's dictionary corpus saw ``word`` (0 for words it does not know)."""
    return _frequencies().get(word) or 0


# -- guessing: jieba.posseg.cut(text, HMM=True) ---------------------------------------------------

Tagged = list[tuple[str, str]]


def _blocks(text: str, han: re.Pattern, skip: re.Pattern, on_han, on_other) -> Tagged:
    """jieba's block loop: runs that ``han`` matches go to ``on_han``, the pieces ``skip`` cuts the rest into to ``on_other``."""
    out: Tagged = []
    for block in han.split(text):
        if han.match(block):
            out.extend(on_han(block))
            continue
        for part in skip.split(block):
            out.extend(on_other(part))
    return out


def _guessed(text: str) -> Tagged:
    def other(part: str) -> Tagged:
        if _SKIP_INTERNAL.match(part):
            return [(part, "x")]
        return [(ch, "m" if _NUM.match(ch) else "eng" if _ENG.match(part) else "x") for ch in part]

    return _blocks(text, _HAN_INTERNAL, _SKIP_INTERNAL, _dictionary_then_hmm, other)


def _dictionary_then_hmm(block: str) -> list[tuple[str, str]]:
    """Dictionary words as they are; runs of lone characters that form no known word go to the HMM."""
    tokenizer, table = jieba.dt, _tag_table()
    tokenizer.check_initialized()
    route: dict[int, tuple[float, int]] = {}
    tokenizer.calc(block, tokenizer.get_DAG(block), route)
    out: list[tuple[str, str]] = []
    run = ""

    def flush() -> None:
        if len(run) == 1:
            out.append((run, table.get(run, "x")))
        elif run and not tokenizer.FREQ.get(run):
            out.extend(_hmm_detail(run))
        else:
            out.extend((ch, table.get(ch, "x")) for ch in run)

    x = 0
    while x < len(block):
        y = route[x][1] + 1
        word = block[x:y]
        if y - x == 1:
            run += word
        else:
            flush()
            run = ""
            out.append((word, table.get(word, "x")))
        x = y
    flush()
    return out


def _hmm_detail(run: str) -> Tagged:
    def other(part: str) -> Tagged:
        return [(part, "m" if _NUM.match(part) else "eng" if _ENG.match(part) else "x")] if part else []

    return _blocks(run, _HAN_DETAIL, _SKIP_DETAIL, _hmm_words, other)


@lru_cache(maxsize=20_000)
def _hmm_words(chars: str) -> tuple[tuple[str, str], ...]:
    """Words and tags the HMM reads in a run of Han characters (B/M/E/S positions with a tag)."""
    states = _viterbi(chars)
    out, begin, following = [], 0, 0
    for i, char in enumerate(chars):
        position, tag = states[i]
        if position == "B":
            begin = i
        elif position == "E":
            out.append((chars[begin:i + 1], tag))
            following = i + 1
        elif position == "S":
            out.append((char, tag))
            following = i + 1
    if following < len(chars):
        out.append((chars[following:], states[following][1]))
    return tuple(out)


class _Model:
    """jieba.posseg's HMM as arrays.  States are numbered in descending order, so that numpy's
    first maximum is the one jieba's ``max((score, state))`` picks on a tie: the greatest state."""

    def __init__(self) -> None:
        from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

        self.states = sorted(trans_P, reverse=True)
        number = {state: i for i, state in enumerate(self.states)}
        n = len(self.states)
        self.start = np.array([start_P[s] for s in self.states])
        self.trans = np.full((n, n), -np.inf)
        self.follows = np.zeros((n, n), dtype=bool)
        for before, after in trans_P.items():
            for state, p in after.items():
                self.trans[number[before], number[state]] = p
                self.follows[number[before], number[state]] = True
        self.leads_on = self.follows.any(axis=1)
        self.emit_table = emit_P
        self.possible_table = char_state_tab_P
        self.number = number

    @lru_cache(maxsize=10_000)
    def emit(self, char: str) -> np.ndarray:
        return np.array([self.emit_table[s].get(char, _MIN_FLOAT) for s in self.states])

    @lru_cache(maxsize=10_000)
    def possible(self, char: str) -> np.ndarray:
        if char not in self.possible_table:
            return np.ones(len(self.states), dtype=bool)
        mask = np.zeros(len(self.states), dtype=bool)
        mask[[self.number[s] for s in self.possible_table[char]]] = True
        return mask


@cache
def _model() -> _Model:
    return _Model()


def _viterbi(chars: str) -> list[tuple[str, str]]:
    """The most likely state of each character, exactly as jieba.posseg.viterbi finds it."""
    m = _model()
    alive = m.possible(chars[0])
    score = np.where(alive, m.start + m.emit(chars[0]), -np.inf)
    back: list[np.ndarray] = []
    for char in chars[1:]:
        before = np.flatnonzero(alive & m.leads_on)
        expected = m.follows[before].any(axis=0)
        alive = m.possible(char) & expected
        if not alive.any():
            alive = expected if expected.any() else np.ones(len(m.states), dtype=bool)
        after = np.flatnonzero(alive)
        candidates = score[before][:, None] + m.trans[np.ix_(before, after)] + m.emit(char)[after]
        best = candidates.argmax(axis=0)
        score = np.full(len(m.states), -np.inf)
        score[after] = candidates[best, np.arange(len(after))]
        pointer = np.zeros(len(m.states), dtype=np.int64)
        pointer[after] = before[best]
        back.append(pointer)
    final = np.flatnonzero(alive)
    state = int(final[score[final].argmax()])
    path = [state]
    for pointer in reversed(back):
        state = int(pointer[state])
        path.append(state)
    return [m.states[i] for i in reversed(path)]
