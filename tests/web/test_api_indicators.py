"""/api/series, /streaks, /spikes, /clusters, /alerts and the lookups, on the controlled corpus
(a CHN-JPN streak 2024-05-10..13 with a spike on the 13th, see conftest)."""

from __future__ import annotations

import datetime as dt

import pytest


def test_series_by_quad_is_zero_filled_per_day(client) -> None:
    body = client.get("/api/series", params={"by": "quad", "freq": "day"}).json()
    assert body["freq"] == "day"
    assert set(body["groups"]) == {"1", "2", "3", "4"}
    # covered: from 60 days before the first report (what it could report as news) to the last
    first = dt.date(2024, 4, 2) - dt.timedelta(days=60)
    days = (dt.date(2024, 5, 14) - first).days + 1
    for group in body["groups"]:
        points = [p for p in body["points"] if p["group"] == group]
        assert len(points) == days
        assert points[0]["period"] == first.isoformat()
        assert [p["period"] for p in points] == sorted(p["period"] for p in points)
    quiet = next(p for p in body["points"] if p["group"] == "3" and p["period"] == "2024-04-03")
    assert (quiet["count"], quiet["goldstein_mean"]) == (0, None)


def test_series_counts_events_or_clusters(client) -> None:
    params = {"dyad": "CHN,JPN", "since": "2024-05-13", "until": "2024-05-13", "freq": "day"}
    events = client.get("/api/series", params={**params, "unit": "events"}).json()
    clusters = client.get("/api/series", params={**params, "unit": "clusters"}).json()
    assert [p["count"] for p in events["points"]] == [7]
    # seven different sentences: seven events (attacked and blocked are two acts)
    assert [p["count"] for p in clusters["points"]] == [7]
    assert clusters["unit_label"].startswith("events") and events["unit_label"].startswith(
        "reports"
    )


def test_series_auto_freq_follows_the_span(client) -> None:
    assert client.get("/api/series").json()["freq"] == "day"
    wide = client.get("/api/series", params={"since": "2020-01-01", "until": "2024-12-31"})
    assert wide.json()["freq"] == "month"


def test_streaks_of_a_dyad(client) -> None:
    body = client.get("/api/streaks", params={"dyad": "CHN,JPN"}).json()
    assert [(s["start"], s["end"], s["length"], s["current"]) for s in body["streaks"]] == [
        ("2024-05-10", "2024-05-13", 4, False)
    ]


def test_streak_is_current_when_it_reaches_the_end_of_the_data(client) -> None:
    body = client.get("/api/streaks", params={"dyad": "CHN,JPN", "until": "2024-05-13"}).json()
    assert body["streaks"][0]["current"] is True


def test_spikes_of_a_dyad(client) -> None:
    # the seven clashes of 2024-05-13 come from one article: one report, not a burst
    assert client.get("/api/spikes", params={"dyad": "CHN,JPN"}).json()["spikes"] == []
    params = {"dyad": "CHN,JPN", "one_report": True}
    body = client.get("/api/spikes", params=params).json()
    assert [(s["start"], s["count"]) for s in body["spikes"]] == [("2024-05-13", 7)]
    spike = body["spikes"][0]
    assert spike["score"] == pytest.approx((7 - spike["baseline_mean"]) / spike["baseline_std"])
    assert len(spike["event_ids"]) == spike["count"]  # the count is its list of events


def test_clusters_with_mentions_in_a_duplicate(client) -> None:
    body = client.get("/api/clusters", params={"min_mentions": 2, "actor": "USA"}).json()
    assert body["clusters"]
    assert all(c["n_mentions"] >= 2 for c in body["clusters"])
    assert {c["n_sources"] for c in body["clusters"]} == {2}  # Wire and Other wire


def test_alerts_come_with_their_watch(client) -> None:
    alerts = client.get("/api/alerts").json()["alerts"]
    assert [a["watch_name"] for a in alerts] == ["CHN-JPN streak"]
    assert alerts[0]["kind"] == "streak"
    assert (alerts[0]["period_start"], alerts[0]["period_end"]) == ("2024-05-10", "2024-05-13")
    assert len(alerts[0]["event_ids"]) > 4


def test_places_counts_located_events(client) -> None:
    places = client.get("/api/places").json()["places"]
    by_name = {p["name"]: p for p in places}
    assert set(by_name) == {"Senkaku Islands", "Tokyo", "Manila"}
    assert by_name["Senkaku Islands"]["conflict_share"] == 1.0
    assert places[0]["name"] == "Senkaku Islands"  # busiest first


def test_top_dyads_and_actors(client) -> None:
    dyads = client.get("/api/dyads").json()["dyads"]
    assert (dyads[0]["a"], dyads[0]["b"]) == ("CHN", "JPN")
    actors = [a["code"] for a in client.get("/api/actors").json()["actors"]]
    assert actors[:2] == ["CHN", "JPN"]
    assert set(actors) == {"CHN", "JPN", "USA", "PHL"}


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/series", {"freq": "hour"}, 422),
        ("/api/series", {"by": "colour"}, 422),
        ("/api/series", {"unit": "tweets"}, 422),
        ("/api/streaks", {"min_length": 0}, 422),
        ("/api/spikes", {"window": 1}, 422),
        ("/api/spikes", {"threshold": -1}, 422),
        ("/api/clusters", {"limit": 10**6}, 422),
        ("/api/alerts", {"limit": "many"}, 422),
        ("/api/places", {"quad_class": 9}, 422),
        ("/api/dyads", {"since": "2024-02-30"}, 422),
    ],
)
def test_bad_indicator_parameters_are_4xx(client, path, params, status) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert response.json()["detail"]
