"""The predicate gate: which sentences could hold a verb-dictionary pattern, before parsing.

A sentence can only yield an event when one dictionary entry could match in it: the entry's
head word in some inflected form, *and* each of the literal words the entry requires besides
(the other words of a multi-word head, its particles, one of its named objects). Checking the
whole entry rather than its head alone is what makes the gate sharp: "be on +alert" no longer
keeps every sentence with "is" or "was", and "share +intelligence|information" no longer keeps
every sentence about shares. Words are compared in lower case on the tokenizer's tokens, so a
hyphenated "cease-fire" is the two words the dictionary's "cease_fire" stands for; a
prefixed verb kept whole ("re-arrested", nlp/hyphens.py) also counts as its halves.
Over-generating inflections is harmless (it only keeps a sentence); missing one loses events,
so irregular forms come from the lemmatizer's exception table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language

from dyadwatch.dictionaries.verbs import VerbDictionary, VerbPattern

_VOWELS = frozenset("aeiou")
# words that are never inflected: a pattern's function words stay literal
_FUNCTION_WORDS = frozenset(
    {"of", "on", "in", "to", "for", "with", "from", "at", "by", "up", "down", "off", "out"}
    | {"over", "into", "against", "about", "as", "a", "an", "the"}
)

# one slot per required word; a slot holds the forms any of which satisfies it
Requirement = tuple[frozenset[str], ...]


def inflections(word: str) -> set[str]:
    """Regular English inflections of a verb or noun (over-generating is harmless here)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ed"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # stop -> stopped
    return forms


class PredicateGate:
    """Answers "could a dictionary entry match among these words?" without a parse."""

    def __init__(
        self, verbs: VerbDictionary, irregular: Callable[[str], Iterable[str]] = lambda _: ()
    ) -> None:
        self._irregular = irregular
        self._forms_cache: dict[str, frozenset[str]] = {}
        index: dict[str, set[Requirement]] = defaultdict(set)
        for pattern in verbs.patterns:
            requirement = self._requirement(pattern)
            for form in self.forms(pattern.head.head_word):
                index[form].add(requirement)
        # an entry with nothing required besides its head makes the head alone enough
        self._index = {
            form: () if () in reqs else tuple(sorted(reqs, key=len)) for form, reqs in index.items()
        }

    def forms(self, word: str) -> frozenset[str]:
        """Every form of ``word`` the gate accepts: regular inflections and irregular ones."""
        found = self._forms_cache.get(word)
        if found is None:
            if word in _FUNCTION_WORDS:
                found = frozenset({word})
            else:
                found = frozenset(inflections(word) | set(self._irregular(word)))
            self._forms_cache[word] = found
        return found

    def _requirement(self, pattern: VerbPattern) -> Requirement:
        slots: list[frozenset[str]] = []
        head = pattern.head
        for i, word in enumerate(head.words):
            if i != head.head:
                slots.append(self.forms(word))
        slots.extend(frozenset({particle}) for particle in pattern.particles)
        # an object that a recognised actor or an amount of money also satisfies cannot be
        # checked on the words; named objects can: one of them must be there
        if pattern.objects and not (pattern.object_actor or pattern.object_money):
            alternatives: set[str] = set()
            for phrase in pattern.objects:
                alternatives |= self.forms(phrase.head_word)
            slots.append(frozenset(alternatives))
        return tuple(slots)

    @property
    def head_forms(self) -> frozenset[str]:
        return frozenset(self._index)

    def admits(self, words: set[str]) -> bool:
        """Whether some dictionary entry could match among ``words`` (lower-cased tokens)."""
        words = _with_halves(words)
        for word in words:
            requirements = self._index.get(word)
            if requirements is None:
                continue
            if not requirements:
                return True
            for requirement in requirements:
                if all(not slot.isdisjoint(words) for slot in requirement):
                    return True
        return False


def _with_halves(words: set[str]) -> set[str]:
    """``words`` plus the halves and the joined form of each one-token prefixed word
    ("re-arrested", nlp/hyphens.py): its lemma is the bare or the joined verb's."""
    hyphened = [w for w in words if "-" in w and len(w) > 1]
    if not hyphened:
        return words
    more = set(words)
    for word in hyphened:
        more.update(word.split("-"))
        more.add(word.replace("-", ""))
    return more


def irregular_forms(nlp: Language) -> Callable[[str], frozenset[str]]:
    """The forms the pipeline's lemmatizer maps to a lemma by exception ("told" -> "tell")."""
    table: dict[str, set[str]] = defaultdict(set)
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        if lemmatizer.lookups.has_table("lemma_exc"):
            exceptions = lemmatizer.lookups.get_table("lemma_exc")
            for pos in ("verb", "noun", "adj"):
                for form, lemmas in exceptions.get(pos, {}).items():
                    for lemma in lemmas:
                        table[lemma].add(form)
    frozen = {lemma: frozenset(forms) for lemma, forms in table.items()}
    return lambda word: frozen.get(word, frozenset())
