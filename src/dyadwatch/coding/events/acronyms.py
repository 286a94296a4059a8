"""Acronyms a text defines for an actor ("the Syrian Democratic Forces (SDF)"), and the
mention type of references (``references.py``) that they share."""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import IS_ALPHA, IS_UPPER, LENGTH
from spacy.tokens import Doc, Token

from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.model import Actor

REFERENCE_FLAG = "reference"
# words inside an organisation's name: "Ministry of Trade and Industry"
NAME_JOINERS = frozenset({"of", "and", "for", "&"})


@dataclass(frozen=True, slots=True)
class ReferenceMention:
    """A reference over its own tokens, coded as its antecedent's actor. A plural reference
    to several actors carries one member mention each (``members``)."""

    start: int
    end: int
    head: int
    actor: Actor
    rule: str
    antecedent: MentionLike | None
    flags: frozenset[str] = frozenset({REFERENCE_FLAG})
    members: tuple[MentionLike, ...] = ()


def defined_acronyms(doc: Doc, known: MentionIndex) -> list[MentionLike]:
    """An acronym the text defines in parentheses after an actor's name ("the Syrian
    Democratic Forces (SDF)") is that actor wherever the text uses it alone afterwards."""
    defined: dict[str, MentionLike] = {}
    out: list[MentionLike] = []
    # an acronym's lexeme flags (upper case, letters, 2-8 long) pick the few tokens to look at
    flags = doc.to_array([IS_UPPER, IS_ALPHA, LENGTH])
    shaped = (flags[:, 0] == 1) & (flags[:, 1] == 1) & (flags[:, 2] >= 2) & (flags[:, 2] <= 8)
    for token in (doc[i] for i in numpy.flatnonzero(shaped).tolist()):
        if not _acronym(token) or known.at(token) is not None:
            continue
        if token.i >= 2 and doc[token.i - 1].text == "(" and token.i + 1 < len(doc):
            named = known.at(doc[token.i - 2])
            if named is not None and doc[token.i + 1].text == ")" and _whole_name(named, token):
                defined.setdefault(token.text, named)
                continue
        antecedent = defined.get(token.text)
        if antecedent is not None:
            rule = f"acronym {token.text} -> {antecedent.rule}"
            out.append(
                ReferenceMention(token.i, token.i + 1, token.i, antecedent.actor, rule, antecedent)
            )
    return out


def _whole_name(named: MentionLike, acronym: Token) -> bool:
    """Whether the actor covers the whole name the acronym stands for: not the country that
    ends "the Recording Industry Association of America (RIAA)"."""
    if {"context", "sentence"} & getattr(named, "flags", frozenset()):
        return False  # its country only guessed from the rest of the text
    if named.actor.country is None and named.actor.sector is not None:
        return False  # a ministry of no known country
    doc = acronym.doc
    start = named.start
    while start > 0:
        before = doc[start - 1]
        joined = before.lower_ in NAME_JOINERS and start >= 2 and doc[start - 2].is_title
        if not (before.is_title or joined):
            break
        start -= 1
    while start < named.start and doc[start].lower_ in {"the", *NAME_JOINERS}:
        start += 1
    return start == named.start


def _acronym(token: Token) -> bool:
    text = token.text
    return 2 <= len(text) <= 8 and text.isupper() and text.isalpha()
