"""Charts: files a person can read, in PNG and SVG, stating what they leave out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from dyadwatch.analytics.charts import series_chart, spike_chart, streak_chart
from dyadwatch.analytics.series import series
from dyadwatch.analytics.spikes import spikes
from dyadwatch.analytics.streaks import streaks
from dyadwatch.errors import ConfigError

MakeEvents = Callable[..., pd.DataFrame]
Daily = Callable[..., list[dict[str, Any]]]


@pytest.fixture
def corpus(make_events: MakeEvents, daily: Daily) -> pd.DataFrame:
    specs = daily("2021-03-01", [1, 2, 1, 0, 1, 9, 1, 1, 2, 1], root_code="15", quad_class=4)
    specs += daily(
        "2021-03-01",
        [0, 1, 0, 1, 0, 1, 0, 1, 0, 1],
        source_country="USA",
        source_code="USAGOV",
        root_code="04",
        quad_class=1,
        goldstein=1.0,
    )
    specs.append({"event_date": "2021-03"})  # left out at day resolution: the chart says so
    return make_events(*specs)


def test_series_chart_svg_names_groups_and_left_out_events(
    corpus: pd.DataFrame, tmp_path: Path
) -> None:
    out = series_chart(series(corpus, by="root"), tmp_path / "series.svg", title="Per root")
    svg = out.read_text(encoding="utf-8")
    assert "15 exhibit force posture" in svg and "04 consult" in svg
    assert "Per root" in svg
    assert "dated only to a month or year left out" in svg


@pytest.mark.parametrize("measure", ["count", "goldstein_sum", "goldstein_mean", "conflict_share"])
def test_series_chart_png_for_each_measure(
    corpus: pd.DataFrame, tmp_path: Path, measure: str
) -> None:
    out = series_chart(series(corpus, by="dyad", freq="week"), tmp_path / "s.png", measure=measure)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_streak_chart_labels_the_longest(corpus: pd.DataFrame, tmp_path: Path) -> None:
    out = streak_chart(streaks(corpus, by="source"), tmp_path / "streaks.svg")
    svg = out.read_text(encoding="utf-8")
    # CHN: 1-3 March, a quiet 4th, then 5-10 March; USA: every other day
    assert "longest 6 days (05 Mar 2021 – 10 Mar 2021); current 6" in svg
    assert "longest 1 day (10 Mar 2021 – 10 Mar 2021); current 1" in svg


def test_spike_chart_marks_spikes_with_their_score(corpus: pd.DataFrame, tmp_path: Path) -> None:
    # daily totals 1,3,1,1,1,10,...: on 6 March the baseline 3,1,1,1 has mean 1.5 and std 1,
    # floored to sqrt(1.5); (10 - 1.5) / 1.2247 = 6.94
    result = spikes(corpus, window=4, min_periods=4)
    assert [round(s.score, 2) for s in result.spikes] == [6.94]
    svg = spike_chart(result, tmp_path / "spikes.svg").read_text(encoding="utf-8")
    assert ">6.9<" in svg and "spike threshold (score 3)" in svg


def test_chart_needs_png_or_svg(corpus: pd.DataFrame, tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        series_chart(series(corpus), tmp_path / "chart.pdf")
    with pytest.raises(ConfigError):
        series_chart(series(corpus), tmp_path / "chart.png", measure="median")
