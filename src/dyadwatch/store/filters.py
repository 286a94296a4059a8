"""Event filters as parameterised SQL: the keyword arguments of ``Store.events`` and exports.

User values only ever travel as query parameters; the SQL text is built from fixed fragments.
Matching follows the analytics' ``EventFilter``: actor and event codes match by prefix
(``CHN`` matches ``CHNMIL``; ``19`` matches ``190`` and ``1951``), root codes exactly
(zero-padded), places by gazetteer id (with a colon) or by the leading words of the name, dates
by overlap of the event's period with ``[since, until]``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dyadwatch.errors import ConfigError
from dyadwatch.model import MODALITIES

_ACTOR = re.compile(r"^[A-Z0-9]{1,30}$")
_CAMEO = re.compile(r"^\d{1,4}$")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")

Many = str | Sequence[str] | None


@dataclass(slots=True)
class Where:
    """AND-ed SQL conditions and their parameters, in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to return; every field is optional, fields combine with AND and the values
    inside one field with OR. ``modality`` defaults to asserted events; ``"all"`` keeps every
    modality."""

    actor: Many = None  # either side, code prefix
    source: Many = None  # source side, code prefix
    target: Many = None  # target side, code prefix
    dyad: tuple[str, str] | None = None  # (a, b): a with b in either direction
    directed: bool = False  # the dyad only as a -> b
    code: Many = None  # CAMEO code prefix
    root: Many = None  # CAMEO root code, exact ("4" is read as "04")
    quad_class: int | Sequence[int] | None = None
    modality: Many = "asserted"  # "all" (or None) for every modality
    since: dt.date | str | None = None  # the event's period overlaps [since, until]
    until: dt.date | str | None = None
    place: Many = None  # "dw:senkaku-islands" (id) or "senkaku" (leading words of the name)
    text: str | None = None  # substring of the evidence sentence, case-insensitive
    doc_id: Many = None
    cluster_id: Many = None

    def where(self, alias: str = "e") -> Where:
        """The conditions on the events table aliased ``alias``."""
        w = Where()
        col = f"{alias}."
        actors = _codes(self.actor, "actor")
        if actors:
            w.add(
                f"({_prefix_any(col + 'source_code', actors)} OR "
                f"{_prefix_any(col + 'target_code', actors)})",
                *actors,
                *actors,
            )
        for name, column in (("source", "source_code"), ("target", "target_code")):
            codes = _codes(getattr(self, name), name)
            if codes:
                w.add(_prefix_any(col + column, codes), *codes)
        if self.dyad is not None:
            a, b = _dyad(self.dyad)
            forward = f"(starts_with({col}source_code, ?) AND starts_with({col}target_code, ?))"
            if self.directed:
                w.add(forward, a, b)
            else:
                w.add(f"({forward} OR {forward})", a, b, b, a)
        codes = [_cameo(c, "event code") for c in _many(self.code)]
        if codes:
            w.add(_prefix_any(col + "code", codes), *codes)
        roots = [_cameo(c, "root code").zfill(2) for c in _many(self.root)]
        if roots:
            w.add(f"{col}root_code IN (SELECT unnest(?))", roots)
        quads = _quads(self.quad_class)
        if quads:
            w.add(f"{col}quad_class IN (SELECT unnest(?))", quads)
        modalities = _modalities(self.modality)
        if modalities:
            w.add(f"{col}modality IN (SELECT unnest(?))", modalities)
        since, until = _date(self.since, "since"), _date(self.until, "until")
        if since is not None:
            w.add(f"{col}day_end >= ?", since)
        if until is not None:
            w.add(f"{col}day <= ?", until)
        places = _many(self.place)
        if places:
            parts, params = _place_sql(col, places)
            w.add(parts, *params)
        if self.text:
            w.add(f"{col}evidence_text ILIKE ? ESCAPE '\\'", "%" + _escape_like(self.text) + "%")
        for name in ("doc_id", "cluster_id"):
            values = _many(getattr(self, name))
            if values:
                w.add(f"{col}{name} IN (SELECT unnest(?))", list(values))
        return w


def _many(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str | int):
        return [str(value)]
    return [str(v) for v in value]


def _codes(value: Many, what: str) -> list[str]:
    out = []
    for raw in _many(value):
        code = raw.strip().upper()
        if not _ACTOR.match(code):
            raise ConfigError(f"bad {what} code {raw!r}: use letters/digits such as CHN, CHNMIL")
        out.append(code)
    return out


def parse_dyad(text: str) -> tuple[str, str]:
    """Two actor codes written as one option value: ``CHN,JPN``, ``CHN-JPN``, ``CHN:JPN``,
    ``CHN/JPN``, ``CHN->JPN`` or ``CHN JPN`` (one parser for every interface)."""
    parts = [p for p in re.split(r"[,:/\s]+|->|-", text.strip()) if p]
    if len(parts) != 2:
        raise ConfigError(f"--dyad takes two actor codes such as CHN,JPN, not {text!r}")
    return parts[0], parts[1]


def _dyad(pair: Sequence[str]) -> tuple[str, str]:
    codes = _codes(list(pair), "dyad")
    if len(codes) != 2:
        raise ConfigError(f"a dyad is two actor codes, got {list(pair)!r}")
    return codes[0], codes[1]


def _cameo(value: str, what: str) -> str:
    text = value.strip()
    if not _CAMEO.match(text):
        raise ConfigError(f"bad CAMEO {what} {value!r}: use digits such as 15 or 0874")
    return text


def _quads(value: int | Sequence[int] | None) -> list[int]:
    if value is None:
        return []
    raw = [value] if isinstance(value, int | str) else list(value)
    try:
        quads = [int(q) for q in raw]
    except ValueError:
        raise ConfigError(f"quad classes are 1-4, got {raw!r}") from None
    if any(q not in (1, 2, 3, 4) for q in quads):
        raise ConfigError(f"quad classes are 1-4, got {quads!r}")
    return quads


def _modalities(value: Many) -> list[str]:
    values = _many(value)
    if not values or "all" in values:
        return []
    bad = [m for m in values if m not in MODALITIES]
    if bad:
        raise ConfigError(f"unknown modality {bad[0]!r}; use all or {', '.join(MODALITIES)}")
    return values


def _date(value: dt.date | str | None, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"bad {what} date {value!r}: use YYYY-MM-DD") from None


def _prefix_any(column: str, values: list[str]) -> str:
    return "(" + " OR ".join(f"starts_with({column}, ?)" for _ in values) + ")"


def _words(text: str) -> str:
    return " ".join(w for w in _NOT_ALNUM.split(text.lower()) if w)


_NORM_NAME = "trim(regexp_replace(lower({}), '[^0-9a-z]+', ' ', 'g'))"


def _place_sql(col: str, places: list[str]) -> tuple[str, list[str]]:
    """Ids (with a colon) match exactly, ignoring case; names match by leading whole words,
    on the place name or on the local part of its id."""
    name = _NORM_NAME.format(col + "location_name")
    local = _NORM_NAME.format(f"regexp_extract({col}location_id, '[^:]*$')")
    parts: list[str] = []
    params: list[str] = []
    for raw in places:
        query = raw.strip()
        if not query:
            raise ConfigError("an empty place name matches nothing")
        if ":" in query:
            parts.append(f"lower({col}location_id) = ?")
            params.append(query.lower())
            continue
        words = _words(query)
        for norm in (name, local):
            parts.append(f"({norm} = ? OR starts_with({norm}, ?))")
            params.extend([words, words + " "])
    return "(" + " OR ".join(parts) + ")", params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
