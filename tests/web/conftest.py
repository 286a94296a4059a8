"""Web fixtures: databases to serve (a controlled one and one coded by the real coder), the
app, a TestClient, and a live server on a free port for the browser tests.

The controlled database is coded by :class:`FakeCoder`, which reads a tiny language so tests
know exactly what is stored: ``CHNMIL threatened JPN on 2024-05-13 near Senkaku.`` is one event
(CHNMIL -> JPN, CAMEO 130, dated 2024-05-13, at the Senkaku Islands); "did not" makes it
negated, "may" hypothetical; without a date the publication date is used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # starlette wants httpx2 for its TestClient and warns (an error here) when it finds only
    # httpx; the client works the same with either
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.watches import Watch, add_watch, check_watches, parse_rule
from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.model import Actor, Document, Event, EventDate, Evidence, Modality, Place, Plover
from dyadwatch.settings import load_settings
from dyadwatch.web import create_app

FIXTURES = Path(__file__).parent / "fixtures"
TOKEN = "test-token-0123456789abcdef"

_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_CLAUSE = re.compile(
    r"\b(?P<src>[A-Z]{3,6}) (?P<neg>did not )?(?P<may>may )?"
    r"(?P<verb>attacked|attack|met|meet|threatened|protested against|accused|blocked|aided) "
    r"(?P<tgt>[A-Z]{3,6})\b"
)
_VERBS = {
    "attacked": "190",
    "attack": "190",
    "met": "040",
    "meet": "040",
    "threatened": "130",
    "protested against": "141",
    "accused": "112",
    "blocked": "191",
    "aided": "070",
}
_DATE = re.compile(r"\bon (\d{4}-\d{2}-\d{2})\b")
PLACES = {
    "Senkaku": Place("Senkaku Islands", None, 25.75, 123.5, "island_group", "dw:senkaku-islands"),
    "Tokyo": Place("Tokyo", "JPN", 35.68, 139.69, "city", "geonames:1850147"),
    "Manila": Place("Manila", "PHL", 14.6, 120.98, "city", "geonames:1701668"),
}


class FakeCoder:
    """Deterministic coder over the controlled language above."""

    version = "web-fake-1"

    def code(self, doc: Document) -> list[Event]:
        codebook = default_codebook()
        events: list[Event] = []
        for index, match in enumerate(_SENTENCE.finditer(doc.text)):
            clause = _CLAUSE.search(match.group(0))
            if clause is None:
                continue
            code = _VERBS[clause["verb"]]
            entry = codebook.get(code)
            modality: Modality = "asserted"
            if clause["neg"]:
                modality = "negated"
            elif clause["may"]:
                modality = "hypothetical"
            found = _DATE.search(match.group(0))
            date = (
                EventDate(found.group(1), "day", "text")
                if found
                else EventDate.publication(doc.date)
            )
            base = match.start()
            lead = len(match.group(0)) - len(match.group(0).lstrip())
            key = f"{doc.id}|{index}|{code}|{clause['src']}|{clause['tgt']}"
            events.append(
                Event(
                    id="e-" + hashlib.sha1(key.encode()).hexdigest()[:16],
                    doc_id=doc.id,
                    sentence_index=index,
                    evidence=Evidence(
                        match.group(0).strip(),
                        base + lead,
                        match.end(),
                        {
                            role: (base + clause.start(group), base + clause.end(group))
                            for role, group in (
                                ("source", "src"),
                                ("verb", "verb"),
                                ("target", "tgt"),
                            )
                        },
                    ),
                    source=_actor(clause["src"]),
                    target=_actor(clause["tgt"]),
                    code=code,
                    root_code=entry.root_code,
                    quad_class=entry.quad_class,
                    goldstein=entry.goldstein,
                    plover=Plover(*codebook.plover(code)),
                    modality=modality,
                    date=date,
                    location=next((p for k, p in PLACES.items() if k in match.group(0)), None),
                    rule={"verb": f"fake.tsv:1 {clause['verb']}"},
                    confidence=round(0.1 + 0.2 * (index % 5), 1),  # varied, for min_confidence
                )
            )
        return events


def _actor(code: str) -> Actor:
    return Actor(code=code, name=code.title(), country=code[:3], sector=code[3:] or None)


def _doc(doc_id: str, text: str, day: dt.date, **fields: object) -> Document:
    fields.setdefault("source", "Wire")
    return Document(id=doc_id, text=text, date=day, origin=f"test:{doc_id}", **fields)  # type: ignore[arg-type]


def controlled_documents() -> list[Document]:
    """A month of CHN-JPN friction ending in a four-day streak with a spike on 2024-05-13,
    US-Japan meetings, non-asserted events, a duplicate and a page split into parts."""
    docs: list[Document] = []
    for n in range(10):  # every other day in April: a quiet baseline, no streak
        day = dt.date(2024, 4, 2) + dt.timedelta(days=2 * n)
        docs.append(_doc(f"base-{n:02d}", f"CHNMIL threatened JPN on {day} near Senkaku.", day))
    for n in range(3):  # 2024-05-10..12, alternating codes so no two days form one cluster
        day = dt.date(2024, 5, 10) + dt.timedelta(days=n)
        verb = ("blocked", "threatened")[n % 2]
        docs.append(_doc(f"streak-{n}", f"CHNCOG {verb} JPN on {day} near Senkaku.", day))
    spike_day = dt.date(2024, 5, 13)
    docs.append(
        _doc(
            "spike",
            f"CHNMIL attacked JPN on {spike_day} near Senkaku. JPNGOV accused CHNGOV on "
            f"{spike_day}. JPNGOV protested against CHN on {spike_day} in Tokyo. CHNMIL "
            f"threatened JPNCOG on {spike_day}. CHNMIL blocked JPN on {spike_day}. JPNCOG "
            f"accused CHNCOG on {spike_day}. CHNGOV threatened JPNGOV on {spike_day}.",
            spike_day,
            title="A day of clashes",
        )
    )
    docs.append(
        _doc(
            "talks",
            "USAGOV met JPNGOV on 2024-05-02 in Tokyo. USAGOV aided PHLGOV on 2024-05-03 in "
            "Manila. Officials said talks would go on.",
            dt.date(2024, 5, 3),
        )
    )
    docs.append(
        _doc(
            "maybe",
            "CHNMIL may attack JPN soon, analysts warned. CHNMIL did not attack PHL on "
            "2024-05-12. Will the navy act?",
            dt.date(2024, 5, 12),
            title="Speculation",
        )
    )
    docs.append(_doc("talks-copy", docs[-2].text, dt.date(2024, 5, 3), source="Other wire"))
    page = dt.date(2024, 5, 14)
    docs.append(
        _doc(
            "page#main",
            "PHLGOV accused CHNCOG on 2024-05-14 near Manila.",
            page,
            parent_id="page",
            title="Main story",
        )
    )
    docs.append(
        _doc(
            "page#teaser-1",
            "USAGOV met PHLGOV on 2024-05-14 in Manila. The",
            page,
            parent_id="page",
            truncated=True,
        )
    )
    return docs


def _build(path: Path, docs: list[Document], coder: object) -> Path:
    with ds.open(path) as store:
        watch = Watch("CHN-JPN streak", EventFilter(dyad=("CHN", "JPN")), parse_rule("streak:3"))
        add_watch(store, watch)
        pipeline.ingest_documents(  # type: ignore[arg-type]
            store, docs, coder=coder, settings=load_settings(workers=1), watch=check_watches
        )
    return path


@pytest.fixture(scope="session")
def controlled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "controlled.duckdb"
    return _build(path, controlled_documents(), FakeCoder())


@pytest.fixture(scope="session")
def app(controlled_db: Path) -> Iterator[FastAPI]:
    application = create_app(controlled_db)
    yield application
    application.state.dyadwatch.database.shutdown()


@pytest.fixture(scope="session")
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


@pytest.fixture(scope="session")
def client_for() -> type[TestClient]:
    """The TestClient class (imported here, where its deprecation warning is silenced)."""
    return TestClient


@pytest.fixture
def writable_client(tmp_path: Path) -> Iterator[TestClient]:
    """A fresh database served read-write with the fake coder and TOKEN."""
    application = create_app(tmp_path / "w.duckdb", write_token=TOKEN, coder=FakeCoder())
    with TestClient(application) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve_in_thread(application: FastAPI) -> Iterator[str]:
    """Serve ``application`` with uvicorn in a background thread on a free local port; yields
    its base URL, then stops the server and the app's database."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(application, host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        application.state.dyadwatch.database.shutdown()


@pytest.fixture(scope="session")
def live_server(controlled_db: Path) -> Iterator[str]:
    """The app served by uvicorn in a background thread; yields its base URL."""
    with serve_in_thread(create_app(controlled_db)) as url:
        yield url
