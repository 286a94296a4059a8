"""The events DataFrame the analytics read: its columns, and helpers to build or complete one.

The store returns events as a pandas DataFrame with the columns in :data:`EVENT_COLUMNS` (one
row per coded event, i.e. per *mention*). The analytics only need a subset; :func:`prepare`
adds the missing optional columns so a hand-built frame (tests, notebooks, ``dyadwatch code``
output) works the same way as one read from the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import cast

import numpy as np
import pandas as pd

from dyadwatch.coding.dates.resolve import period_days
from dyadwatch.model import Event
from dyadwatch.store.rows import EVENT_COLUMNS as STORE_EVENT_COLUMNS
from dyadwatch.store.rows import event_to_row

# The shared events-table contract is the store's; the analytics leave out the person ids and
# the span end's day, which they read from date_end instead.
EVENT_COLUMNS: tuple[str, ...] = tuple(
    c for c in STORE_EVENT_COLUMNS if c not in {"day_end", "source_person", "target_person"}
)

# Without these there is nothing to count.
REQUIRED_COLUMNS: tuple[str, ...] = ("id", "source_code")

# The columns the analytics read; loading only these from the store keeps big stores fast.
ANALYTICS_COLUMNS: tuple[str, ...] = (
    "id",
    "source_code",
    "source_country",
    "target_code",
    "target_country",
    "code",
    "root_code",
    "quad_class",
    "goldstein",
    "plover_type",
    "modality",
    "event_date",
    "date_precision",
    "date_end",
    "day",
    "location_name",
    "location_id",
    "cluster_id",
    "confidence",
)

# Read with the events but not events' own columns: the document's publication date (what
# tells a report from historical background), the cluster's independent sources and the
# coder's confidence (absent from older stores: read as 1.0). Optional in hand-built frames.
CONTEXT_COLUMNS: tuple[str, ...] = ("doc_id", "pub_date", "n_sources", "confidence")

# An event that ended this many days before its report was published is historical background
# ("as early as 2004 ..."): kept and shown, but it does not drive spikes or streaks.
BACKGROUND_DAYS = 60

_PRECISION_OF_LENGTH = {4: "year", 7: "month", 10: "day"}


def frame_from_events(
    events: Iterable[Event],
    *,
    cluster_ids: Mapping[str, str] | None = None,
    run_id: str | None = None,
) -> pd.DataFrame:
    """Flatten :class:`~dyadwatch.model.Event` records into an events DataFrame.

    For analytics without a store (a notebook, ``dyadwatch code`` output). ``cluster_ids`` maps
    event id to cluster id when duplicates are known.
    """
    # the store's row, with the JSON columns kept as objects; ``day`` is derived by prepare()
    rows = [
        {
            **event_to_row(ev, run_id=run_id),
            "spans": {k: list(v) for k, v in ev.evidence.spans.items()},
            "rule": dict(ev.rule),
            "cluster_id": (cluster_ids or {}).get(ev.id),
        }
        for ev in events
    ]
    frame = pd.DataFrame(rows, columns=[c for c in EVENT_COLUMNS if c != "day"])
    return prepare(frame)


def prepare(events: pd.DataFrame) -> pd.DataFrame:
    """The frame with the columns the analytics read present and ``day`` as ``datetime64``.

    Missing optional columns (of :data:`ANALYTICS_COLUMNS`) are added empty. When ``day`` is
    absent it is derived from ``event_date`` (first day of the stated period), and a missing
    ``date_precision`` from the length of ``event_date``. The input frame is not modified.
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in events.columns]
    if missing:
        raise ValueError(f"events frame lacks required column(s): {', '.join(missing)}")
    if _is_prepared(events):
        return events
    out = events.copy(deep=False)
    for name in (*ANALYTICS_COLUMNS, *CONTEXT_COLUMNS):
        if name not in out.columns and name != "day":
            out[name] = None
    if "day" not in events.columns:
        out["day"] = _first_days(out["event_date"])
    elif not pd.api.types.is_datetime64_any_dtype(out["day"]):
        out["day"] = pd.to_datetime(out["day"], errors="coerce")
    unknown = out["date_precision"].isna()
    if unknown.any():  # infer it from the length of the ISO date
        inferred = out.loc[unknown, "event_date"].map(
            lambda v: _PRECISION_OF_LENGTH.get(len(v)) if isinstance(v, str) else None
        )
        out["date_precision"] = out["date_precision"].astype(object)
        out.loc[unknown, "date_precision"] = inferred
    return out


def _is_prepared(events: pd.DataFrame) -> bool:
    return (
        all(c in events.columns for c in (*ANALYTICS_COLUMNS, *CONTEXT_COLUMNS))
        and pd.api.types.is_datetime64_any_dtype(events["day"])
        and not (events["date_precision"].isna() & events["event_date"].notna()).any()
    )


def day_numbers(days: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Days since 1970-01-01 (int64) of a datetime column, and a mask of the known ones."""
    values = pd.to_datetime(days, errors="coerce").to_numpy(dtype="datetime64[D]")
    known = ~np.isnat(values)
    numbers = np.where(known, values.astype(np.int64), 0)
    return numbers, known


def end_day_numbers(date_end: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Last day (days since epoch) of each ``date_end`` value, and a mask of the usable ones.

    ``date_end`` is an ISO date, possibly partial (``2021-07`` ends on 31 July). Unparseable
    values are not usable; the caller records them.
    """
    codes, uniques = pd.factorize(date_end, use_na_sentinel=True)
    parsed = [_last_day_number(v) for v in uniques]
    # a trailing "unknown" slot, picked by the NA code -1
    ends = np.array([p if p is not None else 0 for p in parsed] + [0], dtype=np.int64)
    usable = np.array([p is not None for p in parsed] + [False], dtype=bool)
    return ends[codes], usable[codes]


def background_mask(events: pd.DataFrame, days: int = BACKGROUND_DAYS) -> np.ndarray:
    """Events that ended more than ``days`` before their document was published (historical
    background). Events without a publication date or a date are never background."""
    pub, has_pub = day_numbers(events["pub_date"])
    ends, has_end = end_day_numbers(events["event_date"])
    spans, has_span = end_day_numbers(events["date_end"])
    last = np.where(has_span & (spans > ends), spans, ends)
    return cast(np.ndarray, has_pub & has_end & (last < pub - days))


def _first_days(event_date: pd.Series) -> pd.Series:
    def first(value: object) -> dt.date | None:
        if not isinstance(value, str):
            return None
        parsed = _parse_partial(value)
        return parsed[0] if parsed else None

    return pd.to_datetime(event_date.map(first), errors="coerce")


def _parse_partial(text: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of the ISO period a (possibly longer) date string starts with."""
    return period_days(text.strip()[:10])


def _last_day_number(value: object) -> int | None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return (value - dt.date(1970, 1, 1)).days
    if not isinstance(value, str):
        return None
    parsed = _parse_partial(value)
    if parsed is None:
        return None
    return (parsed[1] - dt.date(1970, 1, 1)).days
