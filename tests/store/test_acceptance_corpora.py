"""Issue acceptance on real inputs: examples/, the seed page and wikinews, through the CLI.

Ingesting them twice leaves identical tables, and a process killed mid-ingest then re-run gives
the same database as one clean run. Slow (codes ~300 real articles); skipped without ../shared
(failed under CI=true).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import dyadwatch.store as ds
from dyadwatch.store.writer import KILL_AFTER_COMMITS

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
    tmp_path: Path, shared_dir: Path, shared_file: Callable[[str], Path], snapshot: Snapshot
) -> None:
    shared_file("corpora/wikinews.jsonl")
    shared_file("seed/000_37ee3ca068ec43e6.txt")
    clean = tmp_path / "clean.duckdb"
    subprocess.run(_ingest_args(clean, shared_dir), check=True, capture_output=True, timeout=600)
    expected = _snapshot_of(clean, snapshot)
    assert len(expected["documents"]) > 290 and len(expected["events"]) > 500

    subprocess.run(_ingest_args(clean, shared_dir), check=True, capture_output=True, timeout=600)
    assert _snapshot_of(clean, snapshot) == expected  # the same input twice: same rows

    killed = tmp_path / "killed.duckdb"
    # the child SIGKILLs itself right after its 3rd committed batch: a known point, no timer
    env = {**os.environ, KILL_AFTER_COMMITS: "3"}
    child = subprocess.run(
        _ingest_args(killed, shared_dir), env=env, capture_output=True, timeout=600
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    with ds.open(killed) as store:
        partial = len(snapshot(store)["documents"])
    assert 0 < partial < len(expected["documents"])

    subprocess.run(_ingest_args(killed, shared_dir), check=True, capture_output=True, timeout=600)
    assert _snapshot_of(killed, snapshot) == expected
