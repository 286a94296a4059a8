"""A "both" standing alone as a subject is the plural subject named just before, like
"they". Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from dyadwatch.model import Event


def test_both_standing_alone_is_the_plural_subject_before(
    asserted: Callable[[str], list[Event]],
) -> None:
    text = (
        "Two Kenyan police officers were convicted of bribery on Monday. "
        "Both received five-year prison terms."
    )
    found = [e for e in asserted(text) if e.sentence_index == 1 and e.code == "173"]
    assert found and found[0].target is not None
    assert (found[0].target.country, found[0].target.sector) == ("KEN", "COP")
