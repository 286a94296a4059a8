"""Surnames spelled two ways in one article.

Names transliterated from Arabic, Persian or Russian are often spelled differently within one
story: "Houthi military spokesperson Yahya Sarea said ... 'we warn the Saudis', Saree said".
The second spelling matches no dictionary entry and no earlier form, so the speaker of the
quote is lost. :func:`spelling_variants` gives such a word the actor of the one person named
earlier whose surname it differs from by a single letter (added, dropped or changed), when:

- the word is a capitalised proper name (not a place or nationality to the entity
  recogniser), at least ``MIN_LETTERS`` long, standing alone (no other name next to it) and
  in no mention;
- it shares its first ``SAME_START`` letters with that surname and comes after the person's
  first mention;
- exactly one person of the document has such a surname (two make it ambiguous).

Arabic-style names come back by another part than the last word: "Crown Prince Mohammad bin
Salman ... Mohammad's admission" (the given name before "bin"/"ibn"), "Adel al-Jubeir ...
Jubeir said" (the element after "al-"). :func:`name_parts` gives such a lone word the actor
of the one person whose full name had it in that place, when no other person or name of the
document has that word.

Rules: docs/people.md ("Names and bare surnames").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from dyadwatch.coding.actors.aliases import PERSON_FLAG
from dyadwatch.coding.actors.mention import ActorMention
from dyadwatch.coding.actors.relations import TITLED_FLAG
from dyadwatch.coding.actors.rules import one_edit
from dyadwatch.nlp.arrays import tokens_with

MIN_LETTERS = 5
SAME_START = 3
PERSON_FLAGS = frozenset({PERSON_FLAG, TITLED_FLAG})
VARIANT_FLAG = "spelling-variant"
NAME_ENTITIES = frozenset({"PERSON", "ORG", ""})


def spelling_variants(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions for one-letter spelling variants of the surnames of people named before."""
    people: dict[str, ActorMention] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        surname = doc[mention.end - 1]
        if not (
            mention.actor.person is not None
            or PERSON_FLAGS & mention.flags
            or (mention.actor.sector is not None and surname.ent_type_ == "PERSON")
        ):
            continue  # not a person ("Jordanian Interior Minister Samir Haddad" is)
        if surname.is_alpha and len(surname) >= MIN_LETTERS:
            people.setdefault(surname.lower_, mention)
    if not people:
        return []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out: list[ActorMention] = []
    for token in tokens_with(doc, "pos", "PROPN"):  # _lone_name wants a PROPN
        if token.i in covered or not _lone_name(token, covered):
            continue
        word = token.lower_
        if word in people:
            continue  # the same spelling: the recognizer's own rules decide
        near = [
            m
            for surname, m in people.items()
            if m.end <= token.i and surname[:SAME_START] == word[:SAME_START]
            if one_edit(surname, word)
        ]
        codes = {m.actor.code for m in near}
        if len(codes) != 1:
            continue
        out.append(_same_person_at(near[0], token, "spelling variant", VARIANT_FLAG))
    return out


def _same_person_at(person: ActorMention, token: Token, why: str, flag: str) -> ActorMention:
    """``person``'s mention moved to the one word ``token`` that names them again."""
    return replace(
        person,
        start=token.i,
        end=token.i + 1,
        head=token.i,
        actor=replace(person.actor, name=token.text),
        rule=f"{person.rule} ({why})",
        flags=person.flags | {flag},
    )


# "Mohammad bin Salman": the word before these is the given name used alone later
PATRONYMICS = frozenset({"bin", "ibn", "bint"})
ARTICLES = frozenset({"al", "el"})
PART_FLAG = "name-part"


def name_parts(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions for a later lone given name ("X bin Y") or element after "al-" ("al-X")
    of a person named in full before."""
    parts: dict[str, ActorMention | None] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        for word in _parts(doc, mention):
            seen = parts.get(word, mention)
            same = seen is not None and _who(doc, seen) == _who(doc, mention)
            parts[word] = seen if same else None  # two people share it: neither is meant
    if not parts:
        return []
    for mention in mentions:  # "Mohammad Khatami" too: "Mohammad" alone is neither
        for token in doc[mention.start : mention.end]:
            owner = parts.get(token.lower_)
            if owner is not None and _who(doc, owner) != _who(doc, mention):
                parts[token.lower_] = None
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for i in range(len(doc)):  # a name of the document outside the mentions has it too
        if i not in covered and doc[i].lower_ in parts and _in_other_name(doc, i, covered):
            parts[doc[i].lower_] = None
    out: list[ActorMention] = []
    for token in tokens_with(doc, "pos", "PROPN"):
        person = parts.get(token.lower_)
        if person is None or token.i < person.end or token.i in covered:
            continue
        if not _lone_name(token, covered):
            continue
        out.append(_same_person_at(person, token, "name part", PART_FLAG))
    return out


def _parts(doc: Doc, mention: ActorMention) -> list[str]:
    """The given name before "bin"/"ibn" and the word after a final "al-" in the mention."""
    words: list[str] = []
    for i in range(mention.start + 1, mention.end - 1):
        given, particle, after = doc[i - 1], doc[i], doc[i + 1]
        if particle.lower_ in PATRONYMICS and _capitalised(given) and _capitalised(after):
            words.append(given.lower_)
    end = mention.end
    article = end - mention.start >= 4 and doc[end - 2].text == "-"
    named = article and _capitalised(doc[end - 4]) and _capitalised(doc[end - 1])
    if named and doc[end - 3].lower_ in ARTICLES:  # "Adel al-Jubeir"
        words.append(doc[end - 1].lower_)
    return [w for w in words if len(w) >= MIN_LETTERS]


def _who(doc: Doc, mention: ActorMention) -> str:
    """The person a mention names: the dictionary's id, else its code and last word."""
    return mention.actor.person or f"{mention.actor.code} {doc[mention.end - 1].lower_}"


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _in_other_name(doc: Doc, i: int, covered: set[int]) -> bool:
    """Token ``i`` is inside a longer name no mention covers ("Mohammad Reza")."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(doc) or j in covered:
            continue
        if doc[j].lower_ in PATRONYMICS | ARTICLES:
            return True  # "Haitham bin Nasser": another full name
        if _capitalised(doc[j]) and doc[j].pos_ == "PROPN" and not (j < i and doc[j].is_sent_start):
            return True
    return False


def _lone_name(token: Token, covered: set[int]) -> bool:
    if not (token.is_alpha and token.text[0].isupper() and token.pos_ == "PROPN"):
        return False
    # the small model tags many a lone surname an organisation ("Saree said")
    if token.ent_type_ not in NAME_ENTITIES or len(token) < MIN_LETTERS:
        return False
    doc = token.doc
    for i in (token.i - 1, token.i + 1):
        if not 0 <= i < len(doc) or i in covered or (i < token.i and doc[i].is_sent_start):
            continue
        if doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            return False  # "Ali Saree": someone else's full name
    return True
