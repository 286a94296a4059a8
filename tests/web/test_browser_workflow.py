"""The analyst's workflow in a real browser (issue 11): actor names in the pickers, the
evidence column, a webhook alert raised by a POSTed document and shown on the overview, and
the map's zoom, pan, clusters and paged table. The server runs read-write on 127.0.0.1 with
the fake coder; the webhook receiver is a local HTTP server started here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.analytics.delivery import Target
from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.watches import Watch, add_watch, check_watches, parse_rule
from dyadwatch.model import Document, Event, Place
from dyadwatch.settings import load_settings
from dyadwatch.web import create_app

from .conftest import TOKEN, FakeCoder, _doc, serve_in_thread
from .test_browser import CHROMIUM, FLAGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]

# 30 places (more than a page of the places table); Naha and Okinawa City are 17 km apart,
# one mark on the whole map and two once zoomed in; the towns are far away, in a row
PLACES = {
    "Naha": Place("Naha", "JPN", 26.21, 127.68, "city", "test:naha"),
    "Okinawa City": Place("Okinawa City", "JPN", 26.33, 127.80, "city", "test:okinawa"),
    **{
        f"Town{n:02d}": Place(f"Town{n:02d}", "USA", 40.0, -120.0 + 3 * n, "town", f"t:{n}")
        for n in range(28)
    },
}


class PlacedCoder(FakeCoder):
    """The fake coder, with the places above found by name in the sentence."""

    def code(self, doc: Document) -> list[Event]:
        out = []
        for event in super().code(doc):
            hit = next((p for k, p in PLACES.items() if k in event.evidence.text), None)
            out.append(dataclasses.replace(event, location=hit) if hit else event)
        return out


def _documents() -> list[Document]:
    docs = [
        _doc(
            f"town-{name}",
            f"CHNMIL threatened PHL on 2024-03-{1 + i % 28:02d} near {name}.",
            dt.date(2024, 3, 1 + i % 28),
            title=f"Pressure near {name}",
            source="Harbour Post",
            url=f"https://news.example/{i}",
        )
        for i, name in enumerate(PLACES)
    ]
    docs.append(
        _doc(
            "newest",
            "JPNGOV protested against CHN on 2024-04-02 in Naha.",
            dt.date(2024, 4, 2),
            title="Tokyo protests",
            source="Island Times",
            url="https://news.example/newest",
        )
    )
    return docs


class Receiver(BaseHTTPRequestHandler):
    """A webhook receiver: records every POSTed JSON body; fails the first one with 503 to
    prove the sender retries."""

    bodies: ClassVar[list[dict[str, Any]]] = []
    attempts: ClassVar[int] = 0

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length))
        type(self).attempts += 1
        if type(self).attempts == 1:
            self.send_response(503)
            self.end_headers()
            return
        type(self).bodies.append(body)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def receiver() -> Iterator[tuple[str, type[Receiver]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", Receiver
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, receiver: tuple[str, type[Receiver]]
) -> Iterator[str]:
    path: Path = tmp_path_factory.mktemp("workflow") / "workflow.duckdb"
    with ds.open(path) as store:
        settings = load_settings(workers=1)
        pipeline.ingest_documents(  # type: ignore[arg-type]
            store, _documents(), coder=PlacedCoder(), settings=settings, watch=check_watches
        )
        add_watch(
            store,
            Watch(
                "Taiwan blockade",
                EventFilter.from_query({"dyad": "china,taiwan"}),
                parse_rule("first"),
                deliver=(Target("webhook", receiver[0]),),
            ),
        )
    with serve_in_thread(create_app(path, write_token=TOKEN, coder=PlacedCoder())) as url:
        yield url


@pytest.fixture
def tab(server: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        problems: list[str] = []
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.base = server
        page.problems = problems
        yield page
        browser.close()
        assert not problems, problems


def test_dyad_pickers_list_actor_names(tab) -> None:
    tab.goto(tab.base + "/dyad")
    options = tab.locator("select[name=a] option").all_inner_texts()
    assert any(o.startswith("CHN China (") for o in options), options
    assert any(o.startswith("PHL Philippines (") for o in options), options
    tab.select_option("select[name=a]", label=next(o for o in options if o.startswith("JPN ")))
    tab.select_option("select[name=b]", label=next(o for o in options if o.startswith("CHN ")))
    tab.click("#dyad-form button[type=submit]")
    tab.wait_for_load_state()
    assert tab.locator("h1").inner_text().startswith("Dyads: JPN Japan and CHN China")


def test_event_filter_takes_a_name_and_refuses_an_unknown_actor(tab) -> None:
    tab.goto(tab.base + "/events")
    tab.fill("input[name=dyad]", "japan,china")
    tab.click("#event-filters button[type=submit]")
    tab.wait_for_load_state()
    rows = tab.locator("tr.event-row")
    assert rows.count() == 1
    assert "JPNGOV Japan government" in rows.first.inner_text()
    tab.problems.clear()
    response = tab.goto(tab.base + "/events?actor=narnia")
    assert response.status == 400
    assert "unknown actor 'narnia'" in tab.locator("main").inner_text()
    tab.problems.clear()  # the 400 is the point of this step


def test_event_table_shows_evidence_and_document_newest_first(tab) -> None:
    tab.goto(tab.base + "/events")
    first = tab.locator("tr.event-row").first
    cell = first.locator("td.evidence-cell")
    assert cell.locator("blockquote.evidence").inner_text().startswith("JPNGOV protested")
    assert cell.locator("a.doc-title").inner_text() == "Tokyo protests"
    assert cell.locator(".outlet").inner_text() == "Island Times"
    assert cell.locator("a.doc-link").get_attribute("href") == "https://news.example/newest"
    dates = tab.locator("tr.event-row td:first-child").all_inner_texts()
    assert dates == sorted(dates, reverse=True)
    csv_link = tab.locator("#download-excel").get_attribute("href")
    body = httpx.get(tab.base + csv_link).content
    assert body.startswith(b"\xef\xbb\xbf")  # every event, with a BOM for Excel
    assert body.count(b"\n") == 1 + int(tab.locator(".result-count strong").inner_text())


def test_webhook_alert_is_delivered_and_shown(tab, receiver) -> None:
    _, handler = receiver
    reply = httpx.post(
        tab.base + "/api/documents",
        json={"id": "strait", "text": "CHNMIL blocked TWN on 2024-04-03.", "date": "2024-04-03"},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=60,
    )
    assert reply.status_code == 200, reply.text
    event_id = reply.json()["documents"][0]["events"][0]["id"]
    deadline = time.monotonic() + 20
    while not handler.bodies and time.monotonic() < deadline:
        time.sleep(0.1)
    assert handler.attempts == 2  # a 503, then delivered on the retry
    alert = handler.bodies[0]
    assert alert["watch"] == "Taiwan blockade" and alert["kind"] == "first"
    assert alert["event_ids"] == [event_id]
    tab.goto(tab.base + "/")
    shown = tab.locator(f'li.alert[data-alert-id="{alert["id"]}"]')
    assert "Taiwan blockade" in shown.inner_text()
    shown.locator("summary").click()
    assert shown.locator(f"a >> text={event_id}").count() == 1
    # the opened details are rendered a moment after the click: wait for the event line
    shown.get_by_text("CHNMIL China military → TWN Taiwan").wait_for(state="visible")


def test_map_zooms_pans_clusters_and_pages_its_table(tab) -> None:
    tab.goto(tab.base + "/map")
    tab.wait_for_selector("#event-map svg .place")
    cluster = tab.locator('#event-map .place.cluster[aria-label*="Naha"]')
    assert cluster.count() == 1 and cluster.get_attribute("data-places") == "2"
    for _ in range(6):  # each click on a cluster zooms in on it
        if tab.locator('#event-map .place.cluster[aria-label*="Naha"]').count() == 0:
            break
        tab.locator('#event-map .place.cluster[aria-label*="Naha"]').click()
    assert float(tab.locator("#event-map svg").get_attribute("data-zoom")) > 1
    assert tab.locator('#event-map .place[aria-label^="Naha:"]').count() == 1
    assert tab.locator('#event-map .place[aria-label^="Okinawa City:"]').count() == 1
    tab.click("button.map-reset")
    assert tab.locator("#event-map svg").get_attribute("data-zoom") == "1.00"
    tab.click("button.map-zoom-in")  # "+": twice as close, around the centre
    assert tab.locator("#event-map svg").get_attribute("data-zoom") == "2.00"
    land = tab.locator("#event-map svg .land")
    before = land.get_attribute("transform")
    box = tab.locator("#event-map svg").bounding_box()
    tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + 40)
    tab.mouse.down()
    tab.mouse.move(box["x"] + box["width"] / 2 + 120, box["y"] + 100, steps=5)
    tab.mouse.up()
    assert land.get_attribute("transform") != before  # panned
    rows = tab.locator("#places-table tbody tr")
    assert rows.count() == 30
    assert tab.locator("#places-table tbody tr:visible").count() == 25
    tab.click("button.page-next")
    assert tab.locator("#places-table tbody tr:visible").count() == 5
    assert "Page 2 of 2" in tab.locator(".table-pager").inner_text()
