"""Pick the engine for a run: in this process, a local process pool, or a Dask cluster.

Kept apart from the engines themselves so that each engine module stands alone (the Dask
engine reuses the local engine's batching; this module is the only one that knows both).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from dyadwatch.engine.local import (
    DocumentCoder,
    Item,
    Outcome,
    load_coder,
    run_in_pool,
    run_in_process,
)
from dyadwatch.errors import ConfigError
from dyadwatch.model import Document
from dyadwatch.settings import Settings


def _pool_allowed(settings: Settings, coder: DocumentCoder | None) -> bool:
    """A pool rebuilds the coder from settings in each worker: fine when asked for explicitly
    (``workers`` > 1), or when the given coder is the one the settings describe."""
    if settings.workers > 1 and settings.engine == "local":
        return True
    return coder is None or getattr(coder, "settings", None) == settings


def _peek(stream: Iterator[Item], documents: int) -> tuple[list[Item], bool]:
    """Items read until ``documents`` documents are seen; whether there were that many."""
    head: list[Item] = []
    seen = 0
    for item in stream:
        head.append(item)
        seen += isinstance(item, Document)
        if seen >= documents:
            return head, True
    return head, False


def run(
    items: Iterable[Item],
    settings: Settings,
    coder: DocumentCoder | None = None,
) -> Iterator[Outcome]:
    """Code ``items`` on ``settings.engine``: here with ``settings.workers`` processes
    (0 = one per core; 1 = in this process), or on a Dask cluster."""
    if settings.engine == "dask":
        from dyadwatch.engine.dask import GivenCoder, run_on_dask

        # a coder the settings do not describe (a test's, a notebook's) travels to the workers
        given = None if coder is None or _pool_allowed(settings, coder) else GivenCoder(coder)
        yield from run_on_dask(items, settings, factory=given)
        return
    if settings.engine != "local":
        raise ConfigError(f"unknown engine {settings.engine!r} (local or dask)")
    workers = settings.resolved_workers()
    stream = iter(items)
    if workers > 1 and _pool_allowed(settings, coder):
        # by default (workers = 0) a small input is coded here: starting processes that each
        # load the model costs more than it saves
        head, enough = _peek(stream, workers * settings.batch_size)
        if settings.workers > 1 or enough:
            # forked workers share a coder built from these settings instead of loading one
            same = coder if getattr(coder, "settings", None) == settings else None
            yield from run_in_pool(itertools.chain(head, stream), settings, workers, same)
            return
        stream = iter(head)
    if coder is None:
        coder = load_coder(settings)
    yield from run_in_process(stream, coder, settings.batch_size, settings.document_timeout)
