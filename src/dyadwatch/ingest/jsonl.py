"""JSON Lines records ``{id, text, date?, title?, source?, url?}``, plain or gzip-compressed.

Lines are read one at a time (a large file is never held in memory) and each bad line becomes a
Reject with its ``path:line`` origin while the following lines are still read. Blank lines are
not records and are skipped. Other string fields of a record (``author``, ``language`` ...) are
kept in ``metadata``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest.dates import parse_date
from dyadwatch.ingest.decode import SNIFF_BYTES, binary_kind, too_large, unreadable
from dyadwatch.model import Document, Reject

_OPTIONAL_TEXT_FIELDS = ("title", "source", "url")
_KNOWN_FIELDS = {"id", "text", "date", *_OPTIONAL_TEXT_FIELDS}
_SURROGATE = re.compile("[\ud800-\udfff]")
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def is_gzip_name(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def read_jsonl_file(path: Path, label: str, max_bytes: int) -> Iterator[Document | Reject]:
    """Records of a ``.jsonl``/``.jsonl.gz`` file; ``max_bytes`` bounds the (decompressed) data."""
    progress = _Progress()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_large(label, max_bytes, size)
        with _open(path) as handle:
            head = handle.read(SNIFF_BYTES)
            _check_head(head, label)
            handle.seek(0)
            yield from read_jsonl_lines(progress.count(handle), label, max_bytes)
    except InputError as exc:
        yield Reject(exc.origin or label, exc.reject_code.value, exc.message)
    except gzip.BadGzipFile as exc:
        yield Reject(label, RejectCode.UNREADABLE.value, f"not gzip data: {exc}{progress.where()}")
    except OSError as exc:
        yield _reject_oserror(exc, label)
    except (EOFError, zlib.error) as exc:  # a truncated or corrupt .gz stream
        yield Reject(
            label, RejectCode.UNREADABLE.value, f"corrupt gzip data: {exc}{progress.where()}"
        )


class _Progress:
    """How far reading got, so a reject for a corrupt stream can say where it stopped."""

    def __init__(self) -> None:
        self.lines = 0
        self.bytes = 0

    def count(self, lines: Iterable[bytes]) -> Iterator[bytes]:
        for line in lines:
            self.lines += 1
            self.bytes += len(line)
            yield line

    def where(self) -> str:
        if not self.lines:
            return "; reading stopped before the first line"
        return (
            f"; reading stopped after line {self.lines:,} (byte {self.bytes:,} of the "
            "uncompressed data); the lines before it were read"
        )


def read_jsonl_lines(
    lines: Iterable[bytes], label: str, max_bytes: int
) -> Iterator[Document | Reject]:
    """Records from raw lines; origin ``label:N`` with N counted from 1."""
    total = 0
    for number, raw in enumerate(lines, start=1):
        total += len(raw)
        if total > max_bytes:
            exc = too_large(label, max_bytes)
            yield Reject(
                label, exc.reject_code.value, f"{exc.message}; lines from {number} on not read"
            )
            return
        origin = f"{label}:{number}"
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        try:
            yield record_to_document(_parse_line(raw, origin), label=label, line=number)
        except InputError as exc:
            yield Reject(origin, exc.reject_code.value, exc.message)


def record_to_document(record: Any, *, label: str, line: int) -> Document:
    """Validate one parsed JSON value as a record. Raises InputError with the reason."""
    origin = f"{label}:{line}"
    if not isinstance(record, dict):
        raise InputError(
            f"expected a JSON object with a 'text' field, got {_json_type(record)}",
            RejectCode.BAD_RECORD,
            origin,
        )
    if "text" not in record:
        raise InputError("the record has no 'text' field", RejectCode.BAD_RECORD, origin)
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(
            f"'text' must be a string, got {_json_type(text)}", RejectCode.BAD_RECORD, origin
        )
    if not text.strip():
        raise InputError("'text' is empty", RejectCode.EMPTY, origin)
    _check_characters(record, origin)
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL_TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(
                f"{name!r} must be a string, got {_json_type(value)}", RejectCode.BAD_RECORD, origin
            )
        fields[name] = value.strip() or None if isinstance(value, str) else None
    return Document(
        id=_record_id(record, label, line, origin),
        text=text,
        date=_record_date(record.get("date"), origin),
        title=fields["title"],
        source=fields["source"],
        url=fields["url"],
        origin=origin,
        metadata={
            k: v for k, v in record.items() if k not in _KNOWN_FIELDS and isinstance(v, str) and v
        },
    )


def _open(path: Path) -> io.BufferedIOBase:
    if is_gzip_name(path):
        return gzip.open(path, "rb")
    return path.open("rb")


def _check_head(head: bytes, label: str) -> None:
    if head.startswith(_WIDE_BOMS):
        raise InputError(
            "JSON Lines must be UTF-8, this file is UTF-16/32 (it starts with a byte-order mark); "
            "re-save it as UTF-8",
            RejectCode.UNDECODABLE,
            label,
        )
    kind = binary_kind(head)
    if kind is not None:
        raise InputError(f"not JSON Lines: looks like {kind}", RejectCode.BINARY, label)


def _parse_line(raw: bytes, origin: str) -> Any:
    try:
        line = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8: byte 0x{raw[exc.start : exc.start + 1].hex()} at column "
            f"{exc.start + 1} cannot be decoded",
            RejectCode.UNDECODABLE,
            origin,
        ) from exc
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        # some messages end in "at" ("Invalid control character at"): say the place once
        message = exc.msg.removesuffix(" at")
        raise InputError(
            f"malformed JSON: {message} at column {exc.colno}", RejectCode.MALFORMED_JSON, origin
        ) from exc
    except ValueError as exc:  # an integer over Python's 4,300-digit conversion limit
        raise InputError(
            "malformed JSON: a number has more than 4,300 digits, the longest integer Python reads",
            RejectCode.MALFORMED_JSON,
            origin,
        ) from exc
    except RecursionError as exc:
        raise InputError(
            "malformed JSON: nested too deeply", RejectCode.MALFORMED_JSON, origin
        ) from exc


def _check_characters(record: dict[str, Any], origin: str) -> None:
    """Refuse characters that cannot be stored or would change coding unseen.

    A lone surrogate (``"\\ud800"``) is not a character: it cannot be encoded as UTF-8, so the
    document could be neither stored nor shown. A NUL is invisible in every view yet splits
    tokens: the record is rejected with its position rather than silently cleaned, so the
    evidence offsets always match the text the user sent.
    """
    for name, value in record.items():
        if not isinstance(value, str):
            continue
        surrogate = _SURROGATE.search(value)
        if surrogate is not None:
            raise InputError(
                f"{name!r} holds a lone surrogate escape (\\u{ord(surrogate.group()):04x}) at "
                f"character {surrogate.start()}: it is not a character and cannot be stored "
                "as UTF-8",
                RejectCode.UNDECODABLE,
                origin,
            )
        nul = value.find("\x00")
        if nul >= 0:
            raise InputError(
                f"{name!r} contains a NUL character (\\u0000) at character {nul}; remove it "
                "(dyadwatch does not clean text silently)",
                RejectCode.BAD_RECORD,
                origin,
            )


def _record_id(record: dict[str, Any], label: str, line: int, origin: str) -> str:
    value = record.get("id")
    if value is None:
        return f"{label}:{line}"
    # bool is an int subclass, but an id of true/false is a mistake, not an id
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(
            f"'id' must be a string or an integer, got {_json_type(value)}",
            RejectCode.BAD_RECORD,
            origin,
        )
    text = str(value).strip()
    if not text:
        raise InputError("'id' is an empty string", RejectCode.BAD_RECORD, origin)
    return text


def _record_date(value: Any, origin: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(
            f"'date' must be a string such as \"2021-08-02\", got {_json_type(value)}",
            RejectCode.BAD_DATE,
            origin,
        )
    try:
        return parse_date(value)
    except ValueError as exc:
        raise InputError(str(exc), RejectCode.BAD_DATE, origin) from exc


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _reject_oserror(exc: OSError, label: str) -> Reject:
    error = unreadable(label, exc)
    return Reject(label, error.reject_code.value, error.message)
