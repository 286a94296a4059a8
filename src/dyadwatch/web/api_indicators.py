"""``/api/series``, ``/api/streaks``, ``/api/spikes``, ``/api/clusters``, ``/api/alerts`` and the
lookups the dashboard needs (places, dyads, actors). The store selects the events (SQL, same
filters as ``/api/events``); the analytics compute the indicators."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any, Literal

import pandas as pd
from fastapi import APIRouter, Depends, Query

from dyadwatch.analytics.loading import documents_per_day
from dyadwatch.analytics.periods import Freq, GroupBy, ordinal_of
from dyadwatch.analytics.series import SeriesResult, series
from dyadwatch.analytics.spikes import spikes
from dyadwatch.analytics.streaks import streaks
from dyadwatch.analytics.watches import data_coverage
from dyadwatch.web import models as m
from dyadwatch.web import queries
from dyadwatch.web.errors import BadParameterError
from dyadwatch.web.limits import DEFAULT_LIMITS, MAX_PERIODS, MAX_POINTS, Limits
from dyadwatch.web.pagination import MAX_LIMIT
from dyadwatch.web.params import EventParams, event_params
from dyadwatch.web.state import HeavyStoreDep, LimitsDep, StoreDep

router = APIRouter(prefix="/api", tags=["indicators"], responses=m.READ_ERRORS)
Params = Annotated[EventParams, Depends(event_params)]
FreqParam = Annotated[
    Literal["auto", "day", "week", "month", "year"],
    Query(description="Period length; auto picks one for the span of the data"),
]
ByParam = Annotated[
    Literal["dyad", "actor", "source", "target", "root", "quad", "class", "place"] | None,
    Query(description="One series per group; none: a single series"),
]
UnitParam = Annotated[
    Literal["events", "clusters"],
    Query(description="clusters: one real-world event reported many times counts once"),
]
BackgroundParam = Annotated[
    bool,
    Query(description="Also count events dated long before their report (history)"),
]
# The unit, named on every chart and table (one default across CLI, API and dashboard).
UNIT_LABELS = {
    "clusters": "events (reports of one event counted once)",
    "events": "reports (every mention counted)",
}
LevelParam = Annotated[
    Literal["country", "code"],
    Query(description="Group actors by country (CHNMIL -> CHN) or by full code"),
]


def pick_freq(freq: str, first: dt.date | None, last: dt.date | None) -> Freq:
    """The asked period length, or for ``auto`` one giving at most about 120 periods."""
    if freq != "auto":
        return freq  # type: ignore[return-value]
    if first is None or last is None:
        return "day"
    days = (last - first).days + 1
    if days <= 120:
        return "day"
    if days <= 7 * 120:
        return "week"
    return "month" if days <= 31 * 240 else "year"


def check_periods(
    freq: Freq, first: dt.date | None, last: dt.date | None, max_periods: int = MAX_PERIODS
) -> None:
    """400 before any work when ``first``..``last`` holds more than ``max_periods`` periods."""
    if first is None or last is None or first > last:
        return
    count = ordinal_of(last, freq) - ordinal_of(first, freq) + 1
    if count > max_periods:
        raise BadParameterError(
            "freq",
            f"{first}..{last} holds {count:,} {freq} periods, more than the {max_periods:,} "
            "one series may have: choose a coarser freq or a shorter since/until",
        )


def check_points(frame: pd.DataFrame, max_points: int = MAX_POINTS) -> None:
    if len(frame) > max_points:
        raise BadParameterError(
            "by",
            f"the series has {len(frame):,} points (periods x groups), more than the "
            f"{max_points:,} allowed: narrow the filters or use a coarser freq",
        )


def _frame_extent(
    params: EventParams, frame: pd.DataFrame
) -> tuple[dt.date | None, dt.date | None]:
    days = pd.to_datetime(frame["day"]).dropna()
    first = params.since or (days.min().date() if len(days) else None)
    last = params.until or (days.max().date() if len(days) else None)
    return first, last


@router.get(
    "/series",
    summary="Counts and Goldstein scores per period (and group)",
    response_model=m.SeriesOut,
)
def get_series(
    store: HeavyStoreDep,
    params: Params,
    freq: FreqParam = "auto",
    by: ByParam = None,
    unit: UnitParam = "clusters",
    level: LevelParam = "country",
    background: BackgroundParam = False,
    limits: LimitsDep = DEFAULT_LIMITS,
) -> dict[str, Any]:
    """The periods the stored documents cover (see since/until), zero-filled inside them:
    a period no document reports is missing, not zero. ``count`` is events or clusters,
    ``documents`` the documents published in the period and ``per_1000`` the count per
    1,000 of them; ``goldstein_mean`` and ``conflict_share`` are null in empty periods;
    ``partial`` marks a first/last period only partly covered by the data."""
    result = compute_series(store, params, freq, by, unit, level, background, limits=limits)
    return {
        "freq": result.freq,
        "unit": unit,
        "unit_label": UNIT_LABELS[unit],
        "by": by,
        "groups": result.groups(),
        "points": queries.frame_records(result.frame),
        "notes": result.coverage.notes(),
    }


def compute_series(
    store: StoreDep,
    params: EventParams,
    freq: str,
    by: GroupBy | None,
    unit: Literal["events", "clusters"],
    level: Literal["country", "code"],
    background: bool,
    *,
    limits: Limits | None = None,
) -> SeriesResult:
    """The series the dashboard, the API and a chart point's event list all come from; a 400
    when it would be larger than ``limits`` allow."""
    limits = limits or Limits()
    frame = queries.analytics_frame(store, params)
    documents = documents_per_day(store)
    extent = _frame_extent(params, frame)
    chosen = pick_freq(freq, *extent)
    check_periods(chosen, *extent, max_periods=limits.max_periods)
    result = series(
        frame,
        params.analytics_filter(),
        covered=None if len(documents) else data_coverage(store),
        documents=documents if len(documents) else None,
        by=by,
        freq=chosen,
        directed=params.directed,
        level=level,
        unit=unit,
        background=background,
    )
    check_points(result.frame, limits.max_points)
    return result


@router.get(
    "/streaks",
    summary="Runs of consecutive periods with matching events",
    response_model=m.StreaksOut,
)
def get_streaks(
    store: HeavyStoreDep,
    params: Params,
    freq: FreqParam = "day",
    by: ByParam = "dyad",
    unit: UnitParam = "clusters",
    level: LevelParam = "country",
    min_length: Annotated[int, Query(ge=1, le=10_000)] = 2,
    min_count: Annotated[int, Query(ge=1, le=10_000)] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    background: BackgroundParam = False,
    limits: LimitsDep = DEFAULT_LIMITS,
) -> dict[str, Any]:
    """Streaks at least ``min_length`` periods long, longest first; ``current`` marks one
    still running in the last period of the data (or of ``until``); ``event_ids`` are the
    events behind it."""
    frame = queries.analytics_frame(store, params)
    # "current" is judged against the whole database, not just the events selected
    as_of = params.until or queries.date_extent(store)[1]
    extent = _frame_extent(params, frame)
    chosen = pick_freq(freq, *extent)
    check_periods(chosen, *extent, max_periods=limits.max_periods)
    result = streaks(
        frame,
        params.analytics_filter(),
        covered=data_coverage(store),
        freq=chosen,
        by=by,
        directed=params.directed,
        level=level,
        unit=unit,
        min_count=min_count,
        min_length=min_length,
        as_of=as_of,
        background=background,
    )
    found = []
    for group in result.groups:
        for streak in group.streaks:
            record = {k: queries.jsonable(v) for k, v in dataclasses.asdict(streak).items()}
            record["event_ids"] = list(streak.event_ids)
            record["current"] = streak == group.current
            record["longest"] = streak == group.longest
            found.append(record)
    found.sort(key=lambda s: (-s["length"], s["start"], s["group"]), reverse=False)
    return {
        "freq": chosen,
        "unit": unit,
        "unit_label": UNIT_LABELS[unit],
        "as_of": queries.jsonable(result.as_of),
        "streaks": found[:limit],
        "total": len(found),
        "notes": result.coverage.notes(),
    }


@router.get(
    "/spikes",
    summary="Periods with far more events than the trailing baseline",
    response_model=m.SpikesOut,
)
def get_spikes(
    store: HeavyStoreDep,
    params: Params,
    freq: FreqParam = "day",
    by: ByParam = None,
    unit: UnitParam = "clusters",
    level: LevelParam = "country",
    window: Annotated[int | None, Query(ge=2, le=1000)] = None,
    threshold: Annotated[float, Query(ge=0, le=1000)] = 3.0,
    min_count: Annotated[int, Query(ge=1, le=10_000)] = 3,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    background: BackgroundParam = False,
    one_report: Annotated[
        bool, Query(description="Accept a spike made by one document's events (a round-up)")
    ] = False,
    statements: Annotated[
        bool,
        Query(
            description="Count statements (root 01) too; by default spikes are of cooperation "
            "and conflict unless a class, quad, root or code filter is given"
        ),
    ] = False,
    limits: LimitsDep = DEFAULT_LIMITS,
) -> dict[str, Any]:
    """Spikes, highest score first: ``score = (count - expected) / std`` over the ``window``
    previous periods with documents, scaled to the period's documents (docs/indicators.md)."""
    frame = queries.analytics_frame(store, params)
    extent = _frame_extent(params, frame)
    chosen = pick_freq(freq, *extent)
    check_periods(chosen, *extent, max_periods=limits.max_periods)
    documents = documents_per_day(store)
    result = spikes(
        frame,
        params.analytics_filter(),
        covered=None if len(documents) else data_coverage(store),
        documents=documents if len(documents) else None,
        background=background,
        one_report=one_report,
        statements=statements,
        freq=chosen,
        by=by,
        directed=params.directed,
        level=level,
        unit=unit,
        window=window,
        threshold=threshold,
        min_count=min_count,
    )
    found = []
    for spike in result.spikes[:limit]:
        record = {k: queries.jsonable(v) for k, v in dataclasses.asdict(spike).items()}
        record["event_ids"] = list(spike.event_ids)
        found.append(record)
    return {
        "freq": chosen,
        "unit": unit,
        "unit_label": UNIT_LABELS[unit],
        "window": result.window,
        "threshold": result.threshold,
        "spikes": found,
        "total": len(result.spikes),
        "notes": result.coverage.notes(),
    }


@router.get(
    "/clusters",
    summary="Real-world events with their mention counts",
    response_model=m.ClustersOut,
)
def get_clusters(
    store: StoreDep,
    params: Params,
    min_mentions: Annotated[int | None, Query(ge=1)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> dict[str, Any]:
    """Clusters (one real event, many reports), most mentioned first; the filters apply to
    each cluster's representative event."""
    frame = store.clusters(min_mentions=min_mentions, limit=limit, **params.store_filters())
    return {"clusters": queries.frame_records(frame)}


@router.get("/alerts", summary="Alerts raised by watches, newest first", response_model=m.AlertsOut)
def get_alerts(
    store: StoreDep,
    watch_id: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> dict[str, Any]:
    alerts = store.alerts(watch_id).head(limit)
    names = dict(zip(store.watches()["id"], store.watches()["name"], strict=True))
    records = queries.frame_records(alerts)
    for record in records:
        record["watch_name"] = names.get(record["watch_id"])
        ids = record.get("event_ids")
        record["event_ids"] = queries.parse_json_list(ids)
    return {"alerts": records}


@router.get(
    "/places",
    summary="Located events per place",
    tags=["lookups"],
    response_model=m.PlacesOut,
)
def get_places(
    store: StoreDep, params: Params, limit: Annotated[int, Query(ge=1, le=5000)] = 1000
) -> dict[str, Any]:
    return {"places": queries.place_counts(store, params, limit)}


@router.get(
    "/dyads",
    summary="Actor pairs with the most events",
    tags=["lookups"],
    response_model=m.DyadsOut,
)
def get_dyads(
    store: StoreDep, params: Params, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20
) -> dict[str, Any]:
    return {"dyads": queries.top_dyads(store, params, limit)}


@router.get(
    "/actors",
    summary="Actors (country level) by number of events",
    tags=["lookups"],
    response_model=m.ActorsOut,
)
def get_actors(store: StoreDep) -> dict[str, Any]:
    return {"actors": queries.actor_options(store)}
