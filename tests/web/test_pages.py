"""Dashboard pages render server-side (no JavaScript needed for their tables and texts)."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (
            "/",
            [
                "Events over time: statements, cooperation and conflict",
                "CHN China – JPN Japan",
                "4 days",
                "CHN-JPN streak",
            ],
        ),
        ("/dyad?a=CHN&b=JPN", ["Timeline: CHN with JPN", "2024-05-10"]),
        ("/map", ["Senkaku Islands", "Manila", "countries-110m.json"]),
        ("/events?quad_class=4", ["Q4 Material conflict", "events match"]),
        ("/documents", ["page#teaser-1", "A day of clashes"]),
        ("/documents/spike", ["7 coded events", "role-verb"]),
    ],
)
def test_page_renders(client, path, words) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for word in words:
        assert word in response.text, word


def test_pages_reference_only_local_assets(client) -> None:
    for path in ("/", "/dyad", "/map", "/events", "/documents/spike", "/docs"):
        html = client.get(path).text
        for url in re.findall(r'(?:src|href)="([^"#]+)"', html):
            assert url.startswith("/") or url.startswith("?"), (path, url)


def test_vendored_assets_are_served_with_their_licences(client) -> None:
    for path in (
        "/static/vendor/swagger-ui/swagger-ui-bundle.js",
        "/static/vendor/swagger-ui/LICENSE",
        "/static/vendor/topojson-client/topojson-client.min.js",
        "/static/vendor/topojson-client/LICENSE",
        "/static/vendor/world-atlas/countries-110m.json",
        "/static/vendor/world-atlas/LICENSE",
        "/static/js/charts.js",
        "/static/css/dyadwatch.css",
    ):
        assert client.get(path).status_code == 200, path


def test_document_page_labels_non_asserted_events(client) -> None:
    html = client.get("/documents/maybe").text
    assert re.search(r'class="ev-tag modality-hypothetical"[^>]*>E1 hypothetical<', html)
    assert re.search(r'class="ev-tag modality-negated"[^>]*>E2 negated<', html)
    assert html.count("ev-block non-asserted") == 2


def test_document_page_escapes_text(writable_client) -> None:
    record = {"id": "x<y", "text": "USAGOV met JPNGOV <script>alert(1)</script> on 2024-06-01."}
    auth = {"Authorization": "Bearer test-token-0123456789abcdef"}
    assert writable_client.post("/api/documents", json=record, headers=auth).status_code == 200
    html = writable_client.get("/documents/x%3Cy").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("path", "status"),
    [("/documents/nope", 404), ("/events?since=2024-99-01", 422), ("/events?actor=c%21", 400)],
)
def test_page_errors_are_html(client, path, status) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in response.text


def test_empty_form_fields_mean_no_filter(client) -> None:
    full = client.get("/events?quad_class=&since=&until=&actor=&text=")
    assert full.status_code == 200
    assert "<strong>24</strong> events match" in full.text


def test_openapi_and_docs(client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/series", "/api/export"):
        assert path in spec["paths"]
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
