"""Daily reports written from one template keep every day, through store, streaks and watches."""

from __future__ import annotations

import datetime as dt

from dyadwatch.analytics import EventFilter, StreakRule, Watch, add_watch, check_watches, streaks
from dyadwatch.analytics.loading import documents_per_day, load_events

from .test_dedup import DAILY_TEMPLATE


def test_a_week_of_daily_reports_is_a_seven_day_streak_and_fires(store, run_ingest, make_doc):
    add_watch(
        store,
        Watch("week of patrols", EventFilter(actors=("CHN",)), StreakRule(7), id="w-week"),
    )
    docs = [
        make_doc(
            f"report-{day}",
            DAILY_TEMPLATE.format(day=day, ships=2 + day % 4, boats=1 + day % 2, place="Senkaku"),
            date=dt.date(2024, 3, day),
            source="Coast Guard",
        )
        for day in range(1, 8)
    ]
    report = run_ingest(store, docs, watch=check_watches)
    assert (report.coded, report.duplicates_near) == (7, 0)
    events = load_events(store)
    longest = streaks(events, EventFilter(actors=("CHN",))).longest()
    assert longest is not None
    assert (longest.start, longest.length, longest.count) == (dt.date(2024, 3, 1), 7, 7)
    assert len(longest.event_ids) == longest.count  # the count is its list of events
    alerts = store.alerts()
    assert list(alerts["watch_id"]) == ["w-week"]
    assert len(documents_per_day(store)) == 7
