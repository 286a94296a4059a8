"""One counting unit and one set of defaults: the CLI, the HTTP API (which the dashboard's
charts draw) give the same counts for the same filters, and a chart point's number equals the
number of events it lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.cli.app import app as cli_app

runner = CliRunner()


def _cli(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(cli_app, list(args))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "filters",
    [
        {"dyad": "CHN,JPN"},
        {"dyad": "CHN,JPN", "directed": True},
        {"actor": "USA"},
        {"event_class": "verbal_conflict"},
    ],
)
def test_cli_and_api_series_agree(client, controlled_db: Path, filters) -> None:
    options: list[str] = []
    for name, value in filters.items():
        flag = "--class" if name == "event_class" else "--" + name
        options += [flag] if value is True else [flag, str(value)]
    cli = _cli("series", "--db", str(controlled_db), "--freq", "day", "--format", "json", *options)
    api = client.get("/api/series", params={**filters, "freq": "day"}).json()
    assert api["unit"] == "clusters"  # the one default
    by_cli = {str(r["period"])[:10]: r["count"] for r in cli}
    by_api = {p["period"]: p["count"] for p in api["points"]}
    assert by_cli == by_api
    assert sum(by_api.values()) > 0


def test_cli_and_api_streaks_agree(client, controlled_db: Path) -> None:
    cli = _cli("streaks", "--db", str(controlled_db), "--dyad", "CHN,JPN", "--format", "json")
    api = client.get("/api/streaks", params={"dyad": "CHN,JPN"}).json()
    longest_cli = max(int(str(r["length"])) for r in cli)
    assert longest_cli == max(s["length"] for s in api["streaks"])


def test_a_chart_point_lists_as_many_events_as_its_number(client) -> None:
    for params in ({"by": "class"}, {"dyad": "CHN,JPN"}, {"by": "quad", "unit": "events"}):
        series = client.get("/api/series", params={**params, "freq": "day"}).json()
        points = [p for p in series["points"] if p["count"]]
        assert points
        for point in points:
            group = [] if point["group"] == "all" else [point["group"]]
            listed = client.get(
                "/api/series/events",
                params={**params, "freq": "day", "period": point["period"], "group": group},
            ).json()
            assert listed["count"] == point["count"] == len(listed["events"]), point
