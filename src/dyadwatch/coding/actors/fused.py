"""Country abbreviations the tokenizer leaves fused with a hyphenated word ("U.S.-led").

"Saudi-led" is three tokens, which the recognizer reads as a country with a hyphen suffix
(``ActorRecognizer._filter``): "Saudi-led forces" are Saudi forces, "Russian-backed rebels"
are not Russia. An abbreviation that ends in a full stop stays one token with its suffix, so
"U.S.-led coalition" and "U.K.-based charity" matched nothing. :func:`fused_country_pieces`
reads such a token the same way: its country acts unless the suffix only describes a thing
("U.N.-backed", a ``hyphen_modifier`` in non_actors.tsv). A space typed after the hyphen
("a U.S.- flagged tanker", a wire-copy line-break left in) leaves the token "U.S.-" before its
suffix word: read as if joined. Rules: docs/dictionaries.md.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from dyadwatch.coding.actors.pieces import Piece
from dyadwatch.coding.actors.rules import HYPHENS
from dyadwatch.dictionaries.actors import ActorEntry
from dyadwatch.dictionaries.people import Person

COUNTRY_KINDS = ("country", "adjective")
# words after a hyphen that leave it suspended: "U.S.- and Japanese-backed"
SUSPENDING = frozenset({"and", "or", "nor", "to"})

# the dictionary targets of a phrase, compared as the matcher compares it
Lookup = Callable[[str], Sequence[ActorEntry | Person]]


def fused_country_pieces(
    doc: Doc,
    taken: Sequence[bool],
    lookup: Lookup,
    modifier_suffixes: Collection[str],
    country_only_suffixes: Collection[str],
) -> Iterable[Piece]:
    """Pieces for single tokens "<country>-<lower-case word>" that no match covers."""
    strings = doc.vocab.strings
    orths = doc.to_array(ORTH).tolist()
    hyphenated = {o for o in set(orths) if any(h in strings[o] for h in HYPHENS)}
    for token in (doc[i] for i, orth in enumerate(orths) if orth in hyphenated):  # a few
        if taken[token.i]:
            continue
        prefix, suffix = _split(token.text)
        if not prefix and token.text[-1] in HYPHENS and token.whitespace_:
            prefix, suffix = _spaced(doc, token)
        if not prefix or not prefix[0].isupper() or not (suffix.isalpha() and suffix.islower()):
            continue
        if suffix in modifier_suffixes or lookup(suffix):
            continue  # "U.N.-backed": not the actor; "U.S.-president": leave it to the parse
        entry = _country_entry(lookup(prefix))
        if entry is None:
            continue
        flag_only = suffix in country_only_suffixes
        yield Piece(token.i, token.i + 1, entry.kind, entry=entry, flag_only=flag_only)


def _split(text: str) -> tuple[str, str]:
    """("U.S.", "led") for "U.S.-led"; ("", "") when no hyphen joins two parts."""
    cut = max(text.rfind(hyphen) for hyphen in HYPHENS)
    if cut <= 0 or cut == len(text) - 1:
        return "", ""
    return text[:cut], text[cut + 1 :]


def _spaced(doc: Doc, token: Token) -> tuple[str, str]:
    """("U.S.", "flagged") for "U.S.- flagged"; ("", "") for a suspended hyphen ("U.S.- and
    EU-backed", whose suffix comes later) or a hyphen ending the sentence."""
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None or after.lower_ in SUSPENDING:
        return "", ""
    return token.text[:-1], after.text


def _country_entry(targets: Sequence[ActorEntry | Person]) -> ActorEntry | None:
    for target in targets:
        if isinstance(target, ActorEntry) and target.kind in COUNTRY_KINDS and not target.ambiguous:
            return target
    return None
