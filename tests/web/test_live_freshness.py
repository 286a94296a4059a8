"""Freshness of followed sources: ``/api/live/freshness`` and the ``/live`` page, over a database
whose live state was written by :class:`dyadwatch.live.state.LiveState` (two cycles, documents
from two sources, failures in the last cycle); the page in headless Chromium too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dyadwatch.store as ds
from dyadwatch.live.state import LiveState
from dyadwatch.web import create_app

from .conftest import serve_in_thread

CHROMIUM = Path("/usr/bin/chromium")
FEED_A = "https://harbour.example/feed.xml"
FEED_B = "https://island.example/sitemap.xml"


@pytest.fixture(scope="module")
def followed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("live-web") / "followed.duckdb"
    with ds.open(path) as store:
        state = LiveState(store.con)
        first = state.start_cycle(2)
        for n in range(3):
            state.article_stored(f"https://harbour.example/a{n}", source_url=FEED_A, doc_id=f"a{n}")
        state.finish_cycle(first, "ok", {"fetched": 3, "stored": 3})
        last = state.start_cycle(2)
        state.article_stored("https://island.example/b0", source_url=FEED_B, doc_id="b0")
        for code in ("http_404", "timeout"):
            url = f"https://harbour.example/{code}"
            state.record_failure(
                last, url, kind="article", source_url=FEED_A, code=code, reason=f"because {code}"
            )
        state.finish_cycle(last, "ok", {"fetched": 2, "stored": 1, "failed": 2})
    return path


@pytest.fixture(scope="module")
def followed(followed_db: Path, client_for: Any) -> Iterator[Any]:
    with client_for(create_app(followed_db)) as test_client:
        yield test_client


def test_live_freshness_api_reports_the_last_cycle(followed: Any) -> None:
    body = followed.get("/api/live/freshness").json()
    last = body["last_cycle"]
    assert (last["status"], last["stored"], last["failed"]) == ("ok", 1, 2)
    assert 0 <= last["age_minutes"] < 5


def test_live_freshness_api_counts_documents_per_source_per_day(followed: Any) -> None:
    rows = followed.get("/api/live/freshness").json()["documents_per_source_day"]
    assert {r["source"]: r["documents"] for r in rows} == {FEED_A: 3, FEED_B: 1}


def test_live_freshness_api_lists_failing_sources_of_the_last_cycle(followed: Any) -> None:
    [failing] = followed.get("/api/live/freshness").json()["failing_sources"]
    assert (failing["source"], failing["failures"]) == (FEED_A, 2)
    assert failing["last_code"] in ("http_404", "timeout")


def test_live_freshness_api_bounds_days(followed: Any) -> None:
    assert followed.get("/api/live/freshness?days=0").status_code == 422


def test_live_page_without_cycles_says_how_to_start(tmp_path: Path, client_for: Any) -> None:
    with ds.open(tmp_path / "empty.duckdb"):
        pass
    with client_for(create_app(tmp_path / "empty.duckdb")) as empty:
        page = empty.get("/live")
        api = empty.get("/api/live/freshness").json()
    assert page.status_code == 200 and "No cycle yet" in page.text
    assert api == {"last_cycle": None, "documents_per_source_day": [], "failing_sources": []}


@pytest.fixture(scope="module")
def served(followed_db: Path) -> Iterator[str]:
    with serve_in_thread(create_app(followed_db)) as url:
        yield url


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium")
def test_live_page_in_the_browser_shows_freshness(served: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    errors: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            tab = browser.new_page()
            tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            tab.on("response", lambda r: errors.append(r.url) if r.status >= 400 else None)
            tab.goto(f"{served}/")
            tab.get_by_role("link", name="Live").click()
            tab.wait_for_url(f"{served}/live")
            assert "ok" in tab.locator("#last-cycle-status").inner_text()
            table = tab.locator("#per-source-day").inner_text()
            assert FEED_A in table and FEED_B in table
            assert "because" in tab.locator("#failing-sources").inner_text()
        finally:
            browser.close()
    assert errors == []


def test_events_page_shows_each_event_s_outlet(client: Any) -> None:
    """The explorer's event details name the outlet of the report (the controlled documents
    all come from "Wire")."""
    page = client.get("/events")
    assert page.status_code == 200
    assert '<span class="outlet">Wire</span>' in page.text
