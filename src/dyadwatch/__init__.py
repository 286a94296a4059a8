"""dyadwatch: political event data from news — who did what to whom, when and where.

The public API is what ``__all__`` lists; everything else is internal and may change.

    import dyadwatch
    events = dyadwatch.code_text("Chinese navy vessels entered Japanese waters.")
    with dyadwatch.open("events.duckdb") as store:
        df = store.events(dyad=("CHN", "JPN"))
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyadwatch.api import DocumentResult, code_inputs, code_text
from dyadwatch.errors import (
    ConfigError,
    DictionaryError,
    DyadwatchError,
    EvaluationError,
    InputError,
    RejectCode,
    StoreError,
)
from dyadwatch.model import Actor, Document, Event, EventDate, Evidence, Place, Plover, Reject
from dyadwatch.settings import Settings, load_settings

if TYPE_CHECKING:
    from dyadwatch.store import Store

__version__ = "0.1.0"


# shadows the builtin on purpose: `dyadwatch.open(db)` reads like `sqlite3.connect(db)`
def open(path: str | Path, **options: Any) -> Store:
    """Open (or create) a dyadwatch database and return its :class:`~dyadwatch.store.Store`."""
    from dyadwatch.store import open as open_store

    return open_store(path, **options)


__all__ = [
    "Actor",
    "ConfigError",
    "DictionaryError",
    "Document",
    "DocumentResult",
    "DyadwatchError",
    "EvaluationError",
    "Event",
    "EventDate",
    "Evidence",
    "InputError",
    "Place",
    "Plover",
    "Reject",
    "RejectCode",
    "Settings",
    "StoreError",
    "__version__",
    "code_inputs",
    "code_text",
    "load_settings",
    "open",
]
