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

Rules: docs/people.md ("Names and bare surnames").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from dyadwatch.coding.actors.aliases import PERSON_FLAG
from dyadwatch.coding.actors.mention import ActorMention
from dyadwatch.coding.actors.relations import TITLED_FLAG
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
            if _one_edit(surname, word)
        ]
        codes = {m.actor.code for m in near}
        if len(codes) != 1:
            continue
        person = near[0]
        out.append(
            replace(
                person,
                start=token.i,
                end=token.i + 1,
                head=token.i,
                actor=replace(person.actor, name=token.text),
                rule=f"{person.rule} (spelling variant)",
                flags=person.flags | {VARIANT_FLAG},
            )
        )
    return out


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


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
