"""A third-person pronoun inside a quotation ("it", "they") is not the speaker outside it
(events/arguments.py, speaker_mentions): the speaker would say "we"."""

from __future__ import annotations

from collections.abc import Callable

Dyad = tuple[str | None, str, str | None]
Dyads = Callable[[str], set[Dyad]]


def test_they_in_a_quote_is_not_the_speaker(asserted_dyads: Dyads) -> None:
    found = asserted_dyads('The Malian president said, "They will attack Niger soon."')
    assert not any(src == "MLI" for src, _, _ in found), found


def test_it_in_a_quote_is_not_the_speaker(asserted_dyads: Dyads) -> None:
    text = 'The Chilean envoy added, "Above all, it cuts trade because the ports are closed."'
    found = asserted_dyads(text)
    assert not any(src == "CHL" and root == "16" for src, root, _ in found), found


def test_we_in_a_quote_is_the_speaker(asserted_dyads: Dyads) -> None:
    found = asserted_dyads('The Malian president said, "We will cut trade with Niger."')
    assert any(src == "MLI" and target == "NER" for src, _, target in found), found


def test_it_outside_a_quote_is_the_speaking_body(asserted_dyads: Dyads) -> None:
    found = asserted_dyads("The Malian ministry said it would cut trade with Niger.")
    assert any(src == "MLI" and target == "NER" for src, _, target in found), found
