"""PLOVER-style JSON Lines export: one object per coded event, PLOVER field names.

Field names follow the PLOVER manual's JSON data fields (``id``, ``date``, ``enddate``,
``source``/``recipient`` as lists of actor objects, ``event``, ``mode``, ``context``,
``event_loc``, ``event_text``, ``quad_code``, ``event_scale``, ``link``, ``text_info``,
``cite_info``, ``coder``, ``coded_date``); what PLOVER has no field for is added under our own
names (``cameo_code``, ``modality``, ...), as the manual allows. Events whose CAMEO code has no
PLOVER type (CAMEO 01 and 02, dropped in PLOVER) are left out. See docs/exports.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

import duckdb

from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.store.query import EventQuery

# PLOVER's own quad categories (they differ from CAMEO's for e.g. PROTEST and SANCTION).
PLOVER_QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("REQUEST", "DEMAND", "ACCUSE", "DISAPPROVE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "CRIME"), 4),
}

_SELECT = """
SELECT e.id, e.day, e.day_end, e.date_precision, e.date_source, e.event_date, e.date_end,
       e.source_code, e.source_name, e.source_country, e.source_sector,
       e.target_code, e.target_name, e.target_country, e.target_sector,
       e.code, e.plover_type, e.plover_mode, e.goldstein, e.modality, e.attributed_to,
       e.location_name, e.location_country, e.location_feature, e.lat, e.lon, e.location_id,
       e.evidence_text, e.sentence_index, e.evidence_start, e.evidence_end, e.cluster_id,
       c.n_mentions, c.n_sources, c.n_articles,
       e.doc_id, d.url, d.title, d.source, r.coder_version, r.started, e.confidence
FROM events e
JOIN documents d ON d.id = e.doc_id
LEFT JOIN clusters c ON c.cluster_id = e.cluster_id
LEFT JOIN runs r ON r.run_id = e.run_id
"""


def plover_records(con: duckdb.DuckDBPyConnection, query: EventQuery) -> Iterator[dict[str, Any]]:
    """PLOVER objects for the events ``query`` selects that have a PLOVER type."""
    where = query.where("e")
    where.add("e.plover_type IS NOT NULL")
    cursor = con.cursor()
    try:
        result = cursor.execute(
            _SELECT + where.sql() + " ORDER BY e.day NULLS LAST, e.id", where.params
        )
        names = [d[0] for d in result.description]
        while batch := result.fetchmany(2000):
            for values in batch:
                yield plover_record(dict(zip(names, values, strict=True)))
    finally:
        cursor.close()


def write_plover(con: duckdb.DuckDBPyConnection, query: EventQuery, out: TextIO) -> int:
    n = 0
    for record in plover_records(con, query):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    types = [t for t in (row["plover_type"] or "").split("|") if t]
    day, day_end = row["day"], row["day_end"]
    record: dict[str, Any] = {
        "id": row["id"],
        "date": day.isoformat() if day else None,
        "enddate": day_end.isoformat() if day_end and day_end != day else None,
        "source": [_actor(row, "source")],
        "recipient": [_actor(row, "target")] if row["target_code"] else [],
        "event": types,
        "mode": [row["plover_mode"]] if row["plover_mode"] else [],
        "context": list(default_codebook().contexts(row["code"])),
        "event_loc": _location(row),
        "event_text": [row["evidence_text"]],
        "quad_code": PLOVER_QUAD.get(types[0]) if types else None,
        "event_scale": row["goldstein"],
        "link": row["cluster_id"],
        "text_info": {
            "sequence": row["sentence_index"],
            "start": row["evidence_start"],
            "end": row["evidence_end"],
        },
        "cite_info": {
            "citation": row["doc_id"],
            "url": row["url"],
            "title": row["title"],
            "publication": row["source"],
        },
        "coder": f"dyadwatch {row['coder_version']}" if row["coder_version"] else "dyadwatch",
        "coded_date": row["started"].date().isoformat() if row["started"] else None,
        # our fields (no PLOVER name)
        "cameo_code": row["code"],
        "modality": row["modality"],
        "attributed_to": row["attributed_to"],
        "confidence": row["confidence"],
        "event_date": row["event_date"],
        "date_precision": row["date_precision"],
        "date_source": row["date_source"],
        "date_end": row["date_end"],
        "mentions": row["n_mentions"],
        "sources": row["n_sources"],
        "articles": row["n_articles"],
    }
    return record


def _actor(row: dict[str, Any], side: str) -> dict[str, Any]:
    code = row[f"{side}_code"]
    return {
        "code": row[f"{side}_country"] or code[:3],
        "sector": row[f"{side}_sector"],
        "actor_text": row[f"{side}_name"],
        "cameo_code": code,
    }


def _location(row: dict[str, Any]) -> dict[str, Any] | None:
    if row["location_name"] is None:
        return None
    place_id = row["location_id"] or ""
    geonameid = int(place_id.split(":", 1)[1]) if place_id.startswith("geonames:") else None
    return {
        "name": row["location_name"],
        "latitude": row["lat"],
        "longitude": row["lon"],
        "cc3": row["location_country"],
        "feature_code": row["location_feature"],
        "geonameid": geonameid,
        "place_id": row["location_id"],
    }
