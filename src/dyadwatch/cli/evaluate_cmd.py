"""`dyadwatch evaluate`: score the event coder on a gold file (PLOVER or Multi-CoPED)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dyadwatch.cli.app import app
from dyadwatch.cli.common import handle_errors
from dyadwatch.settings import load_settings


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


def evaluate_to_text(
    gold: Path,
    *,
    fmt: ReportFormat = ReportFormat.table,
    errors: int = 0,
    config: Path | None = None,
) -> str:
    """Load the coder, score it on ``gold`` and return the rendered report."""
    from dyadwatch.api import get_coder
    from dyadwatch.evaluation import evaluate_file

    report = evaluate_file(gold, get_coder(load_settings(config)))
    if fmt is ReportFormat.json:
        return json.dumps(report.to_dict(errors=errors), indent=2, ensure_ascii=False)
    return report.render(errors=errors)


@app.command("evaluate")
@handle_errors
def evaluate_command(
    gold: Annotated[
        Path, typer.Argument(help="Gold JSON Lines file (PLOVER records or Multi-CoPED sentences).")
    ],
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", help="table: readable report; json: machine-readable."),
    ] = ReportFormat.table,
    errors: Annotated[
        int, typer.Option("--errors", min=0, help="List this many sentences it got wrong.")
    ] = 0,
    config: Annotated[Path | None, typer.Option("--config", help="Settings file (TOML).")] = None,
) -> None:
    """Score the coder on a gold file: precision/recall/F1 (PLOVER) or accuracy/macro-F1
    (Multi-CoPED), a confusion matrix, and the sentences it got wrong."""
    typer.echo(evaluate_to_text(gold, fmt=fmt, errors=errors, config=config))
