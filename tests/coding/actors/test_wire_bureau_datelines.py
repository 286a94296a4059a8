"""A wire story filed from a bureau ("VIENNA - Norway's king said ..."): when the first
sentence's subject is a place of another country and the text never names a place of the
dateline's, the dateline places none of the story's actors. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document

DAY = dt.date(1987, 5, 4)
STORY = (
    "Norway's king warned fishermen against unrest, state radio said. "
    "Urging support for parliament and the navy, the king said unity was a duty."
)


def codes(coder: Coder, text: str, dateline: str) -> set[str]:
    document = Document(id="t", text=text, date=DAY, metadata={"dateline": dateline})
    return {e.target.code for e in coder.code(document) if e.target is not None}


def test_wire_bureau_dateline_places_no_actor(coder: Coder) -> None:
    found = codes(coder, STORY, "VIENNA, May 4")
    assert {"NORLEG", "NORMIL"} <= found
    assert not any(code.startswith("AUT") for code in found)


def test_wire_bureau_dateline_named_in_the_text_still_places(coder: Coder) -> None:
    # the story names a place of the dateline's country: it is where the story happens
    text = STORY.replace("state radio said", "state radio in Vienna said")
    found = codes(coder, text, "VIENNA, May 4")
    assert "AUTLEG" in found


def test_wire_bureau_dateline_of_the_subjects_country_places(coder: Coder) -> None:
    found = codes(coder, STORY, "OSLO, May 4")
    assert {"NORLEG", "NORMIL"} <= found


def test_wire_bureau_trade_ministry_acronym_is_japans(coder: Coder) -> None:
    # Reuters-era wires name Japan's trade ministry by its acronym alone
    document = Document(id="t", text="A MITI official criticised the Swedish tariffs.", date=DAY)
    found = {e.source.code for e in coder.code(document)}
    assert "JPNGOV" in found
