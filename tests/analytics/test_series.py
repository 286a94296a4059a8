"""Series: zero-filling, resolutions, groups, counting units, spans and coarse dates."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.series import series

MakeEvents = Callable[..., pd.DataFrame]


def counts(frame: pd.DataFrame, group: str = "all") -> dict[str, int]:
    rows = frame[frame["group"] == group]
    return {f"{p:%Y-%m-%d}": int(c) for p, c in zip(rows["period"], rows["count"], strict=True)}


def test_series_zero_fills_days_without_events(make_events: MakeEvents) -> None:
    frame = make_events({"event_date": "2021-03-01"}, {"event_date": "2021-03-04"})
    result = series(frame)
    assert counts(result.frame) == {
        "2021-03-01": 1,
        "2021-03-02": 0,
        "2021-03-03": 0,
        "2021-03-04": 1,
    }


def test_series_empty_periods_have_no_mean_or_share(make_events: MakeEvents) -> None:
    frame = make_events({"event_date": "2021-03-01"}, {"event_date": "2021-03-03"})
    quiet = series(frame).frame.iloc[1]
    assert quiet["count"] == 0 and quiet["goldstein_sum"] == 0
    assert math.isnan(quiet["goldstein_mean"]) and math.isnan(quiet["conflict_share"])


def test_series_goldstein_and_conflict_share(make_events: MakeEvents) -> None:
    frame = make_events(
        {"event_date": "2021-03-01", "quad_class": 4, "goldstein": -10.0},
        {"event_date": "2021-03-01", "quad_class": 3, "goldstein": -4.0},
        {"event_date": "2021-03-01", "quad_class": 1, "goldstein": 3.0},
        {"event_date": "2021-03-01", "quad_class": 2, "goldstein": 7.0},
    )
    row = series(frame).frame.iloc[0]
    assert (row["count"], row["goldstein_sum"], row["goldstein_mean"]) == (4, -4.0, -1.0)
    assert row["conflict_share"] == 0.5


def test_series_extends_zero_fill_to_since_and_until(make_events: MakeEvents) -> None:
    frame = make_events({"event_date": "2021-03-02"})
    flt = EventFilter(since="2021-03-01", until="2021-03-03")  # type: ignore[arg-type]
    assert counts(series(frame, flt).frame) == {
        "2021-03-01": 0,
        "2021-03-02": 1,
        "2021-03-03": 0,
    }


def test_series_zero_fills_over_the_whole_frame_not_just_matches(
    make_events: MakeEvents,
) -> None:
    frame = make_events(
        {"event_date": "2021-03-01", "source_code": "USA"},
        {"event_date": "2021-03-02"},
        {"event_date": "2021-03-04", "source_code": "USA"},
    )
    assert counts(series(frame, EventFilter(actors=("CHN",))).frame) == {
        "2021-03-01": 0,
        "2021-03-02": 1,
        "2021-03-03": 0,
        "2021-03-04": 0,
    }


def test_series_weeks_start_on_monday_and_edges_are_partial(make_events: MakeEvents) -> None:
    frame = make_events(
        {"event_date": "2021-03-03"},  # Wednesday
        {"event_date": "2021-03-07"},  # Sunday, same ISO week
        {"event_date": "2021-03-08"},  # Monday
    )
    result = series(frame, freq="week").frame
    assert counts(result) == {"2021-03-01": 2, "2021-03-08": 1}
    assert list(result["period_end"].dt.strftime("%Y-%m-%d")) == ["2021-03-07", "2021-03-14"]
    assert list(result["partial"]) == [True, True]


def test_series_full_weeks_are_not_partial(make_events: MakeEvents) -> None:
    frame = make_events({"event_date": "2021-03-01"}, {"event_date": "2021-03-14"})
    assert list(series(frame, freq="week").frame["partial"]) == [False, False]


def test_series_months(make_events: MakeEvents) -> None:
    frame = make_events(
        {"event_date": "2021-01-31"}, {"event_date": "2021-03-01"}, {"event_date": "2021-03-31"}
    )
    assert counts(series(frame, freq="month").frame) == {
        "2021-01-01": 1,
        "2021-02-01": 0,
        "2021-03-01": 2,
    }


DYADS = [
    {"event_date": "2021-03-01", "source_country": "CHN", "target_country": "JPN"},
    {"event_date": "2021-03-01", "source_country": "CHN", "target_country": "JPN"},
    {"event_date": "2021-03-01", "source_country": "JPN", "target_country": "CHN"},
    {"event_date": "2021-03-01", "source_country": "USA", "target_country": "JPN"},
]


@pytest.mark.parametrize(
    ("directed", "expected"),
    [
        (False, {"CHN-JPN": 3, "JPN-USA": 1}),
        (True, {"CHN->JPN": 2, "JPN->CHN": 1, "USA->JPN": 1}),
    ],
)
def test_series_dyads_undirected_or_directed(
    make_events: MakeEvents, directed: bool, expected: dict[str, int]
) -> None:
    frame = series(make_events(*DYADS), by="dyad", directed=directed).frame
    assert dict(zip(frame["group"], frame["count"], strict=True)) == expected


def test_series_groups_busiest_first(make_events: MakeEvents) -> None:
    result = series(make_events(*DYADS), by="dyad", directed=True)
    assert result.groups() == ["CHN->JPN", "JPN->CHN", "USA->JPN"]


def test_series_dyad_level_code_uses_full_actor_codes(make_events: MakeEvents) -> None:
    frame = make_events(
        {"event_date": "2021-03-01", "source_code": "CHNMIL", "target_code": "JPNGOV"},
        {"event_date": "2021-03-01", "source_code": "CHNCOG", "target_code": "JPNGOV"},
    )
    result = series(frame, by="dyad", level="code")
    assert result.groups() == ["CHNCOG-JPNGOV", "CHNMIL-JPNGOV"]


def test_series_by_actor_counts_each_side_once(make_events: MakeEvents) -> None:
    frame = make_events(
        {"event_date": "2021-03-01", "source_country": "CHN", "target_country": "JPN"},
        {"event_date": "2021-03-01", "source_country": "CHN", "target_country": "CHN"},
        {
            "event_date": "2021-03-01",
            "source_country": "USA",
            "target_country": None,
            "target_code": None,
        },
    )
    frame_out = series(frame, by="actor").frame
    assert dict(zip(frame_out["group"], frame_out["count"], strict=True)) == {
        "CHN": 2,
        "JPN": 1,
        "USA": 1,
    }


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("root", {"15": 2, "19": 1}),
        ("quad", {"4": 2, "1": 1}),
        ("place", {"Senkaku Islands": 2}),  # the unplaced event has no group
    ],
)
def test_series_by_root_quad_place(
    make_events: MakeEvents, by: Any, expected: dict[str, int]
) -> None:
    frame = make_events(
        {
            "event_date": "2021-03-01",
            "root_code": "15",
            "quad_class": 4,
            "location_id": "dw:senkaku-islands",
            "location_name": "Senkaku Islands",
        },
        {
            "event_date": "2021-03-01",
            "root_code": "15",
            "quad_class": 4,
            "location_id": "dw:senkaku-islands",
            "location_name": "Senkaku Islands",
        },
        {"event_date": "2021-03-01", "root_code": "19", "quad_class": 1},
    )
    result = series(frame, by=by)
    assert dict(zip(result.frame["group"], result.frame["count"], strict=True)) == expected
    assert result.coverage.no_group == (1 if by == "place" else 0)


CLUSTERED = [
    {"event_date": "2021-03", "cluster_id": "c1"},  # e000: same event, vaguer date
    {"event_date": "2021-03-02", "cluster_id": "c1"},  # e001
    {"event_date": "2021-03-02", "cluster_id": "c1"},  # e002
    {"event_date": "2021-03-02", "cluster_id": None},  # e003: its own cluster
    {"event_date": "2021-03-03", "cluster_id": "c2"},  # e004
]


@pytest.mark.parametrize(
    ("unit", "expected", "merged"),
    [
        ("clusters", {"2021-03-02": 2, "2021-03-03": 1}, 2),
        ("events", {"2021-03-02": 3, "2021-03-03": 1}, 0),
    ],
)
def test_series_counts_clusters_or_mentions(
    make_events: MakeEvents, unit: Any, expected: dict[str, int], merged: int
) -> None:
    result = series(make_events(*CLUSTERED), unit=unit)
    assert counts(result.frame) == expected
    assert result.coverage.merged_mentions == merged
    # mention mode leaves the month-dated mention out at day resolution; cluster mode folds
    # it into its cluster, represented by a day-dated mention
    assert result.coverage.too_coarse == (1 if unit == "events" else 0)


SPAN = [
    {"event_date": "2021-03-01", "date_end": "2021-03-03"},
    {"event_date": "2021-03-02"},
]


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ("start", {"2021-03-01": 1, "2021-03-02": 1, "2021-03-03": 0}),
        ("every_period", {"2021-03-01": 1, "2021-03-02": 2, "2021-03-03": 1}),
    ],
)
def test_series_span_events_count_at_start_or_every_day(
    make_events: MakeEvents, spans: Any, expected: dict[str, int]
) -> None:
    assert counts(series(make_events(*SPAN), spans=spans).frame) == expected


def test_series_span_counts_once_per_week_it_touches(make_events: MakeEvents) -> None:
    frame = make_events({"event_date": "2021-03-05", "date_end": "2021-03-16"})
    result = series(frame, freq="week", spans="every_period")
    assert counts(result.frame) == {"2021-03-01": 1, "2021-03-08": 1, "2021-03-15": 1}
    assert result.coverage.spread_spans == 1


def test_series_unreadable_span_end_counts_on_start_only(make_events: MakeEvents) -> None:
    frame = make_events(
        {"event_date": "2021-03-02", "date_end": "2021-02-27"},  # before the start
        {"event_date": "2021-03-03", "date_end": "soon"},
    )
    result = series(frame, spans="every_period")
    assert counts(result.frame) == {"2021-03-02": 1, "2021-03-03": 1}
    assert result.coverage.bad_spans == 2


COARSE = [
    {"event_date": "2021-03-10"},
    {"event_date": "2021-03"},
    {"event_date": "2021"},
]


@pytest.mark.parametrize(
    ("freq", "coarse", "expected", "flagged"),
    [
        ("day", "exclude", {"2021-03-10": 1}, 0),
        ("week", "exclude", {"2021-03-08": 1}, 0),
        ("month", "exclude", {"2021-03-01": 2}, 0),
        ("year", "exclude", {"2021-01-01": 3}, 0),
        ("month", "period_start", {"2021-01-01": 1, "2021-02-01": 0, "2021-03-01": 2}, 1),
    ],
)
def test_series_coarse_dates_left_out_or_placed_at_period_start(
    make_events: MakeEvents, freq: Any, coarse: Any, expected: dict[str, int], flagged: int
) -> None:
    result = series(make_events(*COARSE), freq=freq, coarse=coarse)
    assert counts(result.frame) == expected
    assert int(result.frame["coarse"].sum()) == flagged
    assert result.coverage.coarse_placed == flagged


def test_series_coarse_period_start_at_day_resolution_flags_them(
    make_events: MakeEvents,
) -> None:
    result = series(make_events(*COARSE), coarse="period_start")
    frame = result.frame.set_index(result.frame["period"].dt.strftime("%Y-%m-%d"))
    assert frame.loc["2021-01-01", ["count", "coarse"]].tolist() == [1, 1]
    assert frame.loc["2021-03-01", ["count", "coarse"]].tolist() == [1, 1]
    assert frame.loc["2021-03-10", ["count", "coarse"]].tolist() == [1, 0]
    assert len(frame) == 69  # 1 Jan .. 10 Mar, zero-filled


def test_series_reports_what_was_left_out(make_events: MakeEvents) -> None:
    frame = make_events(*COARSE, {"event_date": None}, {"modality": "negated"})
    cov = series(frame).coverage
    assert (cov.rows, cov.matched, cov.counted, cov.undated, cov.too_coarse) == (5, 4, 1, 1, 2)
    assert cov.notes() == [
        "1 events without a known date left out",
        "2 events dated only to a month or year left out at this resolution",
    ]


def test_series_no_match_gives_zeros_for_the_single_series(make_events: MakeEvents) -> None:
    frame = make_events({"event_date": "2021-03-01"}, {"event_date": "2021-03-02"})
    result = series(frame, EventFilter(actors=("RUS",)))
    assert counts(result.frame) == {"2021-03-01": 0, "2021-03-02": 0}


def test_series_wide_table_has_one_column_per_group(make_events: MakeEvents) -> None:
    wide = series(make_events(*DYADS), by="dyad").wide()
    assert list(wide.columns) == ["CHN-JPN", "JPN-USA"]
    assert wide.iloc[0].tolist() == [3, 1]
