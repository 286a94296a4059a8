"""Joint acts of coordinated actors: "Cyprus and Egypt signed a deal" is an act between them.

When two or more actors of different countries are the subject of a symmetric act (talks,
meetings, agreements, negotiation, joint cooperation, fighting each other) and the sentence
names no other target, the act is between them: one event for each pair of parties, from the
earlier-named to the later-named (the article gold convention, docs/verbs.md "Coordinated
actors"), instead of one target-less event per actor. A symmetric act in the passive with no
doer but a "between" phrase ("a treaty was signed between Peru, Chile and Bolivia") is between
those parties, in the same way; the extractor gives such listed parties as first -> others and
``pair_joint_acts`` completes the pairs among the others.

``pair_joint_acts`` works on event candidates (used by ``coder.py``); ``passive_parties`` on
the parse (used by the extractor), and ``reattach_conjuncts`` mends a conjunct the parser hung
on an infinitive before any rule reads the parse.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

import numpy as np
from spacy.attrs import DEP, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import SUBJECTS, is_passive, prep_objects
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.roles import FINITE_TAGS

# codes whose act is mutual: consult (04), negotiate/mediate (046), sign an agreement (057),
# agree (030), intend to meet (036: "X and Y will resume talks"), cooperate materially (06),
# fight (190)
SYMMETRIC_ROOTS = frozenset({"04", "06"})
SYMMETRIC_CODES = frozenset({"030", "036", "046", "057", "190"})
JOINT_RULE = "coordinated-subject"
# verbs whose coordinated subjects act with each other whatever the act: "Serbia and Kosovo
# agreed to normalize relations" is an agreement between them
MUTUAL_VERBS = frozenset({"agree"})
INTERNATIONAL = ("IGO", "NGO")
COUNTERPART_NOUNS = frozenset({"counterpart", "counterparts", "opposite", "opposites"})
PARTY_PREPS = ("between", "among")
PASSIVE_PARTY_RULE = "between"
# rules under which the extractor gives listed parties as first -> each other one
LISTED_PARTY_RULES = frozenset({PASSIVE_PARTY_RULE, "of-parties"})


def is_symmetric(code: str) -> bool:
    return code[:2] in SYMMETRIC_ROOTS or code[:3] in SYMMETRIC_CODES


def _key(candidate: EventCandidate) -> tuple[int, int, str]:
    return candidate.sentence_index, candidate.predicate.i, candidate.code


def pair_joint_acts(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """Candidates with each symmetric act of coordinated actors turned into one event per pair
    of parties ("X, Y and Z met" -> X->Y, X->Z, Y->Z)."""
    out: list[EventCandidate] = []
    for _, grouped in groupby(candidates, key=_key):
        group = list(grouped)
        out.extend(_paired(group) or _completed_listing(group) or group)
    return out


def _each_pair(candidates: list[EventCandidate], rule: str) -> list[EventCandidate]:
    """Every earlier-named party acting with every later-named one."""
    return [
        replace(lead, target=other.source, target_rule=rule)
        for n, lead in enumerate(candidates)
        for other in candidates[n + 1 :]
    ]


def _completed_listing(group: list[EventCandidate]) -> list[EventCandidate]:
    """A listing of three or more parties ("signed between X, Y and Z") given as first ->
    others, with the pairs among the others added; nothing when it is not one."""
    if len(group) < 2 or not all(c.target_rule in LISTED_PARTY_RULES for c in group):
        return []
    lead = group[0].source
    if any(c.source != lead or c.target is None for c in group):
        return []
    listed = [c.target for c in group if c.target is not None]
    return group + [
        replace(later, source=earlier)
        for n, earlier in enumerate(listed)
        for later in group[n + 1 :]
    ]


def _paired(group: list[EventCandidate]) -> list[EventCandidate]:
    first = group[0]
    mutual = is_symmetric(first.code) or first.predicate.lemma_.lower() in MUTUAL_VERBS
    if len(group) < 2 or not mutual:
        return []
    if any(c.target is not None for c in group):
        return []
    actors: list[EventCandidate] = []
    countries: set[str] = set()
    for candidate in group:
        country = party_key(candidate)
        if country is None or country in countries:
            continue
        countries.add(country)
        actors.append(candidate)
    if len(actors) < 2:
        return []
    if all(_counterpart(c) for c in actors[1:]):
        # "X and his Greek and French counterparts met": X meets each of them, the
        # counterparts are named only as X's
        return _each_pair(actors, JOINT_RULE)[: len(actors) - 1]
    return _each_pair(actors, JOINT_RULE)


def _counterpart(candidate: EventCandidate) -> bool:
    """Whether the actor is named as someone's counterpart ("his French counterpart")."""
    token = candidate.predicate.doc[candidate.source.start]
    for holder in [token, *token.ancestors]:
        if holder.i == candidate.predicate.i:
            return False
        if holder.lemma_.lower() in COUNTERPART_NOUNS and any(
            c.dep_ == "poss" for c in holder.children
        ):
            return True
    return False


def party_key(candidate: EventCandidate) -> str | None:
    """Which party an actor is: its country, or an international body's own code ("the EU
    and Japan held a summit" is between two parties)."""
    actor = candidate.source.actor
    if actor.country is not None:
        return actor.country
    if actor.code.startswith(INTERNATIONAL):
        return actor.code
    return None


def passive_parties(
    verb: Token, code: str, mentions: MentionIndex
) -> tuple[list[MentionLike], list[MentionLike]]:
    """The first party and the others of a doerless passive symmetric act with a "between"
    phrase on the verb or on its subject ("an accord between X and Y was signed"); nothing
    when fewer than two parties are named."""
    if not is_symmetric(code) or not is_passive(verb):
        return [], []
    holders = [verb, *(c for c in verb.children if c.dep_ == "nsubjpass")]
    return listed_parties(holders, PARTY_PREPS, mentions)


def listed_parties(
    holders: list[Token], preps: tuple[str, ...], mentions: MentionIndex
) -> tuple[list[MentionLike], list[MentionLike]]:
    """The first and the other parties (one per actor code) named by the ``preps`` phrases of
    ``holders``; nothing when fewer than two."""
    parties: list[MentionLike] = []
    seen: set[str] = set()
    for holder in holders:
        for pobj in prep_objects(holder, preps):
            for mention in mentions.head_mentions(pobj):
                key = _mention_party(mention)
                if key is not None and key not in seen:
                    seen.add(key)
                    parties.append(mention)
    if len(parties) < 2:
        return [], []
    return parties[:1], parties[1:]


def _mention_party(mention: MentionLike) -> str | None:
    """Which party a listed actor is: its own code, so that a government and the rebels of
    its country ("talks between the Afghan government and the Taliban") are two parties."""
    return mention.actor.code or None


_CONJ_ID = get_string_id("conj")
_FINITE_IDS = np.array(sorted(get_string_id(t) for t in FINITE_TAGS), np.uint64)


def reattach_conjuncts(doc: Doc) -> int:
    """Mend one misparse in place: a finite verb the parser joined to an infinitive ("urged
    the embassy to reconsider and spoke with X", "spoke" hanging on "reconsider") is a
    conjunct of the verb governing the infinitive, with the same tense and the same subject.
    Returns how many were re-attached."""
    mended = 0
    # only finite conjuncts can be mended: found in the arrays (mending moves heads, never
    # labels or tags), then visited in order as before
    labels = doc.to_array([DEP, TAG]).reshape(-1, 2)
    finite_conjuncts = (labels[:, 0] == _CONJ_ID) & np.isin(labels[:, 1], _FINITE_IDS)
    for i in np.flatnonzero(finite_conjuncts).tolist():
        verb = doc[i]
        head = verb.head
        governor = head.head
        if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or head.dep_ != "xcomp":
            continue
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
        if head.tag_ != "VB" or not infinitive:
            continue
        if governor.tag_ != verb.tag_ or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        for cc in [c for c in head.children if c.dep_ == "cc" and c.i < verb.i]:
            cc.head = governor
        verb.head = governor
        mended += 1
    return mended
