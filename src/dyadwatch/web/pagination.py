"""Keyset pagination over the events table with an opaque cursor.

Rows are ordered by one sort column (NULLs last) and then by event id, in the same direction,
so the order is total and stable while rows are added. A cursor is base64url JSON holding the
sort key of the last row sent and a fingerprint of the filters: it resumes exactly after that
row, and a cursor from another query is refused rather than silently mixing two lists.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any, Literal

from dyadwatch.store.query import Where
from dyadwatch.web.errors import BadParameterError

SortKey = Literal[
    "date",
    "-date",
    "goldstein",
    "-goldstein",
    "code",
    "-code",
    "source",
    "-source",
    "target",
    "-target",
]
SORT_COLUMNS: dict[str, str] = {
    "date": "day",
    "goldstein": "goldstein",
    "code": "code",
    "source": "source_code",
    "target": "target_code",
}
MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Order:
    column: str
    descending: bool

    @classmethod
    def parse(cls, sort: str) -> Order:
        name = sort.removeprefix("-")
        if name not in SORT_COLUMNS:
            raise BadParameterError("sort", f"unknown sort {sort!r}")
        return cls(SORT_COLUMNS[name], sort.startswith("-"))

    def sql(self, alias: str = "e") -> str:
        way = "DESC" if self.descending else "ASC"
        return f"{alias}.{self.column} {way} NULLS LAST, {alias}.id {way}"

    def after(self, where: Where, value: Any, last_id: str, alias: str = "e") -> None:
        """Add the condition 'strictly after the row (value, last_id)' to ``where``."""
        col, ident = f"{alias}.{self.column}", f"{alias}.id"
        beyond = "<" if self.descending else ">"
        if value is None:  # in the NULL tail: only later ids remain
            where.add(f"({col} IS NULL AND {ident} {beyond} ?)", last_id)
        else:
            where.add(
                f"({col} {beyond} ? OR ({col} = ? AND {ident} {beyond} ?) OR {col} IS NULL)",
                value,
                value,
                last_id,
            )


def encode_cursor(sort: str, fingerprint: str, value: Any, last_id: str) -> str:
    if isinstance(value, dt.datetime):
        value = value.date().isoformat()
    elif isinstance(value, dt.date):
        value = value.isoformat()
    raw = json.dumps({"s": sort, "f": fingerprint, "v": value, "i": last_id}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str, fingerprint: str) -> tuple[Any, str]:
    """(sort value, event id) of the row the cursor points after; 400 when it is not one of
    ours or belongs to another query."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if not isinstance(data, dict) or not isinstance(data.get("i"), str) or not data["i"]:
            raise ValueError("not a cursor")
    except (ValueError, UnicodeError, binascii.Error):
        raise BadParameterError("cursor", "not a cursor returned by this API") from None
    if data.get("s") != sort or data.get("f") != fingerprint:
        raise BadParameterError(
            "cursor", "this cursor belongs to another query: repeat the same filters and sort"
        )
    value = data.get("v")
    column = SORT_COLUMNS[sort.removeprefix("-")]
    if value is not None and not _fits(column, value):
        raise BadParameterError("cursor", "not a cursor returned by this API")
    if value is not None and column == "day":
        value = dt.date.fromisoformat(value)
    return value, data["i"]


def _fits(column: str, value: Any) -> bool:
    """Whether a cursor's sort value has the type of its column (a forged one may not)."""
    if column == "goldstein":
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and (math.isfinite(value) and abs(value) <= 1e6)
        )
    if not isinstance(value, str) or len(value) > 500:
        return False
    if column == "day":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
    return True
