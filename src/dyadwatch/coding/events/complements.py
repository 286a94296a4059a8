"""Where a frame's complement is: the event noun of a light verb, the act of an appeal or
promise, and whether a clause is in the future. Pure functions over the parse."""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.clauses import (
    FUTURE_AUX,
    PERSONAL_PRONOUNS,
    complement_clauses,
    direct_object,
    has_aux,
    nearest_subject,
    pobj_of,
    prep_objects,
)
from dyadwatch.coding.events.mentions import hop_partitive
from dyadwatch.coding.events.predicates import Match


def light_objects(match: Match) -> list[Token]:
    """Where a light verb's event noun is: the object of its last preposition, else its
    object, then that noun's conjuncts ("providing photographs and military intelligence"),
    then a "for" phrase ("joined Trump for talks")."""
    head: Token | None = None
    for particle in reversed(match.particles):
        head = pobj_of(particle)
        if head is not None:
            break
    if head is None:
        head = direct_object(match.token)
    out: list[Token] = []
    if head is not None:
        head = hop_partitive(head)
        out += [head, *(hop_partitive(c) for c in head.conjuncts if c.i > head.i)]
    out += [hop_partitive(p) for p in prep_objects(match.token, ("for",))]
    return out


def complement_candidates(match: Match) -> list[Token]:
    token = match.token
    out: list[Token] = []
    if match.nominal:
        out += [
            c
            for c in token.children
            if c.dep_ in {"acl", "relcl", "ccomp"} and c.pos_ in {"VERB", "AUX"}
        ]
        for pobj in prep_objects(token, ("for", "to", "on", "of")):
            out.append(hop_partitive(pobj))
        return out
    # event nouns first ("stop negotiations to reduce arms" is about the negotiations), then
    # clauses ("urged X to withdraw"), then prepositional objects ("agreed to a truce")
    for particle in reversed(match.particles):
        held = pobj_of(particle)
        if held is not None:
            out.append(hop_partitive(held))
    obj = direct_object(token)
    if obj is not None:
        out.append(hop_partitive(obj))
    out += complement_clauses(token)
    for pobj in prep_objects(token, ("to", "for", "on", "upon")):
        out.append(hop_partitive(pobj))
    return out


def frame_of(match: Match) -> str | None:
    return match.entry.frame


def other_subject(clause: Token) -> bool:
    """A clause with a subject of its own that is not a pronoun (which may be the speaker)."""
    if clause.pos_ not in {"VERB", "AUX"} or clause.dep_ != "ccomp":
        return False
    subj = nearest_subject(clause)
    return subj is not None and subj.lower_ not in PERSONAL_PRONOUNS


def is_future(verb: Token) -> bool:
    if has_aux(verb, FUTURE_AUX):
        return True
    # reported "would": "Iraq said it would allow ..."
    if has_aux(verb, frozenset({"would"})) and verb.dep_ == "ccomp":
        return True
    # "is going to act"
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lower_ == "going"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
    )
