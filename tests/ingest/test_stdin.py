from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from dyadwatch.errors import RejectCode
from dyadwatch.model import Document, Reject

Read = Callable[..., tuple[list[Document], list[Reject]]]


def test_stdin_plain_text(read: Read) -> None:
    [doc], _ = read("-", stdin=io.BytesIO(b"Tokyo protested.\n"))
    assert (doc.id, doc.origin, doc.text) == ("stdin", "-", "Tokyo protested.")


def test_stdin_jsonl_is_detected(read: Read) -> None:
    data = b'{"id": 1, "text": "a."}\nnot json\n{"id": 2, "text": "b."}\n'
    docs, [reject] = read("-", stdin=io.BytesIO(data))
    assert [(d.id, d.origin) for d in docs] == [("1", "-:1"), ("2", "-:3")]
    assert (reject.origin, reject.code) == ("-:2", RejectCode.MALFORMED_JSON)


def test_stdin_html_is_detected(read: Read) -> None:
    data = (
        b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Kyiv asked.</p></body></html>"
    )
    [doc], _ = read("-", stdin=io.BytesIO(data))
    assert (doc.text, doc.title) == ("Kyiv asked.", "T")


def test_stdin_text_starting_with_a_brace_is_text(read: Read) -> None:
    [doc], _ = read("-", stdin=io.BytesIO(b"{Editor's note} Tokyo protested."))
    assert doc.text == "{Editor's note} Tokyo protested."


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", RejectCode.EMPTY),
        (b"\x00\x01\x02", RejectCode.BINARY),
        (b"caf\xe9", RejectCode.UNDECODABLE),
    ],
)
def test_stdin_bad_content_is_rejected(read: Read, data: bytes, code: RejectCode) -> None:
    docs, [reject] = read("-", stdin=io.BytesIO(data))
    assert docs == [] and (reject.origin, reject.code) == ("-", code)


def test_stdin_over_the_limit_is_rejected(read: Read) -> None:
    _, [reject] = read("-", stdin=io.BytesIO(b"x" * 11), max_bytes=10)
    assert "too large" in reject.reason


def test_stdin_given_twice_is_read_once(read: Read) -> None:
    docs, [reject] = read("-", "-", stdin=io.BytesIO(b"Text."))
    assert len(docs) == 1 and "more than once" in reject.reason


def test_stdin_defaults_to_the_process_stdin(read: Read, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"From the pipe."), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", fake)
    [doc], _ = read("-")
    assert doc.text == "From the pipe."
