"""Dates of reported, stated and described acts, and "last <weekday>" (issue 9).

A pluperfect or present-perfect act told by a past report happened by the day of the report;
the statement of a future act (an intent, a threat) happened when it was said; a relative
clause about a thing does not set the time of its sentence; a "since" clause starts the span
of its event; "last Monday" is the Monday of the week before.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Token

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.dates.event_date import resolve_event_date
from dyadwatch.coding.dates.expressions import Weekday
from dyadwatch.coding.dates.resolve import resolve
from dyadwatch.model import Document, Event

_PUB = dt.date(2020, 1, 17)  # a Friday; Monday of its week is 2020-01-13


def _word(nlp: Language, text: str, spelled: str) -> Token:
    return next(t for t in nlp(text) if t.text == spelled)


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="reports", text=text, date=_PUB))


def _sentence(events: list[Event], index: int) -> list[Event]:
    found = [e for e in events if e.sentence_index == index]
    assert found, f"no event in sentence {index}: {[(e.sentence_index, e.code) for e in events]}"
    return found


def test_last_weekday_is_that_day_of_the_week_before() -> None:
    # a Friday story: "on Thursday" is the day before, "last Thursday" eight days before
    thursday = resolve(Weekday(3, "last"), _PUB, None)
    assert thursday is not None and thursday.start == dt.date(2020, 1, 9)
    monday = resolve(Weekday(0, "last"), dt.date(2020, 1, 13), None)  # told on a Monday
    assert monday is not None and monday.start == dt.date(2020, 1, 6)
    plain = resolve(Weekday(3, "bare"), _PUB, None)
    assert plain is not None and plain.start == dt.date(2020, 1, 16)


def test_pluperfect_act_of_a_dated_report_takes_the_report_day(nlp: Language) -> None:
    text = "On Tuesday, the militia announced that it had signed a truce with the army."
    date = resolve_event_date(_word(nlp, text, "signed"), _PUB)
    assert (date.value, date.source) == ("2020-01-14", "text")


def test_pluperfect_act_of_an_undated_report_takes_the_story_time(coder: Coder) -> None:
    text = (
        "On Tuesday, Houthi rebels fired missiles at a Saudi airport. "
        "A Houthi spokesman said the rebels had attacked Saudi Arabia."
    )
    attacks = [e for e in _sentence(_events(coder, text), 1) if e.root_code in ("18", "19")]
    assert attacks and all(e.date.value == "2020-01-14" for e in attacks)


def test_perfect_act_told_by_a_past_report_takes_the_story_time(coder: Coder) -> None:
    text = (
        "On Tuesday, Canada expelled two Iranian diplomats from Ottawa. "
        "The Canadian foreign ministry has suspended the visas of Iranian officials, aides said."
    )
    for event in _sentence(_events(coder, text), 1):
        assert event.date.value == "2020-01-14"


def test_quotation_going_on_from_a_past_saying_takes_its_time(coder: Coder) -> None:
    text = (
        'The Greek minister said on Tuesday, "Our navy stays in the Aegean. '
        'Turkey is threatening Greece with its drilling ships."'
    )
    for event in _sentence(_events(coder, text), 1):
        assert event.date.value == "2020-01-14"


def test_statement_of_a_future_act_is_dated_by_the_saying(nlp: Language) -> None:
    text = "On Tuesday the prime minister said he would resign on Friday."
    verb = _word(nlp, text, "resign")
    stated = resolve_event_date(verb, _PUB, stated=True)
    assert (stated.value, stated.source) == ("2020-01-14", "text")
    assert resolve_event_date(verb, _PUB).value == "2020-01-17"  # the resignation itself


def test_since_clause_starts_the_span_of_its_event(nlp: Language) -> None:
    text = "Hundreds of students have been detained since the unrest began in November."
    date = resolve_event_date(_word(nlp, text, "detained"), _PUB)
    assert (date.value, date.precision, date.end) == ("2019-11", "month", "2020-01-17")


def test_a_relative_clause_about_a_thing_does_not_time_the_sentence(coder: Coder) -> None:
    text = (
        "On Tuesday, Israeli jets struck a depot near Damascus. "
        "Syria condemned Israel over the depot, which was built in 1998."
    )
    for event in _sentence(_events(coder, text), 1):
        assert event.date.value == "2020-01-14"
    # a setting ("a summit where on Tuesday they signed") still times the story
    text = (
        "The presidents met at a summit in Accra where on Tuesday they signed a trade pact. "
        "Syria condemned Israel over the pact."
    )
    for event in _sentence(_events(coder, text), 1):
        assert event.date.value == "2020-01-14"


def test_statement_of_a_future_act_takes_the_story_time(coder: Coder) -> None:
    text = (
        "On Tuesday, Israeli jets struck a depot near Damascus. "
        "The Syrian president said he would retaliate against Israel."
    )
    threats = [e for e in _sentence(_events(coder, text), 1) if e.root_code == "13"]
    assert threats and all(e.date.value == "2020-01-14" for e in threats)


def test_day_without_year_goes_on_in_the_year_just_told(nlp: Language) -> None:
    text = (
        "Rebels seized the airport on November 20, 2014. "
        "They freed the pilots on December 2 and left the town on February 9."
    )
    doc = nlp(text)
    freed = next(t for t in doc if t.text == "freed")
    left = next(t for t in doc if t.text == "left")
    assert resolve_event_date(freed, _PUB).value == "2014-12-02"
    assert resolve_event_date(left, _PUB).value == "2015-02-09"
    # a new paragraph is the story's own time again
    later = nlp(
        "Rebels seized the airport on November 20, 2014.\n\nThey freed a pilot on January 9."
    )
    pilot = next(t for t in later if t.text == "freed")
    assert resolve_event_date(pilot, _PUB).value == "2020-01-09"
