"""Document context for actor coding, and how a chain of matched pieces becomes one actor.

A *piece* is one dictionary match (a country adjective, an agent word, a person...). Adjacent
pieces form a *chain* ("Chinese" + "navy" + "submarine"), which is coded as one actor. Bare
agents ("the navy") take their country from :class:`ActorContext`, which remembers what the
document has said so far. Rules and limits: docs/dictionaries.md.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from dyadwatch.dictionaries.actors import ActorEntry
from dyadwatch.dictionaries.people import Person
from dyadwatch.model import Actor

MODIFIER_KINDS = frozenset({"country", "adjective", "capital", "organization"})
# agent roles that carry their own sector in a chain, most telling last
_SECTOR_ROLES = frozenset({"specific", "title", "name_title"})
# titles of who leads a body, and the bodies whose leader is of the body, not the government
BODY_LEADERS = frozenset({"president", "vice president", "vice-president", "chairman", "chair",
                          "chairwoman", "chairperson", "speaker", "deputy speaker"})  # fmt: skip
LED_BODIES = frozenset({"LEG", "JUD"})
# sectors that act only in their own country: police and courts are the story place's
LOCAL_SECTORS = frozenset({"COP", "JUD"})
# people whose surname alone may be read without their full name in the document
_WELL_KNOWN_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister"})
DATELINE = "dateline"
CAPITAL = "capital"  # a capital alone coded as its government ("Kabul")
UNPLACED = "unplaced"  # a new named official the story's countries do not place


@dataclass(slots=True)
class Piece:
    """One match in the token stream. ``entry`` is None for people and surnames."""

    start: int
    end: int
    kind: str  # country|adjective|capital|organization|agent|person|surname
    entry: ActorEntry | None = None
    people: tuple[Person, ...] = ()  # one for full names, candidates for a bare surname
    flag_only: bool = False  # "Chinese-flagged": the country acts, agents add no sector
    named_person: bool = True  # a surname the NER does not call a person needs the context
    proper: bool = False  # an attached word inside a name ("the Green Party"): acts alone

    @property
    def role(self) -> str:
        if self.entry is None:
            return ""
        return "specific" if self.proper else self.entry.role

    @property
    def rule(self) -> str:
        """Provenance of a dictionary piece (people are cited once resolved)."""
        return self.entry.rule if self.entry is not None else self.kind


@dataclass(slots=True)
class ActorContext:
    """What a document has established so far; pass one per document across sentences."""

    country_counts: Counter[str] = field(default_factory=Counter)
    country_seen: dict[str, int] = field(default_factory=dict)  # country -> last position
    sector_country: dict[str, str] = field(default_factory=dict)  # sector -> latest explicit
    people_seen: dict[str, Person] = field(default_factory=dict)  # surname (lower) -> person
    # surnames of people the dictionary does not know ("Judge Gray Miller"): a later bare
    # "Miller" is theirs, not a known person's
    other_surnames: set[str] = field(default_factory=set)
    # agent word ("embassy", "ministry") -> the country last named with it: "the embassy"
    # later in the story is that country's ("the US embassy ... The embassy declined")
    word_country: dict[str, str] = field(default_factory=dict)
    # agent word -> every country named with it: "the foreign ministers" after the Egyptian
    # and the Italian foreign minister are both, so neither country alone
    word_countries: dict[str, set[str]] = field(default_factory=dict)
    # surname of a titled person the dictionary does not know -> (where the full name ends,
    # the actor): "Information Minister Ali Hassan ... Hassan said" (references.py)
    titled: dict[str, tuple[int, Actor, str]] = field(default_factory=dict)
    # sectors whose latest pair is a capital alone ("talks in Moscow"): a place as often as
    # a government, so weaker than the sentence and the dateline
    capital_pairs: set[str] = field(default_factory=set)
    # agent word -> the countryless body last named with it: "the spokesperson" after "an
    # Interpol spokesperson" speaks for Interpol, not for a country of the story
    word_body: dict[str, ActorEntry] = field(default_factory=dict)
    # the country of the story's dateline ("CAIRO, March 16 -"), see actors/dateline.py
    home: str | None = None
    # the countries of the places a story without a dateline opens in (dateline.lead_countries)
    lead: frozenset[str] = frozenset()
    position: int = 0

    def note_agent_words(self, agents: list[Piece], country: str) -> None:
        for piece in agents:
            self.word_country[agent_word(piece)] = country
            self.word_body.pop(agent_word(piece), None)
            self.word_countries.setdefault(agent_word(piece), set()).add(country)

    def note_body_words(self, chain: list[Piece], actor: Actor) -> None:
        """Remember the agent words of a countryless body's chain ("Interpol spokesperson")."""
        org = next((p.entry for p in chain if p.kind == "organization" and p.entry), None)
        if actor.country is None and org is not None:
            for piece in chain:
                if piece.kind == "agent" and piece.role != "former":
                    self.word_body[agent_word(piece)] = org

    def shared_word(self, agents: list[Piece]) -> bool:
        """Whether the chain is a plural agent ("the foreign ministers") whose word the story
        has named with several countries: a group of them, no one country's."""
        return any(
            _plural(piece) and len(self.word_countries.get(agent_word(piece), ())) >= 2
            for piece in agents
        )

    def word_pair(self, agents: list[Piece]) -> str | None:
        """The country last named with the chain's own agent word ("the embassy")."""
        for piece in reversed(agents):
            country = self.word_country.get(agent_word(piece))
            if country is not None:
                return country
        return None

    def pair_for(self, sector: str | None) -> str | None:
        """The country of the latest explicit country+agent pair of that sector."""
        return self.sector_country.get(sector) if sector is not None else None

    def country_for(self, sector: str | None) -> str | None:
        """Country for a bare agent: the latest explicit country+agent pair of that sector,
        else the most mentioned country so far (ties: the most recent)."""
        pair = self.pair_for(sector)
        if pair is not None:
            return pair
        if not self.country_counts:
            return None
        return max(
            self.country_counts,
            key=lambda c: (self.country_counts[c], self.country_seen.get(c, -1)),
        )

    def dominant_country(self) -> str | None:
        """The most mentioned country so far when it has at least half of the mentions."""
        if not self.country_counts:
            return None
        country, count = self.country_counts.most_common(1)[0]
        return country if 2 * count >= self.country_counts.total() else None

    def note_country(self, country: str) -> None:
        self.position += 1
        self.country_counts[country] += 1
        self.country_seen[country] = self.position

    def note_person(self, person: Person) -> None:
        if person.surname is not None:
            self.people_seen[person.surname.lower()] = person


def _plural(piece: Piece) -> bool:
    phrase = piece.entry.phrase.lower() if piece.entry is not None else ""
    return phrase != agent_word(piece)


def agent_word(piece: Piece) -> str:
    """An agent piece's phrase in the singular, lower case: "Ministries" -> "ministry"."""
    phrase = piece.entry.phrase.lower() if piece.entry is not None else ""
    if phrase.endswith("ies"):
        return phrase[:-3] + "y"
    if phrase.endswith("s") and not phrase.endswith("ss"):
        return phrase[:-1]
    return phrase


@dataclass(frozen=True, slots=True)
class Placement:
    """A country for a bare agent found outside its chain: in its own noun phrase ("rebels in
    the Ivory Coast", flag ``placed``) or as the only country of its sentence (``sentence``)."""

    country: str
    rule: str
    flag: str
    # the body a generic agent speaks for ("a spokesman for NATO", "officials of the Iraqi
    # army", "a spokesman for the airline"): an international organisation acts itself, a
    # body of a sector lends its sector
    body: ActorEntry | None = None
    sector: str | None = None


def entry_country(entry: ActorEntry, when: dt.date | None) -> str | None:
    """The country a country/capital entry names on ``when``: a capital of a state founded
    later ("Juba" before 2011-07-09) names the state it then belonged to."""
    if entry.valid_from is not None and when is not None and when < entry.valid_from:
        return entry.before
    return entry.country


@dataclass(frozen=True, slots=True)
class Resolution:
    """A chain coded as an actor, plus what it tells the document context."""

    actor: Actor
    rule: str
    flags: frozenset[str]
    explicit_country: bool  # a country named in the chain itself (for the context)


def chain_sector(agents: list[Piece]) -> str | None:
    """The sector a run of agent words carries: the last specific one, else the first."""
    specific = [p for p in agents if p.role in _SECTOR_ROLES]
    if specific:
        last = specific[-1].entry
        if last is not None and last.phrase.lower() in BODY_LEADERS:
            # "Senate President", "court president": who leads a chamber or a court is of it
            bodies = [p.entry.sector for p in specific[:-1] if p.entry is not None]
            if bodies and bodies[-1] in LED_BODIES:
                return bodies[-1]
        return last.sector if last else None
    for piece in agents:
        if piece.entry is not None and piece.role in ("generic", "attached"):
            return piece.entry.sector
    return None


# a surname alone can name someone years before they take office, but not decades before
_LATER_CAREER = dt.timedelta(days=3653)


def resolve_person(piece: Piece, context: ActorContext, when: dt.date | None) -> Person | None:
    """The person a full-name or surname piece refers to.

    A surname is the person whose full name the document used last; else the only known
    person with that surname. Homonyms (two people, one name) go to the one in office on
    ``when``, else to the one whose latest tenure is the most recent.
    """
    if not piece.people:
        return None
    if piece.kind == "surname":
        seen = context.people_seen.get((piece.people[0].surname or "").lower())
        if seen is not None and seen in piece.people:
            return seen
        only = piece.people[0]
        if len(piece.people) != 1 or not piece.named_person:
            return None
        if (only.surname or "").lower() in context.other_surnames:
            return None
        if not any(r.role in _WELL_KNOWN_ROLES for r in only.roles):
            return None  # a minister's surname alone is too often someone else's
        if when is not None and only.roles[0].start > when + _LATER_CAREER:
            return None  # "King Hassan" in a 1990s story is not a premier of the 2020s
    in_office = [p for p in piece.people if when is not None and p.role_on(when) is not None]
    pool = in_office or list(piece.people)
    return max(pool, key=lambda p: p.latest_role().start)


def _person_rule(piece: Piece, person: Person, when: dt.date | None) -> str:
    """people.tsv:LINE Name, citing the tenure that gave the role (else the first row)."""
    role = person.role_on(when)
    line = role.line if role is not None else person.roles[0].line
    form = f"{person.surname} (surname)" if piece.kind == "surname" else person.name
    return f"people.tsv:{line} {form}"


def _code(country: str | None, sector: str | None) -> str:
    return (country or "") + (sector or "")


def resolve_chain(
    chain: list[Piece],
    name: str,
    when: dt.date | None,
    context: ActorContext,
    country_kinds: dict[str, str],
    placed: Placement | None = None,
    titled: bool = False,
) -> Resolution | None:
    """Code a chain of pieces as one actor, or None when it names no actor.

    A bare agent's country comes, in this order, from ``placed`` when it is in the agent's
    own phrase, a group's home country, the document's latest same-sector pair, ``placed``
    when it is the sentence's only country, the dateline (``context.home``) and the document's
    most mentioned country; ``titled`` (a title with an unknown name) changes the order,
    see _bare_country."""
    # a surname nobody in the document or the dictionary answers to is left out
    chain = [p for p in chain if p.kind != "surname" or resolve_person(p, context, when)]
    if not chain:
        return None
    lead = 0  # "Ousted Kyrgyz President X": the former-words come before the modifier
    while lead < len(chain) - 1 and chain[lead].kind == "agent" and chain[lead].role == "former":
        lead += 1
    modifier = chain[lead] if chain[lead].kind in MODIFIER_KINDS else None
    rest = [p for p in chain if p is not modifier]
    group = next((p for p in rest if p.kind == "group" and p.entry is not None), None)
    suffix = (group.entry.group or "") if group is not None and group.entry else ""
    if not suffix:  # a clergy title carries its religion: "Archbishop X" -> ...CHR
        suffix = (
            next(
                (p.entry.group for p in rest if p.kind == "agent" and p.entry and p.entry.group), ""
            )
            or ""
        )
    org = next((p for p in rest if p.kind == "organization"), None)
    agents = [p for p in rest if p.kind == "agent" and p.role != "former"]
    former = any(p.kind == "agent" and p.role == "former" for p in chain)
    person_piece = next((p for p in rest if p.kind in ("person", "surname")), None)
    person = resolve_person(person_piece, context, when) if person_piece is not None else None
    if person_piece is not None and person is None:
        return None
    rules = [
        _person_rule(p, person, when) if p is person_piece and person is not None else p.rule
        for p in chain
    ]
    flags: set[str] = set()
    sector = chain_sector(agents)
    if sector is None and group is not None and group.entry is not None:
        sector = group.entry.sector
    bare = modifier is None and person is None and org is None and group is None
    if bare and all(p.role == "attached" for p in agents):
        return None  # also when there are no agents at all
    if modifier is not None and modifier.flag_only:
        sector = None
        flags.add("flagged")
    explicit = modifier is not None and modifier.kind != "organization"

    owned = [p for p in agents if person_piece is not None and p.start > person_piece.start]
    if person is not None and owned:
        # "Trump's former adviser": the adviser, in the possessor's country
        base = person.actor_on(when)
        owned_sector = "ELI" if former else chain_sector(owned)
        actor = Actor(_code(base.country, owned_sector), name, base.country, owned_sector)
        flags.add("possessor")
        if former:
            flags.add("former")
        return Resolution(actor, " + ".join(rules), frozenset(flags), False)
    if person is not None:
        actor = person.actor_on(when, name=person.name)
        if former:
            actor = Actor(_code(actor.country, "ELI"), actor.name, actor.country, "ELI", person.id)
            flags.add("former")
        return Resolution(actor, " + ".join(rules), frozenset(flags), explicit)

    entry = (modifier.entry if modifier is not None else None) or (
        org.entry if org is not None else None
    )
    specific = chain_sector([p for p in agents if p.role == "specific"])
    if org is not None and org.entry is not None:
        actor = _org_actor(org.entry, modifier.entry if modifier else None, specific, name)
    elif modifier is not None and modifier.entry is not None and modifier.kind == "organization":
        actor = _org_actor(modifier.entry, None, specific, name)
    elif entry is not None:  # a country, adjective or capital
        country = entry_country(entry, when)
        if country != entry.country:
            rules.append(f"(before {entry.valid_from}: {country})")
        if sector is None and modifier is not None and modifier.kind == "capital":
            sector = None if modifier.flag_only else "GOV"
            flags.add(CAPITAL)  # a capital alone: its government, or only a place
        actor = Actor(_code(country, sector) + suffix, name, country, sector)
    elif placed is not None and placed.body is not None and not specific:
        # "a spokesman for NATO", "officials of the African Union": the organisation speaks
        actor = _org_actor(placed.body, None, None, name)
        rules.append(f"({placed.rule})")
        flags.add("placed")
        explicit = True
    elif (body := _body_pair(context, agents, placed, specific, titled)) is not None:
        actor = _org_actor(body, None, None, name)
        rules.append(f"(body last named with the word: {body.rule})")
        flags.add("context")
    else:  # a bare agent: the country comes from its phrase, the sentence or the document
        if placed is not None and placed.sector is not None and not specific:
            sector = placed.sector  # "a spokesman for the Iraqi army" speaks for the army
        surname = name.split()[-1].lower() if titled else None
        country, how = _bare_country(sector, group, context, placed, agents, surname)
        if country is not None:
            flags.add(how)
            if placed is not None and how == placed.flag:
                rules.append(f"({placed.rule})")
            elif how == DATELINE:  # a guess like the context's, flagged as one
                flags.discard(how)
                flags.add("context")
                rules.append(f"(country from the dateline context: {country})")
            else:
                rules.append(f"(country from {how}: {country})")
        elif (titled or context.shared_word(agents)) and context.country_counts:
            # the story's countries so far are too mixed: no country rather than a wrong one
            # (and not the later guess of countries.place_from_document either)
            flags.add(UNPLACED)
        explicit = how == "placed"
        actor = Actor(_code(country, sector) + suffix, name, country, sector)
    if former and actor.country is not None and country_kinds.get(actor.country) != "region":
        actor = Actor(_code(actor.country, "ELI"), name, actor.country, "ELI")
        flags.add("former")
    return Resolution(actor, " + ".join(rules), frozenset(flags), explicit)


def _bare_country(
    sector: str | None,
    group: Piece | None,
    context: ActorContext,
    placed: Placement | None,
    agents: list[Piece],
    surname: str | None = None,
) -> tuple[str | None, str]:
    """(country, how) for a chain without a country of its own; see resolve_chain.

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
        return _titled_country(sector, context, placed, agents, surname)
    if context.shared_word(agents):
        return None, "context"
    same_word = context.word_pair(agents)
    sentence = placed.country if placed is not None else None  # the sentence's only one
    if same_word is not None:  # the word's pair, unless the sentence names the story's own
        main = sentence == context.dominant_country()  # country: two signals beat one
        return (sentence, "sentence") if sentence and main else (same_word, "context")
    pair = context.pair_for(sector)
    if pair is not None and sector not in context.capital_pairs:
        return pair, "context"
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


def _body_pair(
    context: ActorContext,
    agents: list[Piece],
    placed: Placement | None,
    specific: str | None,
    titled: bool,
) -> ActorEntry | None:
    """The countryless body last named with a bare agent's own word ("an Interpol spokesperson
    ... the spokesperson"), unless the agent's own phrase places it or it is a named official."""
    if titled or specific or (placed is not None and placed.flag == "placed"):
        return None
    return next((b for p in agents if (b := context.word_body.get(agent_word(p)))), None)


def _titled_country(
    sector: str | None,
    context: ActorContext,
    placed: Placement | None,
    agents: list[Piece],
    surname: str,
) -> tuple[str | None, str]:
    """A named official's country: the official's own earlier mention with a country
    ("Ukrainian President Ana Ruiz ... President Ruiz"), the sentence, the dateline, the
    country last named with the title ("German President X ... President Y": often another
    country's), the latest same-sector pair, then the document's country when it dominates."""
    earlier = context.titled.get(surname)
    if earlier is not None and earlier[1].country is not None:
        return earlier[1].country, "context"
    if placed is not None and placed.country:
        return placed.country, placed.flag
    if context.home is not None:
        return context.home, DATELINE
    pair = context.word_pair(agents)
    if pair is None and sector not in context.capital_pairs:
        # a capital alone ("Abu Dhabi TV", "talks in Moscow") is as often a place as a
        # government: it does not make an unplaced official its country's
        pair = context.pair_for(sector)
    if pair is not None:
        return pair, "context"
    return context.dominant_country(), "context"


def _org_actor(
    org: ActorEntry, modifier: ActorEntry | None, sector: str | None, name: str
) -> Actor:
    """An organization, possibly with a country in front or an agent after it."""
    if (
        modifier is not None
        and modifier.kind != "organization"
        and modifier.country
        and org.country is not None
        and org.country != modifier.country
        and org.role in ("institution", "seat")
    ):
        # "Peru's Congress": the institution word, the modifier's country
        return Actor(_code(modifier.country, org.sector), name, modifier.country, org.sector)
    code = org.code or ""
    if org.country is None and org.role == "igo" and sector is not None and sector != org.sector:
        # "NATO troops", "UN peacekeepers": the IGO code plus the agent's sector
        return Actor(code + sector if not code.endswith(sector) else code, name, None, sector)
    return Actor(code, name, org.country, org.sector)
