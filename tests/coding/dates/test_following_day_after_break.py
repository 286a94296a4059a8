"""A paragraph that opens with "the following day" (or "two days later") and has no dated
sentence within reach counts from the time of the lead, not from nothing."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event

_PUB = dt.date(2022, 3, 18)  # a Friday; Tuesday is 2022-03-15


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="next", text=text, date=_PUB))


_LEAD = (
    "On Tuesday, the foreign ministers of Chile and Peru met in Lima to discuss the border "
    "dispute between the two countries.\n\n"
    "The talks lasted several hours.\n\n"
)


def test_following_day_after_a_paragraph_break_counts_from_the_lead(coder: Coder) -> None:
    text = _LEAD + "In a statement issued the following day, Bolivia criticized Chile."
    late = [e for e in _events(coder, text) if e.sentence_index == 2]
    assert late
    assert all(e.date.value == "2022-03-16" for e in late)


def test_days_later_after_a_paragraph_break_counts_from_the_lead(coder: Coder) -> None:
    text = _LEAD + "Two days later, Bolivia accused Chile of spying."
    late = [e for e in _events(coder, text) if e.sentence_index == 2]
    assert late
    assert all(e.date.value == "2022-03-17" for e in late)


def test_following_day_in_the_lead_itself_is_not_guessed(coder: Coder) -> None:
    text = "The following day, Bolivia criticized Chile over the border."
    for event in _events(coder, text):
        assert event.date.value != "2022-03-19"  # nothing to count from
