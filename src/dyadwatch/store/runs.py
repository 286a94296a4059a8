"""The ``runs`` table: one row per ingest or re-code, from start to how it ended.

A run is inserted as ``running`` with the process id and host that run it, and updated when it
ends: ``ok``, ``rejected`` (some input refused), ``failed`` (an error stopped it) or
``interrupted`` (Ctrl-C, or the process died). A process killed outright cannot record its end,
so every new run first marks as ``interrupted`` the ``running`` rows whose process is gone: a
process on this host that no longer exists, or this very process when the run is not one it is
still doing. Runs of other hosts are left alone: their processes cannot be checked from here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import uuid
from collections.abc import Mapping, Sequence

import duckdb

_ACTIVE: set[str] = set()  # runs this process is doing now (a server may do several at once)


def start_run(
    con: duckdb.DuckDBPyConnection,
    command: str,
    *,
    coder_version: str | None,
    dictionary_version: str | None,
    dyadwatch_version: str | None,
    inputs: Sequence[str],
) -> str:
    """Mark dead runs interrupted, insert this one as ``running`` and return its id."""
    mark_interrupted(con)
    now = dt.datetime.now(dt.UTC)
    run_id = f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    con.execute(
        "INSERT INTO runs (run_id, command, started, finished, status, coder_version, "
        "dictionary_version, dyadwatch_version, inputs, counts, pid, host) "
        "VALUES (?, ?, ?, NULL, 'running', ?, ?, ?, ?, NULL, ?, ?)",
        [
            run_id,
            command,
            now,
            coder_version,
            dictionary_version,
            dyadwatch_version,
            json.dumps(list(inputs)),
            os.getpid(),
            socket.gethostname(),
        ],
    )
    _ACTIVE.add(run_id)
    return run_id


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: str, status: str, counts: Mapping[str, int]
) -> None:
    """Record how a run ended and what it did."""
    _ACTIVE.discard(run_id)
    con.execute(
        "UPDATE runs SET finished = ?, status = ?, counts = ? WHERE run_id = ?",
        [dt.datetime.now(dt.UTC), status, json.dumps(dict(counts)), run_id],
    )


def mark_interrupted(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Set ``interrupted`` on the ``running`` runs whose process is gone; return their ids.

    ``finished`` stays NULL: when a killed process stopped is not known.
    """
    rows = con.execute("SELECT run_id, pid, host FROM runs WHERE status = 'running'").fetchall()
    dead = [run_id for run_id, pid, host in rows if _is_gone(run_id, pid, host)]
    if dead:
        con.execute(
            "UPDATE runs SET status = 'interrupted' WHERE run_id IN (SELECT unnest(?))", [dead]
        )
    return dead


def _is_gone(run_id: str, pid: int | None, host: str | None) -> bool:
    if run_id in _ACTIVE:
        return False
    if pid is None or host is None:
        return True  # recorded before runs had a process: that process has long ended
    if host != socket.gethostname():
        return False
    if pid == os.getpid():
        return True  # this process, but not a run it is doing
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # exists, owned by another user
    return False
