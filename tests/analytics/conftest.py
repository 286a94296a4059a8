"""Builders for hand-written event corpora: each test states the rows it needs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from dyadwatch.store.rows import EVENT_COLUMNS

MakeEvents = Callable[..., pd.DataFrame]

_DEFAULTS: dict[str, Any] = {
    "source_code": "CHNMIL",
    "source_country": "CHN",
    "target_code": "JPNGOV",
    "target_country": "JPN",
    "code": "150",
    "root_code": "15",
    "quad_class": 4,
    "goldstein": -7.2,
    "modality": "asserted",
}


def _row(i: int, spec: dict[str, Any]) -> dict[str, Any]:
    row = {"id": f"e{i:03d}", **_DEFAULTS, **spec}
    if "event_date" in spec and "date_precision" not in spec and row["event_date"]:
        row["date_precision"] = {4: "year", 7: "month", 10: "day"}[len(row["event_date"])]
    return row


@pytest.fixture
def make_events() -> MakeEvents:
    """``make_events({"event_date": "2021-03-01"}, ...)``: rows with CHNMIL -> JPNGOV material
    conflict defaults and ids e000, e001, ... in order; ``day`` is derived by the analytics."""

    def build(*specs: dict[str, Any]) -> pd.DataFrame:
        return pd.DataFrame([_row(i, spec) for i, spec in enumerate(specs)])

    return build


@pytest.fixture
def daily() -> Callable[..., list[dict[str, Any]]]:
    """``daily("2021-03-01", [1, 0, 2])``: that many event specs per consecutive day."""

    def build(start: str, counts: list[int], **extra: Any) -> list[dict[str, Any]]:
        first = dt.date.fromisoformat(start)
        return [
            {"event_date": (first + dt.timedelta(days=d)).isoformat(), **extra}
            for d, n in enumerate(counts)
            for _ in range(n)
        ]

    return build


def store_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` completed to the store's events table (NOT NULL columns filled)."""
    out = pd.DataFrame(index=frame.index)
    for name in EVENT_COLUMNS:
        out[name] = frame[name] if name in frame.columns else None
    filled = {
        "sentence_index": 0,
        "evidence_text": "(test)",
        "evidence_start": 0,
        "evidence_end": 6,
        "date_source": "text",
    }
    for name, value in filled.items():
        out[name] = value
    out["doc_id"] = "doc-" + out["id"].astype(str)  # one report each
    out["day"] = pd.to_datetime(out["event_date"].map(_first_day))
    out["day_end"] = out["day"]
    return out


def _first_day(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return {4: value + "-01-01", 7: value + "-01"}.get(len(value), value)


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Callable[[pd.DataFrame], Path]]:
    """Write a frame of events into a new database file and return its path."""
    import dyadwatch.store as ds

    def build(frame: pd.DataFrame) -> Path:
        path = tmp_path / "events.duckdb"
        with ds.open(path) as store:
            store.con.register("frame", store_rows(frame))
            store.con.execute("INSERT INTO events BY NAME SELECT * FROM frame")
            store.con.unregister("frame")
        return path

    yield build
