"""An undated past act takes the time of the story told before it (dates/narrative.py)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.dates.event_date import _first_date
from dyadwatch.coding.dates.grammar import find_mentions
from dyadwatch.coding.dates.narrative import doc_text
from dyadwatch.coding.dates.resolve import resolve
from dyadwatch.model import Document, Event

_PUB = dt.date(2020, 1, 15)  # a Wednesday; Monday is 2020-01-13, Tuesday 2020-01-14


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="story", text=text, date=_PUB))


def _in_sentence(events: list[Event], index: int) -> list[Event]:
    found = [e for e in events if e.sentence_index == index]
    assert found, f"no event in sentence {index}: {[(e.sentence_index, e.code) for e in events]}"
    return found


def test_undated_sentence_goes_on_with_the_previous_one(coder: Coder) -> None:
    text = (
        "On Monday, Russian artillery shelled a village in eastern Ukraine. "
        "The Ukrainian government condemned Russia for the shelling."
    )
    for event in _in_sentence(_events(coder, text), 1):
        assert (event.date.value, event.date.source) == ("2020-01-13", "context")


def test_new_paragraph_goes_on_with_the_lead(coder: Coder) -> None:
    text = (
        "Yesterday, Egypt accused Ethiopia of filling the dam without a deal.\n\n"
        "The dam sits on the Blue Nile near the border.\n\n"
        "Sudan criticized Ethiopia over the filling as well."
    )
    events = _events(coder, text)
    assert all(e.date.value == "2020-01-14" for e in _in_sentence(events, 2))


def test_present_and_future_acts_keep_the_publication_date(coder: Coder) -> None:
    text = (
        "On Monday, Russian artillery shelled a village in eastern Ukraine. "
        "Ukraine will ask Russia for compensation."
    )
    for event in [e for e in _events(coder, text) if e.sentence_index == 1]:
        assert event.date.source == "publication"


def test_pluperfect_and_previously_are_not_carried(coder: Coder) -> None:
    text = (
        "On Monday, Russian artillery shelled a village in eastern Ukraine. "
        "Ukraine had accused Russia of the same crime. "
        "Poland previously condemned Russia over the border."
    )
    later = [e for e in _events(coder, text) if e.sentence_index > 0]
    assert later and all(e.date.value != "2020-01-13" for e in later)


def test_a_calendar_date_on_a_noun_does_not_set_the_story_time(coder: Coder) -> None:
    text = (
        "On Tuesday, the ministers of Greece and Egypt met in Athens. "
        "They rejected the November 5 accord between Turkey and Libya. "
        "They criticized Turkey for the accord."
    )
    for event in _in_sentence(_events(coder, text), 2):
        assert event.date.value == "2020-01-14"


def test_a_date_elsewhere_in_the_sentence_dates_an_undated_past_act(coder: Coder) -> None:
    text = "Shortly before the airliner crashed on Monday, Iran fired missiles at US bases in Iraq."
    fired = [e for e in _events(coder, text) if e.code.startswith("19")]
    assert fired and all(e.date.value == "2020-01-13" for e in fired)


def test_present_tense_of_a_quotation_is_the_time_of_its_saying(coder: Coder) -> None:
    text = (
        "On Monday, Iraq's parliament voted to expel foreign troops. "
        '"We urge Iraq to reconsider," a US spokesperson said.'
    )
    for event in _in_sentence(_events(coder, text), 1):
        assert event.date.value == "2020-01-13"


def test_earlier_or_later_in_the_month() -> None:
    (mention,) = find_mentions("The bloc imposed sanctions earlier in the month.")
    period = resolve(mention.expr, _PUB, None)
    assert period is not None and (period.start, period.precision) == (
        dt.date(2020, 1, 1),
        "month",
    )
    (later,) = find_mentions("Later in the week the envoys returned.")
    assert resolve(later.expr, _PUB, None) is not None


def test_today_in_a_quotation_is_the_day_it_was_said(coder: Coder) -> None:
    text = (
        "On Monday, Iran's foreign minister spoke to reporters in Tehran. "
        '"Today we condemn the United States for the strike on our general," he said.'
    )
    condemned = [e for e in _events(coder, text) if e.sentence_index == 1]
    assert condemned and all(e.date.value == "2020-01-13" for e in condemned)


def test_today_outside_a_quotation_is_the_publication_day(coder: Coder) -> None:
    text = (
        "On Monday, Iran's foreign minister spoke to reporters in Tehran. "
        "Today Iran condemned the United States for the strike on its general."
    )
    condemned = [e for e in _events(coder, text) if e.sentence_index == 1]
    assert condemned and all(e.date.value == "2020-01-15" for e in condemned)


def test_a_year_inside_a_noun_phrase_is_not_the_time_of_the_sentence(nlp: Language) -> None:
    text = "Officials released a report showing growth in the third quarter of 2018."
    sent = next(nlp(text).sents)
    assert _first_date(sent, _PUB) is None
    dated = next(nlp("Officials released a report in 2018.").sents)
    found = _first_date(dated, _PUB)
    assert found is not None and found.value == "2018"


def test_days_later_counts_from_the_last_dated_sentence_before(coder: Coder) -> None:
    text = (
        "On Friday, Russian artillery shelled a village in eastern Ukraine. "
        "Ukraine condemned Russia for the shelling. "
        "Two days later, Ukraine expelled the Russian ambassador."
    )
    expelled = _in_sentence(_events(coder, text), 2)
    assert all(e.date.value == "2020-01-12" for e in expelled)


def test_the_doc_text_is_joined_once_per_doc(nlp: Language) -> None:
    doc = nlp.make_doc("Egypt met Sudan.\n\nThey talked.")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first  # quotation and paragraph checks ask for it per event


def test_asserted_act_of_a_purpose_infinitive_takes_its_head_time(coder: Coder) -> None:
    text = (
        "On Monday, farmers drove their tractors into the capital of Belgium. "
        "Thousands of them gathered outside the parliament in Brussels to protest."
    )
    protests = [e for e in _in_sentence(_events(coder, text), 1) if e.root_code == "14"]
    assert protests, "the gathering to protest is a protest"
    assert all(e.date.value == "2020-01-13" for e in protests)


def test_a_planned_infinitive_still_keeps_the_publication_date(coder: Coder) -> None:
    text = (
        "On Monday, Russian artillery shelled a village in eastern Ukraine. "
        "Ukraine's foreign minister is scheduled to meet the Russian envoy."
    )
    for event in [e for e in _events(coder, text) if e.sentence_index == 1]:
        assert event.date.source == "publication"
