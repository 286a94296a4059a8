"""Command-line options shared by the commands that read the database and filter events.

The event-filter options are not written out per command: :func:`event_filter_options` adds one
option per field of :data:`dyadwatch.filters.FIELDS` to a command and hands the command their
values as one ``filters`` dict (the keyword arguments of ``Store.events``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

if TYPE_CHECKING:  # dyadwatch.filters imports pandas: only the commands with filters need it
    from dyadwatch.filters import FilterField

DbOpt = Annotated[Path, typer.Option("--db", help="The dyadwatch database file.")]

P = ParamSpec("P")
R = TypeVar("R")

# the Python type Typer parses each kind of filter value as (repeatable fields take a list)
_SINGLE_TYPE: dict[str, Any] = {"quad": int, "flag": bool, "number": float, "count": int}


def _option_type(spec: FilterField) -> Any:
    base = _SINGLE_TYPE.get(spec.kind, str)
    if spec.kind == "flag":
        return bool
    return (list[base] if spec.multiple else base) | None  # type: ignore[valid-type]


def filter_parameters() -> list[inspect.Parameter]:
    """One keyword-only Typer option per filter field, named after the field."""
    from dyadwatch import filters as vocabulary

    params = []
    for spec in vocabulary.FIELDS:
        option = typer.Option(spec.option, help=spec.help, show_default=False)
        default = False if spec.kind == "flag" else None
        params.append(
            inspect.Parameter(
                spec.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=default,
                annotation=Annotated[_option_type(spec), option],
            )
        )
    return params


def event_filter_options(func: Callable[..., R]) -> Callable[..., R]:
    """Give ``func`` (which takes ``filters: dict[str, Any]``) the filter options instead of
    its ``filters`` parameter; only the options set on the command line reach the dict."""
    from dyadwatch import filters as vocabulary

    signature = inspect.signature(func, eval_str=True)
    names = [spec.name for spec in vocabulary.FIELDS]
    clash = [n for n in names if n in signature.parameters]
    if clash or "filters" not in signature.parameters:
        raise TypeError(f"{func.__name__}: needs a filters parameter and no {clash}")
    own = [p for p in signature.parameters.values() if p.name != "filters"]
    positional = [p for p in own if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    keyword = [p for p in own if p.kind is inspect.Parameter.KEYWORD_ONLY]
    positional = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in positional]

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        filters = {}
        for name in names:
            value = kwargs.pop(name, None)
            if value not in (None, [], False, ""):
                filters[name] = value
        return func(*args, filters=filters, **kwargs)

    wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*positional, *filter_parameters(), *keyword]
    )
    return wrapper


WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers", min=0, help="Coding processes (0 = one per core; default from settings)."
    ),
]
EngineOpt = Annotated[
    str | None,
    typer.Option("--engine", help="Where to code: local (default) or dask (docs/scaling.md)."),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler", help="Dask scheduler for --engine dask: tcp://HOST:8786 or local:N."
    ),
]
VerifierOpt = Annotated[
    Path | None,
    typer.Option(
        "--verifier",
        help="A model directory made by `dyadwatch train`: judge every event with it "
        "(needs pip install 'dyadwatch[ml]').",
    ),
]
