"""``/api/series/events``: the events behind one chart point, exactly the ones it counts.

A chart point is one (group, period) of ``/api/series`` with the same filters and options; its
``count`` is the number of units counted there (clusters by default), and this route lists one
event per unit: the cluster's representative, with ``n_reports`` saying how many reports of it
the store holds. So the number on a point always equals the length of its list. Several
``group`` values add up (the dashboard's conflict line is verbal + material conflict).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from dyadwatch.web import models as m
from dyadwatch.web import queries
from dyadwatch.web.api_indicators import (
    UNIT_LABELS,
    BackgroundParam,
    ByParam,
    FreqParam,
    LevelParam,
    UnitParam,
    compute_series,
)
from dyadwatch.web.limits import DEFAULT_LIMITS
from dyadwatch.web.pagination import MAX_LIMIT
from dyadwatch.web.params import EventParams, IsoDate, event_params
from dyadwatch.web.state import HeavyStoreDep, LimitsDep, StoreDep

router = APIRouter(prefix="/api", tags=["indicators"], responses=m.READ_ERRORS)
Params = Annotated[EventParams, Depends(event_params)]


@router.get(
    "/series/events",
    summary="The events one chart point counts",
    response_model=m.PointEventsOut,
)
def get_point_events(
    store: HeavyStoreDep,
    params: Params,
    period: Annotated[IsoDate, Query(description="First day of the point's period")],
    group: Annotated[
        list[str] | None, Query(description="The point's group(s); default: the single series")
    ] = None,
    freq: FreqParam = "auto",
    by: ByParam = None,
    unit: UnitParam = "clusters",
    level: LevelParam = "country",
    background: BackgroundParam = False,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 200,
    limits: LimitsDep = DEFAULT_LIMITS,
) -> dict[str, Any]:
    result = compute_series(store, params, freq, by, unit, level, background, limits=limits)
    groups = group or ["all"]
    ids: list[str] = []
    for name in groups:
        ids.extend(result.event_ids_at(name, period))
    rows = result.frame
    chosen = rows[(rows["group"].isin(groups)) & (rows["period"].dt.date == period)]
    count = int(chosen["count"].sum())
    events = queries.events_by_ids(store, ids[:limit])
    reports = _reports_per_cluster(store, [e.get("cluster_id") for e in events])
    for event in events:
        event["n_reports"] = reports.get(event.get("cluster_id") or "", 1)
    return {
        "freq": result.freq,
        "period": period.isoformat(),
        "groups": groups,
        "unit": unit,
        "unit_label": UNIT_LABELS[unit],
        "count": count,
        "total": len(ids),
        "events": events,
    }


def _reports_per_cluster(store: StoreDep, cluster_ids: list[Any]) -> dict[str, int]:
    wanted = sorted({c for c in cluster_ids if c})
    if not wanted:
        return {}
    found = store.con.execute(
        "SELECT cluster_id, n_mentions FROM clusters WHERE cluster_id IN (SELECT unnest(?))",
        [wanted],
    ).fetchall()
    return {str(c): int(n) for c, n in found}
