"""The evaluative cue dictionary (``dictionaries/data/evaluative_cues.tsv``).

Each row is a word or phrase by which a speaker judges an actor or its act ("a mistake",
"null and void", "lying", "historic") and the CAMEO code such a judgement is: 111
(criticise), 112 (accuse) or 051 (praise). The file is checked when it is loaded; every error
names the file and line.
``coding/events/evaluations.py`` reads statements and quotations with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from dyadwatch.dictionaries.tsv import packaged_path, read_tsv
from dyadwatch.errors import DictionaryError

CUE_FILE = "evaluative_cues.tsv"
CODES = frozenset({"111", "112", "051"})
# forms of other verbs that share a cue's lemma ("lay" is also the past of "lie")
OTHER_VERBS_FORMS = frozenset({"lay", "lays", "laid", "laying"})
_PHRASE = re.compile(r"^[a-z][a-z'-]*(?: [a-z][a-z'-]*)*$")


@dataclass(frozen=True, slots=True)
class Cue:
    words: tuple[str, ...]
    code: str


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found in a text: its tokens' range and its syntactic head (the one token of the
    phrase whose head lies outside it)."""

    cue: Cue
    start: int
    end: int
    head: Token


@dataclass(frozen=True, slots=True)
class EvaluativeCues:
    """Cues keyed by their first word, longest phrases first."""

    by_first: Mapping[str, tuple[Cue, ...]]

    def find(self, tokens: Span | list[Token]) -> Iterator[CueHit]:
        """The cues in ``tokens`` (tokens of one Doc in text order), in text order; a phrase
        matches a run of tokens whose texts or lemmas are its words (see ``_matches``)."""
        words = list(tokens)
        i = 0
        while i < len(words):
            hit = self._at(words, i)
            if hit is None:
                i += 1
                continue
            yield hit
            i += len(hit.cue.words)

    def _at(self, words: list[Token], i: int) -> CueHit | None:
        token = words[i]
        for key in dict.fromkeys((token.lower_, token.lemma_.lower())):
            for cue in self.by_first.get(key, ()):
                run = words[i : i + len(cue.words)]
                if len(run) == len(cue.words) and all(
                    _matches(w, t) for w, t in zip(cue.words, run, strict=True)
                ):
                    inside = range(run[0].i, run[-1].i + 1)
                    head = next((t for t in run if t.head.i not in inside), run[0])
                    return CueHit(cue, run[0].i, run[-1].i + 1, head)
        return None


def _matches(word: str, token: Token) -> bool:
    """A token is a cue word by its text, or by its lemma: "lying" and "lied" are "lie";
    but "lay off" and "laid down" are not (spaCy gives "lay" the lemma "lie")."""
    if token.lower_ == word:
        return True
    return token.lemma_.lower() == word and token.lower_ not in OTHER_VERBS_FORMS


def load_evaluative_cues(path: Path) -> EvaluativeCues:
    """Read and check a cue file (see the header of the packaged one for the format)."""
    by_first: dict[str, list[Cue]] = {}
    seen: set[str] = set()
    where = str(path)
    for line, row in read_tsv(path, required=("cue", "code")):
        phrase, code = row["cue"].strip(), row["code"].strip()
        if not _PHRASE.match(phrase):
            raise DictionaryError(f"cue {phrase!r} must be lower-case words", where, line)
        if code not in CODES:
            raise DictionaryError(f"code {code!r} must be one of {sorted(CODES)}", where, line)
        if phrase in seen:
            raise DictionaryError(f"duplicate cue {phrase!r}", where, line)
        seen.add(phrase)
        # spaCy splits a hyphenated word into its parts and the hyphen: "non-starter"
        words = tuple(w for word in phrase.split() for w in _hyphen_parts(word))
        by_first.setdefault(words[0], []).append(Cue(words, code))
    return EvaluativeCues(
        {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in by_first.items()}
    )


def _hyphen_parts(word: str) -> list[str]:
    parts = word.split("-")
    return [w for part in parts for w in (part, "-")][:-1] if all(parts) else [word]


@cache
def default_evaluative_cues() -> EvaluativeCues:
    """The packaged cue dictionary, loaded once per process."""
    return load_evaluative_cues(packaged_path(CUE_FILE))


# forms a cue's first word takes that its regular endings do not give ("lying" for "lie")
IRREGULAR_FORMS = {"lie": ("lying", "lied", "lies")}


@cache
def cue_word_forms() -> frozenset[str]:
    """Lower-case texts a packaged cue's first word may take in running text (the word and its
    regular endings), for the sentence prefilter, which sees no lemmas."""
    forms: set[str] = set()
    for word in default_evaluative_cues().by_first:
        stem = word[:-1] if word.endswith("e") else word
        forms |= {word, f"{word}s", f"{word}es", f"{word}d", f"{word}ed", f"{stem}ing"}
        forms |= set(IRREGULAR_FORMS.get(word, ()))
    return frozenset(forms)
