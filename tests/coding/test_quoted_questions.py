"""A yes-no question a sentence quotes is no asserted act (modality/classify.py): '"Is Peru
ready to supply the wheat?" he said' asks, it does not promise."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dyadwatch.model import Event


@pytest.mark.parametrize(
    "text",
    [
        '"Is Peru ready to supply the wheat?" he said.',
        '"Is Norway ready to supply the gas?" he said.',
    ],
)
def test_quoted_questions_are_not_asserted(
    asserted: Callable[[str], list[Event]], text: str
) -> None:
    assert not any(e.code.startswith("03") for e in asserted(text))


def test_quoted_questions_a_quoted_statement_stays(
    asserted: Callable[[str], list[Event]],
) -> None:
    assert any(
        e.code.startswith("03") for e in asserted('"Peru is ready to supply the wheat," he said.')
    )
