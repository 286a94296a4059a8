"""Command line: thin Typer commands over the library API, one module per command group."""

from __future__ import annotations

# Importing a command module registers its commands on the app.
from dyadwatch.cli import analytics_cmd as analytics_cmd
from dyadwatch.cli import code_cmd as code_cmd
from dyadwatch.cli import evaluate_cmd as evaluate_cmd
from dyadwatch.cli import events_cmd as events_cmd
from dyadwatch.cli import follow_cmd as follow_cmd
from dyadwatch.cli import serve_cmd as serve_cmd
from dyadwatch.cli import store_cmd as store_cmd
from dyadwatch.cli import train_cmd as train_cmd
from dyadwatch.cli import watch_cmd as watch_cmd
from dyadwatch.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
