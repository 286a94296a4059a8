"""Quotations and their speakers: inside a quote, "I" and "we" are whoever is quoted
(docs/verbs.md, "References").

News quotes officials: “We will not accept any violation,” the minister said. The act inside
the quote is the speaker's, so the first-person pronouns of a quotation are coded as its speaker:

- a quotation runs from an opening quote mark to its closing one (curly quotes pair up; a
  straight ``"`` opens and closes in turn), and may span several sentences;
- its speaker is the subject of a reporting verb ("said", "told", "added", "according to")
  outside the quotation, in the sentence that closes it ("..., he said") or else in the
  sentence that opens it ("The minister said: “...”"); the subject must be an actor mention
  (a resolved pronoun counts);
- a quotation with no attribution of its own that follows an attributed one within a sentence
  or two continues the same speaker (a quote split over paragraphs);
- "I", "me", "we" and "us" inside become mentions of the speaker; "we" speaks for the body
  the speaker belongs to, so a person's own id is dropped from it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.model import Actor

OPENING = frozenset({"\u201c", "\u00ab", "\u201e"})
CLOSING = frozenset({"\u201d", "\u00bb"})
STRAIGHT = frozenset({'"', "''", "``"})
REPORTING = frozenset(
    """say tell add state warn stress insist note write declare announce explain continue
    argue claim assert reiterate emphasise emphasize tweet post quote respond reply retort
    remark comment answer react indicate""".split()  # noqa: SIM905
)
FIRST_PERSON = frozenset({"i", "me", "we", "us"})
# what a quotation may be "according to" that its author wrote or gave: "a tweet by X"
WRITINGS = frozenset(
    {"tweet", "post", "statement", "letter", "message", "release", "interview", "remark"}
)
# the quote marks' string ids: a Doc's marks are found in its ORTH array, not token by token
_MARK_IDS = np.array(sorted(get_string_id(m) for m in OPENING | CLOSING | STRAIGHT), np.uint64)
CONTINUE_WITHIN = 2  # sentences: an unattributed quote this close keeps the last speaker
QUOTE_RULE = "quote"


@dataclass(frozen=True, slots=True)
class Quotation:
    """The tokens ``[start, end)`` inside a pair of quote marks, and who said them."""

    start: int
    end: int
    speaker: MentionLike | None


@dataclass(frozen=True, slots=True)
class SpeakerMention:
    """A first-person pronoun inside a quotation, coded as the quotation's speaker."""

    start: int
    end: int
    head: int
    actor: Actor
    rule: str
    antecedent: MentionLike
    flags: frozenset[str] = frozenset()


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges inside quote marks, in text order (the marks themselves excluded)."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for i in np.flatnonzero(np.isin(doc.to_array(ORTH), _MARK_IDS)).tolist():
        text = doc[i].text
        if text in OPENING or (text in STRAIGHT and opened is None):
            opened = i + 1
        elif (text in CLOSING or text in STRAIGHT) and opened is not None:
            if i > opened:
                out.append((opened, i))
            opened = None
    return out


def attributed(doc: Doc, index: MentionIndex) -> list[Quotation]:
    """The Doc's quotations with their speakers (None where none is found)."""
    out: list[Quotation] = []
    last: Quotation | None = None
    for start, end in quotations(doc):
        speaker = _speaker(doc[end - 1].sent, start, end, index)
        if speaker is None:
            speaker = _speaker(doc[start].sent, start, end, index)
        if speaker is None and last is not None and last.speaker is not None:
            gap = _sentences_between(doc, last.end, start)
            if gap <= CONTINUE_WITHIN:
                speaker = last.speaker
        quotation = Quotation(start, end, speaker)
        out.append(quotation)
        last = quotation
    return out


def speaker_mentions(doc: Doc, index: MentionIndex) -> list[SpeakerMention]:
    """Mentions for the first-person pronouns inside attributed quotations."""
    out: list[SpeakerMention] = []
    for quotation in attributed(doc, index):
        speaker = quotation.speaker
        if speaker is None:
            continue
        for token in doc[quotation.start : quotation.end]:
            if token.lower_ not in FIRST_PERSON or token.pos_ != "PRON":
                continue
            if index.at(token) is not None:
                continue
            actor = speaker.actor
            if token.lower_ in {"we", "us"} and actor.person is not None:
                actor = replace(actor, person=None, name=token.text)
            out.append(
                SpeakerMention(
                    start=token.i,
                    end=token.i + 1,
                    head=token.i,
                    actor=actor,
                    rule=f"{QUOTE_RULE} {token.lower_} -> {speaker.rule}",
                    antecedent=speaker,
                    flags=getattr(speaker, "flags", frozenset()),
                )
            )
    return out


def _speaker(sentence: Span, start: int, end: int, index: MentionIndex) -> MentionLike | None:
    """The subject of a reporting verb of ``sentence`` outside ``[start, end)``."""
    for token in sentence:
        if start <= token.i < end:
            continue
        if token.lemma_.lower() in REPORTING and token.pos_ in {"VERB", "AUX"}:
            found = _subject_mention(token, index)
            if found is not None:
                return found
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            after = token.doc[token.i + 1]
            if after.lower_ == "to":
                for pobj in after.children:
                    found = _first(index.head_mentions(pobj)) if pobj.dep_ == "pobj" else None
                    found = found or _author(pobj, index)
                    if found is not None:
                        return found
    return None


def _author(noun: Token, index: MentionIndex) -> MentionLike | None:
    """Who wrote what a quotation is "according to": "according to a tweet by X", "according
    to X's statement"."""
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in WRITINGS:
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return _first(index.head_mentions(child))
        if child.dep_ == "prep" and child.lower_ == "by":
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            return _first(index.head_mentions(author)) if author is not None else None
    return None


def _subject_mention(verb: Token, index: MentionIndex) -> MentionLike | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return _first(index.head_mentions(child))
    return None


def _first(found: list[MentionLike]) -> MentionLike | None:
    return found[0] if len(found) == 1 else None


def _sentences_between(doc: Doc, end: int, start: int) -> int:
    if end >= len(doc) or start >= len(doc):
        return 0
    first = doc[min(end, len(doc) - 1)].sent
    count = 0
    sentence = first
    while sentence.end <= start and count <= CONTINUE_WITHIN + 1:
        count += 1
        if sentence.end >= len(doc):
            break
        sentence = doc[sentence.end].sent
    return count
