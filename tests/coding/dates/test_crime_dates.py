"""A crime a verdict is for happened before the verdict: it takes a date from its own clause
only, else none (coding/dates/event_date.py, docs/dates-and-modality.md)."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event

Asserted = Callable[[str], list[Event]]


def _crime(events: list[Event]) -> Event:
    return next(e for e in events if e.code.startswith("18"))


def test_event_date_crime_of_a_verdict_takes_its_own_clause_date(asserted: Asserted) -> None:
    text = (
        "On Friday, a judge in Ohio sentenced Tom Reed to life for driving his van into a crowd"
        " of marchers attending the March 2016 parade."
    )
    crime = _crime(asserted(text))
    assert crime.date is not None and crime.date.value == "2016-03", crime.date


def test_event_date_crime_of_a_verdict_is_not_dated_by_the_verdict(asserted: Asserted) -> None:
    text = "A jury in Leeds, England on 4 May 2021 convicted Tom Reed of stabbing a guard."
    events = asserted(text)
    crime = _crime(events)
    assert crime.date is None or crime.date.value != "2021-05-04", crime.date
    verdict = next(e for e in events if e.code.startswith("11"))
    assert verdict.date is not None and verdict.date.value == "2021-05-04", verdict.date
