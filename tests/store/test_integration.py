"""The store with the real parts: the dyadwatch coder and the analytics' watches."""

from __future__ import annotations

import datetime as dt

import pytest

import dyadwatch.store as ds
from dyadwatch.model import Document
from dyadwatch.settings import load_settings

_REPORT = (
    "Chinese warships entered Japanese waters near the Senkaku Islands on Monday, the Japanese "
    "coast guard said. Japan protested to China on Tuesday."
)


def test_real_coder_ingest_is_idempotent(store, snapshot) -> None:
    coder_module = pytest.importorskip("dyadwatch.coding.coder")
    settings = load_settings(workers=1)
    coder = coder_module.Coder.load(settings)
    docs = [Document("report", _REPORT, date=dt.date(2024, 3, 6), source="Wire")]
    first = ds.ingest_documents(store, docs, coder=coder, settings=settings)
    assert first.coded == 1 and first.events >= 1 and first.exit_status == 0
    events = store.events(modality="all")
    assert set(events["doc_id"]) == {"report"}
    assert (events["cluster_id"].notna() == (events["modality"] == "asserted")).all()
    assert store.runs().iloc[0]["coder_version"] == coder.version
    before = snapshot(store)
    again = ds.ingest_documents(store, docs, coder=coder, settings=settings)
    assert again.unchanged == 1 and snapshot(store) == before


def test_ingest_stores_the_alerts_of_watches(store, run_ingest, make_doc) -> None:
    watches = pytest.importorskip("dyadwatch.analytics.watches")
    filters = pytest.importorskip("dyadwatch.analytics.filters")
    watch = watches.Watch("first clash", filters.EventFilter(actors=("CHN",)), watches.FirstRule())
    watches.add_watch(store, watch)
    report = run_ingest(store, [make_doc("a", "CHNMIL attacked JPN on 2024-03-05.")])
    assert report.alerts == 1 and not report.warnings
    alerts = store.alerts()
    assert list(alerts["watch_id"]) == [watch.id]
    assert list(alerts["run_id"]) == [report.run_id]
    # the same input again brings no new events, hence no new alert
    assert run_ingest(store, [make_doc("a", "CHNMIL attacked JPN on 2024-03-05.")]).alerts == 0
