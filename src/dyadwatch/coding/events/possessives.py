"""Possessive pronouns on a reacted act: whose act "its attempt", "their refusal", "his
decision" is (docs/verbs.md, "Reactions").

A reaction often names the act it answers by a noun with a possessive pronoun: "The EU
condemned its attempt to ...", "Washington rejected their refusal", "Paris criticized his
decision". The pronoun stands for an actor named before, never the reaction's own source (one
does not condemn one's own attempt). :func:`possessor` finds it among the Doc's antecedents:

- **his/her**: a person; **its**: one country or organisation; **their**: a plural actor, a
  coordinated group's first member, or one country or organisation;
- within the pronoun's sentence (before it) and the three sentences before;
- a subject first (the actor the text is about), the latest one; else the latest of that kind;
- "its own", "his own" are the source's own act: no possessor.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.events.antecedents import PERSON, Antecedent, antecedents, groups
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_party

POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
POSSESSOR_WINDOW = 3  # sentences back (a quotation may split one in pieces)


def possessive_pronoun(noun: Token) -> Token | None:
    """The possessive pronoun of an act noun ("its attempt"), unless it is "its own"."""
    if any(c.lower_ == "own" for c in noun.children):
        return None
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
            return child
    return None


def possessor(
    pronoun: Token, source: MentionLike | None, index: MentionIndex
) -> MentionLike | None:
    """The actor a possessive pronoun stands for, other than the reaction's ``source`` (when
    there is one: the pronoun of an act noun that is an event of its own, "known for his harsh
    treatment of critics", has none)."""
    doc = pronoun.doc
    sentences = list(doc.sents)
    number = next(n for n, s in enumerate(sentences) if s.start <= pronoun.i < s.end)
    first = sentences[max(0, number - POSSESSOR_WINDOW)].start
    mentions = [m for m in index.mentions if first <= m.start and m.end <= pronoun.i]
    found = [
        a
        for a in antecedents(doc, mentions)
        if _agrees(pronoun.lower_, a) and (source is None or not same_party(a.mention, source))
    ]
    if pronoun.lower_ == "their":
        together = groups(doc, found)
        if together:  # "Venezuela and Cuba ... their refusal": the group, by its first member
            return together[-1].members[0].mention
    subjects = [a for a in found if a.subject]
    chosen = (subjects or found)[-1] if found else None
    return chosen.mention if chosen is not None else None


def _agrees(word: str, antecedent: Antecedent) -> bool:
    if word in {"his", "her"}:
        return antecedent.kind == PERSON
    if word == "its":
        return antecedent.kind != PERSON and not antecedent.plural
    return antecedent.kind != PERSON or antecedent.plural  # "their"
