"""The in-process runner keeps order and turns a failing document into a recorded reject."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from dyadwatch.engine.local import DocumentResult, run_in_process
from dyadwatch.errors import RejectCode
from dyadwatch.model import Actor, Document, Event, Evidence, Plover, Reject


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


class _BatchCoder(_Coder):
    """Also codes streams, like the dyadwatch coder; records the batches it was given."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def code_many(self, documents: list[Document], batch_size: int | None = None) -> Any:
        self.batches.append([d.id for d in documents])
        for doc in documents:
            try:
                yield SimpleNamespace(document=doc, events=self.code(doc), error=None)
            except ValueError as exc:
                yield SimpleNamespace(document=doc, events=[], error=exc)


def test_engine_in_process_hands_batches_to_a_stream_coder() -> None:
    earlier = Reject("bad.bin", RejectCode.BINARY, "binary file")
    items: list[Document | Reject] = [
        Document("a", "fine text"),
        earlier,
        Document("b", "this will explode"),
        Document("c", "more text"),
        Document("d", "last text"),
    ]
    coder = _BatchCoder()
    out = list(run_in_process(items, coder, batch_size=2))
    assert coder.batches == [["a", "b"], ["c", "d"]]
    assert [type(o).__name__ for o in out] == [
        "DocumentResult", "Reject", "Reject", "DocumentResult", "DocumentResult",
    ]  # fmt: skip
    assert out[1] is earlier and isinstance(out[2], Reject)
    assert out[2].code == RejectCode.CODING_FAILED and "parser blew up" in out[2].reason
    unbatched = list(run_in_process(items, _BatchCoder(), batch_size=1))
    assert [type(o).__name__ for o in unbatched] == [type(o).__name__ for o in out]
