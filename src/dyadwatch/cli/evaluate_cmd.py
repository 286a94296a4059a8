"""`dyadwatch evaluate`: score the event coder on a gold file (PLOVER or Multi-CoPED)."""

from __future__ import annotations

import json
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dyadwatch.cli.app import app
from dyadwatch.cli.common import handle_errors
from dyadwatch.cli.options import VerifierOpt
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
    verifier: Path | None = None,
) -> str:
    """Load the coder, score it on ``gold`` and return the rendered report; with a verifier,
    the rules alone and rules + verifier on the same gold, one after the other."""
    from dyadwatch.api import get_coder
    from dyadwatch.evaluation import evaluate_file
    from dyadwatch.verifier import with_verifier

    settings = load_settings(config)
    rules = get_coder(replace(settings, verifier=None))
    reports = [evaluate_file(gold, rules)]
    if verifier is not None or settings.verifier:
        verified = replace(settings, verifier=str(verifier or settings.verifier))
        reports.append(evaluate_file(gold, with_verifier(rules, verified)))
    if fmt is ReportFormat.json:
        if len(reports) == 1:
            return json.dumps(reports[0].to_dict(errors=errors), indent=2, ensure_ascii=False)
        both = {
            "rules": reports[0].to_dict(errors=errors),
            "rules+verifier": reports[1].to_dict(errors=errors),
        }
        return json.dumps(both, indent=2, ensure_ascii=False)
    titles = ["rules alone", "rules + verifier"]
    if len(reports) == 1:
        return reports[0].render(errors=errors)
    return "\n\n".join(
        f"== {title} ==\n{report.render(errors=errors)}"
        for title, report in zip(titles, reports, strict=True)
    )


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
    verifier: VerifierOpt = None,
) -> None:
    """Score the coder on a gold file: precision/recall/F1 (PLOVER) or accuracy/macro-F1
    (Multi-CoPED), a confusion matrix, and the sentences it got wrong. With --verifier (or
    the verifier setting): the rules alone, then rules + verifier, on the same gold."""
    typer.echo(evaluate_to_text(gold, fmt=fmt, errors=errors, config=config, verifier=verifier))
