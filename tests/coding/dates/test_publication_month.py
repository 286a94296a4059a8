"""An event nothing in the text dates takes the publication month, not the publication day
(issue 9: the event's own date). Text and story dates keep their day."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event

_PUB = dt.date(2022, 3, 16)  # a Wednesday; Monday is 2022-03-14


def _events(coder: Coder, text: str) -> list[Event]:
    return coder.code(Document(id="month", text=text, date=_PUB))


def test_publication_month_for_an_undated_present_act(coder: Coder) -> None:
    events = _events(coder, "Farmers are protesting against the government in the capital.")
    assert events
    for event in events:
        assert (event.date.value, event.date.precision, event.date.source) == (
            "2022-03",
            "month",
            "publication",
        )


def test_publication_month_for_an_act_marked_as_earlier(coder: Coder) -> None:
    text = (
        "On Monday, Chilean police arrested twelve miners in Santiago. "
        "Peru had earlier condemned Chile over the border dispute."
    )
    later = [e for e in _events(coder, text) if e.sentence_index == 1]
    assert later
    assert all((e.date.value, e.date.precision) == ("2022-03", "month") for e in later)


def test_publication_month_leaves_text_and_story_days_alone(coder: Coder) -> None:
    text = (
        "On Monday, Chilean police arrested twelve miners in Santiago. "
        "Bolivia criticized Chile for the arrests."
    )
    events = _events(coder, text)
    assert {(e.sentence_index, e.date.value, e.date.source) for e in events} >= {
        (0, "2022-03-14", "text"),
        (1, "2022-03-14", "context"),
    }
