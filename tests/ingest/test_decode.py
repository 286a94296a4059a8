from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest.decode import decode_text, read_bounded

TEXT = "Tokyo protested to Beijing. 東京"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom"],
)
def test_decode_text_reads_utf8_and_bom_marked_text(data: bytes) -> None:
    assert decode_text(data, "x") == TEXT


def test_decode_text_uses_a_declared_encoding() -> None:
    assert decode_text("Café".encode("cp1252"), "x", declared="windows-1252") == "Café"


def test_decode_text_prefers_valid_utf8_over_a_wrong_declaration() -> None:
    assert decode_text("Café".encode(), "x", declared="windows-1252") == "Café"


def test_decode_text_ignores_an_unknown_declared_encoding() -> None:
    assert decode_text(b"plain", "x", declared="no-such-codec") == "plain"


def test_decode_text_never_replaces_undecodable_bytes() -> None:
    with pytest.raises(InputError) as info:
        decode_text("Café au lait".encode("latin-1"), "f.txt")
    assert info.value.reject_code is RejectCode.UNDECODABLE
    assert "0xe9 at offset 3" in info.value.message
    assert info.value.origin == "f.txt"


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"some text\x00\x00\x01binary", "NUL"),
        (b"\x01\x02\x03\x04\x05\x06 mostly control characters", "control characters"),
    ],
)
def test_decode_text_refuses_binary_content(data: bytes, named: str) -> None:
    with pytest.raises(InputError) as info:
        decode_text(data, "x")
    assert info.value.reject_code is RejectCode.BINARY
    assert named in info.value.message


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n ", codecs.BOM_UTF8])
def test_decode_text_refuses_empty_text(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        decode_text(data, "x")
    assert info.value.reject_code is RejectCode.EMPTY


def test_read_bounded_refuses_files_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(InputError, match="too large: 101 bytes, the limit is 100"):
        read_bounded(path, "big.txt", 100)
    assert read_bounded(path, "big.txt", 101) == b"x" * 101
