"""The database tables (SQLModel).

``quote.start``/``quote.end`` index ``article.text`` — or ``article.title``
for a headline quote, which has ``paragraph`` 0 — so that
``article.text[start:end] == quote.text`` always holds for body quotes.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

from sqlmodel import Field, SQLModel


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Article(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    path: str = Field(unique=True, description="file path relative to the input root")
    title: str = ""
    url: str = ""
    outlet: str = Field(default="", index=True)
    published: str = Field(default="", index=True, description="ISO 8601, UTC")
    categories: str = Field(default="[]", description="JSON list")
    editor: str = ""
    content_hash: str = Field(index=True, description="SHA-256 of the file's bytes")
    extractor: str = Field(default="", description="version of the code and rules that found its quotes (quotes.pipeline.extractor_version)")
    text: str = Field(description="clean body text, paragraphs separated by newlines")


class Speaker(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(unique=True, description="canonical name: the fullest form articles give")
    kind: str = Field(default="unknown", index=True, description="person / organisation / unknown")


class Quote(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    kind: str = Field(index=True, description="direct or indirect")
    text: str
    speaker_id: Optional[int] = Field(default=None, foreign_key="speaker.id", index=True)
    speaker_as_written: str = ""
    role: str = Field(default="", description="the role the article gives the speaker here")
    cue: str = Field(default="", index=True)
    start: int
    end: int
    paragraph: int = Field(index=True, description="1-based; 0 for the headline")
    confidence: float = Field(index=True)
    cluster_id: Optional[int] = Field(default=None, foreign_key="cluster.id", index=True)


class IngestError(SQLModel, table=True):
    __tablename__ = "ingest_error"
    id: Optional[int] = Field(default=None, primary_key=True)
    path: str = Field(index=True)
    reason: str
    at: str = Field(default_factory=_now)


class Alias(SQLModel, table=True):
    """Every form articles use for a speaker (谢尔盖·拉夫罗夫, 拉夫罗夫, 俄外长拉夫罗夫, 拉夫羅夫)."""

    id: Optional[int] = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    alias: str = Field(index=True)


class SpeakerRole(SQLModel, table=True):
    """A role a speaker was given, where and when (俄罗斯外交部长, article 12, 2021-12-23)."""

    __tablename__ = "speaker_role"
    id: Optional[int] = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    role: str = Field(index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    published: str = ""


class SpeakerMerge(SQLModel, table=True):
    """A speaker row merged into another across articles, and why."""

    __tablename__ = "speaker_merge"
    id: Optional[int] = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True)
    merged_name: str
    reason: str


class Cluster(SQLModel, table=True):
    """One statement: the same or nearly the same words of one speaker, in one or more articles."""

    id: Optional[int] = Field(default=None, primary_key=True)
    speaker_id: Optional[int] = Field(default=None, foreign_key="speaker.id", index=True)
    text: str = Field(description="the words as first reported")
    first_quote_id: int = Field(foreign_key="quote.id")
    first_published: str = Field(default="", index=True)
    quotes: int = Field(index=True)
    articles: int = Field(index=True)
    outlets: int = Field(index=True)


class QuoteKeyword(SQLModel, table=True):
    """What a quote is about: its TF-IDF keywords."""

    __tablename__ = "quote_keyword"
    id: Optional[int] = Field(default=None, primary_key=True)
    quote_id: int = Field(foreign_key="quote.id", index=True)
    keyword: str = Field(index=True)
    weight: float


class QuoteMention(SQLModel, table=True):
    """A person, organisation or place a quote names."""

    __tablename__ = "quote_mention"
    id: Optional[int] = Field(default=None, primary_key=True)
    quote_id: int = Field(foreign_key="quote.id", index=True)
    name: str = Field(index=True)
    kind: str = Field(index=True)


class FacetCount(SQLModel, table=True):
    """How many rows of a table have a value in a faceted column; rewritten at the end of each build."""

    __tablename__ = "facet_count"
    table_name: str = Field(primary_key=True)
    column_name: str = Field(primary_key=True)
    value: str = Field(primary_key=True)
    count: int
