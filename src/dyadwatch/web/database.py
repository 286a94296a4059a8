"""How the server reaches its database: short-lived connections, never one held for its life.

DuckDB lets one process write a file, or many processes read it, never both. A server that kept
the file open would lock out ``dyadwatch ingest`` and ``dyadwatch.open()`` for as long as it
runs. So every request opens the file (read-only), and closes it when done; requests running at
the same moment share one DuckDB instance (DuckDB caches it per process), so the lock is held
only while some request is being answered. Writes (``POST /api/documents``) open it for writing
in short batches.

In this process, reads and writes take turns through a readers-writer gate (DuckDB refuses to
open one file read-only and read-write at once in one process); a waiting writer goes first so
that a stream of reads cannot starve it. Against other processes, opening retries for a short
while and then gives up with :class:`~dyadwatch.errors.DatabaseBusy` (HTTP 503 with
``Retry-After``): an ingest holds the lock for its whole run.

Every query a request runs is interrupted after ``query_timeout`` seconds (503), and all of them
when the server shuts down.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

import dyadwatch.store as ds
from dyadwatch.errors import ConfigError, DatabaseBusy, StoreError


class QueryTimeout(StoreError):
    """A request's queries ran longer than the server allows."""

    code = "timeout"


class ShuttingDown(DatabaseBusy):
    """The server is stopping: no new work is started."""


class _Gate:
    """A readers-writer gate with writer preference, with timeouts."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    def enter_read(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._writing or self._writers_waiting:
                left = deadline - time.monotonic()
                if left <= 0 or not self._cond.wait(left):
                    return False
            self._readers += 1
            return True

    def leave_read(self) -> None:
        with self._cond:
            self._readers -= 1
            self._cond.notify_all()

    def enter_write(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            self._writers_waiting += 1
            try:
                while self._writing or self._readers:
                    left = deadline - time.monotonic()
                    if left <= 0 or not self._cond.wait(left):
                        return False
                self._writing = True
                return True
            finally:
                self._writers_waiting -= 1
                self._cond.notify_all()

    def leave_write(self) -> None:
        with self._cond:
            self._writing = False
            self._cond.notify_all()


class Database:
    """Opens ``path`` for one request or one write batch at a time (see the module docstring).

    ``read_wait``/``write_wait``: how long a request waits for the lock before a 503;
    ``query_timeout``: seconds a request's queries may run (0: no limit)."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_wait: float = 3.0,
        write_wait: float = 10.0,
        query_timeout: float = 30.0,
    ) -> None:
        self.path = str(path)
        if self.path == ":memory:":  # each request would open its own, empty database
            raise ConfigError("the server opens its database per request: give it a file")
        self.read_wait = read_wait
        self.write_wait = write_wait
        self.query_timeout = query_timeout
        self.stopping = False
        self._gate = _Gate()
        self._live: set[duckdb.DuckDBPyConnection] = set()
        self._live_lock = threading.Lock()

    def prepare(self, *, writable: bool) -> None:
        """Check the database once at start (and create or migrate it when ``writable``), so a
        missing or outdated file fails the start rather than every request."""
        with ds.open(self.path, read_only=not writable, wait=self.write_wait):
            pass

    @contextmanager
    def reading(self) -> Iterator[ds.Store]:
        """A read-only store for one request."""
        with self._turn(write=False), self._opened(read_only=True) as store:
            yield store

    @contextmanager
    def writing(self) -> Iterator[ds.Store]:
        """A writable store for one batch of writes (keep it short: readers wait for it)."""
        with self._turn(write=True), self._opened(read_only=False) as store:
            yield store

    def shutdown(self) -> None:
        """Refuse new work and interrupt every running query."""
        self.stopping = True
        with self._live_lock:
            live = list(self._live)
        for con in live:
            con.interrupt()

    @contextmanager
    def _turn(self, *, write: bool) -> Iterator[None]:
        if self.stopping:
            raise ShuttingDown("the server is shutting down", retry_after=10)
        wait = self.write_wait if write else self.read_wait
        entered = self._gate.enter_write(wait) if write else self._gate.enter_read(wait)
        if not entered:
            raise DatabaseBusy(
                f"the server is busy {'writing' if not write else 'reading'}: try again"
            )
        try:
            yield
        finally:
            if write:
                self._gate.leave_write()
            else:
                self._gate.leave_read()

    @contextmanager
    def _opened(self, *, read_only: bool) -> Iterator[ds.Store]:
        wait = self.read_wait if read_only else self.write_wait
        try:
            store = ds.open(self.path, read_only=read_only, wait=wait)
        except DatabaseBusy as exc:
            raise DatabaseBusy(
                "the database is in use by another process (an ingest, or a program with it "
                "open for writing): try again shortly",
                retry_after=5,
            ) from exc
        with self._live_lock:
            self._live.add(store.con)
        timer = None
        if self.query_timeout > 0:
            timer = threading.Timer(self.query_timeout, store.con.interrupt)
            timer.daemon = True
            timer.start()
        try:
            yield store
        except duckdb.InterruptException as exc:
            if self.stopping:
                raise ShuttingDown("the server is shutting down", retry_after=10) from exc
            raise QueryTimeout(
                f"the request ran longer than {self.query_timeout:g} s: narrow the filters "
                "(a shorter date range, a coarser freq)"
            ) from exc
        finally:
            if timer is not None:
                timer.cancel()
            with self._live_lock:
                self._live.discard(store.con)
            store.close()
