"""Organisations the dictionaries do not know, named with a telling head noun.

"The Ogaden Liberation Front declared a ceasefire", "the Global Campaign for Equal Rights
called for ...": the name says it is a body that acts, even when no dictionary lists it.
:func:`named_organisations` codes a capitalised name whose head is such a noun (with a
capitalised "for"/"of" phrase after it) as a non-governmental
actor (``NGO``, flag ``named-organisation``), so it can be the source of an act; a name that
holds a known actor ("the Nigerian Air Force") is left to the dictionaries. An acronym defined
after it ("(CLO)") then stands for it too (``events/references.defined_acronyms``).
Rules: docs/dictionaries.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

from dyadwatch.coding.actors.mention import ActorMention
from dyadwatch.model import Actor

FLAG = "named-organisation"
# nouns that make a capitalised name a body acting as one; "union", "council", "committee" and
# "party" are left out: most such bodies are states' (Security Council, House Committee)
ORGANISATION_HEADS = frozenset(
    """organization organisation front movement campaign foundation federation association
    alliance coalition network league relief forum society""".split()  # noqa: SIM905
)
_HEAD_HASHES = frozenset(map(hash_string, ORGANISATION_HEADS))  # for the Doc's LOWER array
# "Campaign for Equal Rights", "Federation of Labour": a name goes on after these words
NAME_LINKS = frozenset({"for", "against", "of", "without"})
NAME_JOINERS = frozenset({"and", "&"})
NOT_NAME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
MIN_NAME_WORDS = 2
# a name that opens with these is most often a state body ("National Science Foundation")
STATE_OPENERS = frozenset({"national", "federal", "state", "royal", "imperial", "government"})


def named_organisations(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions for capitalised organisation names that no mention overlaps."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out: list[ActorMention] = []
    taken: set[int] = set()
    heads = [i for i, w in enumerate(doc.to_array(LOWER).tolist()) if w in _HEAD_HASHES]
    for token in (doc[i] for i in heads):
        if token.i in taken or not _titled(token) or token.lower_ not in ORGANISATION_HEADS:
            continue
        start, end = _name_span(doc, token)
        if end - start < MIN_NAME_WORDS or any(i in covered for i in range(start, end)):
            continue
        if doc[start].lower_ in STATE_OPENERS:
            continue
        taken.update(range(start, end))
        span = doc[start:end]
        actor = Actor(code="NGO", name=span.text)
        out.append(
            ActorMention(
                start,
                end,
                span.root.i,
                actor,
                f"named organisation ({token.text})",
                frozenset({FLAG}),
            )
        )
    return out


def _name_span(doc: Doc, head: Token) -> tuple[int, int]:
    """The capitalised words before ``head`` and a capitalised "for/of X Y" after it."""
    start = head.i
    while start > 0 and _titled(doc[start - 1]) and not doc[start - 1].is_sent_start:
        start -= 1
    if start > 0 and doc[start - 1].is_sent_start and _titled(doc[start - 1]):
        start -= 1  # the name opens the sentence
    while start < head.i and doc[start].lower_ == "the":
        start += 1
    end = head.i + 1
    if end + 1 < len(doc) and doc[end].lower_ in NAME_LINKS and _titled(doc[end + 1]):
        end += 1
        while end < len(doc) and _titled(doc[end]):
            end += 1
            # "for Security and Cooperation": one name
            if end + 1 < len(doc) and doc[end].lower_ in NAME_JOINERS and _titled(doc[end + 1]):
                end += 1
    return start, end


def _titled(token: Token) -> bool:
    if token.ent_type_ in NOT_NAME_ENTITIES:
        return False  # "the Association on Friday"
    return token.is_alpha and token.text[0].isupper() and not token.is_upper
