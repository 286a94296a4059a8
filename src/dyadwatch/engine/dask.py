"""Code documents on a Dask cluster (``--engine dask --scheduler ADDRESS|local:N``).

The same per-batch coding function as the local engine (:func:`~.local.code_batch`) runs on
``dask.distributed`` workers. Each worker process builds its coder once and keeps it (a cached
global, keyed by the settings), so a partition costs only its documents. Partitions are the
local engine's batches (``settings.batch_size`` documents), submitted with a bounded number in
flight so memory stays flat; they come back in any order and a reorder buffer hands them to
the caller, the single DuckDB writer, in input order.

A worker that dies mid-partition (killed, out of memory) loses nothing: the scheduler sees the
task's worker go and runs the task again on another worker; results are only taken from a
finished task, so nothing is written twice. A partition that fails on every try (Dask gives
up after ``distributed.scheduler.allowed-failures`` deaths) becomes ``coding_failed`` rejects
for its documents, and the run goes on. docs/scaling.md tells how to run it on a cluster.
"""

from __future__ import annotations

import importlib
import pickle
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from dyadwatch.engine.local import (
    DocumentCoder,
    Item,
    Outcome,
    _failure,
    batches,
    code_batch,
    documents_of,
    load_coder,
    merge,
)
from dyadwatch.errors import ConfigError
from dyadwatch.model import Document
from dyadwatch.settings import Settings

CoderFactory = Callable[[Settings], DocumentCoder]

# per worker process: the coder built for each (factory, settings), loaded on first use
_CODERS: dict[tuple[CoderFactory, Settings], DocumentCoder] = {}


class GivenCoder:
    """A factory that hands out one given coder, shipped with each task. The coder is pickled
    with cloudpickle here, so one defined in a notebook or a test module (which the workers
    could not import) travels by value."""

    def __init__(self, coder: DocumentCoder) -> None:
        self.payload: bytes = importlib.import_module("cloudpickle").dumps(coder)
        self._coder: DocumentCoder | None = None

    def __getstate__(self) -> bytes:
        return self.payload

    def __setstate__(self, payload: bytes) -> None:
        self.payload, self._coder = payload, None

    @property
    def coder(self) -> DocumentCoder:
        if self._coder is None:
            self._coder = pickle.loads(self.payload)
        return self._coder

    def __call__(self, settings: Settings) -> DocumentCoder:
        return self.coder


def code_partition(
    settings: Settings, docs: list[Document], factory: CoderFactory | None = None
) -> list[Outcome]:
    """Code one partition on a worker (the task Dask runs)."""
    if isinstance(factory, GivenCoder):
        return code_batch(factory.coder, docs, settings.document_timeout)
    build = factory or load_coder
    key = (build, settings)
    coder = _CODERS.get(key)
    if coder is None:
        coder = _CODERS[key] = build(settings)
    return code_batch(coder, docs, settings.document_timeout)


def _distributed() -> Any:
    """``dask.distributed``, imported only when the Dask engine is used (typed loosely: the
    package has no type information)."""
    try:
        return importlib.import_module("distributed")
    except ImportError as exc:
        raise ConfigError(
            "the Dask engine needs dask and distributed (dependencies of dyadwatch)"
        ) from exc


def connect(scheduler: str) -> tuple[Any, Any]:
    """A client for ``scheduler``: ``local:N`` starts a LocalCluster of N single-threaded
    worker processes (closed with the client); anything else is a scheduler address."""
    distributed = _distributed()
    if scheduler.startswith("local:"):
        try:
            workers = int(scheduler.removeprefix("local:"))
        except ValueError:
            workers = 0
        if workers < 1:
            raise ConfigError(f"scheduler {scheduler!r}: use local:N with N >= 1")
        cluster = distributed.LocalCluster(
            n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=":0"
        )
        return distributed.Client(cluster), cluster
    try:
        return distributed.Client(scheduler, timeout="30s"), None
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler {scheduler!r}: {exc}") from exc


def run_on_dask(
    items: Iterable[Item],
    settings: Settings,
    *,
    client: Any = None,
    factory: CoderFactory | None = None,
    in_flight: int | None = None,
) -> Iterator[Outcome]:
    """Code ``items`` on Dask; outcomes in input order, exactly one per item.

    ``client`` is an existing ``distributed.Client`` (else one is made from
    ``settings.scheduler``, default ``local:<workers>``); ``factory`` builds the coder on the
    workers (default: the registry's ``settings.coder``)."""
    cluster = None
    if client is None:
        client, cluster = connect(settings.scheduler or f"local:{settings.resolved_workers()}")
    try:
        yield from _stream(client, items, settings, factory, in_flight)
    finally:
        if cluster is not None:
            client.close()
            cluster.close()


def _stream(
    client: Any,
    items: Iterable[Item],
    settings: Settings,
    factory: CoderFactory | None,
    in_flight: int | None,
) -> Iterator[Outcome]:
    threads = sum(client.nthreads().values()) or 1
    limit = in_flight or 2 * threads
    run = uuid.uuid4().hex[:8]
    segments: dict[int, list[Item]] = {}
    done: dict[int, list[Outcome]] = {}
    index: dict[str, int] = {}
    running = _distributed().as_completed()
    waiting = 0
    next_out = 0

    def collect(future: Any) -> None:
        number = index.pop(future.key)
        try:
            done[number] = future.result()
        except Exception as exc:  # the partition failed on every try: reject its documents
            done[number] = [_failure(doc, exc) for doc in documents_of(segments[number])]
        future.release()

    def ready() -> Iterator[Outcome]:
        nonlocal next_out
        while next_out in done:
            yield from merge(segments.pop(next_out), done.pop(next_out))
            next_out += 1

    for number, segment in enumerate(batches(items, settings.batch_size)):
        segments[number] = segment
        docs = documents_of(segment)
        if not docs:
            done[number] = []
        else:
            future = client.submit(
                code_partition, settings, docs, factory, key=f"dyadwatch-code-{run}-{number}"
            )
            index[future.key] = number
            running.add(future)
            waiting += 1
        while waiting >= limit:
            collect(next(running))
            waiting -= 1
        yield from ready()
    for future in running:
        collect(future)
    yield from ready()
