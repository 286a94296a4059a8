"""`dyadwatch evaluate`: the Typer command over evaluate_file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyadwatch.api
from dyadwatch.cli import evaluate_cmd
from dyadwatch.cli.app import app
from dyadwatch.model import Document

assert evaluate_cmd  # registers the command on the app


class EmptyCoder:
    version = "empty"

    def code_many(self, documents: list[Document], batch_size: int | None = None) -> object:
        from dyadwatch.coding.coder import CodingResult

        return (CodingResult(d, []) for d in documents)


@pytest.fixture
def gold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(dyadwatch.api, "get_coder", lambda settings: EmptyCoder())
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Japan met China.", "quad": 1}) + "\n")
    return path


def test_evaluate_cmd_table(gold: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--errors", "3"])
    assert result.exit_code == 0, result.output
    assert "multicoped, 1 sentences" in result.output
    assert "Japan met China." in result.output


def test_evaluate_cmd_json(gold: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["metrics"]["accuracy"] == 0.0


def test_evaluate_cmd_bad_gold_file_exits_with_error(tmp_path: Path, gold: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{nope\n")
    result = CliRunner().invoke(app, ["evaluate", str(bad)])
    assert result.exit_code == 1
    assert "not JSON" in result.output


def write_article_gold(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    record = {"article": "tale", "anchor": "Japan met China", "source": "JPN", "quad": 1}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_evaluate_cmd_article_gold_reads_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dyadwatch.api, "get_coder", lambda settings: EmptyCoder())
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "tale", "text": "Japan met China in May."}) + "\n")
    result = CliRunner().invoke(
        app, ["evaluate", str(write_article_gold(tmp_path)), "--corpus", str(corpus)]
    )
    assert result.exit_code == 0, result.output
    assert "article gold, 1 articles" in result.output
    assert "missed: no event in sentence" in result.output


def test_evaluate_cmd_article_gold_without_corpus_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dyadwatch.api, "get_coder", lambda settings: EmptyCoder())
    result = CliRunner().invoke(app, ["evaluate", str(write_article_gold(tmp_path))])
    assert result.exit_code == 1
    assert "needs --corpus" in result.output
