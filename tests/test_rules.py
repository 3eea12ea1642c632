"""Every entry of every rule table is exercised by the example it carries."""

from __future__ import annotations

import re

import regex

import pytest

from quotes.clean import clean_body
from quotes.extract import extract
from quotes.rules import table
from quotes.script import simplified


def _rows(name: str) -> list[dict[str, str]]:
    return [row for row in table(name)]


def _speakers(sentence: str) -> list[tuple[str, str]]:
    return [(q.speaker, q.cue) for q in extract(sentence)]


@pytest.mark.parametrize("row", _rows("verbs"), ids=lambda r: r["word"])
def test_verb_gives_a_quote_with_its_speaker(row):
    found = _speakers(row["example"])
    assert any(speaker.endswith(row["speaker"]) or row["speaker"].endswith(speaker) for speaker, cue in found
               if row["word"] in cue), found


# Tables whose example names exactly one speaker: a cut word or a modal ends the speaker, a tie
# (我母亲) names someone, a name holding a cut word stays whole, how someone spoke is no part of them,
# a surname and an honorific (钟老师) is the person a later pronoun means.
SPEAKER_TABLES = ("cut_words", "modals", "relatives", "compound_names", "manner_nouns", "honorifics", "comparisons",
                  "answer_verbs", "questions", "people_in_general")


@pytest.mark.parametrize("row", [pytest.param(row, id=f"{name}:{row['word']}")
                                 for name in SPEAKER_TABLES for row in _rows(name)])
def test_example_gives_the_tables_speaker(row):
    found = _speakers(row["example"])
    assert found and found[0][0] == row["speaker"], found


@pytest.mark.parametrize("row", _rows("roles"), ids=lambda r: r["word"])
def test_role_is_split_from_the_name(row):
    quotes = extract(row["example"])
    assert quotes and quotes[0].speaker == row["speaker"]
    assert row["word"] in quotes[0].role


@pytest.mark.parametrize("row", _rows("acronyms"), ids=lambda r: r["word"])
def test_known_acronym_speaks_as_an_organisation(row):
    quotes = extract(row["example"])
    assert quotes and (quotes[0].speaker, quotes[0].speaker_kind) == (row["word"], "organisation"), quotes


@pytest.mark.parametrize("row", _rows("groups"), ids=lambda r: r["word"])
def test_a_group_before_is_what_they_refers_to(row):
    quotes = extract(row["example"])
    assert quotes and quotes[-1].speaker == row["speaker"], quotes


@pytest.mark.parametrize("row", _rows("pronouns"), ids=lambda r: r["word"])
def test_pronoun_resolves_to_the_earlier_speaker(row):
    quotes = extract(row["example"])
    if row["kind"] == "unknown":  # 有人, 外界: a speaker no one can name
        quotes = [None] + quotes
    assert len(quotes) == 2, quotes
    assert quotes[1].speaker_as_written.startswith(row["word"])
    assert quotes[1].speaker == row["speaker"]


@pytest.mark.parametrize("row", [pytest.param(row, id=f"{name}:{row['word']}")
                                 for name in ("not_cues", "languages", "degree_adverbs", "own_reporter", "announced_things")
                                 for row in _rows(name)])
def test_example_gives_no_quotation(row):
    """A verb that is no cue there (not_cues, languages), an attitude after a degree adverb (表示十分遗憾), what the
    article's reporter learned (记者从…了解到，…预计…), a short object naming what was reported (通报最新疫情)."""
    assert extract(row["example"]) == []


@pytest.mark.parametrize("row", _rows("noun_markers"), ids=lambda r: r["word"])
def test_noun_use_of_a_verb_is_not_a_cue(row):
    assert extract(row["example"]) == []


@pytest.mark.parametrize("row", _rows("noun_takers"), ids=lambda r: r["word"])
def test_speech_verb_taken_as_an_object_is_not_a_cue(row):
    assert extract(row["example"]) == []


@pytest.mark.parametrize("row", _rows("not_speech_objects"), ids=lambda r: r["word"])
def test_attitude_is_not_speech(row):
    assert extract(row["example"]) == []


@pytest.mark.parametrize("row", _rows("connectives"), ids=lambda r: r["word"])
def test_connective_is_not_part_of_the_speaker(row):
    quotes = extract(row["example"])
    assert quotes and not quotes[-1].speaker.startswith(row["word"]), quotes


@pytest.mark.parametrize("row", _rows("content_stops"), ids=lambda r: r["word"])
def test_content_stops_before_the_journalists_clause(row):
    quotes = extract(row["example"])
    assert quotes and row["word"] not in quotes[0].text, quotes


@pytest.mark.parametrize("row", _rows("recipients"), ids=lambda r: r["word"])
def test_content_told_starts_after_the_one_told(row):
    quotes = extract(row["example"])
    assert quotes and quotes[0].text.startswith(row["content"]), quotes


@pytest.mark.parametrize("row", _rows("frames"), ids=lambda r: r["cue"])
def test_frame_names_the_speaker(row):
    quotes = extract(row["example"])
    assert quotes and quotes[0].speaker == row["speaker"], quotes


@pytest.mark.parametrize("row", _rows("noise"), ids=lambda r: r["what"])
def test_noise_line_is_dropped(row):
    html = f"<p>拉夫罗夫表示，俄方将继续寻求答案。</p><p>{row['example']}</p>"
    assert clean_body(html, "html").paragraphs == ["拉夫罗夫表示，俄方将继续寻求答案。"]


@pytest.mark.parametrize("row", _rows("metadata_lines"), ids=lambda r: r["example"])
def test_metadata_line_becomes_metadata(row):
    clean = clean_body(f"<p>正文。</p><p>{row['example']}</p>", "html")
    assert clean.paragraphs == ["正文。"]
    assert clean.metadata[row["field"]]


@pytest.mark.parametrize("row", _rows("outlets"), ids=lambda r: r["domain"])
def test_outlet_from_domain(row):
    from quotes.read import parse_article

    art = parse_article(f"[标题]({row['example']})\n------\n\n<p>正文。</p>".encode(), "x.md")
    assert art.outlet == row["outlet"]


def test_transliteration_table_reads_a_foreign_name():
    row = _rows("transliteration")[0]
    quotes = extract(f"俄罗斯外交部长{row['example']}表示，俄方将继续寻求答案。")
    assert quotes[0].speaker == row["example"]


def test_every_table_row_is_simplified_chinese():
    """Rules are written once, in simplified characters; the shadow text handles traditional."""
    for name in ("verbs", "cut_words", "roles", "pronouns", "not_cues", "connectives"):
        for row in _rows(name):
            assert simplified(row["word"]) == row["word"], (name, row["word"])
            assert re.search(r"\S", row["example"])


@pytest.mark.parametrize("row", _rows("headline_labels"), ids=lambda r: r["word"])
def test_headline_label_is_no_speaker(row):
    assert extract("正文。", title=row["example"]) == []


@pytest.mark.parametrize("row", _rows("interview_markers"), ids=lambda r: r["word"])
def test_interview_marker_leads_to_the_speaker(row):
    quotes = extract(f"{row['speaker']}说，这是事实。", title=row["example"])
    assert [q.speaker for q in quotes if q.paragraph == 0] == [row["speaker"]]


@pytest.mark.parametrize("row", _rows("topic_markers"), ids=lambda r: r["word"])
def test_topic_marker_is_no_speaker(row):
    assert all(not q.speaker.startswith(row["word"]) for q in extract(row["example"]))


@pytest.mark.parametrize("row", _rows("time_clauses"), ids=lambda r: r["word"])
def test_time_clause_is_not_content(row):
    quotes = extract(row["example"])
    assert all(not q.text.endswith(row["word"]) and row["word"] + "，" not in q.text for q in quotes), quotes


@pytest.mark.parametrize("name", ["places", "documents", "org_suffixes"])
def test_kind_tables(name):
    from quotes.speakers import kind_of

    expected = {"places": "country", "documents": "document", "org_suffixes": "organisation"}[name]
    for row in _rows(name):
        quotes = extract(row["example"])
        assert quotes, row
        assert kind_of(quotes[0].speaker) in (expected, "country", "document", "organisation"), row
        assert quotes[0].speaker_kind == kind_of(quotes[0].speaker)


def test_surname_table_lets_a_chinese_name_follow_a_role():
    for row in _rows("surnames"):
        quotes = extract(f"政制及内地事务局局长{row['example']}指出，初选涉嫌违反国安法。")
        assert quotes[0].speaker == row["example"]
        assert len(row["chars"]) > 300


@pytest.mark.parametrize("row", _rows("outlet_titles"), ids=lambda r: r["outlet"])
def test_outlet_from_title(row):
    from quotes.read import parse_article

    art = parse_article(f"# {row['example']}\n\n正文。\n".encode(), "x.md")
    assert art.title == row["example"] and art.outlet == row["outlet"]


@pytest.mark.parametrize("row", _rows("datelines"), ids=lambda r: r["example"][:8])
def test_dateline_is_no_speaker(row):
    quotes = extract(row["example"])
    assert quotes and quotes[0].speaker.endswith(row["speaker"]), quotes
    assert not regex.search(r"\d|（|【|路透|新华", quotes[0].speaker_as_written), quotes


@pytest.mark.parametrize("row", _rows("passive_markers"), ids=lambda r: r["word"])
def test_passive_subject_is_not_the_speaker(row):
    assert all(row["word"] not in q.speaker_as_written for q in extract(row["example"]))


@pytest.mark.parametrize("row", _rows("negations"), ids=lambda r: r["word"])
def test_negated_verb_reports_nothing(row):
    assert extract(row["example"]) == []


@pytest.mark.parametrize("row", _rows("evidence_nouns"), ids=lambda r: r["word"])
def test_evidence_shows_rather_than_says(row):
    assert extract(row["example"]) == []
    # the same verb after someone who can state a position still reports it
    assert len(extract(row["example"].replace(row["word"] + row["verb"], "外交部" + row["verb"], 1))) == 1


@pytest.mark.parametrize("row", _rows("short_documents"), ids=lambda r: r["word"])
def test_a_short_document_after_a_demonstrative_speaks(row):
    assert [q.speaker for q in extract(row["example"])] == [row["speaker"]]


@pytest.mark.parametrize("row", _rows("report_verbs"), ids=lambda r: r["word"])
def test_what_an_outlet_reports_someone_said_is_theirs(row):
    assert [q.speaker for q in extract(row["example"])] == [row["speaker"]]


@pytest.mark.parametrize("row", _rows("media_suffixes"), ids=lambda r: r["word"])
def test_what_an_outlet_says_someone_said_is_theirs(row):
    assert [q.speaker for q in extract(row["example"])][0] == row["speaker"]


@pytest.mark.parametrize("row", _rows("short_bodies"), ids=lambda r: r["word"])
def test_a_short_body_after_a_demonstrative_is_the_body_that_spoke(row):
    assert [q.speaker for q in extract(row["example"])][-1] == row["speaker"]


@pytest.mark.parametrize("row", _rows("impersonal_verbs"), ids=lambda r: r["word"])
def test_an_impersonal_forecast_after_a_thing_is_no_quotation(row):
    assert extract(row["example"]) == []
    # the same verb after someone who can forecast still reports it
    assert len(extract("交通运输部表示，" + row["example"].split("，", 1)[1])) >= 1


@pytest.mark.parametrize("row", _rows("appeal_verbs"), ids=lambda r: r["word"])
def test_a_quotation_after_an_appeal_is_the_appealing_persons(row):
    assert extract(row["example"].replace("\\n", "\n"))[-1].speaker == row["speaker"]


@pytest.mark.parametrize("row", _rows("causatives"), ids=lambda r: r["word"])
def test_a_belief_someone_was_made_to_hold_is_no_quotation(row):
    assert extract(row["example"]) == []


@pytest.mark.parametrize("row", _rows("title_markers"), ids=lambda r: r["word"])
def test_words_in_marks_used_as_a_title_are_no_quotation(row):
    assert [q for q in extract(row["example"]) if q.kind == "direct"] == []


@pytest.mark.parametrize("row", _rows("field_roles"), ids=lambda r: r["word"])
def test_与_between_two_fields_before_a_role_is_part_of_it(row):
    assert [q.speaker for q in extract(row["example"])] == [row["speaker"]]
