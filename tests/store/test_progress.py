"""Progress of long commands: shown at a terminal, quiet when piped or under CI (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import dyadwatch.cli.progress as progress
from dyadwatch import pipeline
from dyadwatch.cli.app import app
from dyadwatch.cli.progress import estimate_documents

runner = CliRunner()
PROGRESS_MARKS = ("docs/s", "events", "rejects", "ETA")


@pytest.fixture(autouse=True)
def fake_default_coder(monkeypatch: pytest.MonkeyPatch, coder: Any) -> None:
    monkeypatch.setattr(pipeline, "_default_coder", lambda settings: coder)
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": f"d{i}", "text": f"CHNMIL attacked JPN on 2024-03-0{i}. Note {i}."})
        for i in range(1, 6)
    ]
    path.write_text("\n".join([*lines, "{broken"]) + "\n", encoding="utf-8")
    return path


def _at_terminal(monkeypatch: pytest.MonkeyPatch, value: bool) -> None:
    monkeypatch.setattr(progress, "_is_terminal", lambda stream: value)


def test_ingest_shows_progress_at_a_terminal(
    feed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at_terminal(monkeypatch, True)
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 3, result.output
    for mark in PROGRESS_MARKS:
        assert mark in result.stderr
    assert "6/6" in result.stderr  # inputs done / estimated total (five records, one broken line)
    assert "1 rejects" in result.stderr and "5 events" in result.stderr


def test_ingest_is_quiet_when_piped(
    feed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at_terminal(monkeypatch, False)
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 3
    assert "docs/s" not in result.output and "ETA" not in result.output


def test_ingest_is_quiet_under_ci_even_at_a_terminal(
    feed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at_terminal(monkeypatch, True)
    monkeypatch.setenv("CI", "true")
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(tmp_path / "x.duckdb")])
    assert "docs/s" not in result.output


def test_progress_can_be_forced_on_and_off(
    feed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at_terminal(monkeypatch, True)
    db = str(tmp_path / "x.duckdb")
    off = runner.invoke(app, ["ingest", str(feed), "--db", db, "--no-progress"])
    assert "docs/s" not in off.output
    _at_terminal(monkeypatch, False)
    on = runner.invoke(app, ["recode", "--db", db, "--progress"])
    assert on.exit_code == 0, on.output
    assert "docs/s" in on.stderr and "5/5" in on.stderr


def test_estimate_counts_files_and_json_lines(tmp_path: Path, feed: Path) -> None:
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("One story.", encoding="utf-8")
    (folder / "sub" / "b.md").write_text("Another story.", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert estimate_documents([str(folder), str(feed)]) == 2 + 6
    assert estimate_documents([str(feed), "-"]) is None
