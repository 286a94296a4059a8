"""Time series per dyad, actor, CAMEO root, quad class or place, zero-filled.

One row per (group, period) for every period from the first to the last period shown, including
periods without events (``count`` 0). Mean-like columns are NaN when there is nothing to average:
a quiet week has no conflict share, which is not the same as a share of 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dyadwatch.analytics.classes import STATEMENT_ROOTS
from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.periods import (
    ActorLevel,
    CoarseMode,
    Freq,
    GroupBy,
    SpanMode,
    Unit,
    ordinal_of,
    period_ends,
)
from dyadwatch.analytics.placements import Coverage, Placements, place_events

SERIES_COLUMNS = (
    "group",
    "period",
    "period_end",
    "count",
    "goldstein_sum",
    "goldstein_mean",
    "conflict_share",
    "coarse",
    "partial",
    "documents",
    "per_1000",
)


@dataclass(frozen=True)
class SeriesResult:
    """A long table with :data:`SERIES_COLUMNS`, groups ordered by their total count."""

    frame: pd.DataFrame
    freq: Freq
    unit: Unit
    by: GroupBy | None
    coverage: Coverage
    placements: Placements | None = None

    def event_ids_at(self, group: str, period: dt.date) -> tuple[str, ...]:
        """The events counted in one point (group, period start): as many as its ``count``
        (one per cluster when counting clusters: its representative)."""
        placed = self.placements
        return placed.event_ids(self._rows_at(group, period)) if placed else ()

    def mention_ids_at(self, group: str, period: dt.date) -> tuple[str, ...]:
        """Every mention behind one point (all reports of its clusters)."""
        placed = self.placements
        return placed.mention_ids(self._rows_at(group, period)) if placed else ()

    def _rows_at(self, group: str, period: dt.date) -> np.ndarray:
        placed = self.placements
        if placed is None or group not in placed.labels:
            return np.zeros(0, dtype=np.int64)
        code = placed.labels.index(group)
        ordinal = ordinal_of(period, placed.freq)
        picked: np.ndarray = placed.row[(placed.group == code) & (placed.ordinal == ordinal)]
        return picked

    def groups(self) -> list[str]:
        """Group labels, busiest first."""
        return list(dict.fromkeys(self.frame["group"]))

    def wide(self, column: str = "count") -> pd.DataFrame:
        """Periods as rows, groups as columns (busiest first) for one measure."""
        table = self.frame.pivot(index="period", columns="group", values=column)
        return table[self.groups()]


def series(
    events: pd.DataFrame,
    flt: EventFilter | None = None,
    *,
    by: GroupBy | None = None,
    freq: Freq = "day",
    directed: bool = False,
    level: ActorLevel = "country",
    unit: Unit = "clusters",
    spans: SpanMode = "start",
    coarse: CoarseMode = "exclude",
    covered: tuple[dt.date, dt.date] | None = None,
    documents: pd.Series | None = None,
    background: bool = False,
) -> SeriesResult:
    """Counts, Goldstein sum and mean, and conflict share per group and period.

    ``count`` counts events (rows, i.e. mentions) or clusters (distinct ``cluster_id``; a row
    without one is its own cluster). ``conflict_share`` is quad classes 3+4 over all counted
    but statements (root 01).
    ``coarse`` counts the events in ``count`` dated only to a coarser period and placed at its
    start (only with ``coarse="period_start"``). ``partial`` marks a first or last period that
    the data covers only in part (a week series over data starting on a Friday), whose count is
    therefore low. With ``documents`` (documents per publication day) the series covers
    only periods the store's documents report (a period without any is missing, not zero),
    ``documents`` says how many were published in it and ``per_1000`` is ``count`` per 1,000
    of them (empty when none was). Events dated long before
    their report are left out unless ``background``. Options are described in
    docs/indicators.md.
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
        documents=documents,
        background=background,
    )
    return SeriesResult(series_frame(placed), freq, unit, by, placed.coverage, placed)


def series_frame(placed: Placements) -> pd.DataFrame:
    """The zero-filled long table of :data:`SERIES_COLUMNS` for placed events."""
    n_groups, n_periods = len(placed.labels), placed.n_periods
    if n_periods == 0 or n_groups == 0:
        return _empty_frame()
    cells = n_groups * n_periods
    cell = placed.group * n_periods + (placed.ordinal - placed.first)
    ev = placed.events
    goldstein = pd.to_numeric(ev["goldstein"], errors="coerce").to_numpy(dtype=float)[placed.row]
    quad = pd.to_numeric(ev["quad_class"], errors="coerce").to_numpy(dtype=float)[placed.row]
    has_score = ~np.isnan(goldstein)
    has_quad = ~np.isnan(quad)

    def tally(mask: np.ndarray | None = None, weights: np.ndarray | None = None) -> np.ndarray:
        picked = cell if mask is None else cell[mask]
        return np.bincount(picked, weights=weights, minlength=cells)

    count = tally()
    gold_sum = tally(has_score, goldstein[has_score])
    gold_n = tally(has_score)
    # statements (CAMEO root 01) are neither cooperation nor conflict: not in the share
    statement = ev["root_code"].astype(object).isin(STATEMENT_ROOTS).to_numpy()[placed.row]
    conflict = tally(has_quad & (quad >= 3))
    quad_n = tally(has_quad & ~statement)
    coarse = tally(placed.coarse)
    with np.errstate(invalid="ignore", divide="ignore"):
        gold_mean = np.where(gold_n > 0, gold_sum / np.maximum(gold_n, 1), np.nan)
        share = np.where(quad_n > 0, conflict / np.maximum(quad_n, 1), np.nan)

    ordinals = np.arange(placed.first, placed.last + 1)
    starts = placed.starts()
    ends = period_ends(ordinals, placed.freq)
    frame = pd.DataFrame(
        {
            "group": np.repeat(np.array(placed.labels, dtype=object), n_periods),
            "period": pd.to_datetime(np.tile(starts, n_groups)),
            "period_end": pd.to_datetime(np.tile(ends, n_groups)),
            "count": count.astype(np.int64),
            "goldstein_sum": gold_sum,
            "goldstein_mean": gold_mean,
            "conflict_share": share,
            "coarse": coarse.astype(np.int64),
            "partial": np.tile(placed.partial(), n_groups),
        }
    )
    totals = count.reshape(n_groups, n_periods).sum(axis=1)
    order = sorted(range(n_groups), key=lambda g: (-totals[g], placed.labels[g]))
    rank = np.empty(n_groups, dtype=np.int64)
    rank[order] = np.arange(n_groups)
    frame["_rank"] = np.repeat(rank, n_periods)
    if placed.documents is None:
        frame["documents"] = np.nan
        frame["per_1000"] = np.nan
    else:
        docs = np.tile(placed.documents.astype(float), n_groups)
        frame["documents"] = docs
        with np.errstate(invalid="ignore", divide="ignore"):
            frame["per_1000"] = np.where(docs > 0, frame["count"] * 1000.0 / docs, np.nan)
        # periods nothing could report are missing, not zero
        frame = frame.loc[np.tile(placed.covered(), n_groups)]
    frame = frame.sort_values(["_rank", "period"], kind="stable").drop(columns="_rank")
    return frame.reset_index(drop=True)


def _empty_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": pd.Series(dtype=object),
            "period": pd.Series(dtype="datetime64[s]"),
            "period_end": pd.Series(dtype="datetime64[s]"),
            "count": pd.Series(dtype=np.int64),
            "goldstein_sum": pd.Series(dtype=float),
            "goldstein_mean": pd.Series(dtype=float),
            "conflict_share": pd.Series(dtype=float),
            "coarse": pd.Series(dtype=np.int64),
            "partial": pd.Series(dtype=bool),
            "documents": pd.Series(dtype=float),
            "per_1000": pd.Series(dtype=float),
        }
    )
