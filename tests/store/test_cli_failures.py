"""Failures that used to lose a whole run behind a traceback (issue 11, #5 and #10): a damaged
database, a full disk, Ctrl-C; exports never leave a truncated file; ``--version``."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

import dyadwatch
import dyadwatch.store as ds
import dyadwatch.store.export as export_module
from dyadwatch import pipeline
from dyadwatch.cli.app import app
from dyadwatch.model import Document, Event

runner = CliRunner()
FAKE_CODER = Path(__file__).with_name("fake_coder.py")
STORY = "CHNMIL attacked JPN on 2024-03-0{n} near Senkaku. Report number {n} ends here."


@pytest.fixture(autouse=True)
def fake_default_coder(monkeypatch: pytest.MonkeyPatch, coder: Any) -> None:
    monkeypatch.setattr(pipeline, "_default_coder", lambda settings: coder)


def _records(path: Path, n: int) -> Path:
    lines = [
        json.dumps({"id": f"d{i}", "text": STORY.format(n=i), "date": "2024-03-06"})
        for i in range(1, n + 1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _one_line_error(result: Any, start: str) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(start), result.stderr
    assert "Traceback" not in result.output
    return str(lines[0])


def test_a_truncated_database_gives_the_one_line_store_error(tmp_path: Path) -> None:
    whole = tmp_path / "whole.duckdb"
    with ds.open(whole) as store:  # enough rows that cutting the file loses table data
        store.con.execute(
            "INSERT INTO documents (id, content_hash, text, ingested_at, run_id, record_hash, "
            "status) SELECT 'd' || i, md5(i::VARCHAR), repeat('Some words here. ', 20) || i, "
            "now(), 'r', md5(i::VARCHAR), 'failed' FROM range(20000) t(i)"
        )
        store.con.execute("CHECKPOINT")
    data = whole.read_bytes()
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(data[: int(len(data) * 0.3)])
    result = runner.invoke(app, ["recode", "--db", str(cut)])
    assert result.exit_code == 1
    line = _one_line_error(result, "error [store]:")
    assert "Could not read" in line


class _DiskFull:
    """A DuckDB connection whose COMMIT fails as on a full disk: like DuckDB itself, the failed
    commit ends the transaction, so a later ROLLBACK finds none."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def execute(self, sql: str, *args: Any) -> Any:
        if (
            sql.strip().upper() == "COMMIT"
            and self._con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        ):
            self._con.execute("ROLLBACK")
            raise duckdb.IOException(
                'IO Error: Could not write file "events.duckdb.wal": No space left on device'
            )
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def test_a_full_disk_during_ingest_gives_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = duckdb.connect
    monkeypatch.setattr(duckdb, "connect", lambda *a, **k: _DiskFull(real_connect(*a, **k)))
    feed = _records(tmp_path / "feed.jsonl", 3)
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    line = _one_line_error(result, "error [store]:")
    assert "No space left on device" in line


@pytest.mark.parametrize("fmt", ["csv", "gdelt", "plover"])
def test_a_full_disk_during_export_leaves_no_truncated_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    db = tmp_path / "x.duckdb"
    feed = _records(tmp_path / "feed.jsonl", 3)
    assert runner.invoke(app, ["ingest", str(feed), "--db", str(db)]).exit_code == 0
    out = tmp_path / "out" / f"events.{fmt}"
    out.parent.mkdir()
    out.write_text("the previous export\n", encoding="utf-8")

    writer = {"csv": "write_csv", "gdelt": "write_gdelt", "plover": "write_plover"}[fmt]
    real = getattr(export_module, writer)

    def write_then_fill_the_disk(*args: Any) -> int:
        real(*args)  # some rows reach the file first
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export_module, writer, write_then_fill_the_disk)
    args = ["export", "--db", str(db), "--format", fmt, "--output", str(out), "--overwrite"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert _one_line_error(result, "error [io]:") == "error [io]: No space left on device"
    assert out.read_text(encoding="utf-8") == "the previous export\n"  # untouched
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no temporary left


def test_a_complete_export_replaces_the_file(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    assert runner.invoke(app, ["ingest", str(_records(tmp_path / "f.jsonl", 3)), "--db", str(db)])
    out = tmp_path / "events.csv"
    out.write_text("old\n", encoding="utf-8")
    args = ["export", "--db", str(db), "--format", "csv", "--output", str(out), "--overwrite"]
    assert runner.invoke(app, args).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4  # header and three events
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_ctrl_c_exits_130_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, coder: Any
) -> None:
    class Interrupted:
        version = coder.version

        def code(self, doc: Document) -> list[Event]:
            if doc.id == "d3":
                raise KeyboardInterrupt
            events: list[Event] = coder.code(doc)
            return events

    monkeypatch.setattr(pipeline, "_default_coder", lambda settings: Interrupted())
    db = tmp_path / "x.duckdb"
    feed = _records(tmp_path / "feed.jsonl", 4)
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(db), "--batch-size", "2"])
    assert result.exit_code == 130
    _one_line_error(result, "interrupted:")
    with ds.open(db) as store:
        run = store.runs().iloc[0]
        assert run["status"] == "interrupted"
        assert json.loads(run["counts"])["coded"] == 2  # d1, d2; the batch with d3 was dropped


_CHILD = """
import importlib.util, sys
from pathlib import Path
from dyadwatch.cli.app import app
import dyadwatch.cli  # registers the commands
from dyadwatch import pipeline
spec = importlib.util.spec_from_file_location("fake_coder", sys.argv[1])
fake = importlib.util.module_from_spec(spec); spec.loader.exec_module(fake)
pipeline._default_coder = lambda settings: fake.SlowCoder(Path(sys.argv[2]), pause=0.2)
app(sys.argv[3:])
"""


def _as_from_a_shell() -> None:
    """Start the child with SIGINT neither blocked nor ignored, as an interactive shell starts a
    command: a blocked mask or an ignored disposition is inherited across exec, and a test run
    started in the background by a non-interactive shell (``make test &``, as CI harnesses do)
    has SIGINT ignored from the start, so the child would never see the interrupt."""
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGINT")
def test_sigint_to_a_real_ingest_exits_130(tmp_path: Path) -> None:
    script = tmp_path / "child.py"
    script.write_text(_CHILD, encoding="utf-8")
    progress = tmp_path / "progress.txt"
    feed = _records(tmp_path / "feed.jsonl", 9)
    db = tmp_path / "x.duckdb"
    args = [str(FAKE_CODER), str(progress), "ingest", str(feed), "--db", str(db)]
    child = subprocess.Popen(
        [sys.executable, str(script), *args, "--batch-size", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_as_from_a_shell,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if progress.exists() and len(progress.read_text().split()) >= 3:
            break
        time.sleep(0.01)
    assert child.poll() is None, "the child finished before it could be interrupted"
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130, err
    assert err.strip().splitlines() == [err.strip()] and err.startswith("interrupted:")
    with ds.open(db) as store:
        run = store.runs().iloc[0]
        committed = len(store.documents())
        assert run["status"] == "interrupted"
        assert json.loads(run["counts"])["coded"] == committed


def test_version_option() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"dyadwatch {dyadwatch.__version__}"


def test_code_output_is_complete_or_absent_after_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, coder: Any
) -> None:
    import dyadwatch.cli.code_cmd as code_cmd
    from dyadwatch.engine.local import DocumentResult

    docs = [
        Document(id=f"d{n}", text=STORY.format(n=n), origin=f"d{n}", date=None) for n in (1, 2, 3)
    ]

    def outcomes(*args: Any, **kwargs: Any) -> Any:
        for n, doc in enumerate(docs):
            if n == 2:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            yield DocumentResult(doc, coder.code(doc))

    monkeypatch.setattr(code_cmd, "code_inputs", outcomes)
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["code", "x.txt", "--output", str(out)])
    assert result.exit_code == 1
    assert result.stderr.strip() == "error [io]: No space left on device"
    assert not out.exists() and list(tmp_path.iterdir()) == []
