"""Training sentences from the gold formats, and dyadwatch without the ml extra."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.errors import ConfigError, EvaluationError
from dyadwatch.verifier import require_ml
from dyadwatch.verifier.examples import (
    NONE_CLASS,
    Example,
    gather,
    read_examples,
    split_sentences,
    stratified_split,
)


def _jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_examples_read_multicoped_and_plover_gold(tmp_path: Path) -> None:
    mc = _jsonl(
        tmp_path / "mc.jsonl",
        [
            {"id": "m1", "text": "Border guards exchanged fire with smugglers.", "quad": 4},
            {"id": "m2", "text": "The envoy praised the ceasefire talks.", "quad": 1},
        ],
    )
    pl = _jsonl(
        tmp_path / "pl.jsonl",
        [
            {"id": "p1", "text": "Farmers marched on the ministry.", "event": "PROTEST",
             "source": [{"actorText": "Farmers", "code": "XYZCVL"}], "target": ""},
            {"id": "p2", "text": "The army pulled back from the ridge.", "event": "RETREAT",
             "source": [{"actorText": "army", "code": "XYZMIL"}], "target": ""},
        ],
    )  # fmt: skip
    assert [(e.label, e.plover_type) for e in read_examples(mc)] == [
        ("material_conflict", None),
        ("verbal_cooperation", None),
    ]
    # RETREAT has no single class: it trains the type head only
    assert [(e.label, e.plover_type) for e in read_examples(pl)] == [
        ("material_conflict", "PROTEST"),
        ("", "RETREAT"),
    ]
    assert len(gather([mc, mc, pl])) == 4  # a sentence met twice is kept once


def test_examples_article_gold_labels_anchor_sentences_and_the_rest_none(tmp_path: Path) -> None:
    text = (
        "The cabinet met on Monday. Police detained twelve protesters outside parliament. "
        "It rained all week.\n\nThe minister thanked the donors for their help."
    )
    corpus = _jsonl(tmp_path / "corpus.jsonl", [{"id": "art1", "title": "T", "text": text}])
    gold = _jsonl(
        tmp_path / "articles.jsonl",
        [
            {"article": "art1", "anchor": "Police detained twelve protesters", "source": "XYZCOP",
             "target": "XYZCVL", "code": "173", "quad": 4},
            {"article": "art1", "anchor": "thanked the donors", "source": "XYZGOV",
             "target": None, "code": "051", "quad": 1},
            {"article": "missing", "anchor": "nowhere", "source": "X", "code": "01", "quad": 0},
        ],
    )  # fmt: skip
    examples = read_examples(gold, corpus)
    labels = {e.text: (e.label, e.plover_type) for e in examples}
    assert labels["Police detained twelve protesters outside parliament."] == (
        "material_conflict",
        "COERCE",
    )
    assert labels["The minister thanked the donors for their help."][0] == "verbal_cooperation"
    assert labels["It rained all week."] == (NONE_CLASS, None)
    assert len(examples) == 4
    with pytest.raises(EvaluationError, match="--corpus"):
        read_examples(gold)


def test_split_sentences_and_stratified_hold_out() -> None:
    spans = split_sentences('He said "No." Then he left.  Done!')
    assert len(spans) == 3
    examples = [Example(f"sentence {i}", "statement" if i % 2 else "verbal_conflict")
                for i in range(20)]  # fmt: skip
    train, held = stratified_split(examples, 0.2)
    assert len(held) == 4 and {e.label for e in held} == {"statement", "verbal_conflict"}
    assert stratified_split(examples, 0.2) == (train, held)  # the same split every run
    assert stratified_split(examples, 0.0) == (examples, [])


@pytest.fixture
def without_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import torch`` fail as it does where the ml extra is not installed."""
    monkeypatch.setitem(sys.modules, "torch", None)


@pytest.mark.usefixtures("without_torch")
def test_without_the_extra_require_ml_says_what_to_install() -> None:
    with pytest.raises(ConfigError, match=r"dyadwatch\[ml\]"):
        require_ml()


@pytest.mark.usefixtures("without_torch")
def test_without_the_extra_train_and_verifier_options_explain(tmp_path: Path) -> None:
    gold = _jsonl(tmp_path / "mc.jsonl", [{"id": "m", "text": "Troops fired.", "quad": 4}])
    runner = CliRunner()
    trained = runner.invoke(app, ["train", str(gold), "--out", str(tmp_path / "model")])
    assert trained.exit_code == 2
    assert "pip install 'dyadwatch[ml]'" in trained.output
    model = tmp_path / "some-model"
    model.mkdir()
    story = tmp_path / "a.txt"
    story.write_text("Rebels attacked an army post on Monday.\n", encoding="utf-8")
    coded = runner.invoke(app, ["code", str(story), "--verifier", str(model)])
    assert coded.exit_code == 2 and "dyadwatch[ml]" in coded.output
    ingest = runner.invoke(
        app, ["ingest", str(story), "--db", str(tmp_path / "x.duckdb"), "--verifier", str(model)]
    )
    assert ingest.exit_code == 2 and "dyadwatch[ml]" in ingest.output


def test_verifier_option_names_a_missing_model_directory(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text("Rebels attacked an army post on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(story), "--verifier", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "does not exist" in result.output
