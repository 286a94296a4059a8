"""`dyadwatch code`: events as JSON Lines or a table, rejects reported with exit status 3."""

from __future__ import annotations

import io
import json
from pathlib import Path

from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.cli.code_cmd import OutputFormat, code_to_stream
from dyadwatch.model import Event

ARTICLE = (
    "Chinese warships fired on a Philippine supply boat near Second Thomas Shoal on Monday, "
    "the Philippine coast guard said.\n"
)


def _write(tmp_path: Path, name: str, content: bytes | str) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_code_cmd_jsonl_lines_are_event_records(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    status = code_to_stream(
        [_write(tmp_path, "a.txt", ARTICLE)], out, err, date="2024-03-06", fmt=OutputFormat.jsonl
    )
    events = [Event.from_dict(json.loads(line)) for line in out.getvalue().splitlines()]
    assert status == 0
    assert any(e.source.country == "CHN" and e.root_code in {"18", "19"} for e in events)
    assert all(e.doc_id.endswith("a.txt") for e in events)
    assert "1 document(s)" in err.getvalue()  # the summary stays off the event stream


def test_code_cmd_table_shows_document_and_event(tmp_path: Path) -> None:
    out = io.StringIO()
    code_to_stream([_write(tmp_path, "a.txt", ARTICLE)], out, io.StringIO(), fmt=OutputFormat.table)
    text = out.getvalue()
    assert "== " in text and "a.txt" in text
    assert "CHN" in text and "Philippine supply boat" in text


def test_code_cmd_rejected_input_gives_status_3_and_the_run_goes_on(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", ARTICLE)
    binary = _write(tmp_path, "bad.txt", b"\x00\x01\x02binary\x00" * 20)
    result = CliRunner().invoke(app, ["code", binary, good, "--format", "table"])
    assert result.exit_code == 3
    assert "rejected" in result.output and "bad.txt" in result.output
    assert "good.txt" in result.output  # the good file was still coded


def test_code_cmd_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["code", _write(tmp_path, "a.txt", ARTICLE), "--date", "10/08/2021"]
    )
    assert result.exit_code == 2
    assert "--date must be a date as YYYY-MM-DD" in result.output


def test_code_cmd_output_file_receives_the_events(tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    result = CliRunner().invoke(
        app, ["code", _write(tmp_path, "a.txt", ARTICLE), "--output", str(target)]
    )
    assert result.exit_code == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert records and {"id", "evidence", "event_date"} <= set(records[0])
