"""A future act stated now is a promise or threat only when its actor states it
(coding/records.py): forecast by another actor, it is only a future act."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document


def modalities(coder: Coder, text: str, source: str) -> set[str]:
    events = coder.code(Document(id="t", text=text))
    return {e.modality for e in events if e.source.country == source and e.root_code != "01"}


@pytest.mark.parametrize(
    "text",
    [
        "Turkey said it will send troops to Libya.",
        "Turkey will send troops to Libya, the Turkish defence minister said.",
        "Turkey will send troops to Libya.",
    ],
)
def test_a_future_act_its_actor_states_is_asserted(coder: Coder, text: str) -> None:
    assert modalities(coder, text, "TUR") == {"asserted"}


@pytest.mark.parametrize(
    "text",
    [
        "Turkey will send troops to Libya, a Greek official said.",
        "The Egyptian foreign ministry said Turkey will send troops to Libya.",
    ],
)
def test_a_future_act_another_actor_forecasts_is_not_asserted(coder: Coder, text: str) -> None:
    assert modalities(coder, text, "TUR") == {"future"}
