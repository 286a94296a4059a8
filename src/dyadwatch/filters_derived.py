"""Filters on what is derived from an event rather than stored in one column: its five-class
label (statement, verbal/material cooperation, verbal/material conflict; see
:data:`dyadwatch.model.EVENT_CLASSES`) and the number of independent outlets that reported its
cluster. Part of the vocabulary of :mod:`dyadwatch.filters`, compiled to SQL and to pandas.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from dyadwatch.errors import ConfigError
from dyadwatch.model import CLASS_OF_QUAD, EVENT_CLASSES, STATEMENT_ROOTS

SqlPart = tuple[str, list[Any]]
Values = Any


def _many(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str | int):
        return [str(value)]
    return [str(v) for v in value]


def parse_classes(value: Any) -> tuple[str, ...]:
    out = []
    for raw in _many(value):
        for part in raw.split(","):
            name = part.strip().lower().replace("-", "_").replace(" ", "_")
            if name not in EVENT_CLASSES:
                raise ConfigError(
                    f"unknown event class {part!r}: use one of {', '.join(EVENT_CLASSES)}"
                )
            out.append(name)
    return tuple(out)


def parse_min_sources(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"min_sources is a whole number, got {value!r}") from None
    if number < 1:
        raise ConfigError(f"min_sources must be at least 1, got {number}")
    return number if number > 1 else None


_STATEMENT_LIST = ", ".join(f"'{r}'" for r in sorted(STATEMENT_ROOTS))


def class_sql(col: str, classes: tuple[str, ...], _: Values) -> SqlPart | None:
    """Statements are CAMEO root 01; every other class is its quad class without them."""
    if not classes:
        return None
    parts: list[str] = []
    quads: list[int] = [q for q, name in CLASS_OF_QUAD.items() if name in classes]
    if "statement" in classes:
        parts.append(f"{col}root_code IN ({_STATEMENT_LIST})")
    if quads:
        parts.append(
            f"({col}quad_class IN (SELECT unnest(?)) AND {col}root_code NOT IN ({_STATEMENT_LIST}))"
        )
    return "(" + " OR ".join(parts) + ")", ([quads] if quads else [])


# Independent sources of an event's cluster: distinct outlets of the coded reports (a second
# outlet's copy of one wire story is a duplicate and does not count). Unclustered: one.
_SOURCES_SQL = (
    "coalesce((SELECT count(DISTINCT coalesce(sd.source, '')) FROM cluster_members sm "
    "JOIN documents sd ON sd.id = sm.doc_id WHERE sm.cluster_id = {col}cluster_id "
    "AND NOT sm.via_duplicate), 1)"
)


def min_sources_sql(col: str, minimum: int | None, _: Values) -> SqlPart | None:
    if not minimum:
        return None
    return _SOURCES_SQL.format(col=col) + " >= ?", [minimum]


def class_mask(frame: pd.DataFrame, classes: tuple[str, ...], _: Values) -> np.ndarray | None:
    if not classes:
        return None
    statement = frame["root_code"].astype(object).isin(STATEMENT_ROOTS).to_numpy()
    quads = pd.to_numeric(frame["quad_class"], errors="coerce").to_numpy(dtype=float)
    out = statement if "statement" in classes else np.zeros(len(frame), dtype=bool)
    for quad, name in CLASS_OF_QUAD.items():
        if name in classes:
            out = out | ((quads == quad) & ~statement)
    return out


def min_sources_mask(frame: pd.DataFrame, minimum: int | None, _: Values) -> np.ndarray | None:
    """Needs the ``n_sources`` context column (the analytics load it); without it every
    event counts as one source."""
    if not minimum:
        return None
    if "n_sources" not in frame.columns:
        return np.full(len(frame), minimum <= 1, dtype=bool)
    sources = pd.to_numeric(frame["n_sources"], errors="coerce").fillna(1).to_numpy()
    out: np.ndarray = sources >= minimum
    return out
