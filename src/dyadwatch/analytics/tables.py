"""Readable tables (rich) and machine formats (CSV, JSON) of indicator results.

Empty values print as a dash, never as 0: a period without events has no Goldstein mean.
Group labels stay the raw keys in CSV/JSON (stable for scripts) and gain names in tables
(``15 exhibit force posture``, ``4 material conflict``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
from rich import box
from rich.table import Table

from dyadwatch.analytics.periods import UNIT_LABELS, UNIT_SHORT, GroupBy
from dyadwatch.analytics.placements import Coverage
from dyadwatch.analytics.series import SeriesResult
from dyadwatch.analytics.spikes import SpikeResult
from dyadwatch.analytics.streaks import Streak, StreakResult
from dyadwatch.analytics.watches import Watch, describe_rule
from dyadwatch.dictionaries.actor_names import actor_label
from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.errors import DictionaryError

QUAD_NAMES = {
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}
_DASH = "–"


def display_label(by: GroupBy | None, label: str) -> str:
    """A group label for people: actors, root codes and quad classes with their names
    (``CHN China – JPN Japan``, ``15 exhibit force posture``, ``4 material conflict``)."""
    if by in ("actor", "source", "target"):
        return actor_label(label)
    if by == "dyad":
        for arrow, shown in (("->", " → "), ("-", " – ")):
            if arrow in label:
                a, b = label.split(arrow, 1)
                return actor_label(a) + shown + actor_label(b)
        return label
    if by == "quad" and label in QUAD_NAMES:
        return f"{label} {QUAD_NAMES[label]}"
    if by == "root":
        try:
            return f"{label} {default_codebook().get(label).name.lower()}"
        except DictionaryError:
            return label
    return label


def coverage_lines(coverage: Coverage) -> list[str]:
    head = f"{coverage.counted} counted of {coverage.matched} matching rows"
    return [head, *(f"  {note}" for note in coverage.notes())]


def series_table(
    result: SeriesResult, *, top: int = 10, title: str = "", nonzero: bool = False
) -> Table:
    unit = UNIT_SHORT[result.unit]
    table = _table((title or f"Series per {result.freq}") + f" — unit: {UNIT_LABELS[result.unit]}")
    show_coarse = bool(result.frame["coarse"].any())
    show_docs = bool(result.frame["documents"].notna().any())
    for name, justify in (
        ("group", "left"),
        ("period", "left"),
        (unit, "right"),
        *((("documents", "right"), (f"{unit} per 1,000 docs", "right")) if show_docs else ()),
        ("Goldstein sum", "right"),
        ("Goldstein mean", "right"),
        ("conflict share", "right"),
        *((("of which coarse", "right"),) if show_coarse else ()),
    ):
        table.add_column(name, justify=justify)
    groups = set(result.groups()[:top])
    frame = result.frame[result.frame["group"].isin(groups)]
    if nonzero:
        frame = frame[frame["count"] > 0]
    for row in frame.to_dict("records"):
        period = _period_text(pd.Timestamp(row["period"]), result.freq)
        cells = [
            display_label(result.by, str(row["group"])),
            period + (" (partial)" if row["partial"] else ""),
            str(row["count"]),
            *((_num(row["documents"], 0), _num(row["per_1000"], 1)) if show_docs else ()),
            _num(row["goldstein_sum"], 1) if row["count"] else "0",
            _num(row["goldstein_mean"], 2),
            _pct(row["conflict_share"]),
        ]
        if show_coarse:
            cells.append(str(row["coarse"]))
        table.add_row(*cells)
    return table


def streak_tables(result: StreakResult, *, top: int = 10) -> list[Table]:
    unit = result.freq
    summary = _table(f"Longest and current streaks (consecutive {unit}s), as of {result.as_of}")
    for name in ("group", "longest", "from", "to", "current", "since"):
        summary.add_column(name, justify="right" if name in ("longest", "current") else "left")
    for gs in result.groups[:top]:
        best, cur = gs.longest, gs.current
        summary.add_row(
            display_label(result.by, gs.group),
            str(best.length) if best else "0",
            str(best.start) if best else _DASH,
            str(best.end) if best else _DASH,
            str(cur.length) if cur else "0",
            str(cur.start) if cur else _DASH,
        )
    listing = _table(f"Streaks, longest first (top {top}); count: {UNIT_LABELS[result.unit]}")
    for name in ("group", "length", "from", "to", "count", "events"):
        listing.add_column(name, justify="right" if name in ("length", "count") else "left")
    every = sorted(
        (s for gs in result.groups for s in gs.streaks),
        key=lambda s: (-s.length, s.start, s.group),
    )
    for s in every[:top]:
        listing.add_row(
            display_label(result.by, s.group),
            str(s.length),
            str(s.start),
            str(s.end),
            str(s.count),
            _ids(s.event_ids),
        )
    return [summary, listing]


def spikes_table(result: SpikeResult, *, top: int = 20) -> Table:
    table = _table(
        f"Spikes per {result.freq}: score >= {result.threshold:g} against the previous "
        f"{result.window} {result.freq}s; count: {UNIT_LABELS[result.unit]}"
    )
    for name in ("group", "period", "count", "baseline mean", "baseline std", "score", "events"):
        table.add_column(name, justify="left" if name in ("group", "period", "events") else "right")
    for s in result.spikes[:top]:
        table.add_row(
            display_label(result.by, s.group),
            _period_text(pd.Timestamp(s.start), result.freq),
            str(s.count),
            _num(s.baseline_mean, 2),
            _num(s.baseline_std, 2),
            _num(s.score, 2),
            _ids(s.event_ids),
        )
    return table


def watches_table(watches: Iterable[Watch]) -> Table:
    table = _table("Watches")
    for name in ("name", "rule", "filter", "id", "created"):
        table.add_column(name)
    for w in watches:
        table.add_row(
            w.name,
            describe_rule(w.rule),
            w.filter.describe(),
            w.id,
            w.created.strftime("%Y-%m-%d %H:%M"),
        )
    return table


def alerts_table(alerts: pd.DataFrame, watch_names: Mapping[str, str]) -> Table:
    table = _table("Alerts, newest first")
    for name in ("created", "watch", "kind", "period", "message", "events"):
        table.add_column(name)
    for row in alerts.to_dict("records"):
        start, end = row.get("period_start"), row.get("period_end")
        period = (
            _DASH
            if _missing(start)
            else f"{_day(start)}"
            + ("" if _missing(end) or _day(end) == _day(start) else f" to {_day(end)}")
        )
        table.add_row(
            pd.Timestamp(row["created"]).strftime("%Y-%m-%d %H:%M"),
            watch_names.get(str(row["watch_id"]), str(row["watch_id"])),
            str(row["kind"]),
            period,
            str(row["message"]),
            _ids(_event_ids(row.get("event_ids"))),
        )
    return table


def alert_records(alerts: pd.DataFrame, watch_names: Mapping[str, str]) -> list[dict[str, Any]]:
    """Alert rows with the watch name, for CSV/JSON."""
    out = []
    for row in alerts.to_dict("records"):
        start, end = row.get("period_start"), row.get("period_end")
        out.append(
            {
                "id": str(row["id"]),
                "created": pd.Timestamp(row["created"]).isoformat(),
                "watch_id": str(row["watch_id"]),
                "watch": watch_names.get(str(row["watch_id"])),
                "kind": str(row["kind"]),
                "period_start": None if _missing(start) else _day(start),
                "period_end": None if _missing(end) else _day(end),
                "message": str(row["message"]),
                "event_ids": _event_ids(row.get("event_ids")),
            }
        )
    return out


def streaks_records(result: StreakResult) -> list[dict[str, Any]]:
    """Every listed streak, plus whether it is its group's longest/current, for CSV/JSON."""
    out = []
    for gs in result.groups:
        for s in _with_extremes(gs.streaks, gs.longest, gs.current):
            out.append(
                {
                    "group": s.group,
                    "start": s.start.isoformat(),
                    "end": s.end.isoformat(),
                    "length": s.length,
                    "count": s.count,
                    "longest": s == gs.longest,
                    "current": s == gs.current,
                    "event_ids": list(s.event_ids),
                }
            )
    return out


def spikes_records(result: SpikeResult) -> list[dict[str, Any]]:
    return [
        {
            "group": s.group,
            "start": s.start.isoformat(),
            "end": s.end.isoformat(),
            "count": s.count,
            "baseline_mean": s.baseline_mean,
            "baseline_std": s.baseline_std,
            "score": s.score,
            "event_ids": list(s.event_ids),
        }
        for s in result.spikes
    ]


def event_id_list(value: Any) -> list[str]:
    """The event ids stored with an alert (a JSON list, or a list)."""
    return _event_ids(value)


def event_lines(store: Any, ids: list[str]) -> list[str]:
    """One line per event: id, date, dyad with names, code and its whole evidence sentence
    (``dyadwatch event ID`` shows the rest)."""
    if not ids:
        return []
    frame = store.sql(
        "SELECT id, event_date, source_code, target_code, code, evidence_text FROM events "
        "WHERE id IN (SELECT unnest(?)) ORDER BY day NULLS LAST, id",
        [ids],
    )
    lines = []
    for row in frame.to_dict("records"):
        text = " ".join(str(row["evidence_text"]).split())
        target = actor_label(row["target_code"]) or _DASH
        lines.append(
            f"{row['id']} {row['event_date'] or 'undated'} {actor_label(row['source_code'])} -> "
            f"{target} {row['code']}: {text}"
        )
    return lines


def records_csv(records: list[dict[str, Any]]) -> str:
    frame = pd.DataFrame(records)
    if "event_ids" in frame:
        frame["event_ids"] = frame["event_ids"].map(" ".join)
    return frame.to_csv(index=False)


def records_json(records: list[dict[str, Any]]) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False, default=str) for r in records) + (
        "\n" if records else ""
    )


def _with_extremes(
    listed: tuple[Streak, ...], longest: Streak | None, current: Streak | None
) -> list[Streak]:
    seen = list(listed)
    for extra in (longest, current):
        if extra is not None and extra not in seen:
            seen.append(extra)
    return sorted(seen, key=lambda s: s.start)


def _table(title: str) -> Table:
    return Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)


def _period_text(period: pd.Timestamp, freq: str) -> str:
    if freq == "week":
        iso = period.isocalendar()
        return f"{period:%Y-%m-%d} (W{iso[1]:02d})"
    if freq == "month":
        return f"{period:%Y-%m}"
    if freq == "year":
        return f"{period:%Y}"
    return f"{period:%Y-%m-%d}"


def _num(value: float, digits: int) -> str:
    return _DASH if value is None or math.isnan(value) else f"{value:.{digits}f}"


def _pct(value: float) -> str:
    return _DASH if value is None or math.isnan(value) else f"{value:.0%}"


def _ids(ids: Iterable[str], shown: int = 3) -> str:
    items = list(ids)
    head = ", ".join(items[:shown])
    return head + (f" (+{len(items) - shown})" if len(items) > shown else "")


def _event_ids(value: Any) -> list[str]:
    if isinstance(value, str):
        value = json.loads(value)
    return [str(v) for v in value or []]


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def _day(value: Any) -> str:
    return str(pd.Timestamp(value).date())
