"""`dyadwatch series|streaks|spikes` (watches and alerts: :mod:`.watch_cmd`).

Thin commands: options become an :class:`EventFilter` and keyword arguments, the analytics
functions do the work, :mod:`dyadwatch.analytics.tables` and :mod:`.charts` render it.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, cast

import typer
from rich.console import Console

from dyadwatch import registry
from dyadwatch.analytics import charts, tables
from dyadwatch.analytics.filters import EventFilter
from dyadwatch.analytics.loading import documents_per_day
from dyadwatch.analytics.periods import CoarseMode, SpanMode
from dyadwatch.analytics.watches import (
    AnalyticsStore,
    load_events,
)
from dyadwatch.cli.app import app
from dyadwatch.cli.common import handle_errors, parse_date
from dyadwatch.cli.options import DbOpt, event_filter_options


class By(StrEnum):
    dyad = "dyad"
    actor = "actor"
    source = "source"
    target = "target"
    root = "root"
    quad = "quad"
    class_ = "class"  # the five-class view (statements apart from cooperation)
    place = "place"


class FreqOption(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class CountOption(StrEnum):
    clusters = "clusters"
    events = "events"


class SpansOption(StrEnum):
    start = "start"
    every_period = "every-period"


class CoarseOption(StrEnum):
    exclude = "exclude"
    period_start = "period-start"


class LevelOption(StrEnum):
    country = "country"
    code = "code"


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class Measure(StrEnum):
    COUNT = "count"  # upper case: ``count`` would shadow str.count
    GOLDSTEIN_SUM = "goldstein_sum"
    GOLDSTEIN_MEAN = "goldstein_mean"
    CONFLICT_SHARE = "conflict_share"


FOLLOW_IDS = "show one event: dyadwatch event ID --db DB; every id: --format json"

# -- shared options ----------------------------------------------------------------------------

ByOpt = Annotated[By | None, typer.Option("--by", help="One series per group.")]
FreqOpt = Annotated[
    FreqOption, typer.Option("--freq", help="Period length (weeks start on Monday).")
]
LevelOpt = Annotated[
    LevelOption, typer.Option("--level", help="Actors as countries (CHN) or full codes.")
]
CountOpt = Annotated[
    CountOption | None,
    typer.Option(
        "--count",
        help="clusters (default, everywhere): one real event reported many times counts "
        "once; events: every report (mention) counts.",
    ),
]
SpansOpt = Annotated[
    SpansOption | None,
    typer.Option(
        "--spans",
        help="Events with a stated span: at their start (default) or in every period "
        "spanned (default for streaks).",
    ),
]
CoarseOpt = Annotated[
    CoarseOption,
    typer.Option("--coarse", help="Month/year-dated events at finer resolutions."),
]
BackgroundOpt = Annotated[
    bool,
    typer.Option(
        "--background",
        help="Also count events dated long before their report (historical background).",
    ),
]
ChartOpt = Annotated[Path | None, typer.Option("--chart", help="Also write a chart (.png/.svg).")]
FormatOpt = Annotated[Format, typer.Option("--format", help="table, csv or json.")]
TopOpt = Annotated[int, typer.Option("--top", min=1, help="Groups (or rows) shown.")]


def _indicator(name: str) -> Any:
    """The indicator function registered as ``dyadwatch.indicator.<name>.v1`` (a plugin may
    replace it by registering the same name before the command runs)."""
    return registry.indicators.get(f"dyadwatch.indicator.{name}.v1")


@contextmanager
def open_store(db: Path, *, write: bool = False) -> Iterator[AnalyticsStore]:
    """The store at ``db`` (read-only unless ``write``); replaced in tests."""
    from dyadwatch.store import open as store_open

    store = store_open(db, read_only=not write)
    try:
        yield store
    finally:
        store.close()


def _console() -> Console:
    width = max(shutil.get_terminal_size((140, 40)).columns, 100)
    return Console(width=width, highlight=False, soft_wrap=False)


def _print_notes(console: Console, lines: list[str]) -> None:
    for line in lines:
        console.print(line, style="dim")


def _counting(
    freq: FreqOption,
    count: CountOption | None,
    spans: SpansOption | None,
    default_spans: SpanMode,
    default_unit: CountOption = CountOption.clusters,
) -> dict[str, Any]:
    return {
        "freq": freq.value,
        "unit": (count or default_unit).value,
        "spans": cast(SpanMode, spans.value.replace("-", "_")) if spans else default_spans,
    }


def _grouping(by: By | None, directed: bool, level: LevelOption) -> dict[str, Any]:
    return {
        "by": by.value if by else None,
        "directed": directed,
        "level": level.value,
    }


def _emit(text: str) -> None:
    sys.stdout.write(text)


# -- series / streaks / spikes -----------------------------------------------------------------


@app.command("series")
@handle_errors
@event_filter_options
def series_command(
    db: DbOpt,
    filters: dict[str, Any],
    by: ByOpt = None,
    freq: FreqOpt = FreqOption.day,
    level: LevelOpt = LevelOption.country,
    count: CountOpt = None,
    spans: SpansOpt = None,
    coarse: CoarseOpt = CoarseOption.exclude,
    chart: ChartOpt = None,
    measure: Annotated[
        Measure, typer.Option("--measure", help="What the chart plots.")
    ] = Measure.COUNT,
    fmt: FormatOpt = Format.table,
    top: TopOpt = 10,
    nonzero: Annotated[
        bool, typer.Option("--nonzero", help="Table only: hide periods without events.")
    ] = False,
    background: BackgroundOpt = False,
) -> None:
    """Counts, Goldstein sum/mean and conflict share per period the stored documents cover
    (a period no document reports is missing, not zero), with counts per 1,000 documents."""
    flt = EventFilter.from_query(filters)
    with open_store(db) as store:
        events = load_events(store)
        documents = documents_per_day(store)
    result = _indicator("series")(
        events,
        flt,
        documents=documents if len(documents) else None,
        background=background,
        coarse=cast(CoarseMode, coarse.value.replace("-", "_")),
        **_counting(freq, count, spans, "start"),
        **_grouping(by, bool(filters.get("directed")), level),
    )
    if chart is not None:
        charts.series_chart(
            result,
            chart,
            measure=measure.value,
            top=min(top, 7),
            title=f"{charts.MEASURE_LABELS[measure.value]} per {freq.value}: {flt.describe()}",
        )
    if fmt is Format.csv:
        _emit(result.frame.to_csv(index=False))
    elif fmt is Format.json:
        _emit(result.frame.to_json(orient="records", lines=True, date_format="iso"))
    else:
        console = _console()
        title = f"Series: {flt.describe()}"
        console.print(tables.series_table(result, top=top, title=title, nonzero=nonzero))
        _print_notes(console, tables.coverage_lines(result.coverage))
        if chart is not None:
            console.print(f"chart written to {chart}")


@app.command("streaks")
@handle_errors
@event_filter_options
def streaks_command(
    db: DbOpt,
    filters: dict[str, Any],
    by: ByOpt = None,
    freq: FreqOpt = FreqOption.day,
    level: LevelOpt = LevelOption.country,
    count: CountOpt = None,
    spans: SpansOpt = None,
    coarse: CoarseOpt = CoarseOption.exclude,
    min_length: Annotated[
        int, typer.Option("--min-length", min=1, help="Shortest streak listed.")
    ] = 2,
    min_count: Annotated[
        int, typer.Option("--min-count", min=1, help="Events a period needs to count.")
    ] = 1,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Reference day (default: the data's last).")
    ] = None,
    chart: ChartOpt = None,
    fmt: FormatOpt = Format.table,
    top: TopOpt = 10,
    background: BackgroundOpt = False,
) -> None:
    """Runs of consecutive days/weeks with matching events: longest, current, all."""
    flt = EventFilter.from_query(filters)
    with open_store(db) as store:
        events = load_events(store)
    result = _indicator("streaks")(
        events,
        flt,
        background=background,
        coarse=cast(CoarseMode, coarse.value.replace("-", "_")),
        min_length=min_length,
        min_count=min_count,
        as_of=parse_date(as_of, "--as-of"),
        **_counting(freq, count, spans, "every_period"),
        **_grouping(by, bool(filters.get("directed")), level),
    )
    if chart is not None:
        charts.streak_chart(result, chart, top=top, title=f"Streaks: {flt.describe()}")
    if fmt is not Format.table:
        records = tables.streaks_records(result)
        _emit(tables.records_csv(records) if fmt is Format.csv else tables.records_json(records))
        return
    console = _console()
    for table in tables.streak_tables(result, top=top):
        console.print(table)
    _print_notes(console, [*tables.coverage_lines(result.coverage), FOLLOW_IDS])
    if chart is not None:
        console.print(f"chart written to {chart}")


@app.command("spikes")
@handle_errors
@event_filter_options
def spikes_command(
    db: DbOpt,
    filters: dict[str, Any],
    by: ByOpt = None,
    freq: FreqOpt = FreqOption.day,
    level: LevelOpt = LevelOption.country,
    count: CountOpt = None,
    spans: SpansOpt = None,
    coarse: CoarseOpt = CoarseOption.exclude,
    window: Annotated[
        int | None, typer.Option("--window", min=2, help="Baseline periods (default by freq).")
    ] = None,
    threshold: Annotated[float, typer.Option("--threshold", help="Lowest score shown.")] = 3.0,
    min_count: Annotated[
        int, typer.Option("--min-count", min=1, help="Fewest events a spike needs.")
    ] = 3,
    chart: ChartOpt = None,
    fmt: FormatOpt = Format.table,
    top: TopOpt = 20,
    background: BackgroundOpt = False,
    statements: Annotated[
        bool,
        typer.Option(
            "--statements",
            help="Count statements (root 01) too; by default spikes are of cooperation and "
            "conflict unless a class, quad, root or code filter is given.",
        ),
    ] = False,
) -> None:
    """Periods far above their trailing baseline (periods with documents only, the baseline
    scaled to each period's documents), with the events behind them."""
    flt = EventFilter.from_query(filters)
    with open_store(db) as store:
        events = load_events(store)
        documents = documents_per_day(store)
    result = _indicator("spikes")(
        events,
        flt,
        documents=documents if len(documents) else None,
        background=background,
        coarse=cast(CoarseMode, coarse.value.replace("-", "_")),
        window=window,
        threshold=threshold,
        min_count=min_count,
        statements=statements,
        **_counting(freq, count, spans, "start"),
        **_grouping(by, bool(filters.get("directed")), level),
    )
    if chart is not None:
        charts.spike_chart(result, chart, top=min(top, 6))
    if fmt is not Format.table:
        records = tables.spikes_records(result)
        _emit(tables.records_csv(records) if fmt is Format.csv else tables.records_json(records))
        return
    console = _console()
    console.print(tables.spikes_table(result, top=top))
    if not result.spikes:
        console.print("no spikes")
    _print_notes(console, [*tables.coverage_lines(result.coverage), FOLLOW_IDS])
    if chart is not None:
        console.print(f"chart written to {chart}")
