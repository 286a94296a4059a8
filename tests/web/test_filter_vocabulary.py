"""One filter vocabulary (dyadwatch.filters.FIELDS): SQL and pandas select the same events, and
every field reaches the Python API, the CLI options and the web query parameters."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import typer
from fastapi import FastAPI
from typer.testing import CliRunner

import dyadwatch.store as ds
from dyadwatch import filters
from dyadwatch.analytics.filters import EventFilter, filter_mask
from dyadwatch.cli.app import app as cli_app
from dyadwatch.cli.options import event_filter_options
from dyadwatch.store.query import EventQuery
from dyadwatch.web.params import query_parameters


@pytest.fixture(scope="module")
def events(controlled_db: Path) -> Iterator[tuple[ds.Store, pd.DataFrame]]:
    with ds.open(controlled_db, read_only=True) as store:
        yield store, store.events(modality="all")


def _candidates(frame: pd.DataFrame, name: str) -> list[Any]:
    """Values to try for one field, drawn from the data (whole values and prefixes)."""

    def distinct(column: str) -> list[Any]:
        return sorted({v for v in frame[column] if isinstance(v, str) and v})

    codes = distinct("source_code") + distinct("target_code")
    days = sorted({d.date().isoformat() for d in frame["day"].dropna()})
    words = sorted({w.strip(".,").lower() for t in frame["evidence_text"] for w in t.split()})
    by_name: dict[str, list[Any]] = {
        "actor": codes + [c[:3] for c in codes],
        "source": codes,
        "target": codes,
        "dyad": [
            (s[:3], t[:3]) for s, t in zip(frame["source_code"], frame["target_code"], strict=True)
        ],
        "directed": [True],
        "code": distinct("code") + [c[:2] for c in distinct("code")],
        "root": distinct("root_code"),
        "quad_class": [1, 2, 3, 4],
        "plover": distinct("plover_type"),
        "modality": [*sorted(set(frame["modality"])), "all"],
        "min_confidence": sorted({float(c) for c in frame["confidence"].dropna()}),
        "since": days,
        "until": days,
        "place": distinct("location_id") + [n.split()[0] for n in distinct("location_name")],
        "text": words[:: max(1, len(words) // 12)],
        "doc_id": distinct("doc_id"),
        "cluster_id": distinct("cluster_id"),
        "event_class": [
            "statement",
            "verbal_cooperation",
            "material_cooperation",
            "verbal_conflict",
            "material_conflict",
        ],
        "min_sources": [2, 3],
    }
    return sorted(set(by_name[name]), key=str)


def _sql_ids(store: ds.Store, query: dict[str, Any]) -> set[str]:
    return set(store.events(**query)["id"])


@pytest.mark.parametrize("name", [f.name for f in filters.FIELDS])
def test_sql_and_pandas_select_the_same_events(events: Any, name: str) -> None:
    store, frame = events
    proper_subsets = 0
    for value in _candidates(frame, name):
        for extra in ({}, {"modality": "all"}, {"directed": True} if name == "dyad" else {}):
            query = {**extra, name: value}
            by_sql = _sql_ids(store, query)
            by_pandas = set(frame.loc[EventQuery(**query).mask(frame), "id"])
            by_analytics = set(frame.loc[filter_mask(frame, EventFilter.from_query(query)), "id"])
            assert by_sql == by_pandas == by_analytics, query
            proper_subsets += 0 < len(by_sql) < len(frame)
    if name == "min_sources":
        return  # no event here has two outlets: tests/store/test_min_sources.py has them
    assert proper_subsets > 0, f"no value of {name} selected a proper subset: the test is vacuous"


def test_combined_fields_agree_too(events: Any) -> None:
    store, frame = events
    pairs = itertools.product(_candidates(frame, "actor")[:4], _candidates(frame, "since")[:4])
    for actor, since in pairs:
        query = {"actor": actor, "since": since, "modality": "all"}
        assert _sql_ids(store, query) == set(frame.loc[EventQuery(**query).mask(frame), "id"])


def _web_parameters(app: FastAPI, path: str) -> set[str]:
    operation = app.openapi()["paths"][path]["get"]
    return {p["name"] for p in operation["parameters"]}


def _cli_help(*command: str) -> str:
    result = CliRunner().invoke(cli_app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("spec", filters.FIELDS, ids=lambda f: f.name)
def test_every_field_reaches_cli_web_and_python_api(
    spec: filters.FilterField, app: FastAPI
) -> None:
    for command in (("export",), ("clusters",), ("series",), ("spikes",), ("watch", "add")):
        assert spec.option in _cli_help(*command), (spec.name, command)
    for path in ("/api/events", "/api/export", "/api/series"):
        assert spec.name in _web_parameters(app, path), (spec.name, path)
    assert spec.name in EventQuery().values
    assert spec.name in EventFilter.from_query({}).query_values()


def test_a_new_field_in_the_vocabulary_reaches_every_interface(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One FilterField added to FIELDS: a CLI command, the web parameters and the store's SQL
    all take it, with nothing else changed."""

    def sql(col: str, value: Any, _: Any) -> Any:
        return (f"{col}goldstein >= ?", [value]) if value is not None else None

    def mask(frame: pd.DataFrame, value: Any, _: Any) -> Any:
        return None if value is None else (frame["goldstein"] >= value).to_numpy()

    field = filters.FilterField(
        "min_goldstein", "words", "Lowest Goldstein score.",
        lambda v: None if v is None else float(v), sql, mask,
    )  # fmt: skip
    monkeypatch.setattr(filters, "FIELDS", [*filters.FIELDS, field])

    seen: dict[str, Any] = {}
    demo = typer.Typer()

    @demo.command()
    @event_filter_options
    def show(filters: dict[str, Any]) -> None:
        seen.update(filters)

    demo_help = CliRunner().invoke(demo, ["--help"], env={"COLUMNS": "200"}).output
    assert "--min-goldstein" in demo_help
    CliRunner().invoke(demo, ["--min-goldstein", "2.5"])
    assert seen == {"min_goldstein": "2.5"}
    assert "min_goldstein" in {p.name for p in query_parameters()}
    where = EventQuery(min_goldstein="2.5").where("e")
    assert "e.goldstein >= ?" in where.sql() and 2.5 in where.params
    frame = pd.DataFrame({"goldstein": [1.0, 3.0]})
    assert filters.frame_mask(frame, {"min_goldstein": 2.5}).tolist() == [False, True]
