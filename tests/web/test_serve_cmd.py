"""`dyadwatch serve`: refuses what it cannot serve, with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.cli import serve_cmd
from dyadwatch.cli.app import app
from dyadwatch.errors import ConfigError


def test_missing_database_without_token_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no database"):
        serve_cmd.serve(tmp_path / "none.duckdb")


def test_short_write_token_is_refused(controlled_db: Path) -> None:
    with pytest.raises(ConfigError, match="16 characters"):
        serve_cmd.serve(controlled_db, write_token="short")


def test_command_reports_errors_with_exit_status(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no database" in result.output


def test_command_reads_the_token_from_the_environment(monkeypatch, controlled_db: Path) -> None:
    seen: dict[str, object] = {}
    monkeypatch.setattr(serve_cmd, "serve", lambda db, **kw: seen.update(db=db, **kw))
    monkeypatch.setenv("DYADWATCH_WRITE_TOKEN", "t" * 20)
    result = CliRunner().invoke(app, ["serve", "--db", str(controlled_db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen == {"db": controlled_db, "host": "127.0.0.1", "port": 8123, "write_token": "t" * 20}
