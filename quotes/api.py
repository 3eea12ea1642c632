"""The Python API behind the CLI: build a database, export quotes, serve them."""

from __future__ import annotations

import asyncio
import csv
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .pipeline import BuildReport, Outcome, build as _build

EXPORT_COLUMNS = ("source", "kind", "text", "speaker", "speaker_as_written", "cue", "start", "end", "paragraph",
                  "confidence", "title", "outlet", "published", "url")
METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
# suggest_facets is off: at a million rows its probing queries cost seconds per page; the useful
# facets are configured in metadata.yml.
SETTINGS = {"sql_time_limit_ms": 3000, "max_returned_rows": 1000, "allow_download": False, "default_page_size": 50,
            "suggest_facets": False}


def build(paths: Iterable[Path], db_path: Path, show_progress: bool = False, workers: int = 1,
          engine: str = "local", scheduler: str | None = None) -> BuildReport:
    """Store the articles under ``paths``; see :func:`quotes.pipeline.build`.

    ``engine="dask"`` runs the extraction as tasks on the Dask cluster at
    ``scheduler`` (the same single writer stores the results here).
    """
    mapper, close = (_dask_mapper(scheduler) if engine == "dask" else (None, lambda: None))
    bar = None
    on_file = None
    if show_progress:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)
        counts = {"stored": 0, "error": 0, "quotes": 0}

        def tick(outcome: Outcome) -> None:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            if outcome.record is not None:
                counts["quotes"] += len(outcome.record.quotes)
            bar.set_postfix(stored=counts["stored"], quotes=counts["quotes"], errors=counts["error"], refresh=False)
            bar.update()

        on_file = tick

    try:
        return _build(paths, db_path, on_file=on_file, workers=workers, mapper=mapper)
    finally:
        if bar is not None:
            bar.close()
        close()


def _dask_mapper(scheduler: str | None):
    """An order-keeping map over a Dask cluster, and how to let go of it."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise RuntimeError("the dask engine needs dask.distributed: pip install 'quotes[dask]'") from exc
    if not scheduler:
        raise RuntimeError("the dask engine needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    client = Client(scheduler)

    def mapper(fn, tasks):
        return client.gather(client.map(fn, tasks, pure=False))

    return mapper, client.close


def export_rows(db_path: Path, speaker: str | None = None, outlet: str | None = None, kind: str | None = None,
                since: str | None = None) -> Iterator[dict]:
    """Quotes joined with their article and speaker, in article and text order."""
    where, params = [], []
    for column, value in (("speaker.name", speaker), ("article.outlet", outlet)):
        if value:
            where.append(f"{column} like ?")
            params.append(f"%{value}%")
    if kind:
        where.append("quote.kind = ?")
        params.append(kind)
    if since:
        where.append("article.published >= ?")
        params.append(since)
    sql = ("select article.path as source, quote.kind, quote.text, coalesce(speaker.name, '') as speaker,"
           ' quote.speaker_as_written, quote.cue, quote.start, quote."end", quote.paragraph, quote.confidence,'
           " article.title, article.outlet, article.published, article.url"
           " from quote join article on article.id = quote.article_id left join speaker on speaker.id = quote.speaker_id"
           + (" where " + " and ".join(where) if where else "") + " order by article.path, quote.paragraph, quote.start")
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        for row in conn.execute(sql, params):
            yield dict(row)
    finally:
        conn.close()


def speaker_rows(db_path: Path, limit: int = 50, kind: str | None = None) -> list[dict]:
    """Speakers with how many aliases and quotes they have, most quoted first."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(
            "select speaker.name, speaker.kind,"
            " (select count(*) from alias where alias.speaker_id = speaker.id) as aliases,"
            " (select count(*) from quote where quote.speaker_id = speaker.id) as quotes,"
            " (select count(*) from speaker_merge where speaker_merge.speaker_id = speaker.id) as merges"
            " from speaker where (? is null or speaker.kind = ?) order by quotes desc, speaker.name limit ?",
            (kind, kind, limit))]
    finally:
        conn.close()


def write_rows(rows: Iterable[dict], stream: IO[str], fmt: str, bom: bool = False) -> int:
    """Write rows as CSV (header first) or JSON lines; return how many."""
    n = 0
    if fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps({k: row[k] for k in EXPORT_COLUMNS}, ensure_ascii=False) + "\n")
            n += 1
        return n
    if bom:
        stream.write("\ufeff")
    writer = csv.DictWriter(stream, fieldnames=EXPORT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def datasette_app(db_path: Path):
    """The Datasette instance ``quotes serve`` runs: immutable, with our metadata and settings.

    The metadata in metadata.yml is written for a database called ``quotes``;
    it is applied to whatever the database file is called.
    """
    import yaml
    from datasette.app import Datasette

    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8")) if METADATA.exists() else {}
    databases = metadata.get("databases", {})
    if "quotes" in databases:
        databases[Path(db_path).stem] = databases.pop("quotes")
    return Datasette(immutables=[str(db_path)], metadata=metadata, settings=SETTINGS)


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve the database until interrupted."""
    import uvicorn

    ds = datasette_app(db_path)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
