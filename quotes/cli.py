"""The ``quotes`` command: thin click wrappers over :mod:`quotes.api`."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import click

from . import api

DEFAULT_DB = "db/quotes.db"
db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                         type=click.Path(dir_okay=False, path_type=Path), help="SQLite database file")


@click.group()
@click.version_option(package_name="quotes")
def cli() -> None:
    """引语库 quotes: find who said what in Chinese news, store it in SQLite, publish it with Datasette."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option("-q", "--quiet", is_flag=True, help="print only the summary and errors")
@click.option("-w", "--workers", type=click.IntRange(1), default=os.cpu_count() or 1, show_default="number of cores",
              help="processes that extract in parallel (one writer stores)")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="where extraction runs: local processes, or a Dask cluster")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address, with --engine dask")
def build(paths: tuple[Path, ...], db_path: Path, quiet: bool, workers: int, engine: str, scheduler: str | None) -> None:
    """Read articles from PATHS (files or folders, recursively) into the database.

    Unchanged files are skipped; a changed file replaces its article and its
    quotes.  Files that cannot be read are listed with the reason, recorded in
    the ingest_error table, and make the command exit with status 1 after all
    good files are stored.
    """
    try:
        report = api.build(paths or (Path("seeds"),), db_path, show_progress=not quiet and sys.stderr.isatty(),
                           workers=workers, engine=engine, scheduler=scheduler)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from None
    for rel, reason in report.errors:
        click.echo(f"error: {reason}", err=True)
    for rel, reason in report.skipped:
        click.echo(f"skipped: {reason}", err=True)
    click.echo(f"{len(report.stored)} articles stored ({report.quotes} quotes), {len(report.unchanged)} unchanged, "
               f"{len(report.skipped)} skipped, {len(report.errors)} failed → {db_path}")
    if report.errors:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="file to write (default: stdout)")
@click.option("--speaker", help="only quotes whose speaker name contains this")
@click.option("--outlet", help="only articles whose outlet contains this")
@click.option("--kind", type=click.Choice(["direct", "indirect"]))
@click.option("--since", help="only articles published on or after this date (YYYY-MM-DD)")
@click.option("--excel", is_flag=True, help="start the CSV with a BOM so Excel reads Chinese correctly")
def export(db_path: Path, fmt: str, output: Path | None, speaker: str | None, outlet: str | None,
           kind: str | None, since: str | None, excel: bool) -> None:
    """Write one row per quote as CSV or JSON lines (the scorer reads both)."""
    if not db_path.exists():
        raise click.ClickException(f"{db_path}: no such database (run 'quotes build' first)")
    rows = api.export_rows(db_path, speaker=speaker, outlet=outlet, kind=kind, since=since)
    if output:
        with output.open("w", encoding="utf-8", newline="") as stream:
            n = api.write_rows(rows, stream, fmt, bom=excel)
        click.echo(f"{n} quotes → {output}", err=True)
        return
    # UTF-8 whatever the terminal's locale, so Chinese text survives a pipe.
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        api.write_rows(rows, stream, fmt, bom=excel)
    finally:
        stream.flush()
        stream.detach()


@cli.command()
@db_option
@click.option("-n", "--limit", default=50, show_default=True, help="how many speakers")
@click.option("--kind", type=click.Choice(["person", "organisation", "country", "document", "unknown"]))
def speakers(db_path: Path, limit: int, kind: str | None) -> None:
    """List speakers, most quoted first, with their alias, quote and merge counts."""
    if not db_path.exists():
        raise click.ClickException(f"{db_path}: no such database (run 'quotes build' first)")
    rows = api.speaker_rows(db_path, limit=limit, kind=kind)
    click.echo(f"{'quotes':>7} {'aliases':>7} {'merges':>6}  kind          speaker")
    for row in rows:
        click.echo(f"{row['quotes']:>7} {row['aliases']:>7} {row['merges']:>6}  {row['kind']:<13} {row['name']}")


@cli.command()
@db_option
@click.option("-p", "--port", default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(db_path: Path, port: int, host: str) -> None:
    """Serve the database with Datasette, read-only, with the project's metadata."""
    if not db_path.exists():
        raise click.ClickException(f"{db_path}: no such database (run 'quotes build' first)")
    click.echo(f"serving {db_path} read-only on http://{host}:{port}/", err=True)
    api.serve(db_path, host=host, port=port)
