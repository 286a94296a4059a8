"""Offers of things: what an offer gives that is no act promises no cooperation.

"Offered a compromise", "offered to help" and "offered talks" promise cooperation (03); an
offer whose object is a plain thing, no event noun and none of the entry's named objects,
does not: "offered a reward for information", "the airline offers flights to Havana", "the
minister offered few details". Used by ``frames.py`` for the ``intent`` frame (docs/verbs.md).
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.events.predicates import Match

# verbs of offering, whose plain object is a thing given, no promise of an act
OFFERING_VERBS = frozenset({"offer"})
NOUNS = frozenset({"NOUN", "PROPN"})


def offered_thing(match: Match, complement: Token | None) -> bool:
    """Whether an intent verb offers a plain thing (module docstring): its complement is a
    noun that resolved to no act, and the entry names no objects of its own."""
    return (
        not match.nominal
        and not match.entry.objects
        and match.token.lemma_.lower() in OFFERING_VERBS
        and complement is not None
        and complement.pos_ in NOUNS
    )
