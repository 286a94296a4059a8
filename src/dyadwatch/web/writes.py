"""``POST /api/documents`` without holding the database: code first, then write in short batches.

Coding is the slow part (seconds per long document) and needs no database, so it runs before
the write lock is taken; the batch is then written and committed under the lock as one ingest
run, whose coder only hands back the events already found. Batches are bounded (``Limits
.write_batch_documents`` and ``write_batch_chars``), so the lock is held briefly, readers and
other writers take their turn between batches, and a shutdown stops between two of them with
everything before committed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dyadwatch.analytics.watches import check_watches
from dyadwatch.engine.local import load_coder
from dyadwatch.model import Document, Event, Reject
from dyadwatch.pipeline import CoderLike, IngestReport, ingest_documents
from dyadwatch.store import Store
from dyadwatch.store.dedup import record_hash
from dyadwatch.web import queries
from dyadwatch.web.database import ShuttingDown
from dyadwatch.web.state import AppState

_coder_lock = threading.Lock()


@dataclass
class PostResult:
    """What one POST did, over all its batches."""

    run_ids: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    documents: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, report: IngestReport) -> None:
        self.run_ids.append(report.run_id)
        for name, value in report.counts().items():
            self.counts[name] = self.counts.get(name, 0) + value
        self.rejects.extend(r.to_dict() for r in report.rejects)
        self.warnings.extend(report.warnings)


@dataclass(frozen=True, slots=True)
class Coded:
    document: Document
    events: list[Event]
    failure: Exception | None = None


class _Precoded:
    """A coder that returns the events found before the write lock was taken; a document it
    has not seen (a stored duplicate decided again) is coded by the real coder."""

    def __init__(self, coder: CoderLike, found: dict[str, Coded]) -> None:
        self._coder = coder
        self._found = found
        self.version = coder.version

    def code(self, doc: Document) -> list[Event]:
        coded = self._found.get(doc.id)
        if coded is None or coded.document != doc:
            return self._coder.code(doc)
        if coded.failure is not None:
            raise coded.failure  # recorded as a reject by the engine, as if raised now
        return coded.events


def coder_of(state: AppState) -> CoderLike:
    """The app's coder, loaded once, on the first write."""
    with _coder_lock:
        if state.coder is None:
            state.coder = load_coder(state.settings)  # type: ignore[assignment]
        assert state.coder is not None
        return state.coder


def batches(items: Sequence[Document | Reject], documents: int, chars: int) -> Iterator[list[Any]]:
    """Consecutive runs of ``items`` with at most ``documents`` documents and about ``chars``
    characters of text (a longer document goes alone)."""
    batch: list[Document | Reject] = []
    count = size = 0
    for item in items:
        length = len(item.text) if isinstance(item, Document) else 0
        if batch and isinstance(item, Document) and (count >= documents or size + length > chars):
            yield batch
            batch, count, size = [], 0, 0
        batch.append(item)
        if isinstance(item, Document):
            count, size = count + 1, size + length
    if batch:
        yield batch


def store_documents(state: AppState, items: Sequence[Document | Reject]) -> PostResult:
    """Code and store ``items`` batch by batch (see the module docstring)."""
    coder = coder_of(state)
    limits = state.limits
    result = PostResult()
    for batch in batches(items, limits.write_batch_documents, limits.write_batch_chars):
        if state.database.stopping:
            raise ShuttingDown(
                "the server is shutting down; the documents before this batch were stored: "
                "send the request again (stored ones are skipped)",
                retry_after=10,
            )
        found = _code_outside_lock(state, coder, batch)
        with state.write_lock, state.database.writing() as store:
            report = ingest_documents(
                store,
                batch,
                coder=_Precoded(coder, found),
                settings=state.settings,
                watch=check_watches,
            )
            result.add(report)
            result.documents.extend(_stored(store, batch))
    return result


def _code_outside_lock(
    state: AppState, coder: CoderLike, batch: list[Document | Reject]
) -> dict[str, Coded]:
    docs = [item for item in batch if isinstance(item, Document)]
    with state.database.reading() as store:
        stored = dict(
            store.con.execute(
                "SELECT id, record_hash FROM documents WHERE id IN (SELECT unnest(?))",
                [[d.id for d in docs]],
            ).fetchall()
        )
    fresh = [d for d in docs if stored.get(d.id) != record_hash(d)]  # unchanged: not re-coded
    found: dict[str, Coded] = {}
    for doc in fresh:
        if state.database.stopping:
            raise ShuttingDown("the server is shutting down: send the request again", 10)
        try:
            found[doc.id] = Coded(doc, coder.code(doc))
        except Exception as exc:  # the engine records it as this document's reject
            found[doc.id] = Coded(doc, [], exc)
    return found


def _stored(store: Store, batch: list[Document | Reject]) -> list[dict[str, Any]]:
    doc_ids = [item.id for item in batch if isinstance(item, Document)]
    by_doc: dict[str, list[dict[str, Any]]] = {d: [] for d in doc_ids}
    for event in queries.events_of_documents(store, doc_ids):
        by_doc[event["doc_id"]].append(event)
    documents = []
    for doc_id in doc_ids:
        summary = queries.document_summary(store, doc_id) or {}
        documents.append(
            {
                "id": doc_id,
                "status": summary.get("status"),
                "duplicate_of": summary.get("duplicate_of"),
                "events": by_doc[doc_id],
            }
        )
    return documents
