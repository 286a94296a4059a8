"""The dashboard in a real browser: headless Debian Chromium driven by Playwright, against the
app served by uvicorn on 127.0.0.1. Every page must load with no console error, no failed
request and no response >= 400. Screenshots of each page go to build/screenshots/ (or
$DYADWATCH_SCREENSHOT_DIR); `make screenshots` refreshes the ones docs/web.md shows.

Skipped when /usr/bin/chromium is missing (CI installs it: see docs/web.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(
    os.environ.get("DYADWATCH_SCREENSHOT_DIR")
    or Path(__file__).resolve().parents[2] / "build" / "screenshots"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


class Problems(list[str]):
    """Everything that went wrong in the page: console errors, page errors, failed requests,
    HTTP errors, and any request that left 127.0.0.1 (no CDN)."""


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = context.new_page()
    problems = Problems()
    tab.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    # ERR_ABORTED is the browser cancelling a load because the page navigated on (a favicon
    # still in flight when a link is clicked); a missing file shows as an HTTP error instead.
    tab.on(
        "requestfailed",
        lambda r: (
            None
            if "ERR_ABORTED" in str(r.failure)
            else problems.append(f"failed: {r.url} {r.failure}")
        ),
    )
    tab.on(
        "response",
        lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
    )
    tab.on(
        "request",
        lambda r: None if r.url.startswith(live_server) else problems.append(f"external: {r.url}"),
    )
    tab.problems = problems
    tab.base = live_server
    yield tab
    context.close()
    assert not problems, problems


def shoot(page: Any, name: str, *, full: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full)


def test_overview_chart_point_lists_its_events(page) -> None:
    page.goto(page.base + "/")
    page.wait_for_selector("#quad-chart svg .series-point")
    assert page.locator("text=Top dyads").count() == 1
    assert page.locator("table.data >> text=CHN China – JPN Japan").count() == 1
    assert "4 days" in page.locator("#streaks + ul").inner_text()
    shoot(page, "overview")
    point = page.locator('#quad-chart .series-point[aria-label*="material conflict, 2024-05-13"]')
    point.click()
    page.wait_for_selector("#quad-events .event-item")
    items = page.locator("#quad-events .event-item")
    assert items.count() >= 1
    text = page.locator("#quad-events").inner_text()
    assert "2024-05-13" in text
    assert "CHNMIL China military → JPN Japan" in text  # names, not bare codes
    assert page.locator("#quad-events mark.role-verb").count() >= 1


def test_dyad_view_bar_click_and_actor_pick(page) -> None:
    page.goto(page.base + "/dyad?a=CHN&b=JPN")
    page.wait_for_selector("#dyad-chart svg .bar")
    # the clashes of 2024-05-13 are one article's: one report, not a spike
    assert page.locator("#dyad-chart .spike-mark").count() == 0
    assert page.locator("#dyad-chart .streak-band").count() >= 1
    shoot(page, "dyad")
    page.locator('#dyad-chart .bar[aria-label^="2024-05-13"]').click()
    page.wait_for_selector("#dyad-events .event-item")
    assert (
        "events (reports of one event counted once) in this selection"
        in page.locator("#dyad-events").inner_text()
    )
    assert page.locator("#dyad-events .event-item").count() == 7
    page.select_option("select[name=a]", "PHL")
    page.select_option("select[name=b]", "USA")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("#dyad-chart svg .bar")
    assert (
        page.locator("h1").inner_text().startswith("Dyads: PHL Philippines and USA United States")
    )


def test_map_draws_places_and_opens_their_events(page) -> None:
    page.goto(page.base + "/map")
    page.wait_for_selector("#event-map svg .land path")
    assert page.locator("#event-map svg .land path").count() > 100
    assert page.locator("#event-map svg .place").count() == 3
    shoot(page, "map")
    page.locator('#event-map .place[aria-label^="Manila"]').click()
    page.wait_for_selector("#place-events .event-item")
    assert "Manila" in page.locator("#place-events").inner_text()


def test_explorer_filters_sorts_and_opens_evidence(page) -> None:
    page.goto(page.base + "/events")
    page.fill("input[name=dyad]", "CHN,JPN")
    page.select_option("select[name=quad_class]", "4")
    page.click("#event-filters button[type=submit]")
    page.wait_for_load_state()
    assert "quad_class=4" in page.url and "text=" not in page.url
    count = int(re.search(r"(\d+) events match", page.locator(".result-count").inner_text())[1])
    assert count == page.locator("tr.event-row").count() > 0
    page.click("a.sort >> text=Goldstein")
    page.wait_for_load_state()
    assert "sort=goldstein" in page.url
    first = page.locator("tr.event-row").first
    for role in ("source", "verb", "target"):  # the evidence is in the row itself
        assert first.locator(f"td.evidence-cell mark.role-{role}").count() == 1
    first.locator("button.toggle").click()
    details = page.locator("tr.evidence-row").first
    assert details.is_visible()
    assert "fake.tsv:1" in details.inner_text()  # the rule that fired
    shoot(page, "events")


def test_explorer_pages_with_the_cursor(page) -> None:
    page.goto(page.base + "/events?limit=10&modality=all")
    seen = page.locator("tr.event-row").count()
    page.click("a[rel=next]")
    page.wait_for_load_state()
    seen += page.locator("tr.event-row").count()
    page.click("a[rel=next]")
    page.wait_for_load_state()
    seen += page.locator("tr.event-row").count()
    assert seen == 26
    assert page.locator("a[rel=next]").count() == 0


def test_document_marks_every_event_including_non_asserted(page) -> None:
    page.goto(page.base + "/events?modality=hypothetical")
    page.locator("tr.event-row").first.locator("button.toggle").click()
    page.locator("tr.evidence-row a >> text=maybe").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Speculation"
    tags = page.locator(".doc-text a.ev-tag")
    assert tags.all_inner_texts() == ["E1 hypothetical", "E2 negated"]
    assert page.locator(".ev-block.non-asserted").count() == 2
    border = page.locator(".ev-block.non-asserted").first.evaluate(
        "e => getComputedStyle(e).borderBottomStyle"
    )
    assert border == "dashed"
    shoot(page, "document", full=True)


def test_document_links_teasers_and_duplicates(page) -> None:
    page.goto(page.base + "/documents/page%23main")
    page.click("nav.related a >> text=page#teaser-1")
    page.wait_for_load_state()
    assert "teaser (text cut off)" in page.locator(".meta").inner_text()
    page.goto(page.base + "/documents/talks-copy")
    page.click(".notice a")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "talks"


def test_api_docs_load_from_local_assets(page) -> None:
    page.goto(page.base + "/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1
    shoot(page, "api-docs")
