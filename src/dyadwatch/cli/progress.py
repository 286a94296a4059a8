"""Progress of long commands in a terminal: documents done, documents/s, events, rejects, ETA.

Shown on standard error, and only when a person is watching: both standard output and standard
error are terminals and ``CI`` is not set (``--progress``/``--no-progress`` decide otherwise).
Piped, redirected or in CI, nothing extra is written, so logs and scripts see only the usual
summary.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Protocol

from dyadwatch.ingest.directory import walk_directory
from dyadwatch.ingest.sniff import Kind, kind_from_name


class ProgressSink(Protocol):
    def __call__(self, documents: int, events: int, rejects: int) -> None: ...


def wanted(choice: bool | None, *streams: IO[str]) -> bool:
    """Whether to show progress: the user's ``choice``, else only for a person at a terminal."""
    if choice is not None:
        return choice
    if os.environ.get("CI"):
        return False
    return all(_is_terminal(stream) for stream in streams)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


@contextmanager
def show_progress(
    label: str, total: int | None, enabled: bool, stream: IO[str] | None = None
) -> Iterator[ProgressSink | None]:
    """A callback updating a live progress line on ``stream`` (standard error), or None."""
    if not enabled:
        yield None
        return
    # rich is imported only here: a run with no progress line does not pay for it (~0.05 s)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class _Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.speed
            return Text(f"{speed:,.1f} docs/s" if speed else "- docs/s")

    console = Console(file=stream or sys.stderr, force_terminal=True)
    columns: list[ProgressColumn] = [
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TextColumn("{task.fields[events]:,} events"),
        TextColumn("{task.fields[rejects]:,} rejects"),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=console, transient=False, redirect_stdout=False) as bar:
        task = bar.add_task(label, total=total, events=0, rejects=0)

        def update(documents: int, events: int, rejects: int) -> None:
            if total is not None and documents > total:  # pages split into more parts
                bar.update(task, total=documents)
            bar.update(task, completed=documents, events=events, rejects=rejects)

        yield update


def estimate_documents(inputs: Sequence[str], limit_bytes: int = 200_000_000) -> int | None:
    """About how many documents ``inputs`` hold, for the ETA: one per file, one per JSON Lines
    line. None when unknown (standard input) or too costly to count (more than ``limit_bytes``
    of JSON Lines to scan); pages split into several parts make the real number larger."""
    total = 0
    budget = limit_bytes
    for given in inputs:
        if given == "-":
            return None
        path = Path(given)
        if path.is_dir():
            files = [e[0] for e in walk_directory(path, given) if isinstance(e, tuple)]
        else:
            files = [path]
        for file in files:
            if kind_from_name(file) is not Kind.JSONL:
                total += 1
                continue
            lines = _count_lines(file, budget)
            if lines is None:
                return None
            total += lines[0]
            budget -= lines[1]
    return total


def _count_lines(path: Path, budget: int) -> tuple[int, int] | None:
    """(non-empty lines, bytes read) of a plain JSON Lines file; None for compressed files or
    when reading would exceed ``budget`` bytes."""
    try:
        size = path.stat().st_size
        if path.name.lower().endswith(".gz") or size > budget:
            return None
        count = 0
        with path.open("rb") as handle:
            for line in handle:
                count += bool(line.strip())
        return count, size
    except OSError:
        return None
