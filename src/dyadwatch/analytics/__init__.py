"""Indicators analysts watch: series, streaks, spikes, and watches that raise alerts.

Every indicator is a pure function of an events DataFrame (the store's ``events`` columns) and
an :class:`EventFilter`; watches add the store. Rules and choices: docs/indicators.md.
"""

from __future__ import annotations

from dyadwatch.analytics.filters import EventFilter, filter_events, filter_mask
from dyadwatch.analytics.frame import (
    ANALYTICS_COLUMNS,
    EVENT_COLUMNS,
    frame_from_events,
    prepare,
)
from dyadwatch.analytics.placements import Coverage, Placements, place_events
from dyadwatch.analytics.series import SeriesResult, series
from dyadwatch.analytics.spikes import Spike, SpikeResult, spikes
from dyadwatch.analytics.streaks import GroupStreaks, Streak, StreakResult, streaks
from dyadwatch.analytics.watches import (
    Alert,
    FirstRule,
    SpikeRule,
    StreakRule,
    Watch,
    add_watch,
    check_watches,
    data_coverage,
    evaluate_watch,
    parse_rule,
    remove_watch,
)

__all__ = [
    "ANALYTICS_COLUMNS",
    "EVENT_COLUMNS",
    "Alert",
    "Coverage",
    "EventFilter",
    "FirstRule",
    "GroupStreaks",
    "Placements",
    "SeriesResult",
    "Spike",
    "SpikeResult",
    "SpikeRule",
    "Streak",
    "StreakResult",
    "StreakRule",
    "Watch",
    "add_watch",
    "check_watches",
    "data_coverage",
    "evaluate_watch",
    "filter_events",
    "filter_mask",
    "frame_from_events",
    "parse_rule",
    "place_events",
    "prepare",
    "remove_watch",
    "series",
    "spikes",
    "streaks",
]
