"""quotes.segment gives exactly what jieba gives, only sooner."""

from __future__ import annotations

import tempfile

import jieba
import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes import segment

from .conftest import SEEDS

# Han characters common in news, rare ones, both scripts, Latin letters, digits, punctuation, spaces
ALPHABET = ("普京拉夫罗夫称美国的反应是务实表示外交部发言人汪文斌說稱強調國務院澤連斯基"
            "曾国卫向对在于和与被讓樂亞囧嘢氹冇咗ABCxyz0123456789.%-_#&+，。：“”「」 \n")
TEXTS = st.text(alphabet=ALPHABET, max_size=40)


def seed_snippets() -> list[str]:
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    return [text[i:i + n] for n in (3, 9, 25) for i in range(0, len(text) - n, 97)]


def jieba_tags(text: str, hmm: bool) -> list[tuple[str, str]]:
    return [(pair.word, pair.flag) for pair in jieba.posseg.cut(text, HMM=hmm)]


def test_words_are_jiebas_dictionary_cut():
    for text in seed_snippets():
        assert segment.words(text) == list(jieba.cut(text, HMM=False)), text


@pytest.mark.parametrize("guess", [False, True])
def test_tags_are_jiebas(guess):
    for text in seed_snippets():
        assert segment.tagged(text, guess=guess) == jieba_tags(text, guess), text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_words_and_tags_match_jieba_on_any_text(text):
    assert segment.words(text) == list(jieba.cut(text, HMM=False))
    assert segment.tagged(text) == jieba_tags(text, False)
    assert segment.tagged(text, guess=True) == jieba_tags(text, True)


def test_guessing_finds_names_outside_the_dictionary():
    assert segment.tagged("赵立坚说", guess=True) == [("赵立坚", "nr"), ("说", "v")]
    assert segment.tagged("赵立坚说")[:3] == [("赵", "nr"), ("立", "v"), ("坚", "v")]


def test_frequency_is_jiebas():
    jieba.dt.check_initialized()
    assert segment.frequency("美国") == jieba.get_FREQ("美国") > 1000
    assert segment.frequency("拉夫罗夫说了") == 0


def test_the_lexicon_cache_is_rebuilt_when_damaged_and_then_read(tmp_path, monkeypatch):
    """jieba's tables are cached in one file; a damaged cache is rebuilt from jieba, never trusted, and older ones go."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    cached = segment._cache_files()[0]
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"\x00 half a file")
    older = cached.with_name("lexicon-0-jieba-0.1.marshal")
    older.write_bytes(b"an older format's cache")
    segment._lexicon.cache_clear()
    try:
        built = segment._lexicon()
        assert built.entries["中国"][:2] == (jieba.dt.FREQ["中国"], jieba.posseg.dt.word_tag_tab["中国"])
        assert cached.stat().st_size > 1_000_000 and list(cached.parent.iterdir()) == [cached]  # no stale or partial file
        segment._lexicon.cache_clear()
        assert segment._lexicon() == built  # read back from the file
    finally:
        segment._lexicon.cache_clear()
