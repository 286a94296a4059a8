"""Dates that belong to a thing, not to the story: a target date after "to", and dates in a
clause that describes a noun, which neither set the time of the story nor anchor "the same
day" (dates/grammar.py, dates/scope.py ``tells_of_a_thing``, dates/event_date.py)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.dates.event_date import resolve_event_date
from dyadwatch.coding.dates.expressions import Anaphoric
from dyadwatch.coding.dates.grammar import find_mentions
from dyadwatch.coding.dates.resolve import iso, resolve, whole
from dyadwatch.model import Document, Event

_PUB = dt.date(2020, 1, 15)  # a Wednesday; Monday is 2020-01-13, the Friday before 2020-01-10


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="things", text=text, date=_PUB))


def _in_sentence(events: list[Event], index: int) -> list[Event]:
    found = [e for e in events if e.sentence_index == index]
    assert found, f"no event in sentence {index}: {[(e.sentence_index, e.code) for e in events]}"
    return found


def test_grammar_a_date_after_a_bare_to_is_a_bound() -> None:
    text = "The council pushed the ballot back to June 9, and from May 2 to May 6 it met."
    kinds = [(m.text(text), m.kind) for m in find_mentions(text)]
    assert kinds == [("June 9", "bound"), ("from May 2 to May 6", "point")]


def test_event_date_target_date_after_to_does_not_date_the_act(nlp: Language) -> None:
    doc = nlp("The governor extended the curfew to March 30 in a decree issued on Monday.")
    extended = next(t for t in doc if t.text == "extended")
    assert resolve_event_date(extended, _PUB).value == "2020-01-13"


def test_story_time_skips_a_date_of_a_participle_on_a_noun(coder: Coder) -> None:
    text = (
        "On Monday, rebels attacked a convoy near the northern border. "
        "The convoy carried food aid shipped by Germany in 2015. "
        "Germany condemned the rebels for the attack."
    )
    for event in _in_sentence(_events(coder, text), 2):
        assert (event.date.value, event.date.source) == ("2020-01-13", "context")


def test_story_time_skips_a_date_inside_a_noun_content_clause(coder: Coder) -> None:
    text = (
        "On Monday, the Greek minister met his Turkish counterpart in Ankara. "
        "He raised a report stating that Turkish jets had entered Greek airspace in 2009. "
        "Greece accused Turkey of provocations."
    )
    for event in _in_sentence(_events(coder, text), 2):
        assert event.date.value == "2020-01-13"


def test_carried_date_the_same_day_skips_a_date_of_a_plan(coder: Coder) -> None:
    text = (
        "On Friday, Hungary announced a ban on imports from Ukraine. "
        "The ban, which takes effect on March 30, covers all farm goods. "
        "Ukraine recalled its ambassador from Hungary later the same day."
    )
    for event in _in_sentence(_events(coder, text), 2):
        assert event.date.value == "2020-01-10"


def test_story_time_keeps_a_setting_clause_on_a_noun(coder: Coder) -> None:
    text = (
        "The leaders met in Lagos for a summit where on Sunday Ghana and Togo signed a pact. "
        "Ghana praised Togo for its support."
    )
    for event in _in_sentence(_events(coder, text), 1):
        assert event.date.value == "2020-01-12"


def test_carried_date_skips_a_year_in_a_name(coder: Coder) -> None:
    text = (
        "In 2018, Russia expelled two Polish diplomats. "
        "The diplomats had observed the 2012 presidential election in Moscow. "
        "Two days later, Poland expelled a Russian diplomat."
    )
    for event in _in_sentence(_events(coder, text), 2):
        assert event.date.value == "2018"


def test_story_time_a_flashback_ends_where_the_telling_returns_to_now(coder: Coder) -> None:
    text = (
        "Only once before has the Senate censured a minister: Greece censured Turkey in 2011. "
        "Censured ministers are barred from all committees. "
        "Turkey criticized Greece over the vote."
    )
    for event in _in_sentence(_events(coder, text), 2):
        assert event.date.source == "publication"


def test_story_time_goes_on_past_a_present_sentence_when_recent(coder: Coder) -> None:
    text = (
        "On Monday, Russian artillery shelled a village in eastern Ukraine. "
        "The village lies near the border. "
        "Ukraine condemned Russia for the shelling."
    )
    for event in _in_sentence(_events(coder, text), 2):
        assert event.date.value == "2020-01-13"


def test_resolve_a_finer_step_stays_inside_a_coarse_reference() -> None:
    year = whole(dt.date(2016, 6, 1), "year")
    month = whole(dt.date(2016, 6, 1), "month")
    cases = [
        (Anaphoric("day", 3), year, "2016"),  # "in 2016 ... three days later"
        (Anaphoric("day", -3), year, "2016"),  # "... three days earlier"
        (Anaphoric("day", 3), month, "2016-06"),  # "in June ... three days later"
        (Anaphoric("year", 1), year, "2017"),  # "the following year" still moves on
        (Anaphoric("month", 1), month, "2016-07"),
    ]
    for expr, reference, expected in cases:
        found = resolve(expr, _PUB, reference)
        assert found is not None and iso(found.start, found.precision) == expected


def test_event_date_a_possessive_year_dates_its_noun_not_the_act(nlp: Language) -> None:
    doc = nlp("The senator said yesterday she was backing the governor for this year's primary.")
    backing = next(t for t in doc if t.text == "backing")
    assert resolve_event_date(backing, _PUB).value == "2020-01-14"
