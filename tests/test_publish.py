"""Stage 6: the Datasette face — Chinese search, facets, canned queries, CSV, the context page."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette

from quotes.api import SETTINGS, datasette_app
from quotes.publish.search import index_text, match_expression


@pytest.fixture(scope="module")
def ds(seeds_db):
    return datasette_app(seeds_db)


def get(ds, path: str):
    return asyncio.run(ds.client.get(path))


def rows(ds, db: Path, path: str) -> list[dict]:
    sep = "&" if "?" in path else "?"
    response = get(ds, f"/{db.stem}/{path}{sep}_shape=array&_size=max")
    assert response.status_code == 200, response.text[:500]
    return response.json()


def expected_hits(db: Path, word: str) -> int:
    """Quotes whose text or speaker contains ``word`` — what a search must return."""
    conn = sqlite3.connect(db)
    conn.create_function("simp", 1, lambda s: __import__("quotes.script", fromlist=["x"]).simplified(s or ""))
    try:
        return conn.execute("select count(*) from quote_list where instr(simp(quote), ?) or instr(simp(speaker), ?)"
                            " or instr(simp(speaker_as_written), ?)", (word, word, word)).fetchone()[0]
    finally:
        conn.close()


QUERIES = ["普京", "北约", "安全保障", "泽连斯基", "拉夫罗夫", "乌克兰", "俄罗斯", "制裁", "演习", "布林肯", "外交部", "克里姆林宫"]


@pytest.mark.parametrize("word", QUERIES)
def test_search_finds_every_quote_containing_the_word(ds, seeds_db, word):
    hits = rows(ds, seeds_db, f"quote_list.json?_search={word}")
    assert len(hits) == expected_hits(seeds_db, word) > 0
    for hit in hits:
        assert word in hit["quote"] or word in hit["speaker"] or word in hit["speaker_as_written"]


def test_search_hit_counts_on_the_seeds(ds, seeds_db):
    counts = {word: len(rows(ds, seeds_db, f"quote_list.json?_search={word}")) for word in QUERIES}
    assert counts["普京"] >= 10 and counts["北约"] >= 8 and counts["安全保障"] >= 3, counts


def test_multi_word_search_needs_every_word(ds, seeds_db):
    both = rows(ds, seeds_db, "quote_list.json?_search=普京 北约")
    assert both and all(("普京" in h["quote"] + h["speaker"]) and "北约" in h["quote"] for h in both)
    assert len(both) < len(rows(ds, seeds_db, "quote_list.json?_search=北约"))


def test_traditional_query_finds_simplified_text(ds, seeds_db):
    assert rows(ds, seeds_db, "quote_list.json?_search=澤連斯基") == rows(ds, seeds_db, "quote_list.json?_search=泽连斯基")
    assert rows(ds, seeds_db, "quote_list.json?_search=拉夫羅夫") == rows(ds, seeds_db, "quote_list.json?_search=拉夫罗夫")


def test_search_also_works_on_the_quote_table(ds, seeds_db):
    assert len(rows(ds, seeds_db, "quote.json?_search=普京")) == len(rows(ds, seeds_db, "quote_list.json?_search=普京"))


@pytest.mark.parametrize("text,query,found", [
    ("蓬佩奥星期一说", "蓬佩奧", True),
    ("川普政府表示", "川普", True),
    ("北约东扩", "北约", True),
    ("北方的约定", "北约", False),
    ("Trump said NATO", "nato", True),
])
def test_index_and_query_agree(text, query, found):
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(x)")
    conn.execute("insert into t values (?)", (index_text(text),))
    assert bool(conn.execute("select count(*) from t where t match ?", (match_expression(query),)).fetchone()[0]) is found


def test_hostile_query_is_harmless(ds, seeds_db):
    for query in ['"', "AND OR NOT", "*", "普京\" OR \"", "NEAR(", "'; drop table quote; --"]:
        response = get(ds, f"/{seeds_db.stem}/quote_list.json?_search={query}")
        assert response.status_code == 200, (query, response.text[:200])


def test_facets_on_the_quote_list(ds, seeds_db):
    data = get(ds, f"/{seeds_db.stem}/quote_list.json?_facet=speaker&_facet=outlet&_facet=kind").json()
    facets = data["facet_results"]
    assert {"speaker", "outlet", "kind"} <= set(facets)
    speakers = {f["value"]: f["count"] for f in facets["speaker"]["results"]}
    assert speakers["谢尔盖·拉夫罗夫"] >= 14  # 拉夫罗夫 of one article is merged into the full name of another


def counts(facet: dict) -> dict:
    return {value["value"]: value["count"] for value in facet["results"]}


def live_counts(db: Path, column: str, where: str = "1") -> dict:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute(f"select {column}, count(*) from quote_list where {where} and {column} is not null"
                                 f" group by {column} order by count(*) desc, {column} limit 30"))
    finally:
        conn.close()


@pytest.mark.parametrize("column", ["speaker", "outlet", "kind", "cue"])
def test_the_quote_list_opens_with_stored_facet_counts_equal_to_live_ones(ds, seeds_db, column):
    facet = get(ds, f"/{seeds_db.stem}/quote_list.json").json()["facet_results"][column]
    assert facet["type"] == "counted"
    assert counts(facet) == live_counts(seeds_db, column)


def test_filtered_pages_count_their_own_rows(ds, seeds_db):
    facets = get(ds, f"/{seeds_db.stem}/quote_list.json?kind=direct").json()["facet_results"]
    assert counts(facets["kind"]) == {"direct": live_counts(seeds_db, "kind")["direct"]}
    assert counts(facets["speaker"]) == live_counts(seeds_db, "speaker", "kind = 'direct'")
    searched = get(ds, f"/{seeds_db.stem}/quote_list.json?_search=普京").json()
    assert sum(counts(searched["facet_results"]["kind"]).values()) == searched["filtered_table_rows_count"]


@pytest.mark.parametrize("column", ["speaker", "outlet", "kind", "cue"])
def test_a_search_counts_each_facet_over_its_own_rows(ds, seeds_db, column):
    """The four facets of a search are counted in one query; each must still be its column's own counts."""
    facets = get(ds, f"/{seeds_db.stem}/quote_list.json?_search=普京").json()["facet_results"]
    matched = "id in (select rowid from quote_fts where quote_fts match '\"普京\"')"
    assert counts(facets[column]) == live_counts(seeds_db, column, matched)
    assert counts(facets[column])


def test_a_column_without_stored_counts_is_counted_beside_stored_ones(ds, seeds_db):
    facets = get(ds, f"/{seeds_db.stem}/quote_list.json?_facet_counted=role").json()["facet_results"]
    assert counts(facets["role"]) == live_counts(seeds_db, "role")
    assert counts(facets["kind"]) == live_counts(seeds_db, "kind")


def altered_copy(db: Path, to: Path, sql: str) -> Path:
    """A copy of ``db`` with one statement applied."""
    to.write_bytes(db.read_bytes())
    conn = sqlite3.connect(to)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return to


def test_unfiltered_counts_come_from_the_build_and_values_link_to_their_filter(seeds_db, tmp_path):
    copy = altered_copy(seeds_db, tmp_path / "copy.db",
                        "update facet_count set count = 12345 where column_name = 'kind' and value = 'direct'")
    other = datasette_app(copy)
    kind = get(other, "/copy/quote_list.json").json()["facet_results"]["kind"]
    assert counts(kind)["direct"] == 12345  # read, not counted
    direct = next(value for value in kind["results"] if value["value"] == "direct")
    assert direct["toggle_url"].endswith("/copy/quote_list.json?kind=direct")
    filtered = get(other, "/copy/quote_list.json?kind=direct").json()["facet_results"]["kind"]
    assert counts(filtered)["direct"] == live_counts(copy, "kind")["direct"]
    assert filtered["results"][0]["selected"] is True


def test_a_database_from_before_stored_counts_still_facets_and_gets_them_on_the_next_build(seeds_db, tmp_path):
    copy = altered_copy(seeds_db, tmp_path / "old.db", "drop table facet_count")
    kind = get(datasette_app(copy), "/old/quote_list.json").json()["facet_results"]["kind"]
    assert counts(kind) == live_counts(seeds_db, "kind")
    from quotes import store

    conn = store.connect(copy)  # the table comes back empty; the build's finishing step fills it
    assert store.needs_finishing(conn)
    store.finish(conn)
    assert not store.needs_finishing(conn)
    assert dict(conn.execute("select value, count from facet_count where column_name = 'kind'")) == live_counts(copy, "kind")
    conn.close()


def test_csv_streams_every_matching_row(ds, seeds_db):
    response = get(ds, f"/{seeds_db.stem}/quote_list.csv?_search=俄罗斯&_stream=on&_size=max")
    assert response.status_code == 200
    lines = [line for line in response.text.splitlines() if line]
    assert len(lines) - 1 == expected_hits(seeds_db, "俄罗斯")


@pytest.mark.parametrize("name,params,minimum", [
    ("who_said", "word=北约", 5),
    ("speaker_said", "speaker=拉夫罗夫&about=", 10),
    ("speaker_said", "speaker=拉夫罗夫&about=美国", 1),
    ("top_speakers", "", 10),
    ("speaker_timeline", "speaker=普京", 1),
    ("mentions", "name=乌克兰", 5),
    ("said_about", "speaker=普京&about=北约", 1),
])
def test_canned_queries(ds, seeds_db, name, params, minimum):
    result = rows(ds, seeds_db, f"{name}.json?{params}")
    assert len(result) >= minimum, result


def test_canned_query_for_repeated_quotes_runs(ds, seeds_db):
    assert rows(ds, seeds_db, "reported_by_several_outlets.json") == []  # the seeds never repeat a quote


def test_context_page_highlights_the_quote(ds, seeds_db):
    quote = rows(ds, seeds_db, "quote_list.json?_search=马拉松")[0]
    page = get(ds, f"/-/quote/{seeds_db.stem}/{quote['id']}")
    assert page.status_code == 200
    assert f"<mark>{quote['quote']}</mark>" in page.text
    assert "克里姆林宫" in page.text


def test_ids_link_to_the_context_page(ds, seeds_db):
    page = get(ds, f"/{seeds_db.stem}/quote_list?_search=马拉松")
    assert f'href="/-/quote/{seeds_db.stem}/' in page.text


def test_context_page_escapes_article_html(tmp_path):
    from quotes.pipeline import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "x.md").write_text('<p>市长表示，“&lt;script&gt;alert(1)&lt;/script&gt;是一个测试，请放心。”</p>', encoding="utf-8")
    db = tmp_path / "x.db"
    build([src], db)
    ds = Datasette(immutables=[str(db)], settings=SETTINGS)
    page = asyncio.run(ds.client.get("/-/quote/x/1"))
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_missing_quote_or_database_is_404(ds, seeds_db):
    assert get(ds, f"/-/quote/{seeds_db.stem}/999999").status_code == 404
    assert get(ds, "/-/quote/nosuchdb/1").status_code == 404


def test_metadata_applies_whatever_the_file_is_called(tmp_path, seeds_db):
    other = tmp_path / "archive2020.db"
    other.write_bytes(seeds_db.read_bytes())
    ds = datasette_app(other)
    assert ds.table_metadata("archive2020", "quote_list")["fts_table"] == "quote_fts"
    assert len(rows(ds, other, "quote_list.json?_search=普京")) == len(rows(datasette_app(seeds_db), seeds_db, "quote_list.json?_search=普京"))


def test_served_read_only(ds, seeds_db):
    response = asyncio.run(ds.client.post(f"/{seeds_db.stem}/-/query", json={"sql": "delete from quote"}))
    assert response.status_code in (400, 403, 404, 405)
    response = get(ds, f"/{seeds_db.stem}.json?sql=delete+from+quote")
    assert response.status_code in (400, 403)
    assert rows(ds, seeds_db, "quote.json")
    assert ds.setting("sql_time_limit_ms") == SETTINGS["sql_time_limit_ms"]
