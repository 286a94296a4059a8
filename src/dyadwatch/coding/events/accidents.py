"""Inquiries into accidents: an investigation (09) of a crash, a fire or a collision that
investigates no one is safety work, not political event data (docs/verbs.md, "Background").

CAMEO's investigations (090-094) are of an actor or of what one did: a crime, abuse, an
attack. "The transport safety board is investigating the crash", "police began an inquiry
into the fire", "investigations have been launched into the derailment" name no suspect and
no act; an analyst reading them sees no political event. With a target ("investigated the
airline over the crash") the investigation stays, as does one of an attack or a killing.

Pure: reads one candidate and its parse; used by ``background.py``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.events.candidates import EventCandidate

INVESTIGATION_ROOT = "09"
# what happens without anyone meaning it: the subject of a safety inquiry
ACCIDENT_NOUNS = frozenset(
    {"crash", "accident", "collision", "derailment", "fire", "blaze", "wreck", "capsizing"}
    | {"sinking", "mishap", "malfunction", "spill", "leak", "collapse", "stampede", "outage"}
)
# nouns that name the inquiry itself, whose "of"/"into" phrase says what is investigated
INQUIRY_NOUNS = frozenset(
    {"investigation", "inquiry", "enquiry", "probe", "review", "examination", "inquest"}
)
INQUIRY_PREPOSITIONS = frozenset({"of", "into", "on", "over"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "pobj"})


def accident_inquiry(candidate: EventCandidate) -> bool:
    """Whether a targetless investigation is of an accident: what it investigates (the
    verb's object or passive subject, the "of"/"into" phrase of the inquiry noun) is an
    accident; or it names nothing it investigates and its sentence tells of an accident
    ("investigations have been launched by the safety board ... the crash scene")."""
    if candidate.target is not None or not candidate.code.startswith(INVESTIGATION_ROOT):
        return False
    investigated = _investigated(candidate.predicate)
    if investigated:
        return all(t.lemma_.lower() in ACCIDENT_NOUNS for t in investigated)
    return any(t.lemma_.lower() in ACCIDENT_NOUNS for t in candidate.sentence)


def _investigated(predicate: Token) -> list[Token]:
    """The nouns an investigation is of: the predicate's object or passive subject, and the
    "of"/"into" phrase of an inquiry noun among them or of the predicate itself."""
    heads = [predicate, *(c for c in predicate.children if c.dep_ in OBJECT_DEPS)]
    found: list[Token] = []
    for head in heads:
        if head.lemma_.lower() in INQUIRY_NOUNS:
            found.extend(
                p
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ in INQUIRY_PREPOSITIONS
                for p in prep.children
                if p.dep_ == "pobj"
            )
        elif head is not predicate and head.pos_ in ("NOUN", "PROPN"):
            found.append(head)
    return found
