"""Walks of a Doc that make Token objects only where a cheap test on its arrays passes.

``for token in doc`` makes one Python Token per token (a fifth of the coding stage's time,
bench/README.md): the walks below read one attribute column with ``Doc.to_array`` and make
Tokens only for the positions that can matter, in text order, so a loop whose first test is
the same check yields the same tokens in the same order.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

import numpy
from spacy.attrs import DEP, LOWER, ORTH, POS, SPACY
from spacy.tokens import Doc, Token

_COLUMNS = {"pos": POS, "dep": DEP}


def tokens_with(doc: Doc, attribute: str, value: str) -> Iterator[Token]:
    """Tokens whose ``attribute`` (``"pos"`` or ``"dep"``) is ``value`` ("PROPN", "attr")."""
    if not len(doc):
        return
    wanted = doc.vocab.strings[value]
    column = doc.to_array(_COLUMNS[attribute]).tolist()
    for i, found in enumerate(column):
        if found == wanted:
            yield doc[i]


def tokens_lowered(doc: Doc, words: Collection[str]) -> Iterator[Token]:
    """Tokens whose lower-case form (``Token.lower_``) is one of ``words``."""
    return _tokens_in(doc, LOWER, words)


def tokens_written(doc: Doc, words: Collection[str]) -> Iterator[Token]:
    """Tokens written exactly as one of ``words`` (``Token.text``, case kept)."""
    return _tokens_in(doc, ORTH, words)


def _tokens_in(doc: Doc, column: int, words: Collection[str]) -> Iterator[Token]:
    if not len(doc) or not words:
        return
    strings = doc.vocab.strings
    wanted = {strings[word] for word in words}  # a str gives its hash (nothing added)
    for i, value in enumerate(doc.to_array(column).tolist()):
        if value in wanted:
            yield doc[i]


def joined_text(doc: Doc) -> str:
    """``doc.text`` (every token's text and trailing space) from the ORTH and SPACY columns."""
    if not len(doc):
        return ""
    strings = doc.vocab.strings
    orths = doc.to_array(ORTH).tolist()
    spaces = doc.to_array(SPACY).tolist()
    return "".join(
        [strings[o] + " " if s else strings[o] for o, s in zip(orths, spaces, strict=True)]
    )


def word_pair_occurs(doc: Doc, firsts: Collection[str], second: str) -> bool:
    """Whether a token whose lower-case form is one of ``firsts`` is followed by ``second``
    ("ministry" "of"): a cheap test before a Matcher whose patterns all start so."""
    strings = doc.vocab.strings
    lower = doc.to_array(LOWER)
    if len(lower) < 2:
        return False
    heads = numpy.isin(lower[:-1], [strings[word] for word in firsts])
    return bool((heads & (lower[1:] == strings[second])).any())
