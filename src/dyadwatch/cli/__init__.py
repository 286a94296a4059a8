"""Command line: thin Typer commands over the library API, one module per command group."""

from __future__ import annotations

from dyadwatch.cli import code_cmd as code_cmd
from dyadwatch.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
