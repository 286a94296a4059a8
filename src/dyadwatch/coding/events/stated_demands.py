"""Demands stated as a noun: "the protesters' demands include the dissolution of parliament",
"their main demand is the release of detainees".

The owner of a demand noun that is the subject of a copula ("is", "are") or of "include"
demanded what the predicate names (CAMEO 10). The sub-code is that of the demanded act, mapped
through the demand frame (verb_frames.tsv: a release 084 demanded is 1053), else a few
political-change words (a dissolution is a change of institutions, 1044); else 100. The target
is the actor the demanded act falls on, else the government named in the sentence or the one
before it; none named, no target. "The demand for oil rose" and "the demands of the job" have
no actor owner: no event.

Pure functions over the parse and the actor mentions; used by ``extractor.py``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyadwatch.coding.clauses import prep_objects
from dyadwatch.coding.events.candidates import EventCandidate, one_word_candidate
from dyadwatch.coding.events.frames import SentenceState
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.possessives import POSSESSIVE_PRONOUNS, possessor
from dyadwatch.dictionaries.verbs import VerbDictionary

DEMAND_CODE, DEMAND_FRAME, LEADERSHIP_CODE = "100", "demand", "1041"
DEMAND_ENTRY = "verbs:@demand"
DEMAND_NOUNS = frozenset({"demand"})
INCLUDE_VERBS = frozenset({"include", "be"})
PREDICATE_DEPS = frozenset({"attr", "dobj", "xcomp", "acomp", "ccomp"})
LIST_DEPS = frozenset({"conj", "appos"})
GOVERNMENT_SECTORS = frozenset({"GOV"})
# demanded things the verb dictionary has no act for (CAMEO 104x)
CHANGE_WORDS = {
    "dissolution": "1044",
    "dissolve": "1044",
    "dissolving": "1044",
    "resignation": "1041",
    "resign": "1041",
    "ouster": "1041",
    "removal": "1041",
    "step": "1041",  # "stepping down"
    "right": "1043",
    "reform": "104",
    "investigation": "101",  # CAMEO 101: demand information, investigation
    "inquiry": "101",
    "probe": "101",
}


def demanded_things(sentence: Span) -> list[tuple[Token, Token, Token]]:
    """(demand noun, its owner, what is demanded) of "X's demand is Y", "X's demands include
    Y", "their demands have included dissolving Y"."""
    out: list[tuple[Token, Token, Token]] = []
    for noun in sentence:
        if noun.lemma_.lower() not in DEMAND_NOUNS or noun.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        verb = noun.head
        if verb.lemma_.lower() not in INCLUDE_VERBS:
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"]
        things = [c for c in verb.children if c.dep_ in PREDICATE_DEPS]
        for thing in things[:1]:
            listed = _listed(thing)
            out += [(noun, owner, item) for owner in owners for item in listed]
    return out


def _listed(thing: Token) -> list[Token]:
    """A thing and those listed after it ("X, Y and Z": the parse hangs Y, Z on X as conj or
    appos, or on each other)."""
    out = [thing]
    for child in thing.children:
        if child.dep_ in LIST_DEPS:
            out += _listed(child)
    return out


def _code(thing: Token, state: SentenceState, verbs: VerbDictionary) -> tuple[str, list[Token]]:
    """The demand's code and, for a change of leader, the tokens naming the leader to go ("the
    resignation of the president"); a dissolved body or released detainees are not whom the
    demand is aimed at."""
    act = state.acts.get(thing.i)
    mapped = verbs.frames.map(DEMAND_FRAME, act.code) if act is not None else None
    code = mapped or CHANGE_WORDS.get(thing.lemma_.lower(), DEMAND_CODE)
    if code != LEADERSHIP_CODE:
        return code, []
    return code, [*prep_objects(thing, ("of",)), *(c for c in thing.children if c.dep_ == "dobj")]


def _government(
    sentence: Span, sources: list[MentionLike], mentions: MentionIndex
) -> list[MentionLike]:
    """The government named in the sentence, else in the one before it."""
    doc = sentence.doc
    earlier = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    for span in (sentence, earlier):
        found = [
            m
            for m in mentions.in_span(span.start, span.end)
            if m.actor.sector in GOVERNMENT_SECTORS and m not in sources
        ]
        if found:
            return found[:1]
    return []


def stated_demand_events(
    state: SentenceState,
    index: int,
    mentions: MentionIndex,
    verbs: VerbDictionary,
) -> list[EventCandidate]:
    """The owner's demand (10x) of what a copula or "include" says it demands."""
    out: list[EventCandidate] = []
    for noun, owner, thing in demanded_things(state.span):
        sources = mentions.head_mentions(owner)
        if not sources and owner.lower_ in POSSESSIVE_PRONOUNS:  # "their demands"
            found = possessor(owner, None, mentions)
            sources = [found] if found is not None else []
        if not sources:
            continue
        code, fallen = _code(thing, state, verbs)
        targets: list[MentionLike] = []
        for token in fallen:
            targets += [m for m in mentions.head_mentions(token) if m not in sources]
        rule = "demanded-act"
        if not targets:
            targets, rule = _government(state.span, sources, mentions), "government"
        aimed: list[MentionLike | None] = [*targets] or [None]
        for source in sources:
            for target in aimed:
                if target is not None and target.actor.code == source.actor.code:
                    continue
                out.append(
                    # each thing listed is a demand of its own: "include X, Y and Z"
                    one_word_candidate(
                        noun, index, code, DEMAND_ENTRY, source, target, ("poss", rule), thing
                    )
                )
    return out
