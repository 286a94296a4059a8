"""An unplaced official whom another actor of the sentence acts on ("Canadian negotiators
criticised ministry officials"): that actor's country is the other side's, so it never
places the official, neither as the sentence's only country nor as the context's latest
pair. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document

DAY = dt.date(1987, 5, 4)


def targets(coder: Coder, text: str, dateline: str | None = None) -> set[str]:
    meta = {"dateline": dateline} if dateline else {}
    document = Document(id="t", text=text, date=DAY, metadata=meta)
    return {e.target.code for e in coder.code(document) if e.target is not None}


def test_countries_other_side_does_not_place_the_official_it_acts_on(coder: Coder) -> None:
    text = "Exports of cars rose in March. Canadian negotiators criticised ministry officials."
    found = targets(coder, text, "TOKYO, May 4")
    assert "JPNGOV" in found
    assert "CANGOV" not in found


def test_countries_other_side_does_not_place_the_spokesman_it_answers(coder: Coder) -> None:
    text = "Grain sales slowed. Argentine traders accused a trade ministry spokesman of delays."
    found = targets(coder, text, "PARIS, May 4")
    assert "FRAGOV" in found
    assert "ARGGOV" not in found


def test_countries_own_country_still_places_the_official_it_acts_on(coder: Coder) -> None:
    # a country of the same sentence that is not the acting side still places the official
    text = "Exports fell. Union leaders criticised Canadian ministry officials."
    assert "CANGOV" in targets(coder, text, "TOKYO, May 4")


def test_countries_story_own_side_still_places_the_body_it_acts_on(coder: Coder) -> None:
    # the acting side is the story's own country: its government is its own
    text = "Kenyan farmers marched on Monday. Kenyan unions gave the government a deadline."
    assert "KENGOV" in targets(coder, text)


def test_countries_same_word_acting_is_the_same_body(coder: Coder) -> None:
    # "the government" named again by the acting chain is that government, not the other side
    text = "Exports fell. The Chilean government seized a bank accused by the government of fraud."
    assert "CHLGOV" in {e.source.code for e in coder.code(Document(id="t", text=text, date=DAY))}


def test_countries_dateline_side_still_places_the_body_it_acts_on(coder: Coder) -> None:
    text = "Maize prices rose. Kenyan unions gave the ministry a deadline."
    assert "KENGOV" in targets(coder, text, "NAIROBI, May 4")
