"""Which events an indicator counts: :class:`EventFilter` and the one function applying it.

A filter is plain data (JSON round-trip) so a watch can store it. Every field is optional and
the fields combine with AND; the values inside one field combine with OR. Actor fields match
CAMEO actor codes by prefix (``CHN`` matches ``CHNMIL`` and ``CHNGOV``); CAMEO event codes match
by prefix too (``19`` matches ``190`` and ``1951``), following the codebook's hierarchy.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dyadwatch.analytics.frame import day_numbers, end_day_numbers, prepare
from dyadwatch.errors import ConfigError
from dyadwatch.model import MODALITIES, Modality

_ACTOR = re.compile(r"^[A-Z0-9]{1,30}$")
_CAMEO = re.compile(r"^\d{1,4}$")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Conditions on events; the default keeps every asserted event."""

    actors: tuple[str, ...] = ()  # either side, code prefix
    sources: tuple[str, ...] = ()  # source side, code prefix
    targets: tuple[str, ...] = ()  # target side, code prefix
    dyad: tuple[str, str] | None = None  # (a, b): a with b, either direction unless directed
    directed: bool = False  # dyad means a -> b only
    root_codes: tuple[str, ...] = ()  # CAMEO roots, "15" (a single digit is zero-padded)
    codes: tuple[str, ...] = ()  # CAMEO codes, prefix: "19" matches "190" and "1951"
    quad_classes: tuple[int, ...] = ()  # 1 verbal coop .. 4 material conflict
    plover_types: tuple[str, ...] = ()  # PLOVER event types, e.g. "MOBILIZE"
    modalities: tuple[Modality, ...] = ("asserted",)  # () = every modality
    places: tuple[str, ...] = ()  # location id ("dw:senkaku-islands") or name ("senkaku")
    since: dt.date | None = None  # the event's period overlaps [since, until]
    until: dt.date | None = None

    def __post_init__(self) -> None:
        def put(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

        put("actors", _actor_codes(self.actors, "actor"))
        put("sources", _actor_codes(self.sources, "source"))
        put("targets", _actor_codes(self.targets, "target"))
        if self.dyad is not None:
            pair = _actor_codes(self.dyad, "dyad")
            if len(pair) != 2:
                raise ConfigError(f"a dyad is two actor codes, got {list(self.dyad)!r}")
            put("dyad", (pair[0], pair[1]))
        put("root_codes", tuple(_cameo(c, "root code").zfill(2) for c in self.root_codes))
        put("codes", tuple(_cameo(c, "event code") for c in self.codes))
        quads = tuple(_int(q, "quad class") for q in self.quad_classes)
        if any(q not in (1, 2, 3, 4) for q in quads):
            raise ConfigError(f"quad classes are 1-4, got {list(quads)!r}")
        put("quad_classes", quads)
        put("plover_types", tuple(str(t).upper() for t in self.plover_types))
        bad = [m for m in self.modalities if m not in MODALITIES]
        if bad:
            raise ConfigError(f"unknown modality {bad[0]!r}; use one of {', '.join(MODALITIES)}")
        put("modalities", tuple(self.modalities))
        places = tuple(str(p).strip() for p in self.places)
        if any(not p for p in places):
            raise ConfigError("an empty place name matches nothing")
        put("places", places)
        put("since", _date(self.since, "since"))
        put("until", _date(self.until, "until"))
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"since {self.since} is after until {self.until}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict of the fields that differ from the default (``modalities`` always)."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name != "modalities" and value == f.default:
                continue
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EventFilter:
        """Inverse of :meth:`to_dict`; unknown keys are an error (a typo must not widen a watch)."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown filter field(s): {', '.join(unknown)}")
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key in ("since", "until", "directed") or value is None:
                kwargs[key] = value
            elif isinstance(value, str):
                raise ConfigError(f"filter field {key!r} must be a list, got {value!r}")
            else:
                kwargs[key] = tuple(value)
        return cls(**kwargs)

    def describe(self) -> str:
        """One line for people: ``actor CHN; root 15; place senkaku; asserted``."""
        parts: list[str] = []
        labels = {
            "actors": "actor",
            "sources": "source",
            "targets": "target",
            "root_codes": "root",
            "codes": "code",
            "quad_classes": "quad",
            "plover_types": "plover",
            "places": "place",
        }
        for name, label in labels.items():
            values = getattr(self, name)
            if values:
                parts.append(f"{label} {'|'.join(str(v) for v in values)}")
        if self.dyad:
            arrow = "->" if self.directed else "<->"
            parts.append(f"dyad {self.dyad[0]}{arrow}{self.dyad[1]}")
        if self.since or self.until:
            parts.append(f"dates {self.since or '…'}..{self.until or '…'}")
        parts.append("|".join(self.modalities) if self.modalities else "any modality")
        return "; ".join(parts)


def filter_mask(events: pd.DataFrame, flt: EventFilter) -> np.ndarray:
    """Boolean mask of the rows of ``events`` (contract columns) that ``flt`` keeps."""
    events = prepare(events)
    mask = np.ones(len(events), dtype=bool)
    if len(events) == 0:
        return mask
    src = events["source_code"]
    tgt = events["target_code"]
    if flt.actors:
        mask &= _prefix_mask(src, flt.actors) | _prefix_mask(tgt, flt.actors)
    if flt.sources:
        mask &= _prefix_mask(src, flt.sources)
    if flt.targets:
        mask &= _prefix_mask(tgt, flt.targets)
    if flt.dyad:
        a, b = flt.dyad
        forward = _prefix_mask(src, (a,)) & _prefix_mask(tgt, (b,))
        if flt.directed:
            mask &= forward
        else:
            mask &= forward | (_prefix_mask(src, (b,)) & _prefix_mask(tgt, (a,)))
    if flt.root_codes:
        mask &= _values_mask(events["root_code"].astype("string"), flt.root_codes)
    if flt.codes:
        mask &= _prefix_mask(events["code"].astype("string"), flt.codes)
    if flt.quad_classes:
        quads = pd.to_numeric(events["quad_class"], errors="coerce")
        mask &= quads.isin(flt.quad_classes).to_numpy()
    if flt.plover_types:
        mask &= _values_mask(events["plover_type"].astype("string").str.upper(), flt.plover_types)
    if flt.modalities:
        mask &= _values_mask(events["modality"], flt.modalities)
    if flt.places:
        mask &= place_mask(events, flt.places)
    if flt.since or flt.until:
        mask &= _date_mask(events, flt.since, flt.until)
    return mask


def filter_events(events: pd.DataFrame, flt: EventFilter) -> pd.DataFrame:
    """The rows of ``events`` that ``flt`` keeps."""
    return events.loc[filter_mask(events, flt)]


def place_mask(events: pd.DataFrame, places: Iterable[str]) -> np.ndarray:
    """Rows whose place matches one of ``places``.

    A query with a colon is a gazetteer id and matches ``location_id`` exactly (ignoring case).
    Otherwise it matches by whole words from the start of the place name or of the id's local
    part, ignoring case and punctuation: ``senkaku`` matches "Senkaku Islands" and
    ``dw:senkaku-islands``, but ``taiwan`` also matches "Taiwan Strait" (use the id to be exact).
    """
    queries = tuple(places)

    def id_matches(value: object) -> bool:
        if not isinstance(value, str):
            return False
        low = value.lower()
        local = _words(low.rsplit(":", 1)[-1])
        return any(
            (q.lower() == low) if ":" in q else _starts_with_words(local, _words(q))
            for q in queries
        )

    def name_matches(value: object) -> bool:
        if not isinstance(value, str):
            return False
        words = _words(value)
        return any(":" not in q and _starts_with_words(words, _words(q)) for q in queries)

    by_id = _unique_mask(events["location_id"], id_matches)
    by_name = _unique_mask(events["location_name"], name_matches)
    mask: np.ndarray = by_id | by_name
    return mask


def _words(text: str) -> list[str]:
    return [w for w in _NOT_ALNUM.split(text.lower()) if w]


def _starts_with_words(words: list[str], query: list[str]) -> bool:
    return bool(query) and words[: len(query)] == query


def _unique_mask(column: pd.Series, test: Any) -> np.ndarray:
    """Evaluate ``test`` once per distinct value: columns repeat few values many times."""
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    hits = np.array([bool(test(u)) for u in uniques] + [False], dtype=bool)
    return hits[codes]


def _prefix_mask(column: pd.Series, prefixes: tuple[str, ...]) -> np.ndarray:
    return _unique_mask(column, lambda v: isinstance(v, str) and v.upper().startswith(prefixes))


def _values_mask(column: pd.Series, values: Iterable[str]) -> np.ndarray:
    wanted = set(values)
    return _unique_mask(column, lambda v: v in wanted)


def _date_mask(events: pd.DataFrame, since: dt.date | None, until: dt.date | None) -> np.ndarray:
    """Events whose period (day .. end of its precision or of its span) overlaps the range.

    Undated events never match a date range: nothing shows they fall inside it.
    """
    first, known = day_numbers(events["day"])
    last = _precision_end(first, events["date_precision"])
    span_end, has_span = end_day_numbers(events["date_end"])
    last = np.where(has_span & (span_end > last), span_end, last)
    mask = known.copy()
    if since is not None:
        mask &= last >= _day_number(since)
    if until is not None:
        mask &= first <= _day_number(until)
    return mask


def _precision_end(first: np.ndarray, precision: pd.Series) -> np.ndarray:
    """Last day of each event's own period: the day, or the end of its month or year."""
    days = first.astype("datetime64[D]")
    month_end = ((days.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1).astype(np.int64)
    year_end = ((days.astype("datetime64[Y]") + 1).astype("datetime64[D]") - 1).astype(np.int64)
    prec = precision.to_numpy(dtype=object)
    return np.where(prec == "year", year_end, np.where(prec == "month", month_end, first))


def _day_number(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days


def _actor_codes(values: Iterable[object], what: str) -> tuple[str, ...]:
    if isinstance(values, str):
        values = (values,)
    out: list[str] = []
    for value in values:
        code = str(value).strip().upper()
        if not _ACTOR.match(code):
            raise ConfigError(f"bad {what} code {value!r}: use letters/digits such as CHN, CHNMIL")
        out.append(code)
    return tuple(out)


def _cameo(value: object, what: str) -> str:
    text = str(value).strip()
    if not _CAMEO.match(text):
        raise ConfigError(f"bad CAMEO {what} {value!r}: use digits such as 15 or 0874")
    return text


def _int(value: object, what: str) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise ConfigError(f"bad {what} {value!r}") from None


def _date(value: object, what: str) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"bad {what} date {value!r}: use YYYY-MM-DD") from None
