"""Bounded responses and guarded writes (issue 11, findings 2, 3, 4 and 9): a huge series, a
forged cursor, an oversized or unauthenticated POST each get a prompt 4xx, slow queries time
out, and coding a POST does not hold the database."""

from __future__ import annotations

import base64
import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import dyadwatch.store as ds
from dyadwatch.web import create_app
from dyadwatch.web.database import Database, QueryTimeout
from dyadwatch.web.limits import Limits, WriteGuard

from .conftest import TOKEN, FakeCoder

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_huge_range_daily_series_is_refused_promptly(client) -> None:
    started = time.monotonic()
    response = client.get("/api/series?freq=day&since=0001-01-01&until=9999-12-31")
    assert response.status_code == 400
    assert "periods" in response.json()["detail"]
    assert time.monotonic() - started < 5
    assert client.get("/api/events?limit=1").status_code == 200  # others still served


@pytest.mark.parametrize("route", ["/api/streaks", "/api/spikes"])
def test_huge_range_indicators_are_refused(client, route: str) -> None:
    response = client.get(f"{route}?freq=day&since=0001-01-01&until=9999-12-31")
    assert response.status_code == 400


def test_auto_freq_over_a_huge_range_stays_bounded(client) -> None:
    response = client.get("/api/series?since=0001-01-01&until=9999-12-31")
    assert response.status_code == 200
    assert response.json()["freq"] == "year"


def _cursor(payload: dict[str, Any]) -> str:
    raw = json.dumps(payload).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _fingerprint(client, sort: str) -> str:
    first = client.get(f"/api/events?limit=1&sort={sort}").json()["next_cursor"]
    data = json.loads(base64.urlsafe_b64decode(first + "=" * (-len(first) % 4)))
    return str(data["f"])


@pytest.mark.parametrize(
    ("sort", "value"),
    [
        ("goldstein", "not a number"),
        ("goldstein", True),
        ("goldstein", 1e308),
        ("date", "2024-13-45"),
        ("date", 20240513),
        ("code", ["a list"]),
        ("source", {"an": "object"}),
        ("-date", 5.5),
    ],
)
def test_forged_cursor_with_our_fingerprint_is_400(client, sort: str, value: Any) -> None:
    forged = _cursor({"s": sort, "f": _fingerprint(client, sort), "v": value, "i": "x"})
    response = client.get(f"/api/events?limit=1&sort={sort}&cursor={forged}")
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "bad_parameter"


@pytest.mark.parametrize("cursor", ["!!!", "e30", _cursor({"s": "date", "f": "x", "i": 3})])
def test_garbage_cursor_is_400(client, cursor: str) -> None:
    assert client.get(f"/api/events?cursor={cursor}").status_code == 400


def test_validation_errors_do_not_echo_the_input(writable_client) -> None:
    huge = "x" * 2_000_000
    response = writable_client.post(
        "/api/documents", json={"id": 1, "text": 5, "note": huge}, headers=AUTH
    )
    assert response.status_code == 422
    assert len(response.content) < 5_000
    many = [{"id": n, "text": n} for n in range(100)]
    reply = writable_client.post("/api/documents", json=many, headers=AUTH)
    assert reply.status_code == 422
    assert len(reply.json()["detail"]) <= 20


def test_validation_errors_do_not_echo_a_long_query_value(client) -> None:
    response = client.get("/api/events", params={"limit": "9" * 5000})
    assert response.status_code == 422
    assert "9999999999" not in response.text


def test_oversized_post_is_413(tmp_path: Path, client_for) -> None:
    limits = Limits(max_body_bytes=10_000)
    app = create_app(tmp_path / "w.duckdb", TOKEN, coder=FakeCoder(), limits=limits)
    with client_for(app) as client:
        body = {"id": "big", "text": "CHN met JPN. " * 2000}
        response = client.post("/api/documents", json=body, headers=AUTH)
        assert response.status_code == 413
        assert response.json()["code"] == "too_large"
        small = client.post(
            "/api/documents", json={"id": "s", "text": "CHN met JPN."}, headers=AUTH
        )
        assert small.status_code == 200


async def _run_guard(guard: WriteGuard, headers: list[tuple[bytes, bytes]], body: bytes) -> Any:
    """Drive the guard like a server would; returns (status, whether the body was read)."""
    read = False
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        read = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def app(scope: Any, rcv: Any, snd: Any) -> None:
        await rcv()
        await snd({"type": "http.response.start", "status": 200, "headers": []})
        await snd({"type": "http.response.body", "body": b"{}"})

    scope = {"type": "http", "method": "POST", "path": "/api/documents", "headers": headers}
    await WriteGuard(app, guard.token, guard.max_body_bytes)(scope, receive, send)
    return sent[0]["status"], read


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ([], 401),
        ([(b"authorization", b"Bearer wrong-token-0000000000")], 403),
        ([(b"authorization", f"Bearer {TOKEN}".encode()), (b"content-length", b"999999")], 413),
    ],
)
def test_token_and_size_are_checked_before_the_body_is_read(headers, status) -> None:
    import anyio

    guard = WriteGuard(lambda *a: None, TOKEN, 1000)  # type: ignore[arg-type]
    got, read = anyio.run(_run_guard, guard, headers, b"x" * 999_999)
    assert (got, read) == (status, False)


def test_a_body_without_length_is_cut_off_at_the_limit() -> None:
    import anyio

    guard = WriteGuard(lambda *a: None, TOKEN, 1000)  # type: ignore[arg-type]
    headers = [(b"authorization", f"Bearer {TOKEN}".encode())]  # chunked: no Content-Length
    assert anyio.run(_run_guard, guard, headers, b"x" * 2000) == (413, True)
    assert anyio.run(_run_guard, guard, headers, b"x" * 999) == (200, True)


def test_unauthenticated_huge_post_is_refused_unread(writable_client) -> None:
    started = time.monotonic()
    response = writable_client.post("/api/documents", content=b"[" + b"1," * 5_000_000 + b"1]")
    assert response.status_code == 401
    assert time.monotonic() - started < 10


def test_slow_query_times_out(controlled_db: Path) -> None:
    database = Database(controlled_db, query_timeout=0.5)
    started = time.monotonic()
    with pytest.raises(QueryTimeout), database.reading() as store:
        store.con.execute("SELECT count(*) FROM range(10000000000) a").fetchall()
    assert time.monotonic() - started < 10


def test_query_timeout_is_a_503(controlled_db: Path, client_for, monkeypatch) -> None:
    from dyadwatch.web import queries

    def slow(store: ds.Store, *args: Any, **kwargs: Any) -> Any:
        return store.con.execute("SELECT count(*) FROM range(10000000000) a").fetchall()

    monkeypatch.setattr(queries, "document_list", slow)
    app = create_app(controlled_db, limits=Limits(query_timeout=0.5))
    with client_for(app) as client:
        response = client.get("/api/documents")
        assert response.status_code == 503
        assert response.json()["code"] == "timeout"
        assert "retry-after" in response.headers
        assert client.get("/api/events?limit=1").status_code == 200


class GatedCoder(FakeCoder):
    """Blocks in ``code`` until released, so a test can act while a POST is being coded."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()

    def code(self, doc: Any) -> Any:
        self.entered.set()
        assert self.release.wait(30)
        return super().code(doc)


def test_post_codes_without_holding_the_database(tmp_path: Path, client_for) -> None:
    coder = GatedCoder()
    db = tmp_path / "w.duckdb"
    app = create_app(db, TOKEN, coder=coder)
    results: list[Any] = []
    with client_for(app) as client:
        body = {"id": "d", "text": "CHNMIL threatened JPN on 2024-05-13."}
        poster = threading.Thread(
            target=lambda: results.append(client.post("/api/documents", json=body, headers=AUTH))
        )
        poster.start()
        assert coder.entered.wait(30)
        # while the document is being coded: reads are served and the file is free
        assert client.get("/api/events").status_code == 200
        with ds.open(db, wait=0) as other:
            assert other.con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
        coder.release.set()
        poster.join(30)
    assert results[0].status_code == 200, results[0].text
    assert results[0].json()["counts"]["events"] == 1


def test_post_commits_in_bounded_batches(tmp_path: Path, client_for) -> None:
    limits = Limits(write_batch_documents=10)
    app = create_app(tmp_path / "w.duckdb", TOKEN, coder=FakeCoder(), limits=limits)
    docs = [{"id": f"d{n}", "text": f"CHNMIL met JPN on 2024-05-{n + 1:02d}."} for n in range(25)]
    with client_for(app) as client:
        response = client.post("/api/documents", json=docs, headers=AUTH)
        assert response.status_code == 200, response.text
        result = response.json()
        assert len(result["run_ids"]) == 3
        assert result["run_id"] == result["run_ids"][-1]
        assert result["counts"]["new"] == 25 and len(result["documents"]) == 25
        again = client.post("/api/documents", json=docs, headers=AUTH).json()
        assert again["counts"]["unchanged"] == 25 and again["counts"]["events"] == 0


def test_heavy_requests_wait_for_a_slot_then_503(controlled_db: Path, client_for) -> None:
    app = create_app(controlled_db, limits=Limits(heavy_slots=1, heavy_wait=0.2))
    state = app.state.dyadwatch
    with client_for(app) as client, state.heavy.taken():  # the one slot is busy
        response = client.get("/api/series")
        assert response.status_code == 503
        assert response.headers["retry-after"].isdigit()
        assert client.get("/api/events?limit=1").status_code == 200  # light ones go on


@pytest.mark.parametrize("value", ["0", "0.0", "1715558400", "2024-5-1"])
def test_dates_are_iso_only_as_the_schema_says(client, value: str) -> None:
    assert client.get("/api/events", params={"since": value}).status_code == 422
    assert client.get("/api/series/events", params={"period": value}).status_code == 422


def test_a_burst_of_series_requests_leaves_light_requests_served(
    controlled_db: Path, client_for
) -> None:
    """40 daily series at once: each gets an answer (200, or 503 when no slot frees in time)
    and a light request made meanwhile is answered promptly."""
    from concurrent.futures import ThreadPoolExecutor

    app = create_app(controlled_db, limits=Limits(heavy_slots=2, heavy_wait=5))
    with client_for(app) as client, ThreadPoolExecutor(max_workers=40) as pool:
        url = "/api/series?freq=day&since=2000-01-01&until=2024-12-31&by=dyad"
        burst = [pool.submit(client.get, url) for _ in range(40)]
        started = time.monotonic()
        assert client.get("/api/events?limit=1").status_code == 200
        light = time.monotonic() - started
        statuses = {future.result(timeout=120).status_code for future in burst}
    assert statuses <= {200, 503} and 200 in statuses
    assert light < 10


def test_an_in_memory_database_cannot_be_served() -> None:
    from dyadwatch.errors import ConfigError

    with pytest.raises(ConfigError, match="file"):
        create_app(":memory:", TOKEN)
