"""Events as an analyst reads them: newest first, with their document's title, outlet and link.

:func:`event_listing` backs ``dyadwatch events`` (and :func:`document_info` the dashboard's
evidence column): the stored events a filter selects, each with the title, outlet (the
document's ``source``) and URL of the document it was found in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import duckdb
import pandas as pd

from dyadwatch.store.filters import EventQuery
from dyadwatch.store.rows import EVENT_COLUMNS

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
