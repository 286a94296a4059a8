"""Gold files: kind detection and validation with line numbers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dyadwatch.errors import EvaluationError
from dyadwatch.evaluation.gold import MulticopedRecord, PloverRecord, load_gold

PLOVER = {
    "id": "p1",
    "text": "Japan imposed sanctions on Iran.",
    "date": "2001-02-03",
    "event": "SANCTION",
    "source": [{"actorText": "Japan", "code": "JPN"}],
    "target": [{"actorText": "Iran", "code": "IRN"}],
}
MULTICOPED = {"id": "m1", "text": "Japan criticized China.", "quad": 3}


def write(tmp_path: Path, *records: object) -> Path:
    path = tmp_path / "gold.jsonl"
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_gold_detects_plover(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, PLOVER, {**PLOVER, "id": "p2", "target": "", "date": "x"}))
    assert gold.kind == "plover"
    first, second = gold.records
    assert isinstance(first, PloverRecord) and isinstance(second, PloverRecord)
    assert (first.sources, first.targets, first.date) == (("JPN",), ("IRN",), dt.date(2001, 2, 3))
    assert (second.targets, second.date) == ((), None)
    assert [d.date for d in gold.documents()] == [dt.date(2001, 2, 3), None]


def test_gold_detects_multicoped(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, MULTICOPED))
    assert gold.kind == "multicoped"
    assert gold.records == (MulticopedRecord("m1", "Japan criticized China.", 3),)


def test_gold_duplicate_ids_stay_distinct(tmp_path: Path) -> None:
    gold = load_gold(write(tmp_path, MULTICOPED, MULTICOPED))
    assert len({d.id for d in gold.documents()}) == 2


@pytest.mark.parametrize(
    ("records", "message"),
    [
        (("{not json",), ":1: not JSON"),
        ((MULTICOPED, PLOVER), ":2: a plover record in a multicoped file"),
        (({"id": "x", "text": "t"},), ":1: neither a PLOVER record"),
        (({**PLOVER, "event": "HUG"},), "unknown PLOVER type 'HUG'"),
        (({**PLOVER, "source": []},), "no source actor"),
        (({**MULTICOPED, "quad": 7},), "quad must be 0-4"),
        (({**MULTICOPED, "text": " "},), "no text"),
    ],
)
def test_gold_rejects_malformed_records(
    tmp_path: Path, records: tuple[object, ...], message: str
) -> None:
    with pytest.raises(EvaluationError, match=message):
        load_gold(write(tmp_path, *records))


def test_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="cannot read gold file"):
        load_gold(tmp_path / "absent.jsonl")
