"""Streaks: exact runs, the longest and the current one, spans, weeks and as_of."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.streaks import streaks

MakeEvents = Callable[..., pd.DataFrame]
Daily = Callable[..., list[dict[str, Any]]]
D = dt.date


def runs(result: Any, group: str = "all") -> list[tuple[dt.date, dt.date, int]]:
    found = next(g for g in result.groups if g.group == group)
    return [(s.start, s.end, s.length) for s in found.streaks]


def test_streaks_exact_runs_longest_and_current(make_events: MakeEvents, daily: Daily) -> None:
    # 1-3 March active, 4th quiet, 5-9 active (two events on the 6th)
    frame = make_events(*daily("2021-03-01", [1, 1, 1, 0, 1, 2, 1, 1, 1]))
    result = streaks(frame)
    assert runs(result) == [(D(2021, 3, 1), D(2021, 3, 3), 3), (D(2021, 3, 5), D(2021, 3, 9), 5)]
    group = result.groups[0]
    assert group.longest == group.current
    assert group.longest is not None
    assert (group.longest.start, group.longest.length, group.longest.count) == (
        D(2021, 3, 5),
        5,
        6,
    )
    assert group.longest.event_ids == ("e003", "e004", "e005", "e006", "e007", "e008")
    assert result.as_of == D(2021, 3, 9)


def test_streaks_not_current_when_the_data_goes_on(make_events: MakeEvents, daily: Daily) -> None:
    specs = daily("2021-03-01", [1, 1, 1])
    specs.append({"event_date": "2021-03-06", "source_code": "USA"})  # other data, later
    result = streaks(make_events(*specs), EventFilter(actors=("CHN",)))
    assert result.as_of == D(2021, 3, 6)
    assert result.groups[0].current is None
    assert result.groups[0].longest is not None and result.groups[0].longest.length == 3


def test_streaks_152_days_from_one_span_event(make_events: MakeEvents) -> None:
    # "as of the end of July, vessels have been in the zone for 152 consecutive days"
    frame = make_events(
        {
            "event_date": "2021-03-02",
            "date_end": "2021-07-31",
            "source_code": "CHNCOG",
            "location_id": "dw:senkaku-islands",
        }
    )
    flt = EventFilter(actors=("CHN",), places=("dw:senkaku-islands",))
    group = streaks(frame, flt).groups[0]
    assert group.longest is not None and group.current == group.longest
    assert (group.longest.start, group.longest.end, group.longest.length) == (
        D(2021, 3, 2),
        D(2021, 7, 31),
        152,
    )
    assert group.longest.event_ids == ("e000",)


def test_streaks_span_at_start_only_when_asked(make_events: MakeEvents) -> None:
    frame = make_events({"event_date": "2021-03-02", "date_end": "2021-07-31"})
    group = streaks(frame, spans="start").groups[0]
    assert group.longest is not None and group.longest.length == 1


def test_streaks_as_of_ignores_later_days_and_cuts_spans(make_events: MakeEvents) -> None:
    frame = make_events(
        {"event_date": "2021-03-02", "date_end": "2021-07-31"},
        {"event_date": "2021-06-01", "source_code": "USA"},
    )
    result = streaks(frame, as_of=D(2021, 5, 1))
    group = result.groups[0]
    assert group.current is not None
    assert (group.current.start, group.current.end, group.current.length) == (
        D(2021, 3, 2),
        D(2021, 5, 1),
        61,
    )
    assert result.as_of == D(2021, 5, 1)
    assert result.coverage.outside_range == 1


def test_streaks_in_weeks(make_events: MakeEvents) -> None:
    frame = make_events(
        {"event_date": "2021-03-03"},  # week of 1 March
        {"event_date": "2021-03-14"},  # week of 8 March (its Sunday)
        {"event_date": "2021-03-15"},  # week of 15 March
        {"event_date": "2021-03-31"},  # week of 29 March, after a quiet week
    )
    result = streaks(frame, freq="week")
    assert runs(result) == [
        (D(2021, 3, 1), D(2021, 3, 21), 3),
        (D(2021, 3, 29), D(2021, 4, 4), 1),
    ]


def test_streaks_min_count_needs_enough_events_each_day(
    make_events: MakeEvents, daily: Daily
) -> None:
    frame = make_events(*daily("2021-03-01", [2, 2, 1, 2, 2, 2]))
    assert runs(streaks(frame, min_count=2)) == [
        (D(2021, 3, 1), D(2021, 3, 2), 2),
        (D(2021, 3, 4), D(2021, 3, 6), 3),
    ]


def test_streaks_min_length_hides_short_runs_but_keeps_current(
    make_events: MakeEvents, daily: Daily
) -> None:
    frame = make_events(*daily("2021-03-01", [1, 1, 1, 1, 0, 1]))
    group = streaks(frame, min_length=3).groups[0]
    assert [s.length for s in group.streaks] == [4]
    assert group.current is not None and group.current.length == 1


def test_streaks_per_group_longest_first(make_events: MakeEvents, daily: Daily) -> None:
    specs = daily("2021-03-01", [1, 1], source_country="CHN")
    specs += daily("2021-03-01", [1, 1, 1], source_country="USA")
    result = streaks(make_events(*specs), by="source")
    assert [(g.group, g.longest.length if g.longest else 0) for g in result.groups] == [
        ("USA", 3),
        ("CHN", 2),
    ]
    assert result.groups[1].current is None  # CHN stopped before the data did


def test_streaks_longest_tie_goes_to_the_most_recent(make_events: MakeEvents, daily: Daily) -> None:
    frame = make_events(*daily("2021-03-01", [1, 1, 0, 1, 1, 0]))
    longest = streaks(frame).longest()
    assert longest is not None and longest.start == D(2021, 3, 4)


@pytest.mark.parametrize("as_of", [None, D(2021, 3, 1)])
def test_streaks_of_nothing(make_events: MakeEvents, as_of: dt.date | None) -> None:
    frame = make_events({"event_date": None})
    result = streaks(frame, as_of=as_of)
    assert result.longest() is None
    assert all(g.longest is None for g in result.groups)


def test_streaks_on_a_prefiltered_frame_use_the_covered_days(
    make_events: MakeEvents, daily: Daily
) -> None:
    only_matches = make_events(*daily("2021-03-01", [1, 1, 1]))  # e.g. selected in SQL
    covered = (D(2021, 2, 26), D(2021, 3, 6))  # what the whole store spans
    result = streaks(only_matches, covered=covered)
    assert result.as_of == D(2021, 3, 6)
    assert result.groups[0].current is None
    assert streaks(only_matches).groups[0].current is not None
