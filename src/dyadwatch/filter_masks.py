"""The pandas side of the filter vocabulary (:mod:`dyadwatch.filters`): one boolean mask per
field over a frame of events, matching exactly what the field's SQL condition selects (the
analytics filter frames already loaded; the store filters in SQL)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

Values = Mapping[str, Any]
NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def unique_mask(column: pd.Series, test: Callable[[Any], bool]) -> np.ndarray:
    """Evaluate ``test`` once per distinct value: columns repeat few values many times."""
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    hits = np.array([bool(test(u)) for u in uniques] + [False], dtype=bool)
    out: np.ndarray = hits[codes]
    return out


def prefix_mask(column: pd.Series, prefixes: Sequence[str]) -> np.ndarray:
    wanted = tuple(prefixes)
    return unique_mask(column, lambda v: isinstance(v, str) and v.upper().startswith(wanted))


def side_mask(*columns: str) -> Callable[[pd.DataFrame, Any, Values], np.ndarray | None]:
    def mask(frame: pd.DataFrame, codes: tuple[str, ...], _: Values) -> np.ndarray | None:
        if not codes:
            return None
        out = np.zeros(len(frame), dtype=bool)
        for column in columns:
            out |= prefix_mask(frame[column], codes)
        return out

    return mask


def dyad_mask(frame: pd.DataFrame, pair: tuple[str, str] | None, values: Values) -> Any:
    if pair is None:
        return None
    a, b = pair
    src, tgt = frame["source_code"], frame["target_code"]
    forward = prefix_mask(src, (a,)) & prefix_mask(tgt, (b,))
    if values.get("directed"):
        return forward
    return forward | (prefix_mask(src, (b,)) & prefix_mask(tgt, (a,)))


def in_mask(column: str, upper: bool = False) -> Callable[[pd.DataFrame, Any, Values], Any]:
    def mask(frame: pd.DataFrame, values: tuple[Any, ...], _: Values) -> np.ndarray | None:
        if not values:
            return None
        wanted = set(values)
        series = frame[column]
        if column == "quad_class":
            series = pd.to_numeric(series, errors="coerce")
        return unique_mask(
            series, lambda v: (v.upper() if upper and isinstance(v, str) else v) in wanted
        )

    return mask


def code_mask(frame: pd.DataFrame, codes: tuple[str, ...], _: Values) -> np.ndarray | None:
    return prefix_mask(frame["code"].astype("string"), codes) if codes else None


def day_numbers(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    values = pd.to_datetime(column, errors="coerce").to_numpy(dtype="datetime64[D]")
    known = ~np.isnat(values)
    return np.where(known, values.astype(np.int64), 0), known


def epoch_days(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days


def since_mask(frame: pd.DataFrame, day: dt.date | None, _: Values) -> np.ndarray | None:
    if day is None:
        return None
    last, known = day_numbers(frame["day_end"])
    out: np.ndarray = known & (last >= epoch_days(day))
    return out


def until_mask(frame: pd.DataFrame, day: dt.date | None, _: Values) -> np.ndarray | None:
    if day is None:
        return None
    first, known = day_numbers(frame["day"])
    out: np.ndarray = known & (first <= epoch_days(day))
    return out


def name_words(text: str) -> list[str]:
    return [w for w in NOT_ALNUM.split(text.lower()) if w]


def place_mask(frame: pd.DataFrame, places: tuple[str, ...], _: Values) -> np.ndarray | None:
    """A query with a colon is a gazetteer id and matches ``location_id`` exactly (ignoring
    case). Otherwise it matches by whole words from the start of the place name or of the id's
    local part, ignoring case and punctuation: ``senkaku`` matches "Senkaku Islands" and
    ``dw:senkaku-islands``, but ``taiwan`` also matches "Taiwan Strait" (use the id)."""
    if not places:
        return None

    def starts(words: list[str], query: str) -> bool:
        wanted = name_words(query)
        return bool(wanted) and words[: len(wanted)] == wanted

    def id_matches(value: object) -> bool:
        if not isinstance(value, str):
            return False
        low = value.lower()
        local = name_words(low.rsplit(":", 1)[-1])
        return any((q.lower() == low) if ":" in q else starts(local, q) for q in places)

    def name_matches(value: object) -> bool:
        words = name_words(value) if isinstance(value, str) else []
        return bool(words) and any(":" not in q and starts(words, q) for q in places)

    by_id = unique_mask(frame["location_id"], id_matches)
    out: np.ndarray = by_id | unique_mask(frame["location_name"], name_matches)
    return out


def confidence_mask(frame: pd.DataFrame, least: float | None, _: Values) -> np.ndarray | None:
    if least is None:
        return None
    if "confidence" not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    values = pd.to_numeric(frame["confidence"], errors="coerce").to_numpy(dtype=float)
    out: np.ndarray = np.nan_to_num(values, nan=-1.0) >= least
    return out


def text_mask(frame: pd.DataFrame, text: str | None, _: Values) -> np.ndarray | None:
    if not text:
        return None
    low = text.lower()
    return unique_mask(frame["evidence_text"], lambda v: isinstance(v, str) and low in v.lower())


def no_mask(frame: pd.DataFrame, value: Any, values: Values) -> np.ndarray | None:
    return None  # a modifier of another field (directed -> dyad)
