"""Delivering alerts: to a webhook (HTTP POST of JSON, retried with backoff) or a file stream.

A watch lists where its alerts go (:class:`Target`, saved with the watch). When an ingest
raises new alerts, :func:`deliver_alerts` sends each to its watch's targets: a webhook gets
one POST per alert with the JSON body of :func:`alert_payload`, retried on connection errors,
timeouts, 429 and 5xx responses (attempts and backoff bounded, so a dead receiver delays an
ingest by seconds, not minutes); a file gets one JSON line per alert, appended and flushed
(``-`` is standard output). A failed delivery is reported on stderr and never fails the ingest:
the alert is stored either way, and ``dyadwatch alerts`` lists it.

:func:`send_later` hands the sending to one background thread, in order, so an ingest (and the
web server's write lock) never waits on a slow receiver; :func:`drain` waits until everything
handed over is sent (the CLI's ``ingest`` does, before it exits).
"""

from __future__ import annotations

import datetime as dt
import json
import queue
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from dyadwatch.errors import ConfigError

TargetKind = Literal["webhook", "file"]
ATTEMPTS = 4
BACKOFF = 0.5  # seconds before the second attempt; doubles after each failure
TIMEOUT = 5.0  # seconds per request
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class Target:
    """Where a watch's alerts go: ``webhook`` (an http(s) URL) or ``file`` (a path, or ``-``)."""

    kind: TargetKind
    address: str

    def __post_init__(self) -> None:
        if self.kind == "webhook":
            if not self.address.startswith(("http://", "https://")):
                raise ConfigError(f"a webhook is an http:// or https:// URL, not {self.address!r}")
        elif self.kind == "file":
            if not self.address.strip():
                raise ConfigError("an alert file needs a path (or - for standard output)")
        else:
            raise ConfigError(f"unknown alert target {self.kind!r}: use webhook or file")

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "address": self.address}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Target:
        return cls(data["kind"], str(data["address"]))

    def describe(self) -> str:
        return f"{self.kind} {self.address}"


class AlertLike(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def watch_id(self) -> str: ...

    def to_dict(self) -> dict[str, Any]: ...


def alert_payload(alert: Mapping[str, Any], watch_name: str | None) -> dict[str, Any]:
    """The JSON an alert is delivered as: the alert, its watch's name and its event ids (follow
    one with ``dyadwatch event ID`` or ``GET /api/events/ID``)."""
    out: dict[str, Any] = {"type": "dyadwatch.alert", "watch": watch_name}
    for key, value in alert.items():
        out[key] = value.isoformat() if isinstance(value, dt.date | dt.datetime) else value
    out["event_ids"] = [str(i) for i in alert.get("event_ids") or []]
    out["event_links"] = [f"/api/events/{i}" for i in out["event_ids"]]
    return out


def post_json(
    url: str,
    payload: Mapping[str, Any],
    *,
    attempts: int = ATTEMPTS,
    backoff: float = BACKOFF,
    timeout: float = TIMEOUT,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[bool, str]:
    """POST ``payload`` as JSON, retrying transient failures; (delivered, last outcome)."""
    body = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
    outcome = "not tried"
    for attempt in range(1, attempts + 1):
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "User-Agent": "dyadwatch-alerts"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return True, f"HTTP {response.status}"
        except urllib.error.HTTPError as exc:
            outcome = f"HTTP {exc.code}"
            if exc.code not in _RETRY_STATUS:
                return False, outcome  # the receiver refused it: retrying will not help
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            outcome = str(getattr(exc, "reason", exc))
        if attempt < attempts:
            sleep(backoff * 2 ** (attempt - 1))
    return False, outcome


def append_line(address: str, payload: Mapping[str, Any]) -> None:
    """One JSON line, appended and flushed (``-``: standard output)."""
    line = json.dumps(payload, ensure_ascii=False, default=str) + "\n"
    if address == "-":
        sys.stdout.write(line)
        sys.stdout.flush()
        return
    path = Path(address).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(line)


def deliver_alerts(
    alerts: Iterable[AlertLike],
    targets: Mapping[str, tuple[Target, ...]],
    names: Mapping[str, str],
    *,
    post: Callable[[str, Mapping[str, Any]], tuple[bool, str]] | None = None,
) -> list[str]:
    """Send each alert to its watch's targets; returns the failures (also printed on stderr)."""
    post = post or post_json
    failures: list[str] = []
    for alert in alerts:
        wanted = targets.get(alert.watch_id, ())
        if not wanted:
            continue
        payload = alert_payload(alert.to_dict(), names.get(alert.watch_id))
        for target in wanted:
            try:
                if target.kind == "webhook":
                    ok, outcome = post(target.address, payload)
                    if not ok:
                        raise OSError(outcome)
                else:
                    append_line(target.address, payload)
            except OSError as exc:
                failures.append(f"alert {alert.id} not delivered to {target.describe()}: {exc}")
    for failure in failures:
        print(f"warning: {failure}", file=sys.stderr)
    return failures


_outbox: queue.Queue[Callable[[], object]] = queue.Queue()
_worker: threading.Thread | None = None
_worker_lock = threading.Lock()


def _work() -> None:
    while True:
        job = _outbox.get()
        try:
            job()
        except Exception as exc:  # a bug in one delivery must not stop the others
            print(f"warning: alert delivery failed: {exc}", file=sys.stderr)
        finally:
            _outbox.task_done()


def send_later(
    alerts: Iterable[AlertLike],
    targets: Mapping[str, tuple[Target, ...]],
    names: Mapping[str, str],
) -> None:
    """:func:`deliver_alerts` on the delivery thread (started on first use; a daemon, so a
    process that exits without :func:`drain` drops what is still queued)."""
    global _worker
    wanted = [a for a in alerts if targets.get(a.watch_id)]
    if not wanted:
        return
    with _worker_lock:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_work, name="dyadwatch-alerts", daemon=True)
            _worker.start()
    _outbox.put(lambda: deliver_alerts(wanted, dict(targets), dict(names)))


def drain() -> None:
    """Wait until every alert handed to :func:`send_later` is delivered (or given up on)."""
    _outbox.join()
