"""The event-filter vocabulary: one declarative list of fields, compiled to SQL and to pandas.

Every interface takes its filters from :data:`FIELDS`: the store's ``Store.events(**filters)``
(:class:`dyadwatch.store.query.EventQuery`), the analytics' :class:`EventFilter`, the CLI
options (:func:`dyadwatch.cli.options.event_filter_options`) and the web query parameters
(:func:`dyadwatch.web.params.event_params`). A new filter is one :class:`FilterField` here.

Matching: actor and event codes by prefix (``CHN`` matches ``CHNMIL``; ``19`` matches ``190``),
root codes exactly (zero-padded), places by gazetteer id (with a colon) or by the leading words
of the name, dates by overlap of the event's period ``[day, day_end]`` with ``[since, until]``.
Fields combine with AND, the values inside one field with OR. User values only ever travel as
SQL parameters; the SQL text is built from fixed fragments.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from dyadwatch import filter_masks as masks
from dyadwatch import filters_derived as derived
from dyadwatch.errors import ConfigError
from dyadwatch.model import MODALITIES

# how a field's values are typed on the command line and in a URL
Kind = Literal[
    "codes",
    "dyad",
    "flag",
    "cameo",
    "root",
    "quad",
    "class",
    "words",
    "modality",
    "date",
    "number",
    "count",
]
Values = Mapping[str, Any]
SqlPart = tuple[str, list[Any]]

_ACTOR = re.compile(r"^[A-Z0-9]{1,30}$")
_CAMEO = re.compile(r"^\d{1,4}$")


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
class FilterField:
    """One filter: its name (keyword argument, URL parameter, ``--name`` option unless ``flag``
    says otherwise), its kind, a help line, how a raw value is checked and normalised, and how
    the normalised value becomes an SQL condition on the events table and a pandas mask."""

    name: str
    kind: Kind
    help: str
    parse: Callable[[Any], Any]  # raw value -> normalised value (None/empty: not set)
    sql: Callable[[str, Any, Values], SqlPart | None]  # (column prefix, value, all values)
    mask: Callable[[pd.DataFrame, Any, Values], np.ndarray | None]
    multiple: bool = False  # repeatable option/parameter; a list of values OR-ed
    default: Any = None
    flag: str | None = None  # the CLI option when it differs from --name

    @property
    def option(self) -> str:
        return self.flag or "--" + self.name.replace("_", "-")


# -- value parsers -----------------------------------------------------------------------------


def _many(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str | int):
        return [str(value)]
    return [str(v) for v in value]


def _codes(value: Any, what: str = "actor") -> tuple[str, ...]:
    out = []
    for raw in _many(value):
        code = raw.strip().upper()
        if not _ACTOR.match(code):
            raise ConfigError(f"bad {what} code {raw!r}: use letters/digits such as CHN, CHNMIL")
        out.append(code)
    return tuple(out)


def parse_dyad(text: str) -> tuple[str, str]:
    """Two actors written as one value: ``CHN,JPN``, ``CHN-JPN``, ``CHN:JPN``, ``CHN/JPN``,
    ``CHN->JPN`` or ``CHN JPN`` (one parser for every interface). With a comma (or ``->``) the
    two sides may be names of several words: ``south korea,japan``."""
    text = text.strip()
    for separator in (",", "->"):
        if separator in text:
            parts = [p.strip() for p in text.split(separator) if p.strip()]
            break
    else:
        parts = [p for p in re.split(r"[:/\s]+|-", text) if p]
    if len(parts) != 2:
        raise ConfigError(f"--dyad takes two actor codes such as CHN,JPN, not {text!r}")
    return parts[0], parts[1]


def _dyad(value: Any) -> tuple[str, str] | None:
    if value is None or value == "":
        return None
    pair = parse_dyad(value) if isinstance(value, str) else tuple(value)
    codes = _codes(list(pair), "dyad")
    if len(codes) != 2:
        raise ConfigError(f"a dyad is two actor codes, got {list(pair)!r}")
    return codes[0], codes[1]


def _cameo(value: Any, what: str = "event code") -> tuple[str, ...]:
    out = []
    for raw in _many(value):
        text = raw.strip()
        if not _CAMEO.match(text):
            raise ConfigError(f"bad CAMEO {what} {raw!r}: use digits such as 15 or 0874")
        out.append(text)
    return tuple(out)


def _roots(value: Any) -> tuple[str, ...]:
    return tuple(c.zfill(2) for c in _cameo(value, "root code"))


def _quads(value: Any) -> tuple[int, ...]:
    raw = _many(value)
    try:
        quads = tuple(int(q) for q in raw)
    except ValueError:
        raise ConfigError(f"quad classes are 1-4, got {raw!r}") from None
    if any(q not in (1, 2, 3, 4) for q in quads):
        raise ConfigError(f"quad classes are 1-4, got {list(quads)!r}")
    return quads


def _modalities(value: Any) -> tuple[str, ...]:
    values = _many(value)
    if not values or "all" in values:
        return ()
    bad = [m for m in values if m not in MODALITIES]
    if bad:
        raise ConfigError(f"unknown modality {bad[0]!r}; use all or {', '.join(MODALITIES)}")
    return tuple(values)


def _date(what: str) -> Callable[[Any], dt.date | None]:
    def parse(value: Any) -> dt.date | None:
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(f"bad {what} date {value!r}: use YYYY-MM-DD") from None

    return parse


def _confidence(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"min_confidence is a number from 0 to 1, got {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise ConfigError(f"min_confidence is a number from 0 to 1, got {value!r}")
    return number


def _places(value: Any) -> tuple[str, ...]:
    places = tuple(p.strip() for p in _many(value))
    if any(not p for p in places):
        raise ConfigError("an empty place name matches nothing")
    return places


def _upper(value: Any) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in _many(value) if v.strip())


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in _many(value) if v)


def _text(value: Any) -> str | None:
    return str(value) if value else None


# -- SQL ---------------------------------------------------------------------------------------


def _prefix_sql(column: str, values: Sequence[str]) -> str:
    return "(" + " OR ".join(f"starts_with({column}, ?)" for _ in values) + ")"


def _side_sql(*columns: str) -> Callable[[str, Any, Values], SqlPart | None]:
    def sql(col: str, codes: tuple[str, ...], _: Values) -> SqlPart | None:
        if not codes:
            return None
        parts = [_prefix_sql(col + c, codes) for c in columns]
        return "(" + " OR ".join(parts) + ")", [c for _ in columns for c in codes]

    return sql


def _dyad_sql(col: str, pair: tuple[str, str] | None, values: Values) -> SqlPart | None:
    if pair is None:
        return None
    a, b = pair
    forward = f"(starts_with({col}source_code, ?) AND starts_with({col}target_code, ?))"
    if values.get("directed"):
        return forward, [a, b]
    return f"({forward} OR {forward})", [a, b, b, a]


def _in_sql(column: str) -> Callable[[str, Any, Values], SqlPart | None]:
    def sql(col: str, values: tuple[Any, ...], _: Values) -> SqlPart | None:
        return (f"{col}{column} IN (SELECT unnest(?))", [list(values)]) if values else None

    return sql


def _code_sql(col: str, codes: tuple[str, ...], _: Values) -> SqlPart | None:
    return (_prefix_sql(col + "code", codes), list(codes)) if codes else None


def _since_sql(col: str, day: dt.date | None, _: Values) -> SqlPart | None:
    return (f"{col}day_end >= ?", [day]) if day else None


def _until_sql(col: str, day: dt.date | None, _: Values) -> SqlPart | None:
    return (f"{col}day <= ?", [day]) if day else None


_NORM_NAME = "trim(regexp_replace(lower({}), '[^0-9a-z]+', ' ', 'g'))"


def _place_sql(col: str, places: tuple[str, ...], _: Values) -> SqlPart | None:
    """Ids (with a colon) match exactly, ignoring case; names match by leading whole words,
    on the place name or on the local part of its id."""
    if not places:
        return None
    name = _NORM_NAME.format(col + "location_name")
    local = _NORM_NAME.format(f"regexp_extract({col}location_id, '[^:]*$')")
    parts: list[str] = []
    params: list[Any] = []
    for query in places:
        if ":" in query:
            parts.append(f"lower({col}location_id) = ?")
            params.append(query.lower())
            continue
        words = " ".join(masks.name_words(query))
        for norm in (name, local):
            parts.append(f"({norm} = ? OR starts_with({norm}, ?))")
            params.extend([words, words + " "])
    return "(" + " OR ".join(parts) + ")", params


def _confidence_sql(col: str, least: float | None, _: Values) -> SqlPart | None:
    # events coded before confidence existed (NULL) do not pass a threshold
    return (f"{col}confidence >= ?", [least]) if least is not None else None


def _text_sql(col: str, text: str | None, _: Values) -> SqlPart | None:
    if not text:
        return None
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{col}evidence_text ILIKE ? ESCAPE '\\'", ["%" + escaped + "%"]


def _no_sql(col: str, value: Any, values: Values) -> SqlPart | None:
    return None  # a modifier of another field (directed -> dyad)


# -- the vocabulary ----------------------------------------------------------------------------

FIELDS: list[FilterField] = [
    FilterField(
        "actor", "codes", "Actor on either side: code prefix (CHN) or name (china).", _codes,
        _side_sql("source_code", "target_code"), masks.side_mask("source_code", "target_code"),
        multiple=True,
    ),
    FilterField(
        "source", "codes", "Source actor: code prefix or name.", _codes,
        _side_sql("source_code"), masks.side_mask("source_code"), multiple=True,
    ),
    FilterField(
        "target", "codes", "Target actor: code prefix or name.", _codes,
        _side_sql("target_code"), masks.side_mask("target_code"), multiple=True,
    ),
    FilterField(
        "dyad", "dyad", "Two actors, CHN,JPN or china,japan: either direction.", _dyad,
        _dyad_sql, masks.dyad_mask,
    ),
    FilterField(
        "directed", "flag", "With --dyad: source -> target only.", bool, _no_sql, masks.no_mask,
        default=False,
    ),
    FilterField(
        "code", "cameo", "CAMEO code prefix (19, 0874).", _cameo, _code_sql, masks.code_mask,
        multiple=True,
    ),
    FilterField(
        "root", "root", "CAMEO root code (15 or 04).", _roots,
        _in_sql("root_code"), masks.in_mask("root_code"), multiple=True,
    ),
    FilterField(
        "quad_class", "quad", "Quad class 1-4 (1 verbal coop .. 4 material conflict).", _quads,
        _in_sql("quad_class"), masks.in_mask("quad_class"), multiple=True, flag="--quad",
    ),
    FilterField(
        "event_class", "class",
        "Event class: statement, verbal_cooperation, material_cooperation, verbal_conflict, "
        "material_conflict (statements are CAMEO root 01, kept out of the cooperation classes).",
        derived.parse_classes, derived.class_sql, derived.class_mask, multiple=True, flag="--class",
    ),
    FilterField(
        "plover", "words", "PLOVER event type (MOBILIZE).", _upper,
        _in_sql("plover_type"), masks.in_mask("plover_type", upper=True), multiple=True,
    ),
    FilterField(
        "modality", "modality", "asserted (default), negated, hypothetical, ... or all.",
        _modalities, _in_sql("modality"), masks.in_mask("modality"), multiple=True,
        default=("asserted",),
    ),
    FilterField(
        "min_confidence", "number", "Least event confidence, 0-1 (docs/event-schema.md).",
        _confidence, _confidence_sql, masks.confidence_mask,
    ),
    FilterField(
        "since", "date", "First day (YYYY-MM-DD): events whose period overlaps since..until.",
        _date("since"), _since_sql, masks.since_mask,
    ),
    FilterField(
        "until", "date", "Last day (YYYY-MM-DD).", _date("until"), _until_sql, masks.until_mask,
    ),
    FilterField(
        "place", "words", "Place id (dw:senkaku-islands) or leading name words.", _places,
        _place_sql, masks.place_mask, multiple=True,
    ),
    FilterField(
        "text", "words", "Words in the evidence sentence (case-insensitive).", _text,
        _text_sql, masks.text_mask,
    ),
    FilterField(
        "doc_id", "words", "Document id.", _strings, _in_sql("doc_id"), masks.in_mask("doc_id"),
        multiple=True,
    ),
    FilterField(
        "cluster_id", "words", "Event cluster id.", _strings,
        _in_sql("cluster_id"), masks.in_mask("cluster_id"), multiple=True,
    ),
    FilterField(
        "min_sources", "count",
        "Only events reported by at least N independent outlets (copies of one wire story "
        "count once).", derived.parse_min_sources, derived.min_sources_sql,
        derived.min_sources_mask,
    ),
]  # fmt: skip


ActorResolver = Callable[[str], str]
"""What a person typed for an actor (a code, name, alias or demonym) -> its code, or a
ConfigError with suggestions (``dyadwatch.dictionaries.actor_names.resolve_actor``)."""


def resolve_actors(kind: Kind, given: Any, resolve: ActorResolver) -> Any:
    """An actor field's raw value with every actor replaced by ``resolve(actor)``."""
    if given is None or given == "":
        return given
    if kind == "dyad":
        pair = parse_dyad(given) if isinstance(given, str) else tuple(given)
        return tuple(resolve(str(a)) for a in pair)
    return [resolve(a) for a in _many(given)]


def normalise(raw: Mapping[str, Any], actors: ActorResolver | None = None) -> dict[str, Any]:
    """Checked, normalised values for every field (defaults for those not given); an unknown
    name is an error, so a typo cannot widen a query. With ``actors``, actor fields may hold
    names ("china", "South Korea"), read as their codes."""
    by_name = {f.name: f for f in FIELDS}
    unknown = sorted(set(raw) - set(by_name))
    if unknown:
        raise ConfigError(f"unknown event filter(s): {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for spec in FIELDS:
        # absent: the default; an explicit None clears it (modality=None keeps every modality)
        given = raw.get(spec.name, spec.default)
        if actors is not None and spec.kind in ("codes", "dyad"):
            given = resolve_actors(spec.kind, given, actors)
        values[spec.name] = spec.parse(given)
    since, until = values.get("since"), values.get("until")
    if since and until and since > until:
        raise ConfigError(f"since {since} is after until {until}")
    return values


def sql_where(values: Values, alias: str = "e") -> Where:
    """The conditions selecting ``values`` (from :func:`normalise`) on the aliased events table."""
    where = Where()
    for spec in FIELDS:
        part = spec.sql(f"{alias}.", values.get(spec.name), values)
        if part is not None:
            where.add(part[0], *part[1])
    return where


def frame_mask(frame: pd.DataFrame, values: Values) -> np.ndarray:
    """The same selection on an events frame (contract columns, ``day``/``day_end`` dated)."""
    mask = np.ones(len(frame), dtype=bool)
    if len(frame) == 0:
        return mask
    for spec in FIELDS:
        part = spec.mask(frame, values.get(spec.name), values)
        if part is not None:
            mask &= part
    return mask
