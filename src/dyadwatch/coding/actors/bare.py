"""Where a bare agent's country comes from: an agent word with no country, organisation or
person in its own chain ("the police", "officials", "critics", "President Ana Ruiz").

Split from ``context.py``, which calls :func:`bare_country` from ``resolve_chain``; the
order of the cues is documented there and in docs/dictionaries.md. Only the context's
methods are used here, so the types are imported for checking alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyadwatch.coding.actors.pieces import ActorContext, Piece, Placement

DATELINE = "dateline"
# sectors that act only in their own country: police and courts are the story place's
LOCAL_SECTORS = frozenset({"COP", "JUD"})
# the unnamed population (residents, bystanders) and sectorless collectives (critics): the
# story's own country before another country their sentence names
POPULATION_SECTORS = frozenset({"CVL", None})


def bare_country(
    sector: str | None,
    group: Piece | None,
    context: ActorContext,
    placed: Placement | None,
    agents: list[Piece],
    surname: str | None = None,
) -> tuple[str | None, str]:
    """(country, how) for a chain without a country of its own; see context.resolve_chain.

    A chain with a ``surname`` after its title names an official ("President Ana Ruiz").
    News names a foreign official with the country ("German President X"), so one named
    without it is more likely the dateline's than the country of another official of the
    story; the story's most mentioned country stands for it only when it dominates (a
    country mentioned as a place or a target does not make a head of government its own)."""
    if placed is not None and placed.flag == "placed" and placed.country:
        return placed.country, "placed"
    home = group.entry.country if group is not None and group.entry is not None else None
    if home is not None:
        return home, "group"
    if surname is not None:
        return titled_country(sector, context, placed, agents, surname)
    if context.shared_word(agents):
        return None, "context"
    against = _foreign(placed, context)
    if placed is not None and placed.against is not None and against is None:
        return placed.against, "sentence"  # the story's own country acts on its own body
    same_word = _unless(context.word_pair(agents), against)
    sentence = placed.country if placed is not None else None  # the sentence's only one
    if same_word is not None:  # the word's pair, unless the sentence names the story's own
        main = sentence == context.dominant_country()  # country: two signals beat one
        return (sentence, "sentence") if sentence and main else (same_word, "context")
    pair = _unless(context.pair_for(sector), against)
    if pair is not None and sector not in context.capital_pairs:
        return pair, "context"
    story = story_country(context, placed) if sector in POPULATION_SECTORS else None
    if story is not None:
        # residents, bystanders, critics live where the story happens: another country
        # the sentence names ("a Polish chef") is someone else's
        return story, DATELINE
    if placed is not None and placed.country:
        return placed.country, placed.flag
    if context.home is not None:
        return context.home, DATELINE
    most = context.country_for(sector)
    if context.lead and most not in context.lead:
        # the story opens in one country and mentions another most ("a stabbing in London
        # ... a Polish chef ... police arrived"): police and courts are of the opening place if
        # it is named as often; others get no country (troops in Syria may be Turkish)
        place = next(iter(context.lead)) if len(context.lead) == 1 else None
        counts = context.country_counts
        if sector in LOCAL_SECTORS and place and counts[place] >= counts[most or place]:
            return place, "context"
        return None, "context"
    return most, "context"


def story_country(context: ActorContext, placed: Placement | None) -> str | None:
    """The country the story happens in: its dateline's, else its one opening place's when
    the story names that country at least as often as the sentence's own, or the story's
    most named (an opening place is a weaker cue: "the U.S. island territory" of a story
    on Puerto Rico)."""
    if context.home is not None:
        return context.home
    if len(context.lead) != 1:
        return None
    lead = next(iter(context.lead))
    counts = context.country_counts
    rival = placed.country if placed is not None and placed.country else None
    rival = rival or context.country_for(None)
    if rival is not None and counts[lead] < counts[rival]:
        return None
    return lead


def titled_country(
    sector: str | None,
    context: ActorContext,
    placed: Placement | None,
    agents: list[Piece],
    surname: str,
) -> tuple[str | None, str]:
    """A named official's country: the official's own earlier mention with a country
    ("Ukrainian President Ana Ruiz ... President Ruiz"), the sentence, the dateline, the
    country last named
    with the title ("German President X ... President Y": often another country's), the
    latest same-sector pair, then the document's country only when it dominates."""
    earlier = context.titled.get(surname)
    if earlier is not None and earlier[1].country is not None:
        return earlier[1].country, "context"
    if placed is not None and placed.acted and context.home is None:
        # "Foreign Minister X warned Sweden" in a story about Norway: wire news names the
        # story's own officials by title alone, the country they act on is the other side
        story = context.dominant_country()
        if story is not None and story != placed.country:
            return story, "context"
    if placed is not None and placed.country:
        return placed.country, placed.flag
    if context.home is not None:
        return context.home, DATELINE
    against = _foreign(placed, context)
    if placed is not None and placed.against is not None and against is None:
        return placed.against, "sentence"
    pair = _unless(context.word_pair(agents), against)
    if pair is None and sector not in context.capital_pairs:
        # a capital alone ("Abu Dhabi TV", "talks in Moscow") is as often a place as a
        # government: it does not make an unplaced official its country's
        pair = _unless(context.pair_for(sector), against)
    if pair is not None:
        return pair, "context"
    return context.dominant_country(), "context"


def _unless(country: str | None, against: str | None) -> str | None:
    """A country the context pairs with the chain's word or sector, unless it is the other
    side's: the side acting on the chain in its own sentence."""
    return None if country is not None and country == against else country


def _foreign(placed: Placement | None, context: ActorContext) -> str | None:
    """The country of the side acting on the chain when it is not the dateline's: a foreign
    side ("U.S. bankers met ministry officials" filed from Tokyo) never places the chain.
    The story's own side, or any side in a story without a dateline (whose most named
    country is often the other side: "US Secretary X wrote to Y" in a story on Cuba),
    places it as the sentence's only country."""
    if placed is None or placed.against is None:
        return None
    story = context.home
    return None if story is None or story == placed.against else placed.against
