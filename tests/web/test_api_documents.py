"""/api/documents: reading a document with its events and relations; POST to code new ones."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

TOKEN = "test-token-0123456789abcdef"  # conftest.TOKEN
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def get_doc(client: Any, doc_id: str) -> dict[str, Any]:
    response = client.get("/api/documents/" + quote(doc_id, safe=""))
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_document_has_text_and_every_coded_event(client) -> None:
    doc = get_doc(client, "maybe")
    assert doc["text"].startswith("CHNMIL may attack JPN soon")
    assert [e["modality"] for e in doc["events"]] == ["hypothetical", "negated"]
    for event in doc["events"]:
        start, end = event["evidence"]["spans"]["verb"]
        assert doc["text"][start:end] in ("attack",)


def test_events_come_in_text_order(client) -> None:
    starts = [e["evidence"]["start"] for e in get_doc(client, "spike")["events"]]
    assert starts == sorted(starts)
    assert len(starts) == 7


def test_page_parts_are_related(client) -> None:
    main = get_doc(client, "page#main")
    assert [(r["id"], r["relation"]) for r in main["related"]] == [("page#teaser-1", "teaser")]
    teaser = get_doc(client, "page#teaser-1")
    assert teaser["truncated"] is True
    assert [(r["id"], r["relation"]) for r in teaser["related"]] == [("page#main", "part")]


def test_duplicates_link_both_ways(client) -> None:
    original = get_doc(client, "talks")
    copy = get_doc(client, "talks-copy")
    assert original["duplicates"] == ["talks-copy"]
    assert ("talks-copy", "duplicate") in [(r["id"], r["relation"]) for r in original["related"]]
    assert copy["duplicate_of"] == "talks"
    assert copy["events"] == []  # a duplicate is linked, not coded


def test_unknown_document_is_404(client) -> None:
    response = client.get("/api/documents/no-such-doc")
    assert response.status_code == 404
    assert "no-such-doc" in response.json()["detail"]


def test_document_list(client) -> None:
    body = client.get("/api/documents", params={"limit": 5}).json()
    assert body["total"] == 19  # 10 baseline, 3 streak, spike, talks (+copy), maybe, 2 parts
    assert len(body["documents"]) == 5
    found = client.get("/api/documents", params={"text": "day of"}).json()
    assert [d["id"] for d in found["documents"]] == []  # the title is not the text
    found = client.get("/api/documents", params={"text": "analysts warned"}).json()
    assert [d["id"] for d in found["documents"]] == ["maybe"]


# -- POST --------------------------------------------------------------------------------------

RECORD = {"id": "new-1", "text": "USAGOV met JPNGOV on 2024-06-01 in Tokyo.", "date": "2024-06-02"}


def test_post_codes_and_stores_a_document(writable_client) -> None:
    response = writable_client.post("/api/documents", json=RECORD, headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["rejects"] == []
    [doc] = body["documents"]
    assert (doc["id"], doc["status"]) == ("new-1", "coded")
    assert [(e["source"]["code"], e["code"], e["event_date"]) for e in doc["events"]] == [
        ("USAGOV", "040", "2024-06-01")
    ]
    stored = writable_client.get("/api/events", params={"doc_id": "new-1"}).json()
    assert [e["id"] for e in stored["events"]] == [doc["events"][0]["id"]]


def test_post_again_changes_nothing(writable_client) -> None:
    first = writable_client.post("/api/documents", json=[RECORD], headers=AUTH).json()
    again = writable_client.post("/api/documents", json=[RECORD], headers=AUTH).json()
    assert again["counts"]["unchanged"] == 1
    assert again["documents"] == first["documents"]


def test_post_rejects_bad_records_and_keeps_the_good_ones(writable_client) -> None:
    records = [
        RECORD,
        {"id": "blank", "text": "   "},
        {"id": "bad-date", "text": "USAGOV met PHLGOV.", "date": "June"},
        {"id": "new-1", "text": "USAGOV met PHLGOV."},
    ]
    body = writable_client.post("/api/documents", json=records, headers=AUTH).json()
    assert [d["id"] for d in body["documents"]] == ["new-1"]
    assert [r["code"] for r in body["rejects"]] == ["empty", "bad_date", "duplicate_id"]
    assert [r["origin"] for r in body["rejects"]] == ["api:2", "api:3", "api:4"]


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong-token"}, 403), ({"Authorization": TOKEN}, 401)],
)
def test_post_needs_the_token(writable_client, headers, status) -> None:
    response = writable_client.post("/api/documents", json=RECORD, headers=headers)
    assert response.status_code == status
    assert response.json()["code"] == "unauthorized"
    assert writable_client.get("/api/documents").json()["total"] == 0


def test_read_only_server_refuses_posts(client) -> None:
    response = client.post("/api/documents", json=RECORD, headers=AUTH)
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b'{"id": "x"}',
        b'{"id": "x", "text": 5}',
        b'{"id": true, "text": "USAGOV met JPNGOV."}',
        b'{"id": "x", "text": ""}',
        b"[]",
        b'"just a string"',
        ("[" + ",".join(['{"id": "a", "text": "t"}'] * 101) + "]").encode(),
    ],
)
def test_malformed_bodies_are_422(writable_client, body) -> None:
    response = writable_client.post(
        "/api/documents", content=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert response.json()["detail"]
