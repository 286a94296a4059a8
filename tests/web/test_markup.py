"""Cutting evidence and documents into highlighted pieces."""

from __future__ import annotations

from typing import Any

from dyadwatch.web.markup import Piece, document_blocks, evidence_pieces, pieces


def event(start: int, text: str, spans: dict[str, list[int]], modality: str = "asserted") -> Any:
    return {
        "modality": modality,
        "evidence": {"text": text, "start": start, "end": start + len(text), "spans": spans},
    }


def test_evidence_marks_source_verb_and_target() -> None:
    e = event(
        10,
        "Navy ships blocked the boat.",
        {"source": [10, 20], "verb": [21, 28], "target": [33, 37]},
    )
    assert evidence_pieces(e) == [
        Piece("Navy ships", ("source",)),
        Piece(" "),
        Piece("blocked", ("verb",)),
        Piece(" the "),
        Piece("boat", ("target",)),
        Piece("."),
    ]


def test_overlapping_spans_keep_both_roles_and_clip_to_the_text() -> None:
    assert pieces("abcdef", 100, [("source", 98, 103), ("verb", 102, 104)]) == [
        Piece("ab", ("source",)),
        Piece("c", ("source", "verb")),
        Piece("d", ("verb",)),
        Piece("ef"),
    ]


def test_document_blocks_cover_the_text_once() -> None:
    text = "One. Two happened. Three may happen."
    events = [
        event(5, "Two happened.", {"verb": [9, 17]}),
        event(19, "Three may happen.", {"verb": [29, 35]}, "hypothetical"),
        event(5, "Two happened.", {"source": [5, 8]}),
    ]
    blocks = document_blocks(text, events)
    assert "".join(p.text for b in blocks for p in b.pieces) == text
    assert [len(b.events) for b in blocks] == [0, 2, 0, 1]
    marked = [b for b in blocks if b.events]
    assert [(b.start, b.end, len(b.events)) for b in marked] == [(5, 18, 2), (19, 36, 1)]
    assert (marked[0].asserted, marked[1].asserted) == (True, False)
    assert marked[1].modalities == ["hypothetical"]
