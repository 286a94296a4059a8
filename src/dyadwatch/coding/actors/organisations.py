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

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dyadwatch.coding.actors.companies import ORGANISATION_HEADS, in_company_name
from dyadwatch.coding.actors.mention import ActorMention
from dyadwatch.model import Actor
from dyadwatch.nlp.arrays import tokens_lowered, tokens_written

FLAG = "named-organisation"
# "Campaign for Equal Rights", "Federation of Labour": a name goes on after these words
NAME_LINKS = frozenset({"for", "against", "of", "without"})
NAME_JOINERS = frozenset({"and", "&"})
NOT_NAME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
MIN_NAME_WORDS = 2
# a name that opens with these is most often a state body ("National Science Foundation")
STATE_OPENERS = frozenset({"national", "federal", "state", "royal", "imperial", "government"})
# a committee whose name opens with a legislative chamber is the legislature's
COMMITTEE_HEADS = frozenset({"committee", "subcommittee", "panel"})
CHAMBERS = frozenset({"house", "senate", "congressional", "parliamentary", "assembly"})
LEGISLATURE = "LEG"
CHAMBER_WORDS = frozenset({"House"})  # "Senate" and "Congress" are in the dictionaries


def named_organisations(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions for capitalised organisation names that no mention overlaps."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out: list[ActorMention] = []
    taken: set[int] = set()
    firms: set[str] = set()
    for token in tokens_lowered(doc, ORGANISATION_HEADS):
        if token.i in taken or not _titled(token) or token.lower_ not in ORGANISATION_HEADS:
            continue
        start, end = _name_span(doc, token)
        if end - start < MIN_NAME_WORDS or any(i in covered for i in range(start, end)):
            continue
        if doc[start].lower_ in STATE_OPENERS:
            continue
        name = doc[start:end].text.lower()
        if in_company_name(doc, start, end):
            firms.add(name)  # "Lindel Network Technologies Inc": a firm's name runs on past
            continue  # the head; "Lindel Network" later in the story is the firm again
        if name in firms:
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


def legislative_committees(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions for committees a legislative chamber's name opens ("the House Oversight and
    Reform Committee", "the Senate Intelligence Committee"): the legislature (LEG) of the
    country the document names most often (none on a tie), where no mention covers them."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out: list[ActorMention] = []
    for token in tokens_lowered(doc, COMMITTEE_HEADS):
        if token.lower_ not in COMMITTEE_HEADS or not _titled(token) or token.i in covered:
            continue
        start = token.left_edge.i
        while start < token.i and (doc[start].pos_ == "DET" or not _titled(doc[start])):
            start += 1  # "the"
        words = doc[start : token.i + 1]
        if doc[start].lower_ not in CHAMBERS or any(i in covered for i in range(start, token.i)):
            continue
        if not all(_titled(t) or t.lower_ in NAME_JOINERS for t in words):
            continue
        country = _document_country(mentions)
        if country is None:
            continue
        actor = Actor(country + LEGISLATURE, words.text, country, LEGISLATURE)
        rule = f"legislative committee ({doc[start].text}) + (country from context: {country})"
        out.append(ActorMention(start, token.i + 1, token.i, actor, rule, frozenset({"context"})))
    return out


def chamber_references(doc: Doc, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """ "The House passed two articles", "criticized the House's decision": a capitalised
    chamber word alone stands for the legislature named before it in the document (the
    latest such mention's country)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    legislatures = sorted(
        (m for m in mentions if m.actor.sector == LEGISLATURE and m.actor.country),
        key=lambda m: m.start,
    )
    out: list[ActorMention] = []
    for token in tokens_written(doc, CHAMBER_WORDS):
        if token.text not in CHAMBER_WORDS or token.i in covered or token.dep_ == "compound":
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
            continue  # "House of Lords", "House of Saud": a longer name
        before = [m for m in legislatures if m.end <= token.i]
        if not before or before[-1].actor.country is None:
            continue
        country = before[-1].actor.country
        actor = Actor(country + LEGISLATURE, token.text, country, LEGISLATURE)
        rule = f"chamber ({token.text}) + (country of the legislature before: {country})"
        out.append(ActorMention(token.i, token.i + 1, token.i, actor, rule, frozenset()))
    return out


def _document_country(mentions: Sequence[ActorMention]) -> str | None:
    ranked = Counter(m.actor.country for m in mentions if m.actor.country).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


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
