"""The dyad view in a real browser: two dyads compared on one chart (CHN->JPN against
CHN->TWN, the seed's question), conflict and cooperation side by side, directed mode, and a
point's number equal to its list of events. Screenshots go to build/screenshots/ (or
$DYADWATCH_SCREENSHOT_DIR; `make screenshots` points it at docs/screenshots/)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.settings import load_settings
from dyadwatch.web import create_app

from .conftest import FakeCoder, _doc, serve_in_thread
from .test_browser import CHROMIUM, FLAGS

# a test run must not rewrite the tracked images in docs/
DOCS = Path(
    os.environ.get("DYADWATCH_SCREENSHOT_DIR")
    or Path(__file__).resolve().parents[2] / "build" / "screenshots"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]


def _documents() -> list[Any]:
    docs = []
    for n in range(6):  # a week of CHN -> JPN pressure, one report a day
        day = dt.date(2024, 6, 3) + dt.timedelta(days=n)
        docs.append(_doc(f"jpn-{n}", f"CHNMIL threatened JPN on {day} near Senkaku.", day))
    for n in range(3):  # CHN -> TWN clashes and a TWN -> CHN protest
        day = dt.date(2024, 6, 4) + dt.timedelta(days=2 * n)
        docs.append(_doc(f"twn-{n}", f"CHNMIL blocked TWN on {day}.", day, source="Post"))
    docs.append(_doc("back", "TWNGOV protested against CHN on 2024-06-05.", dt.date(2024, 6, 5)))
    docs.append(_doc("talks", "CHNGOV met JPNGOV on 2024-06-06 in Tokyo.", dt.date(2024, 6, 6)))
    return docs


@pytest.fixture(scope="module")
def dyad_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("dyads") / "dyads.duckdb"
    with ds.open(path) as store:
        pipeline.ingest_documents(store, _documents(), coder=FakeCoder(),  # type: ignore[arg-type]
                                  settings=load_settings(workers=1))  # fmt: skip
    with serve_in_thread(create_app(path)) as url:
        yield url


@pytest.fixture
def tab(dyad_server: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on(
            "response",
            lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        page.base = dyad_server
        yield page
        browser.close()
        assert not problems, problems


def test_dyad_view_opens_on_two_dyads_compared(tab) -> None:
    tab.goto(tab.base + "/dyad?freq=day")
    tab.wait_for_selector("#compare-chart svg.compare-panel")
    assert tab.locator("h1").inner_text() == (
        "Dyads: CHN China and JPN Japan compared with CHN China and TWN Taiwan"
    )
    panels = tab.locator("#compare-chart svg.compare-panel")
    assert panels.count() == 2  # conflict and cooperation side by side
    conflict = tab.locator('#compare-chart svg[data-panel="conflict"]')
    assert conflict.locator('path.series-line[data-dyad="CHN–JPN"]').count() == 1
    assert conflict.locator('path.series-line[data-dyad="CHN–TWN"]').count() == 1
    DOCS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(DOCS / "dyad-compare.png"), full_page=True)
    point = conflict.locator('.series-point[data-dyad="CHN–TWN"][aria-label*="2024-06-05"]')
    count = int(point.get_attribute("data-count") or "0")
    assert count == 1  # TWN protested against CHN: counted in either direction
    point.click()
    tab.wait_for_selector("#compare-events .event-item")
    assert tab.locator("#compare-events .event-item").count() == count


def test_directed_mode_keeps_one_direction(tab) -> None:
    tab.goto(tab.base + "/dyad?a=CHN&b=TWN&c=CHN&d=JPN&directed=true&freq=day")
    tab.wait_for_selector("#compare-chart svg.compare-panel")
    assert tab.locator("h1").inner_text() == (
        "Dyads: CHN China → TWN Taiwan compared with CHN China → JPN Japan"
    )
    conflict = tab.locator('#compare-chart svg[data-panel="conflict"]')
    point = conflict.locator('.series-point[data-dyad="CHN→TWN"][aria-label*="2024-06-05"]')
    assert int(point.get_attribute("data-count") or "0") == 0  # TWN -> CHN is not counted
    assert conflict.locator('.series-point[data-dyad="CHN→TWN"][data-count="1"]').count() == 3
    tab.screenshot(path=str(DOCS / "dyad-directed.png"), full_page=True)
