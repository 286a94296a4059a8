"""Periods as integer ordinals, and which periods the store's documents cover.

Periods (day, ISO week, month, year) are handled as integer *ordinals* (days since 1970-01-01,
weeks since the Monday 1970-01-05, months since 1970-01, ...) so zero-filling is a ``range``
and counting is ``numpy.bincount``. The names every indicator shares (resolutions, counting
units, group-bys) live here too. Placing events in periods is :mod:`.placements`; grouping
them is :mod:`.grouping`; the rules are documented in docs/indicators.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import numpy as np
import pandas as pd

from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.frame import BACKGROUND_DAYS, day_numbers

Freq = Literal["day", "week", "month", "year"]
SpanMode = Literal["start", "every_period"]
CoarseMode = Literal["exclude", "period_start"]
Unit = Literal["events", "clusters"]
# The counting unit as every table, chart and API response names it: one default (clusters)
# across the CLI, the Python API, the HTTP API and the dashboard.
UNIT_LABELS: dict[str, str] = {
    "clusters": "events (reports of one event counted once)",
    "events": "reports (every mention counted)",
}
UNIT_SHORT: dict[str, str] = {"clusters": "events", "events": "reports"}
GroupBy = Literal["dyad", "actor", "source", "target", "root", "quad", "class", "place"]
ActorLevel = Literal["country", "code"]

FREQS: tuple[Freq, ...] = ("day", "week", "month", "year")
GROUP_BYS: tuple[GroupBy, ...] = (
    *("dyad", "actor", "source", "target", "root", "quad", "class", "place"),
)

# How fine a resolution or a date precision is; an event fits a resolution at least as coarse.
RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
UNKNOWN_RANK = 9
_MONDAY = 4  # 1970-01-01 was a Thursday: day 4 is the first Monday
EPOCH = dt.date(1970, 1, 1)


def to_ordinals(days: np.ndarray, freq: Freq) -> np.ndarray:
    """Period ordinal of each day number (days since 1970-01-01)."""
    days = np.asarray(days, dtype=np.int64)
    if freq == "day":
        return days
    if freq == "week":
        return (days - _MONDAY) // 7
    unit = "M" if freq == "month" else "Y"
    return days.astype("datetime64[D]").astype(f"datetime64[{unit}]").astype(np.int64)


def period_starts(ordinals: np.ndarray, freq: Freq) -> np.ndarray:
    """First day (``datetime64[D]``) of each period ordinal."""
    ordinals = np.asarray(ordinals, dtype=np.int64)
    if freq == "day":
        return ordinals.astype("datetime64[D]")
    if freq == "week":
        return (ordinals * 7 + _MONDAY).astype("datetime64[D]")
    unit = "M" if freq == "month" else "Y"
    return ordinals.astype(f"datetime64[{unit}]").astype("datetime64[D]")


def period_ends(ordinals: np.ndarray, freq: Freq) -> np.ndarray:
    """Last day (``datetime64[D]``) of each period ordinal."""
    return period_starts(np.asarray(ordinals, dtype=np.int64) + 1, freq) - np.timedelta64(1, "D")


def ordinal_of(day: dt.date, freq: Freq) -> int:
    """Period ordinal of one day (a chart point's period, for its list of events)."""
    return int(to_ordinals(np.array([(day - EPOCH).days]), freq)[0])


def to_date(value: np.datetime64) -> dt.date:
    return EPOCH + dt.timedelta(days=int(value.astype("datetime64[D]").astype(np.int64)))


def document_days(documents: pd.Series | None) -> list[dt.date] | None:
    """The days with documents, sorted (None when coverage is unknown)."""
    if documents is None:
        return None
    days = pd.to_datetime(pd.Series(documents.index))[documents.to_numpy() > 0]
    return sorted(d.date() for d in days)


def reported_periods(
    doc_days: list[dt.date] | None, first: int, last: int, freq: Freq
) -> np.ndarray | None:
    """Per period ``first..last``: some day of it lies within BACKGROUND_DAYS before a
    publication day (None when coverage is unknown)."""
    if doc_days is None:
        return None
    n = max(last - first + 1, 0)
    out = np.zeros(n, dtype=bool)
    if n == 0 or not doc_days:
        return out
    pub = np.array([(d - EPOCH).days for d in doc_days], dtype=np.int64)
    lo_day, hi_day = int(pub.min()) - BACKGROUND_DAYS, int(pub.max())
    marks = np.zeros(hi_day - lo_day + 2, dtype=np.int64)
    np.add.at(marks, pub - BACKGROUND_DAYS - lo_day, 1)  # each publication covers
    np.add.at(marks, pub + 1 - lo_day, -1)  # [pub - BACKGROUND_DAYS, pub]
    covered_days = np.flatnonzero(np.cumsum(marks)[:-1] > 0) + lo_day
    ordinals = np.unique(to_ordinals(covered_days, freq)) - first
    out[ordinals[(ordinals >= 0) & (ordinals < n)]] = True
    return out


def documents_per_period(
    documents: pd.Series | None, first: int, last: int, freq: Freq
) -> np.ndarray | None:
    """Documents published in each period ``first..last`` (None when coverage is unknown)."""
    if documents is None:
        return None
    n = max(last - first + 1, 0)
    if n == 0 or len(documents) == 0:
        return np.zeros(n, dtype=np.int64)
    day_no, known = day_numbers(pd.Series(documents.index))
    ordinals = to_ordinals(day_no[known], freq) - first
    counts = documents.to_numpy(dtype=np.int64)[known]
    inside = (ordinals >= 0) & (ordinals < n)
    return np.bincount(ordinals[inside], weights=counts[inside], minlength=n).astype(np.int64)


def shown_extent(
    days: np.ndarray,
    placeable: np.ndarray,
    span_end: np.ndarray,
    good_span: np.ndarray,
    flt: EventFilter,
    end: dt.date | None,
    covered: tuple[dt.date, dt.date] | None,
    freq: Freq,
) -> tuple[int, int, dt.date | None, dt.date | None]:
    """First and last period ordinal shown (first > last when there is nothing to show), and
    the first and last day covered."""
    if flt.since is not None:
        first_day: int | None = (flt.since - EPOCH).days
    elif covered is not None:
        first_day = (covered[0] - EPOCH).days
    else:
        first_day = int(days[placeable].min()) if placeable.any() else None
    if end is not None:
        last_day: int | None = (end - EPOCH).days
    elif flt.until is not None:
        last_day = (flt.until - EPOCH).days
    elif covered is not None:
        last_day = (covered[1] - EPOCH).days
    elif placeable.any():
        last_day = int(days[placeable].max())
        ends = span_end[placeable & good_span]
        if len(ends):
            last_day = max(last_day, int(ends.max()))
    else:
        last_day = None
    if first_day is None or last_day is None or first_day > last_day:
        return 0, -1, None, None
    first, last = to_ordinals(np.array([first_day, last_day]), freq)
    return (
        int(first),
        int(last),
        EPOCH + dt.timedelta(days=first_day),
        EPOCH + dt.timedelta(days=last_day),
    )
