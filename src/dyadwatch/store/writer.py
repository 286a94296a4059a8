"""Writing decided documents and their events, a batch per transaction.

A batch holds whole documents: the document row, its MinHash signature, its events, the
clusters it invalidates and any reject all commit together or not at all. Killing the process
therefore loses at most the open batch, which the next run redoes from the same state.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from dyadwatch.errors import StoreError
from dyadwatch.model import Document, Event, Reject
from dyadwatch.store import coverage, dedup
from dyadwatch.store.classify import Planned
from dyadwatch.store.clusters import invalidate_documents
from dyadwatch.store.page_parts import PageParts
from dyadwatch.store.rows import event_to_row

# Crash testing: with DYADWATCH_KILL_AFTER_COMMITS=N the process SIGKILLs itself right after
# its Nth committed batch, so the crash tests stop at a known point instead of on a timer.
KILL_AFTER_COMMITS = "DYADWATCH_KILL_AFTER_COMMITS"

_DOCUMENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("parent_id", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("pub_date", pa.date32()),
        ("truncated", pa.bool_()),
        ("content_hash", pa.string()),
        ("text", pa.string()),
        ("metadata", pa.string()),
        ("duplicate_of", pa.string()),
        ("ingested_at", pa.timestamp("us", tz="UTC")),
        ("run_id", pa.string()),
        ("origin", pa.string()),
        ("record_hash", pa.string()),
        ("status", pa.string()),
        ("duplicate_kind", pa.string()),
        ("similarity", pa.float64()),
        ("coder_version", pa.string()),
        ("n_events", pa.int32()),
    ]
)

_EVENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("doc_id", pa.string()),
        ("sentence_index", pa.int32()),
        ("evidence_text", pa.string()),
        ("evidence_start", pa.int32()),
        ("evidence_end", pa.int32()),
        ("spans", pa.string()),
        ("source_code", pa.string()),
        ("source_name", pa.string()),
        ("source_country", pa.string()),
        ("source_sector", pa.string()),
        ("target_code", pa.string()),
        ("target_name", pa.string()),
        ("target_country", pa.string()),
        ("target_sector", pa.string()),
        ("code", pa.string()),
        ("root_code", pa.string()),
        ("quad_class", pa.int32()),
        ("goldstein", pa.float64()),
        ("plover_type", pa.string()),
        ("plover_mode", pa.string()),
        ("modality", pa.string()),
        ("attributed_to", pa.string()),
        ("event_date", pa.string()),
        ("date_precision", pa.string()),
        ("date_source", pa.string()),
        ("date_end", pa.string()),
        ("day", pa.date32()),
        ("location_name", pa.string()),
        ("location_id", pa.string()),
        ("location_country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("location_feature", pa.string()),
        ("rule", pa.string()),
        ("cluster_id", pa.string()),
        ("run_id", pa.string()),
        ("day_end", pa.date32()),
        ("source_person", pa.string()),
        ("target_person", pa.string()),
        ("confidence", pa.float64()),
    ]
)


@dataclass(slots=True)
class _Entry:
    planned: Planned
    events: list[Event]
    failure: Reject | None
    keep_row: bool  # re-code: update the stored row in place instead of replacing it


@dataclass(slots=True)
class BatchWriter:
    """Collects decided documents and writes them in order, ``batch_size`` per transaction."""

    con: duckdb.DuckDBPyConnection
    run_id: str
    coder_version: str
    batch_size: int = 64
    entries: list[_Entry] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    reject_doc_ids: list[str | None] = field(default_factory=list)
    new_event_ids: list[str] = field(default_factory=list)
    written_events: int = 0
    commits: int = 0
    kill_after: int | None = field(
        default_factory=lambda: (
            int(os.environ[KILL_AFTER_COMMITS]) if os.environ.get(KILL_AFTER_COMMITS) else None
        )
    )
    # what committed batches held, by report count (new, coded, duplicates_exact, rejects ...)
    committed: Counter[str] = field(default_factory=Counter)
    pages: PageParts | None = None  # the pages this run read (see remove_stale_parts)

    def add(
        self,
        planned: Planned,
        events: Sequence[Event] = (),
        failure: Reject | None = None,
        *,
        keep_row: bool = False,
    ) -> None:
        if any(e.planned.doc.id == planned.doc.id for e in self.entries):
            self.flush()  # the same id twice in one batch: keep the write order
        checked = _unique_events(planned, events)
        self.entries.append(_Entry(planned, checked, failure, keep_row))
        if failure is not None:
            self.add_reject(failure, planned.doc.id)
        if len(self.entries) >= self.batch_size:
            self.flush()

    def add_reject(self, reject: Reject, doc_id: str | None = None) -> None:
        self.rejects.append(reject)
        self.reject_doc_ids.append(doc_id)

    def flush(self) -> None:
        """Write everything collected in one transaction (see :data:`KILL_AFTER_COMMITS`)."""
        if not self.entries and not self.rejects:
            return
        entries, rejects, reject_ids = self.entries, self.rejects, self.reject_doc_ids
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            old_keys = coverage.keys_of(
                con, [e.planned.doc.id for e in entries if e.planned.existed]
            )
            self._replace_old_versions(entries)
            self._insert(entries)
            new_keys = {
                (e.planned.doc.date, e.planned.doc.source or coverage.UNKNOWN_SOURCE)
                for e in entries
                if e.planned.doc.date is not None
            }
            coverage.refresh(con, old_keys | new_keys)
            if rejects:
                con.executemany(
                    "INSERT INTO rejects VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (r.origin, str(r.code), r.reason, r.time, self.run_id, doc_id)
                        for r, doc_id in zip(rejects, reject_ids, strict=True)
                    ],
                )
            con.execute("COMMIT")
        except BaseException:
            rollback(con)
            raise
        self.commits += 1
        if self.kill_after is not None and self.commits >= self.kill_after:
            os.kill(os.getpid(), signal.SIGKILL)
        self.entries, self.rejects, self.reject_doc_ids = [], [], []
        for entry in entries:
            self.new_event_ids.extend(e.id for e in entry.events)
            self.written_events += len(entry.events)
            self.committed.update(_tallies(entry))
        self.committed["rejects"] += len(rejects)

    def note_read(self, doc: Document) -> None:
        """Remember that this run read ``doc``, a page or a part of one (see :mod:`.page_parts`)."""
        if self.pages is None:
            self.pages = PageParts(self.con)
        self.pages.note(doc)

    def remove_stale_parts(self) -> int:
        """Flush, then delete the stored parts of the pages read in this run that the run no
        longer produced (a page re-read with another split). Returns how many went."""
        self.flush()
        stale = self.pages.stale() if self.pages is not None else []
        if stale:
            self._delete_documents(stale)
        return len(stale)

    def _delete_documents(self, doc_ids: list[str]) -> None:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            invalidate_documents(con, doc_ids)
            con.execute("DELETE FROM events WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
            con.execute("DELETE FROM doc_minhash WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
            con.execute("DELETE FROM documents WHERE id IN (SELECT unnest(?))", [doc_ids])
            # copies of a removed part are decided again (see Classifier)
            con.execute(
                "UPDATE documents SET duplicate_of = NULL, duplicate_kind = NULL, "
                "similarity = NULL, status = 'pending' "
                "WHERE duplicate_of IN (SELECT unnest(?))",
                [doc_ids],
            )
            con.execute("COMMIT")
        except BaseException:
            rollback(con)
            raise

    def _replace_old_versions(self, entries: list[_Entry]) -> None:
        con = self.con
        touched = [e.planned.doc.id for e in entries if e.planned.existed]
        touched += [e.planned.duplicate_of for e in entries if e.planned.duplicate_of]
        invalidate_documents(con, sorted(set(touched)))
        existed = [e.planned.doc.id for e in entries if e.planned.existed]
        if existed:
            con.execute("DELETE FROM events WHERE doc_id IN (SELECT unnest(?))", [existed])
            replaced = [e.planned.doc.id for e in entries if e.planned.existed and not e.keep_row]
            con.execute("DELETE FROM documents WHERE id IN (SELECT unnest(?))", [replaced])
            con.execute("DELETE FROM doc_minhash WHERE doc_id IN (SELECT unnest(?))", [replaced])
        changed = [e.planned.doc.id for e in entries if e.planned.content_changed]
        if changed:
            # documents that repeated the old text must be decided again (see Classifier)
            con.execute(
                "UPDATE documents SET duplicate_of = NULL, duplicate_kind = NULL, "
                "similarity = NULL, status = 'pending' "
                "WHERE duplicate_of IN (SELECT unnest(?))",
                [changed],
            )

    def _insert(self, entries: list[_Entry]) -> None:
        con = self.con
        now = dt.datetime.now(dt.UTC)
        new_rows = [_document_row(e, self.run_id, self.coder_version, now) for e in entries]
        fresh = [row for row, e in zip(new_rows, entries, strict=True) if not e.keep_row]
        for row, entry in zip(new_rows, entries, strict=True):
            if entry.keep_row:
                con.execute(
                    "UPDATE documents SET status = ?, coder_version = ?, n_events = ? WHERE id = ?",
                    [row["status"], row["coder_version"], row["n_events"], row["id"]],
                )
        if fresh:
            _insert_arrow(con, "documents", pa.Table.from_pylist(fresh, schema=_DOCUMENT_SCHEMA))
        signatures = [
            (
                e.planned.doc.id,
                dedup.PARAMS,
                dedup.signature_bytes(e.planned.signature) if e.planned.signature else None,
            )
            for e in entries
            if not e.keep_row
        ]
        if signatures:
            con.executemany("INSERT INTO doc_minhash VALUES (?, ?, ?)", signatures)
        event_rows = [event_to_row(ev, run_id=self.run_id) for e in entries for ev in e.events]
        if event_rows:
            try:
                table = pa.Table.from_pylist(event_rows, schema=_EVENT_SCHEMA)
                _insert_arrow(con, "events", table)
            except duckdb.ConstraintException as exc:
                raise StoreError(
                    f"an event id is already stored for another document: {exc}"
                ) from exc


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction, if any. A COMMIT that fails (a full disk) has already
    ended the transaction; a second error from ROLLBACK would hide the first one."""
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")


def _tallies(entry: _Entry) -> dict[str, int]:
    planned = entry.planned
    if planned.duplicate_of is not None:
        outcome = f"duplicates_{planned.duplicate_kind or 'exact'}"
    else:
        outcome = "failed" if entry.failure is not None else "coded"
    origin = "changed" if planned.content_changed else "new" if not planned.existed else ""
    return {outcome: 1, origin: 1} if origin else {outcome: 1}


def _insert_arrow(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> None:
    con.register("_batch", data)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
    finally:
        con.unregister("_batch")


def _unique_events(planned: Planned, events: Sequence[Event]) -> list[Event]:
    """The events of one document, each id once; events must belong to that document."""
    seen: set[str] = set()
    out: list[Event] = []
    for event in events:
        if event.doc_id != planned.doc.id:
            raise StoreError(
                f"coder returned an event of document {event.doc_id!r} "
                f"for document {planned.doc.id!r}"
            )
        if event.id not in seen:
            seen.add(event.id)
            out.append(event)
    return out


def _document_row(
    entry: _Entry, run_id: str, coder_version: str, now: dt.datetime
) -> dict[str, object]:
    planned, doc = entry.planned, entry.planned.doc
    if planned.duplicate_of is not None:
        status = "duplicate"
    elif entry.failure is not None:
        status = "failed"
    else:
        status = "coded"
    return {
        "id": doc.id,
        "parent_id": doc.parent_id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "pub_date": doc.date,
        "truncated": doc.truncated,
        "content_hash": planned.content_hash,
        "text": doc.text,
        "metadata": json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True),
        "duplicate_of": planned.duplicate_of,
        "ingested_at": now,
        "run_id": run_id,
        "origin": doc.origin,
        "record_hash": planned.record_hash,
        "status": status,
        "duplicate_kind": planned.duplicate_kind,
        "similarity": planned.similarity,
        "coder_version": coder_version if status == "coded" else None,
        "n_events": len(entry.events),
    }
