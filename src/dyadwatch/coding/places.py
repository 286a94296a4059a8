"""Event locations. Interface owned by issue 3; this baseline locates nothing."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dyadwatch.model import Place


class Placer:
    """Finds the place an event's clause names, preferring the document's country context."""

    @classmethod
    def load(cls) -> Placer:
        return cls()

    def locate(self, verb: Token, doc_countries: Sequence[str]) -> Place | None:
        """Place named by the clause of ``verb``; ``doc_countries`` are the document's country
        codes, most frequent first, for disambiguation."""
        return None
