"""An ingest delivers each new alert of a watch to the watch's webhook (a local HTTP server
started here), retrying a failed attempt; checking the same events again delivers nothing."""

from __future__ import annotations

from dyadwatch.analytics.delivery import Target, drain
from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.watches import Watch, add_watch, check_watches, load_watches, parse_rule


def test_ingest_delivers_a_watch_alert_to_its_webhook(hook, store, run_ingest, make_doc) -> None:
    url, handler = hook
    handler.script = [502]  # the first attempt fails: delivered on the retry
    watch = Watch("Senkaku", EventFilter.from_query({"dyad": "china,japan"}), parse_rule("first"),
                  deliver=(Target("webhook", url),))  # fmt: skip
    add_watch(store, watch)
    assert load_watches(store)[0][0].deliver == (Target("webhook", url),)  # saved with it
    doc = make_doc("d1", "CHNMIL attacked JPN on 2024-03-05 near Senkaku.")
    run_ingest(store, [doc], watch=check_watches)  # as the CLI and the web do
    drain()  # delivered on the delivery thread
    assert len(handler.bodies) == 1
    body = handler.bodies[0]
    assert body["type"] == "dyadwatch.alert" and body["watch"] == "Senkaku"
    stored = store.alerts()
    assert body["id"] == stored["id"].iloc[0]
    event_ids = list(store.events(doc_id="d1")["id"])
    assert body["event_ids"] == event_ids
    # the same events checked again raise (and deliver) nothing
    assert check_watches(store, event_ids) == [] and len(handler.bodies) == 1
