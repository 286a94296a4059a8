"""Wire news names a story's own officials by title alone ("Foreign Minister X said"): the
country their own verb acts on is the other side, not theirs, when the story is about
another country. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document

DAY = dt.date(1987, 5, 4)


def triples(coder: Coder, text: str) -> set[tuple[str, str, str | None]]:
    return {
        (e.source.code, e.code[:2], e.target.country if e.target else None)
        for e in coder.code(Document(id="t", text=text, date=DAY))
        if e.modality == "asserted"
    }


STORY = "Norway rejected the fishing claims of Denmark. Norway also recalled its envoy. "


def test_titled_officials_warned_country_is_not_the_officials(coder: Coder) -> None:
    text = STORY + "Foreign Undersecretary Lars Hovland warned Sweden not to send ships north."
    found = triples(coder, text)
    assert ("NORGOV", "13", "SWE") in found
    assert not any(source.startswith("SWE") for source, _c, _t in found)


def test_titled_officials_second_verb_object_is_not_the_officials(coder: Coder) -> None:
    text = STORY + "Foreign Minister Lars Hovland condemned the raid and asked Stockholm to pay."
    found = triples(coder, text)
    assert not any(source.startswith("SWE") for source, _c, _t in found)
    assert any(source == "NORGOV" for source, _c, _t in found)


def test_titled_officials_sentence_country_not_acted_on_still_places(coder: Coder) -> None:
    # the country names where the official spoke, not whom he acts on: it still places him
    text = "Talks opened on Monday. In Sweden, Foreign Minister Lars Hovland praised the plan."
    found = triples(coder, text)
    assert any(source == "SWEGOV" for source, _c, _t in found)


def test_titles_a_charge_d_affaires_is_a_diplomat(coder: Coder) -> None:
    text = "Chilean Charge d'Affaires Juan Soto condemned Peru's blockade."
    events = coder.code(Document(id="t", text=text))
    assert any(e.source.code == "CHLGOV" and e.code == "111" for e in events), events
