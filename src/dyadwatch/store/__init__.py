"""The store: DuckDB schema and migrations, the batch writer, duplicates, event clusters,
exports and the notebook API (docs/store.md, docs/exports.md). Ingest and recode (which read,
code and then write here) live one layer up, in :mod:`dyadwatch.pipeline`."""

from __future__ import annotations

from dyadwatch.store.query import EventQuery
from dyadwatch.store.rows import EVENT_COLUMNS, event_to_row, row_to_event
from dyadwatch.store.store import Store, StoredDocument, open

__all__ = [
    "EVENT_COLUMNS",
    "EventQuery",
    "Store",
    "StoredDocument",
    "event_to_row",
    "open",
    "row_to_event",
]
