"""The rule lemmatizer, remembered per word form: the same lemmas for less work per token.

spaCy's rule lemmatizer works a token's lemma out from its text, part of speech and
morphology, and caches the result only when its suffix rules ran: a base form (a singular
noun, an infinitive, a positive adjective) or a word of a class without rules (proper nouns,
determiners, punctuation) is worked out again at every occurrence, its morphology turned into
a dict each time. Those are most tokens of a text: over 200 Reuters articles the lemmatizer
took about a quarter of the pipeline's time. :func:`remember_lemmas` gives the pipeline's
lemmatizer a batch ``pipe`` that reads the Doc's arrays, asks the lemmatizer once per
(text, part of speech, morphology) and process, and writes the lemmas back in one
``from_array``. A token without a part of speech is handed to the lemmatizer every time, as
before (spaCy warns about it). ``nlp(text)`` still runs the lemmatizer as it ships.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

_ATTRS = [ORTH, POS, MORPH, LEMMA]
Memo = dict[tuple[int, int, int], int]  # (orth, pos, morph) -> lemma, string hashes


def remember_lemmas(nlp: Language, name: str = "lemmatizer") -> bool:
    """Give the pipeline's rule lemmatizer a remembering batch ``pipe``; False when the
    pipeline has no rule lemmatizer of that name (nothing is changed then)."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if getattr(lemmatizer, "mode", None) != "rule" or not hasattr(lemmatizer, "lemmatize"):
        return False
    memo: Memo = {}
    lemmatizer.pipe = partial(_pipe, lemmatizer, memo)  # type: ignore[attr-defined]
    return True


def _pipe(
    lemmatizer: Any, memo: Memo, stream: Iterable[Doc], batch_size: int = 128
) -> Iterator[Doc]:
    for doc in stream:
        yield _lemmatize(lemmatizer, memo, doc)


def _lemmatize(lemmatizer: Any, memo: Memo, doc: Doc) -> Doc:
    if not lemmatizer._validated:
        lemmatizer._validate_tables(Errors.E1004)
    try:
        overwrite = lemmatizer.overwrite
        strings = doc.vocab.strings
        lemmas: list[int] = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(_ATTRS).tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = memo.get(key)
                if found is None:
                    found = strings.add(lemmatizer.lemmatize(doc[i])[0])
                    if pos != 0:
                        memo[key] = found
                lemma = found
            lemmas.append(lemma)
        if lemmas:
            column = numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1)
            doc.from_array([LEMMA], column)  # type: ignore[arg-type]
        return doc
    except Exception as exc:  # spaCy's own handling of a failing component
        lemmatizer.get_error_handler()(lemmatizer.name, lemmatizer, [doc], exc)
        return doc
