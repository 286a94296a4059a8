"""How a chain of matched pieces becomes one actor.

A *piece* is one dictionary match (a country adjective, an agent word, a person...). Adjacent
pieces form a *chain* ("Chinese" + "navy" + "submarine"), which is coded as one actor. Bare
agents ("the navy") take their country from the :class:`~.pieces.ActorContext`, which
remembers what the document has said so far, in the order of ``bare.py``. The pieces and the
context live in ``pieces.py``. Rules and limits: docs/dictionaries.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from dyadwatch.coding.actors.bare import DATELINE, bare_country
from dyadwatch.coding.actors.companies import FIRM_OFFICERS
from dyadwatch.coding.actors.pieces import ActorContext, Piece, Placement, agent_word
from dyadwatch.dictionaries.actors import ActorEntry
from dyadwatch.dictionaries.people import Person
from dyadwatch.model import Actor

MODIFIER_KINDS = frozenset({"country", "adjective", "capital", "organization"})
# agent roles that carry their own sector in a chain, most telling last
_SECTOR_ROLES = frozenset({"specific", "title", "name_title"})
# titles of who leads a body, and the bodies whose leader is of the body, not the government
BODY_LEADERS = frozenset({"president", "vice president", "vice-president", "chairman", "chair",
                          "chairwoman", "chairperson", "speaker", "deputy speaker",
                          "chief executive"})  # fmt: skip
LED_BODIES = frozenset({"LEG", "JUD", "BUS", "MED"})  # "company president": the firm's
# people whose surname alone may be read without their full name in the document
_WELL_KNOWN_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister"})
# attached role words alone take the one of these sectors the story has named: "the officers
# were suspended" after "two police officers" are police, after "army officers" soldiers
STORY_SECTORS: dict[str, tuple[str, ...]] = {"officer": ("COP", "MIL")}
CAPITAL = "capital"  # a capital alone coded as its government ("Kabul")
UNPLACED = "unplaced"  # a new named official the story's countries do not place
STATED_POST = "stated-post"  # a listed person out of office, coded by the title given


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


def resolve_person(
    piece: Piece, context: ActorContext, when: dt.date | None, titled: bool = False
) -> Person | None:
    """The person a full-name or surname piece refers to.

    A surname is the person whose full name the document used last; else the only known
    person with that surname, unless another full name in the document claims it ("Nancy
    Reagan") and no title stands before it ("President Reagan" is still the president).
    Homonyms (two people, one name) go to the one in office on ``when``, else to the one
    whose latest tenure is the most recent.
    """
    if not piece.people:
        return None
    if piece.kind == "surname":
        seen = context.people_seen.get((piece.people[0].surname or "").lower())
        if seen is not None and seen in piece.people:
            return seen
        held = [p for p in piece.people if when is not None and p.role_on(when) is not None]
        if not piece.named_person or (len(piece.people) != 1 and len(held) != 1):
            return None
        # a surname two listed people share ("Nakasone", father and son): the one in office
        only = piece.people[0] if len(piece.people) == 1 else held[0]
        if (only.surname or "").lower() in context.other_surnames and not titled:
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
    see bare.bare_country."""
    # a surname nobody in the document or the dictionary answers to is left out
    titles = any(p.kind == "agent" and p.role == "title" for p in chain)
    chain = [p for p in chain if p.kind != "surname" or resolve_person(p, context, when, titles)]
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
    person = resolve_person(person_piece, context, when, titles) if person_piece else None
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
        sector = story_sector(agents, context, placed)
        if sector is None:
            return None  # also when there are no agents at all
        rules.append(f"(sector the story named: {sector})")
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
        told = told_country(person, modifier, when)
        if told is not None and not former:
            # "Soviet Foreign Minister X" of 1987, the dictionary knowing only his later
            # Georgian presidency: before every recorded tenure the story's country and post
            sector = chain_sector(agents)
            actor = Actor(_code(told, sector), actor.name, told, sector, person.id)
            context.told[person.id] = actor
            return Resolution(actor, " + ".join(rules), frozenset({STATED_POST}), explicit)
        if modifier is None and not agents and not former and person.id in context.told:
            return Resolution(context.told[person.id], " + ".join(rules), STATED, False)
        post = stated_post(person, agents, when)
        if post is not None and not former and actor.country is not None:
            # "Conservative MP X" for a minister of the past: the post the story gives him
            actor = Actor(_code(actor.country, post), actor.name, actor.country, post, person.id)
            flags.add(STATED_POST)
        if former:
            actor = Actor(_code(actor.country, "ELI"), actor.name, actor.country, "ELI", person.id)
            flags.add("former")
        return Resolution(actor, " + ".join(rules), frozenset(flags), explicit)

    entry = (modifier.entry if modifier is not None else None) or (
        org.entry if org is not None else None
    )
    # a sector word before a title is the title's portfolio ("EC industry ministers")
    last_title = max((p.start for p in agents if p.role == "title"), default=-1)
    specific = chain_sector([p for p in agents if p.role == "specific" and p.start > last_title])
    if org is not None and org.entry is not None:
        actor = _org_actor(org.entry, modifier.entry if modifier else None, specific, name, when)
    elif modifier is not None and modifier.entry is not None and modifier.kind == "organization":
        actor = _org_actor(modifier.entry, None, specific, name, when)
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
        elif _only_sentence(placed) and not titled and (firm := context.firm_word(agents)):
            # "a company spokesman said ... The spokesman added that Chile ...": the firm's
            sector = firm
            rules.append(f"(sector the story named with the word: {firm})")
        surname = name.split()[-1].lower() if titled else None
        country, how = bare_country(sector, group, context, placed, agents, surname)
        placed_weakly = how == DATELINE or (how == "sentence" and _only_sentence(placed))
        if placed_weakly and sector == "GOV" and firm_officer(agents, context):
            sector = "BUS"  # "Acme Corp <ACM> said ... a spokesman said": the firm's
            rules.append("(officer in a story a firm leads)")
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
        if not actor.code:
            return None  # a sectorless word ("critics") that no country places is no actor
    if former and actor.country is not None and country_kinds.get(actor.country) != "region":
        actor = Actor(_code(actor.country, "ELI"), name, actor.country, "ELI")
        flags.add("former")
    return Resolution(actor, " + ".join(rules), frozenset(flags), explicit)


STATED = frozenset({STATED_POST})


def told_country(person: Person, modifier: Piece | None, when: dt.date | None) -> str | None:
    """The country a title in front of a listed person gives ("Soviet Foreign Minister X"),
    when it is not the person's and the date is before every tenure the dictionary records
    (later posts say nothing of earlier ones; after a tenure the former-official reading
    stays)."""
    if when is None or modifier is None or modifier.entry is None:
        return None
    if modifier.kind not in ("country", "adjective") or modifier.flag_only:
        return None
    if any(r.start <= when for r in person.roles):
        return None
    country = entry_country(modifier.entry, when)
    return country if country not in {None, *(r.country for r in person.roles)} else None


def firm_officer(agents: list[Piece], context: ActorContext) -> bool:
    """Whether a chain is only a firm's officer words in a story a firm leads."""
    words = [agent_word(p) for p in agents]
    return context.firm_story and bool(words) and all(w in FIRM_OFFICERS for w in words)


def _only_sentence(placed: Placement | None) -> bool:
    """Whether a bare agent is placed at most by a country its sentence names (not by its
    own phrase, nor lent a sector): a topic, which a firm's spokesman may speak about."""
    return placed is None or (placed.flag == "sentence" and placed.sector is None)


def stated_post(person: Person, agents: list[Piece], when: dt.date | None) -> str | None:
    """The sector of a title the sentence gives a listed person out of every recorded
    tenure on ``when``, when it is another kind of post than those tenures ("MP", LEG, for a
    former minister); a stale "President X" keeps the dictionary's former-official reading."""
    if when is None or person.role_on(when) is not None:
        return None
    sector = chain_sector([p for p in agents if p.role in ("title", "name_title")])
    if sector is None or any(r.sector == sector for r in person.roles):
        return None
    return sector


def story_sector(
    agents: list[Piece], context: ActorContext, placed: Placement | None
) -> str | None:
    """The sector a lone role word ("officers") takes from the story: that of the actor last
    named with the word ("FSB officers ... the officers"), else the only one of its
    :data:`STORY_SECTORS` the story has named so far; None when it names none or several,
    or when the word's own phrase places it ("officers of the company")."""
    if len(agents) != 1 or placed is not None:
        return None
    word = agent_word(agents[0])
    if word not in STORY_SECTORS:
        return None
    if word in context.word_sector:
        return context.word_sector[word]
    sectors = [s for s in STORY_SECTORS[word] if s in context.sectors_seen]
    return sectors[0] if len(sectors) == 1 else None


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


def _org_actor(
    org: ActorEntry,
    modifier: ActorEntry | None,
    sector: str | None,
    name: str,
    when: dt.date | None = None,
) -> Actor:
    """An organization, possibly with a country in front or an agent after it; one of a
    state founded after ``when`` is its predecessor's ("Tass" in 1987: SUNMED)."""
    then = entry_country(org, when)
    if org.country is not None and then is not None and then != org.country:
        code = then + (org.code or "")[len(org.country) :]
        org = replace(org, code=code, country=then)
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
