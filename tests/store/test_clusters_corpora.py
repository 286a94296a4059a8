"""The cluster rule on real reports from the Reuters corpus (read from ../shared, never copied).

Wire copies of one story (the same sentence filed twice, or the same clash told twice in other
words) merge; two stories about the same dyad on the same day do not. The pairs were found by
listing every same-dyad, same-root, same-day pair of events from different articles in a
database of the first 3,000 Reuters bodies (docs/store.md, "Checked on real data").
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.model import Document

# (article, article, block): one story told by both articles
SAME_STORY = [
    ("reuters21578-740", "reuters21578-765", ("BRAGOV", "GBR", "12")),  # a rejected suggestion
    ("reuters21578-925", "reuters21578-1022", ("CHN", "USA", "02")),  # a call to lift curbs
    ("reuters21578-622", "reuters21578-862", ("ESPAGR", "ESPCOP", "19")),  # a clash, reworded
]
# (article, article, block): two stories about one dyad on one day
OTHER_STORIES = [
    ("reuters21578-1935", "reuters21578-1954", ("JPNBUS", "JPNGOV", "02")),
    ("reuters21578-916", "reuters21578-975", ("BRAGOV", "EUR", "04")),
]


def _records(path: Path, wanted: set[str]) -> Iterator[Document]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in wanted:
                yield Document(
                    id=record["id"],
                    text=record["text"],
                    date=dt.date.fromisoformat(record["date"]),
                    title=record.get("title"),
                    source=record.get("source"),
                )


@pytest.fixture(scope="module")
def reuters_store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ds.Store]:
    ids = {i for a, b, _ in SAME_STORY + OTHER_STORIES for i in (a, b)}
    docs = list(_records(shared_dir / "corpora" / "reuters21578.jsonl.gz", ids))
    assert {d.id for d in docs} == ids
    store = ds.open(tmp_path_factory.mktemp("reuters") / "events.duckdb")
    pipeline.ingest_documents(store, docs)
    yield store
    store.close()


def _clusters_of(store: ds.Store, doc_id: str, block: tuple[str, str, str]) -> set[str]:
    source, target, root = block
    found = store.sql(
        "SELECT cluster_id FROM events WHERE doc_id = ? AND source_code = ? "
        "AND target_code = ? AND root_code = ? AND modality = 'asserted'",
        [doc_id, source, target, root],
    )
    return set(found["cluster_id"])


@pytest.mark.parametrize(("first", "second", "block"), SAME_STORY)
def test_wire_copies_of_one_story_merge(reuters_store, first, second, block) -> None:
    a, b = _clusters_of(reuters_store, first, block), _clusters_of(reuters_store, second, block)
    assert a and b
    assert a & b  # one cluster holds the event of both articles


@pytest.mark.parametrize(("first", "second", "block"), OTHER_STORIES)
def test_different_stories_with_one_dyad_do_not_merge(reuters_store, first, second, block) -> None:
    a, b = _clusters_of(reuters_store, first, block), _clusters_of(reuters_store, second, block)
    assert a and b
    assert not a & b


def test_no_cluster_joins_unrelated_statements(reuters_store) -> None:
    statements = reuters_store.sql(
        "SELECT c.cluster_id, c.n_events FROM clusters c JOIN events e "
        "ON e.id = c.representative_event_id WHERE e.root_code = '01'"
    )
    assert len(statements) > 0
    # a statement is merged only with the same statement filed again (a wire copy), never
    # with another article's words: statements stay one event per cluster or a wire pair
    assert set(statements["n_events"]) <= {1, 2}
