"""Aid counted in doses or shipments (coding/events/mentions.py ``PARTITIVES``) and sentences
whose only actor is a crowd a protest noun implies (coding/events/coreference.py, the
prefilter's actor check)."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def test_counted_aid_doses_are_the_aid(
    asserted_triples: Callable[[str], set[tuple[str | None, str, str | None]]],
) -> None:
    found = asserted_triples("UNICEF delivered 40,000 doses of vaccine to Fiji on Monday.")
    assert any(c == "073" and t == "FJI" for _, c, t in found), found


def test_counted_aid_protest_noun_kept_by_the_prefilter(prefiltered: Coder) -> None:
    text = "On Monday in Fiji, the cabinet approved a fuel tax. The tax has sparked protests."
    events = [e for e in prefiltered.code(Document(id="t", text=text)) if e.modality == "asserted"]
    assert any(e.code.startswith("14") and e.source.country == "FJI" for e in events), events
