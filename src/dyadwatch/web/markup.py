"""Cutting texts into marked pieces for the pages: the evidence sentence with its source, verb
and target highlighted, and a whole document with every coded event marked inline.

Spans are character offsets into the document; pieces are computed here, escaped and rendered
by the templates (no HTML is built from text in Python).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

ROLES = ("source", "verb", "target")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    roles: tuple[str, ...] = ()  # which of source/verb/target this text belongs to


@dataclass(slots=True)
class Block:
    """A stretch of a document: plain text, or one evidence sentence with its events."""

    start: int
    end: int
    pieces: list[Piece]
    events: list[dict[str, Any]] = field(default_factory=list)  # empty: plain text

    @property
    def modalities(self) -> list[str]:
        return sorted({e["modality"] for e in self.events})

    @property
    def asserted(self) -> bool:
        return any(e["modality"] == "asserted" for e in self.events)


def _spans(events: Iterable[dict[str, Any]]) -> list[tuple[str, int, int]]:
    out = []
    for event in events:
        for role, pair in (event.get("evidence", {}).get("spans") or {}).items():
            if role in ROLES and isinstance(pair, Sequence) and len(pair) == 2:
                out.append((role, int(pair[0]), int(pair[1])))
    return out


def pieces(text: str, offset: int, spans: Iterable[tuple[str, int, int]]) -> list[Piece]:
    """``text`` (which starts at document offset ``offset``) cut at every span boundary; each
    piece knows the roles covering it. Spans outside the text are clipped or dropped."""
    n = len(text)
    kept: list[tuple[str, int, int]] = []
    cuts = {0, n}
    for role, start, end in spans:
        a, b = max(start - offset, 0), min(end - offset, n)
        if a < b:
            kept.append((role, a, b))
            cuts.update((a, b))
    points = sorted(cuts)
    out: list[Piece] = []
    for a, b in pairwise(points):
        roles = tuple(r for r in ROLES if any(k == r and s <= a and b <= e for k, s, e in kept))
        if out and out[-1].roles == roles:
            out[-1] = Piece(out[-1].text + text[a:b], roles)
        else:
            out.append(Piece(text[a:b], roles))
    return out


def evidence_pieces(event: dict[str, Any]) -> list[Piece]:
    """The event's evidence sentence with its source, verb and target marked."""
    evidence = event["evidence"]
    return pieces(evidence["text"], int(evidence["start"]), _spans([event]))


def document_blocks(text: str, events: list[dict[str, Any]]) -> list[Block]:
    """The document as plain and evidence blocks in text order. Events sharing a sentence
    share a block; overlapping evidence ranges are merged into one block."""
    ranges: list[Block] = []
    for event in sorted(events, key=lambda e: (e["evidence"]["start"], e["evidence"]["end"])):
        start = max(0, min(int(event["evidence"]["start"]), len(text)))
        end = max(start, min(int(event["evidence"]["end"]), len(text)))
        if ranges and start < ranges[-1].end:
            ranges[-1].end = max(ranges[-1].end, end)
            ranges[-1].events.append(event)
        else:
            ranges.append(Block(start, end, [], [event]))
    blocks: list[Block] = []
    cursor = 0
    for block in ranges:
        if block.start > cursor:
            blocks.append(Block(cursor, block.start, [Piece(text[cursor : block.start])]))
        block.pieces = pieces(text[block.start : block.end], block.start, _spans(block.events))
        blocks.append(block)
        cursor = block.end
    if cursor < len(text):
        blocks.append(Block(cursor, len(text), [Piece(text[cursor:])]))
    return blocks
