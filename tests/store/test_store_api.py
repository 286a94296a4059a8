"""The notebook API: filters on events, documents, clusters, SQL with parameters."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import polars as pl
import pytest

import dyadwatch.store as ds
from dyadwatch.errors import ConfigError

_DOCS = {
    "clash": "CHNMIL attacked JPN on 2024-03-05 near Senkaku.",
    "talks": "USAGOV met JPNGOV on 2024-02-10 in Tokyo.",
    "reply": "JPN protested against CHNGOV in 2024-03.",
    "maybe": "CHNMIL may attack JPN on 2024-04-01.",
    "denial": "RUS did not threaten UKR in 2023.",
    "odd": "IGOUNO accused SYR on 2024-01-02 with 100% sure_ness.",
}


@pytest.fixture
def filled(store, run_ingest, make_doc) -> ds.Store:
    run_ingest(store, [make_doc(k, v) for k, v in _DOCS.items()])
    return store


@pytest.mark.parametrize(
    ("filters", "docs"),
    [
        ({}, ["clash", "odd", "reply", "talks"]),  # asserted only by default
        ({"modality": "all"}, ["clash", "denial", "maybe", "odd", "reply", "talks"]),
        ({"modality": ["negated", "hypothetical"]}, ["denial", "maybe"]),
        ({"actor": "CHN"}, ["clash", "reply"]),  # prefix: CHNMIL and CHNGOV
        ({"actor": ["usa", "SYR"]}, ["odd", "talks"]),
        ({"source": "JPN"}, ["reply"]),
        ({"target": "JPN"}, ["clash", "talks"]),
        ({"dyad": ("JPN", "CHN")}, ["clash", "reply"]),  # either direction
        ({"dyad": ("JPN", "CHN"), "directed": True}, ["reply"]),
        ({"code": "19"}, ["clash"]),
        ({"code": "0"}, ["talks"]),
        ({"root": "4"}, ["talks"]),  # zero-padded to 04
        ({"quad_class": [3, 4]}, ["clash", "odd", "reply"]),
        ({"since": "2024-03-01"}, ["clash", "reply"]),
        ({"since": "2024-03-31", "until": "2024-03-31"}, ["reply"]),  # a month overlaps
        ({"until": dt.date(2024, 2, 10)}, ["odd", "talks"]),
        ({"place": "senkaku"}, ["clash"]),  # leading words of the name
        ({"place": "dw:senkaku-islands"}, ["clash"]),  # the gazetteer id
        ({"place": "islands"}, []),  # not a leading word
        ({"text": "100% SURE_"}, ["odd"]),  # case-insensitive, % and _ are literal
        ({"text": "100%_"}, []),
        ({"doc_id": ["talks", "clash"]}, ["clash", "talks"]),
    ],
)
def test_event_filters(filled: ds.Store, filters: dict[str, Any], docs: list[str]) -> None:
    assert sorted(filled.events(**filters)["doc_id"]) == docs


@pytest.mark.parametrize(
    "filters",
    [{"actor": "CHN; DROP TABLE events"}, {"root": "x"}, {"quad_class": 7}, {"modality": "maybe"},
     {"since": "March"}, {"dyad": ("CHN",)}, {"place": " "}],
)  # fmt: skip
def test_bad_filter_values_are_config_errors(filled: ds.Store, filters: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        filled.events(**filters)


def test_events_frame_has_the_contract_columns(filled: ds.Store) -> None:
    frame = filled.events()
    assert tuple(frame.columns) == ds.EVENT_COLUMNS
    assert frame["quad_class"].dtype.kind == "i"


def test_events_pl_matches_pandas(filled: ds.Store) -> None:
    frame = filled.events_pl(actor="JPN")
    assert isinstance(frame, pl.DataFrame)
    assert sorted(frame["id"].to_list()) == sorted(filled.events(actor="JPN")["id"])


def test_events_limit_and_order(filled: ds.Store) -> None:
    frame = filled.events(modality="all", limit=2)
    assert list(frame["doc_id"]) == ["denial", "odd"]  # earliest day first


def test_document_with_its_events(filled: ds.Store) -> None:
    stored = filled.document("clash")
    assert stored.text == _DOCS["clash"]
    assert stored.document.date == dt.date(2024, 3, 6)
    assert [e.code for e in stored.events] == ["190"]
    assert stored.status == "coded"
    with pytest.raises(KeyError):
        filled.document("nope")


def test_documents_listing_and_filters(filled: ds.Store) -> None:
    assert len(filled.documents()) == len(_DOCS)
    assert "text" not in filled.documents().columns
    found = filled.documents(text="tokyo", with_text=True)
    assert list(found["id"]) == ["talks"] and found.iloc[0]["text"] == _DOCS["talks"]
    assert filled.documents(status="failed").empty


def test_sql_takes_parameters_never_formats(filled: ds.Store) -> None:
    frame = filled.sql("SELECT count(*) AS n FROM events WHERE source_code = ?", ["CHNMIL"])
    assert frame.iloc[0]["n"] == 2
    hostile = "x'; DELETE FROM events; --"
    assert filled.sql("SELECT count(*) AS n FROM events WHERE id = ?", [hostile]).iloc[0]["n"] == 0
    assert filled.sql("SELECT count(*) AS n FROM events").iloc[0]["n"] == 6


def test_actors_and_places_views(filled: ds.Store) -> None:
    actors = filled.actors().set_index("code")
    assert actors.loc["JPN", "n_events"] == 2  # clash (target) + reply (source)
    places = filled.places()
    assert set(places["name"]) == {"Senkaku Islands", "Tokyo"}


def test_store_closes_as_a_context_manager(db_path) -> None:
    with ds.open(db_path) as store:
        pass
    with pytest.raises(duckdb.Error):
        store.sql("SELECT 1")


def test_add_alerts_is_idempotent(store: ds.Store) -> None:
    alert = {
        "watch_id": "w1",
        "kind": "spike",
        "message": "CHN-JPN material conflict spiked",
        "event_ids": ["e2", "e1"],
        "period_start": dt.date(2024, 3, 1),
        "period_end": dt.date(2024, 3, 31),
    }
    assert store.add_alerts([alert]) == 1
    assert store.add_alerts([alert]) == 0
    stored = store.alerts()
    assert list(stored["event_ids"]) == ['["e1", "e2"]']
