"""Parse only the sentences that can hold an event (``settings.prefilter``).

Parsing dominates coding time. A sentence can only yield an event when it contains a word
form of some verb-dictionary head and could mention an actor, so the prefilter splits the text
with a rule-based sentencizer, parses the sentences that pass, and reassembles one Doc with
the document's exact text: parsed sentences carry the full annotation, the others a flat
placeholder parse (no tags, no entities) that no pattern can match. Offsets into the document
text are unchanged. Documented in ``docs/verbs.md`` (the measurement is in
``docs/evaluation.md``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, Protocol

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from dyadwatch.dictionaries.verbs import VerbDictionary

_VOWELS = frozenset("aeiou")
# a year or a month name: the sentence anchors dates for the sentences after it
_DATE_CUE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)


def mark_paragraphs(doc: Doc) -> Doc:
    """Keep paragraph breaks from heading a sentence: a newline token that starts a sentence
    (after "...ended." and a blank line) goes with the sentence before it, as the full parse
    attaches it, and a blank line ends a sentence even without a full stop (a heading). A
    leading newline token made the parser attach the fronted phrase wrongly. Spaces without a
    newline are left alone. Only sentence starts change: tokens and offsets stay the text's."""
    for token, after in pairwise(list(doc)[1:]):
        if not token.is_space or "\n" not in token.text:
            continue
        if token.is_sent_start or token.text.count("\n") >= 2:
            token.is_sent_start = False
            after.is_sent_start = True
    return doc


class _ActorCheck(Protocol):
    def could_mention_actor(self, text: str) -> bool: ...


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


class SentencePrefilter:
    """Decides which sentences to parse and builds the partially parsed Doc."""

    def __init__(self, nlp: Language, verbs: VerbDictionary, actors: _ActorCheck) -> None:
        self.nlp = nlp
        self.actors = actors
        self.sentencizer = Sentencizer()
        self.forms = self._forms(nlp, verbs)

    @staticmethod
    def _forms(nlp: Language, verbs: VerbDictionary) -> frozenset[str]:
        heads = verbs.head_words()
        forms: set[str] = set()
        for head in heads:
            forms |= inflections(head)
        if "lemmatizer" in nlp.pipe_names:
            lemmatizer: Any = nlp.get_pipe("lemmatizer")
            exceptions = lemmatizer.lookups.get_table("lemma_exc")
            for pos in ("verb", "noun", "adj"):
                table = exceptions.get(pos, {})
                forms |= {form for form, lemmas in table.items() if heads & set(lemmas)}
        return frozenset(forms)

    def keep(self, sentence: Span) -> bool:
        """Whether a sentence must be parsed: it can hold an event (a dictionary word and a
        possible actor), or it names a date that later sentences may count from ("In 2004 ...
        The following year ...")."""
        if _DATE_CUE.search(sentence.text):
            return True
        if not any(t.lower_ in self.forms for t in sentence):
            return False
        return self.actors.could_mention_actor(sentence.text)

    def parse(self, text: str) -> Doc:
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[Doc]:
        """Parse the texts, each sentence that passes :meth:`keep` in full."""
        pieces: list[list[Doc | None]] = []
        wanted: list[Doc] = []
        for text in texts:
            doc = mark_paragraphs(self.sentencizer(self.nlp.make_doc(text)))
            row: list[Doc | None] = []
            for sentence in doc.sents:
                if self.keep(sentence):
                    wanted.append(sentence.as_doc())
                    row.append(None)
                else:
                    row.append(self._placeholder(sentence))
            pieces.append(row)
        parsed = iter(self.nlp.pipe(wanted))
        out: list[Doc] = []
        for text, row in zip(texts, pieces, strict=True):
            docs = [piece if piece is not None else next(parsed) for piece in row]
            merged = (
                Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])  # type: ignore[call-arg]
                if docs
                else self.nlp(text)
            )
            out.append(merged if merged.text == text else self.nlp(text))
        return out

    def _placeholder(self, sentence: Span) -> Doc:
        """An unparsed sentence: its tokens hang flat off the first one."""
        words = [t.text for t in sentence]
        spaces = [bool(t.whitespace_) for t in sentence]
        heads = [0] * len(words)
        deps = ["ROOT"] + ["dep"] * (len(words) - 1)
        return Doc(self.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
