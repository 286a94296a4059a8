"""Train a verifier on sentences we wrote, load it, and let it judge events (the ml extra)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.model import Actor, Event, Evidence, Plover
from dyadwatch.verifier import VerifiedCoder, VerifierPolicy, load_verifier

pytestmark = [pytest.mark.ml, pytest.mark.usefixtures("require_ml_extra")]


def _event(text: str, code: str = "190") -> Event:
    return Event(
        id="e1",
        doc_id="d",
        sentence_index=0,
        evidence=Evidence(text, 0, len(text)),
        source=Actor("XYZMIL", "Soldiers", "XYZ", "MIL"),
        target=None,
        code=code,
        root_code=code[:2],
        quad_class=4,
        goldstein=-10.0,
        plover=Plover("FIGHT"),
    )


def test_trained_model_directory_records_labels_digest_and_heldout_scores(
    trained_model: Path,
) -> None:
    meta = json.loads((trained_model / "verifier.json").read_text(encoding="utf-8"))
    assert meta["classes"][:5] == [
        "statement",
        "verbal_cooperation",
        "material_cooperation",
        "verbal_conflict",
        "material_conflict",
    ]
    assert meta["types"] == []  # Multi-CoPED-style gold has no PLOVER types
    assert len(meta["training"]["data_digest"]) == 16
    assert meta["training"]["held_out"] == 5 and meta["training"]["trained_on"] == 10
    assert set(meta["heldout"]) == {"accuracy", "macro_f1"}
    assert (trained_model / "heads.pt").is_file()
    assert (trained_model / "encoder" / "config.json").is_file()


def test_trained_model_loads_and_predicts_distributions(trained_model: Path) -> None:
    verifier = load_verifier(trained_model, threads=2)
    sentences = ["Troops shelled the village.", "The envoy thanked the mediators."]
    first, second = verifier.predict(sentences)
    assert sum(first.classes.values()) == pytest.approx(1.0, abs=1e-4)
    assert first.classes != second.classes
    assert verifier.predict(sentences)[0].classes == pytest.approx(first.classes)


def test_trained_model_sets_confidence_and_drops_as_configured(trained_model: Path) -> None:
    verifier = load_verifier(trained_model, threads=2)

    class _Rules:
        version = "rules-x"

        def code(self, document: object) -> list[Event]:
            return [_event("Soldiers fired on the crowd.")]

    from dyadwatch.model import Document

    doc = Document("d", "Soldiers fired on the crowd.")
    p = verifier.predict(["Soldiers fired on the crowd."])[0].classes["material_conflict"]
    lenient = VerifiedCoder(_Rules(), verifier, VerifierPolicy(flag_below=0.0, drop_below=0.0))
    [kept] = lenient.code(doc)
    assert kept.confidence == pytest.approx(p, abs=1e-4)
    assert kept.verifier is not None and kept.verifier["action"] == "kept"
    assert kept.verifier["version"] == verifier.version
    flagging = VerifiedCoder(_Rules(), verifier, VerifierPolicy(flag_below=1.0, drop_below=0.0))
    assert [e.verifier["action"] for e in flagging.code(doc) if e.verifier] == ["flagged"]
    dropping = VerifiedCoder(
        _Rules(), verifier, VerifierPolicy(flag_below=1.0, drop_below=1.0, propose="none")
    )
    events, dropped = dropping.code_verified(doc)
    assert events == [] and dropped[0].verifier is not None
    assert dropped[0].verifier["action"] == "dropped" and dropped[0].verifier["reason"]


def test_train_command_writes_a_model_with_a_type_head(tmp_path: Path) -> None:
    gold = tmp_path / "plover.jsonl"
    records = [
        ("Farmers marched on the ministry in protest.", "PROTEST"),
        ("Students rallied against the new fees.", "PROTEST"),
        ("Jets bombed the rebel depot.", "ASSAULT"),
        ("Artillery shelled the town for hours.", "ASSAULT"),
    ]
    source = [{"actorText": "x", "code": "XYZ"}]
    lines = [
        json.dumps({"id": f"p{i}", "text": t, "event": e, "target": "", "source": source})
        for i, (t, e) in enumerate(records)
    ]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    args = ["train", str(gold), "--out", str(out), "--epochs", "1", "--max-length", "24",
            "--holdout", "0", "--threads", "2"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "verifier.json").read_text(encoding="utf-8"))
    assert meta["types"] == ["ASSAULT", "PROTEST"]
    prediction = load_verifier(out).predict(["Crowds marched downtown."])[0]
    assert set(prediction.types) == {"ASSAULT", "PROTEST"}
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 2 and "not empty" in again.output


def test_code_and_evaluate_with_verifier_end_to_end(
    trained_model: Path, gold_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Chinese warships fired on a Philippine supply boat near Second Thomas Shoal on "
        "Monday, the Philippine coast guard said.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    coded = runner.invoke(
        app, ["code", str(story), "--date", "2024-03-06", "--verifier", str(trained_model)]
    )
    assert coded.exit_code == 0, coded.output
    events = [json.loads(line) for line in coded.stdout.splitlines() if line.startswith("{")]
    assert events and all(0.0 <= e["confidence"] <= 1.0 for e in events)
    assert all(e["verifier"]["model"] == "tiny" for e in events)
    monkeypatch.setenv("DYADWATCH_VERIFIER_FLAG_BELOW", "1.0")
    monkeypatch.setenv("DYADWATCH_VERIFIER_DROP_BELOW", "1.0")
    monkeypatch.setenv("DYADWATCH_VERIFIER_PROPOSE", "none")
    dropped = tmp_path / "dropped.jsonl"
    strict = runner.invoke(
        app,
        ["code", str(story), "--date", "2024-03-06", "--verifier", str(trained_model),
         "--dropped", str(dropped)],
    )  # fmt: skip
    assert strict.exit_code == 0, strict.output
    assert [line for line in strict.stdout.splitlines() if line.startswith("{")] == []
    gone = [json.loads(line) for line in dropped.read_text(encoding="utf-8").splitlines()]
    assert len(gone) == len(events) and gone[0]["verifier"]["action"] == "dropped"
    monkeypatch.delenv("DYADWATCH_VERIFIER_FLAG_BELOW")
    monkeypatch.delenv("DYADWATCH_VERIFIER_DROP_BELOW")
    report = runner.invoke(app, ["evaluate", str(gold_file), "--verifier", str(trained_model)])
    assert report.exit_code == 0, report.output
    assert "== rules alone ==" in report.output and "== rules + verifier ==" in report.output
    assert "+verifier-" in report.output  # the coder version names the model
