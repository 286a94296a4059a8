"""The records passed between pipeline stages: the data contract of dyadwatch.

ingest produces :class:`Document` (or :class:`Reject`); coding turns a document into
:class:`Event` records; the store, analytics and interfaces consume events. ``Event.to_dict``
is the JSON Lines record documented in ``docs/event-schema.md``; change it only additively.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "negated", "hypothetical", "future", "question"]
DatePrecision = Literal["day", "month", "year"]
DateSource = Literal["text", "context", "publication", "unknown"]

MODALITIES: tuple[Modality, ...] = ("asserted", "negated", "hypothetical", "future", "question")


@dataclass(frozen=True, slots=True)
class Document:
    """One text to code: an input record, or one article split out of a page."""

    id: str
    text: str
    date: dt.date | None = None  # publication date
    title: str | None = None
    source: str | None = None  # outlet or feed name
    url: str | None = None
    truncated: bool = False  # a teaser: the text stops mid-article
    parent_id: str | None = None  # the page this document was split from
    origin: str = ""  # where it was read: path, "path:line" or "-"
    metadata: dict[str, str] = field(default_factory=dict)  # author, translator, ...


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not be accepted, with the reason, so a run can go on."""

    origin: str  # path, "path:line" or "-"
    code: str  # stable reason code, see errors.RejectCode
    reason: str  # human-readable explanation
    time: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def to_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "code": self.code,
            "reason": self.reason,
            "time": self.time.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: CAMEO-style code (``CHNMIL``, ``USAGOV``, ``IGOUNO``) and its parts."""

    code: str
    name: str  # the text it was recognised from, or a canonical name
    country: str | None = None  # three-letter country code, None for IGOs and groups
    sector: str | None = None  # primary sector/role code: GOV, MIL, COP, REB, ...
    person: str | None = None  # person id when a named individual was recognised

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
        }
        if self.person is not None:
            out["person"] = self.person
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            code=data["code"],
            name=data.get("name", data["code"]),
            country=data.get("country"),
            sector=data.get("sector"),
            person=data.get("person"),
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence behind an event; offsets are character offsets into the document text."""

    text: str
    start: int
    end: int
    # character offsets (into the document) of the parts that fired: "source", "verb", "target"
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "spans": {k: list(v) for k, v in self.spans.items()},
        }


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as precisely as the text says."""

    value: str | None  # ISO YYYY, YYYY-MM or YYYY-MM-DD
    precision: DatePrecision | None
    source: DateSource
    end: str | None = None  # end of a stated span ("for 152 consecutive days")

    @classmethod
    def unknown(cls) -> EventDate:
        return cls(None, None, "unknown")

    @classmethod
    def publication(cls, date: dt.date | None) -> EventDate:
        if date is None:
            return cls.unknown()
        return cls(date.isoformat(), "day", "publication")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location from the gazetteer."""

    name: str
    country: str | None  # three-letter code; None for international waters and the like
    lat: float | None
    lon: float | None
    feature: str  # country, city, sea, strait, island_group, gas_field, region, ...
    id: str | None = None  # gazetteer id, e.g. "geonames:1850147" or "dw:senkaku-islands"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "id": self.id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(
            name=data["name"],
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            feature=data.get("feature", ""),
            id=data.get("id"),
        )


@dataclass(frozen=True, slots=True)
class Plover:
    event_type: str | None
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when and where, and why we think so."""

    id: str
    doc_id: str
    sentence_index: int
    evidence: Evidence
    source: Actor
    target: Actor | None
    code: str  # CAMEO code with leading zeros: "0231", "19"
    root_code: str
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    plover: Plover
    modality: Modality = "asserted"
    attributed_to: str | None = None  # actor code of whoever asserted a reported event
    date: EventDate = field(default_factory=EventDate.unknown)
    location: Place | None = None
    rule: dict[str, str] = field(default_factory=dict)  # which dictionary entries fired
    confidence: float | None = None  # 0-1, how the event was found (docs/event-schema.md)
    # what a verifier model decided: {model, version, p_class, action, reason}
    verifier: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines event record (docs/event-schema.md)."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "evidence": self.evidence.to_dict(),
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "code": self.code,
            "root_code": self.root_code,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": {"event_type": self.plover.event_type, "mode": self.plover.mode},
            "modality": self.modality,
            "attributed_to": self.attributed_to,
            "event_date": self.date.value,
            "date_precision": self.date.precision,
            "date_source": self.date.source,
            "date_end": self.date.end,
            "location": self.location.to_dict() if self.location else None,
            "rule": dict(self.rule),
            "confidence": self.confidence,
            "verifier": dict(self.verifier) if self.verifier is not None else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        ev = data["evidence"]
        return cls(
            id=data["id"],
            doc_id=data["doc_id"],
            sentence_index=data["sentence_index"],
            evidence=Evidence(
                text=ev["text"],
                start=ev["start"],
                end=ev["end"],
                spans={k: (v[0], v[1]) for k, v in ev.get("spans", {}).items()},
            ),
            source=Actor.from_dict(data["source"]),
            target=Actor.from_dict(data["target"]) if data.get("target") else None,
            code=data["code"],
            root_code=data["root_code"],
            quad_class=data["quad_class"],
            goldstein=data["goldstein"],
            plover=Plover(**data.get("plover") or {"event_type": None}),
            modality=data.get("modality", "asserted"),
            attributed_to=data.get("attributed_to"),
            date=EventDate(
                value=data.get("event_date"),
                precision=data.get("date_precision"),
                source=data.get("date_source", "unknown"),
                end=data.get("date_end"),
            ),
            location=Place.from_dict(data["location"]) if data.get("location") else None,
            rule=dict(data.get("rule") or {}),
            confidence=_opt_float(data.get("confidence")),
            verifier=dict(data["verifier"]) if data.get("verifier") else None,
        )


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


# Five event classes beside CAMEO's quad classes (docs/indicators.md, "Five classes"): CAMEO
# files root 01 (make public statement) under quad 1, verbal cooperation; the five-class view
# keeps statements apart, so cooperation and conflict lines are not mostly "X said".
EventClass = Literal[
    "statement",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
]
EVENT_CLASSES: tuple[EventClass, ...] = (
    "statement",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)
STATEMENT_ROOTS = frozenset({"01"})
CLASS_OF_QUAD: dict[int, EventClass] = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}


def event_class(root_code: str | None, quad_class: int | None) -> EventClass | None:
    """The five-class label of one event (None when the quad class is unknown)."""
    if root_code in STATEMENT_ROOTS:
        return "statement"
    if quad_class is None:
        return None
    return CLASS_OF_QUAD.get(int(quad_class))
