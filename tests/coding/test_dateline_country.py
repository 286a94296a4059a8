"""The dateline ("NAIROBI, May 2 -") places a story's otherwise unplaced officials, as a weak
cue: after the agent's own phrase and its sentence, before the document's country counts."""

from __future__ import annotations

import pytest

from dyadwatch.coding.actors.dateline import dateline_country, document_dateline
from dyadwatch.coding.coder import Coder
from dyadwatch.dictionaries.gazetteer import Gazetteer
from dyadwatch.model import Document, Event


def coded(coder: Coder, text: str, dateline: str | None = None) -> list[Event]:
    metadata = {"dateline": dateline} if dateline else {}
    events = coder.code(Document(id="d", text=text, metadata=metadata))
    return [e for e in events if e.modality == "asserted"]


@pytest.mark.parametrize(
    ("text", "metadata", "expected"),
    [
        ("Prices rose.", {"dateline": "NAIROBI, May 2 -"}, "NAIROBI, May 2 -"),
        ("ACCRA, June 4 - Prices rose.", {}, "ACCRA, June 4 -"),
        ("LIMA (Reuters) - Prices rose.", {}, "LIMA (Reuters) -"),
        ("Nairobi, Kenya — Prices rose.", {}, "Nairobi, Kenya"),
        ("Prices rose - and fell.", {}, None),
        ("Mary Okafor - a trader - said prices rose.", {}, None),
    ],
)
def test_the_dateline_is_a_field_or_the_opening(
    text: str, metadata: dict[str, str], expected: str | None
) -> None:
    assert document_dateline(Document(id="d", text=text, metadata=metadata)) == expected


@pytest.mark.parametrize(
    ("dateline", "country"),
    [
        ("NAIROBI, May 2 -", "KEN"),
        ("MOMBASA, Kenya, May 2 -", "KEN"),
        ("Accra (Reuters) -", "GHA"),
        ("NOWHEREVILLE, May 2 -", None),
    ],
)
def test_the_dateline_names_a_country(dateline: str, country: str | None) -> None:
    assert dateline_country(dateline, Gazetteer.default()) == country


STORY = "The finance minister will travel to Moscow next week. The minister criticised the banks."


def test_the_dateline_places_a_bare_official(coder: Coder) -> None:
    sources = {e.source.code for e in coded(coder, STORY, "CAIRO, May 2 -")}
    assert sources == {"EGYGOV"}


def test_a_dateline_in_the_text_counts(coder: Coder) -> None:
    text = "MOMBASA, May 2 - The governor met traders. Officials accused the opposition of fraud."
    assert {e.source.country for e in coded(coder, text)} == {"KEN"}


def test_the_sentence_wins_over_the_dateline(coder: Coder) -> None:
    events = coded(coder, "Officials in Peru accused the opposition of fraud.", "NAIROBI, May 2 -")
    assert [e.source.code for e in events] == ["PERGOV"]


def test_a_new_named_head_is_the_datelines_not_another_heads(coder: Coder) -> None:
    text = (
        "Austrian Chancellor Lena Gruber arrived on Monday. "
        "Chancellor Tomas Ribeiro thanked her for the visit."
    )
    events = [e for e in coded(coder, text, "LISBON, May 2 -") if "Ribeiro" in e.source.name]
    assert [e.source.country for e in events] == ["PRT"]


def test_a_new_named_official_of_a_mixed_story_stays_unplaced(coder: Coder) -> None:
    text = (
        "Kenya hosted talks with Uganda, Tanzania, Rwanda and Burundi. Ethiopia and Somalia "
        "sent observers. Minister Ana Ruiz praised the talks."
    )
    events = [e for e in coded(coder, text) if "Ruiz" in e.source.name]
    assert events
    assert {e.source.country for e in events} == {None}


def test_a_named_officials_own_earlier_country_wins_over_the_sentence(coder: Coder) -> None:
    text = (
        "Moldovan President Ana Ruiz flew in on Sunday. "
        "While visiting Brazil, President Ruiz criticised the journalists."
    )
    events = [e for e in coded(coder, text) if "Ruiz" in e.source.name]
    assert events
    assert {e.source.country for e in events} == {"MDA"}


def test_a_dateline_from_an_international_seat_places_nobody(coder: Coder) -> None:
    # the dictionary reads Brussels as the EU: its ministers are not Belgium's
    events = coded(coder, STORY, "BRUSSELS, May 2 -")
    assert events
    assert "BEL" not in {e.source.country for e in events}
