"""``/api/export``: every exporter of :data:`dyadwatch.registry.exporters` (docs/exports.md).

The format is a short name (``gdelt``, ``parquet``, ``plover``, ``csv``) or a registered
exporter's name, dispatched through the registry like ``dyadwatch export --format``: a new
export format is one exporter plus its registration. The exporter writes into a temporary file
(spooled: small exports stay in memory) that is then streamed; Parquet (a directory) comes as a
zip of its partitioned directory.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from dyadwatch import registry
from dyadwatch.store import Store
from dyadwatch.store.export import FORMAT_NAMES
from dyadwatch.store.export import export as export_events
from dyadwatch.web import models as m
from dyadwatch.web.errors import BadParameterError
from dyadwatch.web.params import EventParams, event_params
from dyadwatch.web.state import StateDep

router = APIRouter(prefix="/api", tags=["export"], responses=m.READ_ERRORS)
Params = Annotated[EventParams, Depends(event_params)]
CHUNK = 64 * 1024
SPOOL = 8 * 1024 * 1024

MEDIA = {
    "gdelt": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "gdelt_mentions": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "plover": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "parquet": ("application/zip", "zip"),
}


def _file_chunks(handle: IO[bytes]) -> Iterator[bytes]:
    try:
        handle.seek(0)
        while chunk := handle.read(CHUNK):
            yield chunk
    finally:
        handle.close()


def _export_file(store: Store, fmt: str, params: EventParams, bom: bool = False) -> IO[bytes]:
    """What the registered exporter ``fmt`` writes to its standard output, in a spooled file."""
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL)  # noqa: SIM115 (streamed, closed there)
    text = io.TextIOWrapper(spooled, encoding="utf-8", newline="")
    export_events(store, fmt, None, stdout=text, bom=bom, **params.store_filters())
    text.flush()
    text.detach()
    return spooled


def _parquet_zip(store: Store, params: EventParams) -> IO[bytes]:
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL)  # noqa: SIM115 (streamed, closed there)
    with tempfile.TemporaryDirectory(prefix="dyadwatch-export-") as tmp:
        out = Path(tmp) / "events"
        export_events(store, "parquet", out, **params.store_filters())
        with zipfile.ZipFile(spooled, "w", zipfile.ZIP_STORED) as archive:
            for path in sorted(out.rglob("*")):
                if path.is_file():
                    archive.write(path, Path("events") / path.relative_to(out))
    return spooled


@router.get(
    "/export",
    summary="The filtered events in an export format",
    response_class=StreamingResponse,
    responses={200: {"content": {media: {} for media, _ in MEDIA.values()}}},
)
def export(
    state: StateDep,
    params: Params,
    format: Annotated[
        str,
        Query(min_length=1, max_length=100, description="A short name or an exporter name"),
    ],
    bom: Annotated[
        bool, Query(description="CSV only: start with a UTF-8 byte-order mark (for Excel)")
    ] = False,
) -> StreamingResponse:
    """``gdelt`` (GDELT 2.0 event table, TSV, one row per real event), ``plover`` (PLOVER JSON
    Lines), ``csv`` (one row per coded event with its cluster's mention counts), ``parquet``
    (a zip of the ``year=/root_code=`` partitioned directory) or the name of a registered
    exporter (docs/plugins.md). Same filters as /api/events."""
    if FORMAT_NAMES.get(format, format) not in registry.exporters:
        known = ", ".join([*FORMAT_NAMES, *registry.exporters.names()])
        raise BadParameterError("format", f"unknown export format {format!r}; known: {known}")
    if bom and format != "csv":
        raise BadParameterError("bom", "bom is for CSV only")
    params.query().where("e")  # a bad filter fails here, before the response starts
    # written out while the database is open (a heavy request, under the query timeout),
    # then streamed from the spooled file with the database closed again
    with state.heavy.taken(), state.database.reading() as store:
        if format == "parquet":
            written = _parquet_zip(store, params)
        else:
            written = _export_file(store, format, params, bom)
    body = _file_chunks(written)

    media, suffix = MEDIA.get(format, ("application/octet-stream", "dat"))
    headers = {"Content-Disposition": f'attachment; filename="dyadwatch-events.{suffix}"'}
    return StreamingResponse(body, media_type=media, headers=headers)
