"""Tables for people: empty values as dashes, named roots and quads, partial periods."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest
from rich.console import Console

from dyadwatch.analytics.series import series
from dyadwatch.analytics.tables import display_label, series_table

MakeEvents = Callable[..., pd.DataFrame]


@pytest.mark.parametrize(
    ("by", "label", "shown"),
    [
        ("root", "15", "15 exhibit force posture"),
        ("quad", "4", "4 material conflict"),
        ("root", "99", "99"),
        ("dyad", "CHN-JPN", "CHN China – JPN Japan"),
        ("dyad", "CHNMIL->JPN", "CHNMIL China military → JPN Japan"),
        ("actor", "IGOUNO", "IGOUNO United Nations"),
        ("source", "ZZZ", "ZZZ"),  # a code nobody names stays as it is
    ],
)
def test_display_label(by: str, label: str, shown: str) -> None:
    assert display_label(by, label) == shown  # type: ignore[arg-type]


def test_series_table_prints_dashes_for_empty_periods(make_events: MakeEvents) -> None:
    frame = make_events({"event_date": "2021-03-03"}, {"event_date": "2021-03-09"})
    console = Console(width=120, record=True)
    console.print(series_table(series(frame, freq="week")))
    text = console.export_text()
    rows = [line.split() for line in text.splitlines() if line.strip().startswith("all")]
    assert rows == [
        ["all", "2021-03-01", "(W09)", "(partial)", "1", "-7.2", "-7.20", "100%"],
        ["all", "2021-03-08", "(W10)", "(partial)", "1", "-7.2", "-7.20", "100%"],
    ]
    quiet = series(make_events({"event_date": "2021-03-01"}, {"event_date": "2021-03-03"}))
    console = Console(width=120, record=True)
    console.print(series_table(quiet))
    middle = [ln.split() for ln in console.export_text().splitlines() if "2021-03-02" in ln]
    assert middle == [["all", "2021-03-02", "0", "0", "–", "–"]]


def test_series_table_can_hide_empty_periods(make_events: MakeEvents) -> None:
    frame = make_events({"event_date": "2021-03-01"}, {"event_date": "2021-03-04"})
    console = Console(width=120, record=True)
    console.print(series_table(series(frame), nonzero=True))
    days = [
        ln.split()[1] for ln in console.export_text().splitlines() if ln.strip().startswith("all")
    ]
    assert days == ["2021-03-01", "2021-03-04"]
