"""What ``dyadwatch follow`` remembers between cycles and restarts, in the database.

* ``live_urls``: every source and article URL requested: its status (``stored``, ``failed``,
  ``fetched`` for a source), the document it became, the validators for conditional requests.
* ``live_failures``: one row per failed request, with a stable code and the reason.
* ``live_cycles``: one row per cycle; a cycle left ``running`` by a process that died is marked
  ``interrupted`` by the next one.

An article is marked ``stored`` only after the transaction that stored its document committed,
so a process killed in between fetches it again on restart, and the store's idempotence (the
same document again changes nothing) keeps it from being stored twice.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterable
from typing import Any

import duckdb

# Failures that will not change by asking again: not retried in later cycles.
PERMANENT = frozenset(
    {"http_400", "http_401", "http_403", "http_404", "http_410", "robots", "too_large",
     "redirect_loop", "too_many_redirects", "bad_url", "bad_redirect", "no_text"}
)  # fmt: skip
MAX_ATTEMPTS = 3  # a transient failure (timeout, 5xx) is tried in this many cycles at most


class LiveState:
    """Reads and writes the live tables on one connection (the caller's thread only)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def start_cycle(self, sources: int) -> str:
        self._close_dead_cycles()
        cycle_id = f"cycle-{_now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
        self.con.execute(
            "INSERT INTO live_cycles (id, started_at, status, sources, pid) "
            "VALUES (?, ?, 'running', ?, ?)",
            [cycle_id, _now(), sources, os.getpid()],
        )
        return cycle_id

    def finish_cycle(self, cycle_id: str, status: str, counts: dict[str, int]) -> None:
        self.con.execute(
            "UPDATE live_cycles SET finished_at = ?, status = ?, fetched = ?, stored = ?, "
            "failed = ?, events = ?, alerts = ? WHERE id = ?",
            [
                _now(),
                status,
                *(counts.get(k, 0) for k in ("fetched", "stored", "failed", "events", "alerts")),
                cycle_id,
            ],
        )

    def _close_dead_cycles(self) -> None:
        """Cycles left ``running`` by a process that no longer exists were interrupted."""
        for cycle_id, pid in self.con.execute(
            "SELECT id, pid FROM live_cycles WHERE status = 'running'"
        ).fetchall():
            if pid is None or pid == os.getpid() or not _alive(int(pid)):
                self.con.execute(
                    "UPDATE live_cycles SET status = 'interrupted' WHERE id = ?", [cycle_id]
                )

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified stored for ``url`` (for a conditional request)."""
        row = self.con.execute(
            "SELECT etag, last_modified FROM live_urls WHERE url = ?", [url]
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def source_fetched(
        self, url: str, *, etag: str | None, last_modified: str | None, http_status: int
    ) -> None:
        self._upsert(url, "source", None, "fetched", None, http_status, etag, last_modified)

    def article_stored(
        self, url: str, *, source_url: str | None, doc_id: str, etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:  # fmt: skip
        self._upsert(url, "article", source_url, "stored", doc_id, 200, etag, last_modified)

    def not_to_fetch(self, urls: Iterable[str]) -> set[str]:
        """Of ``urls``, the articles already stored, or failed for good (a permanent failure,
        or :data:`MAX_ATTEMPTS` transient ones)."""
        wanted = list(urls)
        if not wanted:
            return set()
        rows = self.con.execute(
            "SELECT url, status, last_code, attempts FROM live_urls "
            "WHERE kind = 'article' AND url IN (SELECT unnest(?))",
            [wanted],
        ).fetchall()
        return {
            url
            for url, status, code, attempts in rows
            if status == "stored" or code in PERMANENT or attempts >= MAX_ATTEMPTS
        }

    def record_failure(
        self, cycle_id: str, url: str, *, kind: str, source_url: str | None, code: str,
        reason: str, http_status: int | None = None,
    ) -> None:  # fmt: skip
        self.con.execute(
            "INSERT INTO live_failures VALUES (?, ?, ?, ?, ?, ?, ?)",
            [cycle_id, url, source_url, code, reason[:2000], http_status, _now()],
        )
        self.con.execute(
            "INSERT INTO live_urls (url, kind, source_url, status, http_status, last_code, "
            "attempts, first_seen) VALUES (?, ?, ?, 'failed', ?, ?, 1, ?) "
            "ON CONFLICT (url) DO UPDATE SET status = CASE WHEN live_urls.status = 'stored' "
            "THEN 'stored' ELSE 'failed' END, http_status = excluded.http_status, "
            "last_code = excluded.last_code, attempts = live_urls.attempts + 1",
            [url, kind, source_url, http_status, code, _now()],
        )

    def _upsert(
        self, url: str, kind: str, source_url: str | None, status: str, doc_id: str | None,
        http_status: int, etag: str | None, last_modified: str | None,
    ) -> None:  # fmt: skip
        now = _now()
        self.con.execute(
            "INSERT INTO live_urls (url, kind, source_url, status, doc_id, etag, last_modified, "
            "http_status, last_code, attempts, first_seen, fetched_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET status = excluded.status, "
            "doc_id = coalesce(excluded.doc_id, live_urls.doc_id), "
            "etag = coalesce(excluded.etag, live_urls.etag), "
            "last_modified = coalesce(excluded.last_modified, live_urls.last_modified), "
            "http_status = excluded.http_status, last_code = NULL, "
            "attempts = live_urls.attempts + 1, fetched_at = excluded.fetched_at",
            [url, kind, source_url, status, doc_id, etag, last_modified, http_status, now, now],
        )


def freshness(con: duckdb.DuckDBPyConnection, *, days: int = 14) -> dict[str, Any]:
    """The last cycle, documents stored per source per day, and the sources failing now."""
    last = con.execute(
        "SELECT id, started_at, finished_at, status, sources, fetched, stored, failed, events, "
        "alerts FROM live_cycles ORDER BY started_at DESC LIMIT 1"
    ).fetchone()
    keys = ("id", "started_at", "finished_at", "status", "sources", "fetched", "stored",
            "failed", "events", "alerts")  # fmt: skip
    per_day = con.execute(
        "SELECT u.source_url, CAST(u.fetched_at AS DATE) AS day, count(*) AS documents "
        "FROM live_urls u WHERE u.kind = 'article' AND u.status = 'stored' "
        "AND u.fetched_at >= now() - to_days(CAST(? AS INTEGER)) "
        "GROUP BY ALL ORDER BY day DESC, u.source_url",
        [days],
    ).fetchall()
    failing = con.execute(
        "SELECT coalesce(f.source_url, f.url) AS source, count(*) AS failures, "
        "arg_max(f.code, f.failed_at) AS last_code, arg_max(f.reason, f.failed_at) AS reason, "
        "max(f.failed_at) AS last_failed FROM live_failures f "
        "WHERE f.cycle_id = (SELECT id FROM live_cycles ORDER BY started_at DESC LIMIT 1) "
        "GROUP BY ALL ORDER BY failures DESC, source"
    ).fetchall()
    return {
        "last_cycle": _iso_row(dict(zip(keys, last, strict=True))) if last else None,
        "documents_per_source_day": [
            {"source": s, "day": d.isoformat(), "documents": int(n)} for s, d, n in per_day
        ],
        "failing_sources": [
            _iso_row(
                {"source": s, "failures": int(n), "last_code": c, "reason": r, "last_failed": t}
            )
            for s, n, c, r, t in failing
        ],
    }


def _iso_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.datetime | dt.date) else v for k, v in row.items()}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
