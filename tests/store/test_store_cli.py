"""`dyadwatch ingest|recode|export|clusters` through the Typer app (fake coder patched in)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.cli.app import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def fake_default_coder(monkeypatch, coder) -> None:
    monkeypatch.setattr(pipeline, "_default_coder", lambda settings: coder)


@pytest.fixture
def feed(tmp_path: Path, stories) -> Path:
    path = tmp_path / "feed.jsonl"
    records = [
        {"id": "wire", "text": stories.wire, "date": "2024-03-06", "source": "Wire"},
        {"id": "post", "text": stories.wire_edited, "date": "2024-03-06", "source": "Post"},
        {"id": "talks", "text": stories.other, "date": "2024-03-05", "source": "Wire"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_ingest_command_is_idempotent(feed: Path, db_path: Path, snapshot) -> None:
    first = runner.invoke(app, ["ingest", str(feed), "--db", str(db_path)])
    assert first.exit_code == 0, first.output
    assert "3 document(s) read: 3 new" in first.output
    assert "duplicates: 0 exact, 1 near" in first.output
    with ds.open(db_path) as store:
        before = snapshot(store)
    second = runner.invoke(app, ["ingest", str(feed), "--db", str(db_path)])
    assert second.exit_code == 0
    assert "3 unchanged" in second.output
    with ds.open(db_path) as store:
        assert snapshot(store) == before


def test_ingest_command_exits_3_when_input_is_rejected(
    feed: Path, tmp_path: Path, db_path: Path
) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": "USA met JPN."}\n{not json\n', encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(feed), str(broken), "--db", str(db_path)])
    assert result.exit_code == 3, result.output
    assert "1 rejected" in result.output and "broken.jsonl:2" in result.output
    with ds.open(db_path) as store:
        assert list(store.rejects()["code"]) == ["malformed_json"]
        assert len(store.documents()) == 4  # the good records were kept


def test_export_command_writes_gdelt(feed: Path, db_path: Path, tmp_path: Path) -> None:
    runner.invoke(app, ["ingest", str(feed), "--db", str(db_path)])
    out = tmp_path / "out.tsv"
    result = runner.invoke(
        app, ["export", "--db", str(db_path), "--format", "gdelt", "--output", str(out),
              "--dyad", "JPN,CHN"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert len(lines) == 1 and len(lines[0].split("\t")) == 61
    assert lines[0].split("\t")[31] == "2"  # NumMentions: the story and its near-copy


@pytest.mark.parametrize("bad", [["--dyad", "CHN"], ["--since", "yesterday"], ["--quad", "9"]])
def test_export_command_bad_filters_exit_2(feed: Path, db_path: Path, bad: list[str]) -> None:
    runner.invoke(app, ["ingest", str(feed), "--db", str(db_path)])
    result = runner.invoke(app, ["export", "--db", str(db_path), "--format", "csv", *bad])
    assert result.exit_code == 2, result.output


def test_clusters_command_lists_and_rebuilds(feed: Path, db_path: Path) -> None:
    runner.invoke(app, ["ingest", str(feed), "--db", str(db_path)])
    listed = runner.invoke(app, ["clusters", "--db", str(db_path), "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    records = [json.loads(line) for line in listed.output.splitlines()]
    assert [r["n_mentions"] for r in records] == [2, 1]
    rebuilt = runner.invoke(app, ["clusters", "--db", str(db_path), "--rebuild"])
    assert rebuilt.exit_code == 0 and "2 cluster(s) rebuilt" in rebuilt.output


def test_recode_command_records_a_run(feed: Path, db_path: Path) -> None:
    runner.invoke(app, ["ingest", str(feed), "--db", str(db_path)])
    result = runner.invoke(app, ["recode", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    with ds.open(db_path, read_only=True) as store:
        assert list(store.runs()["command"]) == ["recode", "ingest"]


def test_missing_database_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "--db", str(tmp_path / "none.duckdb"), "--format", "csv"]
    )
    assert result.exit_code == 1 and "no database" in result.output


def test_event_filters_parse_the_dyad() -> None:
    query = ds.EventQuery(dyad="CHN, JPN", modality=["all"])
    assert query.values["dyad"] == ("CHN", "JPN") and query.values["modality"] == ()
