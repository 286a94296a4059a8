"""The one place where dyadwatch errors become HTTP statuses (the CLI has its own in cli/common).

Every error body is JSON ``{"detail": message, "code": stable code}``; FastAPI's own request
validation keeps its 422 shape (``detail`` is a list of ``{loc, msg, type}``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response

from dyadwatch.errors import (
    ConfigError,
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


HtmlPage = Callable[[Request, str, int], HTMLResponse]


def install_error_handlers(app: FastAPI, html_page: HtmlPage | None = None) -> None:
    """JSON errors for the API; dashboard pages get ``html_page(request, message, status)``."""

    async def handle(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, DyadwatchError)
        status = status_for(exc)
        if html_page is not None and not request.url.path.startswith("/api/"):
            return html_page(request, exc.message, status)
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, AuthError) else None
        return JSONResponse(error_body(exc), status_code=status, headers=headers)

    async def handle_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if html_page is not None and not request.url.path.startswith("/api/"):
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
                for e in exc.errors()
            )
            return html_page(request, f"bad parameter: {problems}", 422)
        return await request_validation_exception_handler(request, exc)

    app.add_exception_handler(DyadwatchError, handle)
    app.add_exception_handler(RequestValidationError, handle_validation)
