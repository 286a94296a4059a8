"""Live sources: follow feeds, sitemaps and site sections, fetch politely, code as news arrives.

``run_cycle`` runs one cycle, ``follow`` repeats it; ``docs/live.md`` describes the behaviour,
the state kept in the database and the failure codes.
"""

from __future__ import annotations

from dyadwatch.live.cycle import CycleReport, follow, run_cycle
from dyadwatch.live.discover import read_sources_file
from dyadwatch.live.fetch import Fetcher, FetchError
from dyadwatch.live.state import freshness

__all__ = [
    "CycleReport",
    "FetchError",
    "Fetcher",
    "follow",
    "freshness",
    "read_sources_file",
    "run_cycle",
]
