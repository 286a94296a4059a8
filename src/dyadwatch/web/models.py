"""The API's response bodies as typed models, so ``/openapi.json`` and ``/docs`` show what each
route returns, and the error bodies every route may answer with.

The models name the fields clients rely on and allow more (``extra="allow"``): a field added
to a record later reaches clients without a model change, and the schema says so. Dates are
ISO strings (``YYYY-MM-DD``); event records follow docs/event-schema.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# -- errors ------------------------------------------------------------------------------------


class ErrorBody(BaseModel):
    detail: str = Field(description="What went wrong, for a person")
    code: str = Field(description="A stable code: bad_parameter, not_found, busy, timeout ...")


class Problem(BaseModel):
    loc: list[str | int] = Field(description="Where: query/body and the parameter or field")
    msg: str
    type: str


class ValidationBody(BaseModel):
    detail: list[Problem] = Field(description="The first problems found (the input is not echoed)")


_RETRY = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "string"}}}
READ_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A value that passed type checks but makes no sense"},
    422: {"model": ValidationBody, "description": "A parameter of the wrong type or range"},
    503: {
        "model": ErrorBody,
        "description": "The database is busy (an ingest), a query timed out, or the server is "
        "stopping: retry after Retry-After seconds",
        "headers": _RETRY,
    },
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No such id"}
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No bearer token"},
    403: {"model": ErrorBody, "description": "Wrong token, or a read-only server"},
    413: {"model": ErrorBody, "description": "The body is larger than the server accepts"},
}


# -- events and documents ----------------------------------------------------------------------


class ActorOut(Open):
    code: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None


class EvidenceOut(Open):
    text: str
    start: int
    end: int
    spans: dict[str, list[int]] = Field(default_factory=dict)


class PlaceOut(Open):
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    id: str | None = None


class EventOut(Open):
    """One coded event (docs/event-schema.md) and its cluster."""

    id: str
    doc_id: str
    sentence_index: int | None = None
    evidence: EvidenceOut
    source: ActorOut | None = None
    target: ActorOut | None = None
    code: str
    root_code: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover: dict[str, Any] | None = None
    modality: str
    attributed_to: Any = None
    event_date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    date_end: str | None = None
    location: PlaceOut | None = None
    rule: dict[str, Any] | None = None
    confidence: float | None = None
    verifier: Any = None
    cluster_id: str | None = None


class EventPageOut(Open):
    events: list[EventOut]
    next_cursor: str | None = Field(description="Pass back as cursor for the next page")
    total: int = Field(description="Events matching the filters")


class DocumentSummaryOut(Open):
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None
    parent_id: str | None = None
    truncated: bool | None = None
    status: str | None = None
    duplicate_of: str | None = None


class EventDetailOut(EventOut):
    document: DocumentSummaryOut | None = None


class DocumentRowOut(Open):
    id: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    status: str | None = None
    n_events: int | None = None
    parent_id: str | None = None


class DocumentListOut(Open):
    documents: list[DocumentRowOut]
    total: int


class RelatedOut(Open):
    id: str
    title: str | None = None
    relation: str = Field(description="page, part, teaser, original or duplicate")
    parent_id: str | None = None


class DocumentOut(Open):
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None
    parent_id: str | None = None
    truncated: bool | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)
    status: str | None = None
    duplicate_of: str | None = None
    duplicate_kind: str | None = None
    similarity: float | None = None
    duplicates: list[str] = Field(default_factory=list)
    related: list[RelatedOut] = Field(default_factory=list)
    text: str
    events: list[EventOut]


class StoredDocumentOut(Open):
    id: str
    status: str | None = None
    duplicate_of: str | None = None
    events: list[EventOut]


class RejectOut(Open):
    origin: str | None = None
    code: str | None = None
    reason: str | None = None


class PostResultOut(Open):
    run_id: str | None = Field(description="The last run this request made")
    run_ids: list[str] = Field(description="One run per committed batch")
    counts: dict[str, int]
    documents: list[StoredDocumentOut]
    rejects: list[RejectOut]
    warnings: list[str]


# -- indicators and lookups --------------------------------------------------------------------


class SeriesPointOut(Open):
    group: str
    period: str | None = None
    period_end: str | None = None
    count: float | None = None
    goldstein_mean: float | None = None
    conflict_share: float | None = None
    partial: bool | None = None
    documents: float | None = None
    per_1000: float | None = None


class SeriesOut(Open):
    freq: str
    unit: str
    unit_label: str
    by: str | None = None
    groups: list[str]
    points: list[SeriesPointOut]
    notes: list[str]


class PointEventOut(EventOut):
    n_reports: int | None = None


class PointEventsOut(Open):
    freq: str
    period: str
    groups: list[str]
    unit: str
    unit_label: str
    count: int
    total: int
    events: list[PointEventOut]


class StreakOut(Open):
    group: str | None = None
    start: str | None = None
    end: str | None = None
    length: int
    count: float | None = None
    event_ids: list[str]
    current: bool
    longest: bool


class StreaksOut(Open):
    freq: str
    unit: str
    unit_label: str
    as_of: str | None = None
    streaks: list[StreakOut]
    total: int
    notes: list[str]


class SpikeOut(Open):
    group: str | None = None
    score: float | None = None
    event_ids: list[str]


class SpikesOut(Open):
    freq: str
    unit: str
    unit_label: str
    window: int | None = None
    threshold: float | None = None
    spikes: list[SpikeOut]
    total: int
    notes: list[str]


class ClusterOut(Open):
    cluster_id: str
    representative_event_id: str | None = None
    n_events: int | None = None
    n_mentions: int | None = None


class ClustersOut(Open):
    clusters: list[ClusterOut]


class AlertOut(Open):
    id: str
    watch_id: str
    watch_name: str | None = None
    kind: str | None = None
    message: str | None = None
    event_ids: list[str]
    period_start: str | None = None
    period_end: str | None = None


class AlertsOut(Open):
    alerts: list[AlertOut]


class PlaceCountOut(Open):
    place: str | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    n_events: int


class PlacesOut(Open):
    places: list[PlaceCountOut]


class DyadOut(Open):
    a: str | None = None
    b: str | None = None
    n_events: int


class DyadsOut(Open):
    dyads: list[DyadOut]


class ActorCountOut(Open):
    code: str | None = None
    n: int


class ActorsOut(Open):
    actors: list[ActorCountOut]
