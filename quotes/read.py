"""Stage 1 — read an article file: decode it, split metadata from the body.

The corpus holds four shapes (see ``../shared/corpus/README.md``): YAML front
matter over an HTML or markdown body, the feed-archive format
(``<!--ms-->`` / ``[title](url)`` / ``------`` / HTML), complete HTML pages and
plain markdown.  This module only recognises the shape and pulls metadata out;
turning the body into clean paragraphs is :mod:`quotes.clean`'s job.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .rules import table


class ArticleError(Exception):
    """A file that cannot be stored as an article; the message says why."""


class NotAnArticle(ArticleError):
    """A readable file that is data, not an article (e.g. a JSON catalogue): skipped, not failed."""


@dataclass
class RawArticle:
    """An article as read from disk, before the body is cleaned."""

    path: str
    content_hash: str
    body: str
    body_format: str  # "html" or "markdown"
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: str = ""
    categories: list[str] = field(default_factory=list)


MAX_BYTES = 20 * 1024 * 1024

# The Chinese legacy encodings scrapers produce, tried when UTF-8 fails. GB18030 is a superset of GBK.
_LEGACY_ENCODINGS = ("gb18030", "big5")

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: much faster
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_TIMESTAMP = re.compile(r"\A\s*<!--\s*(\d{10,13})\s*-->[ \t]*\r?\n")
_LINK_HEADER = re.compile(r"\A\s*\[(.+)\]\((\S+?)\)[ \t]*\r?\n(?:\s*-{3,}[ \t]*\r?\n)?")
_LINK = re.compile(r"(?:\]\(|href=[\"'])(https?://[^)\s\"']+)")
_MD_HEADING = re.compile(r"^#\s+(.+)$", re.M)
_DATE_IN_NAME = re.compile(r"(20\d\d|19\d\d)-?([01]\d)-?([0-3]\d)")
_SOURCE_LINE = re.compile(r"^(?:>\s*)?(?:文章|原文)?(?:来自|來自|来源|來源)[：:]?\s*([^\s「『\[~（(：:，,。]{2,20})", re.M)
_GENERIC_CATEGORIES = {"news", "archive", "新闻", "新媒体", "post", "posts", "金融"}


def decode(data: bytes, name: str) -> str:
    """Decode bytes: a BOM if there is one, else UTF-8, else the likelier of GB18030 and Big5.

    Big5 bytes also decode as GB18030 (into nonsense), so the legacy
    encodings are compared by how common their characters are.
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise ArticleError(f"{name}: invalid {enc} text ({exc.reason})") from None
    head = data[:4096]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise ArticleError(f"{name}: binary data (NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in _LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), text))
    if not candidates or max(candidates)[0] < 0.5:
        raise ArticleError(f"{name}: not text in UTF-8, UTF-16, GB18030 or Big5")
    return max(candidates)[1]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without a BOM: every other byte of ASCII and CJK is often NUL."""
    head = data[:4096]
    for enc, nul_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        if head[nul_at::2].count(0) > len(head) // 4:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausibility(text) >= 0.5 and "\x00" not in text:
                return text
    return None


def _plausibility(text: str) -> float:
    """Share of letters that are common characters (jieba's dictionary) or ASCII: low for mojibake."""
    from . import segment
    from .script import simplified

    sample = simplified(text[:20000])
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return 1.0 if text.isprintable() or not text.strip() else 0.0
    good = sum(1 for c in letters if c.isascii() or segment.frequency(c) >= 50)
    return good / len(letters)


def iso_date(value: object) -> str:
    """Normalise the date forms seen in front matter to ISO 8601 UTC."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        dt = value
    elif hasattr(value, "year") and hasattr(value, "month"):
        dt = datetime(value.year, value.month, value.day)
    else:
        s = str(value).strip()
        dt = None
        for parse in (_parse_iso, parsedate_to_datetime):
            try:
                dt = parse(s)
                break
            except (TypeError, ValueError, IndexError):
                continue
        if dt is None:
            return ""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_iso(s: str) -> datetime:
    """ISO 8601 as written in front matter: ``2018-01-15 14:10:51 +0800``, ``…Z``."""
    return datetime.fromisoformat(re.sub(r"\s+(?=[+-]\d\d:?\d\d$)", "", s.replace("Z", "+00:00")))


def _ms_date(ms: str) -> str:
    seconds = int(ms) / (1000 if len(ms) == 13 else 1)
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_front_matter(block: str) -> dict:
    """YAML front matter, or a line-wise ``key: value`` reading when YAML fails.

    Hand-written Jekyll front matter often has unquoted titles with colons,
    which YAML rejects; the line-wise reading keeps what it can.
    """
    try:
        data = yaml.load(block, Loader=_YAML_LOADER)
        if isinstance(data, dict):
            return data
    except yaml.YAMLError:
        pass
    data: dict = {}
    key = None
    for line in block.splitlines():
        m = re.match(r"^([A-Za-z_][\w-]*):\s*(.*)$", line)
        if m:
            key, value = m.group(1), m.group(2).strip()
            data[key] = value.strip("'\"") if value else []
        elif key and line.strip().startswith("- ") and isinstance(data.get(key), list):
            data[key].append(line.strip()[2:].strip())
    return data


def _as_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    if isinstance(value, str) and value.strip():
        inner = value.strip().strip("[]")
        return [v.strip() for v in inner.split(",") if v.strip()]
    return []


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes: how a rebuild knows a file is unchanged."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_article(path: Path, root: Path | None = None) -> RawArticle:
    """Read one file into a :class:`RawArticle`, or raise :class:`ArticleError`."""
    rel = str(path.relative_to(root)) if root and path != root else path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"{rel}: {size // (1024 * 1024)} MB is larger than the {MAX_BYTES // (1024 * 1024)} MB limit for one article")
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{rel}: cannot read ({exc.strerror or exc})") from None
    return parse_article(data, rel)


def parse_article(data: bytes, rel: str) -> RawArticle:
    """Recognise the format of ``data`` and split metadata from the body."""
    if not data.strip():
        raise ArticleError(f"{rel}: empty file")
    text = decode(data, rel).replace("\r\n", "\n").replace("\r", "\n")
    art = RawArticle(path=rel, content_hash=hashlib.sha256(data).hexdigest(), body="", body_format="markdown")
    stripped = text.lstrip("\ufeff \n\t")
    if stripped.startswith(("[", "{")) and rel.endswith(".json"):
        try:
            json.loads(stripped)
        except ValueError:
            pass
        else:
            raise NotAnArticle(f"{rel}: a JSON data file, not an article")
    if re.match(r"(?i)<!doctype html|<html", stripped):
        _read_html_page(stripped, art)
    else:
        rest = text
        m = _FRONT_MATTER.match(rest)
        if m:
            meta = parse_front_matter(m.group(1))
            rest = rest[m.end():]
            art.title = str(meta.get("title") or "").strip()
            art.url = str(meta.get("from") or meta.get("url") or meta.get("link") or "").strip()
            art.published = iso_date(meta.get("date"))
            art.categories = _as_list(meta.get("categories"))
            art.outlet = str(meta.get("author") or "").strip()
        _read_feed_body(rest, art)
    if not art.outlet:
        art.outlet = _outlet_from(art)
    if not art.published:
        m = _DATE_IN_NAME.search(rel)
        if m:
            art.published = f"{m.group(1)}-{m.group(2)}-{m.group(3)}T00:00:00Z"
    if not art.body.strip():
        raise ArticleError(f"{rel}: no article body (metadata only)")
    return art


def _read_feed_body(rest: str, art: RawArticle) -> None:
    """The duty-machine feed format, alone or under front matter, or markdown."""
    m = _TIMESTAMP.match(rest)
    if m:
        if not art.published:
            art.published = _ms_date(m.group(1))
        rest = rest[m.end():]
    m = _LINK_HEADER.match(rest)
    if m and (m.group(0).rstrip().endswith("-") or "<" in rest[m.end():m.end() + 200]):
        art.title = art.title or m.group(1).strip()
        art.url = art.url or m.group(2).strip()
        rest = rest[m.end():]
    elif not art.title:
        h = _MD_HEADING.search(rest)
        if h:
            art.title = h.group(1).strip()
    art.body = rest
    # An HTML body starts with a tag; markdown may still carry HTML blocks.
    art.body_format = "html" if rest.lstrip().startswith("<") else "markdown"


def _read_html_page(page: str, art: RawArticle) -> None:
    """A complete rendered page: metadata from meta tags, body from <article>."""
    import lxml.html

    doc = lxml.html.document_fromstring(page)

    def meta(*names: str) -> str:
        for name in names:
            for attr in ("property", "name"):
                found = doc.xpath(f"//meta[@{attr}=$n]/@content", n=name)
                if found and found[0].strip():
                    return found[0].strip()
        return ""

    titles = doc.xpath("//title/text()")
    art.title = meta("og:title", "twitter:title") or (titles[0].strip() if titles else "")
    container = next(iter(doc.xpath("//article")), None)
    if container is None:
        container = doc.body if doc.find("body") is not None else doc
    heading = container.find(".//h1")
    if heading is not None and heading.text_content().strip():
        art.title = heading.text_content().strip()
    date = next(iter(container.find_class("date")), None)
    if date is not None:
        art.published = iso_date(date.text_content().strip())
    art.categories = [a.text_content().strip() for a in container.xpath(".//ul[contains(@class,'tag')]//a") if a.text_content().strip()]
    canonical = doc.xpath("//link[@rel='canonical']/@href")
    art.url = canonical[0] if canonical else meta("og:url")
    entry = next(iter(container.find_class("entry")), container)
    first = entry.find(".//p")
    if first is not None:
        link = first.find(".//a[@href]")
        if link is not None and link.text_content().strip() and first.text_content().strip().rstrip("—-").strip() == link.text_content().strip():
            art.url = link.get("href")
            first.drop_tree()
    art.body = lxml.html.tostring(entry, encoding="unicode")
    art.body_format = "html"


def _outlet_from(art: RawArticle) -> str:
    """Fall back to the URL's site (or its links' sites), a source line or a category for the outlet."""
    hosts = [urlsplit(art.url).hostname or ""] + [urlsplit(u).hostname or "" for u in _LINK.findall(art.body[:20000])[:20]]
    for host in hosts:
        for row in table("outlets"):
            if host and (host == row["domain"] or host.endswith("." + row["domain"])):
                return row["outlet"]
    for row in table("outlet_titles"):
        if re.search(row["pattern"], art.title):
            return row["outlet"]
    m = _SOURCE_LINE.search(art.body[:3000])
    if m:
        return m.group(1).strip()
    for cat in art.categories:
        if cat.lower() not in _GENERIC_CATEGORIES:
            return cat
    return ""
