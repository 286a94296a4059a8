"""``dyadwatch follow SOURCES --db FILE``: keep a database current from feeds and sites.

Thin over :mod:`dyadwatch.live`: parse the options, install SIGTERM/SIGINT handlers that ask the
cycle to stop between articles, print one line per cycle and the alerts it raised.
Exit status: 0 when it stopped as asked (or ``--once`` ran), 2 for a bad option or sources file.
"""

from __future__ import annotations

import re
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Annotated, TextIO

import typer

import dyadwatch.store as ds
from dyadwatch.analytics.watches import check_watches
from dyadwatch.cli.app import app
from dyadwatch.cli.common import EXIT_OK, handle_errors
from dyadwatch.cli.options import DbOpt, WorkersOpt
from dyadwatch.errors import ConfigError
from dyadwatch.live import CycleReport, follow, read_sources_file
from dyadwatch.settings import load_settings

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``"15m"`` -> 900.0; units s, m, h, d (seconds without a unit)."""
    match = _INTERVAL.match(text.lower())
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f"--every: expected a duration like 30s, 15m or 1h, not {text!r}")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def render_cycle(report: CycleReport) -> str:
    """The line printed after each cycle, then its failures."""
    lines = [
        f"{report.cycle_id}: {report.sources} source(s) ({report.not_modified} unchanged), "
        f"{report.listed} article link(s), {report.known} already known; fetched "
        f"{report.fetched}, stored {report.stored} ({report.documents} document(s)), "
        f"failed {report.failed}; {report.events} event(s), {report.alerts} new alert(s)"
        + (" [stopped]" if report.interrupted else "")
    ]
    lines.extend(f"  failed {url}: {code}: {reason}" for url, code, reason in report.failures)
    lines.extend(f"  warning: {warning}" for warning in report.warnings)
    return "\n".join(lines)


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and SIGINT set ``stop`` (the cycle ends between articles) instead of killing."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be installed from the main thread (tests' runners)
        return

    def ask_to_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, ask_to_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def follow_sources(
    sources_file: Path,
    db: Path,
    *,
    every: str = "15m",
    once: bool = False,
    config: Path | None = None,
    workers: int | None = None,
    user_agent: str | None = None,
    err: TextIO | None = None,
    stop: threading.Event | None = None,
) -> int:
    """Follow the sources in ``sources_file`` into ``db``; returns the exit status."""
    settings = load_settings(config, workers=workers, user_agent=user_agent)
    interval = parse_interval(every)
    sources = read_sources_file(sources_file)
    err = err or sys.stderr
    stop = stop or threading.Event()

    with ds.open(db) as store, stop_on_signals(stop):
        delivered = [_alert_count(store)]

        def print_cycle(report: CycleReport) -> None:
            """The cycle's summary, then the alerts it raised (delivered on stderr)."""
            err.write(render_cycle(report) + "\n")
            for row in store.sql(
                "SELECT created, kind, message FROM alerts ORDER BY created, id OFFSET ?",
                [delivered[0]],
            ).itertuples(index=False):
                err.write(f"alert [{row.kind}] {row.message}\n")
                delivered[0] += 1
            err.flush()

        follow(
            store, sources, settings=settings, every=interval, once=once, watch=check_watches,
            stop=stop, on_cycle=print_cycle,
        )  # fmt: skip
    return EXIT_OK


def _alert_count(store: ds.Store) -> int:
    return int(store.sql("SELECT count(*) AS n FROM alerts").iloc[0]["n"])


@app.command("follow")
@handle_errors
def follow_command(
    sources: Annotated[
        Path,
        typer.Argument(help="Text file of URLs, one a line: RSS/Atom feeds, sitemaps, sections."),
    ],
    db: DbOpt,
    every: Annotated[
        str, typer.Option("--every", help="Time between cycle starts: 30s, 15m, 1h.")
    ] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Run one cycle and exit.")] = False,
    user_agent: Annotated[
        str | None, typer.Option("--user-agent", help="User-Agent (default: settings).")
    ] = None,
    workers: WorkersOpt = None,
    config: Annotated[Path | None, typer.Option("--config", help="Settings file (TOML).")] = None,
) -> None:
    """Follow feeds, sitemaps and site sections: fetch new articles politely, code and store
    them, check watches; repeat. State lives in the database: a restart resumes. SIGTERM or
    Ctrl-C stops between articles."""
    status = follow_sources(
        sources, db, every=every, once=once, config=config, workers=workers,
        user_agent=user_agent,
    )  # fmt: skip
    raise typer.Exit(status)
