"""`dyadwatch watch add|list|remove` and `dyadwatch alerts [--follow]`.

A watch is validated when saved (its filter resolves actor names to codes, and an unknown
actor is refused) and may deliver its alerts to webhooks and files
(:mod:`dyadwatch.analytics.delivery`). ``alerts --follow`` streams new alerts as they are
stored, opening the database only for a moment each cycle so ingests can write in between.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from dyadwatch.analytics import tables
from dyadwatch.analytics.delivery import Target, alert_payload, append_line
from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.watches import (
    Evidence,
    Watch,
    add_watch,
    describe_rule,
    load_watches,
    parse_rule,
    remove_watch,
)
from dyadwatch.cli.analytics_cmd import (
    CountOpt,
    Format,
    FormatOpt,
    _console,
    _emit,
    open_store,
)
from dyadwatch.cli.app import app
from dyadwatch.cli.common import EXIT_OK, handle_errors
from dyadwatch.cli.options import DbOpt, event_filter_options
from dyadwatch.errors import ConfigError, StoreError

watch_app = typer.Typer(
    name="watch",
    help="Saved filters with a rule (streak, spike, first event) checked at every ingest.",
    no_args_is_help=True,
)
app.add_typer(watch_app, name="watch")


@watch_app.command("add")
@handle_errors
@event_filter_options
def watch_add_command(
    name: Annotated[str, typer.Argument(help="A name to refer to the watch by.")],
    db: DbOpt,
    filters: dict[str, Any],
    rule: Annotated[
        str,
        typer.Option("--rule", help="streak:N[:week], spike:SCORE[:week] or first."),
    ],
    count: CountOpt = None,
    webhook: Annotated[
        list[str] | None,
        typer.Option(
            "--webhook",
            help="POST each alert as JSON to this http(s) URL (retried with backoff); repeatable.",
        ),
    ] = None,
    to_file: Annotated[
        list[str] | None,
        typer.Option(
            "--to-file", help="Append each alert as a JSON line to this file; repeatable."
        ),
    ] = None,
) -> None:
    """Save a watch; ingest checks it against every new event from now on. ``--min-sources``
    and ``--min-confidence`` keep a single false report from raising (or silencing) it.
    Actors may be names (``--dyad china,japan``); an unknown actor is refused."""
    if not filters:
        raise ConfigError("a watch needs at least one filter (--dyad, --actor, --root ...)")
    flt = EventFilter.from_query(filters)
    targets = tuple(Target("webhook", url) for url in webhook or []) + tuple(
        Target("file", path) for path in to_file or []
    )
    watch = Watch(
        name=name.strip(),
        filter=flt,
        rule=parse_rule(rule, unit=count.value if count else None),
        evidence=Evidence(min_confidence=float(filters.get("min_confidence") or 0.0)),
        deliver=targets,
    )
    if not watch.name:
        raise ConfigError("a watch needs a name")
    with open_store(db, write=True) as store:
        add_watch(store, watch)
    sent = "".join(f"; alerts to {t.describe()}" for t in targets)
    typer.echo(f"watch {watch.name!r} added ({watch.id}): {flt.describe()}{sent}")


@watch_app.command("list")
@handle_errors
def watch_list_command(db: DbOpt, fmt: FormatOpt = Format.table) -> None:
    """The saved watches."""
    with open_store(db) as store:
        watches, broken = load_watches(store)
    if fmt is not Format.table:
        records = [
            {
                "id": w.id,
                "name": w.name,
                "rule": w.rule.kind,
                "rule_text": describe_rule(w.rule),
                "filter": w.filter.describe(),
                "deliver": " ".join(t.describe() for t in w.deliver),
                "created": w.created.isoformat(),
            }
            for w in watches
        ]
        _emit(tables.records_csv(records) if fmt is Format.csv else tables.records_json(records))
        return
    console = _console()
    console.print(tables.watches_table(watches))
    for watch_id, reason in broken:
        console.print(f"unusable watch {watch_id}: {reason}")


@watch_app.command("remove")
@handle_errors
def watch_remove_command(
    name: Annotated[str, typer.Argument(help="Name (or id) of the watch.")], db: DbOpt
) -> None:
    """Delete a watch (its past alerts are kept)."""
    with open_store(db, write=True) as store:
        removed = remove_watch(store, name)
    typer.echo(f"watch {removed.name!r} removed")


@app.command("alerts")
@handle_errors
def alerts_command(
    db: DbOpt,
    watch: Annotated[str | None, typer.Option("--watch", help="Only this watch (name).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Newest N alerts.")] = 50,
    fmt: FormatOpt = Format.table,
    follow: Annotated[
        bool,
        typer.Option(
            "--follow", help="Keep running and print each new alert as a JSON line when stored."
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", help="With --follow: append to this file, not stdout."),
    ] = None,
    interval: Annotated[
        float, typer.Option("--interval", min=0.05, help="With --follow: seconds between checks.")
    ] = 5.0,
    cycles: Annotated[
        int | None,
        typer.Option(
            "--cycles", min=1, help="With --follow: stop after N checks (default: never)."
        ),
    ] = None,
) -> None:
    """Alerts raised by watches, newest first, each with the ids of its events (show one with
    `dyadwatch event ID`). --follow streams new alerts as JSON lines until stopped."""
    if follow:
        sink = str(output) if output is not None else "-"
        follow_alerts(
            lambda: _alert_rows(db, watch),
            lambda payload: append_line(sink, payload),
            interval=interval,
            cycles=cycles,
        )
        raise typer.Exit(EXIT_OK)
    frame, names = _alert_frame(db, watch)
    frame = frame.head(limit)
    if fmt is not Format.table:
        records = tables.alert_records(frame, names)
        _emit(tables.records_csv(records) if fmt is Format.csv else tables.records_json(records))
        return
    console = _console()
    console.print(tables.alerts_table(frame, names))
    if frame.empty:
        console.print("no alerts")
        return
    with open_store(db) as store:  # each alert with the events that raised it
        for row in frame.to_dict("records"):
            ids = tables.event_id_list(row.get("event_ids"))
            console.print(f"{row['message']}: {len(ids)} event(s)")
            for line in tables.event_lines(store, ids[:10]):
                console.print("  " + line, style="dim", soft_wrap=True)
    console.print(
        "show one event: dyadwatch event ID --db DB; every id: --format json", style="dim"
    )


def _alert_frame(db: Path, watch: str | None) -> tuple[Any, dict[str, str]]:
    with open_store(db) as store:
        watches, _ = load_watches(store)
        names = {w.id: w.name for w in watches}
        frame = store.alerts()
    if watch is not None:
        ids = [wid for wid, wname in names.items() if watch in (wname, wid)]
        if not ids:
            raise ConfigError(f"no watch named {watch!r}")
        frame = frame[frame["watch_id"].astype(str).isin(ids)]
    return frame, names


def _alert_rows(db: Path, watch: str | None) -> list[dict[str, Any]]:
    """The stored alerts as delivery payloads, oldest first."""
    frame, names = _alert_frame(db, watch)
    records = sorted(tables.alert_records(frame, names), key=lambda r: (r["created"], r["id"]))
    return [alert_payload(r, r.get("watch")) for r in records]


def follow_alerts(
    read: Callable[[], list[dict[str, Any]]],
    emit: Callable[[dict[str, Any]], None],
    *,
    interval: float,
    cycles: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Emit every alert ``read`` returns that was not emitted before, every ``interval``
    seconds (``cycles`` times, or until interrupted); a database busy with a writer is tried
    again next cycle. Returns how many alerts were emitted."""
    seen: set[str] = set()
    emitted = 0
    done = 0
    while cycles is None or done < cycles:
        try:
            rows = read()
        except StoreError:
            rows = []  # locked by a writer (an ingest) right now: next cycle
        for row in rows:
            if row["id"] not in seen:
                seen.add(row["id"])
                emit(row)
                emitted += 1
        done += 1
        if cycles is None or done < cycles:
            sleep(interval)
    return emitted
