"""Protest crowds: what they call for is a demand.

A crowd in the street that "calls for", "urges" or "asks" something makes a demand (CAMEO
10), not an appeal (02): an appeal is a request its author can afford to see refused, a
protest's call comes with the protest's pressure. CAMEO's 02 and 10 run in parallel
(0241 appeal for a change in leadership, 1041 demand it), so the appeal code maps onto the
demand code of the same subject.

A rally held by a politician, a party or a government ("Trump's Tulsa rally", "held five
rallies a day") is a campaign event, not a protest, unless it is against something.

A concession made "in response to" (after, following) protests that name no protesters is
aimed at the protesters: the civilians of the conceding actor's country.

Pure functions over the parse and the actor mentions; used by ``extractor.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import prep_objects
from dyadwatch.coding.events.mentions import MentionLike
from dyadwatch.coding.events.nominal import PlacedActor
from dyadwatch.model import Actor

APPEAL_ROOT, DEMAND_ROOT, CONCESSION_ROOT = "02", "10", "08"
PROTEST_NOUNS = frozenset({"protest", "demonstration", "rally", "march", "strike", "unrest",
                           "riot", "sit-in", "boycott"})  # fmt: skip
RESPONSE_NOUNS = frozenset({"response", "reaction", "answer"})
SPANS = frozenset({"day", "week", "month", "year", "wave", "series", "night"})
SETTING_PREPS = ("after", "following", "amid")
CIVILIANS = "CVL"
# words for a crowd that is protesting (not "civilians", "residents": they may just ask)
PROTESTER_WORDS = frozenset({"protesters", "protestors", "protester", "protestor",
                             "demonstrators", "demonstrator", "marchers", "crowd", "crowds",
                             "strikers"})  # fmt: skip


def is_protester(source: MentionLike, doc: Doc) -> bool:
    """Whether an actor mention names a protesting crowd ("protesters", "the demonstrators in
    Lima"), or the unnamed protesters of a protest."""
    if source.actor.sector != CIVILIANS:
        return False
    if source.actor.name.lower() in PROTESTER_WORDS:
        return True  # the unnamed protesters of a protest, or "they" said of protesters
    words = {t.lower_ for t in doc[source.start : source.end]}
    return bool(words & PROTESTER_WORDS)


# who holds campaign rallies: a politician, a party, a government, a legislature
CAMPAIGNERS = frozenset({"GOV", "ELI", "PTY", "LEG"})
RALLY_NOUNS = frozenset({"rally"})
PROTEST_ROOT = "14"


def campaign_rally(code: str, noun: Token | None, source: MentionLike) -> bool:
    """Whether a protest act is a rally a political actor holds for itself: no event."""
    if not code.startswith(PROTEST_ROOT) or noun is None:
        return False
    if noun.lemma_.lower() not in RALLY_NOUNS:
        return False
    actor = source.actor
    if actor.sector not in CAMPAIGNERS and actor.person is None:
        return False
    against = prep_objects(noun, ("against",)) or any(
        c.lower_.startswith("anti") for c in noun.children
    )
    return not against


def protest_demand(code: str, source: MentionLike, doc: Doc) -> str:
    """The demand code for a protesting crowd's appeal; other codes unchanged."""
    if code.startswith(APPEAL_ROOT) and is_protester(source, doc):
        return DEMAND_ROOT + code[len(APPEAL_ROOT) :]
    return code


TIME_ENTITIES = frozenset({"DATE", "TIME"})


def protest_concession_target(
    verb: Token, code: str, sources: Sequence[MentionLike]
) -> list[MentionLike]:
    """The protesters a concession answers ("raised wages in response to the protests"):
    the civilians of the conceding actor's country; none when the protests have an owner."""
    if not code.startswith(CONCESSION_ROOT) or not sources:
        return []
    country = sources[0].actor.country
    if country is None:
        return []
    answered = prep_objects(verb, SETTING_PREPS)
    for response in prep_objects(verb, ("in",)):
        if response.lemma_.lower() in RESPONSE_NOUNS:
            answered += prep_objects(response, ("to",))
    for noun in answered:
        if noun.lemma_.lower() in SPANS and prep_objects(noun, ("of",)):
            noun = prep_objects(noun, ("of",))[0]  # "weeks of protests"
        # "last week's protests" names a time, not an owner
        owned = any(
            (c.dep_ in {"poss", "compound"} and c.ent_type_ not in TIME_ENTITIES)
            or c.lower_ == "by"
            for c in noun.children
        )
        if noun.lemma_.lower() in PROTEST_NOUNS and not owned:
            actor = Actor(country + CIVILIANS, "protesters", country, CIVILIANS)
            return [PlacedActor(noun.i, noun.i + 1, actor, "protesters answered")]
    return []
