"""Run the per-document coding function in-process or in a local process pool.

Both runners yield results in input order and never stop on a bad document: a document whose
coding raises becomes a :class:`Reject` with code ``coding_failed``, one that runs over
``settings.document_timeout`` a ``coding_timeout`` reject, and the run goes on.

Documents are coded in batches of ``settings.batch_size``: a coder that can parse many
documents at once (``parse_many`` + ``code_parsed``, as :class:`~dyadwatch.coding.coder.Coder`)
gets the sentences of the whole batch in one ``nlp.pipe``. The process pool is sent whole
batches, smaller ones (at most ``POOL_BATCH`` documents) so that the last batches do not
leave one worker busy while the others wait; a document's events do not depend on the batch it
was parsed in, so the output does not depend on ``workers``. The workers are forked from this
process with the coder loaded, or spawned to load their own (setting ``worker_start``,
:mod:`dyadwatch.engine.worker_start`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from dyadwatch import registry
from dyadwatch.engine.budget import CodingTimeout, time_budget
from dyadwatch.engine.worker_start import prepared_for_fork, reset_signals_in_child, start_method
from dyadwatch.errors import RejectCode
from dyadwatch.model import Document, Event, Reject
from dyadwatch.settings import Settings

# documents per batch sent to a worker: big enough for nlp.pipe to batch sentences, small
# enough that the workers finish together (measured on Wikinews: 32 left one core idle ~15%)
POOL_BATCH = 8
# batches in flight per worker: keeps each worker fed while the parent merges results
POOL_WINDOW_PER_WORKER = 3

# a document this long is parsed alone, under its own time budget, never in a batch
LONG_DOCUMENT_CHARS = 100_000


class DocumentCoder(Protocol):
    """What the engine needs of a coder (``dyadwatch.coding.coder.Coder`` satisfies it)."""

    def code(self, doc: Document) -> list[Event]: ...


@dataclass(frozen=True, slots=True)
class DocumentResult:
    document: Document
    events: list[Event]
    dropped: list[Event] = field(default_factory=list)  # events a verifier model dropped


Outcome = DocumentResult | Reject
Item = Document | Reject


def _origin(doc: Document) -> str:
    origin = doc.origin or doc.id
    return f"{origin} [{doc.id}]" if origin != doc.id else origin


def _failure(doc: Document, exc: BaseException) -> Reject:
    if isinstance(exc, CodingTimeout):
        return Reject(origin=_origin(doc), code=RejectCode.CODING_TIMEOUT, reason=str(exc))
    return Reject(
        origin=_origin(doc),
        code=RejectCode.CODING_FAILED,
        reason=f"coding failed: {type(exc).__name__}: {exc}",
    )


def code_one(coder: DocumentCoder, doc: Document, budget: float = 0) -> Outcome:
    """Code one document; an exception or an exhausted budget becomes a recorded reject."""
    try:
        verified = getattr(coder, "code_verified", None)  # a coder behind a verifier model
        with time_budget(budget):
            if verified is not None:
                events, dropped = verified(doc)
                return DocumentResult(doc, events, dropped)
            return DocumentResult(doc, coder.code(doc))
    except (Exception, CodingTimeout) as exc:  # any coder failure is recorded per document
        return _failure(doc, exc)


def code_batch(coder: DocumentCoder, docs: Sequence[Document], budget: float = 0) -> list[Outcome]:
    """Code a batch, parsing its documents together when the coder can; each document keeps
    its own budget for its coding (and a batch parse that fails or overruns is redone one
    document at a time, so one bad text cannot sink its batch)."""
    parse_many: Any = getattr(coder, "parse_many", None)
    code_parsed: Any = getattr(coder, "code_parsed", None)
    verified = getattr(coder, "code_verified", None)  # a verifier judges whole documents
    if parse_many is None or code_parsed is None or verified is not None or len(docs) < 2:
        return [code_one(coder, doc, budget) for doc in docs]
    together = [i for i, doc in enumerate(docs) if len(doc.text) <= LONG_DOCUMENT_CHARS]
    parsed: dict[int, Any] = {}
    try:
        with time_budget(budget * len(together)):
            parsed = dict(zip(together, parse_many([docs[i] for i in together]), strict=True))
    except (Exception, CodingTimeout):
        parsed = {}
    out: list[Outcome] = []
    for i, doc in enumerate(docs):
        if i not in parsed:
            out.append(code_one(coder, doc, budget))
            continue
        try:
            with time_budget(budget):
                out.append(DocumentResult(doc, code_parsed(doc, parsed.pop(i))))
        except (Exception, CodingTimeout) as exc:
            out.append(_failure(doc, exc))
    return out


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive runs of ``items`` holding ``size`` documents each (rejects ride along)."""
    segment: list[Item] = []
    count = 0
    for item in items:
        segment.append(item)
        if isinstance(item, Document):
            count += 1
            if count >= size:
                yield segment
                segment, count = [], 0
    if segment:
        yield segment


def documents_of(segment: Sequence[Item]) -> list[Document]:
    return [item for item in segment if isinstance(item, Document)]


def merge(segment: Sequence[Item], outcomes: Sequence[Outcome]) -> Iterator[Outcome]:
    """A segment's items in order, each document replaced by its outcome."""
    coded = iter(outcomes)
    for item in segment:
        yield item if isinstance(item, Reject) else next(coded)


def run_in_process(
    items: Iterable[Item], coder: DocumentCoder, batch_size: int = 1, budget: float = 0
) -> Iterator[Outcome]:
    # a coder that cannot parse many documents at once gains nothing from batches: stream
    # its documents one by one, so each result is written as soon as it is known
    batching = (
        hasattr(coder, "parse_many")
        and hasattr(coder, "code_parsed")
        and not hasattr(coder, "code_verified")
    )
    for segment in batches(items, batch_size if batching else 1):
        yield from merge(segment, code_batch(coder, documents_of(segment), budget))


def load_coder(settings: Settings) -> DocumentCoder:
    """The coder ``settings.coder`` names in :data:`dyadwatch.registry.coders`, built anew."""
    from dyadwatch.nlp.pipeline import import_spacy
    from dyadwatch.verifier import with_verifier

    import_spacy(settings)  # without torch when nothing needs it (a faster start)
    coder: DocumentCoder = registry.coders.get(settings.coder)(settings)
    freeze_loaded()
    return with_verifier(coder, settings)


def freeze_loaded() -> None:
    """Move every object alive now (the loaded model and dictionaries: millions of objects
    kept for the whole process) out of the garbage collector's sight, so its full collections
    while coding stop walking them again and again (``gc.freeze``; it also keeps forked
    workers' copies of them shared). Output is unaffected; the objects are never freed."""
    gc.freeze()


# Each worker process holds one coder (inherited from the parent when forked, loaded when
# spawned); batches of documents are sent to it.
_WORKER: tuple[DocumentCoder, float] | None = None


def _exit_with_parent() -> None:
    """Exit this worker as soon as the process that started it is gone.

    A parent killed with SIGKILL cannot shut its pool down; without this its workers would
    live on, holding the parent's stdout and stderr open (a caller waiting for EOF hangs)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # returns when the parent's sentinel closes, i.e. when it dies
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _init_worker(settings: Settings, forked_coder: DocumentCoder | None = None) -> None:
    """``forked_coder`` is the parent's loaded coder, reaching a forked worker through its
    memory (never pickled); a spawned worker gets None and loads its own."""
    global _WORKER
    if forked_coder is not None:
        reset_signals_in_child()
    _exit_with_parent()
    coder = forked_coder if forked_coder is not None else load_coder(settings)
    _WORKER = (coder, float(settings.document_timeout))


def _code_in_worker(docs: list[Document]) -> list[Outcome]:
    assert _WORKER is not None, "worker initializer did not run"
    coder, budget = _WORKER
    return code_batch(coder, docs, budget)


def pool_start(
    settings: Settings, coder: DocumentCoder | None = None
) -> tuple[str, DocumentCoder | None]:
    """How to start the pool's workers, and the coder a forked worker inherits: ``coder``
    (one built from these same settings) or one loaded here; None when spawning."""
    verifier = settings.verifier is not None
    if start_method(settings.worker_start, verifier=verifier) == "spawn":
        return "spawn", None
    loaded = coder if coder is not None else load_coder(settings)
    # loading can import torch (a model that needs it): then spawn after all
    if start_method(settings.worker_start, verifier=verifier) == "spawn":
        return "spawn", None
    return "fork", loaded


def run_in_pool(
    items: Iterable[Item],
    settings: Settings,
    workers: int,
    coder: DocumentCoder | None = None,
) -> Iterator[Outcome]:
    """Code batches in ``workers`` processes, keeping a bounded window of batches in flight
    so memory stays flat on corpora of any size. ``coder``, when given, must be built from
    ``settings``: forked workers share it instead of loading their own."""
    window = workers * POOL_WINDOW_PER_WORKER
    method, forked_coder = pool_start(settings, coder)
    context = multiprocessing.get_context(method)
    pending: deque[tuple[list[Item], Future[list[Outcome]] | None]] = deque()
    with (
        prepared_for_fork(method == "fork"),
        ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(settings, forked_coder),
        ) as pool,
    ):
        for segment in batches(items, min(settings.batch_size, POOL_BATCH)):
            docs = documents_of(segment)
            pending.append((segment, pool.submit(_code_in_worker, docs) if docs else None))
            while len(pending) >= window:
                yield from _resolve(*pending.popleft())
        while pending:
            yield from _resolve(*pending.popleft())


def _resolve(segment: list[Item], future: Future[list[Outcome]] | None) -> Iterator[Outcome]:
    docs = documents_of(segment)
    try:
        outcomes = future.result() if future is not None else []
    except Exception as exc:  # a dead worker fails its batch, not the run
        outcomes = [_failure(doc, exc) for doc in docs]
    yield from merge(segment, outcomes)
