"""The app on a database coded by the real coder (spaCy): our own small corpus in
fixtures/articles.jsonl is ingested, served, and new text is coded through POST."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.coding.coder import Coder
from dyadwatch.settings import load_settings
from dyadwatch.web import create_app

FIXTURES = Path(__file__).parent / "fixtures"
TOKEN = "test-token-0123456789abcdef"  # conftest.TOKEN


@pytest.fixture(scope="module")
def coder() -> Any:
    return Coder.load(load_settings())


@pytest.fixture(scope="module")
def real_client(
    coder: Any, tmp_path_factory: pytest.TempPathFactory, client_for: Any
) -> Iterator[Any]:
    path = tmp_path_factory.mktemp("real") / "real.duckdb"
    with ds.open(path) as store:
        report = pipeline.ingest(
            store, [str(FIXTURES / "articles.jsonl")], coder=coder, settings=load_settings()
        )
        assert report.rejects == []
    with client_for(create_app(path, write_token=TOKEN, coder=coder)) as client:
        yield client


def test_real_events_are_served_with_evidence(real_client) -> None:
    body = real_client.get("/api/events", params={"modality": "all", "limit": 100}).json()
    assert body["total"] > 0
    for event in body["events"]:
        doc = real_client.get("/api/documents/" + quote(event["doc_id"], safe="")).json()
        ev = event["evidence"]
        assert doc["text"][ev["start"] : ev["end"]].strip() == ev["text"].strip()
        for start, end in ev["spans"].values():
            assert ev["start"] <= start < end <= ev["end"]


@pytest.mark.parametrize("path", ["/", "/dyad", "/map", "/events", "/documents/reef-1"])
def test_pages_render_real_data(real_client, path) -> None:
    response = real_client.get(path)
    assert response.status_code == 200
    assert "<main>" in response.text


def test_post_codes_text_with_the_real_coder(real_client) -> None:
    record = {
        "id": "post-1",
        "date": "2024-06-01",
        "text": "Chinese warships attacked a Philippine patrol boat near Scarborough Shoal.",
    }
    response = real_client.post(
        "/api/documents", json=record, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 200, response.text
    [doc] = response.json()["documents"]
    assert doc["status"] == "coded"
    assert any(e["source"]["country"] == "CHN" for e in doc["events"]), doc["events"]
