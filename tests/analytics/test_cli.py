"""The analytics commands over a real database file: tables, CSV/JSON, charts, watches."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from dyadwatch.analytics.filters import EventFilter
from dyadwatch.cli.app import app
from dyadwatch.errors import ConfigError

MakeEvents = Callable[..., pd.DataFrame]
Daily = Callable[..., list[dict[str, Any]]]
runner = CliRunner()


@pytest.fixture
def db(make_events: MakeEvents, daily: Daily, make_store: Callable[[pd.DataFrame], Path]) -> str:
    specs = daily(
        "2021-03-01",
        [1, 1, 1, 0, 1, 1],
        location_id="dw:senkaku-islands",
        location_name="Senkaku Islands",
    )
    specs += daily(
        "2021-03-01",
        [0, 1, 0, 0, 0, 2],
        source_code="JPNGOV",
        source_country="JPN",
        target_code="CHN",
        target_country="CHN",
        root_code="11",
        quad_class=3,
        goldstein=-2.0,
    )
    return str(make_store(make_events(*specs)))


def run(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_cli_series_table_shows_zero_filled_periods(db: str) -> None:
    out = run("series", "--db", db, "--dyad", "CHN,JPN", "--directed").output
    assert "Series: dyad CHN->JPN; asserted" in out
    lines = [line.split() for line in out.splitlines() if line.strip().startswith("all")]
    assert [(cells[1], cells[2]) for cells in lines] == [
        ("2021-03-01", "1"),
        ("2021-03-02", "1"),
        ("2021-03-03", "1"),
        ("2021-03-04", "0"),
        ("2021-03-05", "1"),
        ("2021-03-06", "1"),
    ]


def test_cli_series_csv_by_dyad_and_chart(db: str, tmp_path: Path) -> None:
    chart = tmp_path / "series.png"
    out = run(
        "series",
        "--db",
        db,
        "--by",
        "dyad",
        "--directed",
        "--freq",
        "week",
        "--format",
        "csv",
        "--chart",
        str(chart),
    ).stdout
    frame = pd.read_csv(io.StringIO(out))
    assert dict(zip(frame["group"], frame["count"], strict=True)) == {"CHN->JPN": 5, "JPN->CHN": 3}
    assert chart.stat().st_size > 10_000


def test_cli_streaks_longest_and_current(db: str) -> None:
    out = run("streaks", "--db", db, "--actor", "CHN", "--place", "senkaku", "--format", "json")
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(r["start"], r["length"], r["longest"], r["current"]) for r in records] == [
        ("2021-03-01", 3, True, False),
        ("2021-03-05", 2, False, True),
    ]


def test_cli_spikes_table(db: str) -> None:
    out = run(
        "spikes",
        "--db",
        db,
        "--source",
        "JPN",
        "--window",
        "3",
        "--min-count",
        "2",
        "--threshold",
        "1.5",
        "--count",
        "events",
    ).output
    # JPN -> CHN: 1 on 2 March, then 0, 0, 0 and 2 on 6 March: baseline 0,0,0, score 2/1
    assert "2021-03-06" in out and "2.00" in out


def test_cli_watch_add_list_remove_and_alerts(db: str) -> None:
    run(
        "watch",
        "add",
        "senkaku",
        "--db",
        db,
        "--rule",
        "streak:3",
        "--actor",
        "CHN",
        "--place",
        "senkaku",
    )
    listed = json.loads(run("watch", "list", "--db", db, "--format", "json").stdout)
    assert (listed["name"], listed["rule_text"]) == ("senkaku", "streak >= 3 days (clusters)")
    assert run("alerts", "--db", db).output.strip().endswith("no alerts")
    import dyadwatch.store as ds
    from dyadwatch.analytics.watches import check_watches

    with ds.open(db) as store:
        store.add_alerts(check_watches(store, ["e001"]))
    alerts = run("alerts", "--db", db, "--watch", "senkaku", "--format", "json").stdout
    alert = json.loads(alerts)
    assert (alert["watch"], alert["period_start"], alert["period_end"]) == (
        "senkaku",
        "2021-03-01",
        "2021-03-03",
    )
    assert "watch 'senkaku' removed" in run("watch", "remove", "senkaku", "--db", db).output
    assert "senkaku" not in run("watch", "list", "--db", db).output


@pytest.mark.parametrize(
    "args",
    [
        ["series", "--dyad", "CHN"],
        ["series", "--since", "March"],
        ["streaks", "--quad", "7"],
        ["series", "--chart", "out.pdf"],
        ["watch", "add", "x", "--rule", "streak:x"],
        ["watch", "remove", "nothing"],
        ["alerts", "--watch", "nothing"],
    ],
)
def test_cli_bad_values_exit_with_a_message(db: str, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code in (1, 2)
    assert "error [config]" in result.output


def test_cli_missing_database_is_a_store_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["series", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "error [store]" in result.output


@pytest.mark.parametrize(
    ("dyad", "pair"),
    [("CHN,JPN", ("CHN", "JPN")), ("chn-jpn", ("CHN", "JPN")), ("USA:CHNMIL", ("USA", "CHNMIL"))],
)
def test_filters_read_dyads(dyad: str, pair: tuple[str, str]) -> None:
    assert EventFilter.from_query({"dyad": dyad}).dyad == pair


def test_filter_modality_all_keeps_every_modality() -> None:
    assert EventFilter.from_query({"modality": ["all"]}).modalities == ()
    with pytest.raises(ConfigError):
        EventFilter.from_query({"modality": ["rumoured"]})


def test_series_command_runs_the_registered_indicator(db: str) -> None:
    """The indicator commands dispatch through registry.indicators: replacing the registered
    series function changes what `dyadwatch series` computes."""
    from dyadwatch import registry
    from dyadwatch.analytics.series import series

    name = "dyadwatch.indicator.series.v1"
    calls: list[EventFilter] = []

    def recording_series(events: pd.DataFrame, flt: EventFilter, **options: Any) -> Any:
        calls.append(flt)
        return series(events, flt, **options)

    registry.indicators.unregister(name)
    registry.indicators.register(name)(recording_series)
    try:
        run("series", "--db", db, "--plover", "ACCUSE", "--format", "csv")
    finally:
        registry.indicators.unregister(name)
        registry.indicators._declare(name, "dyadwatch.analytics.series:series", "dyadwatch")
    assert [c.plover_types for c in calls] == [("ACCUSE",)]
