"""Freshness of live sources (``dyadwatch follow``): ``GET /api/live/freshness`` and the
``/live`` page.

Both show the last cycle (when, how it ended, what it fetched and stored), the documents stored
per source per day, and the sources failing in the last cycle with the reason. A database that
was never followed gives ``last_cycle: null`` and empty lists (and the page says how to start).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from dyadwatch.live.state import freshness
from dyadwatch.web.pages import render
from dyadwatch.web.state import StoreDep

router = APIRouter()
DaysParam = Annotated[int, Query(ge=1, le=366, description="Days of per-source counts.")]


def _freshness(store: StoreDep, days: int) -> dict[str, Any]:
    try:
        report = freshness(store.con, days=days)
    except duckdb.CatalogException:  # a database older than the live tables, opened read-only
        return {"last_cycle": None, "documents_per_source_day": [], "failing_sources": []}
    last = report["last_cycle"]
    if last and last.get("finished_at"):
        finished = dt.datetime.fromisoformat(last["finished_at"])
        age = dt.datetime.now(dt.UTC) - finished
        last["age_minutes"] = round(age.total_seconds() / 60, 1)
    return report


@router.get("/api/live/freshness", tags=["live"], summary="Freshness of followed sources")
def get_freshness(store: StoreDep, days: DaysParam = 14) -> dict[str, Any]:
    """The last ``follow`` cycle, documents per source per day over ``days``, and the sources
    that failed in the last cycle (with the last failure code and reason)."""
    return _freshness(store, days)


@router.get("/live", response_class=HTMLResponse, include_in_schema=False)
def live_page(request: Request, store: StoreDep, days: DaysParam = 14) -> HTMLResponse:
    report = _freshness(store, days)
    sources = sorted({row["source"] for row in report["documents_per_source_day"]})
    day_list = sorted({row["day"] for row in report["documents_per_source_day"]}, reverse=True)
    counts = {(r["source"], r["day"]): r["documents"] for r in report["documents_per_source_day"]}
    return render(
        request, "live.html", report=report, sources=sources, days=day_list, counts=counts
    )
