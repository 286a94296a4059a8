"""What one request may cost the server, and the guard in front of writes.

Every response is bounded: list routes by ``limit`` (at most 500 rows), series by
``max_periods`` periods and ``max_points`` points, every request's queries by
``query_timeout``, and the heavy routes (series, streaks, spikes, a chart point's events,
exports) by ``heavy_slots`` running at once, so a burst of them cannot take the memory of the
machine while light requests go on being answered.

:class:`WriteGuard` sits in front of the app: a write (``POST``/``PUT``/``PATCH``/``DELETE``
under ``/api/``) is refused before its body is read when the token is missing or wrong (401,
403) or when it announces more than ``max_body_bytes`` (413); a body that turns out larger
while it arrives is cut off with a 413 too.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyadwatch.errors import DatabaseBusy

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_PERIODS = 10_000  # periods of one series (a daily series: about 27 years)
MAX_POINTS = 100_000  # periods x groups of one series


@dataclass(frozen=True, slots=True)
class Limits:
    """The server's bounds (docs/web.md, "Limits")."""

    max_body_bytes: int = 20 * 1024 * 1024
    max_periods: int = MAX_PERIODS
    max_points: int = MAX_POINTS
    query_timeout: float = 30.0  # seconds a request's queries may run
    heavy_slots: int = 4  # heavy requests computed at once
    heavy_wait: float = 10.0  # seconds a heavy request waits for a slot before a 503
    read_wait: float = 3.0  # seconds a request waits for another process's lock
    write_wait: float = 10.0
    write_batch_documents: int = 10  # documents coded then committed together by a POST
    write_batch_chars: int = 1_000_000
    shutdown_grace: int = 5  # seconds in-flight requests get on SIGTERM


DEFAULT_LIMITS = Limits()


@dataclass
class HeavySlots:
    """At most ``slots`` heavy requests at once; the others wait ``wait`` seconds, then 503."""

    slots: int
    wait: float
    _semaphore: threading.BoundedSemaphore = field(init=False)

    def __post_init__(self) -> None:
        self._semaphore = threading.BoundedSemaphore(self.slots)

    @contextmanager
    def taken(self) -> Iterator[None]:
        if not self._semaphore.acquire(timeout=self.wait):
            raise DatabaseBusy("the server is busy with other heavy requests: try again", 5)
        try:
            yield
        finally:
            self._semaphore.release()


def _error(status: int, detail: str, code: str, headers: dict[str, str] | None = None) -> Message:
    return {
        "status": status,
        "body": json.dumps({"detail": detail, "code": code}).encode(),
        "headers": [(b"content-type", b"application/json"), *_encoded(headers or {})],
    }


def _encoded(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]


class BodyTooLarge(HTTPException):
    """Raised while the body arrives; an HTTPException so that FastAPI's body reading lets it
    through (it turns other errors there into a 400)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, _too_large_message(limit))


def _too_large_message(limit: int) -> str:
    return (
        f"the request body is larger than {limit:,} bytes: send fewer or smaller documents "
        "per request"
    )


class WriteGuard:
    """ASGI middleware: the token and the size of a write are checked before its body is
    read (see the module docstring). ``token`` None: the server is read-only (403)."""

    def __init__(self, app: ASGIApp, token: str | None, max_body_bytes: int) -> None:
        self.app = app
        self.token = token
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in WRITE_METHODS
            or not scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(dict(scope["headers"]))
        if refusal is not None:
            await _reply(send, refusal)
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            if not started:
                await _reply(send, self._too_large())

    def _refusal(self, headers: dict[bytes, bytes]) -> Message | None:
        bearer = {"WWW-Authenticate": "Bearer"}
        if self.token is None:
            message = (
                "this server is read-only: start it with --write-token (or "
                "DYADWATCH_WRITE_TOKEN) to accept documents"
            )
            return _error(403, message, "unauthorized", bearer)
        scheme, _, given = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            message = "send the write token as 'Authorization: Bearer <token>'"
            return _error(401, message, "unauthorized", bearer)
        if not secrets.compare_digest(given.strip().encode("latin-1"), self.token.encode()):
            return _error(403, "wrong write token", "unauthorized", bearer)
        length = headers.get(b"content-length", b"").decode("latin-1").strip()
        if length.isdigit() and int(length) > self.max_body_bytes:
            return self._too_large()
        return None

    def _too_large(self) -> Message:
        return _error(413, _too_large_message(self.max_body_bytes), "too_large")


async def _reply(send: Send, message: Message) -> None:
    await send(
        {"type": "http.response.start", "status": message["status"], "headers": message["headers"]}
    )
    await send({"type": "http.response.body", "body": message["body"]})
