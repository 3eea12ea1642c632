"""Datasette plugin: Chinese search, links to a quote in context, the context page.

Registered through the ``datasette`` entry point in pyproject.toml, so it is
active wherever the package is installed; it only acts on databases that have
the ``quote_fts`` table this package builds.
"""

from __future__ import annotations

from datasette import Response, hookimpl
from markupsafe import Markup, escape

from .facets import CountedFacet
from .search import match_expression

QUOTE_TABLES = ("quote", "quote_list")


def _is_ours(conn) -> bool:
    return conn.execute("select 1 from sqlite_master where name = 'quote_fts'").fetchone() is not None


@hookimpl(trylast=True)
def prepare_connection(conn):
    """Replace Datasette's ``escape_fts`` so ``?_search=`` speaks Chinese (see search.py).

    ``trylast`` makes this run after Datasette's own registration of the
    same function, so ours is the one the connection keeps.
    """
    if _is_ours(conn):
        conn.create_function("escape_fts", 1, match_expression, deterministic=True)


@hookimpl
def render_cell(value, column, table, database, datasette):
    """In quote tables, the id opens the quote in its article."""
    if table in QUOTE_TABLES and column == "id" and isinstance(value, int):
        url = datasette.urls.path(f"/-/quote/{database}/{value}")
        return Markup(f'<a href="{escape(url)}">{value} ↗</a>')
    return None


@hookimpl
def register_facet_classes():
    return [CountedFacet]


@hookimpl
def register_routes():
    return [(r"^/-/quote/(?P<database>[^/]+)/(?P<id>\d+)$", quote_in_context)]


async def quote_in_context(datasette, request):
    """The article's text with one quote highlighted; everything escaped (article text is untrusted)."""
    name = request.url_vars["database"]
    try:
        db = datasette.get_database(name)
    except KeyError:
        return Response.html("no such database", status=404)
    row = (await db.execute(
        "select quote.text, quote.kind, quote.cue, quote.start, quote.\"end\", quote.paragraph, quote.confidence,"
        " quote.speaker_as_written, coalesce(speaker.name, '') as speaker, article.title, article.text as body,"
        " article.outlet, article.published, article.url, article.path"
        " from quote join article on article.id = quote.article_id left join speaker on speaker.id = quote.speaker_id"
        " where quote.id = ?", [int(request.url_vars["id"])])).first()
    if row is None:
        return Response.html("no such quote", status=404)
    source = row["title"] if row["paragraph"] == 0 else row["body"]
    start, end = row["start"], row["end"]
    highlighted = Markup("{}<mark>{}</mark>{}").format(source[:start], source[start:end], source[end:])
    paragraphs = [Markup(p) for p in str(highlighted).split("\n")]
    url = row["url"] if row["url"].startswith(("http://", "https://")) else ""
    return Response.html(await datasette.render_template(
        "quote.html", {"q": dict(row), "paragraphs": paragraphs, "in_title": row["paragraph"] == 0,
                       "database": name, "url": url}, request=request))
