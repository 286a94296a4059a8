"""Placing date expressions on the calendar.

Relative expressions count from the publication date ("last month", "on Friday") or from the
date of an earlier clause of the same sentence ("the following year"); without the date they
need they stay unresolved (``None``) instead of being guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from dyadwatch.coding.dates.expressions import (
    Absolute,
    Ago,
    Anaphoric,
    Decade,
    Deictic,
    Duration,
    Edge,
    Expr,
    MonthDay,
    MonthName,
    Range,
    Since,
    Unit,
    Weekday,
)
from dyadwatch.model import DatePrecision

_COARSENESS: dict[DatePrecision, int] = {"day": 0, "month": 1, "year": 2}
_UNIT_PRECISION: dict[Unit, DatePrecision] = {
    "day": "day",
    "week": "day",
    "month": "month",
    "year": "year",
    "decade": "year",
}


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved date: the first and last day it covers and how precisely it was written.

    ``span`` periods (explicit ranges, weeks, decades) report their end; ``last_precision`` is
    how precisely the end is known when it differs (the end of "the end of last month" is a
    day although the expression names a month).
    """

    start: dt.date
    last: dt.date
    precision: DatePrecision
    span: bool = False
    last_precision: DatePrecision | None = None

    @property
    def end_precision(self) -> DatePrecision:
        return self.last_precision or self.precision


def iso(day: dt.date, precision: DatePrecision) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


@lru_cache(maxsize=65536)
def period_days(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of an ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` period (what
    :func:`iso` writes), or None for anything else."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 4:
            year = int(text)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if len(text) == 7 and text[4] == "-":
            first = dt.date(int(text[:4]), int(text[5:7]), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return day, day
    except ValueError:
        return None
    return None


def coarser(a: DatePrecision, b: DatePrecision) -> DatePrecision:
    return a if _COARSENESS[a] >= _COARSENESS[b] else b


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, unit: Unit, count: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    if unit == "month":
        return add_months(day, count)
    return add_months(day, count * (12 if unit == "year" else 120))


def whole(day: dt.date, precision: DatePrecision) -> Period:
    """The day, month or year that contains ``day``."""
    if precision == "day":
        return Period(day, day, "day")
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return Period(day.replace(day=1), day.replace(day=last), "month")
    return Period(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year")


def week_of(day: dt.date) -> Period:
    monday = day - dt.timedelta(days=day.weekday())
    return Period(monday, monday + dt.timedelta(days=6), "day", span=True)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(
    expr: Expr,
    publication: dt.date | None,
    reference: Period | None,
    forward: bool = False,
) -> Period | None:
    """The period ``expr`` names. ``reference`` is the date carried from an earlier clause of
    the sentence; ``forward`` resolves year-less dates to the next occurrence (future events)
    instead of the most recent one. Durations need an anchor: see :func:`duration_start`.
    Dates off the calendar ("5000 years ago", "February 30") are unresolved, not errors."""
    try:
        return _resolve(expr, publication, reference, forward)
    except (ValueError, OverflowError):
        return None


def _resolve(
    expr: Expr, pub: dt.date | None, reference: Period | None, forward: bool
) -> Period | None:
    match expr:
        case Absolute(year, None, _):
            return whole(dt.date(year, 1, 1), "year")
        case Absolute(year, month, None) if month is not None:
            return whole(dt.date(year, month, 1), "month")
        case Absolute(year, month, day) if month is not None and day is not None:
            found = _safe_date(year, month, day)
            return whole(found, "day") if found else None
        case Decade(year):
            return Period(dt.date(year, 1, 1), dt.date(year + 9, 12, 31), "year", span=True)
        case MonthDay(month, day, offset) if pub is not None and offset is not None:
            found = _safe_date(pub.year + offset, month, day)
            return whole(found, "day") if found else None
        case MonthDay(month, day) if pub is not None:
            return _month_day(month, day, pub, forward)
        case MonthName(month, which) if pub is not None:
            return whole(dt.date(_month_year(month, which, pub, forward), month, 1), "month")
        case Weekday(weekday, which) if pub is not None:
            return whole(_weekday(weekday, which, pub, forward), "day")
        case Deictic() if pub is not None:
            return _deictic(expr, pub)
        case Ago(count, unit) if pub is not None:
            back = shift(pub, unit, -count)
            return week_of(back) if unit == "week" else whole(back, _UNIT_PRECISION[unit])
        case Anaphoric(unit, offset) if reference is not None:
            return _anaphoric(unit, offset, reference)
        case Edge(edge, inner):
            base = _resolve(inner, pub, reference, forward)
            if base is None:
                return None
            point = {"start": base.start, "end": base.last}.get(
                edge, base.start + (base.last - base.start) / 2
            )
            return Period(point, point, base.precision, last_precision="day")
        case Range(first, last):
            return _range(first, last, pub, reference, forward)
        case Since(inner):
            return _resolve(inner, pub, reference, forward)
    return None


def _month_day(month: int, day: int, pub: dt.date, forward: bool) -> Period | None:
    for year in (pub.year, pub.year + 1, pub.year - 1) if forward else (pub.year, pub.year - 1):
        found = _safe_date(year, month, day)
        if found is not None and (found >= pub if forward else found <= pub):
            return whole(found, "day")
    return None


def _month_year(month: int, which: str, pub: dt.date, forward: bool) -> int:
    if which.endswith("_year"):  # "March of last year"
        return pub.year + {"last_year": -1, "this_year": 0, "next_year": 1}[which]
    if which == "this":
        return pub.year
    if which == "last":
        return pub.year if month < pub.month else pub.year - 1
    if which == "next" or forward:
        strictly = which == "next"
        later = month > pub.month or (month == pub.month and not strictly)
        return pub.year if later else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _weekday(weekday: int, which: str, pub: dt.date, forward: bool) -> dt.date:
    monday = pub - dt.timedelta(days=pub.weekday())
    if which.endswith("_week"):
        weeks = {"last_week": -1, "this_week": 0, "next_week": 1}[which]
        return monday + dt.timedelta(days=7 * weeks + weekday)
    if which == "this":
        return monday + dt.timedelta(days=weekday)
    if which == "last":  # that day of the week before ("on Friday" is this week's)
        return monday + dt.timedelta(days=weekday - 7)
    if which == "next":  # strictly after
        return pub + dt.timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)
    if forward:  # the publication day itself or the next such day
        return pub + dt.timedelta(days=(weekday - pub.weekday()) % 7)
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)


def _deictic(expr: Deictic, pub: dt.date) -> Period:
    if expr.unit == "day":
        return whole(pub + dt.timedelta(days=expr.offset), "day")
    if expr.unit == "weekend":
        # last: the most recent Saturday before the publication day; this/next: by ISO week
        if expr.offset < 0:
            saturday = pub - dt.timedelta(days=(pub.weekday() - 5 - 1) % 7 + 1)
        else:
            saturday = week_of(pub).start + dt.timedelta(days=5 + 7 * expr.offset)
        return Period(saturday, saturday + dt.timedelta(days=1), "day", span=True)
    if expr.unit == "week":
        week = week_of(pub + dt.timedelta(weeks=expr.offset))
        if expr.offset == 0 and expr.part == "earlier":
            return Period(week.start, max(week.start, pub - dt.timedelta(days=1)), "day", True)
        if expr.offset == 0 and expr.part == "later":
            return Period(min(week.last, pub + dt.timedelta(days=1)), week.last, "day", True)
        return week
    unit: Unit = expr.unit
    return whole(shift(pub, unit, expr.offset), _UNIT_PRECISION[unit])


def _anaphoric(unit: Unit | None, offset: int, reference: Period) -> Period:
    if unit is None:
        return reference
    later = offset > 0
    if _COARSENESS[_UNIT_PRECISION[unit]] < _COARSENESS[reference.precision]:
        # a finer step stays inside a coarse reference: "in 2004 ... two days later" is 2004,
        # "in mid-July ... several days later" July; counted from the end it would leave it
        later = not later
    base = reference.last if later else reference.start
    moved = shift(base, unit, offset)
    precision = coarser(reference.precision, _UNIT_PRECISION[unit])
    if unit == "week" and precision == "day":
        return week_of(moved)
    return whole(moved, precision)


def _range(
    first: Expr, last: Expr, pub: dt.date | None, reference: Period | None, forward: bool
) -> Period | None:
    end = _resolve(last, pub, reference, forward)
    if end is None:
        return None
    # a year-less start takes its year from the end: "between March and May 2019"
    start = _resolve(first, end.last, reference, forward=False)
    if start is None or start.start > end.last:
        return None
    return Period(start.start, end.last, start.precision, span=True, last_precision=end.precision)


def duration_start(duration: Duration, anchor: dt.date) -> Period | None:
    """Start of a span of ``duration`` that ends on ``anchor`` (both days counted): 152 days
    ending 2021-07-31 start 2021-03-02. The start is as precise as the unit; None when it
    falls off the calendar."""
    try:
        start = shift(anchor, duration.unit, -duration.count) + dt.timedelta(days=1)
    except (ValueError, OverflowError):
        return None
    return whole(start, _UNIT_PRECISION[duration.unit])
