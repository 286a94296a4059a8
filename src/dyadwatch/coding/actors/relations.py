"""Relations between the actor mentions of a Doc, found after matching.

- Later references to a titled person the dictionaries do not know. News names an official
  once in full and then by surname: "Information Minister Ali Hassan said ... Hassan added".
  The recognizer codes the first mention from its title and country (``JORGOV``); the later
  bare surname becomes the same actor, so the second act is not lost or given to the
  document's main country. Only when unambiguous: one titled person with that surname so
  far, the surname after the full name, standing alone (no other first name next to it) and
  not part of another mention.
- People and organisations the dictionaries lack ("Pelosi", "the Minetest Foundation"), found
  by the entity recogniser, take the country their own phrase names, else a dominant
  document country; in an international story without a cue they are left out. The coder
  uses them only as the target of an act that names no known actor
  (``MentionIndex.with_entities``): as sources they would turn every quoted person into a
  political actor.
- An official of a company or union named by a possessive ("the company's chief executive",
  "the union's president") speaks for it: business (BUS) or labour (LAB), in its country, not
  the government the title alone would suggest.
- Actors joined by hyphens ("Japan-US Summit", "US-Japan-Taiwan"): marked and grouped, so the
  event coder can read such a compound as several actors acting together.

Rules: docs/dictionaries.md.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from dyadwatch.coding.actors.mention import ActorMention
from dyadwatch.coding.actors.pieces import ActorContext
from dyadwatch.coding.actors.rules import HYPHENS, NAME_PARTICLES, NAME_STOP, is_name_token
from dyadwatch.model import Actor
from dyadwatch.nlp.arrays import tokens_lowered

TITLED_FLAG = "titled-surname"
# capitalised words next to a surname that are dates, not another person's first name
# ("on Tuesday Ruiz met ...")
_CALENDAR_WORDS = NAME_STOP - {"may"}  # "Theresa May" stays a name
# a surname shared by two titled people of the document: neither is meant
_AMBIGUOUS = (-1, Actor(code="", name=""), "")


def note_titled(context: ActorContext, doc: Doc, end: int, actor: Actor, rule: str) -> None:
    """Remember a titled person's surname (the last word of ``doc[:end]``)."""
    if actor.country is None or actor.person is not None:
        return
    surname = doc[end - 1].lower_
    known = context.titled.get(surname)
    if known is not None and known[1].code != actor.code:
        context.titled[surname] = _AMBIGUOUS
        return
    if known is not None:
        return  # named in full again: the bare surname counts from the first full name on
    context.titled[surname] = (end, actor, rule)
    if end >= 2 and is_name_token(doc[end - 2], tagged=False):
        context.titled_given[surname] = doc[end - 2].lower_


def later_surnames(
    doc: Doc, mentions: Sequence[ActorMention], context: ActorContext, tagged: bool
) -> list[ActorMention]:
    """Mentions of bare surnames of titled people named earlier in ``doc``."""
    if not context.titled:
        return []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out: list[ActorMention] = []
    for token in tokens_lowered(doc, context.titled):
        found = context.titled.get(token.lower_)
        if found is None or found is _AMBIGUOUS or token.i < found[0] or token.i in covered:
            continue
        if not is_name_token(token, tagged):
            continue
        start = _particles_before(token)
        if _same_full_name(token, start, context, covered):
            start -= 1  # "Ali Hassan" named in full again: the same titled person
        elif _next_to_other_name(token, covered, tagged):
            continue
        _end, actor, rule = found
        out.append(
            ActorMention(
                start, token.i + 1, token.i, actor, f"{rule} (surname)", frozenset({TITLED_FLAG})
            )
        )
    return out


def _same_full_name(token: Token, start: int, context: ActorContext, covered: set[int]) -> bool:
    """The surname follows the given name it had in the titled full name, and no other name
    follows it."""
    given = context.titled_given.get(token.lower_)
    doc = token.doc
    if given is None or start == 0 or doc[start - 1].lower_ != given or start - 1 in covered:
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is None or after.i in covered or not is_name_token(after, tagged=False)


def _next_to_other_name(token: Token, covered: set[int], tagged: bool) -> bool:
    """A first name before it or a name after it: another person with that surname."""
    doc = token.doc
    before = doc[_particles_before(token) - 1] if _particles_before(token) > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    for other in (before, after):
        if other is None or other.i in covered or (other.is_sent_start and other is before):
            continue
        if other.lower_ in _CALENDAR_WORDS:
            continue
        if is_name_token(other, tagged):
            return True
    return False


def _particles_before(token: Token) -> int:
    """Start of "al-Hassan", "von der Berg": the particles (and hyphens) before a surname."""
    start = token.i
    while start > 0 and token.doc[start - 1].lower_ in NAME_PARTICLES:
        start -= 1
    return start


def mark_hyphen_pairs(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions with ``hyphen_pair`` flagged on each one joined to a neighbour by a hyphen."""
    paired: set[int] = set()
    for i, (a, b) in enumerate(itertools.pairwise(mentions)):
        if b.start == a.end + 1 and doc[a.end].text in HYPHENS:
            paired.update((i, i + 1))
    return [
        replace(m, flags=m.flags | {"hyphen_pair"}) if i in paired else m
        for i, m in enumerate(mentions)
    ]


def hyphen_groups(doc: Doc, mentions: Sequence[ActorMention]) -> list[list[ActorMention]]:
    """Mentions joined by hyphens, two or more each."""
    groups: list[list[ActorMention]] = []
    current: list[ActorMention] = []
    for mention in mentions:
        if (
            current
            and mention.start == current[-1].end + 1
            and doc[current[-1].end].text in HYPHENS
        ):
            current.append(mention)
            continue
        if len(current) > 1:
            groups.append(current)
        current = [mention]
    if len(current) > 1:
        groups.append(current)
    return groups


# entity labels that name a person or an organisation (the small model often calls a lone
# surname an EVENT)
ENTITY_LABELS = frozenset({"PERSON", "ORG", "EVENT"})
ENTITY_FLAGS = frozenset({"entity", "context"})
# what in an entity's phrase names its country: "the Iranian airline Mahan Air", "Mahan Air of
# Iran", "a firm from Iran"
_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})
_ORIGIN_PREPS = frozenset({"of", "from"})
# the share of the country mentions before an entity its document's country needs to stand
# for an entity whose phrase names none (an international story has no such country)
DOMINANT_SHARE = 0.5


def entity_actors(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions for the PERSON and ORG entities no dictionary mention overlaps, coded as the
    country their own phrase names ("the Iranian airline Mahan Air", "Mahan Air of Iran",
    "Khalilzad, a US envoy"); without such a cue, as the document's country when one country
    dominates it before them; otherwise left out (an unknown country is no target)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    out: list[ActorMention] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or ent.root.pos_ != "PROPN":
            continue
        if any(i in covered for i in range(ent.start, ent.end)):
            continue
        cue = _phrase_country(ent.root, ent.start, ent.end, by_token)
        if cue is not None:
            country, source = cue
            rule = f"entity {ent.label_} + (country from its phrase: {source})"
        else:
            before = [m.actor.country for m in mentions if m.actor.country and m.end <= ent.start]
            dominant = _dominant(before)
            if dominant is None:
                continue
            country = dominant
            rule = f"entity {ent.label_} + (country from context: {country})"
        actor = Actor(code=country, name=ent.text, country=country)
        out.append(ActorMention(ent.start, ent.end, ent.root.i, actor, rule, ENTITY_FLAGS))
    return out + _entity_surnames(doc, out, covered)


def _entity_surnames(
    doc: Doc, found: Sequence[ActorMention], covered: set[int]
) -> list[ActorMention]:
    """A person the entity recogniser named in full ("Nancy Pelosi") is the same actor when
    the surname comes back alone later ("Trump congratulated Pelosi"), which the recogniser
    often misses; not when two such people share the surname."""
    surnames: dict[str, ActorMention | None] = {}
    for mention in found:
        last = doc[mention.end - 1]
        if mention.end - mention.start < 2 or last.ent_type_ != "PERSON":
            continue
        seen = surnames.get(last.lower_, mention)
        same = seen is not None and seen.actor.code == mention.actor.code
        surnames[last.lower_] = seen if same else None
    if not surnames:
        return []  # no full name to come back to: no walk of the Doc
    taken = covered | {i for m in found for i in range(m.start, m.end)}
    out: list[ActorMention] = []
    for token in tokens_lowered(doc, surnames):
        first = surnames.get(token.lower_)
        if first is None or token.i in taken or token.i < first.end or token.pos_ != "PROPN":
            continue
        rule = f"{first.rule} (surname)"
        out.append(ActorMention(token.i, token.i + 1, token.i, first.actor, rule, ENTITY_FLAGS))
    return out


def _phrase_country(
    root: Token, start: int, end: int, by_token: dict[int, ActorMention]
) -> tuple[str, str] | None:
    """The country named in the entity's own noun phrase: a modifier before it, an "of"/"from"
    phrase after it, an apposition, or the noun it is in apposition to."""
    places: list[Token] = []
    for child in root.children:
        if child.i < start and child.dep_ in _MODIFIERS:
            places += list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in _ORIGIN_PREPS:
            places += [p for p in child.children if p.dep_ == "pobj"]
        elif child.dep_ == "appos":
            places += list(child.subtree)
    if root.dep_ == "appos" and root.head.i < start:
        places += [t for t in root.head.subtree if t.i < start]
    for token in places:
        mention = by_token.get(token.i)
        if mention is not None and mention.actor.country is not None:
            return mention.actor.country, mention.rule
    return None


def _dominant(countries: Sequence[str | None]) -> str | None:
    """The document's country so far when it dominates: most mentions, and at least
    ``DOMINANT_SHARE`` of them."""
    counts = Counter(c for c in countries if c)
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    return country if count >= DOMINANT_SHARE * sum(counts.values()) else None


# sectors whose officials carry the body's sector rather than their title's
BODY_SECTORS = frozenset({"BUS", "LAB"})
TITLE_SECTORS = frozenset({"GOV"})
GUESSED_FLAGS = frozenset({"context", "sentence"})


def owned_officials(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Officials whose possessor is a company or union take its sector and country."""
    by_head = {m.head: m for m in mentions}
    out: list[ActorMention] = []
    for mention in mentions:
        owner = _possessor(doc, mention, by_head)
        guessed = mention.actor.country is None or bool(mention.flags & GUESSED_FLAGS)
        if owner is None or mention.actor.sector not in TITLE_SECTORS or not guessed:
            out.append(mention)
            continue
        country, sector = owner.actor.country, owner.actor.sector
        actor = Actor((country or "") + (sector or ""), mention.actor.name, country, sector)
        out.append(replace(mention, actor=actor, rule=f"{mention.rule} (official of {owner.rule})"))
    return out


def _possessor(
    doc: Doc, mention: ActorMention, by_head: dict[int, ActorMention]
) -> ActorMention | None:
    for child in doc[mention.head].children:
        if child.dep_ == "poss" and child.i in by_head:
            owner = by_head[child.i]
            if owner.actor.sector in BODY_SECTORS:
                return owner
    return None
