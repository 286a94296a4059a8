"""Flattening the data contract into table rows and back.

An :class:`~dyadwatch.model.Event` becomes one ``events`` row (see :data:`EVENT_COLUMNS`, the
column contract shared with the analytics); a :class:`~dyadwatch.model.Document` one
``documents`` row. The conversions are lossless: ``row_to_event(event_to_row(e)) == e``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from dyadwatch.coding.dates.resolve import period_days as period
from dyadwatch.model import Actor, Document, Event, EventDate, Evidence, Place, Plover

# The events table, in column order. The first 37 names are the contract shared with the
# analytics (do not rename); later names are additions.
EVENT_COLUMNS: tuple[str, ...] = (
    "id",
    "doc_id",
    "sentence_index",
    "evidence_text",
    "evidence_start",
    "evidence_end",
    "spans",
    "source_code",
    "source_name",
    "source_country",
    "source_sector",
    "target_code",
    "target_name",
    "target_country",
    "target_sector",
    "code",
    "root_code",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "modality",
    "attributed_to",
    "event_date",
    "date_precision",
    "date_source",
    "date_end",
    "day",
    "location_name",
    "location_id",
    "location_country",
    "lat",
    "lon",
    "location_feature",
    "rule",
    "cluster_id",
    "run_id",
    # additions beyond the shared contract
    "day_end",  # last day of the event's period: end of its precision, or of date_end
    "source_person",
    "target_person",
)

JSON_EVENT_COLUMNS = frozenset({"spans", "rule"})

DOCUMENT_COLUMNS: tuple[str, ...] = (
    "id",
    "parent_id",
    "source",
    "url",
    "title",
    "pub_date",
    "truncated",
    "content_hash",
    "text",
    "metadata",
    "duplicate_of",
    "ingested_at",
    "run_id",
    # additions
    "origin",
    "record_hash",
    "status",
    "duplicate_kind",
    "similarity",
    "coder_version",
    "n_events",
)


def event_days(date: EventDate) -> tuple[dt.date | None, dt.date | None]:
    """(``day``, ``day_end``) of an event: its period's first day and its (or its span's) last."""
    own = period(date.value)
    if own is None:
        return None, None
    span = period(date.end)
    last = max(own[1], span[1]) if span else own[1]
    return own[0], last


def event_to_row(event: Event, *, run_id: str | None = None) -> dict[str, Any]:
    """The ``events`` row of an event; JSON columns are serialised strings."""
    source, target, loc = event.source, event.target, event.location
    day, day_end = event_days(event.date)
    return {
        "id": event.id,
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "spans": _dumps({k: list(v) for k, v in event.evidence.spans.items()}),
        "source_code": source.code,
        "source_name": source.name,
        "source_country": source.country,
        "source_sector": source.sector,
        "target_code": target.code if target else None,
        "target_name": target.name if target else None,
        "target_country": target.country if target else None,
        "target_sector": target.sector if target else None,
        "code": event.code,
        "root_code": event.root_code,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover_type": event.plover.event_type,
        "plover_mode": event.plover.mode,
        "modality": event.modality,
        "attributed_to": event.attributed_to,
        "event_date": event.date.value,
        "date_precision": event.date.precision,
        "date_source": event.date.source,
        "date_end": event.date.end,
        "day": day,
        "location_name": loc.name if loc else None,
        "location_id": loc.id if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "location_feature": loc.feature if loc else None,
        "rule": _dumps(dict(event.rule)),
        "cluster_id": None,
        "run_id": run_id,
        "day_end": day_end,
        "source_person": source.person,
        "target_person": target.person if target else None,
    }


def row_to_event(row: dict[str, Any]) -> Event:
    """Rebuild the :class:`Event` of an ``events`` row (JSON columns as strings or objects)."""
    spans = _loads(row["spans"]) or {}
    target = None
    if row["target_code"] is not None:
        target = Actor(
            code=row["target_code"],
            name=row["target_name"],
            country=row["target_country"],
            sector=row["target_sector"],
            person=row.get("target_person"),
        )
    location = None
    if row["location_name"] is not None:
        location = Place(
            name=row["location_name"],
            country=row["location_country"],
            lat=_opt_float(row["lat"]),
            lon=_opt_float(row["lon"]),
            feature=row["location_feature"] or "",
            id=row["location_id"],
        )
    return Event(
        id=row["id"],
        doc_id=row["doc_id"],
        sentence_index=int(row["sentence_index"]),
        evidence=Evidence(
            text=row["evidence_text"],
            start=int(row["evidence_start"]),
            end=int(row["evidence_end"]),
            spans={k: (int(v[0]), int(v[1])) for k, v in spans.items()},
        ),
        source=Actor(
            code=row["source_code"],
            name=row["source_name"],
            country=row["source_country"],
            sector=row["source_sector"],
            person=row.get("source_person"),
        ),
        target=target,
        code=row["code"],
        root_code=row["root_code"],
        quad_class=int(row["quad_class"]),
        goldstein=float(row["goldstein"]),
        plover=Plover(row["plover_type"], row["plover_mode"]),
        modality=row["modality"],
        attributed_to=row["attributed_to"],
        date=EventDate(
            value=row["event_date"],
            precision=row["date_precision"],
            source=row["date_source"],
            end=row["date_end"],
        ),
        location=location,
        rule={str(k): str(v) for k, v in (_loads(row["rule"]) or {}).items()},
    )


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _loads(value: Any) -> Any:
    if value is None or isinstance(value, dict | list):
        return value
    return json.loads(value)


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def row_to_document(row: dict[str, Any]) -> Document:
    """Rebuild the :class:`Document` of a ``documents`` row."""
    metadata = _loads(row.get("metadata")) or {}
    return Document(
        id=row["id"],
        text=row["text"],
        date=row["pub_date"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        truncated=bool(row["truncated"]),
        parent_id=row["parent_id"],
        origin=row.get("origin") or "",
        metadata={str(k): str(v) for k, v in metadata.items()},
    )
