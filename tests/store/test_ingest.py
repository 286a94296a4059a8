"""Ingest is idempotent: the same input leaves the same rows; changes replace; rejects recorded."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest

from dyadwatch import pipeline
from dyadwatch.errors import RejectCode
from dyadwatch.model import Reject


def test_ingest_stores_documents_and_events(store, run_ingest, make_doc, stories) -> None:
    report = run_ingest(store, [make_doc("a", stories.wire), make_doc("b", stories.other)])
    assert (report.new, report.coded, report.events, report.exit_status) == (2, 2, 2, 0)
    events = store.events()
    assert sorted(events["doc_id"]) == ["a", "b"]
    clash = events[events["doc_id"] == "a"].iloc[0]
    assert (clash["source_code"], clash["target_code"], clash["code"]) == ("CHNMIL", "JPN", "190")
    assert clash["event_date"] == "2024-03-05"
    assert clash["day"] == dt.datetime(2024, 3, 5)
    assert clash["location_id"] == "dw:senkaku-islands"
    assert clash["rule"] == {"verb": "fake:attacked"}


def test_ingest_twice_leaves_identical_tables(
    store, run_ingest, make_doc, stories, snapshot, coder
):
    docs = [make_doc("a", stories.wire), make_doc("b", stories.other)]
    run_ingest(store, docs)
    before = snapshot(store)
    calls = len(coder.calls)
    again = run_ingest(store, docs)
    assert snapshot(store) == before
    assert (again.unchanged, again.new, again.coded) == (2, 0, 0)
    assert len(coder.calls) == calls  # unchanged documents are not re-coded


def test_changed_document_replaces_its_events(store, run_ingest, make_doc) -> None:
    run_ingest(store, [make_doc("a", "CHN attacked JPN on 2024-03-05.")])
    report = run_ingest(store, [make_doc("a", "USA met JPN on 2024-03-07.")])
    assert (report.changed, report.coded) == (1, 1)
    events = store.events()
    assert list(events["code"]) == ["040"]
    assert store.document("a").text == "USA met JPN on 2024-03-07."


@pytest.mark.parametrize(
    "change",
    [{"date": dt.date(2024, 3, 9)}, {"title": "New headline"}],
)
def test_changed_metadata_counts_as_a_change(store, run_ingest, make_doc, change) -> None:
    run_ingest(store, [make_doc("a", "CHN attacked JPN.")])
    report = run_ingest(store, [make_doc("a", "CHN attacked JPN.", **change)])
    assert report.changed == 1


def test_rejects_are_recorded_and_set_the_exit_status(store, run_ingest, make_doc) -> None:
    bad = Reject("feed.jsonl:3", RejectCode.MALFORMED_JSON, "line 3 is not JSON")
    report = run_ingest(store, [make_doc("a", "CHN attacked JPN."), bad])
    assert report.exit_status == pipeline.EXIT_REJECTED == 3
    rejects = store.rejects()
    assert list(rejects["origin"]) == ["feed.jsonl:3"]
    assert list(rejects["code"]) == ["malformed_json"]
    assert rejects["time"].notna().all()
    assert store.runs().iloc[0]["status"] == "rejected"


def test_coding_failure_keeps_the_document_and_records_why(store, run_ingest, make_doc) -> None:
    report = run_ingest(store, [make_doc("a", "EXPLODE"), make_doc("b", "CHN attacked JPN.")])
    assert (report.failed, report.coded, report.exit_status) == (1, 1, 3)
    assert store.document("a").status == "failed"
    reject = store.rejects().iloc[0]
    assert (reject["code"], reject["doc_id"]) == ("coding_failed", "a")
    assert "exploded" in reject["reason"]


def test_run_records_coder_version_and_counts(store, run_ingest, make_doc) -> None:
    report = run_ingest(store, [make_doc("a", "CHN attacked JPN.")])
    run = store.runs().iloc[0]
    assert (run["run_id"], run["command"], run["status"]) == (report.run_id, "ingest", "ok")
    assert run["coder_version"] == "fake-1"
    assert pd.notna(run["finished"])
    assert '"events": 1' in run["counts"]


def test_recode_replaces_events_with_the_new_coder(
    store, run_ingest, make_doc, fake_coder_class, stories
) -> None:
    run_ingest(store, [make_doc("a", stories.wire), make_doc("b", stories.wire_edited)])
    old_ids = set(store.events()["id"])
    newer = fake_coder_class(version="fake-2")
    report = pipeline.recode(store, coder=newer, settings=_settings())
    assert newer.calls == ["a"]  # the near-duplicate b is not coded
    assert report.coded == 1
    events = store.events()
    assert set(events["id"]).isdisjoint(old_ids)
    assert store.document("a").coder_version == "fake-2"
    runs = store.runs()
    assert list(runs["command"]) == ["recode", "ingest"]
    assert store.clusters().iloc[0]["n_mentions"] == 2


def _settings() -> Any:
    from dyadwatch.settings import load_settings

    return load_settings(workers=1)
