"""``ingest`` and ``recode``: read, decide, code and write documents, then cluster and alert.

This is the orchestration above the store: it drives readers (:mod:`dyadwatch.ingest`), the
coding engine (:mod:`dyadwatch.engine`) and the store's writer, so :mod:`dyadwatch.store` stays
a database layer that is testable on its own.

Order of work in one run:

1. every input document is decided in input order (:class:`~.classify.Classifier`): unchanged
   (skipped, not re-coded), a duplicate (linked, not coded) or to be coded;
2. documents to code go through the coding engine (in-process or a process pool); results come
   back in input order and are written in that order, ``batch_size`` documents per transaction;
3. stored documents left ``pending`` (they duplicated a document whose text has since changed)
   are decided again;
4. event clusters are recomputed for the blocks this run touched;
5. the ``watch`` hook, when given (the CLI and web pass
   :func:`dyadwatch.analytics.watches.check_watches`), turns the new events into alerts.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from typing import Any, BinaryIO, Protocol

from dyadwatch.api import get_coder
from dyadwatch.engine.local import DocumentResult
from dyadwatch.engine.local import run as run_engine
from dyadwatch.ingest import read_inputs
from dyadwatch.model import Document, Event, Reject
from dyadwatch.settings import Settings, load_settings
from dyadwatch.store.classify import Classifier, Planned
from dyadwatch.store.clusters import recluster
from dyadwatch.store.rows import row_to_document
from dyadwatch.store.store import Store
from dyadwatch.store.writer import BatchWriter

EXIT_OK = 0
EXIT_REJECTED = 3
_CHUNK = 256

WatchHook = Callable[[Store, list[str]], Iterable[Any]]
"""Called after an ingest with the store and the ids of the new events; returns the alerts to
store (objects ``Store.add_alerts`` accepts)."""


class CoderLike(Protocol):
    """What the store needs of a coder (``dyadwatch.coding.coder.Coder`` satisfies it)."""

    @property
    def version(self) -> str: ...

    def code(self, doc: Document) -> list[Event]: ...


@dataclass(slots=True)
class IngestReport:
    """What one ``ingest`` or ``recode`` run did."""

    run_id: str
    command: str
    read: int = 0  # documents accepted by the reader
    new: int = 0  # not stored before
    changed: int = 0  # stored with another content: replaced
    unchanged: int = 0  # stored with the same content: skipped, not re-coded
    redecided: int = 0  # stored documents decided again (pending, or re-coded)
    duplicates_exact: int = 0
    duplicates_near: int = 0
    coded: int = 0
    failed: int = 0  # the coder raised on the document (a reject is recorded)
    events: int = 0
    clusters: int = 0  # clusters (re)computed
    alerts: int = 0
    rejects: list[Reject] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        """0 when everything was accepted, 3 when any input or document was rejected."""
        return EXIT_REJECTED if self.rejects else EXIT_OK

    def counts(self) -> dict[str, int]:
        names = (
            *("read", "new", "changed", "unchanged", "redecided"),
            *("duplicates_exact", "duplicates_near", "coded", "failed"),
            *("events", "clusters", "alerts"),
        )
        out = {name: int(getattr(self, name)) for name in names}
        out["rejects"] = len(self.rejects)
        return out


class _Pipeline:
    """Feeds decided documents to the engine and writes results in decision order."""

    def __init__(
        self, store: Store, coder: CoderLike, settings: Settings, report: IngestReport, batch: int
    ) -> None:
        self.con = store.con
        self.coder = coder
        self.settings = settings
        self.report = report
        self.classifier = Classifier(store.con)
        self.writer = BatchWriter(store.con, report.run_id, coder.version, batch)
        self.plan: deque[Planned] = deque()
        self.in_flight = 0
        self.keep_rows = False

    def run(self, planned: Iterable[Planned | Reject], *, keep_rows: bool = False) -> None:
        self.keep_rows = keep_rows
        for document, events, failure in self._coded(self._feed(planned)):
            self._write_uncoded()
            entry = self.plan.popleft()
            self.in_flight -= 1
            if document is not None and document.id != entry.doc.id:
                raise RuntimeError("the coder returned results out of order")
            if failure is None:
                self.report.coded += 1
                self.writer.add(entry, events, keep_row=keep_rows)
            else:
                self.report.failed += 1
                self.report.rejects.append(failure)
                self.writer.add(entry, failure=failure, keep_row=keep_rows)
        self._write_uncoded()
        self.writer.flush()
        self.report.events = self.writer.written_events

    def _coded(
        self, docs: Iterator[Document]
    ) -> Iterator[tuple[Document | None, list[Event], Reject | None]]:
        """(document, events, failure) per document, in order, from the coding engine (in this
        process, or a pool of ``settings.workers``). A failure carries no document: it is the
        next one in the plan."""
        for outcome in run_engine(docs, self.settings, self.coder):
            if isinstance(outcome, DocumentResult):
                yield outcome.document, outcome.events, None
            else:
                yield None, [], outcome

    def _feed(self, planned: Iterable[Planned | Reject]) -> Iterator[Document]:
        for item in planned:
            if isinstance(item, Reject):
                self.report.rejects.append(item)
                self.writer.add_reject(item)
                continue
            self.plan.append(item)
            if item.needs_coding:
                self.in_flight += 1
                yield item.doc
            elif self.in_flight == 0:
                self._write_uncoded()  # nothing ahead of it: write now, keep the plan short

    def _write_uncoded(self) -> None:
        while self.plan and not self.plan[0].needs_coding:
            entry = self.plan.popleft()
            if entry.duplicate_kind == "exact":
                self.report.duplicates_exact += 1
            else:
                self.report.duplicates_near += 1
            self.writer.add(entry, keep_row=self.keep_rows)

    def decided(
        self, items: Iterable[Document | Reject], *, force: bool = False
    ) -> Iterator[Planned | Reject]:
        """Input documents decided in chunks (one database lookup per chunk)."""
        chunk: list[Document] = []
        for item in items:
            if isinstance(item, Reject):
                yield item
                continue
            if not force:
                self.report.read += 1
            chunk.append(item)
            if len(chunk) >= _CHUNK:
                yield from self._decide(chunk, force)
                chunk = []
        if chunk:
            yield from self._decide(chunk, force)

    def _decide(self, docs: list[Document], force: bool) -> Iterator[Planned]:
        for planned in self.classifier.classify(docs, force=force):
            if planned is None:
                self.report.unchanged += 1
                continue
            if force:
                self.report.redecided += 1
            elif planned.content_changed:
                self.report.changed += 1
            elif not planned.existed:
                self.report.new += 1
            yield planned

    def pending_documents(self) -> Iterator[Document]:
        ids = [
            r[0]
            for r in self.con.execute(
                "SELECT id FROM documents WHERE status = 'pending' ORDER BY id"
            ).fetchall()
        ]
        yield from _documents_by_id(self.con, ids)


def _documents_by_id(con: Any, ids: Sequence[str]) -> Iterator[Document]:
    for start in range(0, len(ids), _CHUNK):
        part = list(ids[start : start + _CHUNK])
        cursor = con.execute(
            "SELECT * FROM documents WHERE id IN (SELECT unnest(?)) ORDER BY id", [part]
        )
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            yield row_to_document(dict(zip(names, values, strict=True)))


def ingest_documents(
    store: Store,
    items: Iterable[Document | Reject],
    *,
    coder: CoderLike | None = None,
    settings: Settings | None = None,
    batch_size: int | None = None,
    inputs: Sequence[str] = (),
    watch: WatchHook | None = None,
) -> IngestReport:
    """Store and code ``items`` (documents and reader rejects), idempotently.

    The same documents again change nothing; a document whose content changed replaces its old
    version and events; duplicates are linked, not coded. Returns what the run did; its
    ``exit_status`` is 3 when anything was rejected. ``batch_size`` (default
    ``settings.batch_size``) is the number of documents per write transaction; ``watch`` turns
    the new events into alerts.
    """
    settings = settings or load_settings()
    batch = batch_size or settings.batch_size
    coder = coder or _default_coder(settings)
    report = IngestReport(run_id=_start_run(store, "ingest", coder, inputs), command="ingest")
    with _run_bookkeeping(store, report):
        pipeline = _Pipeline(store, coder, settings, report, batch)
        pipeline.run(pipeline.decided(items))
        pipeline.run(pipeline.decided(pipeline.pending_documents(), force=True))
        report.events = pipeline.writer.written_events
        report.clusters = recluster(store.con)
        if watch is not None:
            report.alerts = _check_watches(watch, store, pipeline.writer.new_event_ids, report)
    return report


def ingest(
    store: Store,
    inputs: Sequence[str],
    *,
    default_date: dt.date | None = None,
    stdin: BinaryIO | None = None,
    coder: CoderLike | None = None,
    settings: Settings | None = None,
    batch_size: int | None = None,
    watch: WatchHook | None = None,
) -> IngestReport:
    """Read ``inputs`` (files, directories, JSONL, ``-``) and ingest every document."""
    settings = settings or load_settings()
    items = read_inputs(
        list(inputs), default_date=default_date, stdin=stdin, max_bytes=settings.max_input_bytes
    )
    return ingest_documents(
        store,
        items,
        coder=coder,
        settings=settings,
        batch_size=batch_size,
        inputs=inputs,
        watch=watch,
    )


def recode(
    store: Store,
    *,
    coder: CoderLike | None = None,
    settings: Settings | None = None,
    batch_size: int | None = None,
) -> IngestReport:
    """Re-code every stored original with the current coder, replacing its events.

    Duplicate links are kept (they do not depend on the dictionaries). Alerts are not checked:
    a re-code relabels old news rather than bringing new events.
    """
    settings = settings or load_settings()
    coder = coder or _default_coder(settings)
    report = IngestReport(run_id=_start_run(store, "recode", coder, ()), command="recode")
    with _run_bookkeeping(store, report):
        pipeline = _Pipeline(store, coder, settings, report, batch_size or settings.batch_size)
        ids = [
            r[0]
            for r in store.con.execute(
                "SELECT id FROM documents WHERE status IN ('coded', 'failed') ORDER BY id"
            ).fetchall()
        ]
        pipeline.run(_recode_plan(store, ids, report), keep_rows=True)
        pipeline.run(pipeline.decided(pipeline.pending_documents(), force=True))
        report.events = pipeline.writer.written_events
        report.clusters = recluster(store.con)
    return report


def _recode_plan(store: Store, ids: Sequence[str], report: IngestReport) -> Iterator[Planned]:
    hashes: dict[str, tuple[str, str]] = {
        row[0]: (row[1], row[2])
        for row in store.con.execute(
            "SELECT id, record_hash, content_hash FROM documents "
            "WHERE status IN ('coded', 'failed')"
        ).fetchall()
    }
    for doc in _documents_by_id(store.con, ids):
        record, content = hashes[doc.id]
        report.redecided += 1
        yield Planned(doc, record, content, None, existed=True, content_changed=False)


def _default_coder(settings: Settings) -> CoderLike:
    coder: CoderLike = get_coder(settings)
    return coder


def _dyadwatch_version() -> str | None:
    try:
        return package_version("dyadwatch")
    except PackageNotFoundError:
        return None


def _start_run(store: Store, command: str, coder: CoderLike, inputs: Sequence[str]) -> str:
    now = dt.datetime.now(dt.UTC)
    run_id = f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    store.con.execute(
        "INSERT INTO runs VALUES (?, ?, ?, NULL, 'running', ?, ?, ?, ?, NULL)",
        [
            run_id,
            command,
            now,
            coder.version,
            getattr(coder, "dictionary_version", None),
            _dyadwatch_version(),
            json.dumps(list(inputs)),
        ],
    )
    return run_id


@contextmanager
def _run_bookkeeping(store: Store, report: IngestReport) -> Iterator[None]:
    """Record how the run ended: ok, rejected (some input refused) or failed (an exception)."""
    status = "failed"
    try:
        yield
        status = "rejected" if report.rejects else "ok"
    finally:
        try:
            store.con.execute(
                "UPDATE runs SET finished = ?, status = ?, counts = ? WHERE run_id = ?",
                [dt.datetime.now(dt.UTC), status, json.dumps(report.counts()), report.run_id],
            )
        except Exception:
            if status != "failed":
                raise  # otherwise keep the original error


def _check_watches(
    watch: WatchHook, store: Store, event_ids: list[str], report: IngestReport
) -> int:
    """Run the watch hook on the new events and store the alerts it raises."""
    try:
        alerts = list(watch(store, list(event_ids)))
    except Exception as exc:  # a broken watch must not undo the ingest
        report.warnings.append(f"watches not checked: {type(exc).__name__}: {exc}")
        return 0
    return store.add_alerts(alerts, run_id=report.run_id)
