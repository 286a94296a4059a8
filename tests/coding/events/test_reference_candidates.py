"""References are looked for only at pronouns and the nouns that can refer."""

from __future__ import annotations

from spacy.language import Language

from dyadwatch.coding.events.references import _may_refer


def test_pronouns_and_referring_nouns_are_the_candidates(nlp: Language) -> None:
    doc = nlp("The country said it would help the two leaders, and they thanked the nation.")
    words = [doc[i].lower_ for i in _may_refer(doc)]
    assert words == ["country", "it", "leaders", "they", "nation"]
