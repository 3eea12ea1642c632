"""Word segmentation, part-of-speech tags, word frequencies and IDF weights, in one place.

Segmentation is jieba's dictionary-only cut (no HMM guessing), done by
rjieba (jieba-rs), which uses the same dictionary and gives the same words
about ten times faster.  Tags, frequencies and IDF weights are jieba's own
tables, and guessing words outside the dictionary runs jieba.posseg's own
algorithm and model, with its Viterbi search done by numpy over all 256
states at once instead of pair by pair in Python: the same tags, ten times
sooner.

jieba loads those tables from four sources in three formats (2 s in every
process); :func:`_lexicon` reads them once from jieba and keeps them in one
marshal file in the user's cache, which loads in a fraction of that.
"""

from __future__ import annotations

import marshal
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from math import log
from pathlib import Path

import numpy as np
import rjieba

# jieba.posseg's own block patterns: what they split, guessing splits the same way
_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_SKIP_DETAIL = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")
_MIN_FLOAT = -3.14e100
_LEXICON_FORMAT = 2  # bump when what the cache holds changes


def words(text: str) -> list[str]:
    """jieba's ``cut(text, HMM=False)``, fast."""
    return rjieba.cut(text, False)


def tagged(text: str, guess: bool = False) -> list[tuple[str, str]]:
    """(word, tag) pairs as ``jieba.posseg.cut(text, HMM=guess)`` gives them.

    ``guess`` lets the HMM find words outside the dictionary (names): slower,
    so callers ask for it only when the dictionary leaves lone characters.
    """
    if guess:
        return _guessed(text)
    entries = _lexicon().entries
    return [(word, _tag(word, entries)) for word in words(text)]


def _tag(word: str, entries: dict[str, tuple]) -> str:
    latin = word.isascii() and word.isalnum()
    if latin and len(word) == 1:
        return "eng"  # jieba joins single letters and digits into one 'eng' word
    return _known_tag(word, entries) or ("eng" if latin else "x")


def _known_tag(word: str, entries: dict[str, tuple]) -> str:
    """jieba's tag for a dictionary word; "" for any other."""
    entry = entries.get(word)
    return entry[1] if entry else ""


def frequency(word: str) -> int:
    """How often jieba's dictionary corpus saw ``word`` (0 for words it does not know)."""
    entry = _lexicon().entries.get(word)
    return entry[0] if entry else 0


def common_word(word: str) -> bool:
    """A frequent dictionary word (严重, 黄金, 最后): names are rare in jieba's dictionary, and a word
    read across a boundary (参与 in 曾参与, 定时 in 决定时) is one only if it is frequent."""
    return frequency(word) >= 300


def idf_weights(words: Iterable[str]) -> dict[str, float]:
    """jieba.analyse's inverse document frequency of each word (its median for unknown words); its stop words left out."""
    lexicon = _lexicon()
    entries, median, stop = lexicon.entries, lexicon.median_idf, lexicon.stop_words
    weights = {}
    for word in words:
        if word not in stop:
            entry = entries.get(word)
            weights[word] = entry[2] if entry and entry[2] is not None else median
    return weights


def load() -> None:
    """Load jieba's tables now instead of at the first word (a worker does it while it would wait anyway)."""
    _model()


# -- the lexicon: jieba's tables, cached -----------------------------------------------------------

@dataclass(frozen=True)
class _Lexicon:
    entries: dict[str, tuple[int, str, float | None]]  # dictionary word → (frequency, tag, idf)
    longest: int  # characters in the longest word
    total: int  # the frequencies' sum, as jieba's route search needs it
    median_idf: float
    stop_words: frozenset[str]
    hmm: tuple  # jieba.posseg's model as arrays; see _Model


def _cache_files() -> list[Path]:
    """Where the lexicon is cached: the user's cache folder, else the temporary folder."""
    name = f"lexicon-{_LEXICON_FORMAT}-jieba-{version('jieba')}.marshal"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [Path(base, "quotes", name), Path(tempfile.gettempdir(), "quotes-cache", name)]


@cache
def _lexicon() -> _Lexicon:
    """jieba's tables, from the cache if it holds them, else from jieba (and then cached)."""
    places = _cache_files()
    for path in places:
        try:
            return _Lexicon(*marshal.loads(path.read_bytes()))
        except (OSError, EOFError, ValueError, TypeError):
            continue  # no cache there yet, or a damaged one
    fields = _from_jieba()
    for path in places:
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(marshal.dumps(fields))
            os.replace(partial, path)  # atomic: processes building it at once never read half a file
            for stale in path.parent.glob("lexicon-*.marshal"):
                if stale != path:
                    stale.unlink(missing_ok=True)  # another jieba's or an older format's
            break
        except OSError:
            partial.unlink(missing_ok=True)
    return _Lexicon(*fields)


def _from_jieba() -> tuple:
    """The lexicon's fields, read through jieba's own loaders (so they are exactly jieba's)."""
    import jieba
    import jieba.analyse
    import jieba.posseg
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    tags, tfidf = jieba.posseg.dt.word_tag_tab, jieba.analyse.default_tfidf
    # Dictionary words only: jieba also keeps every word's prefixes (frequency 0) for its route search, which
    # checks each length up to the longest word instead; IDF weights of words outside the dictionary are never
    # asked for, since only dictionary words come out of segmentation.
    entries = {word: (freq, tags.get(word, ""), tfidf.idf_freq.get(word)) for word, freq in jieba.dt.FREQ.items() if freq}
    states = sorted(trans_P, reverse=True)
    chars = sorted({char for table in emit_P.values() for char in table} | set(char_state_tab_P))
    emit = np.full((len(chars) + 1, len(states)), _MIN_FLOAT)  # the last row: a character the model never saw
    possible = np.ones((len(chars) + 1, len(states)), dtype=bool)
    number = {state: i for i, state in enumerate(states)}
    for row, char in enumerate(chars):
        emit[row] = [emit_P[state].get(char, _MIN_FLOAT) for state in states]
        if char in char_state_tab_P:
            possible[row] = False
            possible[row, [number[s] for s in char_state_tab_P[char]]] = True
    trans = [[trans_P[a].get(b) for b in states] for a in states]
    hmm = (states, [start_P[s] for s in states], trans, chars, emit.tobytes(), possible.tobytes())
    return entries, max(map(len, entries)), jieba.dt.total, tfidf.median_idf, frozenset(tfidf.stop_words), hmm


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


def _route_words(block: str, lexicon: _Lexicon) -> list[str]:
    """The likeliest path of dictionary words through ``block``: jieba's ``get_DAG`` and ``calc``.

    On Chinese characters alone that is exactly the dictionary-only cut, which rjieba makes;
    with Latin letters or digits among them (which that cut would join) the path is found here.
    """
    if _HAN_DETAIL.fullmatch(block):
        return words(block)
    entries, n = lexicon.entries, len(block)
    ends: list[list[int]] = []
    for k in range(n):
        ends.append([i for i in range(k, min(n, k + lexicon.longest)) if block[k:i + 1] in entries] or [k])
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    log_total = log(lexicon.total)
    for k in range(n - 1, -1, -1):
        route[k] = max((log(frequency(block[k:x + 1]) or 1) - log_total + route[x + 1][0], x)
                       for x in ends[k])
    out, k = [], 0
    while k < n:
        out.append(block[k:route[k][1] + 1])
        k = route[k][1] + 1
    return out


def _dictionary_then_hmm(block: str) -> list[tuple[str, str]]:
    """Dictionary words as they are; runs of lone characters that form no known word go to the HMM."""
    lexicon = _lexicon()
    entries = lexicon.entries
    out: list[tuple[str, str]] = []
    run = ""

    def tag(word: str) -> str:
        return _known_tag(word, entries) or "x"

    def flush() -> None:
        if len(run) == 1:
            out.append((run, tag(run)))
        elif run and not frequency(run):
            out.extend(_hmm_detail(run))
        else:
            out.extend((ch, tag(ch)) for ch in run)

    for word in _route_words(block, lexicon):
        if len(word) == 1:
            run += word
        else:
            flush()
            run = ""
            out.append((word, tag(word)))
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

    def __init__(self, states: list, start: list[float], trans: list[list[float | None]], chars: list[str],
                 emit: bytes, possible: bytes) -> None:
        self.states = states
        n = len(states)
        self.start = np.array(start)
        self.follows = np.array([[p is not None for p in row] for row in trans])
        self.trans = np.array([[-np.inf if p is None else p for p in row] for row in trans])
        self.leads_on = self.follows.any(axis=1)
        self.row = {char: i for i, char in enumerate(chars)}  # a character the model never saw: the last row
        self.emit_rows = np.frombuffer(emit, dtype=np.float64).reshape(len(chars) + 1, n)
        self.possible_rows = np.frombuffer(possible, dtype=bool).reshape(len(chars) + 1, n)

    def emit(self, char: str) -> np.ndarray:
        return self.emit_rows[self.row.get(char, -1)]

    def possible(self, char: str) -> np.ndarray:
        return self.possible_rows[self.row.get(char, -1)]


@cache
def _model() -> _Model:
    return _Model(*_lexicon().hmm)


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
