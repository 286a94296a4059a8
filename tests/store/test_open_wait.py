"""``open`` waits for another process's lock, then fails with DatabaseBusy (not a raw DuckDB
error), so a command started while a server answers a request still gets in."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import dyadwatch.store as ds
from dyadwatch.errors import DatabaseBusy, StoreError

HOLD = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
    """
)


def _hold(db: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    ds.open(path).close()
    return path


def test_open_gives_up_with_database_busy(db: Path) -> None:
    holder = _hold(db, 30)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseBusy, match="in use by another process"):
            ds.open(db, wait=0.5)
        assert 0.4 < time.monotonic() - started < 10
        assert issubclass(DatabaseBusy, StoreError)  # the CLI's one-line store error
    finally:
        holder.kill()
        holder.communicate()


def test_open_gets_in_once_the_lock_is_released(db: Path) -> None:
    holder = _hold(db, 1.0)
    try:
        with ds.open(db, wait=30) as store:
            assert store.schema_version() > 0
    finally:
        holder.communicate()
