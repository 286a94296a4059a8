"""Event filters as parameterised SQL: the keyword arguments of ``Store.events`` and exports.

The vocabulary (names, checks, SQL and pandas forms) is :data:`dyadwatch.filters.FIELDS`; this
module only gives it the store's name, :class:`EventQuery`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from dyadwatch.dictionaries.actor_names import resolve_actor
from dyadwatch.filters import Where, frame_mask, normalise, parse_dyad, sql_where


class EventQuery:
    """Which events to return: keyword arguments named by :data:`dyadwatch.filters.FIELDS`
    (``actor``, ``dyad``, ``root``, ``since`` ...), checked when built. Every field is optional;
    fields combine with AND and the values inside one field with OR. ``modality`` defaults to
    asserted events; ``"all"`` (or None) keeps every modality."""

    __slots__ = ("values",)

    def __init__(self, **filters: Any) -> None:
        self.values = normalise(filters, resolve_actor)

    def where(self, alias: str = "e") -> Where:
        """The conditions on the events table aliased ``alias``."""
        return sql_where(self.values, alias)

    def mask(self, frame: pd.DataFrame) -> np.ndarray:
        """The same selection on an events frame with the store's columns."""
        return frame_mask(frame, self.values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EventQuery) and other.values == self.values

    def __hash__(self) -> int:
        return hash(repr(sorted(self.values.items(), key=lambda kv: kv[0])))

    def __repr__(self) -> str:
        return f"EventQuery({self.values!r})"


__all__ = ["EventQuery", "Where", "parse_dyad"]
