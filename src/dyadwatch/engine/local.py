"""Run the per-document coding function in-process or in a local process pool.

Both runners yield results in input order and never stop on a bad document: a document whose
coding raises becomes a :class:`Reject` with code ``coding_failed``, and the run goes on.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from dyadwatch import registry
from dyadwatch.errors import RejectCode
from dyadwatch.model import Document, Event, Reject
from dyadwatch.settings import Settings


class DocumentCoder(Protocol):
    """What the engine needs of a coder (``dyadwatch.coding.coder.Coder`` satisfies it)."""

    def code(self, doc: Document) -> list[Event]: ...


@dataclass(frozen=True, slots=True)
class DocumentResult:
    document: Document
    events: list[Event]


Outcome = DocumentResult | Reject


def _failure(doc: Document, exc: BaseException) -> Reject:
    origin = doc.origin or doc.id
    return Reject(
        origin=f"{origin} [{doc.id}]" if origin != doc.id else origin,
        code=RejectCode.CODING_FAILED,
        reason=f"coding failed: {type(exc).__name__}: {exc}",
    )


def code_one(coder: DocumentCoder, doc: Document) -> Outcome:
    """Code one document; an exception becomes a recorded reject instead of ending the run."""
    try:
        return DocumentResult(doc, coder.code(doc))
    except Exception as exc:  # any coder failure is recorded per document
        return _failure(doc, exc)


def run_in_process(
    items: Iterable[Document | Reject], coder: DocumentCoder, batch_size: int = 1
) -> Iterator[Outcome]:
    """Code in this process. A coder with ``code_many`` (the dyadwatch coder) gets the documents
    ``batch_size`` at a time, so its parser works on batches (``nlp.pipe``)."""
    code_many = getattr(coder, "code_many", None)
    if code_many is None or batch_size <= 1:
        for item in items:
            yield item if isinstance(item, Reject) else code_one(coder, item)
        return
    batch: list[Document | Reject] = []
    documents = 0
    for item in items:
        batch.append(item)
        documents += isinstance(item, Document)
        if documents >= batch_size:
            yield from _code_batch(batch, code_many, batch_size)
            batch, documents = [], 0
    if batch:
        yield from _code_batch(batch, code_many, batch_size)


def _code_batch(batch: list[Document | Reject], code_many: Any, size: int) -> Iterator[Outcome]:
    """Outcomes of one batch in input order; rejects pass through where they were."""
    results = iter(code_many([i for i in batch if isinstance(i, Document)], batch_size=size))
    for item in batch:
        if isinstance(item, Reject):
            yield item
            continue
        result = next(results)
        error = getattr(result, "error", None)
        yield _failure(item, error) if error is not None else DocumentResult(item, result.events)


# Each worker process loads its own coder once; documents are sent one at a time.
_WORKER_CODER: DocumentCoder | None = None


def load_coder(settings: Settings) -> DocumentCoder:
    """The coder ``settings.coder`` names in :data:`dyadwatch.registry.coders`, built anew."""
    coder: DocumentCoder = registry.coders.get(settings.coder)(settings)
    return coder


def _init_worker(settings: Settings) -> None:
    global _WORKER_CODER
    _WORKER_CODER = load_coder(settings)


def _code_in_worker(doc: Document) -> Outcome:
    assert _WORKER_CODER is not None, "worker initializer did not run"
    return code_one(_WORKER_CODER, doc)


def run_in_pool(
    items: Iterable[Document | Reject], settings: Settings, workers: int
) -> Iterator[Outcome]:
    """Code documents in ``workers`` processes, keeping at most a bounded window in flight
    so memory stays flat on corpora of any size."""
    window = max(4, workers * 8)
    context = multiprocessing.get_context("spawn")
    pending: deque[tuple[Document, Future[Outcome]] | Reject] = deque()
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        for item in items:
            if isinstance(item, Reject):
                pending.append(item)
            else:
                pending.append((item, pool.submit(_code_in_worker, item)))
            while len(pending) >= window:
                yield _resolve(pending.popleft())
        while pending:
            yield _resolve(pending.popleft())


def _resolve(entry: tuple[Document, Future[Outcome]] | Reject) -> Outcome:
    if isinstance(entry, Reject):
        return entry
    doc, future = entry
    try:
        return future.result()
    except Exception as exc:  # a dead worker fails its document, not the run
        return _failure(doc, exc)


def run(
    items: Iterable[Document | Reject],
    settings: Settings,
    coder: DocumentCoder | None = None,
) -> Iterator[Outcome]:
    """Code ``items`` with ``settings.workers`` processes (1 = in this process)."""
    if settings.workers > 1:
        yield from run_in_pool(items, settings, settings.workers)
        return
    if coder is None:
        coder = load_coder(settings)
    yield from run_in_process(items, coder, settings.batch_size)
