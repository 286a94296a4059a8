"""/api/events and /api/events/{id}: filters, stable cursor pagination, bad input -> 4xx."""

from __future__ import annotations

from typing import Any

import pytest

# The controlled corpus (conftest.controlled_documents): asserted events per dyad and code.
ALL_ASSERTED = 24  # 10 baseline, 3 streak, 7 spike, 2 talks, 2 on the split page
NON_ASSERTED = 2  # "may attack" (hypothetical), "did not attack" (negated)


def ids(client: Any, **params: Any) -> list[str]:
    response = client.get("/api/events", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def events(client: Any, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/events", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return list(response.json()["events"])


def test_events_default_to_asserted(client) -> None:
    found = events(client)
    assert len(found) == ALL_ASSERTED
    assert {e["modality"] for e in found} == {"asserted"}


def test_modality_all_adds_the_non_asserted(client) -> None:
    found = events(client, modality="all")
    assert len(found) == ALL_ASSERTED + NON_ASSERTED
    assert {e["modality"] for e in found} == {"asserted", "negated", "hypothetical"}


def test_event_record_follows_the_schema(client) -> None:
    event = events(client, doc_id="base-00")[0]
    assert event["evidence"]["text"] == "CHNMIL threatened JPN on 2024-04-02 near Senkaku."
    assert event["evidence"]["spans"] == {"source": [0, 6], "verb": [7, 17], "target": [18, 21]}
    assert (event["code"], event["root_code"], event["quad_class"]) == ("130", "13", 3)
    assert event["event_date"] == "2024-04-02"
    assert event["location"]["id"] == "dw:senkaku-islands"
    assert event["rule"] == {"verb": "fake.tsv:1 threatened"}
    assert event["cluster_id"].startswith("c-")


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"actor": "USA"}, lambda e: "USA" in (e["source"]["code"][:3], e["target"]["code"][:3])),
        ({"source": "JPN"}, lambda e: e["source"]["code"].startswith("JPN")),
        ({"target": "PHL"}, lambda e: e["target"]["code"].startswith("PHL")),
        ({"code": "19"}, lambda e: e["code"].startswith("19")),
        ({"root": "4"}, lambda e: e["root_code"] == "04"),
        ({"quad_class": 1}, lambda e: e["quad_class"] == 1),
        ({"since": "2024-05-13", "until": "2024-05-13"}, lambda e: e["event_date"] == "2024-05-13"),
        ({"place": "dw:senkaku-islands"}, lambda e: e["location"]["name"] == "Senkaku Islands"),
        ({"place": "manila"}, lambda e: e["location"]["name"] == "Manila"),
        ({"text": "PROTESTED against"}, lambda e: "protested against" in e["evidence"]["text"]),
    ],
)
def test_filters_select_matching_events(client, params, check) -> None:
    found = events(client, **params)
    assert found, params
    assert all(check(e) for e in found)
    assert len(found) < ALL_ASSERTED


def test_dyad_matches_both_directions_unless_directed(client) -> None:
    both = events(client, dyad="CHN,JPN")
    directed = events(client, dyad="JPN,CHN", directed=True)
    assert {e["source"]["country"] for e in both} == {"CHN", "JPN"}
    assert {e["source"]["country"] for e in directed} == {"JPN"}
    assert set(e["id"] for e in directed) < set(e["id"] for e in both)


def test_repeated_and_comma_separated_values_or_together(client) -> None:
    assert sorted(ids(client, actor=["USA", "PHL"])) == sorted(ids(client, actor="USA,PHL"))
    assert set(ids(client, actor="USA")) < set(ids(client, actor=["USA", "PHL"]))


@pytest.mark.parametrize("sort", ["date", "-date", "goldstein", "-goldstein", "code", "target"])
def test_cursor_pages_walk_every_event_once_in_order(client, sort) -> None:
    whole = ids(client, sort=sort, modality="all")
    walked: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"sort": sort, "modality": "all", "limit": 4}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/api/events", params=params).json()
        assert page["total"] == ALL_ASSERTED + NON_ASSERTED
        walked.extend(e["id"] for e in page["events"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert walked == whole
    assert len(set(walked)) == len(walked)


def test_sort_orders_by_the_column(client) -> None:
    scores = [e["goldstein"] for e in events(client, sort="-goldstein")]
    assert scores == sorted(scores, reverse=True)
    dates = [e["event_date"] for e in events(client, sort="date")]
    assert dates == sorted(dates)


def test_a_cursor_only_continues_its_own_query(client) -> None:
    cursor = client.get("/api/events", params={"limit": 2}).json()["next_cursor"]
    response = client.get("/api/events", params={"limit": 2, "cursor": cursor, "actor": "CHN"})
    assert response.status_code == 400
    assert "another query" in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"cursor": "not-a-cursor"}, 400, "cursor"),
        ({"cursor": "eyJ4IjoxfQ"}, 400, "cursor"),  # valid base64 JSON, not ours
        ({"limit": 100000}, 422, "limit"),
        ({"limit": 0}, 422, "limit"),
        ({"since": "2024-13-01"}, 422, "since"),
        ({"until": "yesterday"}, 422, "until"),
        ({"since": "2024-05-02", "until": "2024-05-01"}, 400, "after"),
        ({"quad_class": 5}, 422, "quad"),
        ({"quad_class": "conflict"}, 422, "quad_class"),
        ({"modality": "maybe"}, 422, "modality"),
        ({"actor": "chn!"}, 400, "actor"),
        ({"dyad": "CHN"}, 400, "dyad"),
        ({"code": "1x"}, 400, "CAMEO"),
        ({"sort": "evidence"}, 422, "sort"),
        ({"text": "x" * 201}, 422, "text"),
    ],
)
def test_bad_parameters_get_a_4xx_with_a_message(client, params, status, words) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == status, response.text
    assert words.lower() in response.text.lower()


def test_event_by_id_has_evidence_and_document(client) -> None:
    first = events(client, doc_id="spike")[0]
    response = client.get(f"/api/events/{first['id']}")
    assert response.status_code == 200
    body = response.json()
    assert body["evidence"] == first["evidence"]
    assert body["document"]["id"] == "spike"
    assert body["document"]["title"] == "A day of clashes"


def test_unknown_event_is_404(client) -> None:
    response = client.get("/api/events/e-nope")
    assert response.status_code == 404
    assert response.json() == {"detail": "no event 'e-nope'", "code": "not_found"}
