"""What every command shares: option parsing helpers and the one error-to-exit-code mapping."""

from __future__ import annotations

import datetime as dt
import errno
import sys
from collections.abc import Callable
from functools import wraps
from typing import NoReturn, ParamSpec, TypeVar

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
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)

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
    """Turn dyadwatch errors into a one-line message on stderr and the mapped exit status.

    So do the failures a user can act on that arrive as other exceptions: an operating-system
    error (a full disk, a permission), an error of the database engine (a damaged file), and
    Ctrl-C (exit 130, the shell's convention for SIGINT).
    """

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except DyadwatchError as exc:
            _fail(f"error [{exc.code}]: {exc.message}", exit_code_for(exc), exc)
        except OSError as exc:
            _fail(f"error [io]: {describe_os_error(exc)}", EXIT_ERROR, exc)
        except KeyboardInterrupt as exc:
            _fail(
                "interrupted: stopped by Ctrl-C; batches already written are kept, the one "
                "in progress was discarded",
                EXIT_INTERRUPTED,
                exc,
            )
        except Exception as exc:
            if not _is_database_error(exc):
                raise
            _fail(f"error [store]: {_first_line(exc)}", EXIT_ERROR, exc)

    return wrapper


def _fail(message: str, status: int, cause: BaseException) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(status) from cause


def describe_os_error(exc: OSError) -> str:
    """``No space left on device: out.csv``: the system's words and the file, on one line."""
    reason = exc.strerror or _first_line(exc) or type(exc).__name__
    if exc.errno == errno.ENOSPC:
        reason = "No space left on device"
    return f"{reason}: {exc.filename}" if exc.filename else reason


def _is_database_error(exc: Exception) -> bool:
    # duckdb is imported only by the commands that use the store: if it is not loaded, this
    # cannot be one of its errors (and ``code`` need not load it)
    duckdb = sys.modules.get("duckdb")
    return duckdb is not None and isinstance(exc, duckdb.Error)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""


def parse_date(value: str | None, option: str = "--date") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} must be a date as YYYY-MM-DD, not {value!r}") from None
