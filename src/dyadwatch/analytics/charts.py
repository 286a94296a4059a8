"""Chart files (PNG or SVG) for series, streaks and spikes, readable in black and white.

Lines differ by dash pattern and marker as well as colour, and carry direct labels, so a
printout or a colour-blind reader can tell them apart. Every chart states what was counted and
what was left out (the coverage notes) under the plot: a chart must not mislead on its own.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; never a window

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from dyadwatch.analytics.placements import Coverage
from dyadwatch.analytics.series import SeriesResult
from dyadwatch.analytics.spikes import SpikeResult
from dyadwatch.analytics.streaks import StreakResult
from dyadwatch.analytics.tables import display_label
from dyadwatch.errors import ConfigError

_STYLES = ("-", "--", "-.", ":")
_MARKERS = ("o", "s", "^", "D", "v", "X", "P", "*")
# Okabe-Ito: distinguishable with the common colour-vision deficiencies
_COLOURS = ("#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
MEASURE_LABELS = {
    "count": "count",
    "goldstein_sum": "Goldstein sum",
    "goldstein_mean": "Goldstein mean",
    "conflict_share": "conflict share (quad 3+4)",
}


def series_chart(
    result: SeriesResult,
    path: str | Path,
    *,
    measure: str = "count",
    top: int = 6,
    title: str | None = None,
) -> Path:
    """One line per group (the ``top`` busiest) of ``measure`` over time."""
    if measure not in MEASURE_LABELS:
        raise ConfigError(f"bad measure {measure!r}: use one of {', '.join(MEASURE_LABELS)}")
    out = _check_path(path)
    groups = result.groups()[:top]
    fig, ax = plt.subplots(figsize=(11, 5.5), layout="constrained")
    frame = result.frame
    ends: list[tuple[float, str, str]] = []
    for i, group in enumerate(groups):
        rows = frame[frame["group"] == group]
        x, y = rows["period"].to_numpy(), rows[measure].to_numpy(dtype=float)
        ax.plot(
            x,
            y,
            linestyle=_STYLES[i % len(_STYLES)],
            marker=_MARKERS[i % len(_MARKERS)],
            markevery=max(len(x) // 30, 1),
            markersize=5,
            color=_COLOURS[i % len(_COLOURS)],
            linewidth=1.6,
            label=display_label(result.by, group),
        )
        part = rows["partial"].to_numpy(dtype=bool)
        if part.any():  # hollow markers: the period is only partly covered by the data
            ax.plot(
                x[part],
                y[part],
                linestyle="none",
                marker=_MARKERS[i % len(_MARKERS)],
                markersize=7,
                markerfacecolor="white",
                color=_COLOURS[i % len(_COLOURS)],
            )
        ends.append((_last_value(y), display_label(result.by, group), _COLOURS[i % len(_COLOURS)]))
    unit = "clusters" if result.unit == "clusters" else "events (mentions)"
    ylabel = MEASURE_LABELS[measure] + (f" of {unit}" if measure == "count" else "")
    ax.set_ylabel(f"{ylabel} per {result.freq}")
    if measure == "count":
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # no "1.25 events"
    if measure == "conflict_share":
        ax.set_ylim(-0.02, 1.02)
    if measure.startswith("goldstein"):
        ax.axhline(0, color="0.6", linewidth=0.8)
    _label_ends(ax, ends)
    heading = title or f"{MEASURE_LABELS[measure]} per {result.freq}"
    if len(result.groups()) > top:
        heading += f" (top {top} of {len(result.groups())} by count)"
    extra = []
    if frame["partial"].any():
        extra.append("hollow markers: periods only partly covered by the data (counts low)")
    _finish(fig, ax, heading, result.coverage, legend=len(groups) > 1, extra=extra)
    return _save(fig, out)


def streak_chart(
    result: StreakResult, path: str | Path, *, top: int = 8, title: str | None = None
) -> Path:
    """A timeline per group: each streak a bar, the longest hatched and labelled."""
    out = _check_path(path)
    groups = [g for g in result.groups if g.longest is not None][:top]
    fig, ax = plt.subplots(figsize=(11, 1.8 + 0.7 * max(len(groups), 1)), layout="constrained")
    unit = _freq_unit(result.freq)
    for row, gs in enumerate(reversed(groups)):
        shown = {*gs.streaks, *([gs.current] if gs.current else [])}
        bars = [(_num(s.start), _num(s.end) + 1 - _num(s.start)) for s in shown]
        ax.broken_barh(bars, (row - 0.3, 0.6), facecolors="0.75", edgecolors="0.3")
        best = gs.longest
        assert best is not None
        ax.broken_barh(
            [(_num(best.start), _num(best.end) + 1 - _num(best.start))],
            (row - 0.3, 0.6),
            facecolors="white",
            edgecolors="black",
            hatch="///",
            linewidth=1.2,
        )
        tag = f"longest {best.length} {unit}{'s' if best.length != 1 else ''}"
        tag += f" ({best.start:%d %b %Y} – {best.end:%d %b %Y})"
        if gs.current is not None:
            tag += f"; current {gs.current.length}"
        ax.annotate(
            tag,
            (_num(best.start), row + 0.32),
            fontsize=9,
            va="bottom",
        )
    ax.set_yticks(range(len(groups)), [display_label(result.by, g.group) for g in reversed(groups)])
    ax.set_ylim(-0.7, max(len(groups), 1) - 0.1)
    if result.as_of is not None:
        ax.axvline(_num(result.as_of) + 1, color="black", linestyle=":", linewidth=1)
        ax.annotate(
            f"as of {result.as_of}", (_num(result.as_of) + 1, -0.65), fontsize=8, ha="right"
        )
    ax.xaxis_date()
    heading = title or f"Streaks of consecutive {unit}s with matching events"
    _finish(fig, ax, heading, result.coverage, legend=False)
    return _save(fig, out)


def spike_chart(
    result: SpikeResult, path: str | Path, *, top: int = 4, title: str | None = None
) -> Path:
    """Count, trailing baseline and spike threshold per group; spikes marked with their score."""
    out = _check_path(path)
    scores = result.scores
    by_spikes = scores.groupby("group", sort=False)["spike"].sum()
    totals = scores.groupby("group", sort=False)["count"].sum()
    ranked = sorted(by_spikes.index, key=lambda g: (-by_spikes[g], -totals[g], str(g)))[:top]
    n = max(len(ranked), 1)
    fig, axes = plt.subplots(
        n, 1, figsize=(11, 2.2 + 2.4 * n), sharex=True, squeeze=False, layout="constrained"
    )
    for ax, group in zip(axes[:, 0], ranked, strict=False):
        rows = scores[scores["group"] == group]
        x = rows["period"].to_numpy()
        mean = rows["baseline_mean"].to_numpy(dtype=float)
        limit = mean + result.threshold * rows["baseline_std"].to_numpy(dtype=float)
        ax.plot(x, rows["count"], "-", color="black", linewidth=1.4, label="count")
        ax.plot(x, mean, "--", color="#0072B2", linewidth=1.2, label="baseline mean")
        ax.plot(
            x,
            limit,
            ":",
            color="#D55E00",
            linewidth=1.4,
            label=f"spike threshold (score {result.threshold:g})",
        )
        hits = rows[rows["spike"]]
        ax.plot(
            hits["period"],
            hits["count"],
            "v",
            color="black",
            markersize=8,
            label="spike",
            linestyle="none",
        )
        for _, hit in hits.nlargest(5, "score").iterrows():
            ax.annotate(
                f"{hit['score']:.1f}",
                (hit["period"], hit["count"]),
                textcoords="offset points",
                xytext=(5, 4),
                fontsize=8,
            )
        ax.set_ylabel(f"per {result.freq}")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(display_label(result.by, str(group)), loc="left", fontsize=10)
    # above the first panel, right of its title, where it hides no data
    axes[0, 0].legend(loc="lower right", bbox_to_anchor=(1, 1), ncol=4, fontsize=8, frameon=False)
    heading = title or (
        f"Spikes: score = (count - mean) / std over the previous {result.window} "
        f"{_freq_unit(result.freq)}s"
    )
    _finish(fig, axes[-1, 0], heading, result.coverage, legend=False, top_ax=axes[0, 0])
    return _save(fig, out)


def _check_path(path: str | Path) -> Path:
    out = Path(path)
    if out.suffix.lower() not in (".png", ".svg"):
        raise ConfigError(f"chart file must end in .png or .svg, not {out.name!r}")
    return out


def _finish(
    fig: Figure,
    ax: Axes,
    heading: str,
    coverage: Coverage,
    *,
    legend: bool,
    top_ax: Axes | None = None,
    extra: Sequence[str] = (),
) -> None:
    (top_ax or ax).figure.suptitle(heading, x=0.01, ha="left", fontsize=12)
    locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    )
    for a in fig.axes:
        a.grid(True, color="0.88", linewidth=0.7)
        a.spines[["top", "right"]].set_visible(False)
    if legend:  # above the plot, where it hides no data
        handles, _ = ax.get_legend_handles_labels()
        ax.legend(
            loc="lower left",
            bbox_to_anchor=(0, 1.01),
            ncol=min(len(handles), 4),
            fontsize=8,
            frameon=False,
        )
    notes = [*coverage.notes(), *extra]
    footer = f"{coverage.counted} counted of {coverage.matched} matching rows. " + "; ".join(notes)
    # as the figure's x label, so the constrained layout keeps room for it
    fig.supxlabel(
        "\n".join(textwrap.wrap(footer, 150)), x=0.01, ha="left", fontsize=8, color="0.25"
    )


def _last_value(y: np.ndarray) -> float:
    ok = np.flatnonzero(~np.isnan(y))
    return float(y[ok[-1]]) if len(ok) else float("nan")


def _label_ends(ax: Axes, ends: list[tuple[float, str, str]], gap: float = 0.045) -> None:
    """Each line's label in the right margin at the height of its last value, nudged apart so
    lines ending at the same value still get readable labels."""
    ax.get_ylim()  # settles the autoscaled limits the transform below reads
    to_axes = ax.transLimits  # data -> axes fraction
    placed = sorted(
        (float(to_axes.transform((0.0, value))[1]), label, colour)
        for value, label, colour in ends
        if not np.isnan(value)
    )
    heights: list[float] = []
    for height, _, _ in placed:
        heights.append(max(height, heights[-1] + gap) if heights else height)
    overflow = max((heights[-1] - 1.0) if heights else 0.0, 0.0)
    for height, (_, label, colour) in zip(heights, placed, strict=True):
        ax.text(
            1.005,
            height - overflow,
            label,
            transform=ax.transAxes,
            fontsize=8,
            color=colour,
            va="center",
            clip_on=False,
        )


def _num(day: dt.date) -> float:
    return float(mdates.date2num(pd.Timestamp(day)))  # type: ignore[no-untyped-call]


def _freq_unit(freq: str) -> str:
    return {"day": "day", "week": "week", "month": "month", "year": "year"}[freq]


def _save(fig: Figure, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        # SVG text stays text: searchable, readable by screen readers, smaller
        with plt.rc_context({"svg.fonttype": "none"}):
            fig.savefig(out, dpi=120)
    finally:
        plt.close(fig)
    return out
