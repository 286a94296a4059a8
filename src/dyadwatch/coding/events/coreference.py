"""Narrow pronoun resolution: a clause-initial "he"/"she" subject is the person last named.

News often names an official once and goes on with a pronoun: "Defence Minister X warned ...
He also stressed ...". The second sentence's act is X's. This module resolves only that case,
and only when it is unambiguous (docs/verbs.md, "Pronoun subjects"):

- the pronoun is "he" or "she", the subject (``nsubj``/``nsubjpass``) of a verb, and starts its
  sentence or clause ("He said", "..., and she added", "After the talks, he said");
- the antecedent is a person-like actor mention (a named person from people.tsv, or a titled
  person: an agent word plus a PERSON entity) in the same sentence before the pronoun or in the
  previous sentence, or, after the sentences of a quotation, in the sentence that opened it
  ('X said, "... . ..." He added'); a resolved pronoun is never itself an antecedent (no chains);
- exactly one person is in that window: a second person, named in the dictionary or only
  found by the NER, makes the pronoun ambiguous and it stays unresolved;
- "it", "they" and object pronouns are left to ``references.py``, and a pronoun the speaker
  rule already covers ("Kishi said he will ...") is left to that rule; a pronoun opening a
  coordinate clause is not ("reporters asked Trump, but he declined to comment": Trump).

The result is extra mentions over the pronoun tokens, carrying the antecedent's actor; the coder
adds them to the Doc's :class:`~dyadwatch.coding.events.mentions.MentionIndex`, so the evidence span
points at the pronoun and the rule names the antecedent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.events.antecedents import PERSON_NAME_FLAGS, name_after_place
from dyadwatch.coding.events.arguments import speaker_mentions
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.quotes import quotations
from dyadwatch.model import Actor
from dyadwatch.nlp.entities import entities_between

RESOLVED_PRONOUNS = frozenset({"he", "she"})
QUOTED_SENTENCES = 3  # sentences of a quotation a pronoun's window may reach back over
_SENTENCES_KEY = "dyadwatch.coreference.sentences"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# words after which a new clause starts: "..., and he said", "...; she added"
CLAUSE_OPENERS = frozenset({"and", "but", "yet", ";", ":"})
# the cheap check the prefilter uses: a sentence or clause that opens with he/she, also after
# a short fronted phrase ("In July, he helped ..."; no quote: '"...," he said' names no act)
_OPENING_PRONOUN = re.compile(
    r"(?:^\W*|^[^,\"“”]{2,40},\s*|\b(?:and|but|yet)\s+|[;:]\s*)(?:he|she)\b", re.IGNORECASE
)
# the cheap check for the other references ``references.py`` resolves: a clause-initial
# "it"/"they"/"we", or a definite description ("the country", "both nations", "the two leaders")
_CROWD_ACT = re.compile(r"\b(?:protests|demonstrations|riots|rallies)\b", re.IGNORECASE)
_REFERENCE = re.compile(
    r"(?:^\W*|[,;:]\s*|\b(?:and|but|yet)\s+)(?:it|they|we)\b|"
    r"\b(?:the|both|two|three)\s+(?:countr(?:y|ies)|nations?|group|organi[sz]ation|leaders|sides)\b",
    re.IGNORECASE,
)


class _ActorCheck(Protocol):
    def could_mention_actor(self, text: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class PronounMention:
    """A resolved pronoun: the pronoun's token span, coded as its antecedent's actor."""

    start: int
    end: int
    head: int
    actor: Actor
    rule: str  # "pronoun he -> <antecedent rule>"
    antecedent: MentionLike
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Person:
    """A person named in the window: ``key`` identifies them, ``mention`` is None for a name
    the NER found but no actor dictionary knows."""

    key: str
    position: int
    mention: MentionLike | None


def resolve_pronouns(doc: Doc, mentions: Sequence[MentionLike]) -> list[PronounMention]:
    """Mentions for the clause-initial he/she subjects of ``doc`` whose antecedent is certain."""
    base = MentionIndex(mentions)
    # mentions by start, so each pronoun looks only at its window (linear in long documents)
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    sentences = list(doc.sents)
    quoted = quoted_sentences(doc, sentences)
    out: list[PronounMention] = []
    for number, sentence in enumerate(sentences):
        window_start = _window_start(sentences, number, quoted)
        for token in sentence:
            if not _is_opening_subject(token, sentence) or base.at(token) is not None:
                continue
            if token.head.dep_ != "conj" and speaker_mentions(token.head, base):
                # "Kishi said he will ...": the speaker rule already knows; a coordinate
                # clause is no report ("the press asked Trump, but he declined to comment")
                continue
            window = ordered[bisect_left(starts, window_start) : bisect_left(starts, token.i)]
            antecedent = _antecedent(doc, window, window_start, token.i)
            if antecedent is None:
                continue
            out.append(
                PronounMention(
                    start=token.i,
                    end=token.i + 1,
                    head=token.i,
                    actor=antecedent.actor,
                    rule=f"pronoun {token.lower_} -> {antecedent.rule}",
                    antecedent=antecedent,
                    flags=getattr(antecedent, "flags", frozenset()),
                )
            )
    return out


def quoted_sentences(doc: Doc, sentences: Sequence[Span]) -> set[int]:
    """The numbers of the sentences that are wholly inside a quotation: the middle of a
    quote split over sentences ('X said, "... . This is wrong." He added ...')."""
    inside = {i for start, end in quotations(doc) for i in range(start, end)}
    if not inside:
        return set()
    return {
        number
        for number, sentence in enumerate(sentences)
        if any(not _mark(t) for t in sentence) and all(t.i in inside or _mark(t) for t in sentence)
    }


def _mark(token: Token) -> bool:
    return token.is_punct or token.is_space or token.is_quote


def sentences_back(number: int, quoted: set[int]) -> int:
    """How many sentences back a pronoun's antecedent window reaches: the sentence before,
    and over up to ``QUOTED_SENTENCES`` sentences of a quotation to the sentence that opened
    it (its speaker is named there)."""
    back = number - 1
    while back > 0 and back in quoted and number - 1 - back < QUOTED_SENTENCES:
        back -= 1
    return max(number - back, 0)


def _window_start(sentences: Sequence[Span], number: int, quoted: set[int]) -> int:
    return sentences[number - sentences_back(number, quoted)].start


def could_refer_to_actor(text: str) -> bool:
    """Cheap check on raw sentence text: a clause-initial it/they/we or a definite
    description that ``references.py`` may resolve to an actor named before."""
    return _REFERENCE.search(text) is not None


def could_open_with_pronoun(text: str) -> bool:
    """Cheap check on raw sentence text: does a sentence or clause open with he/she?"""
    return _OPENING_PRONOUN.search(text) is not None


class PronounAwareCheck:
    """The prefilter's actor check, also keeping sentences with a pronoun or a definite
    description: their actor may be named in the sentence before."""

    def __init__(self, actors: _ActorCheck) -> None:
        self.actors = actors

    def could_mention_actor(self, text: str) -> bool:
        if self.actors.could_mention_actor(text) or could_open_with_pronoun(text):
            return True
        # "the bill has sparked protests": a protest noun implies its crowd (nominal.py)
        return could_refer_to_actor(text) or _CROWD_ACT.search(text) is not None


def _is_opening_subject(token: Token, sentence: Span) -> bool:
    if token.lower_ not in RESOLVED_PRONOUNS or token.dep_ not in SUBJECT_DEPS:
        return False
    if token.head.pos_ not in {"VERB", "AUX"}:
        return False
    previous = _previous_word(token, sentence)
    if previous is None:
        return True  # sentence-initial
    if previous.lower_ in CLAUSE_OPENERS:
        return True
    # after a fronted phrase, in the main clause: "After the talks, he said ..."
    return previous.text == "," and token.head.dep_ == "ROOT"


def _previous_word(token: Token, sentence: Span) -> Token | None:
    """The token before ``token`` in its sentence, skipping spaces and opening quotes."""
    i = token.i - 1
    while i >= sentence.start:
        before = token.doc[i]
        if not (before.is_space or before.is_quote or before.text in {"(", "["}):
            return before
        i -= 1
    return None


def _antecedent(
    doc: Doc, mentions: Sequence[MentionLike], start: int, end: int
) -> MentionLike | None:
    """The only person named in ``doc[start:end]``, if there is exactly one and it is an
    actor mention; the most recent mention of them."""
    people = _people(doc, mentions, start, end)
    keys = {p.key for p in people}
    if len(keys) != 1:
        return None
    named = [p for p in people if p.mention is not None]
    if not named:
        return None
    return max(named, key=lambda p: p.position).mention


def _people(doc: Doc, mentions: Sequence[MentionLike], start: int, end: int) -> list[_Person]:
    found: list[_Person] = []
    covered: set[int] = set()
    for mention in mentions:
        if mention.start < start or mention.end > end:
            continue
        covered.update(range(mention.start, mention.end))
        key = _person_key(doc, mention)
        if key is not None:
            found.append(_Person(key, mention.start, mention))
    for ent in entities_between(doc, start, end):
        if ent.label_ != "PERSON":
            continue
        if any(i in covered for i in range(ent.start, ent.end)):
            continue  # part of an actor mention: counted above (or a title, not a person)
        found.append(_Person(ent[-1].lower_, ent.start, None))
    return found


def _person_key(doc: Doc, mention: MentionLike) -> str | None:
    """Who a person-like mention names: its person id, or the surname of the PERSON entity a
    titled mention covers ("Police Chief Ana Ruiz"); None for other actors."""
    if mention.actor.person is not None:
        # the surname, so that a later bare name the NER finds is the same person
        return mention.actor.name.split()[-1].lower() if mention.actor.name.split() else None
    if mention.actor.sector is None:
        return None
    if PERSON_NAME_FLAGS & getattr(mention, "flags", frozenset()):
        # a titled person's bare surname ("... Ruiz said"), a name described as a person's
        return doc[mention.end - 1].lower_
    for ent in entities_between(doc, mention.start, mention.end):
        if ent.label_ != "PERSON":
            continue
        if mention.start <= ent.start and ent.end <= mention.end and ent.start > mention.start:
            return ent[-1].lower_
    # "the US Special Representative for Iran Brian Hook": the name after the title's phrase
    named = name_after_place(doc, mention)
    return named.lower_ if named is not None else None


def sentence_windows(doc: Doc) -> tuple[list[int], set[int]]:
    """The Doc's sentence starts and its wholly quoted sentences, computed once per Doc."""
    cached = doc.user_data.get(_SENTENCES_KEY)
    if cached is None:
        sentences = list(doc.sents)
        cached = ([s.start for s in sentences], quoted_sentences(doc, sentences))
        doc.user_data[_SENTENCES_KEY] = cached
    return cached
