"""Whom a claimed attack struck when no event told before names it.

"An attack on oil facilities in Saudi Arabia halved output. ... The attack was claimed by
the Houthis": the attack itself is told by a noun with no doer, so no act of force carries its
target, and the claim of responsibility (015) finds none (perpetrators.py ``attack_victims``,
reactions.py). What it struck is still named: the actor of its "on"/"against" phrase, else the
country of the place it happened in. A claim with no target, and an act of force done as "the
attack" ("Dozens died in the attack, conducted by the Taliban"), take that from the nearest
earlier sentence (within ``CLAIM_REACH``) that tells of an attack and says where it struck.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.clauses import prep_objects
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.mentions import ComposedMention, MentionIndex, MentionLike, same_party
from dyadwatch.coding.events.perpetrators import CLAIM_CODE, CLAIM_REACH, DEFINITE, FORCE_ROOTS
from dyadwatch.coding.places.placer import Placer
from dyadwatch.model import Actor

# nouns that tell of an attack (not the weapons alone: "a bomb" may be defused)
ATTACK_NOUNS = frozenset(
    """attack attacks bombing bombings strike strikes airstrike airstrikes raid raids
    assault assaults ambush explosion explosions blast blasts shelling""".split()  # noqa: SIM905
)
# what the weapon of an attack did when the sentence tells it by the weapon: "a car bomb was
# rammed into a base", "a rocket hit the embassy"
WEAPON_NOUNS = frozenset(
    {"bomb", "bombs", "rocket", "rockets", "missile", "missiles", "drone", "drones"}
)
AIMED_PREPS = ("on", "against")
PARTICIPLE_REACH = 4  # tokens between a participle and the attack noun it describes
STRUCK_RULE = "struck"
OWN_ATTACK_REACH = 10  # sentences from a claim back to the claimer's own attack


def struck_targets(
    candidates: list[EventCandidate],
    doc: Doc,
    index: MentionIndex,
    placer: Placer,
    doc_countries: Sequence[str],
) -> list[EventCandidate]:
    """``candidates`` with each target-less claim of responsibility, or act of force done as
    "the attack", aimed at what the attack told before struck (module docstring)."""
    sentences = list(doc.sents)
    out: list[EventCandidate] = []
    for candidate in candidates:
        if candidate.target is None and _refers_back(candidate):
            own = _own_attack(candidate, out)
            found = own or _struck(candidate, sentences, index, placer, doc_countries)
            if found is not None:
                target, number = found
                what = "its own attack" if own else "the attack"
                rule = f"{STRUCK_RULE} ({what} of sentence {number + 1})"
                candidate = replace(candidate, target=target, target_rule=rule)
        out.append(candidate)
    return out


def _own_attack(
    candidate: EventCandidate, earlier: list[EventCandidate]
) -> tuple[MentionLike, int] | None:
    """For a claim of responsibility, the target of the claimer's own latest act of force told
    before ("Dozens died in the attack, conducted by X. ... X has claimed responsibility")."""
    if candidate.code != CLAIM_CODE:
        return None
    for other in reversed(earlier):
        if candidate.sentence_index - other.sentence_index > OWN_ATTACK_REACH:
            return None
        if other.code[:2] not in FORCE_ROOTS or other.target is None:
            continue
        if other.source.actor.code == candidate.source.actor.code:
            return other.target, other.sentence_index
    return None


def _refers_back(candidate: EventCandidate) -> bool:
    """A claim of responsibility, or an act of force whose attack noun is definite ("the
    attack", also when the verb only describes it: "the attack, conducted by X")."""
    if candidate.code == CLAIM_CODE:
        return True
    if candidate.code[:2] not in FORCE_ROOTS:
        return False
    predicate = candidate.predicate
    nouns = [*predicate.subtree, *candidate.verb_tokens]
    if predicate.tag_ == "VBN" and predicate.dep_ in {"acl", "advcl"}:
        # "the attack, reportedly conducted by X": the participle describes the noun before it
        doc = predicate.doc
        nouns += doc[max(predicate.sent.start, predicate.i - PARTICIPLE_REACH) : predicate.i]
    return any(_definite_attack(t) for t in nouns)


def _definite_attack(token: Token) -> bool:
    return token.lower_ in ATTACK_NOUNS and any(
        d.dep_ == "det" and d.lower_ in DEFINITE for d in token.children
    )


def _struck(
    candidate: EventCandidate,
    sentences: list[Span],
    index: MentionIndex,
    placer: Placer,
    doc_countries: Sequence[str],
) -> tuple[MentionLike, int] | None:
    first = max(0, candidate.sentence_index - CLAIM_REACH)
    for number in range(candidate.sentence_index - 1, first - 1, -1):
        for token in reversed(sentences[number]):
            if not _tells_attack(token):
                continue
            target = _aimed_at(token, index) or _place_of(token, placer, doc_countries)
            if target is not None and not same_party(target, candidate.source):
                return target, number
    return None


def _tells_attack(token: Token) -> bool:
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    return token.lower_ in ATTACK_NOUNS or (
        token.lower_ in WEAPON_NOUNS and token.dep_ in {"nsubj", "nsubjpass"}
    )


def _aimed_at(token: Token, index: MentionIndex) -> MentionLike | None:
    """The actor an attack noun's "on"/"against" phrase names: "an attack on the US embassy"."""
    for noun in prep_objects(token, AIMED_PREPS):
        for mention in index.head_mentions(noun):
            if mention.actor.country is not None:
                return mention
    return None


def _place_of(token: Token, placer: Placer, doc_countries: Sequence[str]) -> MentionLike | None:
    """The country of the place the attack struck in, as a mention over the place's name."""
    toponym = placer.locate_toponym(token, doc_countries)
    if toponym is None and token.dep_ in {"nsubj", "nsubjpass"}:
        toponym = placer.locate_toponym(token.head, doc_countries)
    if toponym is None or toponym.place.country is None:
        return None
    country = toponym.place.country
    actor = Actor(code=country, name=toponym.place.name, country=country)
    rule = f"place of the attack: {toponym.place.name}"
    return ComposedMention(toponym.start, toponym.end, toponym.end - 1, actor, rule, frozenset())
