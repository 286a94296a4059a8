"""Third parties: peace missions and mediators.

Peace missions: peacekeepers and observers arriving or deploying are peacekeeping, not a
visit or a show of force.

"UN peacekeepers arrived in Haiti", "NATO peacekeeping troops have arrived in Bosnia", "OSCE
monitors deployed in eastern Ukraine": a peace force or an observer mission that moves in
provides military protection or peacekeeping (CAMEO 074) to the place it goes to, whatever the
verb of movement would code by itself (042 visit, 15x military posture). Pure over candidates;
the coder applies it to the extractor's.

Mediators: the parties of a mediation are its targets.

"Egypt is mediating between Israel and Hamas", "Qatar launched a mediation effort between the
Emirates and Saudi Arabia": the mediator acts (CAMEO 045) on both parties, named in a
"between" or "among" phrase on the verb or on its event noun. The parties are never the
mediator's source ("a mediation effort between X and Y" names no mediator: no event), see
``extractor._noun_events``. Pure over candidates and mentions; the coder applies it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.clauses import prep_objects
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.complements import with_conjuncts
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_side
from dyadwatch.coding.roles import subjects

PEACEKEEPING = "074"
PEACE_FORCE_SECTOR = "PKO"
# who keeps or watches a peace: heads of the source phrase
PEACE_MISSIONS = frozenset({"peacekeeper", "observer", "monitor", "blue helmet"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# what moving in codes by itself: a visit or arrival (042), a deployment or mobilisation (15)
MOVEMENT_CODES = ("042", "15")


def recode_peacekeeping(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """The candidates, a peace mission's arrival or deployment recoded as peacekeeping."""
    return [
        replace(c, code=PEACEKEEPING, entries=(*c.entries, "peacekeeping"))
        if c.code.startswith(MOVEMENT_CODES) and _peace_mission(c)
        else c
        for c in candidates
    ]


def _peace_mission(candidate: EventCandidate) -> bool:
    source = candidate.source
    if source.actor.sector == PEACE_FORCE_SECTOR:
        return True
    head = candidate.sentence.doc[source.end - 1]
    while head.dep_ in MODIFIER_DEPS and head.head.i != head.i:
        head = head.head  # "UN observers": the mention is the modifier of the mission
    return head.lemma_.lower() in PEACE_MISSIONS or head.lower_.rstrip("s") in PEACE_MISSIONS


MEDIATE = "045"
PARTY_PREPS = ("between", "among")
# verbs whose subjects are the parties to the agreement they take
PARTY_VERBS = frozenset(
    {"agree", "sign", "reach", "accept", "conclude", "strike", "seal", "ink", "finalize"}
    | {"finalise", "ratify", "negotiate", "implement", "enter"}
)
HOSTED_BETWEEN = "(between)"  # the entry id mark of talks hosted between others (cooperation.py)


def mediated_parties(
    candidates: list[EventCandidate], mentions: MentionIndex
) -> list[EventCandidate]:
    """The candidates, a targetless mediation made one event per party it mediates between."""
    out: list[EventCandidate] = []
    for candidate in candidates:
        if candidate.code == MEDIATE and _own_talks(candidate, mentions):
            continue
        if candidate.code != MEDIATE or candidate.target is not None:
            out.append(candidate)
            continue
        parties = [
            p for p in _parties(candidate.predicate, mentions) if not same_side(candidate.source, p)
        ]
        out += [replace(candidate, target=p, target_rule="mediated") for p in parties] or [
            candidate
        ]
    return out


def _parties(verb: Token, mentions: MentionIndex) -> list[MentionLike]:
    """Actors of the "between" phrase on the verb, on its object or on its "as" role
    ("launched an effort between X and Y", "acted as an intermediary between X and Y")."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    holders += prep_objects(verb, ("as",))
    if verb.dep_ == "acl":  # "a truce brokered by X between Y and Z": the noun's phrase
        holders.append(verb.head)
    found: list[MentionLike] = []
    for holder in holders:
        for pobj in prep_objects(holder, PARTY_PREPS):
            found += [m for m in mentions.head_mentions(pobj) if m not in found]
    if not found and verb.dep_ == "acl":
        # "Y and Z agreed to a truce brokered by X": who agreed to, signed or reached the
        # mediated noun are the parties
        for subj in _subjects_of_noun(verb.head):
            found += [m for m in mentions.head_mentions(subj) if m not in found]
    return found


def _subjects_of_noun(noun: Token) -> list[Token]:
    """The subjects (with their conjuncts) of the verb whose object the noun is, directly or
    through a preposition ("signed the deal", "agreed to the truce")."""
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in {"dobj", "pobj"} or governor.lemma_.lower() not in PARTY_VERBS:
        return []  # "France welcomed the deal brokered by Qatar": France is no party
    return [t for s in subjects(governor)[0] for t in with_conjuncts(s)]


def _own_talks(candidate: EventCandidate, mentions: MentionIndex) -> bool:
    """Talks hosted or arranged between the host's own side and another ("the envoy
    arranged a meeting between his president and X"): no mediation between others."""
    if not candidate.entries[0].endswith(HOSTED_BETWEEN):
        return False
    return any(same_side(candidate.source, p) for p in _parties(candidate.predicate, mentions))
