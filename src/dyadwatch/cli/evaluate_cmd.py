"""`dyadwatch evaluate`: score the event coder on a gold file (PLOVER or Multi-CoPED)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dyadwatch.cli.app import app
from dyadwatch.cli.common import handle_errors
from dyadwatch.errors import EvaluationError
from dyadwatch.settings import load_settings

if TYPE_CHECKING:
    from dyadwatch.evaluation import ArticleReport, EvaluationReport


class ReportFormat(StrEnum):
    table = "table"
    json = "json"


def evaluate_to_text(
    gold: Path,
    *,
    fmt: ReportFormat = ReportFormat.table,
    errors: int = 0,
    config: Path | None = None,
    corpus: Sequence[str] = (),
    date: dt.date | None = None,
) -> str:
    """Load the coder, score it on ``gold`` and return the rendered report. Article gold reads
    its articles' text from the ``corpus`` inputs (``date``: their default publication date)."""
    from dyadwatch.api import get_coder
    from dyadwatch.evaluation import evaluate_articles, evaluate_file, gold_file_kind
    from dyadwatch.ingest import read_inputs
    from dyadwatch.model import Document

    settings = load_settings(config)
    coder = get_coder(settings)
    report: EvaluationReport | ArticleReport
    if gold_file_kind(gold) == "articles":
        if not corpus:
            raise EvaluationError(f"{gold}: article gold needs --corpus with the articles' text")
        documents = (
            d for d in read_inputs(list(corpus), default_date=date) if isinstance(d, Document)
        )
        report = evaluate_articles(gold, documents, coder, batch_size=settings.batch_size)
    else:
        report = evaluate_file(gold, coder)
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
    corpus: Annotated[
        list[str] | None,
        typer.Option(
            "--corpus",
            help="Article gold only: input holding the articles' text (JSONL, file, directory);"
            " repeatable.",
        ),
    ] = None,
    date: Annotated[
        dt.datetime | None,
        typer.Option(
            "--date",
            formats=["%Y-%m-%d"],
            help="Article gold only: publication date of corpus inputs that state none.",
        ),
    ] = None,
) -> None:
    """Score the coder on a gold file: precision/recall/F1 (PLOVER) or accuracy/macro-F1
    (Multi-CoPED), a confusion matrix, and the sentences it got wrong; for article gold,
    precision/recall of substantive and all events, dates, statement and target shares, and
    the kinds of error."""
    typer.echo(
        evaluate_to_text(
            gold,
            fmt=fmt,
            errors=errors,
            config=config,
            corpus=corpus or (),
            date=date.date() if date else None,
        )
    )
