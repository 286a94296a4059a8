"""Spikes: exact scores against the trailing baseline, the floors, and the events behind."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.spikes import baseline_scores, spikes
from dyadwatch.errors import ConfigError

MakeEvents = Callable[..., pd.DataFrame]
Daily = Callable[..., list[dict[str, Any]]]
D = dt.date
# a negated event: not counted, but it shows the data covers that day (a real zero)
COVERED_FROM_1_MARCH = {"event_date": "2021-03-01", "modality": "negated"}


def test_spike_exact_score_and_events(make_events: MakeEvents, daily: Daily) -> None:
    # baseline 0,4,0,4,0,4,2: mean 2, sample std 2; then 12 events on 8 March
    frame = make_events(COVERED_FROM_1_MARCH, *daily("2021-03-01", [0, 4, 0, 4, 0, 4, 2, 12, 2]))
    result = spikes(frame, window=7, min_periods=7)
    assert len(result.spikes) == 1
    spike = result.spikes[0]
    assert (spike.start, spike.end, spike.count) == (D(2021, 3, 8), D(2021, 3, 8), 12)
    assert (spike.baseline_mean, spike.baseline_std, spike.score) == (2.0, 2.0, 5.0)
    assert spike.event_ids == tuple(f"e{i:03d}" for i in range(15, 27))


def test_spike_std_floor_is_poisson_noise_on_a_flat_baseline(
    make_events: MakeEvents, daily: Daily
) -> None:
    frame = make_events(*daily("2021-03-01", [2, 2, 2, 2, 2, 2, 2, 10]))
    spike = spikes(frame, window=7, min_periods=7).spikes[0]
    assert spike.baseline_std == pytest.approx(math.sqrt(2))
    assert spike.score == pytest.approx(8 / math.sqrt(2))  # 5.657, not infinite


@pytest.mark.parametrize(("count", "spiked"), [(3, True), (2, False)])
def test_spike_after_silence_needs_min_count(
    make_events: MakeEvents, daily: Daily, count: int, spiked: bool
) -> None:
    # a week without CHN events: the std is floored to min_std = 1, so the score is the count
    frame = make_events(
        {"event_date": "2021-03-01", "source_code": "USA"},
        *daily("2021-03-08", [count]),
    )
    result = spikes(frame, EventFilter(actors=("CHN",)), window=7, min_periods=7, threshold=1.5)
    assert result.scores["score"].iloc[-1] == count
    assert bool(result.spikes) is spiked


def test_spike_needs_min_periods_of_history(make_events: MakeEvents, daily: Daily) -> None:
    frame = make_events(*daily("2021-03-01", [1, 1, 9]))
    assert spikes(frame, window=7, min_periods=3).spikes == ()
    assert len(spikes(frame, window=7, min_periods=2).spikes) == 1
    scores = spikes(frame, window=7, min_periods=2).scores["score"]
    assert scores.isna().tolist() == [True, True, False]


def test_spikes_per_week(make_events: MakeEvents) -> None:
    specs = [{"event_date": f"2021-03-{d:02d}"} for d in (1, 8, 15, 22)]
    specs += [{"event_date": "2021-03-29"}] * 6
    spike = spikes(make_events(*specs), freq="week", window=4, min_periods=4).spikes[0]
    assert (spike.start, spike.end, spike.count) == (D(2021, 3, 29), D(2021, 4, 4), 6)
    assert spike.score == pytest.approx(5.0)  # (6 - 1) / max(std 0, sqrt 1, 1)


def test_spikes_per_group_rank_by_score(make_events: MakeEvents, daily: Daily) -> None:
    specs = daily("2021-03-01", [0, 0, 0, 5], source_country="CHN")
    specs += daily("2021-03-01", [0, 0, 0, 8], source_country="USA")
    result = spikes(make_events(COVERED_FROM_1_MARCH, *specs), by="source", window=3, min_periods=3)
    assert [(s.group, s.score) for s in result.spikes] == [("USA", 8.0), ("CHN", 5.0)]


def test_spikes_count_clusters_once(make_events: MakeEvents, daily: Daily) -> None:
    specs = [COVERED_FROM_1_MARCH]
    specs += [{"event_date": "2021-03-04", "cluster_id": "c1"}] * 5  # one event, five reports
    result = spikes(make_events(*specs), window=3, min_periods=3)
    assert result.spikes == ()
    mentions = spikes(make_events(*specs), window=3, min_periods=3, unit="events")
    assert mentions.spikes[0].count == 5


def test_spike_events_include_every_mention_of_counted_clusters(
    make_events: MakeEvents,
) -> None:
    specs = [{"event_date": "2021-03-01", "source_code": "USA"}]
    specs += [{"event_date": "2021-03-05", "cluster_id": f"c{i}"} for i in range(3)]
    specs += [{"event_date": "2021-03", "cluster_id": "c0"}]  # a vaguer mention of c0
    spike = spikes(make_events(*specs), window=3, min_periods=3).spikes[0]
    assert spike.count == 3
    assert spike.event_ids == ("e001", "e002", "e003")  # one per cluster: the count's list
    assert spike.mention_ids == ("e001", "e002", "e003", "e004")  # all the evidence


@pytest.mark.parametrize(
    "options", [{"window": 1}, {"window": 5, "min_periods": 6}, {"min_std": 0.0}]
)
def test_spikes_reject_bad_settings(make_events: MakeEvents, options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        spikes(make_events({"event_date": "2021-03-01"}), **options)


def naive_scores(row: list[int], window: int, min_periods: int, min_std: float) -> list[float]:
    out = []
    for t, x in enumerate(row):
        base = row[max(t - window, 0) : t]
        if len(base) < min_periods:
            out.append(math.nan)
            continue
        mean = sum(base) / len(base)
        std = math.sqrt(sum((b - mean) ** 2 for b in base) / (len(base) - 1))
        out.append((x - mean) / max(std, math.sqrt(mean), min_std))
    return out


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 50), min_size=1, max_size=40),
    st.integers(2, 10),
    st.floats(0.1, 3.0),
)
def test_baseline_scores_match_a_direct_computation(
    row: list[int], window: int, min_std: float
) -> None:
    min_periods = max(window // 2, 2)
    _, _, score = baseline_scores(np.array([row]), window, min_periods, min_std)
    expected = naive_scores(row, window, min_periods, min_std)
    np.testing.assert_allclose(score[0], expected, rtol=1e-9, atol=1e-9, equal_nan=True)


STATEMENT = {"code": "010", "root_code": "01", "quad_class": 1}


def test_a_burst_of_statements_is_not_a_spike_unless_asked(
    make_events: MakeEvents, daily: Daily
) -> None:
    # one conflict event a day, then a day on which ten outlets quote the same government
    frame = make_events(
        *daily("2021-03-01", [1, 1, 1, 1, 1, 1, 1, 1]),
        *daily("2021-03-08", [10], **STATEMENT),
    )
    assert spikes(frame, window=7, min_periods=7).spikes == ()
    asked = spikes(frame, window=7, min_periods=7, statements=True).spikes
    assert [(s.start, s.count) for s in asked] == [(D(2021, 3, 8), 11)]


def test_a_filter_on_the_kind_of_event_keeps_statements(
    make_events: MakeEvents, daily: Daily
) -> None:
    frame = make_events(
        *daily("2021-03-01", [1, 1, 1, 1, 1, 1, 1], **STATEMENT),
        *daily("2021-03-08", [10], **STATEMENT),
    )
    by_root = spikes(frame, EventFilter(root_codes=("01",)), window=7, min_periods=7).spikes
    assert [(s.start, s.count) for s in by_root] == [(D(2021, 3, 8), 10)]


def test_a_burst_of_conflict_is_still_a_spike_beside_statements(
    make_events: MakeEvents, daily: Daily
) -> None:
    frame = make_events(
        *daily("2021-03-01", [1, 1, 1, 1, 1, 1, 1, 9]),
        *daily("2021-03-01", [3, 3, 3, 3, 3, 3, 3, 3], **STATEMENT),
    )
    found = spikes(frame, window=7, min_periods=7).spikes
    assert [(s.start, s.count) for s in found] == [(D(2021, 3, 8), 9)]
