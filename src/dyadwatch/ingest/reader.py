"""``read_inputs``: every input the user named, as documents or rejects, in a stable order.

This is where the per-run rules live: the fallback publication date, page segmentation, and
unique document ids. Nothing raises for bad input; each problem becomes a :class:`Reject`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from dyadwatch.errors import ConfigError, InputError, RejectCode
from dyadwatch.ingest.dates import implausible_date
from dyadwatch.ingest.decode import read_stream, unreadable
from dyadwatch.ingest.directory import walk_directory
from dyadwatch.ingest.segment import segment_page
from dyadwatch.ingest.sources import documents_from_bytes, read_file, reject_from
from dyadwatch.model import Document, Reject

DEFAULT_MAX_BYTES = 50_000_000
STDIN_LABEL = "-"
STDIN_ID = "stdin"  # the document id of a single text/HTML document read from stdin


def read_inputs(
    inputs: Sequence[str],
    *,
    default_date: dt.date | None = None,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | Reject]:
    """Read files, directories, JSON Lines and ``-`` (stdin) into documents, lazily.

    ``default_date`` is the publication date of documents that state none. Pages are split into
    their main article and teasers (:func:`~dyadwatch.ingest.segment.segment_page`). A document
    id already seen in this run is rejected (``duplicate_id``), a publication date before 1800 or
    more than two years ahead too (``implausible_date``), as is every unreadable, binary,
    undecodable, empty, malformed or over-``max_bytes`` input; reading always goes on.
    """
    if isinstance(inputs, str):  # a lone path is a Sequence[str] of characters: take it whole
        inputs = [inputs]
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    if default_date is not None and (problem := implausible_date(default_date)) is not None:
        raise ConfigError(f"the default date (--date): {problem}")
    seen: dict[str, str] = {}  # document id -> origin of its first use
    stdin_read = False
    for given in inputs:
        if given == STDIN_LABEL:
            if stdin_read:
                yield Reject(
                    STDIN_LABEL,
                    RejectCode.DUPLICATE_ID.value,
                    "standard input ('-') was given more than once; it can be read only once",
                )
                continue
            stdin_read = True
            items = read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
        else:
            items = _read_path(given, max_bytes)
        for item in items:
            if isinstance(item, Reject):
                yield item
            else:
                yield from _accept(item, default_date, seen)


def _read_path(given: str, max_bytes: int) -> Iterator[Document | Reject]:
    if not given.strip():
        yield Reject(given, RejectCode.NOT_FOUND.value, "empty input path")
        return
    path = Path(given)
    label = path.as_posix()
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        error = unreadable(label, exc)
        yield Reject(label, error.reject_code.value, error.message)
        return
    if stat.S_ISDIR(mode):
        found = 0
        for entry in walk_directory(path, label):
            if isinstance(entry, Reject):
                yield entry
                continue
            found += 1
            yield from read_file(entry[0], entry[1], max_bytes)
        if not found:
            yield Reject(
                label,
                RejectCode.EMPTY.value,
                "no document files in this directory (.txt, .md, .html, .jsonl, .jsonl.gz, "
                ".rss, .atom, or text files without an extension)",
            )
    elif stat.S_ISREG(mode):
        yield from read_file(path, label, max_bytes)
    else:
        yield Reject(label, RejectCode.UNREADABLE.value, "not a regular file or a directory")


def _accept(
    doc: Document, default_date: dt.date | None, seen: dict[str, str]
) -> Iterator[Document | Reject]:
    """Fill the fallback date, enforce unique ids, and split the page."""
    if doc.date is None and default_date is not None:
        doc = dataclasses.replace(doc, date=default_date)
    if doc.date is not None and (problem := implausible_date(doc.date)) is not None:
        yield Reject(doc.origin, RejectCode.IMPLAUSIBLE_DATE.value, problem)
        return
    if doc.id in seen:
        yield _duplicate(doc, seen[doc.id])
        return
    seen[doc.id] = doc.origin
    for part in segment_page(doc):
        if part.id != doc.id:
            if part.id in seen:
                yield _duplicate(part, seen[part.id])
                continue
            seen[part.id] = part.origin
        yield part


def _duplicate(doc: Document, first_origin: str) -> Reject:
    return Reject(
        doc.origin,
        RejectCode.DUPLICATE_ID.value,
        f"document id {doc.id!r} was already used in this run (first at {first_origin})",
    )


def read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Document | Reject]:
    """Documents from a binary stream; JSON Lines records get origins ``-:N``."""
    try:
        data = read_stream(stream, STDIN_LABEL, max_bytes)
    except InputError as exc:
        yield reject_from(exc, STDIN_LABEL)
        return
    except OSError as exc:
        yield Reject(STDIN_LABEL, RejectCode.UNREADABLE.value, f"cannot read standard input: {exc}")
        return
    yield from documents_from_bytes(
        data, doc_id=STDIN_ID, label=STDIN_LABEL, kind=None, max_bytes=max_bytes
    )
