"""Reject reasons a user can act on (issue 11, #8 and #10): each names the problem once and
says where it is."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dyadwatch.ingest import read_inputs
from dyadwatch.model import Document, Reject


def _read(*paths: Path) -> tuple[list[Document], list[Reject]]:
    items = list(read_inputs([str(p) for p in paths]))
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, Reject)],
    )


def test_a_raw_control_character_is_reported_once_with_its_column(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a", "text": "tab\there"}\n', encoding="utf-8")
    _, [reject] = _read(path)
    assert reject.code == "malformed_json"
    assert "at at" not in reject.reason
    assert reject.reason == "malformed JSON: Invalid control character at column 25"


def test_a_record_that_is_not_an_object_names_the_json_type_in_words(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('"a string"\n42\nnull\n', encoding="utf-8")
    _, rejects = _read(path)
    reasons = [r.reason.split("got ")[1] for r in rejects]
    assert reasons == ["a string", "a number (42)", "null"]
    assert all("JSON str" not in r.reason for r in rejects)


def test_a_corrupt_gzip_says_where_reading_stopped_and_keeps_what_came_before(
    tmp_path: Path,
) -> None:
    rows = "".join(json.dumps({"id": f"r{n}", "text": f"Story {n}."}) + "\n" for n in range(3000))
    data = gzip.compress(rows.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    docs, [reject] = _read(path)
    assert reject.code == "unreadable"
    lines = int(reject.reason.split("after line ")[1].split(" ")[0].replace(",", ""))
    assert lines == len(docs) > 0  # every complete line before the damage was read
    offset = sum(len(json.dumps({"id": f"r{n}", "text": f"Story {n}."})) + 1 for n in range(lines))
    assert f"(byte {offset:,} of the uncompressed data)" in reject.reason


def test_json_text_with_a_nul_or_a_lone_surrogate_is_rejected_with_its_position(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        '{"id": "nul", "text": "abc\\u0000def"}\n'
        '{"id": "half", "text": "abcd\\ud83d"}\n'
        '{"id": "pair", "text": "flag \\ud83c\\udff3 kept"}\n',
        encoding="utf-8",
    )
    docs, rejects = _read(path)
    assert [d.id for d in docs] == ["pair"]  # a proper surrogate pair is one character
    assert [(r.code, r.reason.split(":")[0].split(";")[0]) for r in rejects] == [
        ("bad_record", "'text' contains a NUL character (\\u0000) at character 3"),
        ("undecodable", "'text' holds a lone surrogate escape (\\ud83d) at character 4"),
    ]


def test_a_fifo_in_a_directory_is_rejected_without_being_opened(tmp_path: Path) -> None:
    import os

    (tmp_path / "a.txt").write_text("A story.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    docs, [reject] = _read(tmp_path)
    assert [d.text for d in docs] == ["A story."]
    assert reject.origin.endswith("pipe.txt")
    assert (reject.code, reject.reason) == ("unreadable", "not a regular file: a FIFO (named pipe)")


def test_an_xml_file_given_by_name_must_be_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("<?xml version='1.0'?><notes><n>A story.</n></notes>", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(
        "\ufeff<rss version='2.0'><channel><item><guid>x</guid><description>A story."
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    docs, [reject] = _read(path, feed)
    assert [d.id for d in docs] == ["x"]
    assert (reject.code, reject.reason) == (
        "bad_record",
        "an XML file that is not an RSS or Atom feed",
    )
