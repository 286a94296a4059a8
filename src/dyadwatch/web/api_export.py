"""``/api/export``: the store's export formats (docs/exports.md), streamed.

GDELT and PLOVER rows are read from the database and sent as they come. CSV and Parquet are
written by the store's exporter into a temporary file first (spooled: small exports stay in
memory) and streamed from there; Parquet comes as a zip of its partitioned directory.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from dyadwatch.store import Store
from dyadwatch.store.export import export as export_events
from dyadwatch.store.export import write_csv
from dyadwatch.store.gdelt import gdelt_rows
from dyadwatch.store.plover import plover_records
from dyadwatch.web.params import EventParams, event_params
from dyadwatch.web.state import StateDep

router = APIRouter(prefix="/api", tags=["export"])
Params = Annotated[EventParams, Depends(event_params)]
Format = Literal["gdelt", "parquet", "plover", "csv"]
CHUNK = 64 * 1024
SPOOL = 8 * 1024 * 1024

MEDIA = {
    "gdelt": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "plover": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "parquet": ("application/zip", "zip"),
}


def _batched(lines: Iterator[str]) -> Iterator[bytes]:
    buffer: list[str] = []
    size = 0
    for line in lines:
        buffer.append(line)
        size += len(line)
        if size >= CHUNK:
            yield "".join(buffer).encode("utf-8")
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode("utf-8")


def _file_chunks(handle: IO[bytes]) -> Iterator[bytes]:
    try:
        handle.seek(0)
        while chunk := handle.read(CHUNK):
            yield chunk
    finally:
        handle.close()


def _csv_file(store: Store, params: EventParams) -> IO[bytes]:
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL)  # noqa: SIM115 (streamed, closed there)
    text = io.TextIOWrapper(spooled, encoding="utf-8", newline="")
    write_csv(store, params.query(), text)
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
    state: StateDep, params: Params, format: Annotated[Format, Query()]
) -> StreamingResponse:
    """``gdelt`` (GDELT 2.0 event table, TSV, one row per real event), ``plover`` (PLOVER JSON
    Lines), ``csv`` (one row per coded event with its cluster's mention counts) or ``parquet``
    (a zip of the ``year=/root_code=`` partitioned directory). Same filters as /api/events."""
    query = params.query()
    query.where("e")  # a bad filter fails here, before the response starts
    cursor = state.store.con.cursor()  # owned by the response: it outlives this function
    store = Store(cursor, state.store.path, state.store.read_only)

    def body() -> Iterator[bytes]:
        try:
            if format == "gdelt":
                yield from _batched("\t".join(r) + "\n" for r in gdelt_rows(cursor, query))
            elif format == "plover":
                records = plover_records(cursor, query)
                yield from _batched(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            elif format == "csv":
                yield from _file_chunks(_csv_file(store, params))
            else:
                yield from _file_chunks(_parquet_zip(store, params))
        finally:
            cursor.close()

    media, suffix = MEDIA[format]
    headers = {"Content-Disposition": f'attachment; filename="dyadwatch-events.{suffix}"'}
    return StreamingResponse(body(), media_type=media, headers=headers)
