from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import dyadwatch.ingest
from dyadwatch.errors import RejectCode
from dyadwatch.ingest import read_inputs
from dyadwatch.model import Document, Reject

Read = Callable[..., tuple[list[Document], list[Reject]]]
Write = Callable[[str, str | bytes], Path]
DAY = dt.date(2024, 5, 13)


@pytest.mark.parametrize(
    ("name", "content", "text"),
    [
        ("a.txt", "Tokyo protested.", "Tokyo protested."),
        ("a.md", "# Title\n\nTokyo protested.", "Tokyo protested."),
        ("a.html", "<html><body><p>Tokyo protested.</p></body></html>", "Tokyo protested."),
        ("a.HTM", "<p>Tokyo protested.</p>", "Tokyo protested."),
        ("story", "Tokyo protested.", "Tokyo protested."),
        ("page.php", "<!doctype html><p>Tokyo protested.</p>", "Tokyo protested."),  # sniffed
        ("dump.data", '{"id": "x", "text": "Tokyo protested."}\n', "Tokyo protested."),
    ],
)
def test_each_file_kind_is_read(
    write: Write, read: Read, name: str, content: str, text: str
) -> None:
    write(name, content)
    [doc], rejects = read(name)
    assert doc.text == text and rejects == []


def test_file_id_and_origin_are_the_path_as_given(write: Write, read: Read) -> None:
    write("sub/a.txt", "Text.")
    [doc], _ = read("./sub/a.txt")
    assert (doc.id, doc.origin) == ("sub/a.txt", "sub/a.txt")


def test_same_input_gives_the_same_ids_every_run(write: Write, read: Read) -> None:
    write("c/a.txt", "Text.")
    write("c/b.jsonl", '{"text": "x."}\n{"id": 5, "text": "y."}\n')
    first = [d.id for d in read("c")[0]]
    assert first == [d.id for d in read("c")[0]] == ["c/a.txt", "c/b.jsonl:1", "5"]


@pytest.mark.parametrize("given", ["missing.txt", "missing/", ""])
def test_nonexistent_path_is_rejected(read: Read, given: str) -> None:
    docs, [reject] = read(given)
    assert docs == [] and reject.code == RejectCode.NOT_FOUND


def test_unreadable_file_is_rejected(
    write: Write, read: Read, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("a.txt", "Text.")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    docs, [reject] = read("a.txt")
    assert docs == [] and (reject.code, reject.reason) == (
        RejectCode.UNREADABLE,
        "cannot read: Permission denied",
    )


def test_special_file_is_rejected_without_reading(read: Read, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    docs, [reject] = read("pipe.txt")
    assert docs == [] and reject.code == RejectCode.UNREADABLE


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("a.txt", b"\x00\x01\x02\x03", RejectCode.BINARY),
        ("a.txt", b"%PDF-1.4 ...", RejectCode.BINARY),
        ("a.txt", "Café".encode("latin-1"), RejectCode.UNDECODABLE),
        ("a.txt", b" \n\n\t", RejectCode.EMPTY),
        ("a.html", b"<html><body><script>x()</script></body></html>", RejectCode.EMPTY),
        ("a.txt", b"---\ndate: someday\n---\nText.", RejectCode.BAD_DATE),
        ("a.json", b'[{"id": 1, "text": "Tokyo protested."}]', RejectCode.BAD_RECORD),
    ],
)
def test_bad_files_are_rejected(
    write: Write, read: Read, name: str, content: bytes, code: RejectCode
) -> None:
    write(name, content)
    docs, [reject] = read(name)
    assert docs == [] and (reject.origin, reject.code) == (name, code)


def test_file_over_max_bytes_is_rejected(write: Write, read: Read) -> None:
    write("a.txt", "x" * 100)
    docs, [reject] = read("a.txt", max_bytes=99)
    assert docs == [] and "too large: 100 bytes" in reject.reason
    assert reject.code == RejectCode.TOO_LARGE
    assert len(read("a.txt", max_bytes=100)[0]) == 1


def test_bad_input_does_not_stop_the_run(write: Write, read: Read) -> None:
    write("good1.txt", "One.")
    write("bad.txt", b"\x00")
    write("good2.txt", "Two.")
    docs, rejects = read("good1.txt", "missing.txt", "bad.txt", "good2.txt")
    assert [d.id for d in docs] == ["good1.txt", "good2.txt"]
    assert [r.origin for r in rejects] == ["missing.txt", "bad.txt"]


def test_default_date_fills_only_missing_dates(write: Write, read: Read) -> None:
    write("a.txt", "Text.")
    write(
        "r.jsonl",
        json.dumps({"id": 1, "text": "x.", "date": "2020-01-02"})
        + "\n"
        + '{"id": 2, "text": "y."}\n',
    )
    docs, _ = read("a.txt", "r.jsonl", default_date=DAY)
    assert [d.date for d in docs] == [DAY, dt.date(2020, 1, 2), DAY]


def test_without_default_date_documents_stay_undated(write: Write, read: Read) -> None:
    write("a.txt", "Text.")
    [doc], _ = read("a.txt")
    assert doc.date is None


def test_duplicate_ids_in_a_run_are_rejected(write: Write, read: Read) -> None:
    write("a.jsonl", '{"id": 1, "text": "x."}\n')
    write("b.jsonl", '{"id": "1", "text": "y."}\n')
    docs, [reject] = read("a.jsonl", "b.jsonl")
    assert [d.text for d in docs] == ["x."]
    assert (reject.origin, reject.code) == ("b.jsonl:1", RejectCode.DUPLICATE_ID)
    assert "first at a.jsonl:1" in reject.reason


def test_same_file_twice_is_a_duplicate(write: Write, read: Read) -> None:
    write("a.txt", "Text.")
    docs, [reject] = read("a.txt", "a.txt")
    assert len(docs) == 1 and reject.code == RejectCode.DUPLICATE_ID


def test_a_single_string_is_taken_as_one_input(
    write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("a.txt", "Text.")
    monkeypatch.chdir(tmp_path)
    [doc] = list(read_inputs("a.txt"))
    assert isinstance(doc, Document) and doc.id == "a.txt"


def test_reading_is_lazy(write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second input is only looked at when asked for: it may appear after the first is
    read (an eager reader would already have rejected it as missing)."""
    write("a.txt", "Text.")
    monkeypatch.chdir(tmp_path)
    stream = read_inputs(["a.txt", "b.txt"])
    first = next(stream)
    assert isinstance(first, Document) and first.id == "a.txt"
    write("b.txt", "Later text.")
    second = next(stream)
    assert isinstance(second, Document) and second.text == "Later text."


def test_max_bytes_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        list(read_inputs(["a.txt"], max_bytes=0))


def test_package_exports_are_declared() -> None:
    exported = {n for n in vars(dyadwatch.ingest) if not n.startswith("_") and n != "annotations"}
    modules = {n for n, v in vars(dyadwatch.ingest).items() if type(v) is type(dyadwatch)}
    assert exported - modules == set(dyadwatch.ingest.__all__)
