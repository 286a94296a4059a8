"""One real-world event reported by several articles becomes one cluster, by the documented rule."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.store.clusters import ClusterEvent, assign, cluster_id_for

D = dt.date


def _ev(
    event_id: str,
    day: dt.date | None,
    precision: str | None = "day",
    *,
    end: dt.date | None = None,
    place: str | None = None,
    dyad: tuple[str, str | None] = ("CHNMIL", "JPN"),
    root: str = "19",
    text: str = "Chinese troops fired on a Japanese patrol near the border",
    own_outlet: bool = False,
) -> ClusterEvent:
    if day is not None and end is None:
        end = {
            "day": day,
            "month": D(day.year, day.month, 28),
            "year": D(day.year, 12, 31),
        }[precision or "day"]
    return ClusterEvent(
        event_id, dyad[0], dyad[1], root, day, end, precision, place, text, own_outlet
    )


def _groups(events: list[ClusterEvent]) -> list[list[str]]:
    return sorted(sorted(c.members) for c in assign(events))


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # two day-precise reports: the same day, not the next
        ([_ev("a", D(2024, 3, 5)), _ev("b", D(2024, 3, 5))], [["a", "b"]]),
        ([_ev("a", D(2024, 3, 5)), _ev("b", D(2024, 3, 6))], [["a"], ["b"]]),
        # a month-precise report joins the day cluster in that month, not one outside it
        ([_ev("a", D(2024, 3, 5)), _ev("m", D(2024, 3, 1), "month")], [["a", "m"]]),
        ([_ev("a", D(2024, 4, 1)), _ev("m", D(2024, 3, 1), "month")], [["a"], ["m"]]),
        # places: same, or one unknown, merge; two different places do not
        ([_ev("a", D(2024, 3, 5), place="x"), _ev("b", D(2024, 3, 5))], [["a", "b"]]),
        ([_ev("a", D(2024, 3, 5), place="x"), _ev("b", D(2024, 3, 5), place="y")], [["a"], ["b"]]),
        # another dyad or root code is another event
        (
            [_ev("a", D(2024, 3, 5)), _ev("b", D(2024, 3, 5), dyad=("JPN", "CHNMIL"))],
            [["a"], ["b"]],
        ),
        ([_ev("a", D(2024, 3, 5)), _ev("b", D(2024, 3, 5), root="18")], [["a"], ["b"]]),
        # undated events are never merged
        ([_ev("a", None, None), _ev("b", None, None)], [["a"], ["b"]]),
        # another story about the same dyad on the same day is another event
        (
            [
                _ev("a", D(2024, 3, 5)),
                _ev("b", D(2024, 3, 5), text="Beijing's navy seized a fishing boat from Okinawa"),
            ],
            [["a"], ["b"]],
        ),
        # the same wording with other numbers is another report
        (
            [
                _ev("a", D(2024, 3, 5), text="Chinese troops fired 12 shells at a Japanese patrol"),
                _ev("b", D(2024, 3, 5), text="Chinese troops fired 30 shells at a Japanese patrol"),
            ],
            [["a"], ["b"]],
        ),
        # bare statements and the outlet's own events are never merged; a place makes an event
        (
            [
                _ev(x, D(2024, 3, 5), dyad=("BUS", None), root="01", text="The company said")
                for x in "ab"
            ],
            [["a"], ["b"]],
        ),
        ([_ev(x, D(2024, 3, 5), own_outlet=True) for x in "ab"], [["a"], ["b"]]),
        ([_ev(x, D(2024, 3, 5), dyad=("CHNMIL", None)) for x in "ab"], [["a"], ["b"]]),
        ([_ev(x, D(2024, 3, 5), dyad=("CHNMIL", None), place="x") for x in "ab"], [["a", "b"]]),
    ],
)
def test_cluster_rule(events: list[ClusterEvent], expected: list[list[str]]) -> None:
    assert _groups(events) == expected


def test_daily_reports_keep_every_day() -> None:
    days = [_ev(f"d{i}", D(2024, 3, i)) for i in range(1, 5)]
    assert _groups(days) == [["d1"], ["d2"], ["d3"], ["d4"]]


def test_a_month_dated_report_does_not_chain_days_together() -> None:
    events = [_ev("m", D(2024, 3, 1), "month"), _ev("d1", D(2024, 3, 1)), _ev("d2", D(2024, 3, 2))]
    assert _groups(events) == [["d1", "m"], ["d2"]]


def test_cluster_anchor_is_the_most_precise_earliest_event() -> None:
    clusters = assign([_ev("m", D(2024, 3, 1), "month"), _ev("z", D(2024, 3, 9))])
    assert [c.anchor.id for c in clusters] == ["z"]
    assert clusters[0].id == cluster_id_for("z")


def test_three_articles_on_one_clash_make_one_cluster(store, run_ingest, make_doc) -> None:
    docs = [
        make_doc("wire", "CHNMIL attacked JPN on 2024-03-05 near Senkaku.", source="Wire"),
        make_doc("post", "Officials say CHNMIL attacked JPN on 2024-03-05.", source="Post"),
        make_doc("daily", "Last month CHNMIL attacked JPN in 2024-03.", source="Daily"),
        make_doc("later", "CHNMIL attacked JPN on 2024-03-12 near Senkaku.", source="Wire"),
        make_doc("maybe", "CHNMIL may attack JPN on 2024-03-05.", source="Post"),
    ]
    run_ingest(store, docs)
    clusters = store.clusters()
    assert list(clusters["n_mentions"]) == [3, 1]
    big = clusters.iloc[0]
    assert (big["n_sources"], big["n_articles"]) == (3, 3)
    assert (big["first_date"], big["last_date"]) == (
        dt.datetime(2024, 3, 1),
        dt.datetime(2024, 3, 31),
    )
    events = store.events(modality="all").set_index("doc_id")
    assert (
        events.loc["wire", "cluster_id"] == big["cluster_id"] == events.loc["daily", "cluster_id"]
    )
    assert events.loc["maybe", "cluster_id"] is None  # only asserted events are clustered


def test_incremental_clusters_equal_a_full_rebuild(store, run_ingest, make_doc, stories, snapshot):
    run_ingest(store, [make_doc("a", "CHNMIL attacked JPN on 2024-03-05.")])
    run_ingest(store, [make_doc("b", "CHNMIL attacked JPN on 2024-03-06.", source="Post")])
    run_ingest(store, [make_doc("a", "CHNMIL attacked JPN on 2024-03-08.")])  # changed
    run_ingest(store, [make_doc("c", stories.wire), make_doc("d", stories.wire_edited)])
    incremental = snapshot(store)
    store.recluster(full=True)
    assert snapshot(store) == incremental
