"""``/api/events``, ``/api/documents`` and ``/api/export``: thin routes over :mod:`.queries`,
the store and the ingest pipeline."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, StrictStr

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest import segment_page
from dyadwatch.ingest.jsonl import record_to_document
from dyadwatch.model import Document, Reject
from dyadwatch.web import models as m
from dyadwatch.web import queries
from dyadwatch.web.pagination import MAX_LIMIT, SortKey
from dyadwatch.web.params import EventParams, event_params
from dyadwatch.web.state import StateDep, StoreDep, require_write_token
from dyadwatch.web.writes import store_documents

router = APIRouter(prefix="/api", tags=["events"], responses=m.READ_ERRORS)
Params = Annotated[EventParams, Depends(event_params)]
IdPath = Annotated[str, Path(min_length=1, max_length=500)]
MAX_DOCUMENTS_PER_POST = 100


@router.get(
    "/events",
    summary="Events matching the filters, one page at a time",
    response_model=m.EventPageOut,
)
def list_events(
    store: StoreDep,
    params: Params,
    sort: Annotated[SortKey, Query(description="Sort column; '-' for descending")] = "date",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=2000, description="next_cursor of the previous page")
    ] = None,
) -> dict[str, Any]:
    """Events (asserted by default) in a stable order. Pass ``next_cursor`` back as ``cursor``
    with the same filters and sort for the next page; it is null on the last page."""
    page = queries.event_page(store, params, sort=sort, limit=limit, cursor=cursor)
    return {"events": page.events, "next_cursor": page.next_cursor, "total": page.total}


@router.get(
    "/events/{event_id}",
    summary="One event with its evidence and document",
    response_model=m.EventDetailOut,
    responses=m.NOT_FOUND,
)
def get_event(store: StoreDep, event_id: IdPath) -> dict[str, Any]:
    return queries.event_detail(store, event_id)


@router.get(
    "/documents",
    summary="Stored documents",
    tags=["documents"],
    response_model=m.DocumentListOut,
)
def list_documents(
    store: StoreDep,
    text: Annotated[str | None, Query(max_length=200, description="Substring of the text")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    documents, total = queries.document_list(store, text=text, limit=limit, offset=offset)
    return {"documents": documents, "total": total}


@router.get(
    "/documents/{doc_id:path}",
    summary="A document's text, its coded events (every modality) and related documents",
    tags=["documents"],
    response_model=m.DocumentOut,
    responses=m.NOT_FOUND,
)
def get_document(store: StoreDep, doc_id: IdPath) -> dict[str, Any]:
    return queries.document_detail(store, doc_id)


def _whole_number(value: Any) -> Any:
    """JSON has one number type: ``3.0`` is the integer 3 (as the schema's "integer" says)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        return int(value)
    return value


class DocumentIn(BaseModel):
    """A document to code: the JSON Lines input record. Other string fields (author, ...) are
    kept as metadata."""

    model_config = ConfigDict(extra="allow")

    id: StrictStr | Annotated[StrictInt, BeforeValidator(_whole_number)] = Field(
        description="Your id for the document (unique)"
    )
    text: StrictStr = Field(min_length=1, max_length=5_000_000)
    date: StrictStr | None = Field(
        default=None, description="Publication date: YYYY-MM-DD or an ISO 8601 datetime"
    )
    title: StrictStr | None = None
    source: StrictStr | None = None
    url: StrictStr | None = None


Body = DocumentIn | Annotated[list[DocumentIn], Field(min_length=1, max_length=100)]


def _documents(records: list[DocumentIn]) -> list[Document | Reject]:
    """The submitted records as documents (pages split into their parts) or rejects, by the
    same rules as the JSON Lines reader."""
    items: list[Document | Reject] = []
    seen: set[str] = set()
    for line, record in enumerate(records, start=1):
        try:
            doc = record_to_document(record.model_dump(), label="api", line=line)
        except InputError as exc:
            items.append(Reject(exc.origin, exc.reject_code.value, exc.message))
            continue
        for part in segment_page(doc):
            if part.id in seen:
                reason = f"document id {part.id!r} appears twice in this request"
                items.append(Reject(part.origin, RejectCode.DUPLICATE_ID.value, reason))
                continue
            seen.add(part.id)
            items.append(part)
    return items


@router.post(
    "/documents",
    summary="Code and store documents (needs the write token)",
    tags=["documents"],
    dependencies=[Depends(require_write_token)],
    response_model=m.PostResultOut,
    responses=m.WRITE_ERRORS,
)
def post_documents(state: StateDep, body: Body) -> dict[str, Any]:
    """Codes and stores one record or a list of up to 100; returns each stored document's
    events (every modality) and the records that were rejected, with the reason. Sending the
    same record again changes nothing; a changed text replaces the old version's events.
    Documents are coded before the database is locked and stored in short batches, each its
    own run (``run_ids``; ``run_id`` is the last)."""
    records = body if isinstance(body, list) else [body]
    result = store_documents(state, _documents(records))
    return {
        "run_id": result.run_ids[-1] if result.run_ids else None,
        "run_ids": result.run_ids,
        "counts": result.counts,
        "documents": result.documents,
        "rejects": result.rejects,
        "warnings": result.warnings,
    }
