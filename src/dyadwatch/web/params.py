"""Query parameters shared by the event, indicator and export routes, validated once.

The filter vocabulary is the store's (:class:`dyadwatch.store.EventQuery`): repeated parameters
OR together (``?actor=CHN&actor=JPN``), different parameters AND. Values that FastAPI can type
check (dates, quad classes, modality names, limits) fail with its usual 422; codes the store
rejects (``actor=chn!``) fail with 400 and the store's message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Annotated, Any, Literal

from fastapi import Query

from dyadwatch.analytics.filters import EventFilter
from dyadwatch.errors import ConfigError
from dyadwatch.store import EventQuery
from dyadwatch.store.filters import parse_dyad
from dyadwatch.web.errors import BadParameterError

ModalityParam = Literal["all", "asserted", "negated", "hypothetical", "future", "question"]
MAX_TEXT = 200


@dataclass(frozen=True, slots=True)
class EventParams:
    """The filter part of a request, in the store's terms."""

    actor: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    dyad: tuple[str, str] | None = None
    directed: bool = False
    code: tuple[str, ...] = ()
    root: tuple[str, ...] = ()
    quad_class: tuple[int, ...] = ()
    modality: tuple[str, ...] = ("asserted",)
    since: dt.date | None = None
    until: dt.date | None = None
    place: tuple[str, ...] = ()
    text: str | None = None
    doc_id: str | None = None
    cluster_id: str | None = None

    def store_filters(self) -> dict[str, Any]:
        """Keyword arguments for ``Store.events`` / ``EventQuery`` (only those that are set)."""
        out: dict[str, Any] = {"modality": list(self.modality)}
        for name in ("actor", "source", "target", "code", "root", "quad_class", "place"):
            values = getattr(self, name)
            if values:
                out[name] = list(values)
        if self.dyad is not None:
            out["dyad"] = self.dyad
            out["directed"] = self.directed
        for name in ("since", "until", "text", "doc_id", "cluster_id"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        return out

    def query(self) -> EventQuery:
        return EventQuery(**self.store_filters())

    def analytics_filter(self) -> EventFilter:
        """The analytics' filter for events already selected by :meth:`query`: it keeps them
        all and only carries the date range, so series are zero-filled over the asked span."""
        return EventFilter(modalities=(), since=self.since, until=self.until)

    def fingerprint(self) -> str:
        """A short hash of the filters: a cursor only continues the query it was made for."""
        data = json.dumps(asdict(self), sort_keys=True, default=str)
        return hashlib.sha256(data.encode()).hexdigest()[:12]


def _codes(name: str, values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or []:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(out)


def event_params(
    actor: Annotated[
        list[str] | None, Query(description="Actor code prefix on either side (CHN, CHNMIL)")
    ] = None,
    source: Annotated[list[str] | None, Query(description="Source actor code prefix")] = None,
    target: Annotated[list[str] | None, Query(description="Target actor code prefix")] = None,
    dyad: Annotated[
        str | None,
        Query(description="Two actor codes, comma-separated: CHN,JPN (either direction)"),
    ] = None,
    directed: Annotated[bool, Query(description="With dyad: only first -> second")] = False,
    code: Annotated[list[str] | None, Query(description="CAMEO code prefix (19, 0874)")] = None,
    root: Annotated[list[str] | None, Query(description="CAMEO root code (15 or 04)")] = None,
    quad_class: Annotated[
        list[int] | None,
        Query(description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict"),
    ] = None,
    modality: Annotated[
        list[ModalityParam] | None,
        Query(description="Default asserted; 'all' for every modality"),
    ] = None,
    since: Annotated[
        dt.date | None, Query(description="Events whose date overlaps [since, until]")
    ] = None,
    until: Annotated[dt.date | None, Query(description="YYYY-MM-DD")] = None,
    place: Annotated[
        list[str] | None, Query(description="Gazetteer id (dw:senkaku-islands) or place name")
    ] = None,
    text: Annotated[
        str | None,
        Query(max_length=MAX_TEXT, description="Substring of the evidence sentence"),
    ] = None,
    doc_id: Annotated[str | None, Query(max_length=500)] = None,
    cluster_id: Annotated[str | None, Query(max_length=100)] = None,
) -> EventParams:
    quads = tuple(quad_class or ())
    bad = [q for q in quads if q not in (1, 2, 3, 4)]
    if bad:
        raise BadParameterError("quad_class", f"quad classes are 1-4, got {bad[0]}")
    if since and until and since > until:
        raise BadParameterError("since", f"since {since} is after until {until}")
    pair = None
    if dyad is not None:
        try:
            pair = parse_dyad(dyad)
        except ConfigError:
            raise BadParameterError(
                "dyad", f"give two actor codes such as CHN,JPN, got {dyad!r}"
            ) from None
    params = EventParams(
        actor=_codes("actor", actor),
        source=_codes("source", source),
        target=_codes("target", target),
        dyad=pair,
        directed=directed,
        code=_codes("code", code),
        root=_codes("root", root),
        quad_class=quads,
        modality=tuple(modality) if modality else ("asserted",),
        since=since,
        until=until,
        place=tuple(p for p in (place or []) if p.strip()),
        text=text or None,
        doc_id=doc_id or None,
        cluster_id=cluster_id or None,
    )
    params.query().where("e")  # let the store check codes now: ConfigError -> 400
    return params
