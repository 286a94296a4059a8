"""Places that passed into someone's hands: the seizure told from the side of what was taken.

Background paragraphs tell old seizures of territory with the place as the subject and the
taker in a phrase: "the capital fell under rebel control in 2014", "the province came under
the control of the army", "the port fell to the militia". The verb (fall, come, pass) is no
act by itself, so the extractor finds none. Here the taker is the source of an occupation of
territory (192) and the place's actor the target: the capital's government, a country. The
event's predicate is the verb, so the date and modality come from its own clause.

A place "recaptured (retaken) from" an armed group, with no one named as retaking it, was
retaken by the state's armed forces of the group's country: "the port was recaptured from the
rebels in 2017" (``retaking_force``, which the agentless pass asks first).

A seizure whose object is no actor takes the owner the text gives the land: "the territory,
which belonged to Syria and was occupied by Israel" is aimed at Syria (``territory_owners``).

Only when both sides are actors of the sentence and not of one party; a place the actor
dictionaries do not know is left out (no target to code). Pure over the parse; the coder adds
the candidates to the extractor's (``coder.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import child, pobj_of, prep_objects
from dyadwatch.coding.events.candidates import EventCandidate, one_word_candidate
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_side
from dyadwatch.coding.events.nominal import PlacedActor
from dyadwatch.coding.roles import direct_object
from dyadwatch.model import Actor

OCCUPY = "192"  # CAMEO: occupy territory
ENTRY = "control:fall under"
# verbs of passing into other hands: "fell under", "came under", "passed to"
PASSING_VERBS = frozenset({"fall", "come", "pass"})
# nouns of holding territory: "under rebel control", "under the rule of the junta"
HOLDING_NOUNS = frozenset({"control", "occupation", "rule"})
# owners of a holding noun: "rebel control", "Houthi control", "the army's control"
OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
# taking back what an armed group held: the state's forces did it
RETAKING_VERBS = frozenset({"recapture", "retake", "reclaim", "liberate"})
NON_STATE_ARMED = frozenset({"REB", "INS", "SEP"})
STATE_FORCES = "MIL"


def fallen_places(
    doc: Doc, index: MentionIndex, found: Sequence[EventCandidate]
) -> list[EventCandidate]:
    """Candidates for "X fell under Y('s) control", "X came under the control of Y" and "X
    fell to Y": Y occupies X (module docstring). ``found``: candidates already extracted."""
    taken = {c.predicate.i for c in found}
    out: list[EventCandidate] = []
    for number, sentence in enumerate(doc.sents):
        for verb in sentence:
            if verb.i in taken or verb.pos_ != "VERB":
                continue
            if verb.lemma_.lower() not in PASSING_VERBS:
                continue
            takers = _takers(verb, index)
            if not takers:
                continue
            subject = child(verb, {"nsubj"})
            places = index.head_mentions(subject) if subject is not None else []
            for taker in takers:
                for place in places:
                    if place is taker or same_side(place, taker):
                        continue
                    rules = ("holder", "fallen")
                    out.append(one_word_candidate(verb, number, OCCUPY, ENTRY, taker, place, rules))
    return out


def _takers(verb: Token, index: MentionIndex) -> list[MentionLike]:
    """Who a place passed to: the owner of "under (the) Y control" or "under the control of
    Y", or the object of "to" after fall and pass ("fell to the rebels")."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        noun = pobj_of(prep)
        if noun is None:
            continue
        word = prep.lower_
        if word == "under" and noun.lemma_.lower() in HOLDING_NOUNS:
            owners: list[MentionLike] = []
            for owner in noun.children:
                if owner.dep_ in OWNER_DEPS:
                    owners += index.head_mentions(owner)
            if not owners:
                of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                holder = pobj_of(of) if of is not None else None
                owners = index.head_mentions(holder) if holder is not None else []
            if owners:
                return owners
        if word == "to" and verb.lemma_.lower() != "come" and noun.ent_type_ not in ("DATE",):
            found = index.head_mentions(noun)
            if found:
                return found
    return []


def retaking_force(
    predicate: Token, code: str, targets: Sequence[MentionLike]
) -> tuple[MentionLike, str] | None:
    """The doer of an agentless "was recaptured from the rebels": the armed forces of the
    rebels' country; None for any other act or target."""
    if code != OCCUPY or predicate.lemma_.lower() not in RETAKING_VERBS:
        return None
    held_by = {t.i for t in predicate.children if t.dep_ == "prep" and t.lower_ == "from"}
    for target in targets:
        actor = target.actor
        if actor.country is None or actor.sector not in NON_STATE_ARMED:
            continue
        doc = predicate.doc
        if not any(
            doc[target.start].head.i in held_by or doc[i].head.i in held_by
            for i in range(target.start, target.end)
        ):
            continue
        forces = Actor(actor.country + STATE_FORCES, predicate.text, actor.country, STATE_FORCES)
        placed = PlacedActor(predicate.i, predicate.i + 1, forces, f"forces of {actor.country}")
        return placed, "retaken from an armed group"
    return None


# verbs that say whose land is: "which belonged to Syria", "land belonging to the Kurds"
BELONGING_VERBS = frozenset({"belong"})


def territory_owners(found: Sequence[EventCandidate], index: MentionIndex) -> list[EventCandidate]:
    """``found`` with each targetless seizure (192) of land that a clause on it says belongs
    to an actor aimed at that actor (module docstring)."""
    out: list[EventCandidate] = []
    for candidate in found:
        if candidate.code == OCCUPY and candidate.target is None:
            land = direct_object(candidate.predicate)
            owners = _owners(land, index) if land is not None else []
            owners = [o for o in owners if not same_side(o, candidate.source)]
            if owners:
                candidate = replace(candidate, target=owners[0], target_rule="owner of the land")
        out.append(candidate)
    return out


def _owners(land: Token, index: MentionIndex) -> list[MentionLike]:
    for clause in land.children:
        if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in BELONGING_VERBS:
            return [m for p in prep_objects(clause, ("to",)) for m in index.head_mentions(p)]
    return []
