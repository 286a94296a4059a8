"""Story times are worked out per sentence when first asked, with the same results as
working out every sentence of the Doc."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from dyadwatch.coding.dates.event_date import _first_date, _sentence_date
from dyadwatch.coding.dates.narrative import _sentence_time, _story, story_date

PUB = dt.date(2023, 5, 17)
TEXT = (
    "On Wednesday the foreign ministers of both countries met in Cairo.\n\n"
    "They called on both sides to stop the fighting. The rebels rejected the call.\n\n"
    "The army shelled the town. Officials gave no figures."
)


def test_only_the_asked_sentences_are_worked_out(nlp: Language) -> None:
    doc = nlp(TEXT)
    last = next(t for t in doc if t.lower_ == "shelled")
    story_date(last, PUB, _sentence_date, _first_date)
    story = _story(doc, PUB, _sentence_date, _first_date)
    assert len(story._times) < len(story.sents)


def test_lazy_times_equal_the_times_of_every_sentence(nlp: Language) -> None:
    doc = nlp(TEXT)
    story = _story(doc, PUB, _sentence_date, _first_date)
    for i, sent in enumerate(reversed(story.sents)):
        index = len(story.sents) - 1 - i
        assert story.time(index) == _sentence_time(sent, PUB, _sentence_date, _first_date)
    called = next(t for t in doc if t.lower_ == "called")
    assert story_date(called, PUB, _sentence_date, _first_date) == story.time(0)
