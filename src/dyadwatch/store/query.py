"""Which events, and how an analyst reads them.

:class:`EventQuery` is the store's name for the event filters (the keyword arguments of
``Store.events`` and the exports) as parameterised SQL; the vocabulary (names, checks, SQL and
pandas forms) is :data:`dyadwatch.filters.FIELDS`. :func:`event_listing` backs ``dyadwatch
events`` (and :func:`document_info` the dashboard's evidence column): the stored events a filter
selects, newest first, each with the title, outlet (the document's ``source``) and URL of the
document it was found in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import duckdb
import numpy as np
import pandas as pd

from dyadwatch.dictionaries.actor_names import resolve_actor
from dyadwatch.filters import Where, frame_mask, normalise, parse_dyad, sql_where
from dyadwatch.store.rows import EVENT_COLUMNS


class EventQuery:
    """Which events to return: keyword arguments named by :data:`dyadwatch.filters.FIELDS`
    (``actor``, ``dyad``, ``root``, ``since`` ...), checked when built. Every field is optional;
    fields combine with AND and the values inside one field with OR. ``modality`` defaults to
    asserted events; ``"all"`` (or None) keeps every modality."""

    __slots__ = ("values",)

    def __init__(self, **filters: Any) -> None:
        self.values = normalise(filters, resolve_actor)

    def where(self, alias: str = "e") -> Where:
        """The conditions on the events table aliased ``alias``."""
        return sql_where(self.values, alias)

    def mask(self, frame: pd.DataFrame) -> np.ndarray:
        """The same selection on an events frame with the store's columns."""
        return frame_mask(frame, self.values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EventQuery) and other.values == self.values

    def __hash__(self) -> int:
        return hash(repr(sorted(self.values.items(), key=lambda kv: kv[0])))

    def __repr__(self) -> str:
        return f"EventQuery({self.values!r})"


ListingSort = Literal["date", "-date"]
DOCUMENT_COLUMNS = ("doc_title", "doc_outlet", "doc_url")


def event_listing(
    con: duckdb.DuckDBPyConnection,
    query: EventQuery,
    *,
    sort: ListingSort = "-date",
    limit: int | None = 50,
) -> tuple[pd.DataFrame, int]:
    """The events ``query`` selects (``-date``: newest first), at most ``limit`` of them,
    with ``doc_title``, ``doc_outlet`` and ``doc_url``; and how many match in all."""
    where = query.where("e")
    way = "DESC" if sort == "-date" else "ASC"
    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    sql = (
        f"SELECT {columns}, d.title AS doc_title, d.source AS doc_outlet, d.url AS doc_url "
        f"FROM events e LEFT JOIN documents d ON d.id = e.doc_id{where.sql()} "
        f"ORDER BY e.day {way} NULLS LAST, e.id {way}"
    )
    params = list(where.params)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    frame = con.execute(sql, params).df()
    counted = con.execute(f"SELECT count(*) FROM events e{where.sql()}", where.params).fetchone()
    return frame, int(counted[0]) if counted else 0


def document_info(
    con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """``{doc_id: {title, outlet, url}}`` for these documents (those stored)."""
    ids = sorted(set(doc_ids))
    if not ids:
        return {}
    rows = con.execute(
        "SELECT id, title, source, url FROM documents WHERE id IN (SELECT unnest(?))", [ids]
    ).fetchall()
    return {r[0]: {"title": r[1], "outlet": r[2], "url": r[3]} for r in rows}


__all__ = [
    "DOCUMENT_COLUMNS",
    "EventQuery",
    "ListingSort",
    "Where",
    "document_info",
    "event_listing",
    "parse_dyad",
]
