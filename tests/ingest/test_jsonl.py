from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.errors import RejectCode
from dyadwatch.model import Document, Reject

Read = Callable[..., tuple[list[Document], list[Reject]]]
Write = Callable[[str, str | bytes], Path]


def _lines(*records: Any) -> str:
    return "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
    )


def test_jsonl_records_become_documents(write: Write, read: Read) -> None:
    write(
        "r.jsonl",
        _lines(
            {"id": 7, "text": "Tokyo protested.", "date": "2024-05-13", "title": "T", "source": "S",
             "url": "https://x", "author": "Ann Lee", "score": 3},
            {"id": "b-2", "text": "Beijing replied."},
        ),
    )  # fmt: skip
    docs, rejects = read("r.jsonl")
    assert rejects == []
    first, second = docs
    assert (first.id, first.origin, first.text) == ("7", "r.jsonl:1", "Tokyo protested.")
    assert (first.date, first.title, first.source, first.url) == (
        dt.date(2024, 5, 13),
        "T",
        "S",
        "https://x",
    )
    assert first.metadata == {"author": "Ann Lee"}  # extra string fields only
    assert (second.id, second.date) == ("b-2", None)


def test_jsonl_record_without_id_gets_file_and_line(write: Write, read: Read) -> None:
    write("r.jsonl", _lines({"id": 1, "text": "a."}, {"text": "b."}))
    docs, _ = read("r.jsonl")
    assert [d.id for d in docs] == ["1", "r.jsonl:2"]


def test_jsonl_bad_line_is_rejected_and_reading_goes_on(write: Write, read: Read) -> None:
    write("r.jsonl", _lines({"id": 1, "text": "a."}, '{"id": 2, "text": ', {"id": 3, "text": "c."}))
    docs, rejects = read("r.jsonl")
    assert [d.id for d in docs] == ["1", "3"]
    [reject] = rejects
    assert (reject.origin, reject.code) == ("r.jsonl:2", RejectCode.MALFORMED_JSON)
    assert "malformed JSON" in reject.reason


@pytest.mark.parametrize(
    ("record", "code", "reason"),
    [
        ([1, 2], RejectCode.BAD_RECORD, "got an array"),
        ("just a string", RejectCode.BAD_RECORD, "got a string"),
        ({"id": 1}, RejectCode.BAD_RECORD, "no 'text' field"),
        ({"id": 1, "text": 5}, RejectCode.BAD_RECORD, "'text' must be a string, got a number"),
        ({"id": 1, "text": ["a"]}, RejectCode.BAD_RECORD, "'text' must be a string, got an array"),
        ({"id": 1, "text": "a.", "title": 3}, RejectCode.BAD_RECORD, "'title' must be a string"),
        ({"id": True, "text": "a."}, RejectCode.BAD_RECORD, "'id' must be a string or an integer"),
        ({"id": 1.5, "text": "a."}, RejectCode.BAD_RECORD, "'id' must be a string or an integer"),
        ({"id": " ", "text": "a."}, RejectCode.BAD_RECORD, "'id' is an empty string"),
        ({"id": 1, "text": "  \n"}, RejectCode.EMPTY, "'text' is empty"),
        ({"id": 1, "text": "a.", "date": "13 May 2024"}, RejectCode.BAD_DATE, "not a date"),
        ({"id": 1, "text": "a.", "date": "2024-02-30"}, RejectCode.BAD_DATE, "day is out of range"),
        ({"id": 1, "text": "a.", "date": 20240513}, RejectCode.BAD_DATE, "must be a string"),
    ],
)
def test_jsonl_unusable_records_are_rejected(
    write: Write, read: Read, record: Any, code: RejectCode, reason: str
) -> None:
    write("r.jsonl", _lines(json.dumps(record)))
    docs, [reject] = read("r.jsonl")
    assert docs == []
    assert (reject.origin, reject.code) == ("r.jsonl:1", code)
    assert reason in reject.reason


@pytest.mark.parametrize("date", [None, ""])
def test_jsonl_null_or_empty_date_means_no_date(write: Write, read: Read, date: str | None) -> None:
    write("r.jsonl", _lines({"id": 1, "text": "a.", "date": date}))
    [doc], _ = read("r.jsonl")
    assert doc.date is None


def test_jsonl_blank_lines_are_skipped_and_line_numbers_kept(write: Write, read: Read) -> None:
    write("r.jsonl", '\n  \n{"id": 1, "text": "a."}\r\n\n{"text": "b."}\n')
    docs, rejects = read("r.jsonl")
    assert rejects == []
    assert [(d.id, d.origin) for d in docs] == [("1", "r.jsonl:3"), ("r.jsonl:5", "r.jsonl:5")]


def test_jsonl_invalid_utf8_line_is_rejected_alone(write: Write, read: Read) -> None:
    write("r.jsonl", b'{"id": 1, "text": "caf\xe9"}\n{"id": 2, "text": "ok."}\n')
    docs, [reject] = read("r.jsonl")
    assert [d.id for d in docs] == ["2"]
    assert (reject.origin, reject.code) == ("r.jsonl:1", RejectCode.UNDECODABLE)
    assert "0xe9" in reject.reason


def test_jsonl_utf8_bom_is_accepted(write: Write, read: Read) -> None:
    write("r.jsonl", codecs.BOM_UTF8 + b'{"id": 1, "text": "a."}\n')
    [doc], rejects = read("r.jsonl")
    assert (doc.id, rejects) == ("1", [])


def test_jsonl_utf16_file_is_rejected_whole(write: Write, read: Read) -> None:
    write("r.jsonl", codecs.BOM_UTF16_LE + '{"id": 1, "text": "a."}\n'.encode("utf-16-le"))
    docs, [reject] = read("r.jsonl")
    assert docs == [] and (reject.origin, reject.code) == ("r.jsonl", RejectCode.UNDECODABLE)


def test_jsonl_binary_file_is_rejected_whole(write: Write, read: Read) -> None:
    write("r.jsonl", b"\x00\x01\x02" * 100)
    docs, [reject] = read("r.jsonl")
    assert docs == [] and reject.code == RejectCode.BINARY


def test_jsonl_gz_is_decompressed(write: Write, read: Read) -> None:
    write("r.jsonl.gz", gzip.compress(_lines({"id": 1, "text": "a."}).encode()))
    [doc], rejects = read("r.jsonl.gz")
    assert (doc.id, doc.origin, rejects) == ("1", "r.jsonl.gz:1", [])


@pytest.mark.parametrize(
    "data", [b"not gzip at all", gzip.compress(b'{"id": 1, "text": "a."}\n' * 50)[:-12]]
)
def test_jsonl_gz_corrupt_or_truncated_is_rejected(write: Write, read: Read, data: bytes) -> None:
    write("r.jsonl.gz", data)
    _, rejects = read("r.jsonl.gz")
    assert rejects[-1].origin == "r.jsonl.gz"
    assert rejects[-1].code == RejectCode.UNREADABLE


def test_jsonl_gz_decompressed_size_is_bounded(write: Write, read: Read) -> None:
    write(
        "r.jsonl.gz",
        gzip.compress(_lines(*({"id": i, "text": "x" * 50} for i in range(10))).encode()),
    )
    docs, [reject] = read("r.jsonl.gz", max_bytes=200)
    assert len(docs) == 2
    assert "too large" in reject.reason and "lines from 3 on not read" in reject.reason
