"""Event clusters: one real-world event reported by many articles becomes one cluster.

The rule (documented in docs/store.md), applied to ``asserted`` events only:

1. Only *real events* can merge: events with a target or with an explicit place. A bare
   statement (CAMEO root 01 without a target) and an event whose source is the document's own
   outlet ("Reuters said") are never merged: each is its own cluster. "The company said" in a
   hundred articles is a hundred statements, not one event.
2. Events are compared only within a *block*: the same source code, target code (both missing
   counts as the same) and CAMEO root code (the code family).
3. Within a block, events are taken most precise first (day, then month, then year), then by
   first day, then by id. Each event joins the first earlier cluster it matches, or else
   starts a new cluster and becomes its anchor:
   * dates: the event's period overlaps the anchor's (two day-precise reports: the same day);
     a month-precise event therefore joins a day-precise cluster in that month, and a
     year-precise one any cluster in that year;
   * place: the same place (gazetteer id, else the lower-cased name), or either is unknown;
     a cluster takes the place of the first member that has one;
   * evidence: the event's sentence is similar to one of the cluster's sentences: Jaccard
     similarity of their content-word sets at least :data:`EVIDENCE_THRESHOLD`, and the
     numbers they state agree, one set holding the other (a wire copy repeats the sentence;
     another story about the same dyad on the same day says something else).
   Comparing dates with the anchor, not with every member, stops a daily series of clashes
   from chaining into one cluster.
4. Undated events are never merged: each is its own cluster.

Mentions count like GDELT's NumMentions/NumSources/NumArticles: every member event is a
mention, and so is each duplicate document of a member's document (it repeats the same text).

Clustering a block is a pure function of its events, so re-clustering is idempotent. Writers
mark work by setting ``events.cluster_id`` to NULL (:func:`invalidate_documents`);
:func:`recluster` then recomputes every block that has such an event.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import duckdb
import pyarrow as pa

# Which stored periods clustering may compute with. Clustering widens periods by days and
# compares them; a stored value at the edge of the calendar (0001-01-01, 9999-12-31: a
# placeholder or a typo that reached the store before ingest refused such dates, or through a
# writer that bypasses the reader) would overflow Python's date arithmetic and fail every later
# ingest, re-code and rebuild. Periods outside a wide fixed window are therefore clustered as
# undated events: each stays its own cluster, and nothing overflows. The window is fixed, not
# relative to today, so clustering stays a pure function of the events.
EARLIEST_CLUSTERED = dt.date(1000, 1, 1)
LATEST_CLUSTERED = dt.date(3000, 12, 31)


def clusterable_period(
    day: dt.date | None, day_end: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """``(day, day_end)`` when both are inside the window, else ``(None, None)``."""
    if day is None or day_end is None:
        return None, None
    inside = EARLIEST_CLUSTERED <= day <= LATEST_CLUSTERED
    if not (inside and EARLIEST_CLUSTERED <= day_end <= LATEST_CLUSTERED):
        return None, None
    return day, day_end


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_NO_DAYS = dt.timedelta(0)
STATEMENT_ROOT = "01"
# Content-word Jaccard at or above which two evidence sentences tell the same story. Wire
# copies score 0.8-1.0; two stories about one dyad on one day stay below 0.3 (docs/store.md).
EVIDENCE_THRESHOLD = 0.5

_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Words too common to say anything about which story a sentence tells.
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "said",
        "says",
        "say",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
        "after",
        "also",
        "over",
        "into",
        "than",
        "but",
        "not",
        "no",
        "about",
        "against",
    ]
)

Block = tuple[str, str | None, str]


def evidence_words(text: str) -> frozenset[str]:
    """The content words of an evidence sentence (case-folded, stopwords and numbers out)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return frozenset(w for w in words if w not in _STOPWORDS and not w.isdigit())


def evidence_numbers(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


def evidence_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@dataclass(frozen=True, slots=True)
class ClusterEvent:
    """What clustering needs to know of one event."""

    id: str
    source_code: str
    target_code: str | None
    root_code: str
    day: dt.date | None
    day_end: dt.date | None
    precision: str | None
    place: str | None  # gazetteer id, else lower-cased place name, else None
    evidence: str = ""  # the evidence sentence
    own_outlet: bool = False  # the source actor is the outlet that published the document

    @property
    def block(self) -> Block:
        return (self.source_code, self.target_code, self.root_code)

    @property
    def mergeable(self) -> bool:
        """A real event that other reports can repeat (rule 1 of the module docstring)."""
        if self.day is None or self.day_end is None or self.own_outlet:
            return False
        if self.target_code is None:
            return self.place is not None and self.root_code != STATEMENT_ROOT
        return True

    def sort_key(self) -> tuple[int, dt.date, str]:
        rank = _PRECISION_RANK.get(self.precision or "", 3)
        return (rank, self.day or dt.date.max, self.id)


@dataclass(slots=True)
class _Evidence:
    words: frozenset[str]
    numbers: frozenset[str]


@dataclass(slots=True)
class _Cluster:
    anchor: ClusterEvent
    index: int
    place: str | None
    members: list[str] = field(default_factory=list)
    evidence: list[_Evidence] = field(default_factory=list)

    @property
    def id(self) -> str:
        return cluster_id_for(self.anchor.id)


@dataclass(frozen=True)
class _Candidate:
    event: ClusterEvent

    @cached_property
    def evidence(self) -> _Evidence:
        return _Evidence(evidence_words(self.event.evidence), evidence_numbers(self.event.evidence))


def cluster_id_for(anchor_event_id: str) -> str:
    """Stable cluster id derived from its anchor (representative) event id."""
    return "c-" + hashlib.sha1(anchor_event_id.encode("utf-8")).hexdigest()[:16]


def _same_story(a: _Evidence, b: _Evidence) -> bool:
    if a.numbers and b.numbers and not (a.numbers <= b.numbers or b.numbers <= a.numbers):
        return False  # "3 vessels" and "5 vessels" are two reports, not one
    return evidence_similarity(a.words, b.words) >= EVIDENCE_THRESHOLD


def _matches(candidate: _Candidate, cluster: _Cluster) -> bool:
    event, anchor = candidate.event, cluster.anchor
    assert event.day and event.day_end and anchor.day and anchor.day_end
    if event.day > anchor.day_end or anchor.day > event.day_end:
        return False
    if event.place is not None and cluster.place is not None and event.place != cluster.place:
        return False
    return any(_same_story(candidate.evidence, seen) for seen in cluster.evidence)


def cluster_block(events: Iterable[ClusterEvent]) -> list[_Cluster]:
    """Clusters of the events of one block, in creation order (see the module rule)."""
    clusters: list[_Cluster] = []
    by_start: list[tuple[dt.date, int]] = []  # mergeable anchors, sorted by first day
    longest = _NO_DAYS  # longest anchor period so far, bounds the search below
    for event in sorted(events, key=ClusterEvent.sort_key):
        if not event.mergeable:
            clusters.append(_Cluster(event, len(clusters), event.place, [event.id]))
            continue
        assert event.day is not None and event.day_end is not None
        candidate = _Candidate(event)
        lo = bisect.bisect_left(by_start, (event.day - longest, -1))
        hi = bisect.bisect_right(by_start, (event.day_end, len(clusters)))
        chosen: _Cluster | None = None
        for _, index in by_start[lo:hi]:
            cluster = clusters[index]
            if (chosen is None or index < chosen.index) and _matches(candidate, cluster):
                chosen = cluster
        if chosen is None:
            chosen = _Cluster(event, len(clusters), event.place)
            clusters.append(chosen)
            bisect.insort(by_start, (event.day, chosen.index))
            longest = max(longest, event.day_end - event.day)
        elif chosen.place is None:
            chosen.place = event.place
        chosen.members.append(event.id)
        chosen.evidence.append(candidate.evidence)
    return clusters


def assign(events: Iterable[ClusterEvent]) -> list[_Cluster]:
    """Cluster events of any blocks; clusters come out block by block."""
    blocks: dict[Block, list[ClusterEvent]] = defaultdict(list)
    for event in events:
        blocks[event.block].append(event)
    out: list[_Cluster] = []
    for key in sorted(blocks, key=lambda b: (b[0], b[1] or "", b[2])):
        out.extend(cluster_block(blocks[key]))
    return out


def invalidate_documents(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    """Drop the clusters that mention these documents and mark their events for re-clustering.

    Call inside the transaction that changes the documents' events or duplicates.
    """
    if not doc_ids:
        return
    touched = (
        "SELECT DISTINCT cluster_id FROM cluster_members WHERE doc_id IN (SELECT unnest(?)) "
        "UNION SELECT DISTINCT cluster_id FROM events "
        "WHERE doc_id IN (SELECT unnest(?)) AND cluster_id IS NOT NULL"
    )
    params = [list(doc_ids), list(doc_ids)]
    con.execute(f"CREATE OR REPLACE TEMP TABLE touched_clusters AS {touched}", params)
    con.execute(
        "UPDATE events SET cluster_id = NULL "
        "WHERE cluster_id IN (SELECT cluster_id FROM touched_clusters)"
    )
    con.execute(
        "DELETE FROM cluster_members WHERE cluster_id IN (SELECT cluster_id FROM touched_clusters)"
    )
    con.execute(
        "DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM touched_clusters)"
    )
    con.execute("DROP TABLE touched_clusters")


_BLOCK_JOIN = (
    "e.source_code = b.source_code AND e.target_code IS NOT DISTINCT FROM b.target_code "
    "AND e.root_code = b.root_code"
)


def recluster(con: duckdb.DuckDBPyConnection, *, full: bool = False) -> int:
    """Recompute the clusters of every block with an unclustered asserted event (all blocks when
    ``full``), in one transaction. Returns the number of clusters written."""
    con.execute("BEGIN TRANSACTION")
    try:
        if full:
            con.execute("DELETE FROM cluster_members")
            con.execute("DELETE FROM clusters")
            con.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
        written = _recluster_dirty(con)
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # a failed COMMIT has already ended it
            con.execute("ROLLBACK")
        raise
    return written


def _cluster_event(row: tuple[Any, ...]) -> ClusterEvent:
    day, day_end = clusterable_period(row[4], row[5])
    return ClusterEvent(
        row[0], row[1], row[2], row[3], day, day_end, row[6], row[7], row[8], row[9]
    )


def _recluster_dirty(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(
        "CREATE OR REPLACE TEMP TABLE dirty_blocks AS "
        "SELECT DISTINCT source_code, target_code, root_code FROM events "
        "WHERE modality = 'asserted' AND cluster_id IS NULL"
    )
    try:
        rows = con.execute(
            "SELECT e.id, e.source_code, e.target_code, e.root_code, e.day, e.day_end, "
            "e.date_precision, coalesce(e.location_id, lower(e.location_name)), "
            "e.evidence_text, "
            "coalesce(lower(trim(e.source_name)) = lower(trim(d.source)), false) "
            f"FROM events e JOIN dirty_blocks b ON {_BLOCK_JOIN} "
            "LEFT JOIN documents d ON d.id = e.doc_id "
            "WHERE e.modality = 'asserted'"
        ).fetchall()
        if not rows:
            return 0
        # stored periods at the calendar's edge are clustered as undated (see clusterable_period)
        clusters = assign(_cluster_event(row) for row in rows)
        assignment = pa.table(
            {
                "event_id": [m for c in clusters for m in c.members],
                "cluster_id": [c.id for c in clusters for _ in c.members],
            }
        )
        anchors = pa.table(
            {
                "cluster_id": [c.id for c in clusters],
                "representative_event_id": [c.anchor.id for c in clusters],
            }
        )
        con.execute(
            "DELETE FROM cluster_members WHERE cluster_id IN (SELECT c.cluster_id FROM clusters c "
            f"JOIN dirty_blocks b ON {_BLOCK_JOIN.replace('e.', 'c.')})"
        )
        con.execute(
            "DELETE FROM clusters WHERE cluster_id IN (SELECT c.cluster_id FROM clusters c "
            f"JOIN dirty_blocks b ON {_BLOCK_JOIN.replace('e.', 'c.')})"
        )
        _write(con, assignment, anchors)
        return len(clusters)
    finally:
        con.execute("DROP TABLE IF EXISTS dirty_blocks")


def _write(con: duckdb.DuckDBPyConnection, assignment: pa.Table, anchors: pa.Table) -> None:
    con.register("cluster_assignment", assignment)
    con.register("cluster_anchors", anchors)
    try:
        con.execute(
            "UPDATE events SET cluster_id = a.cluster_id FROM cluster_assignment a "
            "WHERE events.id = a.event_id"
        )
        con.execute(
            "INSERT INTO cluster_members "
            "SELECT a.cluster_id, a.event_id, e.doc_id, false "
            "FROM cluster_assignment a JOIN events e ON e.id = a.event_id "
            "UNION ALL "
            "SELECT a.cluster_id, a.event_id, d.id, true "
            "FROM cluster_assignment a JOIN events e ON e.id = a.event_id "
            "JOIN documents d ON d.duplicate_of = e.doc_id"
        )
        con.execute(
            "INSERT INTO clusters "
            "SELECT m.cluster_id, any_value(r.representative_event_id), "
            "any_value(e.source_code), any_value(e.target_code), any_value(e.root_code), "
            "min(e.day), max(e.day_end), "
            "count(*) FILTER (WHERE NOT m.via_duplicate), count(*), "
            "count(DISTINCT coalesce(d.source, '')), count(DISTINCT m.doc_id) "
            "FROM cluster_members m "
            "JOIN cluster_anchors r ON r.cluster_id = m.cluster_id "
            "JOIN events e ON e.id = m.event_id "
            "JOIN documents d ON d.id = m.doc_id "
            "GROUP BY m.cluster_id"
        )
    finally:
        con.unregister("cluster_assignment")
        con.unregister("cluster_anchors")
