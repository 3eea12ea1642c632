"""Nothing lost, nobody in: hostile input, crashes, concurrent builds, the public face.

The hostile corpus is generated here, file by file, never committed.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes import store
from quotes.api import datasette_app
from quotes.cli import cli
from quotes.extract import extract

from .conftest import rows as _rows, SEEDS

ARTICLE = "<p>外交部發言人汪文斌說：「中方堅決反對任何形式的干涉。」</p><p>他表示，會談取得了成果。</p>"
SIMPLE = "<p>外交部发言人汪文斌说：“中方坚决反对任何形式的干涉。”</p><p>他表示，会谈取得了成果。</p>"


def hostile_corpus(root: Path) -> dict[str, str]:
    """Write every hostile case; return file name → what must happen ('stored' or part of the error)."""
    root.mkdir(parents=True, exist_ok=True)
    cases: dict[str, str] = {}

    def put(name: str, data: bytes | str, expect: str) -> None:
        (root / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases[name] = expect

    put("gbk.html", SIMPLE.encode("gbk"), "stored")
    put("gb18030.html", (SIMPLE + "<p>𠀀字也在。</p>").encode("gb18030"), "stored")
    put("big5.html", ARTICLE.encode("big5"), "stored")
    put("bom.html", b"\xef\xbb\xbf" + SIMPLE.encode("utf-8"), "stored")
    put("utf16.html", SIMPLE.encode("utf-16"), "stored")
    put("random.bin", random.Random(7).randbytes(4096), "binary data")
    put("empty.md", b"", "empty file")
    put("huge.html", b"<p>" + "汪文斌说：“很大。”".encode() * (50 * 1024 * 1024 // 27) + b"</p>", "larger than")
    put("truncated.html", SIMPLE[: len(SIMPLE) // 2 + 7], "stored")
    put("deep.html", "<div>" * 10_000 + "汪文斌说：“很深的文章也要读完。”" + "</div>" * 10_000, "stored")
    put("broken-yaml.md", "---\ntitle: [unclosed\ndate: : :\n  - x\n---\n\n汪文斌说：“前言坏了，正文还在。”\n", "stored")
    put("no-body.md", "---\ntitle: 只有标题\ndate: 2020-07-01\n---\n", "no article body")
    put("unbalanced.md", "汪文斌说：“这句话没有结束。\n\n第二段”里有一个多余的右引号。“\n\n他表示，会谈取得了成果。\n", "stored")
    put("long-quote.md", "汪文斌说：“" + "很长的引语，" * 3400 + "结束。”\n", "stored")
    put("script.html", '<title>标题<script>alert(1)</script></title><p>汪文斌说：“<script>alert(1)</script>'
        '<a href="javascript:alert(2)">点我</a>不要紧。”</p>', "stored")
    put("名字 有空格　全角.md", "汪文斌说：“文件名也很奇怪。”\n", "stored")
    loop = root / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop, target_is_directory=True)
    return cases



def assert_sound(db: Path) -> None:
    assert _rows(db, "pragma integrity_check") == [("ok",)]
    assert _rows(db, "pragma foreign_key_check") == []
    for text, title, quote, start, end, paragraph in _rows(
            db, 'select article.text, article.title, quote.text, quote.start, quote."end", quote.paragraph'
                " from quote join article on article.id = quote.article_id"):
        assert (title if paragraph == 0 else text)[start:end] == quote


def test_hostile_corpus_stores_the_good_and_names_the_bad(tmp_path):
    cases = hostile_corpus(tmp_path / "in")
    db = tmp_path / "h.db"
    result = CliRunner(mix_stderr=False).invoke(cli, ["build", str(tmp_path / "in"), "--db", str(db), "--workers", "1"]) \
        if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner().invoke(
            cli, ["build", str(tmp_path / "in"), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 1, result.output
    stored = {path for (path,) in _rows(db, "select path from article")}
    errors = dict(_rows(db, "select path, reason from ingest_error"))
    for name, expect in cases.items():
        if expect == "stored":
            assert name in stored, (name, errors.get(name))
        else:
            assert name not in stored and expect in errors[name], (name, errors.get(name))
            assert name in errors[name]  # the reason names the file
    texts = dict(_rows(db, "select path, text from article"))
    assert "中方坚决反对" in texts["gbk.html"] and "中方堅決反對" in texts["big5.html"]
    assert "中方坚决反对" in texts["utf16.html"] and "中方坚决反对" in texts["bom.html"]
    assert "很深的文章也要读完" in texts["deep.html"]
    speakers = {row[0] for row in _rows(db, "select distinct speaker.name from quote join speaker on speaker.id = speaker_id")}
    assert "汪文斌" in speakers
    long = _rows(db, "select length(quote.text) from quote join article on article.id = article_id where path = 'long-quote.md'")
    assert long and long[0][0] > 20_000
    assert_sound(db)


def test_bad_files_never_stop_a_parallel_build(tmp_path):
    hostile_corpus(tmp_path / "in")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / "in")
    db = tmp_path / "h.db"
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--db", str(db), "--workers", "2", "--quiet"])
    assert result.exit_code == 1
    assert _rows(db, "select count(*) from article where path like '0%.txt'")[0][0] == 5
    assert_sound(db)


# -- the extractor on anything --------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_extractor_never_raises_and_offsets_hold(text):
    for q in extract(text, title=text[:30]):
        source = text[:30] if q.paragraph == 0 else text
        assert source[q.start:q.end] == q.text


def _seconds(text: str) -> float:
    start = time.perf_counter()
    extract(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("unit", [
    "“", "”", "他说：“", "他说，", "，他说。", "“他说”", "表示，表示，", "「『“‘", "据他介绍，",
])
def test_extractor_time_grows_linearly(unit):
    """Doubling a pathological input must not quadruple the time (no quadratic blow-up)."""
    small = unit * 600
    _seconds(small)
    t1 = min(_seconds(small) for _ in range(2))
    t2 = min(_seconds(small * 2) for _ in range(2))
    assert t2 < 3.5 * t1 + 0.05, (unit, t1, t2)


# -- crashes and concurrency ----------------------------------------------------

def _corpus_for_crashes(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(12):
        for seed in SEEDS.glob("*.txt"):
            (root / f"{i:02d}_{seed.name}").write_bytes(seed.read_bytes().replace(b"2022", str(2000 + i).encode()))


def _dump(db: Path) -> list:
    tables = ["article", "speaker", "quote", "quote_fts"]
    return [_rows(db, f"select * from {t} order by rowid") for t in tables] + [_rows(db, "select path, reason from ingest_error order by path")]


def _build_cmd(src: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "quotes", "build", str(src), "--db", str(db), "--quiet", "--workers", "2"]


def test_killed_builds_resume_to_the_same_database(tmp_path):
    src = tmp_path / "src"
    _corpus_for_crashes(src)
    reference = tmp_path / "ref.db"
    subprocess.run(_build_cmd(src, reference), check=True, capture_output=True)
    rng = random.Random(11)
    for attempt in range(4):
        db = tmp_path / f"killed{attempt}.db"
        proc = subprocess.Popen(_build_cmd(src, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(rng.uniform(0.8, 4.0))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        subprocess.run(_build_cmd(src, db), check=True, capture_output=True)
        assert_sound(db)
        assert _dump(db) == _dump(reference), f"attempt {attempt}"


def test_two_builds_at_once_do_not_corrupt(tmp_path):
    src = tmp_path / "src"
    _corpus_for_crashes(src)
    db = tmp_path / "both.db"
    procs = [subprocess.Popen(_build_cmd(src, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outcomes = [p.communicate(timeout=600) + (p.returncode,) for p in procs]
    assert any(code == 0 for _, _, code in outcomes), outcomes
    for out, err, code in outcomes:
        assert code == 0 or "locked" in err or "busy" in err, (out, err)
    assert_sound(db)
    assert _rows(db, "select count(*) from article")[0][0] == 60
    assert _rows(db, "select count(*) from quote_fts")[0][0] == _rows(db, "select count(*) from quote")[0][0]


def _open_and_close(path: str) -> None:
    store.connect(path).close()


def test_processes_creating_one_new_database_take_turns(tmp_path):
    """Four processes opening the same new file at once: the schema is created once, nobody fails."""
    ctx = multiprocessing.get_context("fork")
    for attempt in range(5):
        db = str(tmp_path / f"new{attempt}.db")
        procs = [ctx.Process(target=_open_and_close, args=(db,)) for _ in range(4)]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join(60)
        assert [proc.exitcode for proc in procs] == [0, 0, 0, 0]
        assert_sound(Path(db))


# -- the public face ------------------------------------------------------------

def test_public_face_escapes_and_refuses_writes(tmp_path):
    hostile = tmp_path / "in"
    hostile.mkdir()
    (hostile / "script.html").write_text('<p>汪文斌说：“&lt;script&gt;alert(1)&lt;/script&gt;不要紧，这是测试。”</p>',
                                         encoding="utf-8")
    db = tmp_path / "pub.db"
    CliRunner().invoke(cli, ["build", str(hostile), "--db", str(db), "--workers", "1"])
    ds = datasette_app(db)

    def get(path: str):
        return asyncio.run(ds.client.get(path))

    quote_id = _rows(db, "select id from quote where text like '%script%'")[0][0]
    for path in (f"/-/quote/pub/{quote_id}", "/pub/quote_list", f"/pub/quote/{quote_id}"):
        page = get(path)
        assert page.status_code == 200
        assert "<script>alert(1)</script>" not in page.text, path
    for sql in ("delete from quote", "update quote set text = 'x'", "drop table quote", "insert into speaker (name) values ('x')"):
        assert get(f"/pub.json?sql={sql}").status_code in (400, 403)
    response = asyncio.run(ds.client.post("/pub/quote/-/insert", json={"row": {"text": "x"}}))
    assert response.status_code in (400, 403, 404, 405)
    assert _rows(db, "select count(*) from quote")[0][0] >= 1
    assert_sound(db)
