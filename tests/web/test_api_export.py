"""/api/export streams every export format with the same filters as /api/events."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pyarrow.parquet as pq
import pytest


def test_csv_has_one_row_per_asserted_event(client) -> None:
    response = client.get("/api/export", params={"format": "csv", "dyad": "CHN,JPN"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = client.get("/api/events", params={"dyad": "CHN,JPN", "limit": 500}).json()
    assert sorted(r["id"] for r in rows) == sorted(e["id"] for e in expected["events"])


def test_plover_lines_are_json(client) -> None:
    response = client.get("/api/export", params={"format": "plover", "actor": "USA"})
    assert response.status_code == 200
    records = [json.loads(line) for line in response.text.splitlines()]
    assert len(records) == 3  # two in the talks (not again for its copy), one in the teaser


def test_gdelt_has_61_columns_and_one_row_per_cluster(client) -> None:
    response = client.get("/api/export", params={"format": "gdelt", "doc_id": "spike"})
    lines = response.text.splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert len(lines) == 7  # 7 sentences, 7 real events


def test_parquet_comes_as_a_zip_of_partitions(client, tmp_path) -> None:
    response = client.get("/api/export", params={"format": "parquet"})
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        assert any("year=2024/root_code=19/" in n for n in names)
        archive.extractall(tmp_path)
    files = list((tmp_path / "events").rglob("*.parquet"))
    assert sum(pq.read_metadata(f).num_rows for f in files) == 24


@pytest.mark.parametrize(
    ("params", "status"),
    [({}, 422), ({"format": "xlsx"}, 400), ({"format": "csv", "quad_class": 7}, 422)],
)
def test_bad_export_requests(client, params, status) -> None:
    assert client.get("/api/export", params=params).status_code == status


def test_a_registered_exporter_is_served_without_touching_the_web(client) -> None:
    """A new format is one exporter plus its registration: /api/export dispatches through
    the exporters registry like `dyadwatch export --format`."""
    from dyadwatch import registry

    @registry.exporters.register("tests.export.ids.v1")
    def export_ids(store, query, output, *, stdout, overwrite) -> int:  # type: ignore[no-untyped-def]
        ids = [e.id for e in store_events(store, query)]
        stdout.write("\n".join(ids) + "\n")
        return len(ids)

    def store_events(store, query):  # type: ignore[no-untyped-def]
        where = query.where("e")
        rows = store.con.execute(f"SELECT e.id FROM events e{where.sql()}", where.params)
        return [type("Row", (), {"id": r[0]}) for r in rows.fetchall()]

    try:
        response = client.get("/api/export", params={"format": "tests.export.ids.v1"})
        events = client.get("/api/events", params={"limit": 500}).json()
        assert response.status_code == 200
        assert sorted(response.text.split()) == sorted(e["id"] for e in events["events"])
        assert len(response.text.split()) == events["total"] > 0
    finally:
        registry.exporters.unregister("tests.export.ids.v1")
