"""What the app holds between requests (how to reach the database, the limits, the write token,
the coder) and the FastAPI dependencies that hand it to routes.

The app holds no open database: every request opens it read-only for its own duration
(:class:`~dyadwatch.web.database.Database`), so ``dyadwatch ingest`` and notebooks can use the
same file while the server runs. Writes (``POST /api/documents``) are serialised by a lock and
open the file for writing one short batch at a time.
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
from dyadwatch.web.database import Database
from dyadwatch.web.errors import AuthError
from dyadwatch.web.limits import HeavySlots, Limits


@dataclass
class AppState:
    database: Database
    write_token: str | None
    settings: Settings
    limits: Limits
    heavy: HeavySlots
    coder: CoderLike | None = None  # None: the default coder, loaded on the first write
    write_lock: threading.Lock = field(default_factory=threading.Lock)


def app_state(request: Request) -> AppState:
    state = request.app.state.dyadwatch
    assert isinstance(state, AppState)
    return state


def request_store(state: Annotated[AppState, Depends(app_state)]) -> Iterator[Store]:
    """The database opened read-only for this request, closed when it ends."""
    with state.database.reading() as store:
        yield store


def heavy_request_store(state: Annotated[AppState, Depends(app_state)]) -> Iterator[Store]:
    """As :func:`request_store`, for a heavy route: it first waits for one of the few slots."""
    with state.heavy.taken(), state.database.reading() as store:
        yield store


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


def app_limits(state: Annotated[AppState, Depends(app_state)]) -> Limits:
    return state.limits


StoreDep = Annotated[Store, Depends(request_store)]
LimitsDep = Annotated[Limits, Depends(app_limits)]
HeavyStoreDep = Annotated[Store, Depends(heavy_request_store)]
StateDep = Annotated[AppState, Depends(app_state)]
