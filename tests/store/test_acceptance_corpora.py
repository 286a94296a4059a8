"""Issue acceptance on real inputs: examples/, the seed page and wikinews, through the CLI.

Ingesting them twice leaves identical tables, and a process killed mid-ingest then re-run gives
the same database as one clean run. Slow (codes ~300 real articles); skipped without ../shared.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import dyadwatch.store as ds

REPO = Path(__file__).resolve().parents[2]
Snapshot = Callable[[ds.Store], dict[str, list[tuple[Any, ...]]]]


def _ingest_args(db: Path, shared: Path) -> list[str]:
    return [
        sys.executable, "-m", "dyadwatch", "ingest",
        str(REPO / "examples"),
        str(shared / "seed" / "000_37ee3ca068ec43e6.txt"),
        str(shared / "corpora" / "wikinews.jsonl"),
        "--date", "2021-08-10", "--batch-size", "8", "--db", str(db),
    ]  # fmt: skip


def _snapshot_of(db: Path, snapshot: Snapshot) -> dict[str, list[tuple[Any, ...]]]:
    with ds.open(db) as store:
        return snapshot(store)


@pytest.mark.slow
def test_corpora_ingested_twice_and_after_a_kill_give_one_clean_database(
    tmp_path: Path, shared_dir: Path, snapshot: Snapshot
) -> None:
    if not (shared_dir / "corpora" / "wikinews.jsonl").is_file():
        pytest.skip("wikinews corpus not present")
    clean = tmp_path / "clean.duckdb"
    started = time.monotonic()
    subprocess.run(_ingest_args(clean, shared_dir), check=True, capture_output=True)
    clean_seconds = time.monotonic() - started
    expected = _snapshot_of(clean, snapshot)
    assert len(expected["documents"]) > 290 and len(expected["events"]) > 500

    subprocess.run(_ingest_args(clean, shared_dir), check=True, capture_output=True)
    assert _snapshot_of(clean, snapshot) == expected  # the same input twice: same rows

    killed = tmp_path / "killed.duckdb"
    child = subprocess.Popen(
        _ingest_args(killed, shared_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(clean_seconds * 0.6)
    assert child.poll() is None, "the ingest finished before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with ds.open(killed) as store:
        partial = len(snapshot(store)["documents"])
    assert 0 < partial < len(expected["documents"])

    subprocess.run(_ingest_args(killed, shared_dir), check=True, capture_output=True)
    assert _snapshot_of(killed, snapshot) == expected
