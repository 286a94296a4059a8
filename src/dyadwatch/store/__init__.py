"""The store: DuckDB schema and migrations, idempotent ingest, duplicates, event clusters,
exports and the notebook API (docs/store.md, docs/exports.md)."""

from __future__ import annotations

from dyadwatch.store.filters import EventQuery
from dyadwatch.store.pipeline import (
    EXIT_OK,
    EXIT_REJECTED,
    CoderLike,
    IngestReport,
    ingest,
    ingest_documents,
    recode,
)
from dyadwatch.store.rows import EVENT_COLUMNS, event_to_row, row_to_event
from dyadwatch.store.store import Store, StoredDocument, open

__all__ = [
    "EVENT_COLUMNS",
    "EXIT_OK",
    "EXIT_REJECTED",
    "CoderLike",
    "EventQuery",
    "IngestReport",
    "Store",
    "StoredDocument",
    "event_to_row",
    "ingest",
    "ingest_documents",
    "open",
    "recode",
    "row_to_event",
]
