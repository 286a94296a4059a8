"""Ingest: files, directories, JSON Lines, HTML, feeds and stdin into :class:`Document` records.

``read_inputs`` is the entry point; bad input becomes a :class:`~dyadwatch.model.Reject` and the
run goes on. ``segment_page`` splits a page into its main article and teasers. See
``docs/ingest.md`` for the rules and limits.
"""

from __future__ import annotations

from dyadwatch.ingest.dates import parse_date
from dyadwatch.ingest.reader import DEFAULT_MAX_BYTES, read_inputs
from dyadwatch.ingest.segment import segment_page, split_paragraphs

__all__ = ["DEFAULT_MAX_BYTES", "parse_date", "read_inputs", "segment_page", "split_paragraphs"]
