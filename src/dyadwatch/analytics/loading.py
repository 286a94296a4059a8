"""Reading what the indicators need from a store: events with their context, and coverage.

The events come with three context columns (:data:`~.frame.CONTEXT_COLUMNS`): the
publication date of their document, the number of independent sources of their cluster and
the coder's confidence. A store written before the coder recorded confidence has no such
column; its events read as confidence 1.0, so a watch asking for a minimum confidence still
runs there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, cast

import pandas as pd

from dyadwatch.analytics.frame import ANALYTICS_COLUMNS
from dyadwatch.errors import StoreError
from dyadwatch.store import coverage


class SqlStore(Protocol):
    def sql(
        self, query: str, params: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> pd.DataFrame: ...


# Independent sources of a cluster: distinct outlets among the documents that were coded, so a
# second outlet's copy of the same wire story (a duplicate) does not count as a confirmation.
INDEPENDENT_SOURCES = (
    "SELECT m.cluster_id, count(DISTINCT coalesce(sd.source, '')) AS n_sources "
    "FROM cluster_members m JOIN documents sd ON sd.id = m.doc_id "
    "WHERE NOT m.via_duplicate GROUP BY m.cluster_id"
)


def has_column(store: SqlStore, table: str, column: str) -> bool:
    """Whether the store's table has the column (False when the store cannot say)."""
    try:
        found = store.sql(
            "SELECT count(*) AS n FROM information_schema.columns "
            "WHERE table_schema = 'main' AND table_name = ? AND column_name = ?",
            [table, column],
        )
        return bool(found["n"].iloc[0])
    except Exception:  # a store that only answers its own queries (the protocol's minimum)
        return False


def events_select(store: SqlStore, columns: Sequence[str] = ANALYTICS_COLUMNS) -> str:
    """``SELECT ... FROM events e LEFT JOIN ...``: the columns (of alias ``e``) and the context
    columns; add a WHERE over ``e`` and an ORDER BY."""
    confidence = (
        "coalesce(e.confidence, 1.0)" if has_column(store, "events", "confidence") else "1.0"
    )
    picked = ", ".join(f"e.{c}" for c in (*columns, *(() if "doc_id" in columns else ("doc_id",))))
    return (
        f"SELECT {picked}, d.pub_date AS pub_date, s.n_sources AS n_sources, "
        f"{confidence} AS confidence FROM events e "
        "LEFT JOIN documents d ON d.id = e.doc_id "
        f"LEFT JOIN ({INDEPENDENT_SOURCES}) s ON s.cluster_id = e.cluster_id"
    )


def load_events(store: SqlStore, columns: Sequence[str] = ANALYTICS_COLUMNS) -> pd.DataFrame:
    """Every stored event (all modalities), with only the columns the analytics read and the
    context columns.

    Read through Arrow when the store exposes its DuckDB connection: repeated strings (actor
    codes, roots, places) then share one Python object each, which halves the peak memory
    of a million-event store compared with a plain DataFrame fetch.
    """
    try:
        query = events_select(store, columns) + " ORDER BY e.id"
        con = getattr(store, "con", None)
        if con is not None and hasattr(con, "sql"):
            table = con.sql(query).to_arrow_table()
            return cast(pd.DataFrame, table.to_pandas(date_as_object=False))
        return store.sql(query)
    except Exception as exc:  # the store's driver errors are not part of our tree
        raise StoreError(f"cannot read events: {exc}") from exc


def documents_per_day(
    store: SqlStore, since: dt.date | None = None, until: dt.date | None = None
) -> pd.Series:
    """Documents the store holds per publication day (index: day; days without any are
    absent). Empty for a store without the coverage table."""
    if not has_column(store, "coverage", "n_documents"):
        return pd.Series(dtype="int64", name="n_documents")
    frame = store.sql(*coverage.per_day_query(since=since, until=until))
    return pd.Series(
        frame["n_documents"].to_numpy(dtype="int64"),
        index=pd.to_datetime(frame["day"]),
        name="n_documents",
    )
