"""Shared fixtures: paths to the repository's seeds and to ../shared when present."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "news"


def need(path: Path) -> Path:
    """Skip the test when a part of ../shared is absent (e.g. outside the workplace)."""
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """All rows of a query on a database file."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """A database built from seeds/ once per test session."""
    from quotes.pipeline import build

    db = tmp_path_factory.mktemp("seeds") / "quotes.db"
    report = build([SEEDS], db)
    assert not report.errors
    return db
