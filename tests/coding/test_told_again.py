"""An act the lead tells and a later sentence tells again, on the same stated day, is one
event; acts with no stated day are not merged."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event


def _asserted(coder: Coder, text: str) -> list[Event]:
    document = Document(id="t", text=text, date=dt.date(2021, 3, 10))
    return [e for e in coder.code(document) if e.modality == "asserted"]


def _codes(events: list[Event], root: str) -> list[tuple[str, str, str | None, int]]:
    return [
        (e.source.code, e.code, e.target.code if e.target else None, e.sentence_index)
        for e in events
        if e.code.startswith(root)
    ]


def test_an_expulsion_told_twice_is_one_event(coder: Coder) -> None:
    text = (
        "On Monday, Peru expelled the Chilean ambassador. The move surprised observers. "
        "Peru expelled the ambassador on Monday over a spying row."
    )
    found = _codes(_asserted(coder, text), "16")
    assert [sentence for *_, sentence in found] == [0]


def test_shelling_told_twice_is_one_event(coder: Coder) -> None:
    text = (
        "On Monday, the Chilean army shelled rebel camps near Arica. Dozens fled the area. "
        "The army shelled the camps on Monday after a raid on a police post."
    )
    assert len(_codes(_asserted(coder, text), "19")) == 1


def test_acts_with_no_stated_day_stay_apart(coder: Coder) -> None:
    text = (
        "Peru expelled the Chilean ambassador. The move surprised observers. "
        "Peru expelled another Chilean ambassador over a spying row."
    )
    assert len(_codes(_asserted(coder, text), "16")) == 2


def test_acts_on_other_days_stay_apart(coder: Coder) -> None:
    text = (
        "On Monday, the Chilean army shelled rebel camps near Arica. Dozens fled the area. "
        "The army shelled the camps again on Tuesday."
    )
    assert len(_codes(_asserted(coder, text), "19")) == 2
