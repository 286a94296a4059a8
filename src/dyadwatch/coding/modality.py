"""Modality and attribution. Interface owned by issue 3; this baseline treats everything as asserted."""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.model import Modality


def modality_of(verb: Token) -> Modality:
    """Whether the event of ``verb`` is asserted, negated, hypothetical, future or a question."""
    return "asserted"


def attribution_of(verb: Token) -> Token | None:
    """Head token of whoever the text says asserted this event (``Kishi`` in "Kishi said ..."),
    or None when the event is not reported speech."""
    return None
