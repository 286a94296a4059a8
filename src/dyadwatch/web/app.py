"""``create_app``: the HTTP API and the dashboard over one dyadwatch database.

The app is read-only unless a write token is configured; then ``POST /api/documents`` accepts
documents from clients that send ``Authorization: Bearer <token>``. Every asset (swagger-ui,
map data, scripts) is served from the package: the pages work with no internet.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from dyadwatch.pipeline import CoderLike
from dyadwatch.settings import Settings, load_settings
from dyadwatch.web import api_events, api_export, api_indicators, api_points, live, pages
from dyadwatch.web.database import Database
from dyadwatch.web.errors import install_error_handlers
from dyadwatch.web.limits import HeavySlots, Limits, WriteGuard
from dyadwatch.web.state import AppState

STATIC_DIR = Path(__file__).parent / "static"
VENDOR = "/static/vendor/swagger-ui"


def create_app(
    db_path: str | Path,
    write_token: str | None = None,
    *,
    coder: CoderLike | None = None,
    settings: Settings | None = None,
    limits: Limits | None = None,
) -> FastAPI:
    """The FastAPI app serving ``db_path``. Without ``write_token`` the database must exist and
    is only read; with one it is created if missing and accepts documents. The app keeps no
    connection open between requests (see :mod:`.database`). ``coder`` replaces the default
    coder for submitted documents (tests, custom coders); ``limits`` the default bounds."""
    token = write_token or None
    limits = limits or Limits()
    database = Database(
        db_path,
        read_wait=limits.read_wait,
        write_wait=limits.write_wait,
        query_timeout=limits.query_timeout,
    )
    database.prepare(writable=token is not None)
    state = AppState(
        database=database,
        write_token=token,
        settings=settings or load_settings(),
        limits=limits,
        heavy=HeavySlots(limits.heavy_slots, limits.heavy_wait),
        coder=coder,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database.stopping = False  # a test client may start the app again after a stop
        yield
        database.shutdown()  # interrupt running queries: stop within the grace period

    app = FastAPI(
        title="dyadwatch",
        summary="Political event data from news: who did what to whom, when and where.",
        version=_version(),
        docs_url=None,  # served below from vendored files, not a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.dyadwatch = state
    app.add_middleware(DropEmptyPageParams)
    app.add_middleware(WriteGuard, token=token, max_body_bytes=limits.max_body_bytes)
    install_error_handlers(app, pages.error_page)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api_events.router)
    app.include_router(api_points.router)
    app.include_router(api_indicators.router)
    app.include_router(api_export.router)
    app.include_router(pages.router)
    app.include_router(live.router)

    @app.get("/docs", include_in_schema=False)
    def swagger_docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="dyadwatch API",
            swagger_js_url=f"{VENDOR}/swagger-ui-bundle.js",
            swagger_css_url=f"{VENDOR}/swagger-ui.css",
            swagger_favicon_url=f"{VENDOR}/favicon-32x32.png",
        )

    return app


class DropEmptyPageParams:
    """Dashboard forms send every field, filled or not (``?quad_class=&since=``): drop the
    empty ones on page requests so they mean "no filter" instead of a type error. API
    requests are left alone (an empty value there is the client's mistake)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/api/"):
            pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), True)
            kept = [(k, v) for k, v in pairs if v.strip()]
            if len(kept) != len(pairs):
                scope = dict(scope, query_string=urlencode(kept).encode("latin-1"))
        await self.app(scope, receive, send)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dyadwatch")
    except PackageNotFoundError:
        return "0"
