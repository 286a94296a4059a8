"""Named entities within a token range, found by walking that range only.

``Doc.ents`` and ``Span.ents`` build every entity of the whole document on each call, so code
that asks for the entities of one sentence (or one mention) costs time in proportion to the
document: called once per sentence, that made coding a long document quadratic. Walking the
range's tokens costs what the range costs.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def entities_between(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities lying wholly inside ``doc[start:end]``, in order (as ``Span.ents``)."""
    out: list[Span] = []
    i = start
    while i < end:
        token = doc[i]
        if token.ent_iob_ != "B":
            i += 1
            continue
        stop = i + 1
        while stop < len(doc) and doc[stop].ent_iob_ == "I":
            stop += 1
        if stop <= end:
            out.append(Span(doc, i, stop, label=token.ent_type_))
        i = stop
    return out


def entities_in(span: Span) -> list[Span]:
    """The entities of a sentence or any span, like ``span.ents`` without the whole-Doc cost."""
    return entities_between(span.doc, span.start, span.end)
