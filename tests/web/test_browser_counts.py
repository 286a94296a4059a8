"""One counting unit, checked where the analyst reads it: the numbers the dashboard shows in a
real browser (read from the rendered page: its chart tables, point labels and streak table,
not from the API the page calls) equal the CLI's and the HTTP API's for the same filters, and
every chart point lists exactly as many events as its number says."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dyadwatch.cli.app import app as cli_app

from .test_browser import CHROMIUM
from .test_browser import browser as browser  # the shared Chromium fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]

# The controlled store's CHN-JPN story runs from 2024-04-02 to 2024-05-14.
WINDOW = {"since": "2024-04-01", "until": "2024-05-14"}
DYAD_PAGE = "/dyad?a=CHN&b=JPN&freq=day&since={since}&until={until}".format(**WINDOW)
CONFLICT = ("verbal_conflict", "material_conflict")

runner = CliRunner()


def _cli(*args: str) -> list[dict[str, Any]]:
    result = runner.invoke(cli_app, list(args))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def _cli_series(db: Path, *options: str) -> dict[tuple[str, str], int]:
    rows = _cli("series", "--db", str(db), "--format", "json", *options)
    return {(str(r["group"]), str(r["period"])[:10]): int(r["count"]) for r in rows}


@pytest.fixture
def tab(browser: Any, live_server: str) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on(
        "response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    page.base = live_server
    yield page
    page.close()
    assert not problems, problems


def _chart_table(tab: Any, figure: str) -> list[list[str]]:
    """The rows of a chart's "show the numbers" table, as the page rendered them."""
    tab.wait_for_selector(f"{figure} details.chart-table tbody tr", state="attached")
    return [
        [cell.strip() for cell in row]
        for row in tab.eval_on_selector_all(
            f"{figure} details.chart-table tbody tr",
            "rows => rows.map(r => [...r.cells].map(c => c.textContent))",
        )
    ]


def test_dyad_timeline_counts_equal_cli_and_api(tab, client, controlled_db: Path) -> None:
    tab.goto(tab.base + DYAD_PAGE)
    shown = {row[0]: int(row[1]) for row in _chart_table(tab, "#dyad-chart")}
    cli = _cli_series(controlled_db, "--dyad", "CHN,JPN", "--freq", "day",
                      "--since", WINDOW["since"], "--until", WINDOW["until"])  # fmt: skip
    api = client.get("/api/series", params={"dyad": "CHN,JPN", "freq": "day", **WINDOW}).json()
    assert shown == {period: n for (_, period), n in cli.items()}
    assert shown == {p["period"]: p["count"] for p in api["points"]}
    assert shown["2024-05-13"] == 7  # the spike day: seven different CHN-JPN events


def test_dyad_comparison_points_equal_cli_by_class(tab, controlled_db: Path) -> None:
    tab.goto(tab.base + DYAD_PAGE)
    tab.wait_for_selector('#compare-chart svg[data-panel="conflict"] .series-point')
    labels = tab.eval_on_selector_all(
        '#compare-chart svg[data-panel="conflict"] .series-point[data-dyad="CHN–JPN"]',
        "nodes => nodes.map(n => [n.getAttribute('aria-label'), n.dataset.count])",
    )
    shown = {re.search(r"\d{4}-\d\d-\d\d", label)[0]: int(n) for label, n in labels}
    cli = _cli_series(controlled_db, "--dyad", "CHN,JPN", "--by", "class", "--freq", "day",
                      "--since", WINDOW["since"], "--until", WINDOW["until"])  # fmt: skip
    conflict: dict[str, int] = {}
    for (group, period), n in cli.items():
        conflict[period] = conflict.get(period, 0) + (n if group in CONFLICT else 0)
    assert shown == conflict
    assert sum(shown.values()) > 0


def test_dyad_streak_table_equals_cli(tab, controlled_db: Path) -> None:
    tab.goto(tab.base + DYAD_PAGE)
    rows = tab.eval_on_selector_all(
        "#streak-list ~ table tbody tr",
        "rows => rows.map(r => [...r.cells].slice(0, 4).map(c => c.textContent.trim()))",
    )
    window = ["--since", WINDOW["since"], "--until", WINDOW["until"]]
    cli = _cli("streaks", "--db", str(controlled_db), "--dyad", "CHN,JPN", "--min-length", "2",
               *window, "--format", "json")  # fmt: skip
    expected = [[str(r["start"])[:10], str(r["end"])[:10], str(r["length"]), str(r["count"])]
                for r in cli]  # fmt: skip
    assert sorted(rows) == sorted(expected)
    assert ["2024-05-10", "2024-05-13", "4", "10"] in rows  # 3 days + 7 on the last


def test_overview_class_chart_equals_cli(tab, controlled_db: Path) -> None:
    tab.goto(tab.base + "/")
    table = _chart_table(tab, "#quad-chart")
    headers = tab.eval_on_selector_all(
        "#quad-chart details.chart-table thead th", "cells => cells.map(c => c.textContent)"
    )
    axis = tab.locator("#quad-chart text.axis-label").first.text_content() or ""
    freq = axis.rsplit(" per ", 1)[1]  # the resolution the chart chose, as it names it
    label_of = {"statements (CAMEO 01)": "statement"}
    groups = [label_of.get(h, h.replace(" ", "_")) for h in headers[1:]]
    shown = {(g, row[0]): int(n) for row in table for g, n in zip(groups, row[1:], strict=True)}
    cli = _cli_series(controlled_db, "--by", "class", "--freq", freq)
    cut = {"year": 4, "month": 7}.get(freq, 10)  # the chart labels a period by its start
    assert shown == {(g, period[:cut]): n for (g, period), n in cli.items()}
    assert sum(shown.values()) > 0


def test_every_timeline_bar_lists_as_many_events_as_its_number(tab) -> None:
    tab.goto(tab.base + DYAD_PAGE)
    tab.wait_for_selector("#dyad-chart g.bar")
    bars = tab.locator("#dyad-chart g.bar")
    checked = 0
    for i in range(bars.count()):
        bar = bars.nth(i)
        label = bar.get_attribute("aria-label") or ""
        count = int(re.search(r": (\d+) events", label)[1])  # type: ignore[index]
        if not count:
            continue
        bar.click()
        tab.wait_for_function(
            "label => document.querySelector('#dyad-events h3')?.textContent === label", arg=label
        )
        tab.wait_for_selector("#dyad-events [role=status]:not(:empty)")
        assert tab.locator("#dyad-events .event-item").count() == count, label
        checked += 1
    assert checked >= 10  # the April baseline, the streak and the spike day
