"""The Typer application object that every command module registers on.

Command modules are imported lazily: ``import dyadwatch.cli`` loads only Typer and this file,
and a command's module (with what it imports: pandas and matplotlib for the analytics
commands, the store, the web server) is imported only when that command runs or help lists
it. ``COMMAND_MODULES`` names the module of every top-level command; a new command module
must be added there.
"""

from __future__ import annotations

import importlib
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

# top-level command (or command group) -> the module under dyadwatch.cli that registers it
COMMAND_MODULES: dict[str, str] = {
    "code": "code_cmd",
    "evaluate": "evaluate_cmd",
    "events": "events_cmd",
    "event": "events_cmd",
    "follow": "follow_cmd",
    "serve": "serve_cmd",
    "ingest": "store_cmd",
    "recode": "store_cmd",
    "export": "store_cmd",
    "clusters": "store_cmd",
    "train": "train_cmd",
    "watch": "watch_cmd",
    "alerts": "watch_cmd",
    "series": "analytics_cmd",
    "streaks": "analytics_cmd",
    "spikes": "analytics_cmd",
}


def import_command_module(name: str) -> None:
    """Import the module that registers command ``name`` (a no-op once imported)."""
    module = COMMAND_MODULES.get(name)
    if module is not None:
        importlib.import_module(f"dyadwatch.cli.{module}")


def import_all_command_modules() -> None:
    for module in sorted(set(COMMAND_MODULES.values())):
        importlib.import_module(f"dyadwatch.cli.{module}")


class LazyGroup(TyperGroup):
    """A Typer group that imports a command's module the first time the command is asked for."""

    def list_commands(self, ctx: Any) -> list[str]:
        return sorted(set(self.commands) | set(COMMAND_MODULES))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            import_command_module(cmd_name)
            # the module registered its commands on ``app``: build them as Typer would
            built: Any = typer.main.get_command(app)
            self.commands.update(built.commands)
        return self.commands.get(cmd_name)


app = typer.Typer(
    name="dyadwatch",
    help="Political event data from news: who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=LazyGroup,
)


def _print_version(value: bool) -> None:
    if value:
        from dyadwatch import __version__

        typer.echo(f"dyadwatch {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Political event data from news: who did what to whom, when and where."""
