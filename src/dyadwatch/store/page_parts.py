"""Which stored documents a re-read page no longer produces.

A page is stored as one document, or split into ``<page>#main`` and other parts whose
``parent_id`` is the page (see :mod:`dyadwatch.ingest.segment`). When the page is read again
with another split (an article with fewer teasers, or no longer split at all), the stored parts
the run did not produce again must go, or their sentences count twice.

Only pages worth checking are remembered for the whole run: every ``SIFT`` pages read, one
query keeps those that have stored documents this run has not (yet) produced. The reader yields
a page's parts one after another, so only the last page of a sifted group can still grow; it is
carried over to the next group. Memory therefore stays small however many documents a run
reads.
"""

from __future__ import annotations

from collections import defaultdict

import duckdb

from dyadwatch.model import Document

SIFT = 256


class PageParts:
    """The parts each page read in this run produced, for the pages that may have stale ones."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.recent: dict[str, set[str]] = {}  # pages read since the last sift, in order
        self.candidates: dict[str, set[str]] = {}  # pages with stored documents not yet seen

    def note(self, doc: Document) -> None:
        page = doc.parent_id if doc.parent_id is not None else doc.id
        if page in self.candidates:
            self.candidates[page].add(doc.id)
            return
        self.recent.setdefault(page, set()).add(doc.id)
        if len(self.recent) > SIFT:
            last = next(reversed(self.recent))
            carried = self.recent.pop(last)
            self._sift()
            self.recent = {last: carried}

    def stale(self) -> list[str]:
        """Stored documents of re-read pages that this run did not produce; forgets the run.

        Only pages whose whole text or main part (``<page>#main``) was read count as re-read:
        a teaser ingested on its own says nothing about its siblings.
        """
        self._sift()
        pages = {
            page: parts
            for page, parts in self.candidates.items()
            if page in parts or f"{page}#main" in parts
        }
        self.candidates = {}
        stored = self._stored(list(pages))
        return sorted(i for page, ids in stored.items() for i in ids - pages[page])

    def _sift(self) -> None:
        recent, self.recent = self.recent, {}
        if not recent:
            return
        stored = self._stored(list(recent))
        for page, parts in recent.items():
            if stored.get(page, set()) - parts:
                self.candidates[page] = parts

    def _stored(self, pages: list[str]) -> dict[str, set[str]]:
        """Stored ids by page: its parts, and the page itself stored whole before a split."""
        if not pages:
            return {}
        rows = self.con.execute(
            "SELECT id, coalesce(parent_id, id) FROM documents "
            "WHERE parent_id IN (SELECT unnest(?)) OR id IN (SELECT unnest(?))",
            [pages, pages],
        ).fetchall()
        out: dict[str, set[str]] = defaultdict(set)
        for doc_id, page in rows:
            if page in pages:
                out[page].add(doc_id)
        return out
