"""Read-only queries the API and the pages share, on top of the store's filters.

Everything here builds SQL from fixed fragments and passes user values as parameters (the
store's :class:`~dyadwatch.store.query.Where`); results are plain JSON-ready values (no NaN,
dates as ISO strings).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dyadwatch.analytics.loading import events_select
from dyadwatch.analytics.watches import ANALYTICS_COLUMNS
from dyadwatch.dictionaries.actor_names import actor_label, default_actor_names
from dyadwatch.store import EVENT_COLUMNS, Store, row_to_event
from dyadwatch.web.errors import NotFoundError
from dyadwatch.web.pagination import Order, decode_cursor, encode_cursor
from dyadwatch.web.params import EventParams

_SELECT = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
# an actor at country level: its country when known, else its code (IGOs, groups)
SIDE_A = "coalesce(e.source_country, e.source_code)"
SIDE_B = "coalesce(e.target_country, e.target_code)"


def jsonable(value: Any) -> Any:
    """A database or pandas value as JSON: NaN/NaT -> None, dates -> ISO strings."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        if value.tzinfo is None and value.time() == dt.time(0):
            return value.date().isoformat()  # a DATE column read through pandas
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return jsonable(value.item())
    return value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {str(k): jsonable(v) for k, v in row.items()} for row in frame.to_dict(orient="records")
    ]


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """The API's event: the JSON Lines record (docs/event-schema.md) plus ``cluster_id`` and
    each actor's ``label`` ("CHN China")."""
    record = row_to_event(row).to_dict()
    record["cluster_id"] = row.get("cluster_id")
    for side in ("source", "target"):  # "CHN China", for the dashboard's lists
        if record[side]:
            record[side]["label"] = actor_label(record[side]["code"])
    return record


@dataclass(frozen=True, slots=True)
class EventPage:
    events: list[dict[str, Any]]
    next_cursor: str | None
    total: int


def event_page(
    store: Store, params: EventParams, *, sort: str, limit: int, cursor: str | None
) -> EventPage:
    """One page of events matching ``params`` in ``sort`` order, resuming after ``cursor``."""
    order = Order.parse(sort)
    fingerprint = params.fingerprint()
    where = params.query().where("e")
    total_row = store.con.execute(
        f"SELECT count(*) FROM events e{where.sql()}", where.params
    ).fetchone()
    total = int(total_row[0]) if total_row else 0
    if cursor:
        value, last_id = decode_cursor(cursor, sort, fingerprint)
        order.after(where, value, last_id)
    sql = f"SELECT {_SELECT} FROM events e{where.sql()} ORDER BY {order.sql()} LIMIT ?"
    result = store.con.execute(sql, [*where.params, limit + 1])
    names = [d[0] for d in result.description]
    rows = [dict(zip(names, values, strict=True)) for values in result.fetchall()]
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more and rows:
        last = rows[-1]
        next_cursor = encode_cursor(sort, fingerprint, last[order.column], last["id"])
    return EventPage([event_record(r) for r in rows], next_cursor, total)


def events_by_ids(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    result = store.con.execute(
        f"SELECT {_SELECT} FROM events e WHERE e.id IN (SELECT unnest(?)) "
        "ORDER BY e.day NULLS LAST, e.id",
        [ids],
    )
    names = [d[0] for d in result.description]
    return [event_record(dict(zip(names, v, strict=True))) for v in result.fetchall()]


def document_summary(store: Store, doc_id: str) -> dict[str, Any] | None:
    row = store.con.execute(
        "SELECT id, title, source, url, pub_date, parent_id, truncated, status, duplicate_of "
        "FROM documents WHERE id = ?",
        [doc_id],
    ).fetchone()
    if row is None:
        return None
    keys = ("id", "title", "source", "url", "date", "parent_id", "truncated", "status")
    out = {k: jsonable(v) for k, v in zip(keys, row, strict=False)}
    out["duplicate_of"] = row[8]
    return out


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    found = events_by_ids(store, [event_id])
    if not found:
        raise NotFoundError(f"no event {event_id!r}")
    record = found[0]
    record["document"] = document_summary(store, record["doc_id"])
    return record


def document_detail(store: Store, doc_id: str) -> dict[str, Any]:
    """A document's text, metadata, every coded event (all modalities, in text order) and the
    documents related to it: its page's other parts (teasers, same ``parent_id``) and its
    duplicates (or the original it duplicates)."""
    try:
        stored = store.document(doc_id)
    except KeyError:
        raise NotFoundError(f"no document {doc_id!r}") from None
    doc = stored.document
    related: list[dict[str, Any]] = []
    family = doc.parent_id or doc_id
    rows = store.con.execute(
        "SELECT id, title, truncated, parent_id FROM documents "
        "WHERE (parent_id = ? OR id = ?) AND id <> ? ORDER BY id",
        [family, doc.parent_id or "", doc_id],
    ).fetchall()
    for rid, title, truncated, parent in rows:
        kind = "page" if rid == doc.parent_id else ("teaser" if truncated else "part")
        related.append({"id": rid, "title": title, "relation": kind, "parent_id": parent})
    if stored.duplicate_of:
        related.append({"id": stored.duplicate_of, "title": None, "relation": "original"})
    for dup in stored.duplicates:
        related.append({"id": dup, "title": None, "relation": "duplicate"})
    events = events_by_ids(store, [e.id for e in stored.events])
    position = {e.id: i for i, e in enumerate(stored.events)}
    events.sort(key=lambda r: position[r["id"]])
    return {
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "date": jsonable(doc.date),
        "parent_id": doc.parent_id,
        "truncated": doc.truncated,
        "metadata": dict(doc.metadata),
        "status": stored.status,
        "duplicate_of": stored.duplicate_of,
        "duplicate_kind": stored.duplicate_kind,
        "similarity": jsonable(stored.similarity),
        "duplicates": list(stored.duplicates),
        "related": related,
        "text": doc.text,
        "events": events,
    }


def document_list(
    store: Store, *, text: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    frame = store.documents(text=text)
    total = len(frame)
    page = frame.iloc[offset : offset + limit]
    columns = ["id", "title", "source", "pub_date", "status", "n_events", "parent_id"]
    return frame_records(page[columns].rename(columns={"pub_date": "date"})), total


def analytics_frame(store: Store, params: EventParams) -> pd.DataFrame:
    """The events ``params`` select, with only the columns the analytics read."""
    where = params.query().where("e")
    select = events_select(store, ANALYTICS_COLUMNS)  # with publication date, sources
    return store.sql(f"{select}{where.sql()} ORDER BY e.id", where.params)


def place_counts(store: Store, params: EventParams, limit: int) -> list[dict[str, Any]]:
    """Located events per place (with coordinates), busiest first."""
    where = params.query().where("e")
    where.add("e.lat IS NOT NULL AND e.lon IS NOT NULL")
    sql = (
        "SELECT coalesce(e.location_id, lower(e.location_name)) AS place, "
        "any_value(e.location_name) AS name, any_value(e.location_id) AS location_id, "
        "any_value(e.location_country) AS country, any_value(e.location_feature) AS feature, "
        "avg(e.lat) AS lat, avg(e.lon) AS lon, count(*) AS n_events, "
        "count(DISTINCT coalesce(e.cluster_id, e.id)) AS n_clusters, "
        "avg(e.goldstein) AS goldstein_mean, "
        "avg(CASE WHEN e.quad_class >= 3 THEN 1.0 ELSE 0.0 END) AS conflict_share "
        f"FROM events e{where.sql()} GROUP BY 1 ORDER BY n_events DESC, place LIMIT ?"
    )
    return frame_records(store.sql(sql, [*where.params, limit]))


def top_dyads(store: Store, params: EventParams, limit: int) -> list[dict[str, Any]]:
    """Actor pairs (country level, either direction) with the most events."""
    where = params.query().where("e")
    where.add("e.target_code IS NOT NULL")
    sql = (
        f"SELECT least({SIDE_A}, {SIDE_B}) AS a, greatest({SIDE_A}, {SIDE_B}) AS b, "
        "count(*) AS n_events, count(DISTINCT coalesce(e.cluster_id, e.id)) AS n_clusters, "
        "avg(e.goldstein) AS goldstein_mean, "
        "avg(CASE WHEN e.quad_class >= 3 THEN 1.0 ELSE 0.0 END) AS conflict_share, "
        "min(e.day) AS first_day, max(e.day) AS last_day "
        f"FROM events e{where.sql()} GROUP BY 1, 2 ORDER BY n_events DESC, a, b LIMIT ?"
    )
    records = frame_records(store.sql(sql, [*where.params, limit]))
    for record in records:
        record["a_label"], record["b_label"] = actor_label(record["a"]), actor_label(record["b"])
    return records


def actor_options(store: Store) -> list[dict[str, Any]]:
    """Actors to pick from: countries and stand-alone codes (IGOs, groups), busiest first,
    each with its ``name`` and ``label`` ("CHN China")."""
    sql = (
        "WITH sides AS (SELECT coalesce(source_country, source_code) AS code FROM events "
        "UNION ALL SELECT coalesce(target_country, target_code) FROM events "
        "WHERE target_code IS NOT NULL) "
        "SELECT code, count(*) AS n FROM sides GROUP BY code ORDER BY n DESC, code"
    )
    names = default_actor_names()
    records = frame_records(store.sql(sql))
    for record in records:
        record["name"] = names.name(record["code"])
        record["label"] = names.label(record["code"])
    return records


def date_extent(store: Store) -> tuple[dt.date | None, dt.date | None]:
    row = store.con.execute(
        "SELECT min(day), max(day_end) FROM events WHERE modality = 'asserted'"
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def events_of_documents(store: Store, doc_ids: list[str]) -> list[dict[str, Any]]:
    """Every event (all modalities) of these documents, in document and text order."""
    if not doc_ids:
        return []
    result = store.con.execute(
        f"SELECT {_SELECT} FROM events e WHERE e.doc_id IN (SELECT unnest(?)) "
        "ORDER BY e.doc_id, e.evidence_start, e.sentence_index, e.id",
        [doc_ids],
    )
    names = [d[0] for d in result.description]
    return [event_record(dict(zip(names, v, strict=True))) for v in result.fetchall()]


def parse_json_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    parsed = json.loads(value)
    return parsed if isinstance(parsed, list) else []


def attach_documents(store: Store, events: list[dict[str, Any]]) -> None:
    """Give each event record a ``document`` summary (title, outlet, URL) for the pages that
    list events: the reader sees where a report came from without opening it."""
    ids = sorted({e["doc_id"] for e in events})
    if not ids:
        return
    rows = store.con.execute(
        "SELECT id, title, source, url FROM documents WHERE id IN (SELECT unnest(?))", [ids]
    ).fetchall()
    found = {r[0]: {"id": r[0], "title": r[1], "source": r[2], "url": r[3]} for r in rows}
    for event in events:
        event.setdefault("document", found.get(event["doc_id"]))
