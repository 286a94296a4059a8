"""Per-event confidence in the store and the exports: the column round-trips, ``min_confidence``
selects, CSV/Parquet carry it, and the GDELT mentions table gives it as GDELT's 0-100."""

from __future__ import annotations

import csv
import io
import json

import pytest

import dyadwatch.store as ds
from dyadwatch.errors import ConfigError
from dyadwatch.store.gdelt import GDELT_MENTION_COLUMNS, gdelt_confidence, global_event_id

_TEXT = "CHNMIL attacked JPN on 2024-03-05. USAGOV met JPNGOV in Tokyo."


@pytest.fixture
def filled(store, run_ingest, make_doc) -> ds.Store:
    run_ingest(store, [make_doc("wire", _TEXT), make_doc("post", "RUS accused UKR.")])
    return store


def test_confidence_round_trips_and_filters(filled: ds.Store) -> None:
    frame = filled.events()
    assert set(frame["confidence"]) == {0.9, 0.4}  # the fake coder: dated 0.9, undated 0.4
    high = filled.events(min_confidence=0.5)
    assert 0 < len(high) < len(frame)
    assert (high["confidence"] >= 0.5).all()
    event = filled.event(high["id"].iloc[0])
    assert event.confidence == 0.9


def test_min_confidence_outside_zero_to_one_is_an_error(filled: ds.Store) -> None:
    with pytest.raises(ConfigError, match="min_confidence"):
        filled.events(min_confidence=1.5)


def test_csv_export_has_the_confidence_column(filled: ds.Store) -> None:
    out = io.StringIO()
    filled.export("csv", stdout=out, min_confidence=0.5)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows and {r["confidence"] for r in rows} == {"0.9"}


def test_gdelt_mentions_one_row_per_event_with_percent_confidence(filled: ds.Store) -> None:
    out = io.StringIO()
    filled.export("gdelt_mentions", stdout=out)
    rows = [line.split("\t") for line in out.getvalue().splitlines()]
    frame = filled.events()
    assert len(rows) == len(frame)
    assert all(len(r) == len(GDELT_MENTION_COLUMNS) == 16 for r in rows)
    at = GDELT_MENTION_COLUMNS.index
    assert {r[at("Confidence")] for r in rows} == {"90", "40"}
    # every mention points at an event of the GDELT event table
    events = io.StringIO()
    filled.export("gdelt", stdout=events)
    event_ids = {line.split("\t")[0] for line in events.getvalue().splitlines()}
    assert {r[at("GlobalEventID")] for r in rows} <= event_ids
    assert all(int(r[at("SentenceID")]) >= 1 for r in rows)
    assert all(int(r[at("ActionCharOffset")]) >= 0 for r in rows)
    assert global_event_id(frame["id"].iloc[0]) > 0


def test_gdelt_confidence_scale() -> None:
    assert gdelt_confidence(0.87) == "87"
    assert gdelt_confidence(1.0) == "100"
    assert gdelt_confidence(None) == ""


def test_plover_records_carry_confidence(filled: ds.Store) -> None:
    out = io.StringIO()
    filled.export("plover", stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert records and {r["confidence"] for r in records} <= {0.9, 0.4}
