"""Coverage: how many documents the store holds per publication day and per outlet.

Counts of events only mean something against the reporting they come from: a day without
documents is *missing*, not quiet, and a day with twice the documents is expected to have twice
the events. The ``coverage`` table (one row per publication day and outlet, duplicates
included, as GDELT's normalisation files count every article monitored) is kept by the writer in
the same transaction as the documents, so it always agrees with ``documents``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import duckdb
import pandas as pd

# Outlet key for documents that name none: counted, as one unknown outlet.
UNKNOWN_SOURCE = ""

CoverageKey = tuple[dt.date, str]

CREATE_TABLE = """
    CREATE TABLE coverage (
        day DATE NOT NULL,                  -- publication date
        source VARCHAR NOT NULL,            -- documents.source, '' when unknown
        n_documents INTEGER NOT NULL,       -- documents published that day (duplicates included)
        PRIMARY KEY (day, source)
    )
"""
BACKFILL = (
    "INSERT INTO coverage SELECT pub_date, coalesce(source, ''), count(*) FROM documents "
    "WHERE pub_date IS NOT NULL GROUP BY ALL"
)


def keys_of(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]) -> set[CoverageKey]:
    """The (day, outlet) keys of stored documents (call before replacing them)."""
    ids = sorted(set(doc_ids))
    if not ids:
        return set()
    rows = con.execute(
        "SELECT DISTINCT pub_date, coalesce(source, '') FROM documents "
        "WHERE id IN (SELECT unnest(?)) AND pub_date IS NOT NULL",
        [ids],
    ).fetchall()
    return {(r[0], r[1]) for r in rows}


def refresh(con: duckdb.DuckDBPyConnection, keys: Iterable[CoverageKey]) -> None:
    """Recount the documents of these (day, outlet) keys; call inside the writing transaction."""
    wanted = sorted({k for k in keys if k[0] is not None})
    if not wanted:
        return
    days = [k[0] for k in wanted]
    sources = [k[1] for k in wanted]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE coverage_keys AS "
        "SELECT unnest(?::DATE[]) AS day, unnest(?::VARCHAR[]) AS source",
        [days, sources],
    )
    try:
        con.execute(
            "DELETE FROM coverage USING coverage_keys k "
            "WHERE coverage.day = k.day AND coverage.source = k.source"
        )
        con.execute(
            "INSERT INTO coverage SELECT k.day, k.source, count(*) FROM coverage_keys k "
            "JOIN documents d ON d.pub_date = k.day AND coalesce(d.source, '') = k.source "
            "GROUP BY ALL"
        )
    finally:
        con.execute("DROP TABLE IF EXISTS coverage_keys")


def per_day_query(
    *,
    source: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> tuple[str, list[object]]:
    """SQL and parameters for documents per publication day (summed over outlets, or one
    outlet): ``day``, ``n_documents``, ``n_sources``; days without documents are absent.
    Shared with the analytics, which read it through any store that answers SQL."""
    where: list[str] = ["true"]
    params: list[object] = []
    for clause, value in (("source = ?", source), ("day >= ?", since), ("day <= ?", until)):
        if value is not None:
            where.append(clause)
            params.append(value)
    sql = (
        "SELECT day, sum(n_documents)::BIGINT AS n_documents, count(*)::BIGINT AS n_sources "
        f"FROM coverage WHERE {' AND '.join(where)} GROUP BY day ORDER BY day"
    )
    return sql, params


def read(
    con: duckdb.DuckDBPyConnection,
    *,
    source: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """Documents per publication day (see :func:`per_day_query`)."""
    sql, params = per_day_query(source=source, since=since, until=until)
    frame = con.execute(sql, params).df()
    frame["day"] = pd.to_datetime(frame["day"])
    return frame
