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
from dyadwatch.cli.progress import estimate_documents, show_progress, wanted
from dyadwatch.cli.render import render_document, render_summary
from dyadwatch.files import atomic_text_file
from dyadwatch.model import Document, Event, Reject
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
    progress: bool = False,
) -> int:
    """Code ``inputs`` and write events to ``out``; rejects and the summary go to ``err`` for
    JSON Lines (so the event stream stays clean) and to ``out`` for the table. Returns the
    exit status: 0, or 3 when any input was rejected. With a verifier, the events it dropped
    go to ``dropped`` (JSON Lines, with the reason) when given. ``progress`` shows a live
    progress line on ``err`` (see :mod:`dyadwatch.cli.progress`)."""
    settings = load_settings(
        config, workers=workers, engine=engine, scheduler=scheduler, verifier=verifier
    )
    stdin = sys.stdin.buffer if "-" in inputs else None
    rejects: list[Reject] = []
    all_events: list[Event] = []
    n_docs = n_dropped = 0
    total = estimate_documents(inputs) if progress else None
    outcomes = code_inputs(inputs, date=parse_date(date), settings=settings, stdin=stdin)
    with show_progress("code", total, progress, err) as sink:
        for outcome in outcomes:
            if isinstance(outcome, Reject):
                rejects.append(outcome)
                if fmt is OutputFormat.jsonl and sink is None:
                    err.write(_reject_line(outcome))
            else:
                n_docs += 1
                all_events.extend(outcome.events)
                n_dropped += len(outcome.dropped)
                if dropped is not None:
                    for event in outcome.dropped:
                        dropped.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                _write_document(out, fmt, outcome.document, outcome.events)
            if sink is not None:
                sink(n_docs + len(rejects), len(all_events), len(rejects))
    if progress and fmt is OutputFormat.jsonl:
        err.writelines(map(_reject_line, rejects))  # after the progress line, not through it
    summary = render_summary(n_docs, all_events, [] if fmt is OutputFormat.jsonl else rejects)
    if settings.verifier:
        summary += f"\nverifier {settings.verifier}: {n_dropped} event(s) dropped"
    (err if fmt is OutputFormat.jsonl else out).write(summary.lstrip("\n") + "\n")
    return EXIT_REJECTED if rejects else EXIT_OK


def _reject_line(reject: Reject) -> str:
    return f"rejected {reject.origin}: {reject.code}: {reject.reason}\n"


def _write_document(
    out: TextIO, fmt: OutputFormat, document: Document, events: list[Event]
) -> None:
    if fmt is OutputFormat.jsonl:
        for event in events:
            out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    else:
        out.write(render_document(document, events) + "\n\n")


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
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Show progress (documents/s, events, rejects, ETA); default: with --output, at "
            "a terminal and not under CI.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Code documents into events and print them. Exit status 3 if any input was rejected."""
    # events printed to the terminal are their own progress: a live line would garble them
    show = wanted(progress, sys.stdout, sys.stderr) and (output is not None or bool(progress))
    with ExitStack() as stack:
        # complete or not at all: a full disk or Ctrl-C never leaves half an events file
        out = stack.enter_context(atomic_text_file(output)) if output else sys.stdout
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
            progress=show,
        )
    raise typer.Exit(status)
