"""`dyadwatch code`: code documents and print events (no database needed)."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from dyadwatch.api import code_inputs
from dyadwatch.cli.app import app
from dyadwatch.cli.common import EXIT_OK, EXIT_REJECTED, handle_errors, parse_date
from dyadwatch.cli.options import EngineOpt, SchedulerOpt, VerifierOpt, WorkersOpt
from dyadwatch.cli.render import render_document, render_summary
from dyadwatch.model import Event, Reject
from dyadwatch.settings import load_settings


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def code_to_stream(
    inputs: list[str],
    out: TextIO,
    err: TextIO,
    *,
    date: str | None = None,
    fmt: OutputFormat = OutputFormat.jsonl,
    workers: int | None = None,
    config: Path | None = None,
    engine: str | None = None,
    scheduler: str | None = None,
    verifier: Path | None = None,
    dropped: TextIO | None = None,
) -> int:
    """Code ``inputs`` and write events to ``out``; rejects and the summary go to ``err`` for
    JSON Lines (so the event stream stays clean) and to ``out`` for the table. Returns the
    exit status: 0, or 3 when any input was rejected. With a verifier, the events it dropped
    go to ``dropped`` (JSON Lines, with the reason) when given."""
    settings = load_settings(
        config, workers=workers, engine=engine, scheduler=scheduler, verifier=verifier
    )
    stdin = sys.stdin.buffer if "-" in inputs else None
    rejects: list[Reject] = []
    all_events: list[Event] = []
    n_docs = n_dropped = 0
    for outcome in code_inputs(inputs, date=parse_date(date), settings=settings, stdin=stdin):
        if isinstance(outcome, Reject):
            rejects.append(outcome)
            if fmt is OutputFormat.jsonl:
                err.write(f"rejected {outcome.origin}: {outcome.code}: {outcome.reason}\n")
            continue
        n_docs += 1
        all_events.extend(outcome.events)
        n_dropped += len(outcome.dropped)
        if dropped is not None:
            for event in outcome.dropped:
                dropped.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        if fmt is OutputFormat.jsonl:
            for event in outcome.events:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(render_document(outcome.document, outcome.events) + "\n\n")
    summary = render_summary(n_docs, all_events, [] if fmt is OutputFormat.jsonl else rejects)
    if settings.verifier:
        summary += f"\nverifier {settings.verifier}: {n_dropped} event(s) dropped"
    (err if fmt is OutputFormat.jsonl else out).write(summary.lstrip("\n") + "\n")
    return EXIT_REJECTED if rejects else EXIT_OK


@app.command("code")
@handle_errors
def code_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Text/HTML files, directories, JSONL files of records, or - for stdin."
        ),
    ],
    date: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that have none.")
    ] = None,
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format", help="jsonl: one event record per line; table: a readable summary."
        ),
    ] = OutputFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option(help="Write events here instead of standard output.")
    ] = None,
    workers: WorkersOpt = None,
    config: Annotated[Path | None, typer.Option(help="Settings file (TOML).")] = None,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
    verifier: VerifierOpt = None,
    dropped: Annotated[
        Path | None,
        typer.Option(help="With --verifier: write the events it dropped here (JSON Lines)."),
    ] = None,
) -> None:
    """Code documents into events and print them. Exit status 3 if any input was rejected."""
    with ExitStack() as stack:
        out = stack.enter_context(output.open("w", encoding="utf-8")) if output else sys.stdout
        drop_out = stack.enter_context(dropped.open("w", encoding="utf-8")) if dropped else None
        status = code_to_stream(
            inputs,
            out,
            sys.stderr,
            date=date,
            fmt=fmt,
            workers=workers,
            config=config,
            engine=engine,
            scheduler=scheduler,
            verifier=verifier,
            dropped=drop_out,
        )
    raise typer.Exit(status)
