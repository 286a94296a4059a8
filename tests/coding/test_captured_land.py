"""Land features taken by force are occupied territory (192), not people arrested (173):
"captured the peninsula", "a valley seized by". Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def codes(coder: Coder, text: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (e.source.country, e.code, e.target.country if e.target else None)
        for e in coder.code(Document(id="t", text=text, date=dt.date(1987, 5, 4)))
        if e.modality == "asserted"
    }


def test_captured_land_peninsula_taken_is_occupation(coder: Coder) -> None:
    text = "Ships waited off Iraq's southern peninsula, captured by Iran last year."
    assert ("IRN", "192", "IRQ") in codes(coder, text)


def test_captured_land_seized_valley_is_occupation(coder: Coder) -> None:
    text = "Iranian troops seized the Iraqi valley in February."
    found = codes(coder, text)
    assert ("IRN", "192", "IRQ") in found
    assert not any(code == "173" for _s, code, _t in found)


def test_captured_land_captured_soldiers_stay_an_arrest(coder: Coder) -> None:
    text = "Iranian troops captured forty Iraqi soldiers in February."
    assert not any(code == "192" for _s, code, _t in codes(coder, text))
