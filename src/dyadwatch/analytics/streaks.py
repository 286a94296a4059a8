"""Streaks: runs of consecutive periods (days, weeks, ...) with matching events.

"Chinese vessels in the contiguous zone for 152 consecutive days" is a streak of 152 days. By
default an event with a stated span (``date_end``) counts on every period of the span, so one
such report makes the whole streak. The *current* streak is the one still running in the last
period considered: the period of ``as_of``, or by default the period of the latest day in the
data (matched or not), so a streak that stopped before the data did is not current.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.periods import (
    ActorLevel,
    CoarseMode,
    Freq,
    GroupBy,
    SpanMode,
    Unit,
    period_ends,
    period_starts,
    to_date,
)
from dyadwatch.analytics.placements import Coverage, Placements, place_events


@dataclass(frozen=True, slots=True)
class Streak:
    """Consecutive periods each with at least ``min_count`` matching events."""

    group: str
    start: dt.date  # first day of the first period
    end: dt.date  # last day of the last period
    length: int  # number of periods
    count: int  # events (or clusters) counted over the streak; a span counts once per period
    event_ids: tuple[str, ...]  # one per unit counted (event, or cluster representative)
    mention_ids: tuple[str, ...] = ()  # every matched mention behind it


@dataclass(frozen=True, slots=True)
class GroupStreaks:
    group: str
    streaks: tuple[Streak, ...]  # chronological, those at least ``min_length`` long
    longest: Streak | None  # the longest; on a tie, the most recent
    current: Streak | None  # the one reaching the last period considered, if any


@dataclass(frozen=True)
class StreakResult:
    freq: Freq
    by: GroupBy | None
    as_of: dt.date | None  # last day considered (None when there is no data)
    groups: tuple[GroupStreaks, ...]  # longest streak first
    coverage: Coverage
    unit: Unit = "clusters"  # what ``count`` counts (UNIT_LABELS names it)

    def longest(self) -> Streak | None:
        """The longest streak over all groups (most recent on a tie)."""
        best = [g.longest for g in self.groups if g.longest is not None]
        return max(best, key=lambda s: (s.length, s.start), default=None)


def streaks(
    events: pd.DataFrame,
    flt: EventFilter | None = None,
    *,
    freq: Freq = "day",
    by: GroupBy | None = None,
    directed: bool = False,
    level: ActorLevel = "country",
    unit: Unit = "clusters",
    spans: SpanMode = "every_period",
    coarse: CoarseMode = "exclude",
    covered: tuple[dt.date, dt.date] | None = None,
    background: bool = False,
    min_count: int = 1,
    min_length: int = 1,
    as_of: dt.date | None = None,
) -> StreakResult:
    """Runs of consecutive periods with at least ``min_count`` matching events, per group.

    Events after ``as_of`` are ignored (spans are cut at it), so the answer is what was known
    to hold on that date. Clusters are counted by default, like every indicator: the store
    only merges reports of one event on one day, so daily reports keep every day. Events
    dated long before their report are left out unless ``background``. Streaks shorter than
    ``min_length`` are not listed but still count for ``longest`` and ``current``.
    """
    placed = place_events(
        events,
        flt,
        freq=freq,
        by=by,
        directed=directed,
        level=level,
        unit=unit,
        spans=spans,
        coarse=coarse,
        covered=covered,
        end=as_of,
        background=background,
    )
    return streaks_of(placed, min_count=min_count, min_length=min_length)


def streaks_of(
    placed: Placements,
    *,
    min_count: int = 1,
    min_length: int = 1,
) -> StreakResult:
    """Streaks over already placed events (see :func:`streaks`)."""
    n_groups, n_periods = len(placed.labels), placed.n_periods
    if n_periods == 0:
        return StreakResult(
            placed.freq, placed.by, placed.last_day, (), placed.coverage, placed.unit
        )
    cell = placed.group * n_periods + (placed.ordinal - placed.first)
    counts = np.bincount(cell, minlength=n_groups * n_periods).reshape(n_groups, n_periods)
    order = np.argsort(cell, kind="stable")
    sorted_cells = cell[order]

    found: list[GroupStreaks] = []
    for g, label in enumerate(placed.labels):
        runs = _runs(counts[g] >= max(min_count, 1))
        all_streaks: list[Streak] = []
        longest_run = max(runs, key=lambda r: (r[1] - r[0], r[0]), default=None)
        current_run = runs[-1] if runs and runs[-1][1] == n_periods - 1 else None
        wanted = {r for r in runs if r[1] - r[0] + 1 >= min_length}
        wanted |= {r for r in (longest_run, current_run) if r is not None}
        made: dict[tuple[int, int], Streak] = {}
        for lo, hi in sorted(wanted):
            made[(lo, hi)] = _streak(placed, label, g, lo, hi, counts[g], order, sorted_cells)
            if hi - lo + 1 >= min_length:
                all_streaks.append(made[(lo, hi)])
        found.append(
            GroupStreaks(
                group=label,
                streaks=tuple(all_streaks),
                longest=made[longest_run] if longest_run else None,
                current=made[current_run] if current_run else None,
            )
        )
    found.sort(key=lambda gs: (-(gs.longest.length if gs.longest else 0), gs.group))
    return StreakResult(
        placed.freq, placed.by, placed.last_day, tuple(found), placed.coverage, placed.unit
    )


def _runs(active: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) index of each run of True values."""
    padded = np.concatenate([[False], active, [False]])
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    return [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _streak(
    placed: Placements,
    label: str,
    group: int,
    lo: int,
    hi: int,
    counts: np.ndarray,
    order: np.ndarray,
    sorted_cells: np.ndarray,
) -> Streak:
    n_periods = placed.n_periods
    a = np.searchsorted(sorted_cells, group * n_periods + lo, side="left")
    b = np.searchsorted(sorted_cells, group * n_periods + hi, side="right")
    ordinals = np.array([placed.first + lo, placed.first + hi])
    return Streak(
        group=label,
        start=to_date(period_starts(ordinals[:1], placed.freq)[0]),
        end=to_date(period_ends(ordinals[1:], placed.freq)[0]),
        length=hi - lo + 1,
        count=int(counts[lo : hi + 1].sum()),
        event_ids=placed.event_ids(placed.row[order[a:b]]),
        mention_ids=placed.mention_ids(placed.row[order[a:b]]),
    )
