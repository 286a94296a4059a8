"""The dashboard: server-rendered pages (Jinja2) that call the same functions as the API.

Charts and the map are drawn in the browser by small vanilla scripts (``static/js``) from the
JSON API; tables, lists and documents are rendered here so they read without JavaScript.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from dyadwatch.analytics.loading import documents_per_day
from dyadwatch.analytics.tables import display_label
from dyadwatch.dictionaries.actor_names import actor_label, resolve_actor
from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.store.query import document_info
from dyadwatch.web import api_indicators, queries
from dyadwatch.web.markup import document_blocks, evidence_pieces
from dyadwatch.web.pagination import MAX_LIMIT, SortKey
from dyadwatch.web.params import EventParams, event_params
from dyadwatch.web.state import StoreDep

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
Params = Annotated[EventParams, Depends(event_params)]

QUAD_NAMES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}
MODALITY_LABELS = {
    "asserted": "asserted",
    "negated": "negated (did not happen)",
    "hypothetical": "hypothetical",
    "future": "future / planned",
    "question": "asked as a question",
}


def code_name(code: str | None) -> str:
    if not code:
        return ""
    try:
        return default_codebook().get(code).name
    except (KeyError, ValueError):
        return ""


def doc_url(doc_id: str) -> str:
    return "/documents/" + quote(doc_id, safe="")


def query_string(base: dict[str, Any] | None = None, **changes: Any) -> str:
    """``?a=1&b=2`` from a dict of parameters (lists repeat), with ``changes`` applied and
    empty values dropped."""
    merged = dict(base or {})
    merged.update(changes)
    pairs: list[tuple[str, str]] = []
    for key, value in merged.items():
        values = value if isinstance(value, list | tuple) else [value]
        pairs.extend((key, str(v)) for v in values if v is not None and v != "")
    return "?" + urlencode(pairs) if pairs else ""


templates.env.globals.update(
    QUAD_NAMES=QUAD_NAMES,
    MODALITY_LABELS=MODALITY_LABELS,
    code_name=code_name,
    actor_label=actor_label,
    dyad_label=lambda group: display_label("dyad", group),
    doc_url=doc_url,
    query_string=query_string,
    evidence_pieces=evidence_pieces,
)


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _request_args(request: Request) -> dict[str, list[str]]:
    args: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        args.setdefault(key, []).append(value)
    return args


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep) -> HTMLResponse:
    params = EventParams()
    counts = store.sql(
        "SELECT (SELECT count(*) FROM documents) AS documents, "
        "count(*) FILTER (WHERE modality = 'asserted') AS asserted, "
        "count(*) FILTER (WHERE modality <> 'asserted') AS other, "
        "count(DISTINCT cluster_id) AS clusters FROM events"
    ).iloc[0]
    first, last = queries.date_extent(store)
    streaks = api_indicators.get_streaks(
        store,
        params,
        freq="day",
        by="dyad",
        unit="clusters",
        level="country",
        min_length=2,
        min_count=1,
        limit=8,
    )
    alerts = api_indicators.get_alerts(store, watch_id=None, limit=8)["alerts"]
    for alert in alerts:
        alert["events"] = queries.events_by_ids(store, alert["event_ids"][:10])
    return render(
        request,
        "overview.html",
        counts={k: int(v) for k, v in counts.items()},
        first=first,
        last=last,
        dyads=queries.top_dyads(store, params, 10),
        streaks=streaks["streaks"],
        alerts=alerts,
    )


# The dyad view opens on the seed's question: China's pressure on Japan against its pressure
# on Taiwan. Other stores open on their two busiest dyads.
DEFAULT_DYADS = (("CHN", "JPN"), ("CHN", "TWN"))
RECENT_DAYS = 365  # the window shown on first open: the last year the documents cover


def _default_dyads(store: StoreDep, actors: list[dict[str, Any]]) -> list[tuple[str, str]]:
    known = {x["code"] for x in actors}
    if all(a in known and b in known for a, b in DEFAULT_DYADS):
        return list(DEFAULT_DYADS)
    top = queries.top_dyads(store, EventParams(), 2)
    return [(d["a"], d["b"]) for d in top]


def _recent_window(store: StoreDep) -> tuple[dt.date | None, dt.date | None]:
    """The last RECENT_DAYS before the latest publication day (or latest event day)."""
    documents = documents_per_day(store)
    last = documents.index.max().date() if len(documents) else queries.date_extent(store)[1]
    if last is None:
        return None, None
    return last - dt.timedelta(days=RECENT_DAYS - 1), last


@router.get("/dyad", response_class=HTMLResponse)
def dyad_view(
    request: Request,
    store: StoreDep,
    a: Annotated[str | None, Query(max_length=30)] = None,
    b: Annotated[str | None, Query(max_length=30)] = None,
    c: Annotated[str | None, Query(max_length=30)] = None,
    d: Annotated[str | None, Query(max_length=30)] = None,
    directed: bool = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
    freq: api_indicators.FreqParam = "auto",
) -> HTMLResponse:
    """Two dyads on one chart, conflict and cooperation side by side, over a recent window;
    undirected (either direction) or directed (first actor -> second)."""
    # a name in the URL (?a=china) picks the same actor as its code
    a, b, c, d = (resolve_actor(x) if x else None for x in (a, b, c, d))
    actors = queries.actor_options(store)
    defaults = _default_dyads(store, actors)
    if not (a and b) and defaults:
        a, b = defaults[0]
    if not (c and d) and len(defaults) > 1 and (c, d) != (a, b):
        c, d = defaults[1] if defaults[1] != (a, b) else (None, None)
    if since is None and until is None:
        since, until = _recent_window(store)
    context: dict[str, Any] = {
        "actors": actors, "a": a, "b": b, "c": c, "d": d, "directed": directed,
        "since": since, "until": until, "freq": freq,
    }  # fmt: skip
    if a and b:
        dyad = f"{a},{b}"
        params = event_params(dyad=dyad, directed=directed, since=since, until=until)
        common = {"since": since, "until": until, "freq": freq, "directed": directed or None}
        context["unit_label"] = api_indicators.UNIT_LABELS["clusters"]
        context["streaks"] = api_indicators.get_streaks(
            store, params, freq="day", by=None, unit="clusters", level="country",
            min_length=2, min_count=1, limit=20, background=False,
        )  # fmt: skip
        context["spikes"] = api_indicators.get_spikes(
            store, params, freq=freq if freq != "auto" else "day", by=None, unit="clusters",
            level="country", window=None, threshold=3.0, min_count=3, limit=20,
            background=False, one_report=False,
        )  # fmt: skip
        page = queries.event_page(store, params, sort="-date", limit=10, cursor=None)
        context["recent"] = page.events
        context["total"] = page.total
        context["api_query"] = query_string({"dyad": dyad, **common})
        context["compare"] = [
            {"label": f"{x}{'→' if directed else '–'}{y}", "query": query_string(
                {"dyad": f"{x},{y}", **common, "by": "class", "unit": "clusters"})}
            for x, y in ((a, b), (c, d)) if x and y
        ]  # fmt: skip
        context["events_query"] = query_string({"dyad": dyad, "directed": directed or None})
    return render(request, "dyad.html", **context)


@router.get("/map", response_class=HTMLResponse)
def map_view(request: Request, store: StoreDep, params: Params) -> HTMLResponse:
    args = _request_args(request)
    places = queries.place_counts(store, params, 200)
    return render(
        request,
        "map.html",
        places=places,
        args=args,
        api_query=query_string(args),
        params=params,
    )


@router.get("/events", response_class=HTMLResponse)
def explorer(
    request: Request,
    store: StoreDep,
    params: Params,
    sort: SortKey = "-date",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    cursor: Annotated[str | None, Query(max_length=2000)] = None,
) -> HTMLResponse:
    """The event table, newest first: each row with its evidence sentence and the title,
    outlet and link of its document."""
    args = _request_args(request)
    page = queries.event_page(store, params, sort=sort, limit=limit, cursor=cursor)
    queries.attach_documents(store, page.events)
    filters = {k: v for k, v in args.items() if k not in ("cursor", "sort")}
    return render(
        request,
        "events.html",
        page=page,
        documents=document_info(store.con, (e["doc_id"] for e in page.events)),
        actors=queries.actor_options(store),
        params=params,
        args=args,
        filters=filters,
        sort=sort,
        first_page=cursor is not None,
    )


@router.get("/documents", response_class=HTMLResponse)
def document_list(
    request: Request,
    store: StoreDep,
    text: Annotated[str | None, Query(max_length=200)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    documents, total = queries.document_list(store, text=text or None, limit=50, offset=offset)
    return render(
        request, "documents.html", documents=documents, total=total, text=text, offset=offset
    )


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_view(request: Request, store: StoreDep, doc_id: str) -> HTMLResponse:
    detail = queries.document_detail(store, doc_id)
    numbers = {e["id"]: i for i, e in enumerate(detail["events"], start=1)}
    return render(
        request,
        "document.html",
        doc=detail,
        blocks=document_blocks(detail["text"], detail["events"]),
        numbers=numbers,
    )


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


def error_page(request: Request, message: str, status: int) -> HTMLResponse:
    """The dashboard's page for a bad link or parameter (the API answers JSON instead)."""
    response = render(request, "error.html", message=message, status=status)
    response.status_code = status
    return response
