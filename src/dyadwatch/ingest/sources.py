"""One file (or one in-memory input) to documents: pick the reader, decode, hand over."""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from pathlib import Path

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest.article import extract_page
from dyadwatch.ingest.decode import SNIFF_BYTES, binary_kind, decode_text, read_bounded
from dyadwatch.ingest.feeds import read_feed
from dyadwatch.ingest.html import declared_charset
from dyadwatch.ingest.jsonl import read_jsonl_file, read_jsonl_lines
from dyadwatch.ingest.sniff import Kind, kind_from_name, sniff_kind, suffix_of
from dyadwatch.ingest.text import document_from_text
from dyadwatch.ingest.warc import is_warc, read_warc
from dyadwatch.model import Document, Reject


def read_file(path: Path, label: str, max_bytes: int) -> Iterator[Document | Reject]:
    """Documents of one regular file; ``label`` (the path as given) is its id and origin."""
    if is_warc(path):  # streamed record by record: an archive may be far over max_bytes
        yield from read_warc(path, label, max_bytes)
        return
    kind = kind_from_name(path)
    if kind is Kind.JSONL:
        yield from read_jsonl_file(path, label, max_bytes)
        return
    try:
        data = read_bounded(path, label, max_bytes)
    except InputError as exc:
        yield reject_from(exc, label)
        return
    if suffix_of(path) == ".xml" and not _looks_like_feed(data):
        # an XML file is either a feed or not news text at all: never code its markup as prose
        yield Reject(
            label, RejectCode.BAD_RECORD.value, "an XML file that is not an RSS or Atom feed"
        )
        return
    yield from documents_from_bytes(data, doc_id=label, label=label, kind=kind, max_bytes=max_bytes)


def documents_from_bytes(
    data: bytes, *, doc_id: str, label: str, kind: Kind | None, max_bytes: int
) -> Iterator[Document | Reject]:
    """Documents from raw content; ``kind=None`` sniffs it (stdin, files without extension)."""
    try:
        if kind is Kind.FEED or (kind is None and _looks_like_feed(data)):
            _check_feed_bytes(data, label)
            yield from read_feed(data, label)
            return
        declared = declared_charset(data) if kind in (Kind.HTML, None) else None
        text = decode_text(data, label, declared=declared)
        if kind is None:
            kind = sniff_kind(text[:SNIFF_BYTES])
            if kind is Kind.TEXT and _is_json_document(text):
                raise InputError(
                    "a JSON document, not JSON Lines: give one {id, text, ...} object per line",
                    RejectCode.BAD_RECORD,
                    label,
                )
        if kind is Kind.JSONL:
            yield from read_jsonl_lines(io.BytesIO(data), label, max_bytes)
        elif kind is Kind.HTML:
            yield extract_page(text, doc_id=doc_id, origin=label)
        else:
            markdown = kind is Kind.MARKDOWN
            yield document_from_text(text, doc_id=doc_id, origin=label, markdown=markdown)
    except InputError as exc:
        yield reject_from(exc, label)


def reject_from(exc: InputError, origin: str) -> Reject:
    return Reject(exc.origin or origin, exc.reject_code.value, exc.message)


def _is_json_document(text: str) -> bool:
    """A whole-file JSON array or object (a ``.json`` export), which would be coded as prose."""
    if not text.lstrip().startswith(("[", "{")):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].removeprefix(codecs.BOM_UTF8).lstrip().lower()
    return head.startswith(b"<") and any(m in head for m in (b"<rss", b"<feed", b"<rdf:rdf"))


def _check_feed_bytes(data: bytes, label: str) -> None:
    kind = binary_kind(data[:SNIFF_BYTES])
    if kind is not None:
        raise InputError(f"not a feed: looks like {kind}", RejectCode.BINARY, label)
    if not data.strip():
        raise InputError("no text: the input is empty", RejectCode.EMPTY, label)
