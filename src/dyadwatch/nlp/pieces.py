"""Texts longer than spaCy's ``max_length`` are tokenized and parsed in pieces.

spaCy refuses a text over ``nlp.max_length`` characters (error E088) because a whole-text
parse needs memory in proportion to it. A long report or transcript is still one document: it
is cut at paragraph breaks (else at sentence ends, else at spaces) into pieces under the
limit, each piece is processed alone, and the pieces are joined back into one Doc whose text is
exactly the input's, so every character offset stays right.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# where a piece may end, best first: a blank line, a sentence end, any whitespace
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of ``text``, each at most ``limit`` characters, that join back to ``text``."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window)]
            # a break in the window's second half keeps pieces from getting tiny
            good = [e for e in ends if e >= limit // 2]
            if good:
                cut = good[-1]
                break
        if cut == 0:
            cut = limit  # no whitespace at all: cut inside a word (only garbage gets here)
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _joined(nlp: Language, docs: list[Doc], text: str) -> Doc:
    if len(docs) == 1:
        return docs[0]
    merged = Doc.from_docs(docs, ensure_whitespace=False)
    if merged.text != text:  # cannot happen for pieces that join back; guard the offsets
        raise ValueError("pieces of a long text did not join back to it")
    return merged


def make_doc_any_length(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` (tokens only) for a text of any length."""
    if len(text) <= nlp.max_length:
        return nlp.make_doc(text)
    return _joined(nlp, [nlp.make_doc(p) for p in split_text(text, nlp.max_length)], text)


def parse_any_length(nlp: Language, text: str) -> Doc:
    """``nlp(text)`` for a text of any length (the pieces are parsed one by one)."""
    if len(text) <= nlp.max_length:
        return nlp(text)
    return _joined(nlp, list(nlp.pipe(split_text(text, nlp.max_length))), text)
