"""Event dates: when did the event of a predicate happen, according to its sentence.

``resolve_event_date(verb, publication)`` finds the date expressions of the sentence
(:mod:`~dyadwatch.coding.dates.grammar`), places them on the calendar in text order so that
"the following year" can count from an earlier clause (:mod:`~dyadwatch.coding.dates.resolve`),
picks the one that belongs to the event (:mod:`~dyadwatch.coding.dates.scope`) and turns it into
an :class:`~dyadwatch.model.EventDate`. With no date in scope the publication date is used
(``source="publication"``); when the date in scope cannot be resolved (a relative date and no
publication date), the date is unknown. Rules and limits: ``docs/dates-and-modality.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyadwatch.coding.clauses import verdict_over
from dyadwatch.coding.dates.expressions import (
    Absolute,
    Anaphoric,
    Deictic,
    Duration,
    Edge,
    Expr,
    MonthDay,
    MonthName,
    Range,
    Since,
    Weekday,
)
from dyadwatch.coding.dates.grammar import DateMention, find_mentions
from dyadwatch.coding.dates.narrative import (
    is_past_narrative,
    is_quoted,
    lead_time,
    paragraph_break,
    story_date,
)
from dyadwatch.coding.dates.resolve import Period, duration_start, iso, period_days, resolve
from dyadwatch.coding.dates.scope import (
    VERBAL,
    ScopeItem,
    attachment,
    clause_head_of,
    event_anchor,
    governing_heads,
    measured_apart,
    rank_mentions,
    tells_of_a_thing,
)
from dyadwatch.coding.modality.classify import modality_of
from dyadwatch.model import EventDate
from dyadwatch.nlp.entities import entities_in

_RANK = {"point": 0, "since": 0, "duration": 1}
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd"})
NOUN_MODIFIERS = frozenset({"nummod", "compound", "amod", "nmod", "appos", "poss"})
NOMINAL = frozenset({"NOUN", "PROPN"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})


@dataclass(frozen=True, slots=True)
class _Located:
    mention: DateMention
    item: ScopeItem
    period: Period | None  # None: unresolved (no reference date), or a duration
    reference: Period | None  # the date carried from before it, for re-resolving


def resolve_event_date(verb: Token, publication: dt.date | None, stated: bool = False) -> EventDate:
    """The date of the event whose predicate is ``verb``, relative to the publication date;
    an undated past act takes the time of the story before it (``narrative``). ``stated``: the
    event is the statement of a future act (an intent or a threat, "said he would resign"),
    which happened when it was said."""
    anchor = event_anchor(verb)
    if verdict_over(verb) is not None:
        return _crime_date(verb, publication)
    saying = _saying_verb(anchor) if stated else None
    if saying is not None:
        return resolve_event_date(saying, publication)
    date = _sentence_date(verb, publication)
    if date.source == "text" and is_quoted(anchor):
        return _as_said(verb, anchor, date, publication)
    if date.source != "publication":
        return date
    if measured_apart(anchor):
        return EventDate.unknown()  # "years after the invasion": not the story's time
    if modality_of(anchor) not in ("asserted", "negated") or not is_past_narrative(anchor):
        return date
    return story_date(anchor, publication, _sentence_date, _first_date) or date


def _crime_date(crime: Token, publication: dt.date | None) -> EventDate:
    """The date of a crime a verdict is for ("sentenced on Friday for driving into a crowd at
    the August 2017 rally"): only a date inside its own clause, also one naming the occasion
    it happened at; the verdict's date is later, so with none the date is unknown."""
    first, last = crime.left_edge.i, crime.right_edge.i
    own = [
        loc
        for loc in _locate(crime.sent, publication, crime)
        if first <= loc.item.first and loc.item.last <= last and loc.period is not None
    ]
    if not own or own[0].mention.kind == "duration":
        return EventDate.unknown()
    period = own[0].period
    assert period is not None
    end = iso(period.last, period.end_precision) if period.span else None
    return EventDate(iso(period.start, period.precision), period.precision, "text", end)


def _saying_verb(anchor: Token) -> Token | None:
    """The verb that states a future act ("announced" of "announced he would resign", "said"
    of "said he would prefer to agree"): the nearest governing clause told in the simple past
    or present, not itself a plan or a conditional."""
    for head in governing_heads(anchor):
        if head.pos_ not in VERBAL:
            return None
        auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "MD" for a in auxes):
            continue  # "would prefer": still the stated act
        if head.tag_ in FINITE or any(a.tag_ in FINITE for a in auxes):
            return head  # "said", "has announced", "was told"
        if head.tag_ == "VB" or head.tag_ == "VBG":
            continue  # "to agree", "planning to": still the stated act
        return None
    return None


def _as_said(verb: Token, anchor: Token, date: EventDate, publication: dt.date | None) -> EventDate:
    """A quotation's relative dates count from the day it was said, the time of the story
    ("'we raised it today with the ambassador,' Johnson said", told on Monday and published
    on Thursday, is Monday), when the story gives that day."""
    said = story_date(anchor, publication, _sentence_date, _first_date)
    days = period_days(said.value) if said is not None and said.precision == "day" else None
    if days is None or days[0] == publication:
        return date
    again = _sentence_date(verb, days[0])
    if again.value == date.value or again.source != "text":
        return date
    return EventDate(again.value, again.precision, "context", again.end)


def _first_date(sent: Span, publication: dt.date | None) -> EventDate | None:
    """The first resolved date of the sentence that dates a verb, not a noun ("the November
    27 agreement"); in a sentence without a parse, its first resolved date."""
    parsed = any(t.tag_ for t in sent)
    for loc in _locate(sent, publication):
        if loc.mention.kind != "point" or loc.period is None:
            continue
        if parsed and not _dates_the_story(loc):
            continue
        period = loc.period
        end = iso(period.last, period.end_precision) if period.span else None
        return EventDate(iso(period.start, period.precision), period.precision, "text", end)
    return None


def _on_other_noun(loc: _Located, anchor: Token) -> bool:
    """A calendar date inside a noun phrase that is a subject or object ("rejected *the
    November 5 accord*") dates that noun, not another event: it sits after the phrase's
    determiner or possessor and modifies the noun. In a prepositional phrase it frames the
    clause ("In the November 5 accord, the two sides agreed ...")."""
    root = loc.item.root
    if root.dep_ not in NOUN_MODIFIERS or root.head.i == anchor.i:
        return False
    if root.dep_ == "poss" and _coarser_than_a_day(loc.mention.expr):
        return True  # "endorsed him for this year's election": the election's year, anywhere
    if root.head.dep_ not in ARGUMENT_DEPS:
        return False
    if isinstance(loc.mention.expr, Weekday | Deictic):
        return False
    first = root.doc[loc.item.first]
    if first.i == first.sent.start:
        return False
    before = root.doc[first.i - 1]
    return before.dep_ in ("det", "poss", "case") and before.head.i == root.head.i


def _coarser_than_a_day(expr: Expr) -> bool:
    """ "this year's", "last month's", "2019's"; not a day ("Monday's", "yesterday's")."""
    if isinstance(expr, Deictic):
        return expr.unit in ("week", "month", "year")
    return isinstance(expr, MonthName) or (isinstance(expr, Absolute) and expr.day is None)


def _dates_the_story(loc: _Located) -> bool:
    """Whether a date tells when the story's acts happened: it dates a past act, and a
    calendar date must hang on the verb ("in March"); on a noun it dates only that noun ("the
    November 27 agreement", "the third quarter of 2020"). A day word is kept even there
    ("Sunday's signing", or a parser that hangs "on Sunday" on a noun)."""
    root = loc.item.root
    head = clause_head_of(root)
    if tells_of_a_thing(head):
        return False  # "the proclamation, which was made on Monday": the noun's own past
    if not is_past_narrative(head) or modality_of(head) not in ("asserted", "negated"):
        return False
    if isinstance(loc.mention.expr, Weekday | Deictic):
        return not is_quoted(root)  # a quotation's "today" is the day of its saying
    return attachment(loc.item).pos_ in VERBAL


def _sentence_date(verb: Token, publication: dt.date | None) -> EventDate:
    """The date of the event of ``verb`` from its own sentence (and the carried anaphora)."""
    anchor = event_anchor(verb)
    located = [
        loc for loc in _locate(anchor.sent, publication, anchor) if not _on_other_noun(loc, anchor)
    ]
    ranked = rank_mentions(anchor, [loc.item for loc in located])
    as_of = next((located[r.index] for r in ranked if located[r.index].mention.anchor), None)
    # a length of time dates the event only if it runs up to a known end: an "as of" date, or
    # now ("have patrolled for 30 days", "over the past year"); "ruled for 37 years" does not
    order = [
        r
        for r in ranked
        if located[r.index].mention.kind != "duration"
        or as_of is not None
        or _runs_until_now(located[r.index], anchor)
    ]
    since = _since_clause(anchor, located)
    if since is not None and since.period is not None and (not order or order[0].level > 0):
        # "have been arrested since the protests began in June": from June until now
        start = since.period
        end = _anchor_end(as_of, publication)
        return EventDate(iso(start.start, start.precision), start.precision, "text", end)
    if not order:
        return EventDate.publication(publication)
    best = located[order[0].index]
    if best.mention.kind == "duration":
        return _duration_date(best.mention, as_of, publication)
    period = best.period
    if order[0].level == 0 and _forward(anchor):
        # a year-less date in a future event's own clause is the next one, not the last one
        period = resolve(best.mention.expr, publication, best.reference, forward=True)
    if period is None:
        return EventDate.unknown()
    if best.mention.kind == "since":
        end = _anchor_end(as_of, publication)
        return EventDate(iso(period.start, period.precision), period.precision, "text", end)
    end = iso(period.last, period.end_precision) if period.span else None
    return EventDate(iso(period.start, period.precision), period.precision, "text", end)


def _since_clause(anchor: Token, located: list[_Located]) -> _Located | None:
    """The date of a "since" clause of the event's clause, which starts the event's span:
    "have been arrested since the protests began in June"."""
    head = clause_head_of(anchor)
    for loc in located:
        if loc.mention.kind != "point":
            continue
        owner = clause_head_of(loc.item.root)
        if owner.dep_ != "advcl" or owner.head.i != head.i:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in owner.children):
            return loc
    return None


def _anchor_end(as_of: _Located | None, publication: dt.date | None) -> str | None:
    """End of a span that lasts until now: the "as of" date, else the publication date."""
    if as_of is not None and as_of.period is not None:
        return iso(as_of.period.last, as_of.period.end_precision)
    return publication.isoformat() if publication is not None else None


def _duration_date(
    mention: DateMention, as_of: _Located | None, publication: dt.date | None
) -> EventDate:
    assert isinstance(mention.expr, Duration)
    if as_of is not None and as_of.period is not None:
        anchor_day, end = as_of.period.last, iso(as_of.period.last, as_of.period.end_precision)
    elif publication is not None:
        anchor_day, end = publication, publication.isoformat()
    else:
        return EventDate.unknown()
    start = duration_start(mention.expr, anchor_day)
    if start is None:
        return EventDate.unknown()
    return EventDate(iso(start.start, start.precision), start.precision, "text", end)


def _runs_until_now(duration: _Located, anchor: Token) -> bool:
    """ "over the past few years", or a present / present-perfect clause ("have cruised for 152
    days", also when the parser hangs the verb under the length)."""
    if isinstance(duration.mention.expr, Duration) and duration.mention.expr.recent:
        return True
    return _present(anchor) or _present(clause_head_of(duration.item.root))


def _present(tok: Token) -> bool:
    if tok.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in tok.children)


def _forward(anchor: Token) -> bool:
    """Whether the event lies ahead of publication: future, or unrealised but not perfect
    ("could have met in March" is past)."""
    modality = modality_of(anchor)
    if modality == "future":
        return True
    if modality != "hypothetical":
        return False
    return not any(c.lemma_ == "have" and c.dep_ == "aux" for c in anchor.children)


def _mentions(sent: Span) -> tuple[DateMention, ...]:
    base = sent.start_char
    ents = tuple(
        (e.start_char - base, e.end_char - base)
        for e in entities_in(sent)
        if e.label_ in ("DATE", "TIME")
    )
    return find_mentions(sent.text, ents)


def _carried_in(sent: Span, publication: dt.date | None) -> Period | None:
    """The last date a sentence leaves behind for the next one ("Since then, ..."): not a year
    in a name ("the 2016 election") nor one told of a thing ("the policy, which is to take
    effect on December 10", ``tells_of_a_thing``): neither is the time the story has reached."""
    reference: Period | None = None
    carried: Period | None = None
    parsed = any(t.tag_ for t in sent)
    for mention in _mentions(sent):
        if mention.kind not in ("point", "since"):
            continue
        span = sent.doc.char_span(
            sent.start_char + mention.start, sent.start_char + mention.end, alignment_mode="expand"
        )
        parsed_span = span if parsed and span is not None and len(span) else None
        if parsed_span is not None and (
            (mention.entity_only and _names_a_thing(parsed_span)) or _year_in_name(parsed_span)
        ):
            continue
        period = resolve(mention.expr, publication, reference)
        if period is None:
            continue
        reference = period
        if parsed_span is not None and tells_of_a_thing(clause_head_of(parsed_span.root)):
            continue
        carried = period
    return carried


def _counts_from_before(expr: Expr) -> bool:
    """Whether an expression counts from an earlier date ("two days later", "since then")."""
    match expr:
        case Anaphoric():
            return True
        case Since(inner) | Edge(_, inner):
            return _counts_from_before(inner)
        case Range(first, last):
            return _counts_from_before(first) or _counts_from_before(last)
    return False


def _told_before(
    sent: Span, publication: dt.date | None, same_paragraph: bool = False
) -> Period | None:
    """The last date of the nearest earlier sentence that has one: "two days later" counts from
    the previous dated event, also across undated sentences of the same paragraph."""
    doc = sent.doc
    current = sent
    while current.start > 0:
        previous = doc[current.start - 1].sent
        if same_paragraph and paragraph_break(previous, current):
            return None
        found = _carried_in(previous, publication)
        if found is not None:
            return found
        if paragraph_break(previous, current):
            return None
        current = previous
    return None


def _lead_period(sent: Span, publication: dt.date | None) -> Period | None:
    """The lead's time as a reference, for "the following day" opening a later paragraph
    whose neighbours give no date: it goes on from the story's time."""
    told = lead_time(sent, publication, _sentence_date, _first_date)
    if told is None or told.value is None:
        return None
    year, month, day = ([int(p) for p in told.value.split("-")] + [0, 0])[:3]
    return resolve(Absolute(year, month or None, day or None), None, None)


def _yearless(expr: Expr) -> bool:
    return isinstance(expr, MonthDay) or (isinstance(expr, MonthName) and expr.which == "bare")


def _in_year_told(expr: Expr, period: Period, before: Period | None) -> Period:
    """A day or month without its year, told right after a calendar date of an earlier year
    ("the army moved on November 15, 2017 ... his resignation on November 21"), is the first
    such day or month from that date on, not the last one before publication."""
    if before is None or before.precision == "year" or before.last.year >= period.start.year:
        return period
    assert isinstance(expr, MonthDay | MonthName)
    told = before.last
    year = told.year
    day = expr.day if isinstance(expr, MonthDay) else told.day
    if (expr.month, day) < (told.month, told.day):
        year += 1  # "on November 15, 2017 ... on February 2" is 2018
    found = resolve(
        Absolute(year, expr.month, expr.day if isinstance(expr, MonthDay) else None), None, None
    )
    return found if found is not None and found.start < period.start else period


def _names_a_thing(span: Span) -> bool:
    """A bare year that only a DATE entity vouches for and that modifies a noun is part of a
    name or a description ("her 1976 autobiography", "the Zrinyi 2026 programme")."""
    root = span.root
    return root.dep_ in NOUN_MODIFIERS and root.head.pos_ in ("NOUN", "PROPN")


def _year_in_name(span: Span) -> bool:
    """A bare year that is part of a name, whatever vouches for it: "the Trade Act of 1974"
    (the year of a proper noun's "of"), "the 2015 nuclear deal", "Vision 2030"."""
    if not (len(span) == 1 and span[0].like_num and len(span[0].text) == 4):
        return False
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "PROPN":
        return True
    if not _names_a_thing(span):
        return False
    # "the 2015 deal", "Iran's 2015 deal", "Vision 2030"; not "In 2019 rebels seized ..."
    return head.pos_ == "PROPN" or any(
        c.dep_ in ("det", "poss") and c.i < root.i for c in head.children
    )


def _locate(sent: Span, publication: dt.date | None, event: Token | None = None) -> list[_Located]:
    """The sentence's date mentions with their tokens, resolved in text order; the first
    relative-to-earlier mention may count from the last date told before the sentence. A year
    that modifies the event noun itself dates it ("the 1990 invasion", ``event``): it names
    no other thing."""
    doc = sent.doc
    mentions = _mentions(sent)
    reference = None
    if any(_counts_from_before(m.expr) for m in mentions):
        reference = _told_before(sent, publication) or _lead_period(sent, publication)
    base = sent.start_char
    out: list[_Located] = []
    for mention in mentions:
        if mention.kind == "bound":
            continue
        span = doc.char_span(base + mention.start, base + mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        own = event is not None and span.root.head.i == event.i and event.pos_ in NOMINAL
        if not own and ((mention.entity_only and _names_a_thing(span)) or _year_in_name(span)):
            continue
        period = None
        if mention.kind != "duration":
            period = resolve(mention.expr, publication, reference)
            if period is not None and _yearless(mention.expr):
                before = reference
                if before is None:
                    before = _told_before(sent, publication, same_paragraph=True)
                period = _in_year_told(mention.expr, period, before)
        rank = 2 if mention.anchor else _RANK[mention.kind]
        item = ScopeItem(span.start, span.end - 1, span.root, rank)
        out.append(_Located(mention, item, period, reference))
        if period is not None:
            reference = period
    return out
