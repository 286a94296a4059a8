"""Whom joining a coalition or mission is aimed at: those who lead it (docs/verbs.md, "Joining
a coalition"). "Canada joined the naval coalition led by the United States", "the US-led
coalition", "the United States formed a coalition which was joined by Canada": each joiner
cooperates with the United States."""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import RELATIVE_PRONOUNS, prep_objects
from dyadwatch.coding.roles import direct_object, subjects

JOIN_VERBS = frozenset({"join"})
# verbs whose object is led by their subject or "by" agent: "formed a coalition", "a mission
# launched by France", "the coalition led by X"
FOUNDING_VERBS = frozenset(
    """lead head form launch create announce establish assemble build organize organise
    found set""".split()  # noqa: SIM905
)
LEADER_RULE = "joined-leader"
_JOIN_IDS = [get_string_id(v) for v in JOIN_VERBS]


def leader_targets(verb: Token) -> list[tuple[Token, str]]:
    """The leaders of what a joining verb's object names, or nothing for another verb."""
    if verb.lemma_.lower() not in JOIN_VERBS:
        return []
    joined = direct_object(verb)
    if joined is None:
        return []
    found: list[Token] = []
    for clause in joined.children:
        if clause.dep_ in {"acl", "amod"} and clause.lemma_.lower() in FOUNDING_VERBS:
            # "the coalition led by X"; "the US-led coalition" (the parser's npadvmod)
            found += prep_objects(clause, ("by",))
            found += [c for c in clause.children if c.dep_ in {"npadvmod", "compound"}]
    founder = joined.head
    if (
        joined.dep_ in {"dobj", "obj"}
        and founder.i != verb.i
        and founder.lemma_.lower() in FOUNDING_VERBS
        and getattr(direct_object(founder), "i", None) == joined.i
    ):
        found += subjects(founder)[0]  # "X formed a coalition which was joined by Y"
    return [(token, LEADER_RULE) for token in found]


def reattach_joined(doc: Doc) -> int:
    """Mend one misparse in place: a relative clause of joining that the parser hung on the
    place an infinitive names ("a coalition to patrol the Red Sea which was joined by X") is
    about the noun the infinitive describes, since a place is not joined. Returns how many were
    re-attached."""
    mended = 0
    for i in np.flatnonzero(np.isin(doc.to_array([LEMMA]), _JOIN_IDS)).tolist():
        verb = doc[i]
        place, infinitive = verb.head, verb.head.head
        relative = any(c.lower_ in RELATIVE_PRONOUNS for c in verb.children if c.i < verb.i)
        if verb.dep_ != "relcl" or not relative or place.ent_type_ not in {"LOC", "FAC"}:
            continue
        if place.dep_ not in {"dobj", "obj"} or infinitive.dep_ not in {"relcl", "acl"}:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
            continue
        verb.head = infinitive.head
        mended += 1
    return mended
