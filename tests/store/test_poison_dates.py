"""A publication date at the edge of the calendar must not poison the store (issue 11, #1).

Before the guard, one stored event dated 9999-12-31 (or 0001-01-01) made clustering overflow, and
from then on every ingest, re-code and ``clusters --rebuild`` failed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.errors import ConfigError
from dyadwatch.ingest import read_inputs
from dyadwatch.model import Document, Reject
from dyadwatch.store.clusters import clusterable_period

STORY = "CHNMIL attacked JPN near Senkaku. Officials described the encounter in detail."
OTHER_STORY = "CHNMIL attacked JPN near Senkaku. Observers gave another account of the day."
EDGE_DATES = [dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(5000, 6, 1)]


@pytest.mark.parametrize("edge", EDGE_DATES, ids=str)
def test_a_stored_edge_date_does_not_break_clustering_or_later_runs(
    store: ds.Store, run_ingest: Callable[..., pipeline.IngestReport], edge: dt.date
) -> None:
    # written through the document API, which bypasses the reader's date policy
    poison = Document(id="poison", text=STORY, date=edge, source="Wire", origin="test:poison")
    report = run_ingest(store, [poison])
    assert report.coded == 1 and report.events == 1
    # later runs, a full rebuild and a re-code all still work
    normal = Document(
        id="normal",
        text=OTHER_STORY,
        date=dt.date(2024, 3, 6),
        source="Other",
        origin="test:normal",
    )
    assert run_ingest(store, [normal]).events == 1
    assert store.recluster(full=True) == 2  # the edge-dated event stays a cluster of its own
    members = store.sql("SELECT cluster_id, doc_id FROM cluster_members ORDER BY doc_id")
    assert members["cluster_id"].nunique() == 2


def test_clusterable_period_keeps_ordinary_dates_and_drops_edge_ones() -> None:
    day = dt.date(2024, 3, 6)
    assert clusterable_period(day, day) == (day, day)
    assert clusterable_period(None, None) == (None, None)
    assert clusterable_period(dt.date(9999, 12, 31), dt.date(9999, 12, 31)) == (None, None)
    assert clusterable_period(dt.date(1, 1, 1), day) == (None, None)


def _records(path: Path, dates: list[str]) -> None:
    lines = [
        json.dumps({"id": f"r{i}", "text": STORY, "date": date}) for i, date in enumerate(dates)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_reader_rejects_implausible_publication_dates(tmp_path: Path) -> None:
    far = (dt.date.today() + dt.timedelta(days=3 * 365)).isoformat()
    soon = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    path = tmp_path / "dates.jsonl"
    _records(
        path, ["9999-12-31", "0001-01-01", "1799-12-31", far, "2024-03-06", soon, "1800-01-01"]
    )
    items = list(read_inputs([str(path)]))
    rejects = [i for i in items if isinstance(i, Reject)]
    kept = [i.id for i in items if isinstance(i, Document)]
    assert kept == ["r4", "r5", "r6"]
    assert [r.code for r in rejects] == ["implausible_date"] * 4
    assert "9999-12-31" in rejects[0].reason and "1800-01-01" in rejects[0].reason


def test_an_implausible_default_date_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    with pytest.raises(ConfigError, match="implausible"):
        list(read_inputs([str(path)], default_date=dt.date(9999, 1, 1)))


def test_harvested_html_dates_skip_implausible_candidates(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="0001-01-01">'
        '<meta name="date" content="2024-03-06"></head>'
        f"<body><article><p>{STORY}</p></article></body></html>",
        encoding="utf-8",
    )
    [doc] = list(read_inputs([str(page)]))
    assert isinstance(doc, Document) and doc.date == dt.date(2024, 3, 6)
