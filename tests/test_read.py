"""Stage 1 and 2: reading every article format into metadata and clean text."""

from __future__ import annotations

import re

import pytest

from quotes.clean import clean_body
from quotes.pipeline import process_file
from quotes.read import ArticleError, NotAnArticle, iso_date, parse_article

from .conftest import CORPUS, SEEDS, need

SEED_META = {
    "000_47ee5a32de5bcdbf.txt": ("俄外长建议继续与西方就安全保障进行接触 俄防长：部分军演即将结束",
                                 "https://www.rfi.fr/cn/", "RFI 法广", "2022-02-14T15:45:01Z"),
    "001_bb1980356e27d1ee.txt": ("乐观的气氛 俄罗斯宣布即将与对手开始安全保障谈判 乌克兰总统表示准备会见普京", "",
                                 "Aljazeera 半岛网", "2021-12-23T01:54:48Z"),
    "002_12f77cd65ea8130a.txt": ("俄罗斯希望在日内瓦会谈期间得到美国保证 西方协调以阻止俄罗斯进攻乌克兰", "",
                                 "Aljazeera 半岛网", "2021-12-30T12:42:52Z"),
    "003_9be81c0ca1c2c4ce.txt": ("拜登与普京通话后 俄罗斯与北约开始对话的筹备接触", "", "Aljazeera 半岛网",
                                 "2022-01-01T06:08:53Z"),
    "004_b68674dfd9c3a1d1.txt": ("刚刚，俄罗斯外交部公布与北约关于安全保障的条约草案", "", "新浪财经", "2021-12-17T12:35:16Z"),
}
NOISE = re.compile(r"<[a-z/!][^>]*>|&[a-z]+;|海量资讯|尽在新浪财经APP|责任编辑|半岛电视台\)|\(路透\)|获取更多RSS|\u00a0|\u3000")


@pytest.mark.parametrize("name", sorted(SEED_META))
def test_seed_metadata_and_clean_text(name):
    record = process_file(SEEDS / name, SEEDS)
    title, url, outlet, published = SEED_META[name]
    assert (record.title, record.outlet, record.published) == (title, outlet, published)
    assert record.url.startswith(url) if url else record.url == ""
    assert record.path == name
    assert not NOISE.search(record.text), NOISE.search(record.text)
    assert "\n\n" not in record.text and record.text == record.text.strip()


def test_seed_editor_line_becomes_metadata():
    record = process_file(SEEDS / "004_b68674dfd9c3a1d1.txt", SEEDS)
    assert record.editor == "李墨轩"
    assert "李墨轩" not in record.text


def test_seed_captions_are_dropped():
    text = process_file(SEEDS / "001_bb1980356e27d1ee.txt", SEEDS).text
    assert "俄罗斯在乌克兰边境的军事集结令美国和西方感到担忧" not in text
    assert text.splitlines()[0] == "克里姆林宫宣布，俄罗斯对西方声称准备就安全保障进行谈判表示欢迎，但表示，讨论安全保障建议的过程不能变成马拉松式谈判。"


CORPUS_CASES = {
    # rfi-md: the bare feed-archive format
    "nodebe4-oped2/rfi/1048050_中印边境军事冲突延扩海战_ 印将领不乐观.md": (
        "中印边境军事冲突延扩海战? 印将领不乐观", "http://www.rfi.fr//cn/", "RFI 法广", "2020-07-01T10:54:36Z"),
    # frontmatter-md variant 1: Jekyll front matter over a feed body
    "nodebe4-oped2/zaobao/2020-07-21-“武统”还是“和统”台湾 大陆学者为此争论.md": (
        "“武统”还是“和统”台湾 大陆学者为此争论", "https://www.zaobao.com/realtime/china/story20200721-1070908",
        "联合早报", "2020-07-21T19:23:00Z"),
    # frontmatter-md variant 3: Terminus2049 markdown with an unquoted title
    "terminus2049/archive/2018-01-15-zhang-yun-fan.markdown": (
        "张云帆：我给人民的自白书", "", "", "2018-01-15T06:10:51Z"),
    # html: a complete rendered page
    "nodebe4-oped2-gh-pages/matters/2019-07-21_一齣罪惡劇本背後-是回不了頭的墮落.html": (
        "一齣罪惡劇本背後，是回不了頭的墮落", "https://matters.news/@az/", "Matters", "2019-07-21T00:00:00Z"),
    # other: 新闻联播 markdown transcript
    "xin-wen-lian-bo/cctv-xwlb/20220924.md": ("《新闻联播》 (20220924)", "", "CCTV 新闻联播", "2022-09-24T00:00:00Z"),
}


@pytest.mark.corpus
@pytest.mark.parametrize("rel", sorted(CORPUS_CASES))
def test_corpus_format(rel):
    root = need(CORPUS)
    record = process_file(root / rel, root)
    title, url, outlet, published = CORPUS_CASES[rel]
    assert (record.title, record.outlet, record.published) == (title, outlet, published)
    assert record.url.startswith(url) if url else record.url == ""
    assert not NOISE.search(record.text), NOISE.search(record.text)
    assert len(record.text) > 500
    assert title not in record.text.splitlines()[:1]


@pytest.mark.corpus
def test_catalogue_json_is_not_an_article():
    root = need(CORPUS)
    with pytest.raises(NotAnArticle, match="not an article"):
        process_file(root / "xin-wen-lian-bo/cctv-xwlb/catalogue.json", root)


@pytest.mark.parametrize("value,expected", [
    ("Thu, 23 Dec 2021 01:54:48 GMT", "2021-12-23T01:54:48Z"),
    ("2018-01-15 14:10:51 +0800", "2018-01-15T06:10:51Z"),
    ("2020-07-21T09:53:37.000Z", "2020-07-21T09:53:37Z"),
    ("2019-07-21", "2019-07-21T00:00:00Z"),
    ("not a date", ""),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_feed_format_without_timestamp_or_front_matter():
    art = parse_article("[标题 [两岸] 测试](https://example.org/a)\n------\n\n<div><p>正文一。</p><p>正文二。</p></div>".encode(), "a.md")
    assert (art.title, art.url, art.body_format) == ("标题 [两岸] 测试", "https://example.org/a", "html")
    assert clean_body(art.body, art.body_format).paragraphs == ["正文一。", "正文二。"]


def test_broken_front_matter_falls_back_to_lines():
    art = parse_article("---\ntitle: 张云帆：我给人民的自白书\ndate: 2018-01-15\ntags: [a\n---\n\n正文。\n".encode(), "b.md")
    assert art.title == "张云帆：我给人民的自白书"
    assert art.published == "2018-01-15T00:00:00Z"


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"\x00\x01\x02binary", "binary"),
    (b"---\ntitle: x\n---\n", "no article body"),
])
def test_bad_input_names_the_reason(data, reason):
    with pytest.raises(ArticleError, match=reason):
        parse_article(data, "bad.md")


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-8-sig", "utf-16"])
def test_legacy_encodings(encoding):
    text = "<p>外交部發言人說，會談取得成果。</p>" if encoding == "big5" else "<p>外交部发言人说，会谈取得成果。</p>"
    art = parse_article(text.encode(encoding), "enc.html")
    assert clean_body(art.body, art.body_format).paragraphs == [text[3:-4]]


def test_markdown_body_is_cleaned():
    body = "# 标题\n\n**粗体**说明，见[链接](https://x.org)。![图](a.png)\n\n> 引用段落\n\n---\n\n最后一段\\|完"
    assert clean_body(body, "markdown").paragraphs == ["标题", "粗体说明，见链接。", "引用段落", "最后一段|完"]


def test_html_noise_is_dropped():
    html = ('<div><script>var a="说";</script><style>p{}</style><p>正文 一。</p>'
            '<figure><img src=x><figcaption>图片说明</figcaption></figure>'
            '<div class="img_wrapper"><span class="img_descr">截图说明</span></div>'
            '<p>&nbsp;&nbsp;第二段&ldquo;引语&rdquo;。</p><div data-selfpromo-app>下载</div></div>')
    assert clean_body(html, "html").paragraphs == ["正文一。", "第二段“引语”。"]


def test_clean_text_is_stable():
    """Quote offsets index the stored text, so reading twice must give the same text."""
    first = process_file(SEEDS / "001_bb1980356e27d1ee.txt", SEEDS).text
    assert process_file(SEEDS / "001_bb1980356e27d1ee.txt", SEEDS).text == first


def test_html_captions_inside_markdown_are_no_text():
    body = "正文第一段。\n\n<figcaption>▲死亡证明提到，死亡原因为“电击伤”。</figcaption>\n\n第二段。"
    assert clean_body(body, "markdown").paragraphs == ["正文第一段。", "第二段。"]

