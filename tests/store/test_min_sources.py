"""``min_sources``: events whose cluster was reported by at least N independent outlets, the
same in SQL (Store.events) and in pandas (the analytics, with their context columns)."""

from __future__ import annotations

from dyadwatch.analytics import EventFilter, filter_mask
from dyadwatch.analytics.loading import load_events


def test_min_sources_counts_outlets_not_copies(store, run_ingest, make_doc, stories):
    docs = [
        make_doc("wire", "CHNMIL attacked JPN on 2024-03-05 near Senkaku.", source="Wire"),
        make_doc("post", "Officials say CHNMIL attacked JPN on 2024-03-05 near Senkaku.",
                 source="Post"),
        make_doc("alone", "CHNMIL threatened JPN on 2024-03-05 near Senkaku.", source="Wire"),
        make_doc("long", stories.wire, source="Wire"),
        make_doc("copy", stories.wire_edited, source="Daily"),  # a duplicate: not independent
    ]  # fmt: skip
    run_ingest(store, docs)
    two = set(store.events(min_sources=2)["doc_id"])
    assert two == {"wire", "post", "long"}  # the clash told by Wire and Post
    assert set(store.events(min_sources=3)["doc_id"]) == set()
    frame = load_events(store)
    by_pandas = set(frame.loc[filter_mask(frame, EventFilter.from_query({"min_sources": 2})), "id"])
    assert by_pandas == set(store.events(min_sources=2)["id"])


def test_event_class_keeps_statements_out_of_cooperation(store, run_ingest, make_doc):
    run_ingest(store, [make_doc("a", "USAGOV met JPNGOV on 2024-03-05. CHNMIL attacked JPN.")])
    assert set(store.events(event_class="verbal_cooperation")["code"]) == {"040"}
    assert set(store.events(event_class=["material_conflict"])["code"]) == {"190"}
    assert store.events(event_class="statement").empty
