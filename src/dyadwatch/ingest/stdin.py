"""Standard input (``-``): read once, then JSON Lines, HTML, a feed or plain text by content."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from dyadwatch.errors import InputError, RejectCode
from dyadwatch.ingest.decode import read_stream
from dyadwatch.ingest.sources import documents_from_bytes, reject_from
from dyadwatch.model import Document, Reject

STDIN_LABEL = "-"
STDIN_ID = "stdin"  # the document id of a single text/HTML document read from stdin


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
