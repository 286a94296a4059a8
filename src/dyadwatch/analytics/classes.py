"""Five event classes beside CAMEO's four quad classes.

CAMEO files every root-01 event ("make public statement": 010 make statement, 012 make
pessimistic comment, ...) under quad class 1, verbal cooperation, so a cooperation line drawn
from quad classes is mostly "X said". The five-class view (as in the Multi-CoPED data set)
keeps statements apart:

=====================  ========================================================
class                  events
=====================  ========================================================
statement              CAMEO root 01 (make public statement), whatever its quad
verbal_cooperation     quad class 1 without root 01 (appeal, intend, consult, ...)
material_cooperation   quad class 2
verbal_conflict        quad class 3
material_conflict      quad class 4
=====================  ========================================================

Cooperation and conflict lines (the dashboard's overview, ``--class``) use these classes, so
they leave statements out unless asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import numpy as np
import pandas as pd

from dyadwatch.model import (
    CLASS_OF_QUAD,
    EVENT_CLASSES,
    STATEMENT_ROOTS,
    EventClass,
    event_class,
)

__all__ = [
    "CLASSES",
    "CONFLICT",
    "COOPERATION",
    "STATEMENT_ROOTS",
    "EventClass",
    "class_keys",
    "class_label",
    "event_class",
    "parse_classes",
]

COOPERATION: tuple[EventClass, ...] = ("verbal_cooperation", "material_cooperation")
CONFLICT: tuple[EventClass, ...] = ("verbal_conflict", "material_conflict")
CLASSES = EVENT_CLASSES
_BY_QUAD = CLASS_OF_QUAD


def class_label(name: str) -> str:
    """``material_conflict`` -> ``material conflict``."""
    return name.replace("_", " ")


def class_keys(events: pd.DataFrame) -> np.ndarray:
    """The class of every row of an events frame (object array, None when unknown)."""
    quads = pd.to_numeric(events["quad_class"], errors="coerce")
    keys = quads.map(lambda q: _BY_QUAD.get(int(q)) if pd.notna(q) else None).astype(object)
    statement = events["root_code"].astype(object).isin(STATEMENT_ROOTS).to_numpy()
    out = keys.to_numpy(dtype=object)
    out[statement] = "statement"
    return out


def parse_classes(values: object) -> tuple[EventClass, ...]:
    """Class names from user input (``material-conflict``, ``material conflict`` work too)."""
    from dyadwatch.errors import ConfigError

    items: list[object] = (
        [values] if isinstance(values, str) else list(cast(Iterable[object], values or ()))
    )
    out: list[EventClass] = []
    for item in items:
        name = str(item).strip().lower().replace("-", "_").replace(" ", "_")
        if name not in CLASSES:
            raise ConfigError(f"unknown event class {item!r}: use one of {', '.join(CLASSES)}")
        out.append(name)
    return tuple(out)
