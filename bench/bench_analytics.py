"""Time series, streaks, spikes and watch checks on a synthetic 1M-event frame.

    .venv/bin/python bench/bench_analytics.py [--events 1000000] [--repeat 3] [--no-store]

Writes ``bench/results/analytics.json``: the best of ``--repeat`` wall-clock times per task,
the peak resident memory, and the machine. The synthetic data is seeded (same frame every run):
ten years of days, 30 countries x 4 sectors, 20 CAMEO roots, 50 places, ~3 mentions per
cluster, 8% month/year-dated, 0.5% spans of up to 200 days, 10% not asserted. With the store
(default), the frame is also written to a DuckDB file under ``bench/results/tmp/`` to time
loading it and ``check_watches`` end to end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dyadwatch.analytics import EventFilter, series, spikes, streaks
from dyadwatch.analytics.watches import (
    SpikeRule,
    StreakRule,
    Watch,
    add_watch,
    check_watches,
    load_events,
)

RESULTS = Path(__file__).resolve().parent / "results"
COUNTRIES = [
    "CHN",
    "JPN",
    "USA",
    "TWN",
    "KOR",
    "PRK",
    "RUS",
    "IND",
    "PAK",
    "PHL",
    "VNM",
    "IDN",
    "MYS",
    "AUS",
    "GBR",
    "FRA",
    "DEU",
    "UKR",
    "TUR",
    "IRN",
    "ISR",
    "SAU",
    "EGY",
    "BRA",
    "MEX",
    "CAN",
    "NGA",
    "ZAF",
    "ETH",
    "KEN",
]
SECTORS = ("", "GOV", "MIL", "COP")
# CAMEO roots with a representative Goldstein score and quad class
ROOTS = {
    "01": (0.0, 1),
    "02": (3.0, 1),
    "03": (4.0, 1),
    "04": (1.0, 1),
    "05": (3.5, 1),
    "06": (6.0, 2),
    "07": (7.0, 2),
    "08": (5.0, 2),
    "09": (-2.0, 3),
    "10": (-5.0, 3),
    "11": (-2.0, 3),
    "12": (-4.0, 3),
    "13": (-6.0, 3),
    "14": (-6.5, 3),
    "15": (-7.2, 4),
    "16": (-4.0, 4),
    "17": (-7.0, 4),
    "18": (-9.0, 4),
    "19": (-10.0, 4),
    "20": (-10.0, 4),
}


def synthetic_events(n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` mentions of about ``n / 3`` real-world events, in the store's column layout."""
    rng = np.random.default_rng(seed)
    k = max(n // 3, 1)  # clusters (real-world events)
    start = np.datetime64("2015-01-01")
    n_days = 3653
    # cluster-level attributes; a few busy dyads, a long tail
    weights = 1.0 / np.arange(1, len(COUNTRIES) + 1)
    weights /= weights.sum()
    src_c = rng.choice(len(COUNTRIES), k, p=weights)
    tgt_c = rng.choice(len(COUNTRIES), k, p=weights)
    src_s = rng.integers(0, len(SECTORS), k)
    tgt_s = rng.integers(0, len(SECTORS), k)
    roots = np.array(list(ROOTS))
    root_i = rng.integers(0, len(roots), k)
    day = start + rng.integers(0, n_days, k).astype("timedelta64[D]")
    place_i = np.where(rng.random(k) < 0.4, rng.integers(0, 50, k), -1)

    # mentions: each picks a cluster; some clusters are reported many times
    cluster = np.sort(rng.integers(0, k, n))
    countries = np.array(COUNTRIES, dtype=object)
    sectors = np.array(SECTORS, dtype=object)
    src_country = countries[src_c[cluster]]
    tgt_country = countries[tgt_c[cluster]]
    source_code = src_country + sectors[src_s[cluster]]
    target_code = tgt_country + sectors[tgt_s[cluster]]
    root = roots[root_i[cluster]]
    goldstein = np.array([ROOTS[r][0] for r in roots])[root_i[cluster]]
    quad = np.array([ROOTS[r][1] for r in roots])[root_i[cluster]]
    days = day[cluster]
    precision = rng.choice(
        np.array(["day", "month", "year"], dtype=object), n, p=[0.92, 0.06, 0.02]
    )
    iso = pd.Series(days.astype("datetime64[D]").astype(str), dtype=object)
    event_date = np.where(
        precision == "day", iso, np.where(precision == "month", iso.str[:7], iso.str[:4])
    )
    first_day = pd.to_datetime(
        np.where(
            precision == "day",
            iso,
            np.where(precision == "month", iso.str[:7] + "-01", iso.str[:4] + "-01-01"),
        )
    )
    spans = (rng.random(n) < 0.005) & (precision == "day")
    span_end = days + rng.integers(1, 200, n).astype("timedelta64[D]")
    date_end = np.where(spans, pd.Series(span_end.astype(str), dtype=object), None)
    modality = rng.choice(
        np.array(["asserted", "negated", "hypothetical", "future", "question"], dtype=object),
        n,
        p=[0.9, 0.04, 0.03, 0.02, 0.01],
    )
    place_ids = np.array([f"dw:place-{i}" for i in range(50)] + [None], dtype=object)
    place_names = np.array([f"Place {i} Islands" for i in range(50)] + [None], dtype=object)
    pick = place_i[cluster]
    return pd.DataFrame(
        {
            "id": [f"ev{i:07d}" for i in range(n)],
            "source_code": source_code,
            "source_country": src_country,
            "target_code": target_code,
            "target_country": tgt_country,
            "code": root + "0",
            "root_code": root,
            "quad_class": quad,
            "goldstein": goldstein,
            "plover_type": None,
            "modality": modality,
            "event_date": event_date,
            "date_precision": precision,
            "date_end": date_end,
            "day": first_day,
            "location_name": place_names[pick],
            "location_id": place_ids[pick],
            "cluster_id": np.char.add("c", cluster.astype(str)).astype(object),
        }
    )


def best_of(repeat: int, task: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = task()
        times.append(time.perf_counter() - t0)
    return min(times), result


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-store", action="store_true", help="skip the DuckDB timings")
    parser.add_argument("--output", type=Path, default=RESULTS / "analytics.json")
    args = parser.parse_args()

    t0 = time.perf_counter()
    frame = synthetic_events(args.events)
    build_s = time.perf_counter() - t0
    print(f"built {len(frame):,} events in {build_s:.1f}s", file=sys.stderr)

    chn_senkaku = EventFilter(actors=("CHN",), places=("dw:place-0",), root_codes=("15",))
    tasks: dict[str, Callable[[], Any]] = {
        "series_all_day": lambda: series(frame),
        "series_by_dyad_day_clusters": lambda: series(frame, by="dyad"),
        "series_by_dyad_day_events": lambda: series(frame, by="dyad", unit="events"),
        "series_by_dyad_week": lambda: series(frame, by="dyad", freq="week"),
        "series_by_actor_month_codes": lambda: series(
            frame, by="actor", freq="month", level="code"
        ),
        "series_by_root_day_spans": lambda: series(frame, by="root", spans="every_period"),
        "series_filtered_dyad_day": lambda: series(frame, EventFilter(dyad=("CHN", "JPN"))),
        "streaks_filtered_day": lambda: streaks(frame, chn_senkaku),
        "streaks_by_dyad_day": lambda: streaks(frame, by="dyad", min_length=7),
        "streaks_by_place_week": lambda: streaks(frame, by="place", freq="week"),
        "spikes_by_dyad_day": lambda: spikes(frame, by="dyad"),
        "spikes_by_root_week": lambda: spikes(frame, by="root", freq="week"),
    }
    timings: dict[str, float] = {}
    sizes: dict[str, int] = {}
    for name, task in tasks.items():
        seconds, result = best_of(args.repeat, task)
        timings[name] = round(seconds, 3)
        if hasattr(result, "frame"):
            sizes[name] = len(result.frame)
        elif hasattr(result, "spikes"):
            sizes[name] = len(result.spikes)
        elif hasattr(result, "groups"):
            sizes[name] = sum(len(g.streaks) for g in result.groups)
        print(f"{name:32s} {seconds:7.3f}s", file=sys.stderr)

    if not args.no_store:
        timings.update(store_timings(frame, args.repeat))

    report = {
        "benchmark": "analytics",
        "date": dt.date.today().isoformat(),
        "events": len(frame),
        "build_frame_s": round(build_s, 2),
        "repeat": args.repeat,
        "best_seconds": timings,
        "result_sizes": sizes,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "pandas": pd.__version__,
            "numpy": np.__version__,
            # other work on a shared machine slows every task: say how busy it was
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        },
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def store_timings(frame: pd.DataFrame, repeat: int) -> dict[str, float]:
    """Load the events back from a DuckDB store and check three watches over all of them."""
    import dyadwatch.store as ds
    from dyadwatch.store.rows import EVENT_COLUMNS

    tmp = RESULTS / "tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    rows = pd.DataFrame(index=frame.index)
    for name in EVENT_COLUMNS:
        rows[name] = frame[name] if name in frame.columns else None
    filled = {
        "doc_id": "doc",
        "sentence_index": 0,
        "evidence_text": "(synthetic)",
        "evidence_start": 0,
        "evidence_end": 11,
        "date_source": "text",
    }
    for name, value in filled.items():
        rows[name] = value
    rows["day_end"] = rows["day"]
    out: dict[str, float] = {}
    try:
        with ds.open(tmp / "bench.duckdb") as store:
            t0 = time.perf_counter()
            store.con.register("frame", rows)
            store.con.execute("INSERT INTO events BY NAME SELECT * FROM frame")
            store.con.unregister("frame")
            out["store_insert"] = round(time.perf_counter() - t0, 3)
            out["store_load_events"] = round(best_of(repeat, lambda: load_events(store))[0], 3)
            created = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
            watches = [
                Watch(
                    "streak",
                    EventFilter(actors=("CHN",), places=("dw:place-0",)),
                    StreakRule(7),
                    id="w-streak",
                    created=created,
                ),
                Watch(
                    "spike",
                    EventFilter(dyad=("CHN", "JPN")),
                    SpikeRule(3.0),
                    id="w-spike",
                    created=created,
                ),
                Watch(
                    "streak-week",
                    EventFilter(root_codes=("19",)),
                    StreakRule(4, "week"),
                    id="w-week",
                    created=created,
                ),
            ]
            for w in watches:
                add_watch(store, w)
            new_ids = list(frame["id"].iloc[-1000:])
            seconds, alerts = best_of(repeat, lambda: check_watches(store, new_ids))
            out["check_watches_3_watches"] = round(seconds, 3)
            print(f"check_watches: {len(alerts)} alerts in {seconds:.3f}s", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
