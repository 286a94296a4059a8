"""`dyadwatch events` (stored events, newest first) and `dyadwatch event ID` (one event).

Evidence is never cut: it wraps to the terminal (or stays on one line with ``--wide``), and
each event carries its id, so an id printed by ``streaks``, ``spikes`` or ``alerts`` can be
followed with ``dyadwatch event ID``.
"""

from __future__ import annotations

import json
import math
import shutil
import textwrap
from enum import StrEnum
from typing import Annotated, Any

import typer

from dyadwatch.cli.app import app
from dyadwatch.cli.common import EXIT_OK, handle_errors
from dyadwatch.cli.options import DbOpt, event_filter_options
from dyadwatch.dictionaries.actor_names import actor_label
from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.errors import ConfigError

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}  # fmt: skip


class ListFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class SortOption(StrEnum):
    newest = "-date"
    oldest = "date"


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _code_name(code: str) -> str:
    codebook = default_codebook()
    return codebook.get(code).name if code in codebook else ""


def _headline(row: dict[str, Any]) -> str:
    when = _text(row.get("event_date")) or "undated"
    target = actor_label(_text(row.get("target_code"))) or "–"
    code = _text(row.get("code"))
    modality = _text(row.get("modality"))
    flag = "" if modality == "asserted" else f" [{modality.upper()}]"
    return (
        f"{when}  {actor_label(_text(row.get('source_code')))} -> {target}  "
        f"{code} {_code_name(code)}{flag}"
    )


def render_event_block(row: dict[str, Any], *, width: int, wide: bool) -> list[str]:
    """One event as lines: headline, the whole evidence sentence (wrapped unless ``wide``),
    its document's title, outlet and link, and the event id."""
    evidence = " ".join(_text(row.get("evidence_text")).split())
    quoted = f"\u201c{evidence}\u201d"
    lines = [_headline(row)]
    if wide:
        lines.append("    " + quoted)
    else:
        lines.extend(textwrap.wrap(quoted, width=max(width, 40), initial_indent="    ",
                                   subsequent_indent="     ", break_on_hyphens=False))  # fmt: skip
    where = _text(row.get("location_name"))
    document = " · ".join(
        part
        for part in (
            _text(row.get("doc_title")),
            _text(row.get("doc_outlet")),
            _text(row.get("doc_url")),
        )
        if part
    )
    lines.append(
        f"    {document or _text(row.get('doc_id'))}" + (f" · at {where}" if where else "")
    )
    lines.append(f"    id {row['id']}  (doc {row.get('doc_id')})")
    return lines


@app.command("events")
@handle_errors
@event_filter_options
def events_command(
    db: DbOpt,
    filters: dict[str, Any],
    sort: Annotated[
        SortOption, typer.Option("--sort", help="-date: newest first (default); date: oldest.")
    ] = SortOption.newest,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most N events.")] = 50,
    wide: Annotated[
        bool, typer.Option("--wide", help="Evidence on one line (not wrapped to the terminal).")
    ] = False,
    fmt: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
) -> None:
    """Stored events matching the filters, newest first, with the whole evidence sentence, the
    document's title, outlet and link, and the event id (show one with `dyadwatch event ID`)."""
    import dyadwatch.store as ds
    from dyadwatch.store.query import EventQuery, event_listing

    query = EventQuery(**filters)
    with ds.open(db, read_only=True) as store:
        frame, total = event_listing(store.con, query, sort=sort.value, limit=limit)
    if fmt is ListFormat.csv:
        typer.echo(frame.drop(columns=["spans", "rule"]).to_csv(index=False), nl=False)
        raise typer.Exit(EXIT_OK)
    records = [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]
    if fmt is ListFormat.jsonl:
        for record in records:
            typer.echo(json.dumps(record, default=str, ensure_ascii=False))
        raise typer.Exit(EXIT_OK)
    width = shutil.get_terminal_size((100, 40)).columns - 1
    for record in records:
        typer.echo("\n".join(render_event_block(record, width=width, wide=wide)))
        typer.echo("")
    typer.echo(f"{len(records)} of {total} matching event(s) shown", err=True)
    raise typer.Exit(EXIT_OK)


@app.command("event")
@handle_errors
def event_command(
    event_id: Annotated[str, typer.Argument(help="An event id (events, streaks, alerts).")],
    db: DbOpt,
    as_json: Annotated[bool, typer.Option("--json", help="The event record as JSON.")] = False,
) -> None:
    """One stored event: who did what to whom, when and where, its evidence, document and rule."""
    import dyadwatch.store as ds
    from dyadwatch.store.query import document_info

    with ds.open(db, read_only=True) as store:
        try:
            event = store.event(event_id)
        except KeyError:
            raise ConfigError(f"no event {event_id!r}; list ids with `dyadwatch events`") from None
        info = document_info(store.con, [event.doc_id]).get(event.doc_id, {})
    record = event.to_dict()
    record["document"] = {"id": event.doc_id, **info}
    if as_json:
        typer.echo(json.dumps(record, default=str, ensure_ascii=False, indent=2))
        raise typer.Exit(EXIT_OK)
    typer.echo("\n".join(describe_event(record)))
    raise typer.Exit(EXIT_OK)


def describe_event(record: dict[str, Any]) -> list[str]:
    """The lines of `dyadwatch event`: every field a reader checks, labelled."""
    source = record.get("source") or {}
    target = record.get("target") or {}
    date = record.get("event_date") or "undated"
    place = record.get("location") or {}
    document = record.get("document") or {}
    code = str(record.get("code"))
    lines = [
        f"event     {record['id']}",
        f"who       {actor_label(source.get('code'))} -> {actor_label(target.get('code')) or '–'}",
        f"what      {code} {_code_name(code)} (quad {record.get('quad_class')} "
        f"{QUAD_NAMES.get(record.get('quad_class') or 0, '')}, "
        f"Goldstein {record.get('goldstein')})",
        f"modality  {record.get('modality')}"
        + (f", attributed to {record['attributed_to']}" if record.get("attributed_to") else ""),
        f"when      {date} ({record.get('date_precision') or 'no'} precision, "
        f"from {record.get('date_source')})",
        f"where     {place.get('name') or '–'}",
        f"document  {document.get('title') or document.get('id')}",
        f"outlet    {document.get('outlet') or '–'}",
        f"link      {document.get('url') or '–'}",
        f"sentence  {int(record.get('sentence_index') or 0) + 1} of doc {record.get('doc_id')}",
        "evidence",
    ]
    evidence = " ".join(str((record.get("evidence") or {}).get("text", "")).split())
    lines.extend(textwrap.wrap(evidence, width=96, initial_indent="    ", subsequent_indent="    "))
    for key, value in (record.get("rule") or {}).items():
        lines.append(f"rule      {key}: {value}")
    return lines
