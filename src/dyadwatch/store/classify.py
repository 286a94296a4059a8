"""Deciding, document by document, what an ingest must do: skip, link as a duplicate, or code.

The decision depends on the stored documents *and* on the documents this run has already
decided (which may still be in flight to the coder), so the classifier keeps an in-memory
overlay of this run over the database. Decisions are made in input order; that order, and
writing in the same order, is what makes a re-run after a crash reach the same database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb

from dyadwatch.model import Document
from dyadwatch.store import dedup

if TYPE_CHECKING:
    from datasketch import LeanMinHash

ORIGINAL_STATUSES = ("coded", "failed")


@dataclass(slots=True)
class Planned:
    """What to write for one document."""

    doc: Document
    record_hash: str
    content_hash: str
    signature: LeanMinHash | None
    existed: bool  # a stored row with this id is replaced
    content_changed: bool  # ... and its text or metadata changed (not a plain re-code)
    duplicate_of: str | None = None
    duplicate_kind: str | None = None  # exact | near
    similarity: float | None = None

    @property
    def needs_coding(self) -> bool:
        return self.duplicate_of is None


@dataclass(slots=True)
class _Seen:
    record_hash: str
    content_hash: str
    original: bool
    status: str


class Classifier:
    """Classifies documents against the store plus this run's earlier decisions."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self._run: dict[str, _Seen] = {}  # this run's decisions, overriding the database
        self._run_hashes: dict[str, set[str]] = defaultdict(set)  # originals by content hash
        self._index: dedup.NearDuplicateIndex | None = None
        self._facts: dict[str, frozenset[str]] = {}  # facts of originals compared so far

    def classify(self, docs: Sequence[Document], *, force: bool = False) -> list[Planned | None]:
        """One decision per document, in order; None means unchanged (nothing to do).

        ``force`` re-decides stored documents even when unchanged (pending documents).
        """
        stored = self._stored([d.id for d in docs])
        hashes = [dedup.content_hash(d.text) for d in docs]
        stored_by_hash = self._stored_originals_by_hash(hashes)
        out: list[Planned | None] = []
        for doc, chash in zip(docs, hashes, strict=True):
            out.append(self._classify_one(doc, chash, stored, stored_by_hash, force))
        return out

    def _classify_one(
        self,
        doc: Document,
        chash: str,
        stored: dict[str, _Seen],
        stored_by_hash: dict[str, set[str]],
        force: bool,
    ) -> Planned | None:
        rhash = dedup.record_hash(doc)
        prior = self._run.get(doc.id) or stored.get(doc.id)
        if prior is not None and prior.record_hash == rhash and not force:
            return None
        index = self._ensure_index()
        if prior is not None:  # the old version stops being an original
            index.discard(doc.id)
            self._run_hashes[prior.content_hash].discard(doc.id)
        planned = Planned(
            doc=doc,
            record_hash=rhash,
            content_hash=chash,
            signature=dedup.signature(doc.text),
            existed=prior is not None,
            content_changed=prior is not None and prior.record_hash != rhash,
        )
        exact = self._exact_originals(chash, stored_by_hash) - {doc.id}
        if exact:
            planned.duplicate_of, planned.duplicate_kind, planned.similarity = (
                min(exact),
                "exact",
                1.0,
            )
        elif planned.signature is not None:
            mine = dedup.facts(doc.text)
            match = index.best_match(
                planned.signature,
                exclude=doc.id,
                accept=lambda other: dedup.facts_agree(mine, self._facts_of(other)),
            )
            if match is not None:
                planned.duplicate_of, planned.duplicate_kind = match[0], "near"
                planned.similarity = round(match[1], 4)
        original = planned.duplicate_of is None
        self._facts.pop(doc.id, None)
        if original:
            self._run_hashes[chash].add(doc.id)
            self._facts[doc.id] = dedup.facts(doc.text)
            if planned.signature is not None:
                index.add(doc.id, planned.signature)
        status = "coded" if original else "duplicate"
        self._run[doc.id] = _Seen(rhash, chash, original, status)
        return planned

    def _facts_of(self, doc_id: str) -> frozenset[str]:
        """Facts of an indexed original: this run's, else read from its stored text."""
        known = self._facts.get(doc_id)
        if known is None:
            row = self._con.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            known = self._facts[doc_id] = dedup.facts(row[0] if row else "")
        return known

    def _exact_originals(self, chash: str, stored_by_hash: dict[str, set[str]]) -> set[str]:
        found = set(self._run_hashes.get(chash, ()))
        for doc_id in stored_by_hash.get(chash, ()):
            seen = self._run.get(doc_id)
            if seen is None or (seen.original and seen.content_hash == chash):
                found.add(doc_id)
        return found

    def _stored(self, ids: list[str]) -> dict[str, _Seen]:
        rows = self._con.execute(
            "SELECT id, record_hash, content_hash, status FROM documents "
            "WHERE id IN (SELECT unnest(?))",
            [ids],
        ).fetchall()
        return {r[0]: _Seen(r[1], r[2], r[3] in ORIGINAL_STATUSES, r[3]) for r in rows}

    def _stored_originals_by_hash(self, hashes: list[str]) -> dict[str, set[str]]:
        rows = self._con.execute(
            "SELECT content_hash, id FROM documents "
            "WHERE content_hash IN (SELECT unnest(?)) AND status IN ('coded', 'failed')",
            [hashes],
        ).fetchall()
        out: dict[str, set[str]] = defaultdict(set)
        for chash, doc_id in rows:
            out[chash].add(doc_id)
        return out

    def _ensure_index(self) -> dedup.NearDuplicateIndex:
        """Load the originals' signatures on first need, before this run changes anything.

        Signatures missing or made with other parameters are computed and saved.
        """
        if self._index is not None:
            return self._index
        index = dedup.NearDuplicateIndex()
        rows = self._con.execute(
            "SELECT d.id, m.signature, m.doc_id IS NOT NULL AND m.params = ?, "
            "CASE WHEN m.doc_id IS NULL OR m.params <> ? THEN d.text END "
            "FROM documents d LEFT JOIN doc_minhash m ON m.doc_id = d.id "
            "WHERE d.status IN ('coded', 'failed') ORDER BY d.id",
            [dedup.PARAMS, dedup.PARAMS],
        ).fetchall()
        fresh: list[tuple[str, str, bytes | None]] = []
        items: list[tuple[str, LeanMinHash]] = []
        for doc_id, blob, current, text in rows:
            if current:
                if blob is not None:
                    items.append((doc_id, dedup.signature_from_bytes(blob)))
                continue
            sig = dedup.signature(text)
            fresh.append((doc_id, dedup.PARAMS, dedup.signature_bytes(sig) if sig else None))
            if sig is not None:
                items.append((doc_id, sig))
        index.add_many(items)
        if fresh:
            self._con.execute("BEGIN TRANSACTION")
            self._con.execute(
                "DELETE FROM doc_minhash WHERE doc_id IN (SELECT unnest(?))",
                [[f[0] for f in fresh]],
            )
            self._con.executemany("INSERT INTO doc_minhash VALUES (?, ?, ?)", fresh)
            self._con.execute("COMMIT")
        self._index = index
        return index
