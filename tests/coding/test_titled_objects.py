"""A verb whose pattern names the kind of object ("sack +minister|premier|...") matches a
named object by its title: "sacked Prime Minister X" is the sacking of a minister.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def codes(coder: Coder, text: str) -> set[tuple[str, str, str | None]]:
    return {
        (e.source.code, e.code, e.target.code if e.target else None)
        for e in coder.code(Document(id="t", text=text, date=dt.date(1987, 6, 2)))
        if e.modality == "asserted"
    }


def test_titled_objects_sacked_named_minister(coder: Coder) -> None:
    text = "The Danish parliament sacked Prime Minister Jens Holm and President Ole Dahl."
    assert ("DNKLEG", "172", "DNKGOV") in codes(coder, text)


def test_titled_objects_untitled_name_is_not_matched(coder: Coder) -> None:
    text = "The Danish parliament sacked Jens Holm."
    assert not any(code == "172" for _s, code, _t in codes(coder, text))


def test_titled_objects_hyphened_description_is_not_a_title(coder: Coder) -> None:
    # the coup is coded from its noun; "removed then-prime-minister X" adds no second act
    text = "A military coup removed then-prime-minister Jens Holm in 2006."
    assert not any(code == "172" for _s, code, _t in codes(coder, text))
