"""Coups named by their noun: "after the coup in Burma in 2021", "a military coup removed the
prime minister in 2006".

Background paragraphs name a country's coups without a verb of their own, and CAMEO has no
verb for them to match: a coup is the armed forces of the country forcing its government out,
coercion (170) by ``<country>MIL`` against ``<country>GOV``. The country comes from the coup's
own phrase ("in Thailand", "Thailand's coup", "the Thai coup") or from whom it removed ("a coup
removed the prime minister": the prime minister is the target). A coup "by" a named actor is
that actor's. A coup with no country in its phrase or clause is left out: the document's
country is too weak a guess for an act this grave.

The noun is the event's predicate, so its date and modality come from its own phrase and
clause ("the coup of 2006"; "plotting a coup" is no coup). A coup that is a modifier of
another noun ("coup plot", "coup rumours") is not one. Pure over the parse; the coder adds the
candidates to the extractor's (``coder.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import OBJECTS, prep_objects
from dyadwatch.coding.events.candidates import EventCandidate, one_word_candidate
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.nominal import PlacedActor, is_part_of_name
from dyadwatch.model import Actor

COERCE = "170"  # CAMEO: coerce, not specified below
ENTRY = "coups:@coup"
COUP_NOUNS = frozenset({"coup", "putsch"})
# how a coup's own phrase names its country: "in Thailand", "Thailand's", "the Thai coup"
PLACE_PREPS = ("in", "of", "against")
OWN_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# verbs whose object is a coup that took place: "staged a coup", "survived a coup"; a coup
# that is the object of any other verb ("plotting a coup", "warned of a coup") is left out
ENACTING_VERBS = frozenset(
    {"stage", "staged", "stages", "staging", "launch", "carry", "lead", "mount", "conduct",
     "execute", "survive", "attempt", "back", "support", "condemn", "denounce", "follow"}
)  # fmt: skip
# ... of which the subject is who staged it
# (the small model lemmatises "staged" as "stag": its forms are listed)
STAGING_VERBS = frozenset(
    {"stage", "staged", "stages", "staging", "launch", "carry", "lead", "mount", "conduct",
     "execute"}
)  # fmt: skip
# nouns whose "of" phrase is a coup that may never happen: "fears of a coup"
UNREAL_HOLDERS = frozenset(
    {"fear", "threat", "rumour", "rumor", "risk", "talk", "plot", "possibility", "warning",
     "plan", "prospect", "danger", "spectre", "specter", "allegation", "accusation"}
)  # fmt: skip
# what a clause may say of a coup that has not happened: "a coup was possible (looms)"
UNREAL_PREDICATES = frozenset(
    {"possible", "likely", "unlikely", "imminent", "feared", "expected", "loom", "threaten",
     "rumoured", "rumored", "planned", "plotted"}
)  # fmt: skip
# verbs whose object is whom a coup removed: "a coup removed (ousted, toppled) X"
REMOVING_VERBS = frozenset(
    {"remove", "oust", "topple", "overthrow", "depose", "unseat", "end", "bring", "sweep"}
)


def coup_events(
    doc: Doc, index: MentionIndex, found: Sequence[EventCandidate]
) -> list[EventCandidate]:
    """Candidates for the coups named by their noun (module docstring); ``found`` are the
    candidates already extracted (a coup some entry already coded is left to it)."""
    taken = {c.predicate.i for c in found}
    out: list[EventCandidate] = []
    for number, sentence in enumerate(doc.sents):
        for noun in sentence:
            if noun.i in taken or noun.lemma_.lower() not in COUP_NOUNS:
                continue
            if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "compound":
                continue
            if is_part_of_name(noun, index) or not _took_place(noun):
                continue
            removed = _removed(noun, index)
            country = _country(noun, index, removed)
            agents = [m for a in prep_objects(noun, ("by",)) for m in index.head_mentions(a)]
            agents = agents or _stagers(noun, index)
            if country is None and agents:
                country = agents[0].actor.country
            if country is None:
                continue
            source = agents[0] if agents else _state_body(noun, country, "MIL")
            target = removed[0] if removed else _state_body(noun, country, "GOV")
            if source.actor.code == target.actor.code:
                continue
            rules = ("coup" if not agents else "staged by", "removed" if removed else "coup")
            # dated and qualified by its verb of removing when it has one
            removing = removing_verb(noun)
            out.append(
                one_word_candidate(noun, number, COERCE, ENTRY, source, target, rules, removing)
            )
    return out


def _took_place(noun: Token) -> bool:
    """Whether a coup's phrase tells of one that took place: not the object of a verb of
    plotting or warning ("plotting a coup"), nor what a fear or a rumour is of."""
    if noun.dep_ in OBJECTS:
        return _verb_in(noun.head, ENACTING_VERBS)
    if noun.dep_ in ("nsubj", "nsubjpass"):
        clause = noun.head
        said = [clause, *(c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd"))]
        return not any(_verb_in(t, UNREAL_PREDICATES) for t in said)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return noun.head.head.lemma_.lower() not in UNREAL_HOLDERS
    return True


def _stagers(noun: Token, index: MentionIndex) -> list[MentionLike]:
    """Who staged (launched, led) a coup, as the subject of the verb it is the object of."""
    if noun.dep_ not in OBJECTS or not _verb_in(noun.head, STAGING_VERBS):
        return []
    verb = noun.head
    return [m for s in verb.children if s.dep_ == "nsubj" for m in index.head_mentions(s)]


def removing_verb(noun: Token) -> Token | None:
    """The verb of removing a coup is the subject of ("a coup ousted X"), also when the parser
    hung it on the noun as a participle with an object ("a coup removed X in 2006")."""
    verbs = [noun.head] if noun.dep_ == "nsubj" else []
    verbs += [
        c for c in noun.children if c.dep_ == "acl" and any(o.dep_ in OBJECTS for o in c.children)
    ]
    return next((v for v in verbs if v.lemma_.lower() in REMOVING_VERBS), None)


def _removed(noun: Token, index: MentionIndex) -> list[MentionLike]:
    """Whom a coup removed, the object of its verb of removing."""
    verb = removing_verb(noun)
    if verb is None:
        return []
    return [m for obj in verb.children if obj.dep_ in OBJECTS for m in index.head_mentions(obj)]


def _country(noun: Token, index: MentionIndex, removed: list[MentionLike]) -> str | None:
    """The country of a coup: named in its own phrase, else the country of whom it removed."""
    own = [c for c in noun.children if c.dep_ in OWN_DEPS]
    own += prep_objects(noun, PLACE_PREPS)
    for token in own:
        for mention in index.head_mentions(token):
            if mention.actor.country is not None:
                return mention.actor.country
    countries = {m.actor.country for m in removed if m.actor.country is not None}
    return next(iter(countries)) if len(countries) == 1 else None


def _state_body(noun: Token, country: str, sector: str) -> PlacedActor:
    actor = Actor(country + sector, noun.text, country, sector)
    return PlacedActor(noun.i, noun.i + 1, actor, f"{sector.lower()} of {country} (coup)")


def _verb_in(verb: Token, words: frozenset[str]) -> bool:
    return verb.lemma_.lower() in words or verb.lower_ in words
