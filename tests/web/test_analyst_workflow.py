"""The analyst's workflow through the API and the CLI (issue 11): names instead of codes,
an unknown actor refused with suggestions, events listed and shown by id with their whole
evidence, ids printed by streaks and alerts, and the CSV download for Excel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.cli.events_cmd import render_event_block

runner = CliRunner()


@pytest.mark.parametrize(
    ("by_name", "by_code"),
    [
        ({"actor": "china"}, {"actor": "CHN"}),
        ({"dyad": "japan,china"}, {"dyad": "JPN,CHN"}),
        ({"source": "Philippine", "target": "Chinese"}, {"source": "PHL", "target": "CHN"}),
        ({"actor": "united states,philippines"}, {"actor": ["USA", "PHL"]}),
    ],
)
def test_api_filters_take_names(client, by_name, by_code) -> None:
    named = client.get("/api/events", params={**by_name, "limit": 500})
    coded = client.get("/api/events", params={**by_code, "limit": 500})
    assert named.status_code == coded.status_code == 200
    ids = [e["id"] for e in coded.json()["events"]]
    assert ids and [e["id"] for e in named.json()["events"]] == ids


@pytest.mark.parametrize("path", ["/api/events", "/api/series", "/api/export?format=csv"])
def test_api_refuses_an_unknown_actor_with_suggestions(client, path) -> None:
    response = client.get(path, params={"actor": "chna"})
    assert response.status_code == 400
    assert "unknown actor 'chna'" in response.text and "CHN China" in response.text


def test_api_actor_lookup_has_names(client) -> None:
    actors = {a["code"]: a for a in client.get("/api/actors").json()["actors"]}
    assert actors["CHN"]["label"] == "CHN China" and actors["JPN"]["name"] == "Japan"


def test_api_csv_download_for_excel(client) -> None:
    plain = client.get("/api/export", params={"format": "csv"})
    excel = client.get("/api/export", params={"format": "csv", "bom": "true"})
    assert excel.content == b"\xef\xbb\xbf" + plain.content
    assert client.get("/api/export", params={"format": "gdelt", "bom": "true"}).status_code == 400


def test_cli_dyad_by_name(controlled_db: Path) -> None:
    result = runner.invoke(
        app, ["events", "--db", str(controlled_db), "--dyad", "china,japan", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    named = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    coded = runner.invoke(
        app, ["events", "--db", str(controlled_db), "--dyad", "CHN,JPN", "--format", "jsonl"]
    )
    assert named and named == [json.loads(line)["id"] for line in coded.stdout.splitlines()]


@pytest.mark.parametrize("command", ["events", "series", "streaks", "spikes", "export"])
def test_cli_unknown_actor_exits_2_with_suggestions(controlled_db: Path, command: str) -> None:
    extra = ["--format", "csv"] if command == "export" else []
    result = runner.invoke(
        app, [command, "--db", str(controlled_db), "--dyad", "china,jpan", *extra]
    )
    assert result.exit_code == 2
    assert "unknown actor 'jpan'" in result.stderr and "JPN Japan" in result.stderr


def test_cli_events_newest_first_with_document_and_ids(controlled_db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(controlled_db), "--limit", "3"])
    assert result.exit_code == 0, result.output
    blocks = result.stdout.strip().split("\n\n")
    assert len(blocks) == 3
    assert blocks[0].startswith("2024-05-14  ")  # the newest day first
    assert "PHLGOV Philippines government -> CHNCOG" in result.stdout
    assert "Main story · Wire" in result.stdout
    assert "3 of " in result.stderr


def test_cli_event_shows_one_event_by_id(controlled_db: Path) -> None:
    listed = runner.invoke(
        app, ["events", "--db", str(controlled_db), "--doc-id", "spike", "--format", "jsonl"]
    )
    event_id = json.loads(listed.stdout.splitlines()[0])["id"]
    shown = runner.invoke(app, ["event", event_id, "--db", str(controlled_db)])
    assert shown.exit_code == 0, shown.output
    assert f"event     {event_id}" in shown.stdout
    assert "document  A day of clashes" in shown.stdout and "outlet    Wire" in shown.stdout
    as_json = runner.invoke(app, ["event", event_id, "--db", str(controlled_db), "--json"])
    assert json.loads(as_json.stdout)["document"]["title"] == "A day of clashes"
    missing = runner.invoke(app, ["event", "e-nope", "--db", str(controlled_db)])
    assert missing.exit_code == 2 and "no event 'e-nope'" in missing.stderr


LONG = (
    "The coast guard of the People's Republic said on Monday that its vessels had not, "
    "contrary to reports from the prefecture's fishing cooperative and two regional "
    "broadcasters, entered the contiguous zone around the islands at any point during the "
    "night, and that the Japanese patrol boats had instead approached its own ships."
)


def test_evidence_is_wrapped_never_cut() -> None:
    row = {
        "id": "e-1", "doc_id": "d", "event_date": "2024-05-13", "source_code": "CHNCOG",
        "target_code": "JPN", "code": "112", "modality": "asserted", "evidence_text": LONG,
    }  # fmt: skip
    wrapped = render_event_block(row, width=80, wide=False)
    body = " ".join(line.strip() for line in wrapped[1:-2])
    assert body == f"\u201c{LONG}\u201d"
    assert all(len(line) <= 80 for line in wrapped[1:-2]) and len(wrapped) > 5
    wide = render_event_block(row, width=80, wide=True)
    assert wide[1].strip() == f"\u201c{LONG}\u201d"  # --wide: one line, whole


def test_cli_streaks_and_alerts_label_actors_and_print_ids(controlled_db: Path) -> None:
    streaks = runner.invoke(app, ["streaks", "--db", str(controlled_db), "--by", "dyad"])
    assert streaks.exit_code == 0, streaks.output
    assert "CHN China – JPN Japan" in streaks.stdout
    assert "dyadwatch event ID" in streaks.stdout
    alerts = runner.invoke(app, ["alerts", "--db", str(controlled_db)])
    assert alerts.exit_code == 0, alerts.output
    listed = runner.invoke(app, ["alerts", "--db", str(controlled_db), "--format", "json"])
    ids = json.loads(listed.stdout.splitlines()[0])["event_ids"]
    assert ids and all(i in alerts.stdout for i in ids)  # every event id, followable
    assert "CHNMIL China military -> JPN Japan" in alerts.stdout


def test_cli_watch_refuses_an_unknown_actor(controlled_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["watch", "add", "x", "--db", str(controlled_db), "--actor", "narnia",
              "--rule", "first"],
    )  # fmt: skip
    assert result.exit_code == 2 and "unknown actor 'narnia'" in result.stderr


def test_dyad_page_takes_names_in_the_url(client) -> None:
    page = client.get("/dyad", params={"a": "china", "b": "Japanese"})
    assert page.status_code == 200
    assert "<h1>Dyads: CHN China and JPN Japan" in page.text
    assert '<option value="CHN" selected>CHN China (' in page.text
    assert client.get("/dyad", params={"a": "china", "b": "atlantis"}).status_code == 400


def test_document_tags_open_the_sentence_they_label(client) -> None:
    html = client.get("/documents/spike").text
    # each evidence block starts with its tag(s), then the sentence: never the next one's
    assert (
        '<span class="ev-block" id="s0"><a class="ev-tag modality-asserted" href="#event-1"' in html
    )
    block = html.split('id="s0">', 1)[1].split("</span>", 1)[0]
    assert block.rindex("ev-tag") < block.index("CHNMIL")


def test_cli_clusters_table_names_actors_and_keeps_the_sentence(controlled_db: Path) -> None:
    result = runner.invoke(app, ["clusters", "--db", str(controlled_db), "--limit", "50"])
    assert result.exit_code == 0, result.output
    assert "USAGOV United States government" in result.stdout
    assert "CHNMIL threatened JPN on 2024-04-02 near Senkaku." in result.stdout  # not cut
