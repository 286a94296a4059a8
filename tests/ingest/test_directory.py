from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from dyadwatch.errors import RejectCode
from dyadwatch.ingest.directory import is_document_file
from dyadwatch.model import Document, Reject

Read = Callable[..., tuple[list[Document], list[Reject]]]
Write = Callable[[str, str | bytes], Path]


def test_directory_is_walked_recursively_in_sorted_order(write: Write, read: Read) -> None:
    for name in [
        "corpus/b.txt",
        "corpus/a/z.md",
        "corpus/a/b.html",
        "corpus/C.txt",
        "corpus/a.txt",
    ]:
        write(name, "<p>Text.</p>" if name.endswith(".html") else "Text.")
    docs, rejects = read("corpus/")
    assert rejects == []
    assert [d.id for d in docs] == [
        "corpus/C.txt", "corpus/a/b.html", "corpus/a/z.md", "corpus/a.txt", "corpus/b.txt",
    ]  # fmt: skip


def test_directory_ids_follow_the_path_as_given(write: Write, read: Read) -> None:
    write("corpus/a.txt", "Text.")
    assert [d.id for d in read("./corpus")[0]] == ["corpus/a.txt"]
    assert [d.id for d in read("corpus/../corpus")[0]] == ["corpus/../corpus/a.txt"]


@pytest.mark.parametrize(
    "name",
    [
        ".hidden.txt", ".git/config.txt", "photo.png", "paper.pdf", "script.py", "data.csv",
        "README.md", "readme.txt", "LICENSE", "CHANGELOG.md", "Makefile", "notes.txt~",
        "page.xml",
    ],
)  # fmt: skip
def test_directory_skips_files_that_are_not_documents(write: Write, read: Read, name: str) -> None:
    write("corpus/keep.txt", "Text.")
    write(f"corpus/{name}", "not a news document")
    docs, rejects = read("corpus")
    assert [d.id for d in docs] == ["corpus/keep.txt"] and rejects == []


def test_directory_reads_extensionless_text_but_skips_binary_and_scripts(
    write: Write, read: Read
) -> None:
    write("corpus/story", "Text.")
    write("corpus/blob", b"\x00\x01binary")
    write("corpus/run", "#!/bin/sh\necho hi\n")
    docs, rejects = read("corpus")
    assert [d.id for d in docs] == ["corpus/story"] and rejects == []


def test_directory_rejects_bad_files_with_document_extensions(write: Write, read: Read) -> None:
    write("corpus/bad.txt", b"\x00\x00\x00")
    write("corpus/good.txt", "Text.")
    docs, [reject] = read("corpus")
    assert [d.id for d in docs] == ["corpus/good.txt"]
    assert (reject.origin, reject.code) == ("corpus/bad.txt", RejectCode.BINARY)


def test_directory_without_documents_is_reported(write: Write, read: Read) -> None:
    write("corpus/photo.png", b"\x89PNG\r\n\x1a\n")
    docs, [reject] = read("corpus")
    assert docs == [] and (reject.origin, reject.code) == ("corpus", RejectCode.EMPTY)


def test_directory_broken_symlink_is_rejected(write: Write, read: Read, tmp_path: Path) -> None:
    write("corpus/a.txt", "Text.")
    os.symlink(tmp_path / "missing.txt", tmp_path / "corpus" / "gone.txt")
    _, [reject] = read("corpus")
    assert (reject.origin, reject.code) == ("corpus/gone.txt", RejectCode.NOT_FOUND)


def test_directory_does_not_follow_symlinked_directories(
    write: Write, read: Read, tmp_path: Path
) -> None:
    write("corpus/a.txt", "Text.")
    os.symlink(tmp_path / "corpus", tmp_path / "corpus" / "loop")
    docs, rejects = read("corpus")
    assert [d.id for d in docs] == ["corpus/a.txt"] and rejects == []


def test_xml_feed_counts_as_a_document_file(write: Write) -> None:
    assert is_document_file(write("feed.xml", "<?xml version='1.0'?><rss><channel/></rss>"))
    assert not is_document_file(write("pom.xml", "<project></project>"))
