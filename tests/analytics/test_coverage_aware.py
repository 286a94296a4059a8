"""Indicators that follow the world, not the corpus: coverage, background, five classes."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dyadwatch.analytics import EventFilter, series, spikes, streaks
from dyadwatch.analytics.classes import event_class, parse_classes
from dyadwatch.analytics.watches import Evidence, FirstRule, Watch, evaluate_watch

from .conftest import MakeEvents

D = dt.date
NOW = dt.datetime(2021, 6, 1, tzinfo=dt.UTC)


def _docs(days: dict[str, int]) -> pd.Series:
    return pd.Series(list(days.values()), index=pd.to_datetime(list(days)), dtype="int64")


def test_series_shows_only_periods_with_documents(make_events: MakeEvents) -> None:
    events = make_events(
        {"event_date": "2021-03-01"},
        {"event_date": "2021-03-01"},
        {"event_date": "2021-03-04"},
        {"event_date": "2021-02-20"},  # reported in March: covered by those reports
        {"event_date": "1985-06-02", "date_precision": "day"},  # long before the coverage
    )
    documents = _docs({"2021-03-01": 40, "2021-03-02": 10, "2021-03-04": 20})
    result = series(events, freq="day", documents=documents)
    frame = result.frame.set_index("period")
    # from 60 days before the first report to the last one; nothing from 1985
    assert frame.index[0].date() == D(2020, 12, 31) and frame.index[-1].date() == D(2021, 3, 4)
    assert result.coverage.outside_range == 1
    days = frame.loc["2021-02-20":"2021-03-04"]
    assert list(days["count"]) == [1] + [0] * 8 + [2, 0, 0, 1]  # 2 March: a real zero
    assert list(days["documents"].iloc[-4:]) == [40, 10, 0, 20]
    assert list(days["per_1000"].iloc[-4:].fillna(-1)) == [50.0, 0.0, -1, 50.0]
    # without coverage, the series would run from 1985 with thousands of empty days
    assert len(series(events, freq="day").frame) > 10_000


def test_events_in_a_gap_of_coverage_are_missing_not_counted(make_events: MakeEvents) -> None:
    events = make_events({"event_date": "2021-02-15"}, {"event_date": "2021-05-15"})
    documents = _docs({"2021-01-01": 5, "2021-06-01": 5})
    result = series(events, freq="month", documents=documents)
    months = [p.strftime("%Y-%m") for p in result.frame["period"]]
    assert months == ["2020-11", "2020-12", "2021-01", "2021-04", "2021-05", "2021-06"]
    assert result.coverage.uncovered == 1  # February: nothing the store holds reports it
    assert list(result.frame["count"]) == [0, 0, 0, 0, 1, 0]
    assert any("no stored document reports" in note for note in result.coverage.notes())


def test_historical_background_is_kept_out_unless_asked(make_events: MakeEvents) -> None:
    events = make_events(
        {"event_date": "2004", "pub_date": "2021-08-10"},  # "as early as 2004 ..."
        {"event_date": "2021-08-09", "pub_date": "2021-08-10"},
        {"event_date": "2021-03-02", "date_end": "2021-07-31", "pub_date": "2021-08-10"},
    )
    default = series(events, freq="year")
    assert default.coverage.background == 1
    assert list(default.frame["count"]) == [2]  # 2021 only
    assert any("historical background" in n for n in default.coverage.notes())
    asked = series(events, freq="year", background=True)
    assert asked.frame["count"].sum() == 3
    # the span reported ten days after it ended is news, not background: it makes the streak
    longest = streaks(events).longest()
    assert longest is not None and longest.length == 152


def test_the_corpus_edge_is_not_a_spike_and_a_burst_is(make_events: MakeEvents) -> None:
    days = pd.date_range("2021-03-01", periods=40, freq="D")
    specs = []
    for i, day in enumerate(days):
        n = 12 if i == 30 else 2  # one real burst on day 30
        specs += [{"event_date": day.date().isoformat()}] * n
    # events dated before the coverage starts (old news in the first reports)
    specs += [{"event_date": "2021-01-15"}] * 6
    documents = pd.Series(50, index=days, dtype="int64")
    result = spikes(make_events(*specs), documents=documents)
    assert [s.start for s in result.spikes] == [D(2021, 3, 31)]
    assert result.spikes[0].documents == 50
    assert bool(result.scores["documents"].gt(0).all())


def test_more_reporting_is_not_a_spike(make_events: MakeEvents) -> None:
    days = pd.date_range("2021-03-01", periods=30, freq="D")
    volume = [20] * 29 + [100]  # five times the documents on the last day ...
    specs = []
    for day, docs in zip(days, volume, strict=True):
        specs += [{"event_date": day.date().isoformat()}] * (docs // 10)  # ... and the events
    documents = pd.Series(volume, index=days, dtype="int64")
    assert spikes(make_events(*specs), documents=documents).spikes == ()
    assert len(spikes(make_events(*specs)).spikes) == 1  # counts alone call it a spike


def test_five_classes_keep_statements_apart(make_events: MakeEvents) -> None:
    assert event_class("01", 1) == "statement"
    assert event_class("04", 1) == "verbal_cooperation"
    assert event_class("19", 4) == "material_conflict"
    assert parse_classes(["material-conflict", "Verbal cooperation"]) == (
        "material_conflict",
        "verbal_cooperation",
    )
    events = make_events(
        {"event_date": "2021-03-01", "code": "010", "root_code": "01", "quad_class": 1},
        {"event_date": "2021-03-01", "code": "012", "root_code": "01", "quad_class": 1},
        {"event_date": "2021-03-01", "code": "040", "root_code": "04", "quad_class": 1},
        {"event_date": "2021-03-01", "code": "190", "root_code": "19", "quad_class": 4},
    )
    frame = series(events, by="class").frame.set_index("group")
    assert frame.loc["statement", "count"] == 2
    assert frame.loc["verbal_cooperation", "count"] == 1
    # the conflict share is over cooperation and conflict, not over "X said"
    assert series(events).frame["conflict_share"].iloc[0] == 0.5


def _first_watch(evidence: Evidence) -> Watch:
    flt = EventFilter(dyad=("CHN", "TWN"), quad_classes=(4,))
    return Watch("first clash", flt, FirstRule(), id="w-first", evidence=evidence)


def test_a_false_event_does_not_silence_a_first_watch(make_events: MakeEvents) -> None:
    events = make_events(
        # a spurious, low-confidence blockade reported by one outlet
        {"event_date": "2021-03-01", "target_code": "TWN", "target_country": "TWN",
         "confidence": 0.3, "n_sources": 1},
        # the real attack, later, confirmed by three outlets
        {"event_date": "2021-05-01", "target_code": "TWN", "target_country": "TWN",
         "confidence": 0.9, "n_sources": 3},
    )  # fmt: skip
    plain = evaluate_watch(_first_watch(Evidence()), events, {"e001"}, now=NOW)
    assert plain == []  # the false event came first
    for evidence in (Evidence(min_confidence=0.5), Evidence(min_sources=2)):
        alerts = evaluate_watch(_first_watch(evidence), events, {"e001"}, now=NOW)
        assert [a.event_ids for a in alerts] == [("e001",)]


def test_evidence_requirements_read_a_missing_confidence_as_certain(
    make_events: MakeEvents,
) -> None:
    events = make_events({"event_date": "2021-03-01", "target_code": "TWN"})
    kept = Evidence(min_confidence=0.8).keep(events.assign(confidence=np.nan, n_sources=None))
    assert len(kept) == 1
    assert Evidence(min_confidence=0.8, min_sources=2).to_dict() == {
        "min_confidence": 0.8,
        "min_sources": 2,
    }
