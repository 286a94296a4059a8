"""Which events an indicator counts: :class:`EventFilter` and the one function applying it.

A filter is plain data (JSON round-trip) so a watch can store it. Every field is optional and
the fields combine with AND; the values inside one field combine with OR. Actor fields match
CAMEO actor codes by prefix (``CHN`` matches ``CHNMIL`` and ``CHNGOV``); CAMEO event codes match
by prefix too (``19`` matches ``190`` and ``1951``), following the codebook's hierarchy.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dyadwatch.analytics.frame import day_numbers, end_day_numbers, prepare
from dyadwatch.dictionaries.actor_names import resolve_actor
from dyadwatch.errors import ConfigError
from dyadwatch.filters import frame_mask, normalise
from dyadwatch.model import Modality

# EventFilter's field (its JSON name in stored watches) -> the vocabulary's field
QUERY_NAMES: dict[str, str] = {
    "actors": "actor",
    "sources": "source",
    "targets": "target",
    "dyad": "dyad",
    "directed": "directed",
    "root_codes": "root",
    "codes": "code",
    "quad_classes": "quad_class",
    "plover_types": "plover",
    "modalities": "modality",
    "min_confidence": "min_confidence",
    "places": "place",
    "since": "since",
    "until": "until",
    "text": "text",
    "doc_ids": "doc_id",
    "cluster_ids": "cluster_id",
    "event_classes": "event_class",
    "min_sources": "min_sources",
}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Conditions on events (the fields of :data:`dyadwatch.filters.FIELDS` under the names
    watches store them); the default keeps every asserted event."""

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
    min_confidence: float | None = None  # least event confidence, 0-1
    places: tuple[str, ...] = ()  # location id ("dw:senkaku-islands") or name ("senkaku")
    since: dt.date | None = None  # the event's period overlaps [since, until]
    until: dt.date | None = None
    text: str | None = None  # words in the evidence sentence
    doc_ids: tuple[str, ...] = ()
    cluster_ids: tuple[str, ...] = ()
    event_classes: tuple[str, ...] = ()  # five classes: statement, verbal_cooperation, ...
    min_sources: int | None = None  # independent outlets that reported the event's cluster

    def __post_init__(self) -> None:
        values = self.query_values()
        for name, query_name in QUERY_NAMES.items():
            object.__setattr__(self, name, values[query_name])

    def query_values(self) -> dict[str, Any]:
        """This filter in the vocabulary's names, checked and normalised."""
        raw = {query: getattr(self, name) for name, query in QUERY_NAMES.items()}
        raw["modality"] = raw["modality"] or None  # () = every modality
        return normalise(raw, resolve_actor)

    @classmethod
    def from_query(cls, values: Mapping[str, Any]) -> EventFilter:
        """The filter for keyword arguments in the vocabulary's names (CLI and web options)."""
        checked = normalise(values, resolve_actor)
        return cls(**{name: checked[query] for name, query in QUERY_NAMES.items()})

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
            plain = ("since", "until", "directed", "text", "min_confidence", "min_sources")
            if key in plain or value is None:
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
            "doc_ids": "doc",
            "cluster_ids": "cluster",
            "event_classes": "class",
        }
        for name, label in labels.items():
            values = getattr(self, name)
            if values:
                parts.append(f"{label} {'|'.join(str(v) for v in values)}")
        if self.dyad:
            arrow = "->" if self.directed else "<->"
            parts.append(f"dyad {self.dyad[0]}{arrow}{self.dyad[1]}")
        if self.text:
            parts.append(f"text {self.text!r}")
        if self.min_confidence is not None:
            parts.append(f"confidence >= {self.min_confidence:g}")
        if self.min_sources:
            parts.append(f">= {self.min_sources} sources")
        if self.since or self.until:
            parts.append(f"dates {self.since or '…'}..{self.until or '…'}")
        parts.append("|".join(self.modalities) if self.modalities else "any modality")
        return "; ".join(parts)


def filter_mask(events: pd.DataFrame, flt: EventFilter) -> np.ndarray:
    """Boolean mask of the rows of ``events`` (contract columns) that ``flt`` keeps."""
    events = prepare(events)
    if len(events) == 0:
        return np.ones(0, dtype=bool)
    return frame_mask(with_period_end(events), flt.query_values())


def filter_events(events: pd.DataFrame, flt: EventFilter) -> pd.DataFrame:
    """The rows of ``events`` that ``flt`` keeps."""
    return events.loc[filter_mask(events, flt)]


def with_period_end(events: pd.DataFrame) -> pd.DataFrame:
    """``events`` with ``day_end``, the last day of each event's period (the store writes it;
    frames built by hand get it from ``day``, ``date_precision`` and ``date_end``)."""
    if "day_end" in events.columns and not (events["day"].notna() & events["day_end"].isna()).any():
        return events
    first, known = day_numbers(events["day"])
    last = _precision_end(first, events["date_precision"])
    span_end, has_span = end_day_numbers(events["date_end"])
    last = np.where(has_span & (span_end > last), span_end, last)
    # seconds resolution: a stored date centuries away stays a date (nanoseconds overflow)
    days = np.where(known, last, 0).astype("datetime64[D]").astype("datetime64[s]")
    return events.assign(day_end=np.where(known, days, np.datetime64("NaT", "s")))


def _precision_end(first: np.ndarray, precision: pd.Series) -> np.ndarray:
    """Last day of each event's own period: the day, or the end of its month or year."""
    days = first.astype("datetime64[D]")
    month_end = ((days.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1).astype(np.int64)
    year_end = ((days.astype("datetime64[Y]") + 1).astype("datetime64[D]") - 1).astype(np.int64)
    prec = precision.to_numpy(dtype=object)
    return np.where(prec == "year", year_end, np.where(prec == "month", month_end, first))
