"""The parties of a mediation are its targets.

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
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_side

MEDIATE = "045"
PARTY_PREPS = ("between", "among")


def mediated_parties(
    candidates: list[EventCandidate], mentions: MentionIndex
) -> list[EventCandidate]:
    """The candidates, a targetless mediation made one event per party it mediates between."""
    out: list[EventCandidate] = []
    for candidate in candidates:
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
    """Actors of the "between" phrase on the verb or on its object ("launched an effort
    between X and Y", "launched a mediation between X and Y")."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    found: list[MentionLike] = []
    for holder in holders:
        for pobj in prep_objects(holder, PARTY_PREPS):
            found += [m for m in mentions.head_mentions(pobj) if m not in found]
    return found
