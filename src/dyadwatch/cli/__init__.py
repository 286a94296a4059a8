"""Command line: thin Typer commands over the library API, one module per command group.

Command modules register their commands on ``app`` when imported; ``app`` imports each one
lazily, when its command runs (``dyadwatch.cli.app.COMMAND_MODULES``), so start-up does not
pay for the imports of commands that are not run.
"""

from __future__ import annotations

from dyadwatch.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
