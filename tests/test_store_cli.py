"""Stages 5 and the CLI: storing, rebuilding, exporting, errors."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from quotes.api import EXPORT_COLUMNS, datasette_app
from quotes.cli import cli

from .conftest import rows as _rows, CORPUS, SEEDS, SHARED, need



def test_build_stores_every_seed_with_quotes(seeds_db):
    per_article = dict(_rows(seeds_db, "select article.path, count(quote.id) from article left join quote on quote.article_id = article.id group by article.id"))
    assert sorted(per_article) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(n >= 5 for n in per_article.values()), per_article


def test_offsets_index_the_stored_text(seeds_db):
    rows = _rows(seeds_db, 'select article.text, article.title, quote.text, quote.start, quote."end", quote.paragraph '
                           "from quote join article on article.id = quote.article_id")
    for text, title, quote, start, end, paragraph in rows:
        source = title if paragraph == 0 else text
        assert source[start:end] == quote
        if paragraph:
            assert text[:start].count("\n") + 1 == paragraph


def test_schema_has_foreign_keys_indexes_and_view(seeds_db):
    assert _rows(seeds_db, "pragma foreign_key_check") == []
    assert _rows(seeds_db, "pragma integrity_check") == [("ok",)]
    indexed = {row[0] for row in _rows(seeds_db, "select name from sqlite_master where type = 'index'")}
    for column in ("article_id", "speaker_id", "kind", "cue", "paragraph", "confidence"):
        assert f"ix_quote_{column}" in indexed
    assert _rows(seeds_db, "select count(*) from quote_list")[0][0] == _rows(seeds_db, "select count(*) from quote")[0][0]


def test_build_is_idempotent_and_replaces_changed_files(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    db = tmp_path / "q.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["build", str(src), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "5 articles stored" in first.output
    snapshot = _rows(db, "select * from quote order by id")
    second = runner.invoke(cli, ["build", str(src), "--db", str(db)])
    assert "0 articles stored" in second.output and "5 unchanged" in second.output
    assert _rows(db, "select * from quote order by id") == snapshot
    target = src / "001_bb1980356e27d1ee.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("拉夫罗夫周三告诉", "拉夫罗夫周四告诉"), encoding="utf-8")
    third = runner.invoke(cli, ["build", str(src), "--db", str(db)])
    assert "1 articles stored" in third.output
    assert _rows(db, "select count(*) from article")[0][0] == 5
    texts = [r[0] for r in _rows(db, "select text from article where path = ?", ("001_bb1980356e27d1ee.txt",))]
    assert len(texts) == 1 and "周四告诉" in texts[0]


def test_files_read_by_another_extractor_are_read_again(tmp_path, monkeypatch):
    """After an upgrade (or an edited rule table) a build finds the quotes again instead of keeping the old ones."""
    from quotes import pipeline

    db = tmp_path / "q.db"
    runner = CliRunner()
    assert "5 articles stored" in runner.invoke(cli, ["build", str(SEEDS), "--db", str(db)]).output
    assert {r[0] for r in _rows(db, "select extractor from article")} == {pipeline.extractor_version()}
    monkeypatch.setattr(pipeline, "extractor_version", lambda: "a-newer-one")
    again = runner.invoke(cli, ["build", str(SEEDS), "--db", str(db)])
    assert "5 articles stored" in again.output and "0 unchanged" in again.output, again.output
    assert {r[0] for r in _rows(db, "select extractor from article")} == {"a-newer-one"}
    assert "5 unchanged" in runner.invoke(cli, ["build", str(SEEDS), "--db", str(db)]).output


def test_a_search_counts_and_facets_the_quote_list_from_one_index(seeds_db):
    """A search's count and facets read the covering index, not the rows (which hold the text)."""
    from quotes.publish.search import match_expression

    searched = "select * from quote_list where id in (select rowid from quote_fts where quote_fts match ?)"
    for column in ("speaker", "outlet", "kind", "cue"):
        plan = _rows(seeds_db, f"explain query plan select {column}, count(*) from ({searched}) group by {column}",
                     (match_expression("普京"),))
        assert any("COVERING INDEX idx_quote_list_id_published_speaker_outlet_kind_cue" in row[-1] for row in plan), plan


def test_an_older_database_loses_a_retired_index(seeds_db, tmp_path):
    import sqlite3

    from quotes import store

    db = tmp_path / "old.db"
    shutil.copy(seeds_db, db)
    conn = sqlite3.connect(db)
    conn.execute("create index idx_quote_list_id on quote_list (id)")  # as releases before the covering index had it
    conn.close()
    store.connect(db).close()
    assert _rows(db, "select name from sqlite_master where name = 'idx_quote_list_id'") == []


def test_a_database_from_before_the_extractor_column_gains_it(tmp_path):
    import sqlite3

    from quotes import store

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.execute("create table article (id integer primary key, path varchar not null unique, title varchar not null,"
                 " url varchar not null, outlet varchar not null, published varchar not null, categories varchar not null,"
                 " editor varchar not null, content_hash varchar not null, text varchar not null)")
    conn.execute("insert into article (path, title, url, outlet, published, categories, editor, content_hash, text)"
                 " values ('a.txt', '', '', '', '', '[]', '', 'h', 'text')")
    conn.commit()
    conn.close()
    conn = store.connect(db)
    assert conn.execute("select extractor from article").fetchall() == [("",)]
    assert store.stored_hash(conn, "a.txt", "any") is None  # found by an older extractor: read again
    store.ensure_db_shape(conn)  # idempotent
    conn.close()


def test_bad_files_are_reported_and_good_ones_stored(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEEDS / "000_47ee5a32de5bcdbf.txt", src)
    (src / "empty.md").write_bytes(b"")
    (src / "binary.bin").write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "q.db"
    result = CliRunner().invoke(cli, ["build", str(src), "--db", str(db)])
    assert result.exit_code == 1
    assert "empty.md: empty file" in result.output
    assert "binary.bin: binary data" in result.output
    assert _rows(db, "select path from article") == [("000_47ee5a32de5bcdbf.txt",)]
    assert sorted(r[0] for r in _rows(db, "select path from ingest_error")) == ["binary.bin", "empty.md"]


def test_export_jsonl_and_csv_columns(seeds_db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "q.jsonl"
    result = runner.invoke(cli, ["export", "--db", str(seeds_db), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and list(rows[0]) == list(EXPORT_COLUMNS)
    assert {r["kind"] for r in rows} == {"direct", "indirect"}
    result = runner.invoke(cli, ["export", "--db", str(seeds_db), "--excel"])
    assert result.output.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(result.output.lstrip("\ufeff"))))
    assert tuple(table[0]) == EXPORT_COLUMNS
    assert len(table) == len(rows) + 1


def test_export_filters(seeds_db):
    runner = CliRunner()

    def count(*args: str) -> int:
        result = runner.invoke(cli, ["export", "--db", str(seeds_db), "--format", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return len(result.output.splitlines())

    everything = count()
    assert 0 < count("--speaker", "拉夫罗夫") < everything
    assert 0 < count("--kind", "direct") < everything
    assert count("--kind", "direct") + count("--kind", "indirect") == everything
    assert count("--outlet", "半岛") + count("--outlet", "RFI") + count("--outlet", "新浪") == everything
    assert count("--since", "2022-01-01") == count("--outlet", "RFI") + count("--outlet", "半岛", "--since", "2022-01-01")


def test_export_without_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0 and "no such database" in result.output


def test_served_app_is_immutable_with_settings(seeds_db):
    ds = datasette_app(seeds_db)
    db = ds.get_database(seeds_db.stem)
    assert db.is_mutable is False
    assert ds.setting("sql_time_limit_ms") == 3000
    assert ds.metadata("title") == "引语库 quotes"


def test_serve_without_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0 and "no such database" in result.output


@pytest.mark.corpus
def test_corpus_builds_completely_and_rebuilds_to_nothing(tmp_path):
    root = need(CORPUS)
    db = tmp_path / "corpus.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["build", str(root), "--db", str(db), "--quiet"])
    assert first.exit_code == 0, first.output[-2000:]
    assert "2463 articles stored" in first.output and "1 skipped" in first.output and "0 failed" in first.output
    assert "catalogue.json" in first.output
    second = runner.invoke(cli, ["build", str(root), "--db", str(db), "--quiet"])
    assert "0 articles stored" in second.output and "2463 unchanged" in second.output


@pytest.mark.corpus
def test_seed_score_meets_the_target(seeds_db, tmp_path):
    """The extractor on the seed gold, scored by ../shared/eval/score.py: quality cannot silently drop."""
    scorer = need(SHARED / "eval" / "score.py")
    gold = need(SHARED / "gold" / "seeds.jsonl")
    pred = tmp_path / "pred.jsonl"
    CliRunner().invoke(cli, ["export", "--db", str(seeds_db), "--format", "jsonl", "-o", str(pred)])
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(pred), "--json"], capture_output=True, text=True, check=True)
    res = json.loads(out.stdout)
    assert res["all"]["e2e"]["f1"] >= 0.95, res
    assert res["direct"]["e2e"]["f1"] >= 0.93 and res["indirect"]["e2e"]["f1"] >= 0.93, res
    assert res["all"]["speaker_accuracy"] >= 0.97, res


def test_two_workers_write_what_one_writes(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(4):
        for seed in SEEDS.glob("*.txt"):
            (src / f"{i}_{seed.name}").write_bytes(seed.read_bytes())
    dbs = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        result = CliRunner().invoke(cli, ["build", str(src), "--db", str(db), "--workers", workers, "--quiet"])
        assert result.exit_code == 0, result.output
        dbs.append(db)
    for table in ("article", "speaker", "quote", "quote_fts", "cluster", "alias", "speaker_role"):
        assert _rows(dbs[0], f"select * from {table} order by rowid") == _rows(dbs[1], f"select * from {table} order by rowid")


def test_dask_engine_without_scheduler_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(SEEDS), "--db", str(tmp_path / "x.db"), "--engine", "dask"])
    assert result.exit_code != 0 and "--scheduler" in result.output


def test_progress_bar_counts_articles_quotes_and_errors(tmp_path, capsys):
    from quotes import api

    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    (src / "broken.html").write_bytes(b"\x00\x01\x02" * 100)
    report = api.build([src], tmp_path / "p.db", show_progress=True)
    bar = capsys.readouterr().err.replace("\r", "\n").strip().splitlines()[-1]
    assert f"{len(report.stored) + len(report.errors)} articles" in bar
    assert f"quotes={report.quotes}" in bar and "errors=1" in bar and "stored=5" in bar
    assert "articles/s" in bar


def test_progress_bar_is_quiet_when_not_a_terminal(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(SEEDS), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 0
    assert "articles/s" not in result.output


def test_the_workers_outcomes_come_in_order_and_the_writer_hears_when_it_would_wait():
    """The writer polls the workers' results: it stores what it holds instead of waiting for the next."""
    from quotes import pipeline
    from quotes.workers import Workers

    tasks = [(str(path), str(SEEDS), "") for path in sorted(SEEDS.iterdir())]
    waits: list[int] = []
    pool = Workers(2)
    try:
        got = [o for chunk in pool.imap(pipeline.process_tasks, [[t] for t in tasks]).poll(lambda: waits.append(1))
               for o in chunk]
    finally:
        pool.close()
    assert [(o.rel, o.status) for o in got] == [(o.rel, o.status) for o in map(pipeline.process_task, tasks)]
    assert len(got) == 5 and all(o.status == "stored" for o in got)
    assert waits  # the first results cannot be in the moment the tasks are handed out


def test_a_worker_that_dies_costs_only_its_files(tmp_path, monkeypatch):
    """A file that kills the process reading it (a crash in lxml, the out-of-memory killer) is an error
    to retry, not a build that hangs: the worker is replaced and every other file is stored."""
    import os
    import signal

    from quotes import pipeline

    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    shutil.copy(next(SEEDS.glob("*.txt")), src / "killer.txt")
    process_task = pipeline.process_task

    def crashing(task):
        if task[0].endswith("killer.txt"):
            os.kill(os.getpid(), signal.SIGKILL)
        return process_task(task)

    monkeypatch.setattr(pipeline, "process_task", crashing)  # the workers are forked after this
    monkeypatch.setattr(pipeline, "CHUNK", 1)
    report = pipeline.build([src], tmp_path / "k.db", workers=2)
    assert report.errors == [("killer.txt", "killer.txt: not read: the worker process reading it died (killed by SIGKILL)")]
    assert sorted(report.stored) == sorted(p.name for p in SEEDS.iterdir())
    assert _rows(tmp_path / "k.db", "select path, reason from ingest_error") == [report.errors[0]]
