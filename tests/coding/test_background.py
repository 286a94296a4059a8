"""Background and empty acts (events/background.py): standing states in relative clauses,
asides with no target, partnerless meetings, and one coding per act of a sentence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from spacy.language import Language

from dyadwatch.coding.coder import Coder
from dyadwatch.coding.events.background import best_per_act, simple_present
from dyadwatch.model import Document, Event

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]


def test_a_standing_relation_in_a_relative_clause_is_no_event(asserted_dyads: Dyads) -> None:
    dyads = asserted_dyads("Ankara shelled a Kurdish militia that supports the Syrian rebels.")
    assert not any(root == "05" for _, root, _ in dyads)


def test_a_present_passive_relative_clause_is_no_event(asserted_dyads: Dyads) -> None:
    text = "Protesters marched against the mayor of Lyon, who is backed by the French government."
    assert ("FRA", "05", None) not in asserted_dyads(text)
    assert not any(src == "FRA" for src, _, _ in asserted_dyads(text))


def test_a_past_act_in_a_relative_clause_with_a_target_stays(asserted_dyads: Dyads) -> None:
    text = "Iran condemned the Israeli raid that killed three Syrian soldiers last week."
    assert ("ISR", "19", "SYR") in asserted_dyads(text) or any(
        src == "ISR" and root in {"18", "19"} for src, root, _ in asserted_dyads(text)
    )


def test_an_aside_without_target_in_a_relative_clause_is_dropped(asserted_dyads: Dyads) -> None:
    text = "The report, which was endorsed by the German government, blamed Russia for the hack."
    dyads = asserted_dyads(text)
    assert not any(src == "DEU" and target is None for src, _, target in dyads)


def test_a_meeting_without_a_partner_is_no_event(asserted_dyads: Dyads) -> None:
    dyads = asserted_dyads("Finnish ministers met in Helsinki on Tuesday.")
    assert not any(root == "04" for _, root, _ in dyads)


def test_a_meeting_with_a_partner_stays(asserted_dyads: Dyads) -> None:
    dyads = asserted_dyads("The Finnish prime minister met the Swedish prime minister on Tuesday.")
    assert any(root == "04" and target == "SWE" for _, root, target in dyads)


def test_one_disapproval_per_act_of_a_sentence(asserted: Callable[[str], list[Event]]) -> None:
    events = asserted(
        "The Peruvian president spoke out against the decision, calling it a grave mistake."
    )
    disapprovals = [e for e in events if e.source.country == "PER" and e.root_code == "11"]
    assert len(disapprovals) <= 1


@dataclass(frozen=True)
class Item:
    key: str
    target: str | None
    score: float


def _best(items: list[Item]) -> list[Item]:
    return best_per_act(items, lambda i: i.key, lambda i: i.target, lambda i: i.score)


def test_best_per_act_drops_a_targetless_copy_of_a_targeted_act() -> None:
    items = [Item("a", None, 0.9), Item("a", "X", 0.4), Item("b", None, 0.3)]
    assert _best(items) == [Item("a", "X", 0.4), Item("b", None, 0.3)]


def test_best_per_act_keeps_one_item_per_target() -> None:
    items = [Item("a", "X", 0.2), Item("a", "Y", 0.5), Item("a", "X", 0.7)]
    assert _best(items) == [Item("a", "Y", 0.5), Item("a", "X", 0.7)]


def test_best_per_act_keeps_the_best_targetless_item() -> None:
    items = [Item("a", None, 0.2), Item("a", None, 0.6)]
    assert _best(items) == [Item("a", None, 0.6)]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The group that funds the rebels.", "funds", True),
        ("The leader, who is praised by many.", "praised", True),
        ("The group that funded the rebels.", "funded", False),
        ("The leader, who has been praised by many.", "praised", False),
        ("The group that is funding the rebels.", "funding", False),
    ],
)
def test_simple_present(nlp: Language, text: str, word: str, expected: bool) -> None:
    token = next(t for t in nlp(text) if t.text == word)
    assert simple_present(token) is expected


def test_a_relative_clause_act_with_a_target_from_the_record_stays(asserted_dyads: Dyads) -> None:
    # a protest naming no one is aimed at the protesters' own country (coding/records.py):
    # with that target it is no aside
    text = "The Peruvian opposition, which protested on Monday, criticised the Peruvian army."
    assert ("PER", "14", "PER") in asserted_dyads(text)


def test_an_event_noun_without_target_is_only_a_reference(asserted_dyads: Dyads) -> None:
    text = "The decree was adopted despite criticism by the Hungarian foreign minister."
    assert not any(src == "HUN" and target is None for src, _, target in asserted_dyads(text))


def test_an_event_noun_with_a_target_stays(asserted_dyads: Dyads) -> None:
    text = "The decree was adopted despite Hungarian criticism of Romania."
    dyads = asserted_dyads(text)
    assert ("HUN", "11", "ROU") in dyads


def test_a_relative_clause_dated_years_back_is_history(coder: Coder) -> None:
    text = "Armenia, which attacked Azerbaijan in 2016, signed a ceasefire on Monday."
    events = coder.code(Document(id="t", text=text, date=dt.date(2022, 5, 2)))
    assert not [e for e in events if e.root_code in {"18", "19"}]


def test_a_relative_clause_dated_this_year_stays(coder: Coder) -> None:
    text = "Armenia, which attacked Azerbaijan in January, signed a ceasefire on Monday."
    events = coder.code(Document(id="t", text=text, date=dt.date(2022, 5, 2)))
    assert [e for e in events if e.root_code in {"18", "19"} and e.target]


@pytest.mark.parametrize(
    "text",
    [
        "The OSCE charter prohibits interference in the affairs of member states.",
        "Chile's constitution requires the president to consult the senate.",
    ],
)
def test_a_provision_of_a_document_is_no_event(asserted_dyads: Dyads, text: str) -> None:
    assert not asserted_dyads(text)


def test_a_document_adopted_in_the_past_is_still_an_act(asserted_dyads: Dyads) -> None:
    # the past tense reports what was done, not what a document says
    dyads = asserted_dyads("The Kenyan parliament banned imports from Uganda.")
    assert any(root in {"16", "17"} for _, root, _ in dyads)
