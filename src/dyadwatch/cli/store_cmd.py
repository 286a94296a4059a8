"""`dyadwatch ingest|recode|export|clusters`: the database commands, thin over dyadwatch.store.

Exit status: 0 all accepted; 3 the command ran but some input or document was rejected (the
reasons are printed and stored in the ``rejects`` table); 1 the command could not do its job
(the database could not be opened or written); 2 a bad command-line value.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.analytics.delivery import drain as drain_deliveries
from dyadwatch.analytics.watches import check_watches
from dyadwatch.cli.app import app
from dyadwatch.cli.common import EXIT_OK, handle_errors, parse_date
from dyadwatch.cli.options import (
    DbOpt,
    EngineOpt,
    SchedulerOpt,
    VerifierOpt,
    WorkersOpt,
    event_filter_options,
)
from dyadwatch.cli.progress import estimate_documents, show_progress, wanted
from dyadwatch.dictionaries.actor_names import actor_label
from dyadwatch.settings import load_settings

ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings file (TOML).")]
BatchOpt = Annotated[
    int | None,
    typer.Option(
        "--batch-size", min=1, help="Documents per transaction (default: settings.batch_size)."
    ),
]
ProgressOpt = Annotated[
    bool | None,
    typer.Option(
        "--progress/--no-progress",
        help="Show progress (documents/s, events, rejects, ETA); default: only at a terminal "
        "and not under CI.",
        show_default=False,
    ),
]


def render_report(report: pipeline.IngestReport) -> str:
    """The run summary printed after ``ingest`` and ``recode``."""
    lines = [
        f"{report.command} {report.run_id}: {report.read} document(s) read: "
        f"{report.new} new, {report.changed} changed, {report.unchanged} unchanged"
        + (f", {report.redecided} decided again" if report.redecided else ""),
        f"duplicates: {report.duplicates_exact} exact, {report.duplicates_near} near; "
        f"coded {report.coded} (failed {report.failed}); {report.events} event(s); "
        f"{report.clusters} cluster(s) updated; {report.alerts} new alert(s)",
    ]
    if report.rejects:
        lines.append(f"{len(report.rejects)} rejected:")
        lines.extend(f"  {r.origin}: {r.code}: {r.reason}" for r in report.rejects)
    lines.extend(f"warning: {w}" for w in report.warnings)
    return "\n".join(lines)


def ingest_to_db(
    inputs: list[str],
    db: Path,
    *,
    date: str | None = None,
    workers: int | None = None,
    config: Path | None = None,
    batch_size: int | None = None,
    err: TextIO | None = None,
    engine: str | None = None,
    scheduler: str | None = None,
    verifier: Path | None = None,
    progress: bool | None = None,
) -> int:
    """Ingest ``inputs`` into ``db``; print the summary to ``err``; return the exit status."""
    settings = load_settings(
        config, workers=workers, engine=engine, scheduler=scheduler, verifier=verifier
    )
    stdin = sys.stdin.buffer if "-" in inputs else None
    err = err or sys.stderr
    enabled = wanted(progress, sys.stdout, err)
    total = estimate_documents(inputs) if enabled else None
    with ds.open(db) as store, show_progress("ingest", total, enabled, err) as sink:
        report = pipeline.ingest(
            store,
            inputs,
            default_date=parse_date(date),
            stdin=stdin,
            settings=settings,
            batch_size=batch_size,
            watch=check_watches,
            progress=sink,
        )
    drain_deliveries()  # alerts reach their webhooks and files before the command ends
    err.write(render_report(report) + "\n")
    return report.exit_status


@app.command("ingest")
@handle_errors
def ingest_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Text/HTML files, directories, JSONL files of records, or - for stdin."
        ),
    ],
    db: DbOpt,
    date: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that have none.")
    ] = None,
    workers: WorkersOpt = None,
    batch_size: BatchOpt = None,
    config: ConfigOpt = None,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
    verifier: VerifierOpt = None,
    progress: ProgressOpt = None,
) -> None:
    """Code documents into the database. Re-running on the same input changes nothing.
    Exit status 3 if any input was rejected."""
    status = ingest_to_db(
        inputs,
        db,
        date=date,
        workers=workers,
        config=config,
        batch_size=batch_size,
        engine=engine,
        scheduler=scheduler,
        verifier=verifier,
        progress=progress,
    )
    raise typer.Exit(status)


@app.command("recode")
@handle_errors
def recode_command(
    db: DbOpt,
    workers: WorkersOpt = None,
    batch_size: BatchOpt = None,
    config: ConfigOpt = None,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
    progress: ProgressOpt = None,
) -> None:
    """Re-code every stored document with the current dictionaries, replacing its events."""
    settings = load_settings(config, workers=workers, engine=engine, scheduler=scheduler)
    enabled = wanted(progress, sys.stdout, sys.stderr)
    with ds.open(db) as store:
        total = len(store.documents(status=["coded", "failed"])) if enabled else None
        with show_progress("recode", total, enabled) as sink:
            report = pipeline.recode(store, settings=settings, batch_size=batch_size, progress=sink)
    typer.echo(render_report(report), err=True)
    raise typer.Exit(report.exit_status)


@app.command("export")
@handle_errors
@event_filter_options
def export_command(
    db: DbOpt,
    filters: dict[str, Any],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="gdelt (TSV), gdelt_mentions (TSV, with Confidence), parquet (directory), "
            "plover (JSONL), csv, or the name of a registered exporter (docs/plugins.md).",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", help="File (directory for parquet); default standard output."),
    ] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output.")] = False,
    bom: Annotated[
        bool,
        typer.Option("--bom", help="CSV: start with a UTF-8 byte-order mark (for Excel)."),
    ] = False,
) -> None:
    """Export events (asserted by default) as GDELT 2.0 events, Parquet, PLOVER JSON or CSV."""
    with ds.open(db, read_only=True) as store:
        result = store.export(fmt, output, overwrite=overwrite, bom=bom, **filters)
    typer.echo(f"{result.rows} row(s) written to {result.output} ({result.format})", err=True)
    raise typer.Exit(EXIT_OK)


class ClusterFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


@app.command("clusters")
@handle_errors
@event_filter_options
def clusters_command(
    db: DbOpt,
    filters: dict[str, Any],
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Recompute every cluster before listing.")
    ] = False,
    min_mentions: Annotated[
        int | None, typer.Option("--min-mentions", min=1, help="Only clusters this big.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Largest N clusters.")] = 50,
    fmt: Annotated[ClusterFormat, typer.Option("--format")] = ClusterFormat.table,
) -> None:
    """List event clusters (one real event and its mentions), largest first."""
    with ds.open(db, read_only=not rebuild) as store:
        if rebuild:
            n = store.recluster(full=True)
            typer.echo(f"{n} cluster(s) rebuilt", err=True)
        frame = store.clusters(min_mentions=min_mentions, limit=limit, **filters)
    if fmt is ClusterFormat.csv:
        typer.echo(frame.to_csv(index=False), nl=False)
    elif fmt is ClusterFormat.jsonl:
        for record in frame.to_dict("records"):
            typer.echo(json.dumps(record, default=str, ensure_ascii=False))
    elif frame.empty:
        typer.echo("no clusters")
    else:
        shown = frame[
            ["cluster_id", "first_date", "source_code", "target_code", "code", "n_mentions",
             "n_sources", "n_articles", "location_name", "evidence_text"]
        ].copy()  # fmt: skip
        shown["first_date"] = shown["first_date"].dt.strftime("%Y-%m-%d")
        for side in ("source_code", "target_code"):  # "CHN China", as everywhere
            shown[side] = shown[side].map(lambda c: actor_label(c) if isinstance(c, str) else c)
        # the whole representative sentence, never cut
        shown["evidence_text"] = shown["evidence_text"].map(lambda t: " ".join(str(t).split()))
        typer.echo(shown.to_string(index=False, na_rep="-", justify="left"))
    raise typer.Exit(EXIT_OK)
