"""What an accusation, a prevention or a pending condition says did not happen or is only
alleged (modality/rules.py, dictionaries/data/modality_cues.tsv)."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def modality(coder: Coder, text: str, root: str) -> set[str]:
    events = coder.code(Document(id="t", text=text))
    return {e.modality for e in events if e.code.startswith(root)}


def test_an_act_someone_is_accused_of_is_alleged(coder: Coder) -> None:
    text = "Human Rights Watch accused Belarus of violating the rights of prisoners."
    assert modality(coder, text, "112") == {"asserted"}
    assert "asserted" not in modality(coder, text, "12")


def test_a_passive_accusation_takes_the_agent_hung_on_the_gerund(coder: Coder) -> None:
    events = coder.code(
        Document(id="t", text="The mayor was accused of stealing relief money by Kenyan police.")
    )
    accusers = {e.source.country for e in events if e.code == "112"}
    assert accusers == {"KEN"}


def test_an_event_noun_a_verb_prevented_did_not_take_place(coder: Coder) -> None:
    text = "Riot police prevented the march organised by farmers in Lima."
    assert "asserted" not in modality(coder, text, "14")


@pytest.mark.parametrize(
    "text",
    [
        "The militia demanded a ceasefire before letting aid convoys into Aleppo.",
        "The militia demanded a ceasefire before allowing aid convoys into Aleppo.",
    ],
)
def test_what_a_demand_makes_wait_is_not_done(coder: Coder, text: str) -> None:
    assert "asserted" not in modality(coder, text, "08")


def test_a_present_tense_until_clause_is_a_pending_condition(coder: Coder) -> None:
    text = "Rebels refused to talk until Colombia releases all prisoners."
    assert "asserted" not in modality(coder, text, "08")


@pytest.mark.parametrize(
    ("text", "asserted"),
    [
        ("The army denied reports that its soldiers shelled the village.", False),
        ("Kyiv demanded an admission that Russian troops had shelled the plant.", False),
        ("The army confirmed reports that its soldiers shelled the village.", True),
    ],
)
def test_the_content_of_a_denied_or_demanded_statement_is_not_asserted(
    coder: Coder, text: str, asserted: bool
) -> None:
    assert ("asserted" in modality(coder, text, "19")) is asserted
