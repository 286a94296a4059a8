"""The Dask engine on a LocalCluster of two worker processes: the same output as the local
engine, in input order, and nothing lost or doubled when a worker dies mid-partition."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cloudpickle
import pytest

from dyadwatch.engine.dask import GivenCoder, run_on_dask
from dyadwatch.engine.local import DocumentResult, Outcome, run_in_process
from dyadwatch.errors import RejectCode
from dyadwatch.model import Actor, Document, Event, Evidence, Plover, Reject
from dyadwatch.settings import Settings

distributed = pytest.importorskip("distributed")

# the stand-in coders below are defined here, so they travel to the workers by value
cloudpickle.register_pickle_by_value(sys.modules[__name__])

pytestmark = [
    pytest.mark.slow,
    # a cluster's sockets and processes are closed by distributed's own threads, after the
    # test: what it leaves to the garbage collector is not ours to fix
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

TEXTS = [
    "The foreign minister of Chile met the president of Peru in Lima on Monday.",
    "Police arrested twelve protesters outside the parliament in Nairobi.",
    "The weather was mild and the markets were quiet all week.",
    "Japan accused China of sending ships into its waters near the islands.",
    "The United Nations urged both sides to return to talks.",
    "Germany promised economic aid to Ukraine after the floods.",
    "Nothing of note happened in the small town that day.",
    "Russia threatened to cut gas supplies to Moldova.",
]


class EchoCoder:
    """One event per document; dies (the whole worker process) on a marked document the
    first time it sees it, remembered in a file, as a worker killed mid-run would."""

    version = "echo-1"

    def __init__(self, flag: Path | None = None) -> None:
        self.flag = flag

    def code(self, doc: Document) -> list[Event]:
        if self.flag is not None and "DIE" in doc.text and not self.flag.exists():
            self.flag.write_text("died once", encoding="utf-8")
            os._exit(1)
        if "FAIL" in doc.text:
            raise ValueError("cannot code this")
        return [
            Event(
                id=f"e-{doc.id}",
                doc_id=doc.id,
                sentence_index=0,
                evidence=Evidence(doc.text, 0, len(doc.text)),
                source=Actor("USA", "US"),
                target=None,
                code="010",
                root_code="01",
                quad_class=1,
                goldstein=0.0,
                plover=Plover(None),
            )
        ]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
    )
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def _summary(outcomes: list[Outcome]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for outcome in outcomes:
        if isinstance(outcome, Reject):
            out.append(("reject", (outcome.origin, outcome.code)))
        else:
            out.append((outcome.document.id, [e.to_dict() for e in outcome.events]))
    return out


def test_dask_gives_the_local_engines_events_in_order(client: Any) -> None:
    from dyadwatch.api import get_coder

    settings = Settings(workers=1, batch_size=3)
    items: list[Document | Reject] = [
        Document(f"d{i}", text, origin=f"d{i}.txt") for i, text in enumerate(TEXTS)
    ]
    items.insert(4, Reject("broken.bin", RejectCode.BINARY, "binary file"))
    local = list(run_in_process(items, get_coder(settings), settings.batch_size))
    remote = list(run_on_dask(items, settings, client=client, in_flight=2))
    assert _summary(remote) == _summary(local)
    assert sum(len(o.events) for o in local if isinstance(o, DocumentResult)) > 0


def test_a_killed_worker_loses_and_doubles_nothing(client: Any, tmp_path: Path) -> None:
    flag = tmp_path / "died"
    docs: list[Document | Reject] = [
        Document(f"n{i:02}", f"text {i}" + (" DIE" if i == 9 else ""), origin=f"n{i}")
        for i in range(24)
    ]
    docs[15] = Document("n15", "FAIL here", origin="n15")
    settings = Settings(workers=1, batch_size=4)
    outcomes = list(run_on_dask(docs, settings, client=client, factory=GivenCoder(EchoCoder(flag))))
    assert flag.exists(), "the marked document never killed its worker"
    expected = list(run_in_process(docs, EchoCoder(flag), settings.batch_size))
    assert _summary(outcomes) == _summary(expected)
    ids = [o.document.id for o in outcomes if isinstance(o, DocumentResult)]
    assert ids == [f"n{i:02}" for i in range(24) if i != 15]
    failed = outcomes[15]
    assert isinstance(failed, Reject) and failed.code == RejectCode.CODING_FAILED


def test_a_killed_worker_still_gives_the_complete_database(tmp_path: Path) -> None:
    import dyadwatch.store as ds
    from dyadwatch import pipeline

    flag = tmp_path / "died"
    docs: list[Document | Reject] = [
        Document(f"k{i:02}", f"report number {i} from the capital" + (" DIE" if i == 5 else ""))
        for i in range(16)
    ]
    dask_settings = Settings(engine="dask", scheduler="local:2", batch_size=3)
    with ds.open(tmp_path / "dask.duckdb") as store:
        report = pipeline.ingest_documents(
            store, docs, coder=EchoCoder(flag), settings=dask_settings
        )
        dask_rows = store.con.execute("SELECT doc_id, code FROM events ORDER BY doc_id").fetchall()
    assert flag.exists()
    with ds.open(tmp_path / "local.duckdb") as store:
        pipeline.ingest_documents(store, docs, coder=EchoCoder(flag), settings=Settings(workers=1))
        local_rows = store.con.execute("SELECT doc_id, code FROM events ORDER BY doc_id").fetchall()
    assert report.coded == 16 and report.failed == 0
    assert dask_rows == local_rows and len(dask_rows) == 16
