"""Query parameters shared by the event, indicator and export routes, validated once.

The parameters are generated from the filter vocabulary (:data:`dyadwatch.filters.FIELDS`, the
same fields as ``Store.events`` and the CLI options): repeated parameters OR together
(``?actor=CHN&actor=JPN``, or ``actor=CHN,JPN``), different parameters AND. Values that FastAPI
can type check (dates, quad classes, modality names) fail with its usual 422; values the
vocabulary rejects (``actor=chn!``) fail with 400 and its message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import json
import re
from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import BeforeValidator, Field

from dyadwatch import filters as vocabulary
from dyadwatch.analytics.filters import EventFilter
from dyadwatch.dictionaries.actor_names import resolve_actor
from dyadwatch.errors import ConfigError
from dyadwatch.filters import FilterField, normalise, parse_dyad
from dyadwatch.store import EventQuery
from dyadwatch.web.errors import BadParameterError

ModalityParam = Literal["all", "asserted", "negated", "hypothetical", "future", "question"]
MAX_TEXT = 200


class EventParams:
    """The filter part of a request: checked values named by the vocabulary's fields, readable
    as attributes (``params.since``, ``params.quad_class``)."""

    __slots__ = ("values",)

    def __init__(self, **filters: Any) -> None:
        self.values = normalise(filters, resolve_actor)

    def __getattr__(self, name: str) -> Any:
        try:
            value = self.values[name]
        except KeyError:
            raise AttributeError(name) from None
        if name == "modality" and not value:
            return ("all",)
        return value

    def store_filters(self) -> dict[str, Any]:
        """Keyword arguments for ``Store.events`` / ``EventQuery`` (only those that are set)."""
        out: dict[str, Any] = {"modality": list(self.values["modality"]) or "all"}
        for name, value in self.values.items():
            if name != "modality" and value not in (None, (), False, ""):
                out[name] = list(value) if isinstance(value, tuple) and name != "dyad" else value
        return out

    def query(self) -> EventQuery:
        return EventQuery(**self.store_filters())

    def analytics_filter(self) -> EventFilter:
        """The analytics' filter for events already selected by :meth:`query`: it keeps them
        all and only carries the date range, so series are zero-filled over the asked span."""
        return EventFilter(modalities=(), since=self.since, until=self.until)

    def fingerprint(self) -> str:
        """A short hash of the filters: a cursor only continues the query it was made for."""
        data = json.dumps(self.values, sort_keys=True, default=str)
        return hashlib.sha256(data.encode()).hexdigest()[:12]


def _iso_date(value: Any) -> Any:
    """Only ``YYYY-MM-DD``, as the schema's ``format: date`` says (pydantic alone would read
    ``since=0`` as 1970-01-01, a Unix time)."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]

# the Python type FastAPI checks each kind of value as; repeatable fields take a list
_QUERY_TYPE: dict[str, Any] = {
    "quad": Annotated[int, Field(ge=1, le=4)],  # declared, so the schema says 1-4
    "modality": ModalityParam,
    "date": IsoDate,
    "flag": bool,
    "number": float,
    "count": int,
}
_MAX_LENGTH = {"text": MAX_TEXT, "doc_id": 500, "cluster_id": 100}


def query_parameters() -> list[inspect.Parameter]:
    """One query parameter per filter field, named after the field."""
    params = []
    for spec in vocabulary.FIELDS:
        base = _QUERY_TYPE.get(spec.kind, str)
        kind: Any = (list[base] if spec.multiple else base) | None  # type: ignore[valid-type]
        default: Any = None
        if spec.kind == "flag":
            kind, default = bool, False
        query = Query(description=spec.help, max_length=_MAX_LENGTH.get(spec.name))
        params.append(
            inspect.Parameter(
                spec.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=default,
                annotation=Annotated[kind, query],
            )
        )
    return params


def _split(spec: FilterField, value: Any) -> Any:
    """``actor=CHN,JPN`` is ``actor=CHN&actor=JPN`` (for code fields)."""
    if spec.multiple and spec.kind in ("codes", "cameo", "root") and value:
        return [part.strip() for v in value for part in str(v).split(",") if part.strip()]
    return value


def event_params(**raw: Any) -> EventParams:
    """The FastAPI dependency reading the filter parameters (its signature is generated)."""
    given = {spec.name: _split(spec, raw.get(spec.name)) for spec in vocabulary.FIELDS}
    given = {name: value for name, value in given.items() if value not in (None, [], "")}
    bad = [q for q in given.get("quad_class", ()) if q not in (1, 2, 3, 4)]
    if bad:
        raise BadParameterError("quad_class", f"quad classes are 1-4, got {bad[0]}")
    since, until = given.get("since"), given.get("until")
    if since and until and since > until:
        raise BadParameterError("since", f"since {since} is after until {until}")
    if isinstance(given.get("dyad"), str):
        try:
            given["dyad"] = parse_dyad(given["dyad"])
        except ConfigError:
            raise BadParameterError(
                "dyad", f"give two actor codes such as CHN,JPN, got {given['dyad']!r}"
            ) from None
    if "place" in given:
        given["place"] = [p for p in given["place"] if p.strip()]
    return EventParams(**given)  # ConfigError (a bad code) -> 400


event_params.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    query_parameters(), return_annotation=EventParams
)
