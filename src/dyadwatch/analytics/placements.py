"""Placing events in periods and groups: the step every indicator shares.

An event is placed in the period of its ``day`` and, when spans are spread, in every later
period up to the end of its stated span; in cluster mode each cluster is placed once, by its
representative. What is left out, and why, is counted in :class:`Coverage`. Rules that decide
what is counted, and where (precision, spans, clusters, coverage, groups), are documented in
docs/indicators.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import cast

import numpy as np
import pandas as pd

from dyadwatch.analytics.counting import cluster_codes, group_rows, representatives
from dyadwatch.analytics.filters import EventFilter, filter_mask
from dyadwatch.analytics.frame import (
    BACKGROUND_DAYS,
    background_mask,
    day_numbers,
    end_day_numbers,
    prepare,
)
from dyadwatch.analytics.periods import (
    EPOCH,
    FREQS,
    GROUP_BYS,
    RANK,
    UNKNOWN_RANK,
    ActorLevel,
    CoarseMode,
    Freq,
    GroupBy,
    SpanMode,
    Unit,
    document_days,
    documents_per_period,
    period_ends,
    period_starts,
    reported_periods,
    shown_extent,
    to_ordinals,
)
from dyadwatch.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Coverage:
    """What happened to the events a filter matched: counted, or left out and why.

    ``matched``, ``background`` and ``merged_mentions`` count rows (mentions); the other
    fields count units (clusters when counting clusters), so ``matched - background -
    merged_mentions`` equals the sum of ``counted``, ``undated``, ``too_coarse``,
    ``outside_range``, ``uncovered`` and ``no_group``.
    """

    rows: int = 0  # rows in the frame
    matched: int = 0  # rows the filter kept
    background: int = 0  # matched rows dated long before their report (left out by default)
    merged_mentions: int = 0  # matched rows folded into their cluster's representative
    counted: int = 0  # placed in at least one period and group
    undated: int = 0  # no known day: never in a series
    too_coarse: int = 0  # dated to a month/year, finer resolution asked, coarse="exclude"
    outside_range: int = 0  # dated outside the periods shown (since/until/as_of/coverage)
    uncovered: int = 0  # dated only in periods without documents (missing, not zero)
    no_group: int = 0  # lacks the grouped field (a dyad without target, no place)
    coarse_placed: int = 0  # counted at the start of their period (coarse="period_start")
    spread_spans: int = 0  # counted in every period of their span (spans="every_period")
    bad_spans: int = 0  # date_end unreadable or before the start: counted on the start only

    def notes(self) -> list[str]:
        """Plain sentences about everything not counted at face value (empty when none)."""
        texts = {
            "background": "events dated long before their report (historical background) left out",
            "merged_mentions": "mentions merged into their event cluster",
            "undated": "events without a known date left out",
            "too_coarse": "events dated only to a month or year left out at this resolution",
            "outside_range": "events dated outside the periods shown left out",
            "uncovered": "events dated in periods no stored document reports left out",
            "no_group": "events lacking the grouped field left out",
            "coarse_placed": "events dated only to a month or year counted at their period "
            "start (column 'coarse')",
            "spread_spans": "events with a stated span counted in every period of the span",
            "bad_spans": "events with an unreadable or reversed span end counted once",
        }
        return [f"{getattr(self, k)} {text}" for k, text in texts.items() if getattr(self, k)]


@dataclass(frozen=True)
class Placements:
    """Events placed in (group, period) cells; one entry per event per period it counts in."""

    freq: Freq
    unit: Unit
    by: GroupBy | None
    first: int  # first period ordinal shown (inclusive)
    last: int  # last period ordinal shown (inclusive); first > last when there is nothing
    first_day: dt.date | None  # the first day covered: flt.since or the data's first day
    last_day: dt.date | None  # the last day covered: end, flt.until or the data's last day
    labels: tuple[str, ...]  # group label of each group code
    group: np.ndarray  # group code per placement
    ordinal: np.ndarray  # period ordinal per placement
    row: np.ndarray  # position in ``events`` of the counted row
    coarse: np.ndarray  # the row is dated more coarsely than ``freq``
    events: pd.DataFrame  # the prepared events frame (all rows)
    coverage: Coverage
    documents: np.ndarray | None  # documents published in each period shown (None: unknown)
    reported: np.ndarray | None  # per period shown: documents could report it (None: unknown)
    _cluster_codes: np.ndarray = field(repr=False)  # cluster code of every row
    _members: np.ndarray = field(repr=False)  # matched rows sorted by cluster code

    @property
    def n_periods(self) -> int:
        return max(self.last - self.first + 1, 0)

    def starts(self) -> np.ndarray:
        return period_starts(np.arange(self.first, self.last + 1), self.freq)

    def partial(self) -> np.ndarray:
        """Per period shown: it extends beyond the days covered (first or last period of a
        week/month series), so its count covers only part of it."""
        ordinals = np.arange(self.first, self.last + 1)
        if self.first_day is None or self.last_day is None:
            return np.zeros(len(ordinals), dtype=bool)
        starts = period_starts(ordinals, self.freq)
        ends = period_ends(ordinals, self.freq)
        return cast(
            np.ndarray,
            (starts < np.datetime64(self.first_day)) | (ends > np.datetime64(self.last_day)),
        )

    def covered(self) -> np.ndarray:
        """Per period shown: the store holds documents that report it as news (published in
        it or up to :data:`~.frame.BACKGROUND_DAYS` after it); always True when unknown."""
        if self.reported is None:
            return np.ones(self.n_periods, dtype=bool)
        return self.reported

    def event_ids(self, rows: np.ndarray) -> tuple[str, ...]:
        """Ids of the units counted at ``rows``: one per event, or per cluster (its
        representative), so a count and its list of events always agree."""
        ids = self.events["id"].to_numpy()
        return tuple(sorted({str(i) for i in ids[rows]}))

    def mention_ids(self, rows: np.ndarray) -> tuple[str, ...]:
        """Ids of every matched mention behind counted ``rows``: in cluster mode all the
        mentions of the counted clusters, so an analyst sees all the evidence."""
        ids = self.events["id"].to_numpy()
        if self.unit == "events" or len(rows) == 0:
            return tuple(sorted({str(i) for i in ids[rows]}))
        wanted = np.unique(self._cluster_codes[rows])
        sorted_codes = self._cluster_codes[self._members]
        lo = np.searchsorted(sorted_codes, wanted, side="left")
        hi = np.searchsorted(sorted_codes, wanted, side="right")
        picks = np.concatenate([self._members[a:b] for a, b in zip(lo, hi, strict=True)])
        return tuple(sorted({str(i) for i in ids[picks]}))


def place_events(
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
    end: dt.date | None = None,
    covered: tuple[dt.date, dt.date] | None = None,
    documents: pd.Series | None = None,
    background: bool = False,
) -> Placements:
    """Place the events ``flt`` keeps into (group, period) cells.

    The periods shown run from ``flt.since`` (else the first placeable day in the whole frame,
    matched or not: days without a match are real zeros) to ``end``, ``flt.until`` or the last
    placeable day (span ends included), whichever applies first in that order. A caller that
    passes only pre-selected events (filtered in SQL) passes ``covered``, the first and last
    day of the whole data, in place of what the frame would show.

    ``documents`` (documents per publication day, e.g. from
    :func:`~.loading.documents_per_day`) makes the placement coverage-aware. A day is
    *covered* when documents published on it or up to :data:`~.frame.BACKGROUND_DAYS` later
    could report it as news; the periods shown run from the first to the last covered day,
    and events in periods without coverage are left out as *uncovered* (missing, not zero).
    Events dated long before their report (:func:`~.frame.background_mask`) are left out
    unless ``background`` is true.
    """
    _check_choice(freq, FREQS, "freq")
    _check_choice(by, (*GROUP_BYS, None), "by")
    _check_choice(level, ("country", "code"), "level")
    _check_choice(unit, ("events", "clusters"), "unit")
    _check_choice(spans, ("start", "every_period"), "spans")
    _check_choice(coarse, ("exclude", "period_start"), "coarse")
    flt = flt or EventFilter()
    ev = prepare(events)  # read by position only (numpy), so its index does not matter
    days, known = day_numbers(ev["day"])
    rank = ev["date_precision"].map(RANK).fillna(0).to_numpy(dtype=np.int64)
    rank = np.where(known, rank, UNKNOWN_RANK)
    fits = rank <= RANK[freq]
    placeable = known & (fits | (coarse == "period_start"))
    span_end, has_end = end_day_numbers(ev["date_end"])
    good_span = has_end & (span_end >= days) & known
    doc_days = document_days(documents)
    if covered is None and doc_days is not None and len(doc_days):
        covered = (doc_days[0] - dt.timedelta(days=BACKGROUND_DAYS), doc_days[-1])
    # historical background neither counts nor stretches the periods shown
    old_all = np.zeros(len(ev), dtype=bool) if background else background_mask(ev)
    first, last, first_day, last_day = shown_extent(
        days, placeable & ~old_all, span_end, good_span, flt, end, covered, freq
    )

    keep = filter_mask(ev, flt)
    old = old_all & keep
    matched = np.flatnonzero(keep & ~old)
    codes = cluster_codes(ev)
    ids = ev["id"].to_numpy()
    if unit == "clusters":
        reps = representatives(matched, codes, rank, days, ids)
        members = matched[np.argsort(codes[matched], kind="stable")]
    else:
        reps = members = matched  # every mention stands for itself

    undated = reps[~known[reps]]
    too_coarse = reps[known[reps] & ~placeable[reps]]
    cand = reps[placeable[reps]]
    start = to_ordinals(days[cand], freq)
    # with ``end`` (as of a date), later events are unknown and spans stop there
    end_day = (end - EPOCH).days if end is not None else None
    if spans == "every_period":
        spread = good_span[cand]
        stop_day = span_end[cand] if end_day is None else np.minimum(span_end[cand], end_day)
        stop = np.where(spread, to_ordinals(stop_day, freq), start)
        lo, hi = np.maximum(start, first), np.minimum(stop, last)
        inside = lo <= hi
    else:
        spread = np.zeros(len(cand), dtype=bool)
        lo, hi = start, start
        inside = (start >= first) & (start <= last)
    if end_day is not None:
        inside &= days[cand] <= end_day
    outside = cand[~inside]
    cand, lo, hi, spread = cand[inside], lo[inside], hi[inside], spread[inside]

    per_period = documents_per_period(documents, first, last, freq)
    reported = reported_periods(doc_days, first, last, freq)
    uncovered = np.zeros(0, dtype=np.int64)
    if reported is not None and len(cand):
        # clip each interval to covered periods; a unit with none left is uncovered
        has_docs = reported
        running = np.concatenate([[0], np.cumsum(has_docs)])
        any_ok = running[hi - first + 1] - running[lo - first] > 0
        uncovered = cand[~any_ok]
        cand, lo, hi, spread = cand[any_ok], lo[any_ok], hi[any_ok], spread[any_ok]

    pair_rows, pair_groups, labels = group_rows(ev, cand, by, directed, level)
    grouped = np.isin(cand, pair_rows)
    pos = np.searchsorted(cand, pair_rows)  # cand is sorted: map pairs back to their intervals
    lengths = hi[pos] - lo[pos] + 1
    total = int(lengths.sum())
    offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    ordinal = np.repeat(lo[pos], lengths) + offsets
    row = np.repeat(pair_rows, lengths)
    group_codes = np.repeat(pair_groups, lengths)
    if reported is not None:  # a span's periods without coverage are missing, not counted
        inside_docs = reported[ordinal - first]
        ordinal, row, group_codes = ordinal[inside_docs], row[inside_docs], group_codes[inside_docs]
    counted = cand[grouped]
    spread_counted = counted[spread[grouped] & (hi[grouped] > lo[grouped])]
    coverage = Coverage(
        rows=len(ev),
        matched=len(matched) + int(old.sum()),
        background=int(old.sum()),
        merged_mentions=len(matched) - len(reps),
        counted=len(counted),
        undated=len(undated),
        too_coarse=len(too_coarse),
        outside_range=len(outside),
        uncovered=len(uncovered),
        no_group=len(cand) - len(counted),
        coarse_placed=int((~fits[counted]).sum()),
        spread_spans=len(spread_counted) if spans == "every_period" else 0,
        bad_spans=int((ev["date_end"].notna().to_numpy()[counted] & ~good_span[counted]).sum())
        if spans == "every_period"
        else 0,
    )
    return Placements(
        freq=freq,
        unit=unit,
        by=by,
        first=first,
        last=last,
        first_day=first_day,
        last_day=last_day,
        labels=labels,
        group=group_codes,
        ordinal=ordinal,
        row=row,
        coarse=~fits[row],
        events=ev,
        coverage=coverage,
        documents=per_period,
        reported=reported,
        _cluster_codes=codes,
        _members=members,
    )


def _check_choice(value: object, choices: tuple[object, ...], what: str) -> None:
    if value not in choices:
        shown = ", ".join(str(c) for c in choices if c is not None)
        raise ConfigError(f"bad {what} {value!r}: use one of {shown}")
