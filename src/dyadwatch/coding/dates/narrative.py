"""The time of the story: a date for a past act that its own sentence leaves undated.

A news story is told in order: a sentence with no date of its own normally goes on with the
time of the sentence before it ("On Wednesday the ministers met in Cairo. They called on ...":
the call was on Wednesday), and a paragraph that starts without a date goes on with the time
of the lead. So an undated act in the past tense takes, nearest first:

1. the time of its own sentence, from another of its clauses;
2. the time of the closest earlier sentence of its paragraph that has one, unless the telling
   came back to now in between (an undated present-tense sentence) and that time is a
   flashback, over a month before publication: then none;
3. else the time of the lead: the first dated sentence of the first paragraph of prose.

The *time of a sentence* is the date of its main clause when the text gives one, else its first
date that dates a verb (not a noun: "the November 27 agreement" dates the agreement, not the
sentence). Sentences the prefilter did not parse have no clauses: their first date counts.

Present, perfect, future and unrealised acts ("protests continue", "has announced", "will
meet") keep the publication date; so do a pluperfect act ("had asked"), an admitted act and
one marked "previously", which happened before the time of the story. But an act told by a
past report is carried: a pluperfect or present perfect one ("said it had carried out the
attack", "has suspended the permit, officials said"), and the present of a quotation said in
the past, also when the quotation goes on in a later sentence. Carried dates have
``date_source: "context"``. Documented in ``docs/dates-and-modality.md`` (*The time of the
story*).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.dates.resolve import period_days
from dyadwatch.coding.dates.scope import (
    VERBAL,
    governing_heads,
    is_admitted,
    reported_pluperfect,
)
from dyadwatch.model import EventDate
from dyadwatch.nlp.arrays import joined_text

_KEY = "dyadwatch.story_times"
_TEXT_KEY = "dyadwatch.doc_text"
_GUARD_KEY = "dyadwatch.lead_time_busy"
EARLIER = frozenset({"previously", "earlier", "formerly", "once", "initially", "originally"})
# present-tense verbs that tell what a text says, not what holds now
TEXT_VERBS = frozenset({"say", "claim", "write", "state", "allege", "argue", "describe", "note"})
LEAD_WORDS = 8  # fewer words make a caption or a heading, not a lead
# the date of one sentence's main clause: (root, publication) -> EventDate
RootDate = Callable[[Token, dt.date | None], EventDate]
# the first date of a sentence that dates a verb: (sentence, publication) -> EventDate | None
FirstDate = Callable[[Span, dt.date | None], EventDate | None]


def is_past_narrative(anchor: Token) -> bool:
    """Whether the act of ``anchor`` is told in the simple past, its own or its governing
    clause's ("said the group attacked", "the vote was boycotted"), and not in the pluperfect."""
    if is_admitted(anchor):
        return False  # "admitted it shot down the plane": before the time of the story
    for tok in [anchor, *governing_heads(anchor)]:
        if any(c.dep_ == "advmod" and c.lower_ in EARLIER for c in tok.children):
            return False  # "previously announced": before the time of the story
        if tok.pos_ not in VERBAL:
            continue
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "MD" or a.lower_ in ("will", "shall", "'ll") for a in auxes):
            return False
        if tok.tag_ in ("VBN", "VBD") and any(a.lower_ in ("had", "'d") for a in auxes):
            if tok is anchor and reported_pluperfect(anchor):
                continue  # "said it had carried out the attack": by the time of the saying
            return False  # pluperfect: before the time of the story
        if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return True
        if tok.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            # "has announced", "protests continue"; but the present of a quotation is the
            # time of its saying: '"We urge Iraq to reconsider," he said.', and an act told
            # done by a past report was done by then: "the office has banned it, aides said"
            if is_quoted(tok):
                return _said_in_past(tok) or _opened_by_past_saying(tok)
            return _perfect(tok, auxes) and tok.dep_ == "ccomp" and tok.head.tag_ == "VBD"
        if tok.tag_ == "VB":
            if tok is anchor and tok.dep_ in ("xcomp", "advcl"):
                continue  # an asserted act of an infinitive ("came to protest"): its head's time
            return False  # an infinitive: "scheduled to meet this weekend" is a plan
    return False


def is_quoted(tok: Token) -> bool:
    """Whether ``tok`` stands inside quotation marks; a quotation may run over several
    sentences of its paragraph."""
    text = doc_text(tok.doc)
    before = text[text.rfind("\n", 0, tok.idx) + 1 : tok.idx]
    opened = before.count("“") > before.count("”")
    return opened or before.count('"') % 2 == 1


def _perfect(tok: Token, auxes: list[Token]) -> bool:
    return tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)


def _opened_by_past_saying(tok: Token) -> bool:
    """A quotation that goes on from an earlier sentence of its paragraph, opened by a past
    saying ('The minister said on Monday, "We stay. Our troops hold the line."')."""
    text = doc_text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    marks = [i for i in range(start, tok.idx) if text[i] in '"“']
    if not marks:
        return False
    opener = tok.doc.char_span(marks[-1], marks[-1] + 1, alignment_mode="expand")
    if opener is None or opener.sent.start == tok.sent.start:
        return False  # opened in this sentence: ``_said_in_past`` looks at it
    if not any(t.is_alpha for t in opener.sent[opener.end - opener.sent.start :]):
        return False  # the parser left the opening mark at the end of the sentence before
    root = opener.sent.root
    return root.tag_ == "VBD" and root.i < opener.start


def _said_in_past(tok: Token) -> bool:
    """A past verb above the quoted clause, or one set in it ("..., he said, ...")."""
    heads = [tok, *governing_heads(tok)]
    if any(h.tag_ == "VBD" for h in heads[1:]):
        return True
    return any(c.dep_ == "parataxis" and c.tag_ == "VBD" for h in heads for c in h.children)


def story_date(
    anchor: Token, publication: dt.date | None, root_date: RootDate, first_date: FirstDate
) -> EventDate | None:
    """The carried date of an undated past act at ``anchor`` (see the module docstring), or
    None when the story gives none before it."""
    story = _story(anchor.doc, publication, root_date, first_date)
    index = story.number.get(anchor.sent.start)
    if index is None:
        return None
    sents = story.sents
    if story.time(index) is not None:
        return story.time(index)
    back_at_now = False
    for i in range(index - 1, -1, -1):
        if paragraph_break(sents[i], sents[i + 1]):
            break
        told = story.time(i)
        if told is not None:
            # "Holder was held in contempt in 2012. ... Barr leads the department. Kupec
            # criticized ...": a flashback ends where the telling comes back to now
            return None if back_at_now and _long_before(told, publication) else told
        back_at_now = back_at_now or _told_now(sents[i])
    lead = story.lead()
    if lead is not None and lead < index:
        return story.time(lead)
    return None


FLASHBACK_DAYS = 31  # a story time this long before publication is a flashback


def _long_before(told: EventDate, publication: dt.date | None) -> bool:
    days = period_days(told.end or told.value or "")
    if publication is None or days is None:
        return False
    return (publication - days[1]).days > FLASHBACK_DAYS


def _told_now(sent: Span) -> bool:
    """An undated sentence whose main clause is in the present or present perfect, outside a
    quotation, and not what a text says ("in the book, Bolton claims ..."): "People held in
    contempt are referred to the courts." """
    root = sent.root
    if root.pos_ not in VERBAL or is_quoted(root) or root.lemma_ in TEXT_VERBS:
        return False
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.tag_ == "VBD" for a in auxes):
        return False
    return root.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def lead_time(
    sent: Span, publication: dt.date | None, root_date: RootDate, first_date: FirstDate
) -> EventDate | None:
    """The time of the lead when it comes before ``sent``: what "the following day" opening a
    later paragraph counts from when no sentence before it in reach gives a date. None while
    the lead itself is being worked out (its sentences may ask the same)."""
    doc = sent.doc
    if doc.user_data.get(_GUARD_KEY):
        return None
    doc.user_data[_GUARD_KEY] = True
    try:
        story = _story(doc, publication, root_date, first_date)
        index = story.number.get(sent.start)
        lead = story.lead()
        if index is None or lead is None or lead >= index:
            return None
        return story.time(lead)
    finally:
        doc.user_data[_GUARD_KEY] = False


class _Story:
    """A Doc's sentences and their times, kept with the Doc (every event of a long document
    asks); a sentence's time is worked out when first asked: an event needs only its own
    sentence's, those before it in its paragraph and the lead's."""

    __slots__ = ("_first", "_lead", "_root_date", "_times", "number", "publication", "sents")

    def __init__(
        self, doc: Doc, publication: dt.date | None, root_date: RootDate, first_date: FirstDate
    ) -> None:
        self.publication = publication
        self.sents = list(doc.sents)
        self.number = {s.start: i for i, s in enumerate(self.sents)}  # start token -> number
        self._times: dict[int, EventDate | None] = {}
        self._lead: list[int | None] = []  # empty until worked out
        self._root_date, self._first = root_date, first_date

    def time(self, index: int) -> EventDate | None:
        if index not in self._times:
            sent = self.sents[index]
            self._times[index] = _sentence_time(
                sent, self.publication, self._root_date, self._first
            )
        return self._times[index]

    def lead(self) -> int | None:
        if not self._lead:
            self._lead.append(_lead(self.sents, self.time))
        return self._lead[0]


def _story(
    doc: Doc, publication: dt.date | None, root_date: RootDate, first_date: FirstDate
) -> _Story:
    cached = doc.user_data.get(_KEY)
    if isinstance(cached, _Story) and cached.publication == publication:
        return cached
    story = _Story(doc, publication, root_date, first_date)
    doc.user_data[_KEY] = story
    return story


def _sentence_time(
    sent: Span, publication: dt.date | None, root_date: RootDate, first_date: FirstDate
) -> EventDate | None:
    root = sent.root
    parsed = any(t.tag_ for t in sent)
    if parsed and root.pos_ in VERBAL and is_past_narrative(root):
        date = root_date(root, publication)
        if date.source == "text" and date.value is not None:
            return EventDate(date.value, date.precision, "context", date.end)
    found = first_date(sent, publication)
    if found is None or found.value is None:
        return None
    return EventDate(found.value, found.precision, "context", found.end)


def paragraph_break(before: Span, after: Span) -> bool:
    """Whether a paragraph break (a newline) separates two consecutive sentences."""
    doc = before.doc
    first = next((t for t in after if not t.is_space), None)
    last = next((t for t in reversed(before) if not t.is_space), None)
    if first is None or last is None:
        return True
    return "\n" in doc_text(doc)[last.idx + len(last.text) : first.idx]


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept with the Doc: spaCy joins every token's text on each call, and
    quotation and paragraph checks ask for it per event and per sentence."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = joined_text(doc)  # no Token objects
    return text


def _lead(sents: list[Span], time: Callable[[int], EventDate | None]) -> int | None:
    """Index of the dated sentence of the lead: the first paragraph of prose (a line of a few
    words, such as a caption or a map legend, is not one); None when the lead has no date."""
    start = 0
    for i in range(len(sents)):
        if i + 1 < len(sents) and not paragraph_break(sents[i], sents[i + 1]):
            continue
        paragraph = range(start, i + 1)
        start = i + 1
        if sum(t.is_alpha for s in paragraph for t in sents[s]) >= LEAD_WORDS:
            return next((s for s in paragraph if time(s) is not None), None)
    return None
