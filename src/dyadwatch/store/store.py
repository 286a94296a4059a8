"""The store: one DuckDB file, opened with :func:`open`, queried like a notebook user expects.

>>> import dyadwatch.store as ds
>>> with ds.open("events.duckdb") as store:              # doctest: +SKIP
...     clashes = store.events(dyad=("CHN", "JPN"), root="19", since="2024-01-01")
...     store.sql("SELECT root_code, count(*) FROM events GROUP BY 1")

Every query is parameterised; user values never become SQL text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from dyadwatch.errors import DatabaseBusy, StoreError
from dyadwatch.model import Document, Event
from dyadwatch.store.clusters import recluster
from dyadwatch.store.export import ExportResult, export
from dyadwatch.store.query import EventQuery, Where
from dyadwatch.store.rows import EVENT_COLUMNS, JSON_EVENT_COLUMNS, row_to_document, row_to_event
from dyadwatch.store.schema import LATEST_VERSION, current_version, migrate

if TYPE_CHECKING:
    import polars as pl


_EVENT_SELECT = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
_DOCUMENT_META = (
    "id, parent_id, source, url, title, pub_date, truncated, content_hash, metadata, "
    "duplicate_of, duplicate_kind, similarity, status, coder_version, n_events, origin, "
    "record_hash, ingested_at, run_id"
)
_CLUSTER_SELECT = (
    "c.cluster_id, c.representative_event_id, c.source_code, c.target_code, c.root_code, "
    "e.code, e.plover_type, c.first_date, c.last_date, c.n_events, c.n_mentions, c.n_sources, "
    "c.n_articles, e.event_date, e.location_name, e.location_id, e.evidence_text, e.doc_id"
)


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """One stored document with what the store knows about it."""

    document: Document
    status: str  # coded | duplicate | failed | pending
    events: list[Event]  # every modality, in text order
    duplicate_of: str | None
    duplicate_kind: str | None
    similarity: float | None
    duplicates: list[str]  # documents recognised as copies of this one
    content_hash: str
    coder_version: str | None
    ingested_at: dt.datetime
    run_id: str

    @property
    def text(self) -> str:
        return self.document.text


class Store:
    """A dyadwatch database. Use :func:`open`; close it (or use ``with``) when done."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<dyadwatch Store {self.path!r}{' read-only' if self.read_only else ''}>"

    # -- events ------------------------------------------------------------------------------

    def events(self, *, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Events as a pandas DataFrame with the contract columns (``EVENT_COLUMNS``).

        Filters (all optional, see :class:`~dyadwatch.store.query.EventQuery`): ``actor``,
        ``source``, ``target``, ``dyad=("CHN", "JPN")`` (either direction unless
        ``directed=True``), ``code``, ``root``, ``quad_class``, ``modality`` (default
        ``"asserted"``; ``"all"`` for every modality), ``since``/``until``, ``place``,
        ``text`` (in the evidence), ``doc_id``, ``cluster_id``. ``spans`` and ``rule`` are
        dicts; ``day`` and ``day_end`` are datetimes (NaT when undated).
        """
        sql, params = self._events_sql(EventQuery(**filters), limit)
        frame = self.con.execute(sql, params).df()
        for column in JSON_EVENT_COLUMNS:
            frame[column] = frame[column].map(lambda v: json.loads(v) if v is not None else None)
        return frame

    def events_pl(self, *, limit: int | None = None, **filters: Any) -> pl.DataFrame:
        """As :meth:`events`, as a polars DataFrame (``spans`` and ``rule`` stay JSON text)."""
        sql, params = self._events_sql(EventQuery(**filters), limit)
        frame: pl.DataFrame = self.con.sql(sql, params=params).pl()
        return frame

    def iter_events(self, **filters: Any) -> Iterator[Event]:
        """Events as :class:`~dyadwatch.model.Event` records, in the order of :meth:`events`."""
        sql, params = self._events_sql(EventQuery(**filters), None)
        cursor = self.con.cursor()
        try:
            result = cursor.execute(sql, params)
            names = [d[0] for d in result.description]
            while batch := result.fetchmany(1000):
                for values in batch:
                    yield row_to_event(dict(zip(names, values, strict=True)))
        finally:
            cursor.close()

    def event(self, event_id: str) -> Event:
        """One event by id (any modality); KeyError when there is none."""
        sql = f"SELECT {_EVENT_SELECT} FROM events e WHERE e.id = ?"
        result = self.con.execute(sql, [event_id])
        names = [d[0] for d in result.description]
        rows = result.fetchall()
        if not rows:
            raise KeyError(event_id)
        return row_to_event(dict(zip(names, rows[0], strict=True)))

    def _events_sql(self, query: EventQuery, limit: int | None) -> tuple[str, list[Any]]:
        where = query.where("e")
        sql = f"SELECT {_EVENT_SELECT} FROM events e{where.sql()} ORDER BY e.day NULLS LAST, e.id"
        params = list(where.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return sql, params

    # -- documents ---------------------------------------------------------------------------

    def documents(
        self,
        *,
        source: str | None = None,
        status: str | Sequence[str] | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        text: str | None = None,
        with_text: bool = False,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Stored documents (metadata; add ``with_text=True`` for the text), filtered by outlet,
        status (coded, duplicate, failed, pending), publication date and a text substring."""
        where = Where()
        if source is not None:
            where.add("source = ?", source)
        if status is not None:
            where.add(
                "status IN (SELECT unnest(?))",
                [status] if isinstance(status, str) else list(status),
            )
        if since is not None:
            where.add("pub_date >= ?", _as_date(since))
        if until is not None:
            where.add("pub_date <= ?", _as_date(until))
        if text:
            where.add("strpos(lower(text), lower(?)) > 0", text)
        columns = _DOCUMENT_META + (", text" if with_text else "")
        sql = f"SELECT {columns} FROM documents{where.sql()} ORDER BY id"
        params = list(where.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self.con.execute(sql, params).df()

    def document(self, doc_id: str) -> StoredDocument:
        """A stored document with its text, its events and its duplicates; KeyError if absent."""
        result = self.con.execute("SELECT * FROM documents WHERE id = ?", [doc_id])
        names = [d[0] for d in result.description]
        found = result.fetchall()
        if not found:
            raise KeyError(doc_id)
        row = dict(zip(names, found[0], strict=True))
        events = list(self.iter_events(doc_id=doc_id, modality="all"))
        events.sort(key=lambda e: (e.evidence.start, e.sentence_index, e.id))
        duplicates = [
            r[0]
            for r in self.con.execute(
                "SELECT id FROM documents WHERE duplicate_of = ? ORDER BY id", [doc_id]
            ).fetchall()
        ]
        return StoredDocument(
            document=row_to_document(row),
            status=row["status"],
            events=events,
            duplicate_of=row["duplicate_of"],
            duplicate_kind=row["duplicate_kind"],
            similarity=row["similarity"],
            duplicates=duplicates,
            content_hash=row["content_hash"],
            coder_version=row["coder_version"],
            ingested_at=row["ingested_at"],
            run_id=row["run_id"],
        )

    # -- clusters ----------------------------------------------------------------------------

    def clusters(
        self, *, min_mentions: int | None = None, limit: int | None = None, **filters: Any
    ) -> pd.DataFrame:
        """Event clusters with counts, largest first; the event filters apply to each
        cluster's representative event (all members share its dyad and root code)."""
        where = EventQuery(**filters).where("e")
        if min_mentions is not None:
            where.add("c.n_mentions >= ?", int(min_mentions))
        sql = (
            f"SELECT {_CLUSTER_SELECT} FROM clusters c "
            f"JOIN events e ON e.id = c.representative_event_id{where.sql()} "
            "ORDER BY c.n_mentions DESC, c.first_date NULLS LAST, c.cluster_id"
        )
        params = list(where.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return self.con.execute(sql, params).df()

    def mentions(self, cluster_id: str) -> pd.DataFrame:
        """Every mention of one cluster: the event, the document and whether it is a copy."""
        return self.con.execute(
            "SELECT m.cluster_id, m.event_id, m.doc_id, m.via_duplicate, d.source, d.url, "
            "d.title, d.pub_date, e.evidence_text FROM cluster_members m "
            "JOIN documents d ON d.id = m.doc_id JOIN events e ON e.id = m.event_id "
            "WHERE m.cluster_id = ? ORDER BY d.pub_date NULLS LAST, m.doc_id, m.event_id",
            [cluster_id],
        ).df()

    def recluster(self, *, full: bool = False) -> int:
        """Recompute clusters that need it (all of them with ``full``); returns how many."""
        self._writable()
        return recluster(self.con, full=full)

    # -- bookkeeping -------------------------------------------------------------------------

    def rejects(self, run_id: str | None = None) -> pd.DataFrame:
        """Rejected inputs and documents, newest first, optionally of one run."""
        where = Where()
        if run_id is not None:
            where.add("run_id = ?", run_id)
        return self.con.execute(
            f"SELECT * FROM rejects{where.sql()} ORDER BY time DESC, origin", where.params
        ).df()

    def runs(self) -> pd.DataFrame:
        """Every ingest/recode run, newest first, with its coder version and counts."""
        return self.con.execute("SELECT * FROM runs ORDER BY started DESC").df()

    def actors(self) -> pd.DataFrame:
        return self.con.execute("SELECT * FROM actors ORDER BY n_events DESC, code").df()

    def places(self) -> pd.DataFrame:
        return self.con.execute("SELECT * FROM places ORDER BY n_events DESC, place_key").df()

    def watches(self) -> pd.DataFrame:
        return self.con.execute("SELECT * FROM watches ORDER BY created, id").df()

    def alerts(self, watch_id: str | None = None) -> pd.DataFrame:
        where = Where()
        if watch_id is not None:
            where.add("watch_id = ?", watch_id)
        return self.con.execute(
            f"SELECT * FROM alerts{where.sql()} ORDER BY created DESC, id", where.params
        ).df()

    def add_alerts(self, alerts: Iterable[Any], *, run_id: str | None = None) -> int:
        """Store alerts (objects with ``to_dict()``, dataclasses or mappings with ``watch_id``,
        ``kind``, ``message``, ``event_ids``, ``period_start``, ``period_end``, optional ``id``
        and ``created``). An alert whose id is already stored is skipped; without an id, one is
        derived from its watch, kind, period and events. Returns how many were new."""
        self._writable()
        added = 0
        for alert in alerts:
            row = _alert_row(alert, run_id)
            result = self.con.execute(
                "INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                row,
            ).fetchall()
            added += int(result[0][0]) if result else 0
        return added

    def sql(
        self, query: str, params: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> pd.DataFrame:
        """Run your own query with ``?`` (or ``$name``) parameters; returns a DataFrame."""
        return self.con.execute(query, params if params is not None else []).df()

    def schema_version(self) -> int:
        return current_version(self.con)

    # -- writing -----------------------------------------------------------------------------

    def export(self, fmt: str, output: str | Path | None = None, **options: Any) -> ExportResult:
        """Export events as ``gdelt``, ``parquet``, ``plover`` or ``csv``; see
        :func:`dyadwatch.store.export.export` (options: ``overwrite`` and the event filters)."""
        return export(self, fmt, output, **options)

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")


# How long ``open`` waits by default for another process's lock: a server's requests and
# writes hold it for moments, an ingest for its whole run.
DEFAULT_WAIT = 10.0


def open(path: str | Path, *, read_only: bool = False, wait: float = DEFAULT_WAIT) -> Store:
    """Open (creating and migrating if needed) the database at ``path`` (``":memory:"`` for a
    throwaway one). ``read_only`` opens an existing, up-to-date database without locking out
    other readers. While another process holds the file's lock (a running ingest, a notebook
    with the database open for writing), retry for up to ``wait`` seconds, then raise
    :class:`~dyadwatch.errors.DatabaseBusy`."""
    name = str(path)
    if read_only and name != ":memory:" and not Path(name).is_file():
        raise StoreError(f"no database at {name}")
    if name != ":memory:":
        Path(name).parent.mkdir(parents=True, exist_ok=True)
    con = _connect(name, read_only, wait)
    try:
        if read_only:
            version = current_version(con)
            if version != LATEST_VERSION:
                raise StoreError(
                    f"{name} has schema version {version}, this dyadwatch needs "
                    f"{LATEST_VERSION}: open it once without read_only to migrate it"
                )
        else:
            migrate(con)
    except duckdb.Error as exc:  # a damaged file can open and then fail on the first read
        con.close()
        raise StoreError(f"cannot read database {name}: {exc}") from exc
    except BaseException:
        con.close()
        raise
    return Store(con, name, read_only)


def is_lock_conflict(exc: BaseException) -> bool:
    """Whether ``exc`` says the file is locked by another process, or open in this process with
    another mode (read-only against read-write): both pass when the other side closes."""
    text = str(exc)
    return isinstance(exc, duckdb.Error) and (
        "Could not set lock" in text or "different configuration" in text
    )


def _connect(name: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": False,
        "TimeZone": "UTC",
    }
    deadline = time.monotonic() + max(0.0, wait)
    pause = 0.02
    while True:
        try:
            return duckdb.connect(name, read_only=read_only, config=config)
        except duckdb.Error as exc:
            if not is_lock_conflict(exc):
                raise StoreError(f"cannot open database {name}: {exc}") from exc
            if time.monotonic() >= deadline:
                raise DatabaseBusy(
                    f"database {name} is in use by another process (an ingest or a program "
                    f"with it open for writing); waited {wait:g} s: {exc}"
                ) from exc
        time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
        pause = min(pause * 2, 0.25)


def _as_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _alert_row(alert: Any, run_id: str | None) -> list[Any]:
    if hasattr(alert, "to_dict"):
        data = dict(alert.to_dict())
    elif isinstance(alert, Mapping):
        data = dict(alert)
    elif dataclasses.is_dataclass(alert) and not isinstance(alert, type):
        data = dataclasses.asdict(alert)
    else:
        raise StoreError(f"cannot store alert {alert!r}: not a mapping, dataclass or to_dict()")
    event_ids = sorted(str(e) for e in data.get("event_ids") or ())
    start, end = data.get("period_start"), data.get("period_end")
    alert_id = data.get("id")
    if not alert_id:
        key = json.dumps([data["watch_id"], data["kind"], str(start), str(end), event_ids])
        alert_id = "a-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return [
        str(alert_id),
        str(data["watch_id"]),
        data.get("created") or dt.datetime.now(dt.UTC),
        str(data["kind"]),
        str(data.get("message") or ""),
        json.dumps(event_ids),
        start,
        end,
        run_id,
    ]
