"""The one place where dyadwatch errors become HTTP statuses (the CLI has its own in cli/common).

Every error body is JSON ``{"detail": message, "code": stable code}``; FastAPI's own request
validation keeps its 422 shape (``detail`` is a list of ``{loc, msg, type}``), without the
input it rejected (a 10 MB body must not come back as a 20 MB reply) and at most
``MAX_PROBLEMS`` entries. A busy database (503) says when to retry (``Retry-After``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyadwatch.errors import (
    ConfigError,
    DatabaseBusy,
    DictionaryError,
    DyadwatchError,
    EvaluationError,
    InputError,
    StoreError,
)


class NotFoundError(DyadwatchError):
    """An id the API was asked for is not in the database."""

    code = "not_found"


class BadParameterError(DyadwatchError):
    """A query parameter that passed type checks but makes no sense (a cursor of another
    query, since after until ...)."""

    code = "bad_parameter"

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


class AuthError(DyadwatchError):
    code = "unauthorized"

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


STATUS_BY_ERROR: dict[type[DyadwatchError], int] = {
    NotFoundError: 404,
    BadParameterError: 400,
    ConfigError: 400,  # a bad filter value caught by the store or the analytics
    InputError: 422,
    StoreError: 503,  # the database cannot be read or written right now
    DictionaryError: 500,
    EvaluationError: 500,
}


def status_for(error: DyadwatchError) -> int:
    if isinstance(error, AuthError):
        return error.status
    for kind in type(error).__mro__:
        if kind in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[kind]
    return 500


def error_body(error: DyadwatchError) -> dict[str, Any]:
    return {"detail": error.message, "code": error.code}


HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
}
MAX_PROBLEMS = 20
MAX_MESSAGE = 300


def validation_problems(exc: RequestValidationError) -> list[dict[str, Any]]:
    """The first problems of a rejected request: where and what, never the value sent."""
    problems = []
    for error in exc.errors()[:MAX_PROBLEMS]:
        loc = [p if isinstance(p, int) else str(p)[:100] for p in error.get("loc", ())][:10]
        problems.append(
            {
                "loc": loc,
                "msg": str(error.get("msg", ""))[:MAX_MESSAGE],
                "type": str(error.get("type", ""))[:100],
            }
        )
    return problems


def _headers(exc: DyadwatchError) -> dict[str, str] | None:
    if isinstance(exc, AuthError):
        return {"WWW-Authenticate": "Bearer"}
    if isinstance(exc, DatabaseBusy):
        return {"Retry-After": str(exc.retry_after)}
    if isinstance(exc, StoreError):
        return {"Retry-After": "5"}
    return None


HtmlPage = Callable[[Request, str, int], HTMLResponse]


def install_error_handlers(app: FastAPI, html_page: HtmlPage | None = None) -> None:
    """JSON errors for the API; dashboard pages get ``html_page(request, message, status)``."""

    async def handle(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, DyadwatchError)
        status = status_for(exc)
        if html_page is not None and not request.url.path.startswith("/api/"):
            return html_page(request, exc.message, status)
        return JSONResponse(error_body(exc), status_code=status, headers=_headers(exc))

    async def handle_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if html_page is not None and not request.url.path.startswith("/api/"):
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}"
                for e in validation_problems(exc)
            )
            return html_page(request, f"bad parameter: {problems}", 422)
        return JSONResponse({"detail": validation_problems(exc)}, status_code=422)

    async def handle_http(request: Request, exc: Exception) -> Response:
        """Starlette's own errors (a body that is not JSON, a body too large, an unknown
        route) in the same ``{detail, code}`` shape as ours."""
        assert isinstance(exc, StarletteHTTPException)
        code = HTTP_CODES.get(exc.status_code, "http_error")
        if html_page is not None and not request.url.path.startswith("/api/"):
            return html_page(request, str(exc.detail), exc.status_code)
        body = {"detail": str(exc.detail), "code": code}
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)

    app.add_exception_handler(DyadwatchError, handle)
    app.add_exception_handler(StarletteHTTPException, handle_http)
    app.add_exception_handler(RequestValidationError, handle_validation)
