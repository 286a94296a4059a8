"""What the app holds between requests (the open database, the write token, the coder) and the
FastAPI dependencies that hand it to routes.

DuckDB connections are not shared between threads: every request gets its own cursor on the
one open database (``Connection.cursor()``), wrapped in a :class:`~dyadwatch.store.Store`, and
closes it afterwards. Writes (``POST /api/documents``) are serialised by a lock.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Header, Request

from dyadwatch.pipeline import CoderLike
from dyadwatch.settings import Settings
from dyadwatch.store import Store
from dyadwatch.web.errors import AuthError


@dataclass
class AppState:
    store: Store  # the database opened by create_app; requests use cursors on it
    write_token: str | None
    settings: Settings
    coder: CoderLike | None = None  # None: the default coder, loaded on the first write
    write_lock: threading.Lock = field(default_factory=threading.Lock)


def app_state(request: Request) -> AppState:
    state = request.app.state.dyadwatch
    assert isinstance(state, AppState)
    return state


def request_store(state: Annotated[AppState, Depends(app_state)]) -> Iterator[Store]:
    """A Store on a fresh cursor of the app's database, closed when the request ends."""
    cursor = state.store.con.cursor()
    try:
        yield Store(cursor, state.store.path, state.store.read_only)
    finally:
        cursor.close()


def require_write_token(
    state: Annotated[AppState, Depends(app_state)],
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> None:
    """401 without a bearer token, 403 with a wrong one or on a read-only server."""
    if state.write_token is None:
        raise AuthError(
            "this server is read-only: start it with --write-token (or DYADWATCH_WRITE_TOKEN) "
            "to accept documents",
            403,
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise AuthError("send the write token as 'Authorization: Bearer <token>'", 401)
    if not secrets.compare_digest(given.strip().encode(), state.write_token.encode()):
        raise AuthError("wrong write token", 403)


StoreDep = Annotated[Store, Depends(request_store)]
StateDep = Annotated[AppState, Depends(app_state)]
