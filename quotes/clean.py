"""Stage 2 — clean text: the body as paragraphs of plain text.

Offsets of quotes refer to the text built here, so it must be stable: the same
body always gives the same text.  Paragraphs are joined with one newline.
Image captions, scripts, share widgets, promos and datelines are dropped;
an editor line becomes metadata.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache

import regex
import lxml.html
from lxml import etree

from .rules import table

# Elements whose text is never article text.
_DROP_TAGS = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "figure", "figcaption", "img", "picture", "video", "audio", "source", "nav", "header",
    "footer", "aside", "form", "button", "input", "select", "textarea", "small", "head", "title",
    "meta", "link", "hr",
}
# Class names (substrings) marking captions, promos and widgets.
_DROP_CLASS = re.compile(
    r"img_descr|.*caption.*|share.*|.*-share|social.*|appendQr.*|qrcode.*|related.*|advert.*|ads?|dfp.*"
    r"|promo|.*-promo|promo-.*|element-(hidden|invisible)|author-info|byline|comments?|comment-.*|entry-meta|post-meta|cat-links|tags?-links|sharedaddy",
    re.I,
)
# Containers that hold the article proper in blog and CMS pages.
_CONTENT_CLASS = ("entry-content", "article-content", "post-content", "article-body", "content-body")
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "pre", "center", "body", "html",
}
# huge_tree: no depth limit, so text nested thousands of elements deep is still read.
_PARSER = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
_SPACE = regex.compile(r"[ \t\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+")
_WORDY = regex.compile(r"[\p{L}\p{N}]")
_CJK_GAP = regex.compile(r"(?<=[\p{Han}，。；：！？、“”「」『』（）])\s+|\s+(?=[\p{Han}，。；：！？、“”「」『』（）])")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|~~|`)")
_MD_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S)|\d+\.\s+(?=\D))")


@dataclass
class CleanText:
    """The article's clean text and what was taken out of it as metadata."""

    paragraphs: list[str]
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def clean_body(body: str, body_format: str) -> CleanText:
    """Turn an HTML or markdown body into clean paragraphs."""
    blocks = _html_blocks(body) if body_format == "html" else _markdown_blocks(body)
    clean = _filter(blocks)
    if not clean.paragraphs and body_format == "html":
        clean = _filter(_stripped_blocks(body))  # markup the parser gave up on (e.g. nested too deep)
    return clean


def normalise(text: str) -> str:
    """One paragraph's text: entities decoded, odd spaces folded, no spaces next to CJK."""
    text = html.unescape(text)
    text = _SPACE.sub(" ", text).strip()
    return _CJK_GAP.sub("", text)


def _html_blocks(body: str) -> list[str]:
    """Paragraph texts of an HTML body, in order (block elements and <br> end a paragraph).

    The tree is walked with ``iterwalk`` rather than recursion, so nesting of
    any depth is safe; lxml's own parser is used directly, being the fastest
    HTML parser Python has.
    """
    if not body.strip():
        return []
    try:
        root = lxml.html.document_fromstring(body, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return []
    root = _content_root(root, body)
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append("".join(current).replace("\n", " "))
            current.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    dropped: set = set()
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _DROP_TAGS or _is_noise_element(el):
                dropped.add(el)
                walker.skip_subtree()
                continue
            if tag == "br" or tag in _BLOCK_TAGS:
                flush()
            if el.text:
                current.append(el.text)
        else:
            if el in dropped:
                dropped.discard(el)
            elif tag in _BLOCK_TAGS:
                flush()
            if el.tail and el is not root:
                current.append(el.tail)
    flush()
    return out


_BLOCK_TAG = re.compile(r"<(?:/?(?:p|div|br|li|h[1-6]|section|article|blockquote|tr|td)\b)[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)


def _stripped_blocks(body: str) -> list[str]:
    """Paragraphs by plain pattern matching, for HTML no parser can build a tree of."""
    body = _SCRIPT.sub(" ", body)
    return [html.unescape(_ANY_TAG.sub("", part)) for part in _BLOCK_TAG.split(body)]


def _content_root(root, body: str):
    """The element holding the article in blog and CMS pages (entry-content …), else the whole page."""
    for cls in _CONTENT_CLASS:
        if cls in body:
            found = root.find_class(cls)
            if found:
                return found[0]
    return root


def _is_noise_element(el) -> bool:
    attrs = el.attrib
    if not attrs:
        return False
    names = (attrs.get("class") or "").split() + ([attrs["id"]] if attrs.get("id") else [])
    if any(_DROP_CLASS.fullmatch(name) for name in names):
        return True
    return any(key.startswith("data-selfpromo") for key in attrs)


_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def _markdown_blocks(body: str) -> list[str]:
    """Markdown paragraphs; blocks that carry HTML are parsed as HTML."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        if re.fullmatch(r"\s*(-{3,}|\*{3,}|_{3,})\s*", block):
            continue
        if _HTML_TAG.search(block):  # (a <figcaption> alone in a markdown post is HTML too)
            out.extend(_html_blocks(block))
            continue
        lines = [_MD_PREFIX.sub("", line) for line in block.splitlines()]
        text = " ".join(line for line in lines if line.strip())
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_MARKS.sub("", text).replace("\\|", "|").replace("\\*", "*").replace("\\_", "_")
        out.append(text)
    return out


@cache
def _noise() -> re.Pattern:
    """Every noise rule as one pattern."""
    return re.compile("|".join(f"(?:{row['pattern']})" for row in table("noise")))


@cache
def _meta_rules() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(row["pattern"]), row["field"]) for row in table("metadata_lines"))


def _filter(blocks: list[str]) -> CleanText:
    noise = _noise()
    meta_rules = _meta_rules()
    paragraphs: list[str] = []
    metadata: dict[str, str] = {}
    for block in blocks:
        text = normalise(block)
        if not text or not _WORDY.search(text):
            continue
        for pattern, name in meta_rules:
            m = pattern.match(text)
            if m:
                metadata.setdefault(name, m.group("value").strip())
                break
        else:
            if not noise.search(text):
                paragraphs.append(text)
    return CleanText(paragraphs, metadata)
