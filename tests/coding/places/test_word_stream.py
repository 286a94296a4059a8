"""The place finder reads a sentence as a stream of folded words from the Doc's token texts."""

from __future__ import annotations

from dyadwatch.coding.places.toponyms import _stream


def test_words_and_an_other_script_alias_group() -> None:
    texts = ["Fighting", "in", "Kyiv", "(", "Київ", ")", "went", "on", "."]
    stream, groups = _stream(texts, 0, len(texts))
    assert [(w.token, w.words) for w in stream] == [
        (0, ("fighting",)),
        (1, ("in",)),
        (2, ("kyiv",)),
        (6, ("went",)),
        (7, ("on",)),
    ]
    assert groups == {2: (3, 6)}  # the alias follows the third word
