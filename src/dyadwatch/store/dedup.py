"""Recognising repeated documents: exact copies and near-copies (one wire story, many outlets).

* Exact: the SHA-256 of the normalised text (Unicode NFKC, case-folded, whitespace collapsed)
  is equal.
* Near: MinHash signatures over word 3-shingles estimate a Jaccard similarity of at least
  :data:`NEAR_THRESHOLD` (0.8). Candidates come from a :class:`datasketch.MinHashLSH` index and
  are then checked against the threshold, so LSH false positives are dropped. Texts with fewer
  than :data:`MIN_SHINGLES` shingles are only checked for exact copies: on a dozen words one
  changed word already moves the estimate by a lot.

* What differs: a near-copy is a duplicate only when the facts it states agree with the
  original's (:func:`facts_agree`): its numbers, month and weekday names and the places named
  after a preposition ("near Hualien"). Daily reports written from one template ("On 3 March,
  4 vessels patrolled near X") share most shingles but are different documents; a second
  outlet's copy of a wire story states the same facts, or a few more.

Only originals are indexed, so ``duplicate_of`` always points at an original (no chains).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import numpy as np

from dyadwatch.model import Document

if TYPE_CHECKING:  # datasketch pulls in scipy: imported when first needed, not at start-up
    from datasketch import LeanMinHash

SHINGLE_WORDS = 3
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
NEAR_THRESHOLD = 0.8
# LSH bands x rows: 32 x 4 makes a pair with Jaccard 0.75 a candidate with probability > 0.999
# (datasketch's own choice for 0.8, 9 x 13, misses about half of the pairs near 0.8);
# every candidate is then checked against NEAR_THRESHOLD.
LSH_BANDS, LSH_ROWS = 32, 4
MIN_SHINGLES = 10
# Stored with each signature: a change here makes stored signatures stale (they are recomputed).
PARAMS = f"w{SHINGLE_WORDS}-p{NUM_PERM}-s{SEED}-{SCHEME}"

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_CALENDAR_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
    ]
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|"
    rf"\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)(?!\w)",
)
# A capitalised name after a place preposition: "near Hualien", "in South Korea".
_PLACE = re.compile(
    r"\b(?:in|at|near|off|from|outside|around|over|into|toward|towards)\s+"
    r"((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,3})"
)


def normalise(text: str) -> str:
    """The text compared for exact duplicates: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def record_hash(doc: Document) -> str:
    """Hash of everything the coder sees; a stored document with another hash has changed."""
    payload = {
        "text": doc.text,
        "date": doc.date.isoformat() if doc.date else None,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "truncated": doc.truncated,
        "parent_id": doc.parent_id,
        "metadata": doc.metadata,
    }
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def facts(text: str) -> frozenset[str]:
    """What a report states that a template leaves open: dates (each as one fact, so "3 March"
    is not the number 3), numbers, calendar words and places."""
    text = unicodedata.normalize("NFKC", text)
    found = {"date:" + " ".join(d.casefold().split()) for d in _DATE.findall(text)}
    text = _DATE.sub(" ", text)
    found.update("#" + n.replace(",", "") for n in _NUMBER.findall(text))
    found.update(w for w in _WORD.findall(text.casefold()) if w in _CALENDAR_WORDS)
    found.update("@" + p.casefold() for p in _PLACE.findall(text))
    return frozenset(found)


def facts_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two near-copies report the same thing when one's facts include the other's (a second
    outlet may add a detail; a template filled in on another day changes some)."""
    return a <= b or b <= a


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalise(text))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> LeanMinHash | None:
    """MinHash signature of the text, or None when it is too short for near-duplicate checks."""
    from datasketch import LeanMinHash, MinHash

    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    sketch = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    sketch.update_batch(sorted(grams))
    return LeanMinHash(sketch)


def signature_bytes(sig: LeanMinHash) -> bytes:
    return bytes(np.asarray(sig.hashvalues).tobytes())


def signature_from_bytes(blob: bytes) -> LeanMinHash:
    from datasketch import LeanMinHash

    values = np.frombuffer(blob, dtype=np.uint32)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """The signatures of the originals, queried for the most similar earlier document."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
        self._signatures: dict[str, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._signatures

    def add(self, doc_id: str, sig: LeanMinHash) -> None:
        self.discard(doc_id)
        self._lsh.insert(doc_id, sig)
        self._signatures[doc_id] = sig

    def add_many(self, items: Iterable[tuple[str, LeanMinHash]]) -> None:
        with self._lsh.insertion_session() as session:
            for doc_id, sig in items:
                if doc_id in self._signatures:
                    continue
                session.insert(doc_id, sig)
                self._signatures[doc_id] = sig

    def discard(self, doc_id: str) -> None:
        if doc_id in self._signatures:
            self._lsh.remove(doc_id)
            del self._signatures[doc_id]

    def best_match(
        self,
        sig: LeanMinHash,
        exclude: str,
        accept: Callable[[str], bool] | None = None,
    ) -> tuple[str, float] | None:
        """The indexed document most similar to ``sig`` at or above the threshold that
        ``accept`` (when given) agrees to, if any.

        Ties go to the smallest id so the answer does not depend on hash-set order.
        """
        found: list[tuple[float, str]] = []
        for candidate in self._lsh.query(sig):
            if candidate == exclude:
                continue
            similarity = float(sig.jaccard(self._signatures[candidate]))
            if similarity >= NEAR_THRESHOLD:
                found.append((-similarity, candidate))
        for negative, candidate in sorted(found):
            if accept is None or accept(candidate):
                return candidate, -negative
        return None
