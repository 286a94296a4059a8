"""Spikes: periods with far more events than the trailing baseline.

Score of a period with count ``x``: ``(x - mean) / max(std, sqrt(mean), min_std)`` where mean
and std (sample, ddof=1) are taken over the ``window`` periods *before* it (zero-filled, the
period itself excluded). Why this and not a Poisson tail probability: news event counts are
over-dispersed (one incident is reported in bursts), so Poisson p-values call ordinary bursts
"one in a million"; the empirical std absorbs that burstiness. The floors keep a quiet or
perfectly flat baseline from dividing by ~0: ``sqrt(mean)`` is the Poisson noise level a count
can't be steadier than, ``min_std`` (default 1) means one event against an empty baseline scores
1, not infinity. A spike also needs ``count >= min_count`` so that a few events are not
flagged, and at least ``min_periods`` baseline periods (the first periods have no history).

Statements (CAMEO root 01, "X said") are left out unless asked for (``statements=True``) or the
filter names the kind of event it wants (class, quad class, root, code or PLOVER type): a day on
which many outlets quote the same government is a burst of reporting, not of events.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import cast

import numpy as np
import pandas as pd

from dyadwatch.analytics.classes import CONFLICT, COOPERATION
from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.periods import (
    ActorLevel,
    CoarseMode,
    Freq,
    GroupBy,
    SpanMode,
    Unit,
    period_ends,
    to_date,
)
from dyadwatch.analytics.placements import Coverage, Placements, place_events
from dyadwatch.errors import ConfigError

# Trailing window per resolution: four weeks of days, a quarter of weeks, a year of months.
DEFAULT_WINDOW: dict[str, int] = {"day": 28, "week": 13, "month": 12, "year": 5}


@dataclass(frozen=True, slots=True)
class Spike:
    group: str
    start: dt.date  # first day of the period
    end: dt.date  # last day of the period
    count: int
    baseline_mean: float
    baseline_std: float  # after the floors: the denominator of the score
    score: float
    event_ids: tuple[str, ...]  # one per unit counted (event, or cluster representative)
    mention_ids: tuple[str, ...] = ()  # every matched mention behind the count
    documents: int | None = None  # documents published in the period (None: unknown)


@dataclass(frozen=True)
class SpikeResult:
    freq: Freq
    by: GroupBy | None
    window: int
    threshold: float
    spikes: tuple[Spike, ...]  # highest score first
    scores: pd.DataFrame  # group, period, count, baseline_mean, baseline_std, score (NaN: no
    #  baseline yet), spike (bool): every group and period, for tables and charts
    coverage: Coverage
    unit: Unit = "clusters"  # what ``count`` counts (UNIT_LABELS names it)


def spikes(
    events: pd.DataFrame,
    flt: EventFilter | None = None,
    *,
    freq: Freq = "day",
    by: GroupBy | None = None,
    directed: bool = False,
    level: ActorLevel = "country",
    unit: Unit = "clusters",
    spans: SpanMode = "start",
    coarse: CoarseMode = "exclude",
    covered: tuple[dt.date, dt.date] | None = None,
    documents: pd.Series | None = None,
    background: bool = False,
    window: int | None = None,
    min_periods: int | None = None,
    threshold: float = 3.0,
    min_count: int = 3,
    min_std: float = 1.0,
    one_report: bool = False,
    statements: bool = False,
) -> SpikeResult:
    """Periods whose count scores at least ``threshold`` against the trailing baseline.

    ``window`` defaults to :data:`DEFAULT_WINDOW` for ``freq``; ``min_periods`` to half of it.
    With ``documents`` (per publication day) only periods with documents are scored and form
    baselines, and the baseline is scaled to the period's documents (see the module doc).
    """
    placed = place_events(
        events,
        flt if statements else without_statements(flt),
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
    return spikes_of(
        placed,
        window=window,
        min_periods=min_periods,
        threshold=threshold,
        min_count=min_count,
        min_std=min_std,
        one_report=one_report,
    )


def without_statements(flt: EventFilter | None) -> EventFilter:
    """``flt`` restricted to the four classes of cooperation and conflict, unless it already
    says what kind of event it counts."""
    flt = flt or EventFilter()
    if flt.event_classes or flt.quad_classes or flt.root_codes or flt.codes or flt.plover_types:
        return flt
    return replace(flt, event_classes=(*COOPERATION, *CONFLICT))


def spikes_of(
    placed: Placements,
    *,
    window: int | None = None,
    min_periods: int | None = None,
    threshold: float = 3.0,
    min_count: int = 3,
    min_std: float = 1.0,
    one_report: bool = False,
) -> SpikeResult:
    """Spikes over already placed events (see :func:`spikes`). A spike's events must come from
    at least two documents, none of which holds more than half of them: one long article
    listing many events (a monthly round-up) is one report, not a burst (``one_report=True``
    accepts such spikes)."""
    window = window if window is not None else DEFAULT_WINDOW[placed.freq]
    min_periods = min_periods if min_periods is not None else max(window // 2, 2)
    if window < 2 or not 2 <= min_periods <= window:
        raise ConfigError(
            f"need window >= 2 and 2 <= min_periods <= window, got {window}, {min_periods}"
        )
    if min_std <= 0:
        raise ConfigError(f"min_std must be positive, got {min_std}")
    n_groups, n_periods = len(placed.labels), placed.n_periods
    if n_periods == 0 or n_groups == 0:
        return SpikeResult(
            placed.freq,
            placed.by,
            window,
            threshold,
            (),
            _empty_scores(),
            placed.coverage,
            placed.unit,
        )
    cell = placed.group * n_periods + (placed.ordinal - placed.first)
    counts = np.bincount(cell, minlength=n_groups * n_periods).reshape(n_groups, n_periods)
    if placed.documents is None:
        mean, std, score = baseline_scores(counts, window, min_periods, min_std)
    else:
        mean, std, score = covered_scores(counts, placed.documents, window, min_periods, min_std)
    with np.errstate(invalid="ignore"):
        is_spike = (score >= threshold) & (counts >= min_count)

    order = np.argsort(cell, kind="stable")
    sorted_cells = cell[order]
    starts = placed.starts()
    ends = period_ends(np.arange(placed.first, placed.last + 1), placed.freq)
    found: list[Spike] = []
    doc_ids = placed.events["doc_id"].to_numpy(dtype=object)
    for g, t in zip(*np.nonzero(is_spike), strict=True):
        flat = int(g) * n_periods + int(t)
        a = np.searchsorted(sorted_cells, flat, side="left")
        b = np.searchsorted(sorted_cells, flat, side="right")
        rows = placed.row[order[a:b]]
        if not one_report:
            # rows without a document (hand-built frames) count as documents of their own
            docs = [
                d if isinstance(d, str) else f"\x00{r}"
                for d, r in zip(doc_ids[rows], rows, strict=True)
            ]
            _, per_doc = np.unique(np.array(docs, dtype=object).astype(str), return_counts=True)
            if len(per_doc) < 2 or 2 * int(per_doc.max()) > counts[g, t]:
                is_spike[g, t] = False
                continue
        found.append(
            Spike(
                group=placed.labels[g],
                start=to_date(starts[t]),
                end=to_date(ends[t]),
                count=int(counts[g, t]),
                baseline_mean=float(mean[g, t]),
                baseline_std=float(std[g, t]),
                score=float(score[g, t]),
                event_ids=placed.event_ids(placed.row[order[a:b]]),
                mention_ids=placed.mention_ids(placed.row[order[a:b]]),
                documents=None if placed.documents is None else int(placed.documents[t]),
            )
        )
    found.sort(key=lambda s: (-s.score, s.start, s.group))
    scores = pd.DataFrame(
        {
            "group": np.repeat(np.array(placed.labels, dtype=object), n_periods),
            "period": pd.to_datetime(np.tile(starts, n_groups)),
            "count": counts.ravel(),
            "baseline_mean": mean.ravel(),
            "baseline_std": std.ravel(),
            "score": score.ravel(),
            "spike": is_spike.ravel(),
        }
    )
    if placed.documents is not None:  # periods without documents are missing, not zero
        scores["documents"] = np.tile(placed.documents, n_groups)
        scores = scores.loc[scores["documents"] > 0].reset_index(drop=True)
    return SpikeResult(
        placed.freq,
        placed.by,
        window,
        threshold,
        tuple(found),
        scores,
        placed.coverage,
        placed.unit,
    )


def baseline_scores(
    counts: np.ndarray, window: int, min_periods: int, min_std: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Trailing mean, floored std and score of each cell of a (groups x periods) count matrix.

    Uses running sums of integer counts, so the means and variances are exact (no drift).
    Cells with fewer than ``min_periods`` earlier periods get NaN.
    """
    counts = np.asarray(counts, dtype=np.int64)
    n_periods = counts.shape[1]
    zeros = np.zeros((counts.shape[0], 1), dtype=np.int64)
    csum = np.concatenate([zeros, np.cumsum(counts, axis=1)], axis=1)
    csq = np.concatenate([zeros, np.cumsum(counts * counts, axis=1)], axis=1)
    t = np.arange(n_periods)
    lo = np.maximum(t - window, 0)  # baseline of period t: periods lo .. t-1
    n = (t - lo).astype(float)
    total = (csum[:, t] - csum[:, lo]).astype(float)
    squares = (csq[:, t] - csq[:, lo]).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n
        var = (squares - total * total / n) / (n - 1)
    std = np.sqrt(np.maximum(var, 0.0))
    floored = np.maximum(np.maximum(std, np.sqrt(mean)), min_std)
    enough = n >= min_periods
    mean = np.where(enough, mean, np.nan)
    floored = np.where(enough, floored, np.nan)
    score = (counts - mean) / floored
    return mean, floored, score


def covered_scores(
    counts: np.ndarray, documents: np.ndarray, window: int, min_periods: int, min_std: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`baseline_scores` over the periods with documents only, the baseline scaled to
    each period's documents.

    The trailing window is the ``window`` previous *covered* periods. Its mean count is
    scaled by ``documents / mean documents`` of the window, so a day with twice the usual
    reporting is expected to have twice the events; the std is scaled alike. Periods without
    documents get NaN (no score, and not part of any baseline).
    """
    counts = np.asarray(counts, dtype=np.int64)
    docs = np.asarray(documents, dtype=np.int64)
    keep = np.flatnonzero(docs > 0)
    shape = counts.shape
    mean = np.full(shape, np.nan)
    std = np.full(shape, np.nan)
    score = np.full(shape, np.nan)
    if len(keep) == 0:
        return mean, std, score
    sub = counts[:, keep]
    raw_mean, _, _ = baseline_scores(sub, window, min_periods, min_std)
    raw_std = _trailing_std(sub, window)
    doc_mean, _, _ = baseline_scores(docs[keep][None, :], window, min_periods, min_std)
    with np.errstate(invalid="ignore", divide="ignore"):
        factor = docs[keep][None, :] / doc_mean
    expected = raw_mean * factor
    floored = np.maximum(np.maximum(raw_std * factor, np.sqrt(expected)), min_std)
    floored = np.where(np.isnan(expected), np.nan, floored)
    mean[:, keep] = expected
    std[:, keep] = floored
    score[:, keep] = (sub - expected) / floored
    return mean, std, score


def _trailing_std(counts: np.ndarray, window: int) -> np.ndarray:
    """Sample std of the ``window`` periods before each period (NaN with fewer than 2)."""
    zeros = np.zeros((counts.shape[0], 1), dtype=np.int64)
    csum = np.concatenate([zeros, np.cumsum(counts, axis=1)], axis=1)
    csq = np.concatenate([zeros, np.cumsum(counts * counts, axis=1)], axis=1)
    t = np.arange(counts.shape[1])
    lo = np.maximum(t - window, 0)
    n = (t - lo).astype(float)
    total = (csum[:, t] - csum[:, lo]).astype(float)
    squares = (csq[:, t] - csq[:, lo]).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        var = (squares - total * total / n) / (n - 1)
    return cast(np.ndarray, np.sqrt(np.maximum(var, 0.0)))


def _empty_scores() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": pd.Series(dtype=object),
            "period": pd.Series(dtype="datetime64[s]"),
            "count": pd.Series(dtype=np.int64),
            "baseline_mean": pd.Series(dtype=float),
            "baseline_std": pd.Series(dtype=float),
            "score": pd.Series(dtype=float),
            "spike": pd.Series(dtype=bool),
        }
    )
