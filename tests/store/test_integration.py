"""The store with the real parts: the dyadwatch coder and the analytics' watches."""

from __future__ import annotations

import datetime as dt

from dyadwatch import pipeline
from dyadwatch.analytics import watches
from dyadwatch.analytics.filters import EventFilter
from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document
from dyadwatch.settings import load_settings

_REPORT = (
    "Chinese warships entered Japanese waters near the Senkaku Islands on Monday, the Japanese "
    "coast guard said. Japan protested to China on Tuesday."
)


def test_real_coder_ingest_is_idempotent(store, snapshot) -> None:
    settings = load_settings(workers=1)
    coder = Coder.load(settings)
    docs = [Document("report", _REPORT, date=dt.date(2024, 3, 6), source="Wire")]
    first = pipeline.ingest_documents(store, docs, coder=coder, settings=settings)
    assert first.coded == 1 and first.events >= 1 and first.exit_status == 0
    events = store.events(modality="all")
    assert set(events["doc_id"]) == {"report"}
    assert (events["cluster_id"].notna() == (events["modality"] == "asserted")).all()
    assert store.runs().iloc[0]["coder_version"] == coder.version
    before = snapshot(store)
    again = pipeline.ingest_documents(store, docs, coder=coder, settings=settings)
    assert again.unchanged == 1 and snapshot(store) == before


def test_ingest_stores_the_alerts_of_watches(store, run_ingest, make_doc) -> None:
    watch = watches.Watch("first clash", EventFilter(actors=("CHN",)), watches.FirstRule())
    watches.add_watch(store, watch)
    docs = [make_doc("a", "CHNMIL attacked JPN on 2024-03-05.")]
    report = run_ingest(store, docs, watch=watches.check_watches)
    assert report.alerts == 1 and not report.warnings
    alerts = store.alerts()
    assert list(alerts["watch_id"]) == [watch.id]
    assert list(alerts["run_id"]) == [report.run_id]
    # the same input again brings no new events, hence no new alert
    assert run_ingest(store, docs, watch=watches.check_watches).alerts == 0


def test_ingest_without_a_watch_hook_raises_no_alert(store, run_ingest, make_doc) -> None:
    watches.add_watch(
        store, watches.Watch("any", EventFilter(actors=("CHN",)), watches.FirstRule())
    )
    report = run_ingest(store, [make_doc("a", "CHNMIL attacked JPN on 2024-03-05.")])
    assert report.events == 1 and report.alerts == 0 and store.alerts().empty
