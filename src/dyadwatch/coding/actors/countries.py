"""Countries for chains that name none themselves, and coordinated country adjectives.

A bare agent or an unknown titled person ("rebels", "Lt. Gen. X") gets its country from, in
order: a country in its own noun phrase ("rebels in the Ivory Coast", "the president of
Armenia"), then the only country its sentence names (before or after it), then the document
context (``ActorContext``). "French and Egyptian warships" shares the agent between the
coordinated adjectives. Rules and limits: docs/dictionaries.md.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dyadwatch.coding.actors.acted import acted_on
from dyadwatch.coding.actors.companies import company_sector, society_sector
from dyadwatch.coding.actors.context import MODIFIER_KINDS, chain_sector, entry_country
from dyadwatch.coding.actors.dateline import dateline_country
from dyadwatch.coding.actors.mention import ActorMention
from dyadwatch.coding.actors.pieces import FIRM_SECTORS, Piece, Placement, agent_word
from dyadwatch.dictionaries.actors import ActorEntry
from dyadwatch.dictionaries.gazetteer import Gazetteer
from dyadwatch.model import Actor

# prepositions that place an agent in a country: "rebels in X", "the president of X"
PLACING_PREPS = frozenset({"in", "of", "from", "throughout", "across"})
# participles whose "in" phrase places the agent before them ("a group based in X")
BASED = frozenset({"based", "headquartered", "located"})
# prepositions that make an agent a member of the body after them ("a spokesman for the
# Iraqi army", "an official from the US embassy")
MEMBER_PREPS = frozenset({"of", "from", "for"})
ATTACHING_PREPS = PLACING_PREPS | MEMBER_PREPS
# prepositions after a word of no sector that name whom it is against ("critics of Israel")
AIMED_PREPS = frozenset({"of", "for"})
_COUNTRY_PIECES = frozenset({"country", "adjective", "capital"})


def _agent_sector(chain: Sequence[Piece]) -> str | None:
    """Sector the agent words of a chain carry (None for a country named alone)."""
    return chain_sector([p for p in chain if p.kind == "agent" and p.role != "former"])


def chain_country(
    chain: Sequence[Piece], when: dt.date | None, kinds: dict[str, str]
) -> tuple[str, str] | None:
    """(country, rule) of a chain led by a country, adjective or capital (after any
    "former" words); regions do not count."""
    for piece in chain:
        if piece.kind == "agent" and piece.role == "former":
            continue
        if piece.kind not in _COUNTRY_PIECES or piece.entry is None:
            return None
        country = entry_country(piece.entry, when)
        if country is None or kinds.get(country) == "region":
            return None
        return country, piece.rule
    return None


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# a country acted on as a state ("Germany", "the Chinese navy") is another party; a people or
# an opposition acted on ("the Zambian people", "Ugandan candidates") is usually domestic, but
# its citizens or nationals named as such are foreigners ("police held two Polish citizens")
STATE_OR_WHOLE = frozenset({None, "GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
FOREIGNERS = frozenset({"citizen", "national"})
# a country name compounded onto a noun: "the Iran arms affair", "U.S. exports"
TOPIC_DEPS = frozenset({"compound"})
# sectors that act where they are: a city named in their clause places them
LOCAL_SECTORS = frozenset({"COP"})
CLAUSE_PLACE_PREPS = frozenset({"in", "at"})
# flags of a country taken from the sentence or the document rather than named
GUESSED = frozenset({"context", "sentence"})
# nouns for the members of an organisation: "leaders of EU member states" speak for the EU
MEMBER_NOUNS = frozenset({"state", "country", "nation", "member", "government"})
# organisations whose country depends on a modifier ("Peru's Congress"): their members take
# only their sector
PLACE_BOUND_ORGS = frozenset({"institution", "seat"})
# possessive pronouns that stand for the subject of their clause ("citizens criticized their
# government": the citizens' government, not the government last named in the story)
OWNER_PRONOUNS = frozenset({"their", "its", "his", "her"})


@dataclass(frozen=True, slots=True)
class Body:
    """A body whose members speak for it: an organisation, or a sector and maybe a country."""

    organization: ActorEntry | None
    sector: str | None
    country: str | None
    rule: str


class ActorPlacements:
    """Per-Doc lookup of the countries that can place a bare chain (see module docstring)."""

    def __init__(
        self,
        doc: Doc,
        chains: Sequence[tuple[list[Piece], int, int]],
        when: dt.date | None,
        kinds: dict[str, str],
    ) -> None:
        self.doc = doc
        self.parsed = doc.has_annotation("DEP")
        self._sentence = [0] * len(doc)
        if self.parsed or doc.has_annotation("SENT_START"):
            for number, sent in enumerate(doc.sents):
                for i in range(sent.start, sent.end):
                    self._sentence[i] = number
        self._country_at: dict[int, tuple[str, str]] = {}  # token -> a lone country's country
        # token -> the body its chain names: an international organisation, or a sector
        self._body_at: dict[int, Body] = {}
        # token -> the country of any chain naming one ("the Iranian foreign ministry")
        self._any_country_at: dict[int, tuple[str, str]] = {}
        self._explicit: list[tuple[int, int, str, str]] = []  # (sentence, chain, country, rule)
        self._starts: dict[int, int] = {}  # chain index -> its first token
        self._chain_start: dict[int, int] = {}  # the same for every chain naming a country
        self._chain_end: dict[int, int] = {}  # and its end
        self._words: dict[int, set[str]] = {}  # and its agent words
        self._topics: set[int] = set()  # chains naming what the sentence is about (_topic)
        # (sentence, country) -> sectors of the chains it modifies ("Chinese ambassador":
        # GOV); None for a country named alone ("In Chile, ...")
        self._modified: dict[tuple[int, str], set[str | None]] = {}
        self._placing: set[int] = set()  # country chains in another chain's "from/of"
        covered = {i for chain, start, end in chains for i in range(start, end)}
        self._covered = covered
        # token -> (country, sector, rule) of the one known person its chain names
        self._person_at: dict[int, tuple[str, str | None, str]] = {}
        for chain, start, end in chains:
            people = [p.people[0] for p in chain if p.kind == "person" and len(p.people) == 1]
            actor = people[0].actor_on(when) if len(people) == 1 else None
            if actor is not None and actor.country is not None:
                for i in range(start, end):
                    self._person_at[i] = (actor.country, actor.sector, people[0].name)
            body = _body(chain)
            if body is not None:
                for i in range(start, end):
                    self._body_at[i] = body
        for index, (chain, start, end) in enumerate(chains):
            found = chain_country(chain, when, kinds)
            if found is None:
                continue
            self._explicit.append((self._sentence[start], index, *found))
            self._chain_start[index] = start
            self._chain_end[index] = end
            if self.parsed and _places_another(doc[start:end].root, covered):  # origin
                self._placing.add(index)
            if self._topic(chain, start, end, covered):
                self._topics.add(index)
            words = {agent_word(p) for p in chain if p.kind == "agent"}
            self._words[index] = words
            if _agent_sector(chain) in STATE_OR_WHOLE or words & FOREIGNERS:
                self._starts[index] = start
            key = (self._sentence[start], found[0])
            self._modified.setdefault(key, set()).add(_agent_sector(chain))
            if len(chain) == 1 and chain[0].kind in ("country", "capital"):
                for i in range(chain[0].start, chain[0].end):
                    self._country_at[i] = found
            for i in range(start, end):
                self._any_country_at[i] = found

    def _topic(self, chain: Sequence[Piece], start: int, end: int, covered: set[int]) -> bool:
        """A lone country name compounded onto a thing, not an actor ("the Iran arms affair",
        "U.S. exports"): what the sentence is about does not place its bare agents."""
        if not self.parsed or len(chain) != 1:
            return False
        root = self.doc[start:end].root
        head = root.head
        if root.dep_ not in TOPIC_DEPS or head.i == root.i or head.i in covered:
            return False
        return head.pos_ == "NOUN"

    def for_chain(
        self, index: int, chain: Sequence[Piece], start: int, end: int
    ) -> Placement | None:
        """A country for a chain with no country, organization or person of its own."""
        if any(p.kind in MODIFIER_KINDS or p.kind in ("person", "surname") for p in chain):
            return None
        # a word of no sector ("critics") is placed by where its members are ("critics in
        # Britain"), never by what they criticise ("critics of Israel")
        aimed = self._aimed_at(start, end) if _agent_sector(chain) is None else set()
        attached = self._attached(start, end, aimed)
        # "the president of the Kenya Football Federation": the society's officer, not the state's
        society = society_sector(self.doc, start, end, self._covered) if self.parsed else None
        if attached is not None and attached.flag != "sector":
            return attached if society is None else replace(attached, sector=society[0])
        firm = company_sector(self.doc, start, end, self._covered) or society
        if firm is not None:  # "Acme Corp president X": the firm's officer, not the state's
            attached = Placement("", firm[1], "sector", sector=firm[0])
        owner = self._owner(start, end)
        if owner is not None:
            return owner if attached is None else replace(owner, sector=attached.sector)
        # a body of a sector without a country ("a spokesman for the airline") lends its
        # sector; the country comes from the sentence or the document
        placed = self._in_sentence(index, chain, start, end, aimed)
        if placed is None and _agent_sector(chain) in LOCAL_SECTORS:
            placed = self._clause_place(start, end)
        if attached is None:
            return placed
        if placed is None:
            return attached
        return replace(placed, sector=attached.sector)

    def _owner(self, start: int, end: int) -> Placement | None:
        """ "Kenyan farmers criticized their government": a chain owned by a possessive
        pronoun belongs to the country of its clause's subject when the subject, named before
        it, has one; the country another actor gave the same sector earlier does not count."""
        if not self.parsed:
            return None
        root = self.doc[start:end].root
        if not any(c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS for c in root.children):
            return None
        subject, clause = root, root
        while start <= subject.i < end:
            # the clause's subject; when the chain is that subject ("said their army had
            # failed"), the subject of the clause above
            if clause.head.i == clause.i:
                return None
            clause = clause.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
            found = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
            if found is None:
                return None
            subject = found
        if subject.i >= start or subject.i not in self._any_country_at:
            return None
        country, rule = self._any_country_at[subject.i]
        return Placement(country, f"country of the possessor: {rule}", "placed")

    def _clause_place(self, start: int, end: int) -> Placement | None:
        """For police, who act where they are: the country of a prominent city named by an
        "in"/"at" phrase of the verb the chain is the subject of ("police in the capital
        arrested ...", "police arrested three protesters in Lagos")."""
        if not self.parsed:
            return None
        head = self.doc[start:end].root
        holders = [head]
        if head.dep_ in {"nsubj", "nsubjpass"}:
            holders.append(head.head)
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in CLAUSE_PLACE_PREPS:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj" or pobj.pos_ != "PROPN":
                        continue
                    name = self.doc[pobj.left_edge.i : pobj.i + 1].text
                    country = dateline_country(name, Gazetteer.default())
                    if country is not None:
                        return Placement(country, f"country from the place: {name}", "sentence")
        return None

    def _aimed_at(self, start: int, end: int) -> set[int]:
        """Tokens of the chain's "of"/"for" phrases: whom "critics of X" are against."""
        if not self.parsed:
            return set()
        return {
            t.i
            for token in self.doc[start:end]
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in AIMED_PREPS
            for t in prep.subtree
        }

    def _in_sentence(
        self,
        index: int,
        chain: Sequence[Piece],
        start: int,
        end: int,
        aimed: set[int] | frozenset[int] = frozenset(),
    ) -> Placement | None:
        """The only country the chain's sentence names, unless the chain acts on it or the
        country is in a phrase naming whom the chain is against (``aimed``)."""
        sentence = self._sentence[start]
        named = end > chain[-1].end  # a title with a name: a person, not "officials"
        acted = {  # what the chain acts on: no bare agent's country, a named one's at most
            i
            for s, i, _c, _r in self._explicit
            if s == sentence
            and self.parsed
            and i in self._starts
            and acted_on(self.doc, start, end, self._starts[i])
        }
        # whose act is aimed at the chain: "U.S. bankers will meet ministry officials" does
        # not make the officials American (the other side of an exchange is another party),
        # unless it names the chain's own word ("the Thai government ... by the government").
        # Only for the state's bodies: banks or firms acted on are as often the actor's own
        own = {agent_word(p) for p in chain if p.kind == "agent"}
        state = _agent_sector(chain) in STATE_OR_WHOLE - {None}
        acting = {
            i
            for s, i, _c, _r in self._explicit
            if s == sentence
            and self.parsed
            and state
            and not named
            and i != index
            and not own & self._words.get(i, set())
            and acted_on(self.doc, self._chain_start[i], self._chain_end[i], start)
        }
        others = {
            (c, r)
            for s, i, c, r in self._explicit
            if s == sentence
            and i != index
            and self._chain_start.get(i, -1) not in aimed
            and not (not named and i in acted)
            and i not in acting
        }
        countries = {c for c, _r in others}
        opposed = {c for s, i, c, _r in self._explicit if s == sentence and i in acting}
        if not countries and len(opposed) == 1:
            return Placement("", "", "against", against=next(iter(opposed)))
        if len(countries) != 1:
            return None
        if all(i in self._topics for s, i, c, _r in self._explicit if s == sentence and i != index):
            return None  # only named as a topic: "acknowledged failings in the Iran affair"
        country, rule = min(others)
        # "a reporter from Mexico criticised Governor X": Mexico is the reporter's origin only
        same = [
            i for s, i, c, _r in self._explicit if s == sentence and i != index and c == country
        ]
        if named and all(i in self._placing for i in same):
            return None
        modified = self._modified.get((sentence, country), set())
        if None not in modified and _agent_sector(chain) in modified:
            # "The minister called the Chinese ambassador": the country belongs to another
            # actor of the same sector; the minister's comes from the document instead
            return None
        rule = f"country from the sentence: {rule}"
        return Placement(country, rule, "sentence", acted=any(i in acted for i in same))

    def _member_body(self, pobj: Token) -> Body | None:
        """The body a prepositional object names: its own chain's, or the organisation whose
        members it names ("leaders of [African Union] member states", "EU countries")."""
        body = self._body_at.get(pobj.i)
        if body is not None or pobj.lemma_.lower() not in MEMBER_NOUNS:
            return body
        for child in pobj.children:
            if child.dep_ in {"compound", "nmod"} and child.i < pobj.i:
                found = self._body_at.get(child.i)
                if found is not None and found.organization is not None:
                    return found
                if found is not None and found.sector in FIRM_SECTORS and found.country is None:
                    return found  # "a spokesman for consortium member X": the firm's sector
        return None

    def _attached(
        self, start: int, end: int, aimed: set[int] | frozenset[int] = frozenset()
    ) -> Placement | None:
        """ "Rebels in the Ivory Coast", "King Hassan of Morocco": a prepositional phrase on
        a word of the chain whose object is a lone country or capital (not one in ``aimed``)."""
        if not self.parsed:
            return None
        holders = list(self.doc[start:end])
        root = self.doc[start:end].root
        if root.dep_ == "compound" and root.head.pos_ == "PROPN":
            holders.append(root.head)  # "Spokesman Ali Rezaei of the foreign ministry"
        # "a group based in Trinidad": the participle's phrase places the chain as its own
        holders += [
            c for t in list(holders) for c in t.children if c.dep_ == "acl" and c.lower_ in BASED
        ]
        for token in holders:
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in ATTACHING_PREPS or prep.i < end:
                    continue
                if prep.i in aimed:
                    continue
                for pobj in _objects(prep):
                    # "President of Ukraine Volodymyr Zelenskyy": the parser makes the name
                    # the object and the country its compound
                    names = [pobj, *(c for c in pobj.lefts if c.dep_ == "compound")]
                    if pobj.head.i != prep.i:  # "critics from across Peru's political spectrum"
                        names += [c for c in pobj.lefts if c.dep_ == "poss"]
                    found = next(
                        (self._country_at[t.i] for t in names if t.i in self._country_at), None
                    )
                    if prep.lower_ not in PLACING_PREPS:
                        found = None  # "troops for Iraq" are not Iraq's
                    body = self._member_body(pobj) if prep.lower_ in MEMBER_PREPS else None
                    if body is not None and body.organization is not None:
                        # "a spokesman for NATO", "for Hamas": the organisation speaks
                        rule = f"member of '{prep.lower_}' {body.rule}"
                        country = body.organization.country or ""
                        return Placement(country, rule, "placed", body=body.organization)
                    if found is None and prep.lower_ in MEMBER_PREPS:
                        # "a spokesman of the Iranian foreign ministry": a member of a body
                        found = self._any_country_at.get(pobj.i)
                    if found is None and body is not None and body.country is not None:
                        found = (body.country, body.rule)  # "a spokesman for the Pentagon"
                    sector = body.sector if body is not None else None
                    person = self._person_at.get(pobj.i) if prep.lower_ == "for" else None
                    if found is None and person is not None:
                        # "a spokesperson for President X": X's office, in X's country
                        found, sector = (person[0], person[2]), person[1]
                    if found is not None:
                        return Placement(
                            found[0],
                            f"country from '{prep.lower_}' {found[1]}",
                            "placed",
                            sector=sector,
                        )
                    if sector is not None:
                        # "a spokesman for the airline": its sector, its country from elsewhere
                        rule = f"sector from '{prep.lower_}' {body.rule}" if body else ""
                        return Placement("", rule, "sector", sector=sector)
        return None


def _objects(prep: Token) -> list[Token]:
    """A preposition's objects, also through a second one: "from across Peru"."""
    found = [c for c in prep.children if c.dep_ == "pobj"]
    if found:
        return found
    inner = [c for c in prep.children if c.dep_ in ("prep", "pcomp")]
    return [o for c in inner for o in c.children if o.dep_ == "pobj"]


ORIGIN_PREPS = frozenset({"from", "of"})  # not "in": "troops in Bolivia" may host a visitor


def _places_another(root: Token, covered: set[int]) -> bool:
    """Whether a country chain headed by ``root`` is the object of an origin phrase on another
    actor's chain ("an activist from Kenya", "the ambassador of Peru")."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ORIGIN_PREPS:
        return False
    return prep.head.i in covered


def place_from_document(
    doc: Doc, resolved: Sequence[tuple[ActorMention, list[Piece]]], kinds: dict[str, str]
) -> list[tuple[ActorMention, list[Piece]]]:
    """A bare agent met before any country ("President Jose Dos Santos conceded to UNITA")
    takes the country the rest of the document names most often (none on a tie), counting
    organizations and people too. A country that modifies another actor of the same sector
    in the agent's sentence ("the minister called the Chinese ambassador") does not count."""
    sentence = {i: n for n, sent in enumerate(doc.sents) for i in range(sent.start, sent.end)}
    out = list(resolved)
    for k, (mention, chain) in enumerate(resolved):
        actor = mention.actor
        if actor.country is not None or actor.sector is None or mention.flags:
            continue
        if any(p.kind not in ("agent", "group") or p.role == "former" for p in chain):
            continue
        sector = _agent_sector(chain)
        countries: Counter[str] = Counter()
        for j, (other, other_chain) in enumerate(resolved):
            country = other.actor.country
            if j == k or country is None or kinds.get(country) == "region":
                continue
            if other.flags & GUESSED:
                continue  # a country guessed for another agent is no evidence for this one
            same_sentence = sentence.get(other.start) == sentence.get(mention.start)
            if same_sentence and len(other_chain) > 1 and _agent_sector(other_chain) == sector:
                continue
            if (
                same_sentence
                and other.actor.sector in STATE_OR_WHOLE
                and acted_on(doc, mention.start, mention.end, other.start)
            ):
                continue
            countries[country] += 1
        ranked = countries.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            continue  # no country, or two named as often
        country = ranked[0][0]
        placed = Actor(country + actor.code, actor.name, country, actor.sector)
        rule = f"{mention.rule} + (country from context: {country})"
        out[k] = (replace(mention, actor=placed, rule=rule, flags=frozenset({"context"})), chain)
    return out


def _body(chain: Sequence[Piece]) -> Body | None:
    """What a chain names that its members speak for: an organisation, or the sector (and
    country, if the chain's organisation has one) of a body of a sector."""
    for piece in chain:
        entry = piece.entry
        if piece.kind == "organization" and entry is not None:
            if entry.role not in PLACE_BOUND_ORGS:
                return Body(entry, None, None, piece.rule)
            if entry.sector is None:
                return None
            return Body(None, entry.sector, entry.country, piece.rule)
    sector = _agent_sector(chain)
    if sector is None or sector == "GOV":
        return None
    rule = next(p.rule for p in chain if p.kind == "agent")
    return Body(None, sector, None, rule)
