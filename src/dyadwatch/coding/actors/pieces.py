"""The pieces an actor chain is made of, the document context that places bare agents, and
the placements found for them in a sentence (split from ``context.py``, which turns a chain
into an actor; ``bare.py`` reads the context). Rules and limits: docs/dictionaries.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from dyadwatch.dictionaries.actors import ActorEntry
from dyadwatch.dictionaries.people import Person
from dyadwatch.model import Actor

# sectors of firms and outlets: their spokesmen stay theirs through the story
FIRM_SECTORS = frozenset({"BUS", "MED"})


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
    # the word before that surname in the full name ("ali"): "Ali Hassan" again is the same man
    titled_given: dict[str, str] = field(default_factory=dict)
    # sectors whose latest pair is a capital alone ("talks in Moscow"): a place as often as
    # a government, so weaker than the sentence and the dateline
    capital_pairs: set[str] = field(default_factory=set)
    # agent word -> the countryless body last named with it: "the spokesperson" after "an
    # Interpol spokesperson" speaks for Interpol, not for a country of the story
    word_body: dict[str, ActorEntry] = field(default_factory=dict)
    # every sector an actor of the story has had: "officers" alone in a story that named the
    # police are police (context.story_sector)
    sectors_seen: set[str] = field(default_factory=set)
    # attached role word -> the sector of the actor last named with it: "the officers" after
    # "FSB officers" are the FSB's
    word_sector: dict[str, str] = field(default_factory=dict)
    # person id -> the actor a stated post gave a listed person before every recorded tenure
    # ("Soviet Foreign Minister X ... X met"): later mentions by name are the same
    told: dict[str, Actor] = field(default_factory=dict)
    # generic agent word -> BUS or MED when the story last named it with a firm or an outlet:
    # "the spokesman" after "a company spokesman" or "an Acme Corp spokesman" is still the
    # firm's, not the government of the dateline's country (context.resolve_chain)
    word_firm: dict[str, str] = field(default_factory=dict)
    # the words of firms' names the story gave with a legal form ("sumitomo" after "Sumitomo
    # Bank Ltd"): "Sumitomo President X" later is the firm's (companies.firm_name_pieces)
    firm_names: set[str] = field(default_factory=set)
    # whether the story opens with a firm's name (companies.firm_led): its unplaced
    # spokesman or president is the firm's, not the dateline country's government
    firm_story: bool = False
    # the country of the story's dateline ("CAIRO, March 16 -"), see actors/dateline.py
    home: str | None = None
    # the countries of the places a story without a dateline opens in (dateline.lead_countries)
    lead: frozenset[str] = frozenset()
    position: int = 0

    def note_sector(self, sector: str, chain: list[Piece]) -> None:
        self.sectors_seen.add(sector)
        if len(chain) > 1:  # the word with an owner: "FSB officers", "army officers"
            for piece in chain:
                if piece.kind == "agent" and piece.role == "attached":
                    self.word_sector[agent_word(piece)] = sector

    def note_firm_words(self, chain: list[Piece], sector: str | None) -> None:
        """Remember whether the generic agent words of a chain ("spokesman", "officials")
        last spoke for a firm or an outlet; any other sector forgets it."""
        for piece in chain:
            if piece.kind == "agent" and piece.role == "generic":
                if sector in FIRM_SECTORS:
                    self.word_firm[agent_word(piece)] = sector or ""
                else:
                    self.word_firm.pop(agent_word(piece), None)

    def firm_word(self, agents: list[Piece]) -> str | None:
        """The firm's sector a lone generic agent word takes from the story, if any."""
        if not agents or any(p.role != "generic" for p in agents):
            return None
        sectors = {self.word_firm.get(agent_word(p)) for p in agents}
        return sectors.pop() if len(sectors) == 1 else None

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
    acted: bool = False  # the sentence's country is what the chain's own verb acts on
    # the country of another chain of the sentence whose act is aimed at this one ("Canadian
    # negotiators criticised ministry officials"): the other side, never this chain's country
    against: str | None = None
