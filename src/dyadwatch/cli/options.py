"""Command-line options shared by the commands that read the database and filter events."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOpt = Annotated[Path, typer.Option("--db", help="The dyadwatch database file.")]
ActorOpt = Annotated[
    list[str] | None, typer.Option("--actor", help="Actor on either side, code prefix (CHN).")
]
SourceOpt = Annotated[list[str] | None, typer.Option("--source", help="Source actor prefix.")]
TargetOpt = Annotated[list[str] | None, typer.Option("--target", help="Target actor prefix.")]
DyadOpt = Annotated[
    str | None, typer.Option("--dyad", help="Two actors, CHN,JPN: either direction.")
]
RootOpt = Annotated[list[str] | None, typer.Option("--root", help="CAMEO root code (15).")]
CodeOpt = Annotated[list[str] | None, typer.Option("--code", help="CAMEO code prefix (0874).")]
QuadOpt = Annotated[list[int] | None, typer.Option("--quad", help="Quad class 1-4.")]
ModalityOpt = Annotated[
    list[str] | None,
    typer.Option("--modality", help="asserted (default), negated, hypothetical, ... or all."),
]
PlaceOpt = Annotated[
    list[str] | None,
    typer.Option("--place", help="Place id (dw:senkaku-islands) or leading name words."),
]
SinceOpt = Annotated[str | None, typer.Option("--since", help="First day (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Last day (YYYY-MM-DD).")]
VerifierOpt = Annotated[
    Path | None,
    typer.Option(
        "--verifier",
        help="A model directory made by `dyadwatch train`: judge every event with it "
        "(needs pip install 'dyadwatch[ml]').",
    ),
]
