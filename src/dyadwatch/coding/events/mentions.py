"""Actor mentions as the event coder sees them, and the noun-phrase search that finds them.

The coder needs only a small part of the actor recognizer (``dyadwatch.coding.actors.recognizer``):
the protocols below name that part, so tests can pass a small double and the recognizer can change
inside without touching event extraction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token

from dyadwatch.model import Actor


class MentionLike(Protocol):
    """An actor mention: token span ``[start, end)`` in the Doc and the actor it codes."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def actor(self) -> Actor: ...

    @property
    def rule(self) -> str: ...


M = TypeVar("M", bound=MentionLike)


class RecognizerLike(Protocol[M]):
    """What the coder calls on the actor recognizer (``dyadwatch.coding.actors.recognizer``)."""

    def find(self, doc: Doc, when: dt.date | None = None) -> Sequence[M]: ...

    def at_date(self, mention: M, when: dt.date | None) -> Actor: ...

    def could_mention_actor(self, text: str) -> bool: ...


# Heads that only count what follows: "dozens of protesters", "part of the army",
# "10 days of war games", "25,000 tons of food aid".
PARTITIVES = frozenset(
    """part parts most some many all rest dozen dozens score scores hundred hundreds
    thousand thousands million millions billion billions tens group groups number majority
    member members contingent patch batch team unit units detachment delegation band one two
    three four five six seven eight nine ten third half section wing faction elements element
    remnant remnants series wave spate round rounds string ton tons tonne tonnes worth amount
    amounts quantity quantities kilogram kilograms barrel barrels day days week weeks month
    months hour hours load loads dose doses shipment shipments consignment consignments
    crate crates box boxes""".split()  # noqa: SIM905
)
# money amounts hop over "in": "$1 billion in aid"
_AMOUNTS = frozenset({"$", "dollar", "dollars", "euro", "euros", "million", "billion", "worth"})
# Modifiers inside a noun phrase that can carry its actor: "Chinese navy", "Japan's security".
NP_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod"})


def overlaps(a: MentionLike, b: MentionLike) -> bool:
    """Whether two mentions share a token."""
    return a.start < b.end and b.start < a.end


def same_party(mention: MentionLike, other: MentionLike) -> bool:
    """Whether ``mention`` is ``other`` itself: the same words or the same actor (a speaker
    does not blame, and a reaction is not aimed at, its own source)."""
    return overlaps(mention, other) or mention.actor.code == other.actor.code


def is_plural(token: Token) -> bool:
    """A plural common noun ("protesters", "troops"); proper names ("the Philippines", "the
    United Nations") name one body."""
    return token.tag_ == "NNS" or (token.pos_ == "NOUN" and "Plur" in token.morph.get("Number", []))


def hop_partitive(token: Token) -> Token:
    """``dozens of supporters of X`` -> ``supporters``; other tokens are returned unchanged."""
    seen = 0
    while token.lower_ in PARTITIVES or token.pos_ in {"NUM", "SYM"} or token.lower_ in _AMOUNTS:
        preps = (
            ("of", "in") if token.pos_ in {"NUM", "SYM"} or token.lower_ in _AMOUNTS else ("of",)
        )
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in preps), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if pobj is None or seen > 3:
            break
        token, seen = pobj, seen + 1
    return token


# prepositions that give a bare agent its country: "rebels in the Ivory Coast"
COMPOSE_PREPS = frozenset({"in", "of", "from", "throughout", "across"})
# sectors of the state (a government, its army, police, intelligence, courts, legislature):
# they make a source a state actor, for entries with a state_code
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# heads that are not the group of their "of" phrase: "supporters of X" are not X
NOT_THEIR_OF = frozenset(
    """supporter supporters opponent opponents critic critics follower followers victim
    victims family families relative relatives enemy enemies foe foes rival rivals
    ally allies""".split()  # noqa: SIM905
)


OPPOSING = frozenset({"opponent", "critic", "enemy", "foe", "rival"})
# kin of a person: "X, the wife of journalist Y, said" is not Y, nor Y's group
KIN = frozenset(
    """son sons daughter daughters wife husband widow widower mother father brother brothers
    sister sisters child children fiancee fiancée fiance fiancé cousin nephew niece
    girlfriend boyfriend""".split()  # noqa: SIM905
)


def _speaking_kin(token: Token) -> bool:
    """A relative who acts ("X, the wife of journalist Y, said"): not Y's group. One acted on
    ("the son of the group's founder was killed") is left to its "of" phrase: acts against
    a leader's family are aimed at the group."""
    if token.lemma_.lower() not in KIN and token.lower_ not in KIN:
        return False
    subject = token.head if token.dep_ == "appos" else token
    return subject.dep_ == "nsubj"


def _is_opposing(token: Token) -> bool:
    return token.lemma_.lower() in OPPOSING


def opposition_to(mention: MentionLike, head: Token) -> MentionLike:
    """The opposition in the country of the actor a critic is named after: "Kremlin critic
    X" -> RUSOPP (an actor with no country stays as it is)."""
    country = mention.actor.country
    if country is None or mention.actor.sector == "OPP":
        return mention
    actor = Actor(code=country + "OPP", name=mention.actor.name, country=country, sector="OPP")
    rule = f"opposing: {mention.rule}"
    return ComposedMention(mention.start, mention.end, head.i, actor, rule)


@dataclass(frozen=True, slots=True)
class ComposedMention:
    """A bare agent placed in a country by a prepositional phrase: "rebels in the Ivory Coast"
    -> CIVREB. Built by the coder from two recognised mentions and the parse."""

    start: int
    end: int
    head: int
    actor: Actor
    rule: str
    flags: frozenset[str] = frozenset({"composed"})


def compose(agent: MentionLike, country: MentionLike, prep: str, head: int) -> ComposedMention:
    """The agent's sector in the country's country."""
    code = agent.actor.code
    own = agent.actor.country
    suffix = code[len(own) :] if own and code.startswith(own) else code
    assert country.actor.country is not None
    actor = Actor(
        code=country.actor.country + suffix,
        name=agent.actor.name,
        country=country.actor.country,
        sector=agent.actor.sector,
        person=agent.actor.person,
    )
    return ComposedMention(
        agent.start, agent.end, head, actor, f"{agent.rule} + {prep} {country.rule}"
    )


class MentionIndex:
    """Mentions of one Doc, looked up by token."""

    def __init__(
        self,
        mentions: Iterable[MentionLike],
        entities: Iterable[MentionLike] = (),
        story: frozenset[str] = frozenset(),
    ) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        # the countries of the story's dateline, else of the places its first sentence names
        # (actors/dateline.py): where unnamed police and courts act
        self.story = story
        self._by_token: dict[int, MentionLike] = {}
        for mention in self.mentions:
            for i in range(mention.start, mention.end):
                self._by_token.setdefault(i, mention)
        # people and organisations only the entity recogniser found (``entity_actors``): looked
        # up only as targets, through ``with_entities``
        extra = [e for e in entities if not any(i in self._by_token for i in _span(e))]
        self.has_entities = bool(extra)
        self.with_entities = MentionIndex([*self.mentions, *extra], story=story) if extra else self

    def at(self, token: Token) -> MentionLike | None:
        return self._by_token.get(token.i)

    def in_span(self, start: int, end: int) -> list[MentionLike]:
        return [m for m in self.mentions if m.start < end and m.end > start]

    def head_mentions(self, token: Token) -> list[MentionLike]:
        """Mentions of the noun phrase headed by ``token``, its conjuncts included.

        Looks at the head itself, then at its modifiers (compound, adjective, possessive),
        then at an ``of`` phrase ("the government of Japan"), then at an apposition; relative
        clauses and other prepositional phrases are not part of the phrase's actor.
        """
        found: list[MentionLike] = []
        for conj in (token, *_conjuncts(token)):
            for mention in self._core(conj, 0):
                if mention not in found:
                    found.append(mention)
        return self._joined_before(token, found)

    def _joined_before(self, token: Token, found: list[MentionLike]) -> list[MentionLike]:
        """Actors joined to the phrase's own by "and" or a comma inside its noun phrase, which
        the parser hung as compounds or appositions instead of conjuncts: in "US President X
        and Turkish President Y spoke" the subject is Y and X hangs from Y's title."""
        if not found:
            return found
        doc = token.doc
        earlier: list[MentionLike] = []
        first = min(found, key=_start)
        while first.start >= 2 and doc[first.start - 1].lower_ in _JOINERS:
            joined = self._by_token.get(first.start - 2)
            if joined is None or joined in found or joined.start < token.left_edge.i:
                break
            earlier.insert(0, joined)
            first = joined
        return [*earlier, *found]

    def placed(self, doc: Doc, mention: MentionLike) -> MentionLike:
        """The mention with the country of its own "in/of COUNTRY" phrase, as it will be
        referred back to: "King X of Morocco ... he" is Moroccan."""
        head = getattr(mention, "head", None)
        if not isinstance(head, int) or not mention.start <= head < mention.end:
            head = mention.end - 1
        return self._placed(mention, doc[head])

    def _placed(self, mention: MentionLike, token: Token) -> MentionLike:
        """A bare agent ("rebels", "the president") with an explicit "in/of COUNTRY" phrase
        takes that country; a country guessed from context gives way to the explicit one."""
        if not _needs_country(mention):
            return mention
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in COMPOSE_PREPS:
                continue
            for pobj in prep.children:
                place = self.at(pobj) if pobj.dep_ == "pobj" else None
                if place is None or place is mention:
                    continue
                # "the president of Kenya William Ruto": a title of a named person
                person = place.actor.person is not None and place.actor.country is not None
                if _is_country(place) or (person and prep.lower_ == "of"):
                    return compose(mention, place, prep.lower_, token.i)
        return mention

    def _placed_conjuncts(self, placed: MentionLike, token: Token) -> list[MentionLike]:
        """ "the navies of China, India and Russia": an agent placed by a list of countries is
        that agent in each of them (the recognizer placed it in the first)."""
        flags: frozenset[str] = getattr(placed, "flags", frozenset())
        if placed.actor.sector is None or not flags & {"placed", "composed"}:
            return []
        out: list[MentionLike] = []
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in COMPOSE_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for conj in pobj.conjuncts:
                    place = self.at(conj)
                    if place is None or not _is_country(place) or same_country(place, placed):
                        continue
                    if any(same_country(place, m) for m in out):
                        continue
                    out.append(compose(placed, place, prep.lower_, token.i))
        return out

    def _followers(self, token: Token) -> list[MentionLike]:
        """ "Opponents of the government", "supporters of X": people of X's country (as the
        opposition for opponents), not X itself."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    mention = self.at(pobj) if pobj.dep_ == "pobj" else None
                    if mention is None or mention.actor.country is None:
                        continue
                    country = mention.actor.country
                    opposed = token.lemma_.lower() in OPPOSING
                    actor = Actor(
                        code=country + ("OPP" if opposed else ""),
                        name=token.doc[token.left_edge.i : token.i + 1].text,
                        country=country,
                        sector="OPP" if opposed else None,
                    )
                    rule = f"{token.lemma_} of: {mention.rule}"
                    return [ComposedMention(token.left_edge.i, token.i + 1, token.i, actor, rule)]
        return []

    def _coordinated_modifiers(self, own: MentionLike, token: Token) -> list[MentionLike]:
        """ "French and Egyptian warships": the recognizer codes "Egyptian warships" (EGYMIL)
        and "French" (FRA); the coordinated adjective is French warships (FRAMIL)."""
        if own.actor.sector is None:
            return []
        out: list[MentionLike] = []
        for modifier in token.doc[own.start : own.end]:
            for conj in modifier.conjuncts:
                other = self.at(conj)
                if other is None or other is own or other in out:
                    continue
                if _is_country(other):
                    composed = compose(own, other, "and", token.i)
                    out.append(replace(composed, start=min(own.start, other.start)))
                elif "coordinated" in getattr(other, "flags", frozenset()):
                    out.append(other)  # the recognizer already shared the agent with it
        return out

    def _core(self, token: Token, depth: int) -> list[MentionLike]:
        hopped = hop_partitive(token)
        if hopped is not token:  # "one of these groups, the X": the apposition names the one
            for child in token.children:
                if child.dep_ == "appos" and (inner := self._core(child, depth + 1)):
                    return inner
        token = hopped
        own = self.at(token)
        members: tuple[MentionLike, ...] = getattr(own, "members", ())
        if members:  # a reference to several actors at once: "they", "the two countries"
            return list(members)
        if own is not None and _needs_country(own) and depth < 2:
            # "world leaders including X and Y": a body of no country (or only the story's) is
            # its listed members
            listed = self._members(token, depth)
            if listed:
                return listed
        if own is not None:
            placed = self._placed(own, token)
            coordinated = sorted(self._coordinated_modifiers(own, token), key=_start)
            before = [m for m in coordinated if m.start < placed.start]  # "Israeli and ..."
            after = [m for m in coordinated if m.start >= placed.start]
            return [*before, placed, *self._placed_conjuncts(placed, token), *after]
        modifiers: list[MentionLike] = []
        for child in token.lefts:
            if child.dep_ not in NP_MODIFIERS:
                continue
            # "Kremlin critic X", "government opponents": the opposition to the actor named
            opposed = _is_opposing(token) or any(_is_opposing(t) for t in child.subtree)
            for sub in child.subtree:
                mention = self.at(sub)
                if mention is not None and opposed:
                    mention = opposition_to(mention, token)
                if mention is not None and mention not in modifiers:
                    modifiers.append(mention)
        if modifiers:
            return modifiers
        if depth >= 2:
            return []
        not_their_of = token.lemma_.lower() in NOT_THEIR_OF or token.lower_ in NOT_THEIR_OF
        followers = self._followers(token) if not_their_of else []
        if followers:
            return followers
        kin = _speaking_kin(token)
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and not not_their_of and not kin:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        inner = self._core(pobj, depth + 1)
                        if inner:
                            return self._shared_title(token, inner)
        for child in token.children:
            if child.dep_ == "appos":
                inner = self._core(child, depth + 1)
                if inner:
                    return inner
        return self._members(token, depth) or self._name_run(token)

    def _shared_title(self, token: Token, inner: list[MentionLike]) -> list[MentionLike]:
        """ "Presidents X of Nigeria and Y of Benin": a name listed after a plural title has
        that title in its own "of" country (BENGOV, not the bare country BEN)."""
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        titled = self.at(first) if first.i != token.i and token.pos_ == "PROPN" else None
        if titled is None or titled.actor.sector is None or len(inner) != 1:
            return inner
        plural = any(t.tag_ in PLURAL_TAGS for t in token.doc[titled.start : titled.end])
        if not plural or not _is_country(inner[0]):
            return inner
        country = inner[0].actor.country
        assert country is not None
        sector = titled.actor.sector
        name = token.doc[token.left_edge.i : token.i + 1].text
        actor = Actor(code=country + sector, name=name, country=country, sector=sector)
        rule = f"{titled.rule} (listed title) + of {inner[0].rule}"
        return [ComposedMention(token.left_edge.i, token.i + 1, token.i, actor, rule)]

    def _members(self, token: Token, depth: int) -> list[MentionLike]:
        """The actors an "including" (like, such as) phrase lists as members of ``token``:
        "critics, including the European Commission", "leaders including X and Y"."""
        for child in token.rights:
            if child.dep_ == "prep" and _names_members(child):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        inner: list[MentionLike] = []
                        for member in (pobj, *pobj.conjuncts):
                            inner += [m for m in self._core(member, depth + 1) if m not in inner]
                        if inner:
                            return inner
        return []

    def _name_run(self, token: Token) -> list[MentionLike]:
        """A proper name the parser split up ("Taiwan Representative Bi khim Hsiao"): a
        mention inside the run of capitalised words that ends at the head."""
        if token.pos_ != "PROPN":
            return []
        i = token.i - 1
        while i >= 0 and token.doc[i].text[:1].isupper() and token.i - i <= 6:
            mention = self._by_token.get(i)
            if mention is not None:
                return [mention]
            i -= 1
        return []


PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# what joins coordinated actors inside one noun phrase
_JOINERS = frozenset({"and", ","})


def _start(mention: MentionLike) -> int:
    return mention.start


def _span(mention: MentionLike) -> range:
    return range(mention.start, mention.end)


def _names_members(prep: Token) -> bool:
    """ "including X", "such as X", "like X": a preposition that lists members of its head
    ("allies such as Germany", "countries like Chile")."""
    if prep.lower_ in {"including", "like"}:
        return True
    return prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)


def _needs_country(mention: MentionLike) -> bool:
    actor = mention.actor
    if actor.sector is None:
        return False
    return actor.country is None or "context" in getattr(mention, "flags", frozenset())


def same_country(a: MentionLike, b: MentionLike) -> bool:
    return a.actor.country is not None and a.actor.country == b.actor.country


def international(mention: MentionLike) -> bool:
    """An international organisation ("ECOWAS", "the UN"): an IGO with no country of its own."""
    return mention.actor.country is None and mention.actor.code.startswith("IGO")


def _is_country(mention: MentionLike) -> bool:
    return mention.actor.country is not None and mention.actor.sector is None


def _conjuncts(token: Token) -> list[Token]:
    """Conjoined nouns ("Japan and the US"), skipping conjoined clauses."""
    return [c for c in token.conjuncts if c.pos_ in {"NOUN", "PROPN", "PRON", "ADJ", "NUM"}]


def same_side(a: MentionLike, b: MentionLike) -> bool:
    """Two actors of one country that are one side: the country itself, one sector, or two
    arms of the state ("Japan" and "Tokyo"; the government and the army), not the government
    and the country's rebels."""
    if not same_country(a, b):
        return False
    x, y = a.actor.sector, b.actor.sector
    return x is None or y is None or x == y or (x in STATE_SECTORS and y in STATE_SECTORS)
