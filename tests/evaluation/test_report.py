"""evaluate_file with a stand-in coder: metrics, confusion matrix, wrong sentences, output."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dyadwatch.evaluation import evaluate_file
from dyadwatch.model import Actor, Document, Event, Evidence, Plover


def event(code: str, source: str) -> Event:
    return Event(
        id=code,
        doc_id="d",
        sentence_index=0,
        evidence=Evidence("t", 0, 1),
        source=Actor(source, source),
        target=None,
        code=code,
        root_code=code[:2],
        quad_class=1,
        goldstein=0.0,
        plover=Plover(None),
        rule={"chain": f"verbs:{code}"},
    )


@dataclass
class Result:
    document: Document
    events: list[Event]
    error: Exception | None = None


@dataclass
class ScriptedCoder:
    """Answers each document id with fixed events (or an error)."""

    answers: dict[str, list[Event] | Exception]
    version: str = "scripted"
    seen: list[str] = field(default_factory=list)

    def code_many(
        self, documents: Iterable[Document], batch_size: int | None = None
    ) -> Iterator[Result]:
        for document in documents:
            self.seen.append(document.text)
            answer = self.answers.get(document.id, [])
            if isinstance(answer, Exception):
                yield Result(document, [], answer)
            else:
                yield Result(document, answer)


def write(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return path


@pytest.fixture
def multicoped(tmp_path: Path) -> Path:
    return write(
        tmp_path,
        [
            {"id": "a", "text": "Japan criticized China.", "quad": 3},
            {"id": "b", "text": "Japan visited China.", "quad": 1},
            {"id": "c", "text": "Japan met China.", "quad": 1},
        ],
    )


def test_report_multicoped_scores_and_confusion(multicoped: Path) -> None:
    coder = ScriptedCoder({"a": [event("111", "JPN")], "b": [event("190", "JPN")]})
    report = evaluate_file(multicoped, coder)
    assert report.kind == "multicoped"
    assert coder.seen == ["Japan criticized China.", "Japan visited China.", "Japan met China."]
    assert report.metrics["accuracy"] == pytest.approx(1 / 3)
    assert report.confusion["1 verbal_cooperation"] == {"4 material_conflict": 1, "none": 1}
    assert [o.id for o in report.errors()] == ["b", "c"]
    assert report.coder_version == "scripted"


def test_report_plover_counts_failed_documents_as_empty(tmp_path: Path) -> None:
    record = {
        "id": "p",
        "text": "Japan imposed sanctions on Iran.",
        "event": "SANCTION",
        "source": [{"actorText": "Japan", "code": "JPN"}],
        "target": "",
    }
    path = write(tmp_path, [record, {**record, "id": "q"}])
    coder = ScriptedCoder({"p": [event("163", "JPNGOV")], "q": RuntimeError("boom")})
    report = evaluate_file(path, coder)
    assert report.metrics["source_precision"] == 1.0
    assert report.metrics["source_recall"] == 0.5
    assert report.failures == 1
    assert report.errors()[0].error == "RuntimeError: boom"


def test_report_renders_table_and_json(multicoped: Path) -> None:
    report = evaluate_file(multicoped, ScriptedCoder({"a": [event("111", "JPN")]}))
    text = report.render(errors=1)
    assert "macro_f1" in text and "confusion" in text
    assert "Japan visited China." in text and "Japan met China." not in text
    data = json.loads(json.dumps(report.to_dict(errors=5)))
    assert data["metrics"]["accuracy"] == pytest.approx(1 / 3)
    assert len(data["errors"]) == 2
