"""The press a speaker talks to is the audience, not a party ("told reporters", "talking to
journalists", "in an interview with a news agency"). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document

DAY = dt.date(1987, 5, 4)
STORY = "Norway rejected the fishing claims of Denmark. "


def events(coder: Coder, text: str) -> list[tuple[str, str, str | None]]:
    return [
        (e.source.code, e.code, e.target.code if e.target else None)
        for e in coder.code(Document(id="t", text=STORY + text, date=DAY))
        if e.modality == "asserted"
    ]


def test_press_audience_talking_to_reporters_is_no_consultation(coder: Coder) -> None:
    found = events(coder, "Talking to reporters, the Norwegian minister said the claims were weak.")
    assert not any(c.startswith("04") for _s, c, _t in found)


def test_press_audience_met_the_press_is_no_meeting(coder: Coder) -> None:
    found = events(coder, "The Norwegian prime minister will meet the press on Friday.")
    assert not any(t and t.endswith("MED") for _s, _c, t in found)


def test_press_audience_arrested_journalists_stay_targets(coder: Coder) -> None:
    found = events(coder, "Norwegian police arrested two journalists in Oslo.")
    assert any(t and t.endswith("MED") for _s, _c, t in found)
