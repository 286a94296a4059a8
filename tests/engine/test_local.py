"""The in-process runner keeps order and turns a failing document into a recorded reject."""

from __future__ import annotations

import os

import pytest

from dyadwatch.engine.local import DocumentResult, batches, documents_of, run_in_process
from dyadwatch.engine.runner import run
from dyadwatch.errors import RejectCode
from dyadwatch.model import Actor, Document, Event, Evidence, Plover, Reject
from dyadwatch.settings import Settings


class _Coder:
    """Codes one event per document and fails on documents whose text says so."""

    def code(self, doc: Document) -> list[Event]:
        if "explode" in doc.text:
            raise ValueError("parser blew up")
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


def test_engine_in_process_keeps_order_and_records_failures() -> None:
    earlier = Reject("bad.bin", RejectCode.BINARY, "binary file")
    items: list[Document | Reject] = [
        Document("a", "fine text", origin="a.txt"),
        earlier,
        Document("b", "this will explode", origin="b.txt"),
        Document("c", "more text", origin="c.txt"),
    ]
    out = list(run_in_process(items, _Coder()))
    assert [type(o).__name__ for o in out] == [
        "DocumentResult", "Reject", "Reject", "DocumentResult",
    ]  # fmt: skip
    assert out[1] is earlier
    failed = out[2]
    assert isinstance(failed, Reject)
    assert failed.code == RejectCode.CODING_FAILED
    assert "parser blew up" in failed.reason and "b.txt" in failed.origin
    last = out[3]
    assert isinstance(last, DocumentResult) and last.events[0].doc_id == "c"


class _Stuck:
    """Never finishes a document that says "loop" (a pathological input)."""

    def code(self, doc: Document) -> list[Event]:
        while "loop" in doc.text:
            pass
        return []


def test_a_document_over_its_time_budget_is_a_coding_timeout_reject() -> None:
    items: list[Document | Reject] = [
        Document("a", "fine", origin="a.txt"),
        Document("b", "loop forever", origin="b.txt"),
        Document("c", "fine too", origin="c.txt"),
    ]
    out = list(run_in_process(items, _Stuck(), batch_size=2, budget=0.3))
    assert [type(o).__name__ for o in out] == ["DocumentResult", "Reject", "DocumentResult"]
    stuck = out[1]
    assert isinstance(stuck, Reject) and stuck.code == RejectCode.CODING_TIMEOUT
    assert "b.txt" in stuck.origin and "document_timeout" in stuck.reason


def test_batches_keep_rejects_in_place() -> None:
    reject = Reject("x.bin", RejectCode.BINARY, "binary file")
    items: list[Document | Reject] = [Document(str(i), "t") for i in range(5)]
    items.insert(2, reject)
    segments = list(batches(items, 2))
    assert [len(documents_of(s)) for s in segments] == [2, 2, 1]
    assert [i for s in segments for i in s] == items


@pytest.mark.slow
def test_two_worker_processes_give_what_one_gives_in_the_same_order() -> None:
    from dyadwatch.api import get_coder

    texts = [
        "The president of Brazil met the prime minister of India in Delhi.",
        "Protesters in Santiago demanded the resignation of the mayor.",
        "It rained all day and the streets were empty.",
        "Egypt condemned the attack on the embassy in Cairo.",
        "Canada and Mexico signed a trade agreement on Tuesday.",
    ]
    items: list[Document | Reject] = [
        Document(f"w{i}", texts[i % len(texts)], origin=f"w{i}") for i in range(12)
    ]
    items.insert(5, Reject("bad.bin", RejectCode.BINARY, "binary file"))
    single = Settings(workers=1, batch_size=2)
    one = [_as_data(o) for o in run(items, single, get_coder(single))]
    two = [_as_data(o) for o in run(items, Settings(workers=2, batch_size=2))]
    assert two == one
    assert any(events for _, events in one)


def _as_data(outcome: DocumentResult | Reject) -> tuple[str, list[dict[str, object]]]:
    if isinstance(outcome, Reject):
        return outcome.origin, []
    return outcome.document.id, [e.to_dict() for e in outcome.events]


def test_workers_zero_means_every_core() -> None:
    assert Settings().workers == 0
    assert Settings().resolved_workers() == max(1, os.cpu_count() or 1)
    assert Settings(workers=3).resolved_workers() == 3
