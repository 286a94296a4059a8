"""Participants a clause implies but does not name.

Sources, when the verb has no subject actor:

- An agentless passive of a legal act ("was charged", "were indicted", "was sentenced",
  "has been fined", "is accused of fraud") is done by the courts (CAMEO sector JUD: courts
  and prosecutors) of the country of the person acted on, else of a named place in the
  sentence, else of the country the document is about; so is a release "from jail" or
  "from custody". A passive "was charged" is legal action (173). Arrests and convictions
  are left to their own rules. When the person acted on is no known actor ("a man", "a
  suspect", a name the dictionaries lack) the target is the civilians of that country.
- A protest by a count of people ("thousands marched") is by the civilians of the place.
- An agentless passive of giving may name its provider ("armed with weapons from China").
- "an agreement has been reached with X, the SDF said": the speaker is a party.

Targets, when a disapproval or lawsuit (root 11) names none: the author of the act it is
against, named inside what it is about ("sued against the decree the president signed",
"petitioned for a ruling on the suspension of parliament by the prime minister").

Pure functions over the parse and the actor mentions; used by ``extractor.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.clauses import agentless_with, child, is_passive, prep_objects
from dyadwatch.coding.events.arguments import provider_mentions, speaker_mentions
from dyadwatch.coding.events.frames import Act
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.nominal import (
    PLACE_PREPS,
    PROTEST_ROOT,
    PlacedActor,
    crowd_subject,
    document_country,
    protest_sources,
)
from dyadwatch.coding.events.protests import protest_concession_target
from dyadwatch.model import Actor

AID_ROOT = "07"
# acts done with a partner: diplomatic and material cooperation (agreements, deals)
RECIPROCAL_ROOTS = frozenset({"05", "06"})
# legal acts whose unnamed agent is a court or prosecutor; arrests and convictions are coded
# by their own rules (who arrests is the police, and a conviction is a verdict)
LEGAL_LEMMAS = frozenset({"charge", "indict", "sentence", "fine", "accuse", "prosecute",
                          "jail", "imprison"})  # fmt: skip
COURTS = "JUD"
# a legal charge is an act of legal action (CAMEO 173), not the verbal "charged that"
LEGAL_ACTION, CHARGED = "173", frozenset({"charge"})
CIVILIANS = "CVL"
AUTHOR_PREPS = ("by",)
AUTHOR_DEPTH = 3
LAWSUIT = "115"
DISAPPROVAL_ROOT = "11"  # criticism, accusations, lawsuits
OBJECT_DEPS = frozenset({"dobj", "obj"})
NOUNS = frozenset({"NOUN", "PROPN"})
RELEASES = frozenset({"release", "free"})
CUSTODY = frozenset({"jail", "prison", "custody", "detention", "gaol"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# a person named by a common noun, who is acted on as a private individual
PERSON_NOUNS = frozenset({"man", "men", "woman", "women", "person", "people", "suspect",
                          "suspects", "defendant", "defendants", "teenager", "teenagers",
                          "boy", "girl", "resident", "residents", "driver", "doctor"})  # fmt: skip


def fallback_sources(
    verb: Token, act: Act, mentions: MentionIndex
) -> tuple[list[MentionLike], str]:
    """Sources of a verb whose clause names none, and the rule that implied them."""
    root = act.code[:2]
    if root == AID_ROOT:
        found = provider_mentions(verb, mentions)
        if found:
            return found, "with-from"
    if root == PROTEST_ROOT and crowd_subject(verb):
        # "thousands marched in Baghdad": the civilians of the place
        return protest_sources(verb, mentions, [verb]), "crowd"
    if root in RECIPROCAL_ROOTS and agentless_with(verb):
        return speaker_mentions(verb, mentions), "speaker-party"
    courts = implied_court(verb, mentions)
    if courts is not None:
        return [courts], "implied-court"
    return [], ""


def implied_court(verb: Token, mentions: MentionIndex) -> PlacedActor | None:
    """The courts of the patient's country, for an agentless passive of a legal act."""
    if not is_passive(verb) or not (verb.lemma_.lower() in LEGAL_LEMMAS or _from_custody(verb)):
        return None
    if prep_objects(verb, ("by",)):
        return None
    country = patient_country(verb, mentions)
    if country is None:
        return None
    actor = Actor(country + COURTS, "(the courts)", country, COURTS)
    return PlacedActor(verb.i, verb.i + 1, actor, "implied court")


def court_act(act: Act, verb: Token) -> Act:
    """A passive "was charged" is a charge with legal action (173) whatever its particle."""
    if verb.lemma_.lower() in CHARGED:
        return replace(act, code=LEGAL_ACTION, state_code=None)
    return act


def patient_country(verb: Token, mentions: MentionIndex) -> str | None:
    """The country of whom a passive acts on: their own, else a named place of the clause
    ("a man in Ohio", "was charged in Paris"), else the document's country."""
    subject = child(verb, PASSIVE_SUBJECTS)
    if subject is not None:
        for mention in mentions.head_mentions(subject):
            if mention.actor.country is not None:
                return mention.actor.country
    for place in _place_heads(verb, subject):
        for mention in mentions.head_mentions(place):
            if mention.actor.country is not None:
                return mention.actor.country
    return document_country(mentions)


def person_target(verb: Token, source: MentionLike, mentions: MentionIndex) -> list[MentionLike]:
    """The civilians of the court's country when the one a legal passive acts on is a person
    no dictionary knows ("a man", "a suspect", a name)."""
    subject = child(verb, PASSIVE_SUBJECTS)
    country = source.actor.country
    if subject is None or country is None or mentions.head_mentions(subject):
        return []
    if subject.ent_type_ != "PERSON" and subject.lower_ not in PERSON_NOUNS:
        return []
    actor = Actor(country + CIVILIANS, subject.text, country, CIVILIANS)
    return [PlacedActor(subject.i, subject.i + 1, actor, "person acted on")]


def implied_targets(
    verb: Token,
    code: str,
    mentions: MentionIndex,
    sources: Sequence[MentionLike],
    found: tuple[list[MentionLike], str],
    source_rule: str,
) -> tuple[list[MentionLike], str]:
    """The targets ``found`` by the verb's phrases, or those the clause implies."""
    targets, rule = found
    person = person_target(verb, sources[0], mentions) if source_rule == "implied-court" else []
    if person:  # "a man was charged": the man, not the place the charge is brought in
        return person, "person"
    if not targets:  # "resigned in response to the protests": aimed at the protesters
        answered = protest_concession_target(verb, code, sources)
        if answered:
            return answered, "protests answered"
    if code[:2] == DISAPPROVAL_ROOT and only_courts(targets, code):
        # "petitioned the court for a ruling on X's decree": X is sued, not the court
        authored = authored_targets(verb, mentions, sources)
        if authored:
            return authored, "authored"
    return targets, rule


def authored_targets(
    verb: Token, mentions: MentionIndex, sources: Sequence[MentionLike]
) -> list[MentionLike]:
    """The author of the act a disapproval is against: the "by" agent or the relative
    clause's subject of a noun in the verb's phrases, nearest first (at most three
    prepositional steps down, not into other clauses)."""
    frontier = [c for c in verb.children if c.dep_ in OBJECT_DEPS or c.dep_ == "prep"]
    for _ in range(AUTHOR_DEPTH):
        nouns: list[Token] = []
        for token in frontier:
            nouns += [token] if token.pos_ in NOUNS else prep_objects_of(token)
        for noun in nouns:
            for author in _authors(noun):
                found = [m for m in mentions.head_mentions(author) if m not in sources]
                if found:
                    return found
        frontier = [c for n in nouns for c in n.children if c.dep_ == "prep"]
    return []


def only_courts(targets: Sequence[MentionLike], code: str) -> bool:
    """Whether an act has no target, or is a lawsuit aimed only at the court it is brought
    before (whom it is against is then named elsewhere)."""
    return not targets or (code == LAWSUIT and all(t.actor.sector == COURTS for t in targets))


def _authors(noun: Token) -> list[Token]:
    """Who did what a noun names: "X by Y", "X granted by Y" -> Y; "X that Y declared" -> Y."""
    found = prep_objects(noun, AUTHOR_PREPS)
    for clause in noun.children:
        if clause.dep_ == "relcl" and not is_passive(clause):
            found += [c for c in clause.children if c.dep_ == "nsubj"]
        elif clause.dep_ in {"acl", "relcl"}:
            found += prep_objects(clause, AUTHOR_PREPS)
    return found


def prep_objects_of(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"] if prep.dep_ == "prep" else []


def _from_custody(verb: Token) -> bool:
    """ "was released from jail", "freed from custody": a release the courts ordered."""
    return verb.lemma_.lower() in RELEASES and any(
        p.lemma_.lower() in CUSTODY for p in prep_objects(verb, ("from",))
    )


def _place_heads(verb: Token, subject: Token | None) -> Sequence[Token]:
    heads = [p for p in prep_objects(verb, PLACE_PREPS) if p.pos_ == "PROPN"]
    if subject is not None:
        heads += [p for p in prep_objects(subject, PLACE_PREPS) if p.pos_ == "PROPN"]
    return heads
