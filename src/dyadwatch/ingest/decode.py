"""Bytes to text, strictly: BOM-aware, UTF-8 otherwise, binary content recognised and refused.

Nothing here guesses an encoding or replaces characters: a file that is not valid text in a
known encoding is rejected with a reason that says where it went wrong, so the user can fix it.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

from dyadwatch.errors import InputError, RejectCode

# Checked longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Well-known binary formats, named so the reason tells the user what the file really is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub file)"),
    (b"\x1f\x8b", "gzip-compressed data (name it .jsonl.gz if it is JSON Lines)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

SNIFF_BYTES = 8192
# Control characters that plain text legitimately contains.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\b\x1b")
# Above this share of control characters a decoded text is treated as binary.
_MAX_CONTROL_SHARE = 0.05


def binary_kind(head: bytes) -> str | None:
    """What binary format ``head`` (the first bytes of a file) looks like, or None for text."""
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text contains NUL bytes legitimately
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if b"\x00" in head:
        return "binary data (it contains NUL bytes)"
    return None


def decode_text(data: bytes, origin: str, *, declared: str | None = None) -> str:
    """Decode ``data`` strictly: by its byte-order mark, else as UTF-8, else as ``declared``.

    ``declared`` is an encoding the document states about itself (an HTML ``<meta charset>``).
    Raises :class:`InputError` (``binary``, ``undecodable`` or ``empty``).
    """
    kind = binary_kind(data[:SNIFF_BYTES])
    if kind is not None:
        raise InputError(f"not a text document: looks like {kind}", RejectCode.BINARY, origin)
    encoding = "utf-8"
    body = data
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, body = name, data[len(bom) :]
            break
    else:
        # Valid UTF-8 is taken as UTF-8 even when a page declares otherwise (a common
        # mis-declaration); the declaration decides only for bytes that are not UTF-8.
        if declared and _known_codec(declared) and not _is_utf8(body):
            encoding = declared
    try:
        text = body.decode(encoding, errors="strict")
    except UnicodeDecodeError as exc:
        bad = body[exc.start : exc.start + 1].hex()
        raise InputError(
            f"not valid {encoding} text: byte 0x{bad} at offset {exc.start} cannot be decoded; "
            "re-save the file as UTF-8",
            RejectCode.UNDECODABLE,
            origin,
        ) from exc
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(
            "not a text document: too many control characters for text",
            RejectCode.BINARY,
            origin,
        )
    if not text.strip():
        raise InputError("no text: the input is empty or whitespace only", RejectCode.EMPTY, origin)
    return text


def normalize_newlines(text: str) -> str:
    """Windows and old-Mac line ends to ``\\n``, so offsets do not depend on the platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bounded(path: Path, origin: str, max_bytes: int) -> bytes:
    """Read a whole regular file, refusing files larger than ``max_bytes``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_large(origin, max_bytes, size)
        with path.open("rb") as handle:
            return read_stream(handle, origin, max_bytes)
    except OSError as exc:
        raise unreadable(origin, exc) from exc


def read_stream(handle: BinaryIO, origin: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` from a stream; more than that is an error, not a truncation."""
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(origin, max_bytes)
    return data


def too_large(origin: str, max_bytes: int, size: int | None = None) -> InputError:
    actual = f"{size:,} bytes" if size is not None else "more than that"
    return InputError(
        f"too large: {actual}, the limit is {max_bytes:,} bytes (max_input_bytes)",
        RejectCode.TOO_LARGE,
        origin,
    )


def unreadable(origin: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file or directory", RejectCode.NOT_FOUND, origin)
    reason = exc.strerror or exc.__class__.__name__
    return InputError(f"cannot read: {reason}", RejectCode.UNREADABLE, origin)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _control_share(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    return controls / len(sample)
