"""Runs that stop early, and pages re-read with another split (issue 11: #7 and #10)."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import dyadwatch.store as ds
from dyadwatch import pipeline
from dyadwatch.model import Document, Event
from dyadwatch.settings import load_settings
from dyadwatch.store import page_parts
from dyadwatch.store.runs import mark_interrupted

ARTICLE = [
    "CHNMIL attacked JPN on 2024-03-05 near Senkaku, the coast guard of the island chain said.",
    "Officials in the capital described the encounter as the most serious one this year.",
]
CREDIT = "Translated by Arno Velde and Lu Ping"
TEASERS = [
    "USAGOV met JPNGOV on 2024-03-04 in Tokyo to discuss shipping lanes, and both sides said the",
    "Farmers blocked the northern highway with tractors for a second day while ministers met the",
    "A storm closed the harbour for three days, and fishing crews said their losses were the",
]


def _page(path: Path, teasers: list[str]) -> None:
    path.write_text("\n".join([*ARTICLE, CREDIT, *teasers]) + "\n", encoding="utf-8")


def _ids(store: ds.Store) -> list[str]:
    return sorted(store.documents()["id"])


def test_many_pages_re_read_in_one_run_keep_exactly_their_current_parts(
    store: ds.Store, coder: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_parts, "SIFT", 1)  # sift after every page: parts straddle groups
    settings = load_settings(workers=1)
    pages = [tmp_path / f"page-{n}.txt" for n in range(4)]
    for page in pages:
        _page(page, TEASERS)
    inputs = [str(p) for p in pages]
    pipeline.ingest(store, inputs, coder=coder, settings=settings, default_date=dt.date(2024, 3, 6))
    assert len(_ids(store)) == 16
    for n, page in enumerate(pages):
        _page(page, TEASERS[: n % 3 + 1])  # 1, 2, 3 and 1 teasers
    pipeline.ingest(store, inputs, coder=coder, settings=settings, default_date=dt.date(2024, 3, 6))
    expected = [
        f"{page.as_posix()}#{part}"
        for n, page in enumerate(pages)
        for part in ["main", *(f"teaser-{t}" for t in range(1, n % 3 + 2))]
    ]
    assert _ids(store) == sorted(expected)


def test_a_re_read_page_replaces_every_part_derived_from_it(
    store: ds.Store, coder: Any, tmp_path: Path
) -> None:
    page = tmp_path / "page.txt"
    label = page.as_posix()
    settings = load_settings(workers=1)
    _page(page, TEASERS)
    pipeline.ingest(
        store, [str(page)], coder=coder, settings=settings, default_date=dt.date(2024, 3, 6)
    )
    teasers = [f"{label}#teaser-{n}" for n in (1, 2, 3)]
    assert _ids(store) == sorted([f"{label}#main", *teasers])
    # the outlet dropped two teasers: their documents and events must go
    _page(page, TEASERS[:1])
    pipeline.ingest(
        store, [str(page)], coder=coder, settings=settings, default_date=dt.date(2024, 3, 6)
    )
    assert _ids(store) == sorted([f"{label}#main", teasers[0]])
    orphans = store.sql(
        "SELECT count(*) AS n FROM events WHERE doc_id NOT IN (SELECT id FROM documents)"
    )
    assert orphans["n"][0] == 0
    # no longer split at all: the page is one document again, its old parts are gone
    page.write_text("\n".join(ARTICLE) + "\n", encoding="utf-8")
    pipeline.ingest(
        store, [str(page)], coder=coder, settings=settings, default_date=dt.date(2024, 3, 6)
    )
    assert _ids(store) == [label]
    assert set(store.sql("SELECT doc_id FROM cluster_members")["doc_id"]) <= {label}


def test_a_part_ingested_alone_leaves_its_siblings(
    store: ds.Store,
    run_ingest: Callable[..., pipeline.IngestReport],
    make_doc: Callable[..., Document],
) -> None:
    parts = [
        make_doc("p#main", ARTICLE[0], parent_id="p"),
        make_doc("p#teaser-1", TEASERS[0], parent_id="p"),
        make_doc("p#teaser-2", TEASERS[1], parent_id="p"),
    ]
    run_ingest(store, parts)
    run_ingest(store, [make_doc("p#teaser-1", TEASERS[0] + " more", parent_id="p")])
    assert _ids(store) == ["p#main", "p#teaser-1", "p#teaser-2"]


class _Interrupting:
    """Codes like the fake coder, then raises KeyboardInterrupt (Ctrl-C) at one document."""

    def __init__(self, inner: Any, stop_at: str) -> None:
        self.inner, self.stop_at, self.version = inner, stop_at, inner.version

    def code(self, doc: Document) -> list[Event]:
        if doc.id == self.stop_at:
            raise KeyboardInterrupt
        events: list[Event] = self.inner.code(doc)
        return events


def test_an_interrupted_run_records_only_what_it_committed(
    store: ds.Store, coder: Any, make_doc: Callable[..., Document]
) -> None:
    docs = [
        make_doc(f"d{n}", f"CHNMIL attacked JPN on 2024-03-0{n} near Senkaku. Story {n} ends.")
        for n in range(1, 7)
    ]
    with pytest.raises(KeyboardInterrupt):
        pipeline.ingest_documents(
            store,
            docs,
            coder=_Interrupting(coder, "d6"),
            settings=load_settings(workers=1),
            batch_size=2,
        )
    # d1-d4 were committed in two batches; d5 sat in the batch that was discarded
    assert _ids(store) == ["d1", "d2", "d3", "d4"]
    run = store.runs().iloc[0]
    assert run["status"] == "interrupted"
    counts = json.loads(run["counts"])
    assert (counts["coded"], counts["new"], counts["events"]) == (4, 4, 4)
    assert counts["rejects"] == 0


def _insert_running(store: ds.Store, run_id: str, pid: int | None, host: str | None) -> None:
    store.con.execute(
        "INSERT INTO runs (run_id, command, started, status, pid, host) "
        "VALUES (?, 'ingest', now(), 'running', ?, ?)",
        [run_id, pid, host],
    )


def test_runs_of_dead_processes_are_marked_interrupted_by_the_next_run(
    store: ds.Store,
    run_ingest: Callable[..., pipeline.IngestReport],
    make_doc: Callable[..., Document],
) -> None:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
    dead_pid = int(finished.stdout)
    host = socket.gethostname()
    _insert_running(store, "killed", dead_pid, host)
    _insert_running(store, "old", None, None)
    _insert_running(store, "alive-here", os.getppid(), host)  # a live process: still running
    _insert_running(store, "elsewhere", dead_pid, host + "-other")  # cannot be checked
    report = run_ingest(store, [make_doc("a", "CHNMIL attacked JPN near Senkaku.")])
    status = dict(store.sql("SELECT run_id, status FROM runs").values.tolist())
    assert status["killed"] == status["old"] == "interrupted"
    assert status["alive-here"] == status["elsewhere"] == "running"
    assert status[report.run_id] == "ok"
    assert mark_interrupted(store.con) == []
