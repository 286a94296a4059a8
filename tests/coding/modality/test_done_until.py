"""A past act negated only up to a time ("did not X until July") was done then
(coding/modality/classify.py)."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def _events(coder: Coder, text: str) -> list[tuple[str, str, str]]:
    doc = Document(id="u1", text=text, date=dt.date(2020, 1, 15))
    return [(e.source.code, e.code, e.modality) for e in coder.code(doc)]


def test_done_until_past_act_asserted(coder: Coder) -> None:
    found = _events(coder, "The Fijian army did not withdraw from the town until March.")
    assert ("FJIMIL", "0874", "asserted") in found, found


def test_done_until_plain_negation_stays_negated(coder: Coder) -> None:
    found = _events(coder, "The Fijian army did not withdraw from the town.")
    assert found and all(m == "negated" for _, _, m in found), found
