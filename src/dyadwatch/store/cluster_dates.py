"""Which stored event periods clustering may compute with.

Clustering widens periods by days and compares them; a stored value at the edge of the
calendar (0001-01-01, 9999-12-31: a placeholder or a typo that reached the store before ingest
refused such dates, or through a writer that bypasses the reader) would overflow Python's date
arithmetic and fail every later ingest, re-code and rebuild. Periods outside a wide fixed window
are therefore clustered as undated events: each stays its own cluster, and nothing overflows.
The window is fixed, not relative to today, so clustering stays a pure function of the events.
"""

from __future__ import annotations

import datetime as dt

EARLIEST_CLUSTERED = dt.date(1000, 1, 1)
LATEST_CLUSTERED = dt.date(3000, 12, 31)


def clusterable_period(
    day: dt.date | None, day_end: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """``(day, day_end)`` when both are inside the window, else ``(None, None)``."""
    if day is None or day_end is None:
        return None, None
    inside = EARLIEST_CLUSTERED <= day <= LATEST_CLUSTERED
    if not (inside and EARLIEST_CLUSTERED <= day_end <= LATEST_CLUSTERED):
        return None, None
    return day, day_end
