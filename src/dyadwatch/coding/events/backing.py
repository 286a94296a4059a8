"""Backing and funding senses (issue 9). Backing a side in a fight: a state that supports or
backs an actor "against" an armed opponent ("backed the government against the rebels",
"supported the army against the insurgency") gives military aid (072), not words of praise
(051); a person or party doing so only endorses. Backing with arms is military aid whoever
gives it, also when the parser hangs the "with" on the object ("supported the militias with
weapons"). Funding approved or authorised for no one ("Congress approved funding for a wall")
is a state's own spending, not aid to anyone: no event."""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.roles import subjects

ENDORSE_CODE = "051"
MILITARY_AID_CODE = "072"
BACKING_VERBS = frozenset({"support", "back"})
# what a side is backed against when the backing is in a war: armed groups and their fighting
ARMED_OPPONENTS = frozenset(
    """rebel rebellion insurgent insurgency militant militia jihadist terrorist guerrilla
    guerrillas separatist uprising offensive invasion invader""".split()  # noqa: SIM905
)

# arms a side is backed with (as `support with +weapon|...` in verbs.tsv)
ARMS = frozenset(
    """weapon arm missile ammunition munition jet tank helicopter aircraft airplane warplane
    drone rifle artillery""".split()  # noqa: SIM905
)


def _backed_with_arms(verb: Token) -> bool:
    """Whether the verb's object has a "with" phrase naming arms."""
    preps = [
        p
        for head in verb.children
        if head.dep_ == "dobj"
        for p in head.children
        if p.dep_ == "prep" and p.lower_ == "with"
    ]
    return any(o.dep_ == "pobj" and o.lemma_.lower() in ARMS for p in preps for o in p.children)


def armed_backing(code: str, verb: Token, state_source: bool) -> str:
    """The code of a backing by a state against an armed opponent: military aid; else ``code``."""
    if code != ENDORSE_CODE or verb.lemma_.lower() not in BACKING_VERBS:
        return code
    if _backed_with_arms(verb):
        return MILITARY_AID_CODE
    if not state_source:
        return code
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "against":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in ARMED_OPPONENTS:
                return MILITARY_AID_CODE
    return code


APPROVING_VERBS = frozenset({"approve", "authorize", "authorise"})
FUNDS = frozenset({"funding", "fund", "money", "spending"})


def unaimed_funding(code: str, verb: Token, noun: Token | None, aimed: bool) -> bool:
    """Whether aid is funding only approved or authorised, with no recipient named: a budget
    decision at home ("approved funding for a new road"), not aid."""
    if code[:2] != "07" or aimed or noun is None:
        return False
    return verb.lemma_.lower() in APPROVING_VERBS and noun.lemma_.lower() in FUNDS


# backing for an operation (051, recoded 072) goes to whoever carries it out
BACKING_ROOTS = frozenset({"05", "07"})
OPERATION_NOUNS = frozenset({"operation", "offensive", "counteroffensive", "assault",
                             "campaign", "invasion", "incursion", "raid", "push"})  # fmt: skip
# the phrases an operation hangs on the clause by: "recaptured the town in an operation ..."
OPERATION_PREPS = frozenset({"in", "during", "through", "with"})


def operation_doers(verb: Token) -> list[Token]:
    """Who carries out an operation that a participle says another backed: "the army
    recaptured the town in an operation backed by Russia", "the town was retaken by the army
    in an offensive supported by Russia" -> the army (the subject or "by" agent of the clause
    the operation's phrase qualifies)."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in OPERATION_NOUNS:
        return []
    if noun.dep_ != "pobj" or noun.head.lower_ not in OPERATION_PREPS:
        return []
    clause = noun.head.head
    if clause.pos_ not in {"VERB", "AUX"}:
        return []
    return subjects(clause)[0]
