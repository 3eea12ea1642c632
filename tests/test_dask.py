"""The Dask engine writes the same database as the local one (tested on a LocalCluster)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quotes import api

from .conftest import SEEDS

distributed = pytest.importorskip("distributed")


def _content(db: Path) -> list:
    conn = sqlite3.connect(db)
    try:
        return [conn.execute(f"select * from {t} order by rowid").fetchall()
                for t in ("article", "speaker", "quote", "alias", "cluster", "quote_keyword", "quote_mention")]
    finally:
        conn.close()


def test_dask_engine_matches_local(tmp_path):
    local = tmp_path / "local.db"
    api.build([SEEDS], local, workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask_db = tmp_path / "dask.db"
        report = api.build([SEEDS], dask_db, engine="dask", scheduler=cluster.scheduler_address)
    assert len(report.stored) == 5 and not report.errors
    assert _content(dask_db) == _content(local)


def test_dask_engine_needs_a_scheduler(tmp_path):
    with pytest.raises(RuntimeError, match="--scheduler"):
        api.build([SEEDS], tmp_path / "x.db", engine="dask")
