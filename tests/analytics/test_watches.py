"""Watches: rule parsing, alerts raised exactly once, and the store round trip."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import dyadwatch.store as ds
from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.watches import (
    FirstRule,
    SpikeRule,
    StreakRule,
    Watch,
    add_watch,
    check_watches,
    data_coverage,
    evaluate_watch,
    load_watches,
    parse_rule,
    remove_watch,
    rule_from_dict,
    rule_to_dict,
)
from dyadwatch.errors import ConfigError
from dyadwatch.model import Actor, Document, Event, EventDate, Evidence, Place, Plover
from dyadwatch.pipeline import ingest_documents

MakeEvents = Callable[..., pd.DataFrame]
Daily = Callable[..., list[dict[str, Any]]]
D = dt.date
NOW = dt.datetime(2021, 8, 1, tzinfo=dt.UTC)
SENKAKU = EventFilter(actors=("CHN",), places=("senkaku",))


def watch(rule: Any, flt: EventFilter = SENKAKU, name: str = "senkaku") -> Watch:
    return Watch(name, flt, rule, id=f"w-{name}", created=NOW)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("streak:7", StreakRule(7)),
        (" Streak:4:week ", StreakRule(4, "week")),
        ("spike:3.5", SpikeRule(3.5)),
        ("spike:4:month", SpikeRule(4.0, "month")),
        ("first", FirstRule()),
    ],
)
def test_parse_rule(text: str, rule: Any) -> None:
    assert parse_rule(text) == rule
    assert rule_from_dict(json.loads(json.dumps(rule_to_dict(rule)))) == rule


@pytest.mark.parametrize(
    "text", ["streak", "streak:0", "streak:x", "spike:-1", "first:2", "streak:3:fortnight", "often"]
)
def test_parse_rule_rejects(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_rule(text)


@pytest.mark.parametrize(
    "data", [{"kind": "streak"}, {"kind": "streak", "min_length": 3, "freq": "hour"}, {}]
)
def test_rule_from_dict_rejects(data: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        rule_from_dict(data)


def senkaku_days(daily: Daily, start: str, counts: list[int]) -> list[dict[str, Any]]:
    return daily(start, counts, location_id="dw:senkaku-islands", location_name="Senkaku Islands")


def test_streak_rule_alerts_when_a_new_event_completes_the_streak(
    make_events: MakeEvents, daily: Daily
) -> None:
    frame = make_events(*senkaku_days(daily, "2021-03-01", [1] * 7))
    alerts = evaluate_watch(watch(StreakRule(7)), frame, {"e006"}, now=NOW)
    assert len(alerts) == 1
    alert = alerts[0]
    assert (alert.kind, alert.period_start, alert.period_end) == (
        "streak",
        D(2021, 3, 1),
        D(2021, 3, 7),
    )
    assert alert.message == (
        "senkaku: 7 consecutive days with matching events and running "
        "(2021-03-01 to 2021-03-07; 7 clusters)"
    )
    assert alert.event_ids == tuple(f"e{i:03d}" for i in range(7))


def test_streak_rule_quiet_below_the_length_or_without_new_events(
    make_events: MakeEvents, daily: Daily
) -> None:
    frame = make_events(*senkaku_days(daily, "2021-03-01", [1] * 6 + [0, 1]))
    assert evaluate_watch(watch(StreakRule(7)), frame, {"e005"}, now=NOW) == []
    frame = make_events(*senkaku_days(daily, "2021-03-01", [1] * 7 + [0, 1]))
    assert evaluate_watch(watch(StreakRule(7)), frame, {"e007"}, now=NOW) == []


def test_streak_alert_keeps_its_id_as_the_streak_grows(
    make_events: MakeEvents, daily: Daily
) -> None:
    seven = make_events(*senkaku_days(daily, "2021-03-01", [1] * 7))
    eight = make_events(*senkaku_days(daily, "2021-03-01", [1] * 8))
    first = evaluate_watch(watch(StreakRule(7)), seven, {"e006"}, now=NOW)
    later = evaluate_watch(watch(StreakRule(7)), eight, {"e007"}, now=NOW)
    assert [a.id for a in first] == [a.id for a in later]
    assert later[0].period_end == D(2021, 3, 8)


def test_spike_rule_alerts_only_for_spikes_with_new_events(
    make_events: MakeEvents, daily: Daily
) -> None:
    frame = make_events(*senkaku_days(daily, "2021-03-01", [1, 1, 1, 1, 1, 1, 1, 9, 1]))
    rule = SpikeRule(3.0, window=7)
    alerts = evaluate_watch(watch(rule), frame, {"e010"}, now=NOW)
    assert [(a.kind, a.period_start, len(a.event_ids)) for a in alerts] == [
        ("spike", D(2021, 3, 8), 9)
    ]
    assert alerts[0].message == (
        "senkaku: 9 clusters on 2021-03-08, baseline 1.0 ± 1.0 (score 8.0)"
    )
    assert evaluate_watch(watch(rule), frame, {"e016"}, now=NOW) == []


FIRST_CLASH = EventFilter(dyad=("CHN", "TWN"), quad_classes=(4,))


@pytest.mark.parametrize(
    ("new", "alerted"),
    [({"e001"}, True), ({"e001", "e002"}, True), ({"e000"}, False), (set(), False)],
)
def test_first_rule_fires_only_for_the_very_first_match(
    make_events: MakeEvents, new: set[str], alerted: bool
) -> None:
    frame = make_events(
        {"event_date": "2021-03-01", "target_code": "TWN", "quad_class": 3},  # not a match
        {"event_date": "2021-03-05", "target_code": "TWNMIL", "quad_class": 4},
        {"event_date": "2021-03-04", "target_code": "TWN", "quad_class": 4},
    )
    if new == {"e001"}:
        frame = frame.iloc[:2]  # e001 is the only match stored
    alerts = evaluate_watch(watch(FirstRule(), FIRST_CLASH, "first"), frame, new, now=NOW)
    assert bool(alerts) is alerted
    if alerts:
        assert alerts[0].event_ids == tuple(sorted(new))
        assert alerts[0].period_start == (D(2021, 3, 5) if new == {"e001"} else D(2021, 3, 4))


def test_first_rule_silent_when_an_older_match_exists(make_events: MakeEvents) -> None:
    frame = make_events(
        {"event_date": "2021-03-05", "target_code": "TWN", "quad_class": 4},
        {"event_date": "2021-03-01", "target_code": "TWN", "quad_class": 4},  # new, earlier
    )
    assert evaluate_watch(watch(FirstRule(), FIRST_CLASH), frame, {"e001"}, now=NOW) == []


# -- with the store ---------------------------------------------------------------------------


def test_check_watches_raises_each_alert_once(
    make_events: MakeEvents, daily: Daily, make_store: Callable[[pd.DataFrame], Path]
) -> None:
    path = make_store(make_events(*senkaku_days(daily, "2021-03-01", [1] * 7)))
    with ds.open(path) as store:
        add_watch(store, watch(StreakRule(7)))
        add_watch(store, watch(StreakRule(8), name="longer"))
        first = check_watches(store, ["e006"], now=NOW)
        assert [a.watch_id for a in first] == ["w-senkaku"]
        assert store.add_alerts(first, run_id="run-1") == 1
        assert check_watches(store, ["e006"], now=NOW) == []  # same run again: nothing new
        assert check_watches(store, [], now=NOW) == []
        stored = store.alerts()
        assert list(stored["kind"]) == ["streak"]
        assert json.loads(stored["event_ids"].iloc[0]) == [f"e{i:03d}" for i in range(7)]


def test_check_watches_reports_an_unusable_watch_and_runs_the_others(
    make_events: MakeEvents, daily: Daily, make_store: Callable[[pd.DataFrame], Path]
) -> None:
    path = make_store(make_events(*senkaku_days(daily, "2021-03-01", [1] * 7)))
    with ds.open(path) as store:
        add_watch(store, watch(StreakRule(7)))
        store.sql(
            "INSERT INTO watches VALUES ('w-bad', 'bad', ?, ?, now())",
            [json.dumps({"actor": ["CHN"]}), json.dumps({"kind": "streak", "min_length": 2})],
        )
        alerts = check_watches(store, ["e006"], now=NOW)
        assert sorted(a.kind for a in alerts) == ["error", "streak"]
        error = next(a for a in alerts if a.kind == "error")
        assert error.watch_id == "w-bad" and "unknown filter field(s): actor" in error.message
        assert len(load_watches(store)[1]) == 1


def test_watch_names_are_unique_and_removable(
    make_store: Callable[[pd.DataFrame], Path], make_events: MakeEvents
) -> None:
    path = make_store(make_events({"event_date": "2021-03-01"}))
    with ds.open(path) as store:
        saved = add_watch(store, watch(StreakRule(7)))
        assert load_watches(store)[0] == [saved]
        with pytest.raises(ConfigError, match="exists"):
            add_watch(store, watch(SpikeRule(3.0)))
        assert remove_watch(store, "senkaku").id == "w-senkaku"
        assert load_watches(store) == ([], [])
        with pytest.raises(ConfigError, match="no watch"):
            remove_watch(store, "senkaku")


SENKAKU_PLACE = Place("Senkaku Islands", None, 25.7, 123.5, "island_group", "dw:senkaku-islands")


class ScriptedCoder:
    """One CHN coast guard event at the Senkakus per document, on the date in its metadata."""

    version = "scripted-1"

    def code(self, doc: Document) -> list[Event]:
        day = doc.metadata["day"]
        return [
            Event(
                id=f"{doc.id}-0",
                doc_id=doc.id,
                sentence_index=0,
                evidence=Evidence(doc.text, 0, len(doc.text)),
                source=Actor("CHNCOG", "China Coast Guard", "CHN", "COG"),
                target=Actor("JPN", "Japan", "JPN"),
                code="150",
                root_code="15",
                quad_class=4,
                goldstein=-7.2,
                plover=Plover("MOBILIZE"),
                date=EventDate(day, "day", "text"),
                location=SENKAKU_PLACE,
            )
        ]


def patrol_reports(days: range) -> list[Document]:
    return [
        Document(
            id=f"patrol-{d}",
            text=f"Report number {d}: coast guard ships sailed near the islands on day {d}.",
            metadata={"day": (D(2021, 3, 1) + dt.timedelta(days=d)).isoformat()},
        )
        for d in days
    ]


def test_ingest_raises_a_streak_alert_once(tmp_path: Path) -> None:
    with ds.open(tmp_path / "watch.duckdb") as store:
        add_watch(store, watch(StreakRule(5)))
        report = ingest_documents(
            store, patrol_reports(range(4)), coder=ScriptedCoder(), watch=check_watches
        )
        assert (report.events, report.alerts) == (4, 0)
        report = ingest_documents(
            store, patrol_reports(range(6)), coder=ScriptedCoder(), watch=check_watches
        )
        assert (report.events, report.alerts, report.warnings) == (2, 1, [])
        again = ingest_documents(
            store, patrol_reports(range(6)), coder=ScriptedCoder(), watch=check_watches
        )
        assert (again.events, again.alerts) == (0, 0)
        alerts = store.alerts()
        assert len(alerts) == 1 and "6 consecutive days" in alerts["message"].iloc[0]


def test_data_coverage_spans_day_dated_events_of_any_modality(
    make_events: MakeEvents, make_store: Callable[[pd.DataFrame], Path]
) -> None:
    path = make_store(
        make_events(
            {"event_date": "2004"},  # a year: not a day the data covers
            {"event_date": "2021-03-02", "modality": "negated"},
            {"event_date": "2021-03-09"},
        )
    )
    with ds.open(path, read_only=True) as store:
        assert data_coverage(store) == (D(2021, 3, 2), D(2021, 3, 9))


class FrameStore:
    """A store without a DuckDB connection: only the AnalyticsStore protocol."""

    def __init__(self, events: pd.DataFrame) -> None:
        self.events = events
        self.queries: list[str] = []

    def sql(self, query: str, params: Any = None) -> pd.DataFrame:
        self.queries.append(query)
        if "FROM alerts" in query:
            return pd.DataFrame({"id": pd.Series(dtype=str)})
        return self.events

    def watches(self) -> pd.DataFrame:
        rule = json.dumps(rule_to_dict(StreakRule(3)))
        return pd.DataFrame(
            [{"id": "w-1", "name": "three", "filter": "{}", "rule": rule, "created": NOW}]
        )

    def alerts(self, watch_id: str | None = None) -> pd.DataFrame:
        return pd.DataFrame({"id": pd.Series(dtype=str)})


def test_check_watches_needs_only_the_store_protocol(make_events: MakeEvents, daily: Daily) -> None:
    store = FrameStore(make_events(*daily("2021-03-01", [1, 1, 1])))
    alerts = check_watches(store, ["e002"], now=NOW)
    assert [(a.watch_id, a.period_start, a.period_end) for a in alerts] == [
        ("w-1", D(2021, 3, 1), D(2021, 3, 3))
    ]
    assert any("FROM events e" in q and "ORDER BY e.id" in q for q in store.queries)
