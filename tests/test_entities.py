"""Speakers as entities across articles, and claims as clusters of quotes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from .conftest import rows as _rows
from quotes.claims import normalise, similar
from quotes.cli import cli
from quotes.entities import _names_someone, name_key, role_key, roles_agree
from quotes.pipeline import build
from quotes.rules import table



def speaker_of(db: Path, alias: str) -> set[str]:
    return {name for (name,) in _rows(db, "select speaker.name from alias join speaker on speaker.id = alias.speaker_id"
                                          " where alias.alias = ?", (alias,))}


def test_seed_speakers_are_one_entity_each(seeds_db):
    lavrov = {"拉夫罗夫", "谢尔盖·拉夫罗夫", "俄罗斯外交部长谢尔盖·拉夫罗夫"}
    putin = {"普京", "弗拉基米尔·普京", "弗拉基米尔普京", "俄罗斯总统普京"}
    assert set().union(*(speaker_of(seeds_db, a) for a in lavrov)) == {"谢尔盖·拉夫罗夫"}
    assert set().union(*(speaker_of(seeds_db, a) for a in putin)) == {"弗拉基米尔·普京"}
    written = {w for (w,) in _rows(seeds_db, "select distinct speaker_as_written from quote join speaker on speaker.id = speaker_id"
                                             " where speaker.name = '谢尔盖·拉夫罗夫'")}
    assert {"拉夫罗夫", "俄罗斯外交部长谢尔盖·拉夫罗夫"} <= written
    reasons = dict(_rows(seeds_db, "select merged_name, reason from speaker_merge"))
    assert "俄" in reasons["拉夫罗夫"] and "外交部长" in reasons["拉夫罗夫"]
    assert "俄罗斯总统" in reasons["普京"]


def test_search_finds_a_merged_speaker_by_the_name_they_were_merged_into(seeds_db):
    """An article that wrote only 拉夫罗夫 is found by a search for 谢尔盖 once the two are one speaker."""
    from quotes.publish.search import match_expression

    query = f"speaker : {match_expression('谢尔盖')}"
    hits = _rows(seeds_db, "select count(*) from quote_fts where quote_fts match ?", (query,))
    named = _rows(seeds_db, "select count(*) from quote_list where speaker like '谢尔盖·%'")[0][0]  # (拉夫罗夫, 里亚布科夫)
    assert hits[0][0] == named > _rows(seeds_db, "select count(*) from quote_list where speaker = '谢尔盖·拉夫罗夫'")[0][0] > 4


def test_roles_are_kept_with_article_and_date(seeds_db):
    roles = _rows(seeds_db, "select role, published from speaker_role join speaker on speaker.id = speaker_id"
                            " where speaker.name = '谢尔盖·拉夫罗夫'")
    assert ("俄罗斯外交部长", "2021-12-23T01:54:48Z") in roles


@pytest.mark.parametrize("a,b", [("弗拉基米尔·普京", "弗拉基米尔普京"), ("拉夫羅夫", "拉夫罗夫"), ("澤連斯基", "泽连斯基"),
                                 ("蓬佩奧", "蓬佩奥"), ("Zhao Wenhao", "ZhaoWenhao")])
def test_name_key_ignores_script_dots_and_spaces(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("row", list(table("role_synonyms")), ids=lambda r: r["short"])
def test_role_synonym_spells_out_the_abbreviation(row):
    prefix, core = role_key(row["example"][: row["example"].index(row["short"]) + len(row["short"])]
                            if row["short"] in row["example"] else row["example"])
    assert row["long"] in prefix + core or core.endswith(row["long"][-2:])


def test_roles_agree_across_abbreviations_but_not_countries():
    assert roles_agree({"俄外长"}, {"俄罗斯外交部长"})
    assert roles_agree({"总统"}, {"美国总统"})
    assert not roles_agree({"美国总统"}, {"俄罗斯总统"})
    assert not roles_agree({"美国总统"}, {"美国国务卿"})


def _articles(root: Path, texts: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _built(tmp_path: Path, texts: dict[str, str]) -> Path:
    """A database built from these articles (written under tmp_path/src)."""
    db = tmp_path / "q.db"
    build([_articles(tmp_path / "src", texts)], db)
    return db


def _names(db: Path) -> set[str]:
    return {n for (n,) in _rows(db, "select name from speaker")}


def test_same_surname_different_people_stay_apart(tmp_path):
    db = _built(tmp_path, {
        "a.md": "美国总统乔·拜登表示，美国将继续支持乌克兰。\n",
        "b.md": "拜登的儿子亨特·拜登说，他从未参与这些交易。\n",
        "c.md": "美国总统拜登周一表示，政府将提供新的援助。\n",
    })
    names = _names(db)
    assert "亨特·拜登" in names and "乔·拜登" in names
    assert speaker_of(db, "拜登") == {"乔·拜登"}  # c.md's 美国总统拜登 is 乔·拜登, not his son
    assert _rows(db, "select count(*) from quote join speaker on speaker.id = speaker_id where speaker.name = '亨特·拜登'")[0][0] == 1


def test_traditional_and_simplified_forms_merge(tmp_path):
    db = _built(tmp_path, {
        "trad.md": "俄羅斯外交部長謝爾蓋·拉夫羅夫說，俄方將繼續對話。\n",
        "simp.md": "俄罗斯外交部长谢尔盖·拉夫罗夫说，俄方愿意继续谈判。\n",
    })
    assert _rows(db, "select count(*) from speaker where kind = 'person'")[0][0] == 1
    aliases = {a for (a,) in _rows(db, "select alias from alias")}
    assert {"謝爾蓋·拉夫羅夫", "谢尔盖·拉夫罗夫"} <= aliases


def test_no_speaker_without_a_role_is_merged(tmp_path):
    db = _built(tmp_path, {
        "a.md": "美国总统乔·拜登表示，美国将继续支持乌克兰。\n",
        "b.md": "拜登说，这是一次成功的会议。\n",
    })
    assert _names(db) == {"乔·拜登", "拜登"}


def test_merge_reasons_do_not_depend_on_the_hash_seed(tmp_path):
    """A short name sharing several roles with a full name is explained the same way in every run."""
    src = _articles(tmp_path / "src", {
        "a.md": "俄罗斯外交部长谢尔盖·拉夫罗夫说，俄方将继续对话。俄外长谢尔盖·拉夫罗夫还表示，谈判仍有可能。\n",
        "b.md": "俄罗斯外交部长拉夫罗夫说，俄方愿意继续谈判。俄外长拉夫罗夫还表示，制裁没有用。\n",
    })
    reasons = set()
    for seed in ("1", "2", "3", "4", "5"):
        db = tmp_path / f"q{seed}.db"
        subprocess.run([sys.executable, "-m", "quotes", "build", str(src), "--db", str(db), "--quiet"],
                       env={**os.environ, "PYTHONHASHSEED": seed}, check=True, capture_output=True)
        reasons.add(tuple(_rows(db, "select merged_name, reason from speaker_merge order by id")))
    assert len(reasons) == 1
    assert ("拉夫罗夫", "short name of 谢尔盖·拉夫罗夫; both 俄外长") in reasons.pop()


@pytest.mark.parametrize("row", table("office_suffixes"), ids=lambda r: r["word"])
def test_a_bare_office_names_no_one_until_a_place_comes_first(row):
    assert not _names_someone(row["example"], "organisation")
    assert _names_someone("美国" + row["example"], "organisation")


def test_generic_speakers_are_not_merged_across_scripts(tmp_path):
    db = _built(tmp_path, {
        "tw.md": "國防部表示，演習將於週五結束。發言人說，共軍機艦持續在台海周邊活動。\n",
        "cn.md": "国防部表示，演习是例行安排。发言人说，解放军将坚决捍卫国家主权。\n",
        "a.md": "美國國務卿蓬佩奧說，中共必須停止迫害。\n",
        "b.md": "美国国务卿蓬佩奥说，美国将采取行动。\n",
    })
    names = _names(db)
    assert {"國防部", "国防部"} <= names  # Taiwan's ministry and China's: two speakers
    assert len(names & {"蓬佩奧", "蓬佩奥"}) == 1  # one person in two scripts: one speaker


@pytest.mark.parametrize("a,b,same", [
    ("我们对这一决定深感遗憾。", "“我们对这一决定深感遗憾”", True),
    ("我們對這一決定深感遺憾。", "我们对这一决定深感遗憾", True),
    ("俄罗斯将对不友好的行为做出强有力的回应", "俄罗斯将对任何不友好的行为做出强有力的回应", True),
    ("俄罗斯将对不友好的行为做出强有力的回应", "北约东扩是对俄罗斯安全的直接威胁", False),
])
def test_near_duplicates(a, b, same):
    assert similar(normalise(a), normalise(b)) is same


def test_clusters_across_articles(tmp_path):
    src = _articles(tmp_path / "src", {
        "a.md": "---\ntitle: 一\nauthor: 甲报\ndate: 2022-01-01\n---\n\n俄罗斯总统普京说：“俄罗斯将对不友好的行为做出强有力的回应。”\n",
        "b.md": "---\ntitle: 二\nauthor: 乙台\ndate: 2022-01-02\n---\n\n俄罗斯总统普京说：“俄罗斯将对任何不友好的行为做出强有力的回应。”\n",
        "c.md": "---\ntitle: 三\nauthor: 丙网\ndate: 2022-01-03\n---\n\n俄罗斯总统普京说：“北约东扩是对俄罗斯安全的直接威胁。”\n",
    })
    db = tmp_path / "q.db"
    build([src], db)
    clusters = _rows(db, "select quotes, articles, outlets, first_published from cluster order by quotes desc")
    assert clusters == [(2, 2, 2, "2022-01-01T00:00:00Z"), (1, 1, 1, "2022-01-03T00:00:00Z")]
    assert _rows(db, "select count(*) from quote where cluster_id is null")[0][0] == 0
    before = _rows(db, "select * from cluster order by id")
    build([src], db)  # idempotent
    assert _rows(db, "select * from cluster order by id") == before


def test_keywords_and_mentions_answer_who_said_what_about(tmp_path):
    db = _built(tmp_path, {"a.md": "中国外交部长王毅表示，中方愿同印度加强合作，共同维护边境和平。\n"})
    rows = _rows(db, "select quote.text from quote join speaker on speaker.id = quote.speaker_id"
                     " join quote_mention on quote_mention.quote_id = quote.id"
                     " where speaker.name = '王毅' and quote_mention.name = '印度'")
    assert rows and "印度" in rows[0][0]
    keywords = {k for (k,) in _rows(db, "select keyword from quote_keyword")}
    assert "印度" in keywords or "边境" in keywords


def test_speakers_command(seeds_db):
    result = CliRunner().invoke(cli, ["speakers", "--db", str(seeds_db), "-n", "5"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "speaker" in lines[0] and len(lines) == 6
    assert "谢尔盖·拉夫罗夫" in result.output


def test_clusters_are_the_same_however_many_quotes_are_read_at_once(seeds_db, tmp_path, monkeypatch):
    """Clustering reads a slice of speakers at a time (bounded memory): the slices never change the clusters."""
    import shutil

    from quotes import claims, store

    whole = _rows(seeds_db, "select * from cluster order by id")
    sliced = tmp_path / "sliced.db"
    shutil.copy(seeds_db, sliced)
    monkeypatch.setattr(claims, "QUOTES_AT_ONCE", 1)  # a slice per speaker
    conn = store.connect(sliced)
    try:
        with store.immediate(conn):
            claims.cluster_quotes(conn)
    finally:
        conn.close()
    assert len(whole) > 50 and _rows(sliced, "select * from cluster order by id") == whole
    assert _rows(sliced, "select count(*) from quote where cluster_id is null")[0][0] == 0
