"""Placing events in periods and groups: the step every indicator shares.

An event is placed in the period (day, ISO week, month, year) of its ``day`` and, when spans are
spread, in every later period up to the end of its stated span. Periods are handled as integer
*ordinals* (days since 1970-01-01, weeks since the Monday 1970-01-05, months since 1970-01, ...)
so zero-filling is a ``range`` and counting is ``numpy.bincount``. Rules that decide what is
counted, and where (precision, spans, clusters, groups), are documented in docs/indicators.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, cast

import numpy as np
import pandas as pd

from dyadwatch.analytics.classes import class_keys
from dyadwatch.analytics.filters import EventFilter, filter_mask
from dyadwatch.analytics.frame import (
    BACKGROUND_DAYS,
    background_mask,
    day_numbers,
    end_day_numbers,
    prepare,
)
from dyadwatch.errors import ConfigError

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
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_UNKNOWN_RANK = 9
_MONDAY = 4  # 1970-01-01 was a Thursday: day 4 is the first Monday
_EPOCH = dt.date(1970, 1, 1)


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
    return int(to_ordinals(np.array([(day - _EPOCH).days]), freq)[0])


def to_date(value: np.datetime64) -> dt.date:
    return _EPOCH + dt.timedelta(days=int(value.astype("datetime64[D]").astype(np.int64)))


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
    rank = ev["date_precision"].map(_RANK).fillna(0).to_numpy(dtype=np.int64)
    rank = np.where(known, rank, _UNKNOWN_RANK)
    fits = rank <= _RANK[freq]
    placeable = known & (fits | (coarse == "period_start"))
    span_end, has_end = end_day_numbers(ev["date_end"])
    good_span = has_end & (span_end >= days) & known
    doc_days = _document_days(documents)
    if covered is None and doc_days is not None and len(doc_days):
        covered = (doc_days[0] - dt.timedelta(days=BACKGROUND_DAYS), doc_days[-1])
    # historical background neither counts nor stretches the periods shown
    old_all = np.zeros(len(ev), dtype=bool) if background else background_mask(ev)
    first, last, first_day, last_day = _extent(
        days, placeable & ~old_all, span_end, good_span, flt, end, covered, freq
    )

    keep = filter_mask(ev, flt)
    old = old_all & keep
    matched = np.flatnonzero(keep & ~old)
    cluster_codes = _cluster_codes(ev)
    ids = ev["id"].to_numpy()
    if unit == "clusters":
        reps = _representatives(matched, cluster_codes, rank, days, ids)
        members = matched[np.argsort(cluster_codes[matched], kind="stable")]
    else:
        reps = members = matched  # every mention stands for itself

    undated = reps[~known[reps]]
    too_coarse = reps[known[reps] & ~placeable[reps]]
    cand = reps[placeable[reps]]
    start = to_ordinals(days[cand], freq)
    # with ``end`` (as of a date), later events are unknown and spans stop there
    end_day = (end - _EPOCH).days if end is not None else None
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

    per_period = _documents_per_period(documents, first, last, freq)
    reported = _reported_periods(doc_days, first, last, freq)
    uncovered = np.zeros(0, dtype=np.int64)
    if reported is not None and len(cand):
        # clip each interval to covered periods; a unit with none left is uncovered
        has_docs = reported
        running = np.concatenate([[0], np.cumsum(has_docs)])
        any_ok = running[hi - first + 1] - running[lo - first] > 0
        uncovered = cand[~any_ok]
        cand, lo, hi, spread = cand[any_ok], lo[any_ok], hi[any_ok], spread[any_ok]

    pair_rows, pair_groups, labels = _groups(ev, cand, by, directed, level)
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
        _cluster_codes=cluster_codes,
        _members=members,
    )


def _check_choice(value: object, choices: tuple[object, ...], what: str) -> None:
    if value not in choices:
        shown = ", ".join(str(c) for c in choices if c is not None)
        raise ConfigError(f"bad {what} {value!r}: use one of {shown}")


def _extent(
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
        first_day: int | None = (flt.since - _EPOCH).days
    elif covered is not None:
        first_day = (covered[0] - _EPOCH).days
    else:
        first_day = int(days[placeable].min()) if placeable.any() else None
    if end is not None:
        last_day: int | None = (end - _EPOCH).days
    elif flt.until is not None:
        last_day = (flt.until - _EPOCH).days
    elif covered is not None:
        last_day = (covered[1] - _EPOCH).days
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
        _EPOCH + dt.timedelta(days=first_day),
        _EPOCH + dt.timedelta(days=last_day),
    )


def _document_days(documents: pd.Series | None) -> list[dt.date] | None:
    """The days with documents, sorted (None when coverage is unknown)."""
    if documents is None:
        return None
    days = pd.to_datetime(pd.Series(documents.index))[documents.to_numpy() > 0]
    return sorted(d.date() for d in days)


def _reported_periods(
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
    pub = np.array([(d - _EPOCH).days for d in doc_days], dtype=np.int64)
    lo_day, hi_day = int(pub.min()) - BACKGROUND_DAYS, int(pub.max())
    marks = np.zeros(hi_day - lo_day + 2, dtype=np.int64)
    np.add.at(marks, pub - BACKGROUND_DAYS - lo_day, 1)  # each publication covers
    np.add.at(marks, pub + 1 - lo_day, -1)  # [pub - BACKGROUND_DAYS, pub]
    covered_days = np.flatnonzero(np.cumsum(marks)[:-1] > 0) + lo_day
    ordinals = np.unique(to_ordinals(covered_days, freq)) - first
    out[ordinals[(ordinals >= 0) & (ordinals < n)]] = True
    return out


def _documents_per_period(
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


def _cluster_codes(ev: pd.DataFrame) -> np.ndarray:
    """Integer cluster of every row: its ``cluster_id``, or itself when it has none."""
    codes, uniques = pd.factorize(ev["cluster_id"], use_na_sentinel=True)
    alone = codes < 0
    if alone.any():  # a row without a cluster is a cluster of its own
        codes = np.where(alone, len(uniques) + np.arange(len(codes)), codes)
    return np.asarray(codes, dtype=np.int64)


def _representatives(
    rows: np.ndarray,
    cluster_codes: np.ndarray,
    rank: np.ndarray,
    days: np.ndarray,
    ids: np.ndarray,
) -> np.ndarray:
    """One row per cluster among ``rows``: the most precisely dated, then the earliest, then
    the smallest id (the store's cluster anchor), whatever order the rows arrive in."""
    if len(rows) == 0:
        return rows
    codes = cluster_codes[rows]
    sizes = np.bincount(codes)[codes]
    crowded = rows[sizes > 1]  # only clusters with several mentions need a choice
    if len(crowded) == 0:
        return rows
    in_order = pd.Index(ids[crowded]).is_monotonic_increasing  # the store sorts by id
    id_rank = crowded if in_order else pd.factorize(ids[crowded].astype(str), sort=True)[0]
    ranked = crowded[np.lexsort((id_rank, days[crowded], rank[crowded], cluster_codes[crowded]))]
    first = np.ones(len(ranked), dtype=bool)
    first[1:] = cluster_codes[ranked][1:] != cluster_codes[ranked][:-1]
    return np.sort(np.concatenate([rows[sizes == 1], ranked[first]]))


def _side_keys(ev: pd.DataFrame, side: str, level: ActorLevel) -> np.ndarray:
    code = ev[f"{side}_code"].astype(object)
    if level == "code":
        return cast(np.ndarray, code.to_numpy())
    country = ev[f"{side}_country"].astype(object)
    return cast(np.ndarray, country.where(country.notna(), code).to_numpy())


def _groups(
    ev: pd.DataFrame, rows: np.ndarray, by: GroupBy | None, directed: bool, level: ActorLevel
) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """(row, group code) pairs for ``rows`` sorted by row, and the group labels.

    A row may appear twice (``by="actor"``: once per side) or not at all (no value to group on).
    """
    if by is None:
        return rows, np.zeros(len(rows), dtype=np.int64), ("all",)
    if by in ("dyad", "actor", "source", "target"):
        src = _side_keys(ev, "source", level)[rows]
        tgt = _side_keys(ev, "target", level)[rows]
        has_tgt = pd.notna(tgt)
        if by == "source":
            return _factorized(rows, src)
        if by == "target":
            return _factorized(rows[has_tgt], tgt[has_tgt])
        if by == "actor":  # an event counts once for each actor it involves
            second = has_tgt & (tgt != src)
            both_rows = np.concatenate([rows, rows[second]])
            both_keys = np.concatenate([src, tgt[second]])
            order = np.argsort(both_rows, kind="stable")
            return _factorized(both_rows[order], both_keys[order])
        both = has_tgt & pd.notna(src)
        rows, src, tgt = rows[both], src[both], tgt[both]
        # pairs as integers over the sorted actor names: fast, and min/max orders by name
        names = np.array(sorted(set(src) | set(tgt)), dtype=object)
        a = np.searchsorted(names, src)
        b = np.searchsorted(names, tgt)
        if not directed:
            a, b = np.minimum(a, b), np.maximum(a, b)
        codes, uniques = pd.factorize(a * len(names) + b)
        arrow = "->" if directed else "-"
        labels = tuple(f"{names[p // len(names)]}{arrow}{names[p % len(names)]}" for p in uniques)
        return rows, codes.astype(np.int64), labels
    if by == "root":
        keys = ev["root_code"].astype(object).to_numpy()[rows]
    elif by == "class":
        keys = class_keys(ev)[rows]
    elif by == "quad":
        quads = pd.to_numeric(ev["quad_class"], errors="coerce").to_numpy(dtype=float)[rows]
        quad_names = {1.0: "1", 2.0: "2", 3.0: "3", 4.0: "4"}  # anything else has no group
        keys = pd.Series(quads).map(quad_names).to_numpy(dtype=object)
    else:  # place: gazetteer id when known, else the name
        ids = ev["location_id"].astype(object)
        keys = ids.where(ids.notna(), ev["location_name"]).to_numpy()[rows]
    rows, codes, labels = _factorized(rows, keys)
    if by == "place":
        labels = _place_labels(ev, rows, codes, labels)
    return rows, codes, labels


def _factorized(
    rows: np.ndarray, keys: np.ndarray
) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Group codes of ``keys``; rows whose key is missing are dropped."""
    codes, uniques = pd.factorize(keys, use_na_sentinel=True)
    ok = codes >= 0
    return rows[ok], codes[ok].astype(np.int64), tuple(str(u) for u in uniques)


def _place_labels(
    ev: pd.DataFrame, rows: np.ndarray, codes: np.ndarray, keys: tuple[str, ...]
) -> tuple[str, ...]:
    """Place name for each place key; the id is added when two places share a name."""
    names = ev["location_name"].astype(object).to_numpy()
    _, first = np.unique(codes, return_index=True)  # codes are 0..n-1: one row per place
    labels = [
        name if isinstance(name := names[rows[i]], str) else key
        for i, key in zip(first, keys, strict=True)
    ]
    clashes = {x for x in labels if labels.count(x) > 1}
    return tuple(
        f"{lab} [{key}]" if lab in clashes else lab for lab, key in zip(labels, keys, strict=True)
    )
