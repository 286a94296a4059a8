"""What every command shares: option parsing helpers and the one error-to-exit-code mapping."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import typer

from dyadwatch.errors import (
    ConfigError,
    DictionaryError,
    DyadwatchError,
    EvaluationError,
    InputError,
    StoreError,
)

# Exit statuses (documented in docs/cli.md)
EXIT_OK = 0
EXIT_ERROR = 1  # the command could not do its job
EXIT_USAGE = 2  # bad command-line value (also Typer's own usage errors)
EXIT_REJECTED = 3  # the command ran, but some input was rejected (see the reasons printed)

_EXIT_BY_ERROR: dict[type[DyadwatchError], int] = {
    ConfigError: EXIT_USAGE,
    InputError: EXIT_ERROR,
    DictionaryError: EXIT_ERROR,
    StoreError: EXIT_ERROR,
    EvaluationError: EXIT_ERROR,
}

P = ParamSpec("P")
R = TypeVar("R")


def exit_code_for(error: DyadwatchError) -> int:
    for kind, code in _EXIT_BY_ERROR.items():
        if isinstance(error, kind):
            return code
    return EXIT_ERROR


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn dyadwatch errors into a one-line message on stderr and the mapped exit status."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except DyadwatchError as exc:
            typer.echo(f"error [{exc.code}]: {exc.message}", err=True)
            raise typer.Exit(exit_code_for(exc)) from exc

    return wrapper


def parse_date(value: str | None, option: str = "--date") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} must be a date as YYYY-MM-DD, not {value!r}") from None
