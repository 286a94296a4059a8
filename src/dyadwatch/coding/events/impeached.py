"""The one impeached, told earlier, for an impeachment that names no one (docs/verbs.md).

"Articles of impeachment, passed against President X, ... On December 18, the House passed
two articles of impeachment": the second telling names no one impeached, but a story is about
one impeachment, so the one its earlier sentences (or its own sentence, before the verb) name
as impeached is the target: the object of "against" or "of" on the impeachment or its
articles ("the impeachment of X"), of "against" on a participle of bringing them in the same
sentence ("articles of impeachment, passed against X"), the object of "impeach", or the
subject of "was impeached"; one of another country than the legislature's is not. The latest
such naming wins. Only for an active verb in a clause of its own: a passive or a describing
clause ("the second president to be impeached") names its own one impeached (or none).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from dyadwatch.coding.clauses import is_passive
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_party
from dyadwatch.coding.roles import direct_object

IMPEACHMENT_CODE = "1121"
IMPEACH_WORDS = frozenset({"impeach", "impeachment"})
AIMED_PREPS = frozenset({"against", "of"})
DESCRIBING = frozenset({"acl", "relcl"})
# participles of bringing articles or charges against someone ("passed against X")
BRINGING = frozenset({"pass", "file", "bring", "adopt", "approve", "level", "lodge"})
PHRASE_HOPS = 3  # from the impeachment noun up through "articles of", a participle ("passed")


def impeached_before(
    verb: Token, mentions: MentionIndex, sources: Sequence[MentionLike]
) -> list[MentionLike]:
    """The actors last named as impeached before ``verb`` in its document (not a source)."""
    if is_passive(verb) or verb.dep_ in DESCRIBING:
        return []  # "the second president to be impeached": its own noun is the one
    doc = verb.doc
    found: list[MentionLike] = []
    for word in doc[: verb.i]:
        if word.lemma_.lower() not in IMPEACH_WORDS:
            continue
        named = [m for t in _impeached(word) for m in mentions.head_mentions(t)]
        named = [m for m in named if m.start < verb.i and _domestic(m, sources)]
        if named:
            found = named
    return found


def _impeached(word: Token) -> Iterator[Token]:
    if word.pos_ == "VERB":
        if is_passive(word):
            yield from (c for c in word.children if c.dep_ == "nsubjpass")
        else:
            obj = direct_object(word)
            if obj is not None:
                yield obj
        return
    holder = word
    for _ in range(PHRASE_HOPS):  # "impeachment" -> "articles of" -> ...
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in AIMED_PREPS and prep.i > word.i:
                yield from (c for c in prep.children if c.dep_ == "pobj")
        if holder.dep_ != "pobj" or holder.head.dep_ != "prep":
            break
        holder = holder.head.head
    # "..., passed against X,": the parser hangs such a participle anywhere in the sentence
    for prep in word.sent:
        head = prep.head
        if prep.lower_ == "against" and head.tag_ == "VBN" and head.lemma_ in BRINGING:
            yield from (c for c in prep.children if c.dep_ == "pobj")


def _domestic(named: MentionLike, sources: Sequence[MentionLike]) -> bool:
    """Not one of the sources, and of their country when they have one: a legislature
    impeaches its own country's officials."""
    countries = {s.actor.country for s in sources if s.actor.country}
    if any(same_party(named, s) for s in sources):
        return False
    return not countries or named.actor.country in countries
