"""WARC archives (``.warc``, ``.warc.gz``), e.g. Common Crawl News (CC-NEWS): one document per
HTML response record, read as a stream.

The archive is never loaded whole: warcio iterates over its records, and only HTML response
records with a 2xx status are read, each up to ``max_bytes``. A record's document id is its
``WARC-Target-URI`` (so ingesting the archive again, or an overlapping one, changes nothing),
its text and metadata come from :func:`dyadwatch.ingest.article.extract_page`, and a page
without a publication date takes the record's ``WARC-Date`` day. A record that cannot be read is
a reject naming the record (``archive.warc.gz#record-12``); reading goes on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest.article import extract_page
from dyadwatch.ingest.dates import try_parse_date
from dyadwatch.ingest.decode import decode_text
from dyadwatch.ingest.html import declared_charset
from dyadwatch.model import Document, Reject

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, label: str, max_bytes: int) -> Iterator[Document | Reject]:
    """Documents of the HTML responses in a WARC file; rejects for records that fail."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        with path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if not _is_html_response(record):
                    continue
                found += 1
                yield _record_document(record, f"{label}#record-{number}", max_bytes)
    except OSError as exc:
        yield Reject(label, RejectCode.UNREADABLE.value, f"cannot read the archive: {exc}")
        return
    except ArchiveLoadFailed as exc:
        yield Reject(label, RejectCode.BAD_RECORD.value, f"not a readable WARC file: {exc}")
        return
    if not found:
        yield Reject(label, RejectCode.EMPTY.value, "the archive holds no HTML response record")


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return bool(status and status.startswith("2")) and ("html" in content_type or not content_type)


def _record_document(record: Any, origin: str, max_bytes: int) -> Document | Reject:
    url = record.rec_headers.get_header("WARC-Target-URI") or origin
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Reject(origin, RejectCode.TOO_LARGE.value, f"the record is over {max_bytes} bytes")
    try:
        declared = _header_charset(record) or declared_charset(body)
        markup = decode_text(body, origin, declared=declared)
        doc = extract_page(markup, doc_id=url, origin=origin, url=url)
    except InputError as exc:
        return Reject(origin, exc.reject_code.value, exc.message)
    if doc.date is None:
        warc_day = try_parse_date((record.rec_headers.get_header("WARC-Date") or "")[:10])
        doc = dataclasses.replace(doc, date=warc_day)
    return doc


def _header_charset(record: Any) -> str | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None
