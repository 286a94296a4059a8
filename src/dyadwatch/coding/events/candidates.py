"""Event candidates: an event before it becomes a record, and the builders that make them.

``build_candidates`` pairs the sources and targets an extractor found for one act
(``extractor.py``); ``partnership_events`` adds "in cooperation with Y" partners. The coder's
later passes (statements, references, perpetrators) read and replace candidates; ``records.py``
turns them into :class:`~dyadwatch.model.Event` records.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from spacy.tokens import Span, Token

from dyadwatch.coding.events.arguments import same_country
from dyadwatch.coding.events.backing import armed_backing, unaimed_funding
from dyadwatch.coding.events.frames import Act, SentenceState
from dyadwatch.coding.events.labels import CRITICIZE_CODE
from dyadwatch.coding.events.mentions import STATE_SECTORS, MentionIndex, MentionLike, same_side
from dyadwatch.coding.events.nominal import partnership_phrases
from dyadwatch.coding.events.predicates import Match, verbal_assault
from dyadwatch.coding.events.protests import campaign_rally, protest_demand
from dyadwatch.coding.roles import subjects
from dyadwatch.model import Actor

MAX_EVENTS_PER_PREDICATE = 8
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP"})
MATERIAL_COOPERATION, MILITARY_COOPERATION = "060", "062"
PARTNERSHIP_ENTRY = "verbs:in cooperation with"
ALLOW_INVOLVEMENT = "086"  # CAMEO: allow international involvement


def allowed_parties(
    code: str,
    verb: Token,
    targets: list[MentionLike],
    sources: list[MentionLike],
    mentions: MentionIndex,
) -> tuple[list[MentionLike], bool]:
    """Who is let in or let act, among the targets and the subjects of what they are
    allowed to do ("allowed Uganda to deploy troops"): anyone from outside the sources'
    country ("allowed UN monitors into the region"), or another actor at home when a state
    gives the permission. "The banks allowed the firm to delay payments" and "allowed its
    output to sink" let no one act. Returns the targets and whether no one is let in; acts
    other than 086 keep their targets."""
    if code != ALLOW_INVOLVEMENT:
        return targets, False
    allowed = list(targets)
    for child in verb.children:
        heads = subjects(child)[0] if child.dep_ in {"ccomp", "xcomp"} else []
        heads += [child] if child.dep_ in {"dative", "dobj"} else []
        for head in heads:
            allowed += [m for m in mentions.head_mentions(head) if m not in allowed]
    let_in = [t for t in allowed if all(_lets_act(s.actor, t.actor) for s in sources)]
    return let_in, not let_in


def _lets_act(source: Actor, target: Actor) -> bool:
    if target.country is None or target.country != source.country:
        return True
    return source.sector in STATE_SECTORS and target.code != source.code


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event before it becomes a record: who, what, whom, and the tokens behind it."""

    sentence: Span
    sentence_index: int
    predicate: Token  # the verb (or event noun) whose clause the event is
    verb_tokens: tuple[Token, ...]  # predicate and particles: the evidence "verb" span
    code: str
    entries: tuple[str, ...]
    source: MentionLike
    target: MentionLike | None
    source_rule: str
    target_rule: str
    recoded: str | None = None


def one_word_candidate(
    word: Token,
    number: int,
    code: str,
    entry: str,
    source: MentionLike,
    target: MentionLike | None,
    rules: tuple[str, str],
    predicate: Token | None = None,
) -> EventCandidate:
    """A candidate whose act is one word (a verb or an event noun) of one dictionary entry, found
    by a pass of its own; ``rules`` are the source and target rules, ``predicate`` (default the
    word) the token that dates and qualifies it."""
    return EventCandidate(
        sentence=word.sent,
        sentence_index=number,
        predicate=predicate if predicate is not None else word,
        verb_tokens=(word,),
        code=code,
        entries=(entry,),
        source=source,
        target=target,
        source_rule=rules[0],
        target_rule=rules[1],
    )


def is_state_actor(actor: Actor) -> bool:
    if actor.country is None:
        return False
    return actor.sector is None or actor.sector in STATE_SECTORS


def partnership_events(
    sentence: Span, index: int, events: list[EventCandidate], mentions: MentionIndex
) -> list[EventCandidate]:
    """ "X trained the recruits in cooperation with Y": X cooperates with Y (060; 062, military
    cooperation, when either side is armed), whoever X's act was aimed at."""
    out: list[EventCandidate] = []
    for verb, noun, partner in partnership_phrases(sentence):
        sources = [e.source for e in events if e.predicate.i == verb.i]
        if not sources:
            for subj in subjects(verb)[0]:
                sources += mentions.head_mentions(subj)
        partners = mentions.head_mentions(partner)
        for source, target in product(dict.fromkeys(sources), partners):
            if same_country(source, target):
                continue
            armed = {source.actor.sector, target.actor.sector} & ARMED_SECTORS
            code = MILITARY_COOPERATION if armed else MATERIAL_COOPERATION
            out.append(
                EventCandidate(
                    sentence=sentence,
                    sentence_index=index,
                    predicate=noun,
                    verb_tokens=(noun.head, noun),
                    code=code,
                    entries=(PARTNERSHIP_ENTRY,),
                    source=source,
                    target=target,
                    source_rule="partner-of-act",
                    target_rule="prep:with",
                )
            )
    return out


def build_candidates(
    state: SentenceState,
    match: Match,
    act: Act,
    index: int,
    sources: list[MentionLike],
    targets: list[MentionLike],
    source_rule: str,
    target_rule: str,
) -> list[EventCandidate]:
    out: list[EventCandidate] = []
    countries = {s.actor.country for s in sources if s.actor.country}
    wanted: list[MentionLike | None] = list(targets) if targets else [None]
    pairs = list(product(sources, wanted))
    if len(pairs) > 1:
        # several actors on each side ("US-Japan-Taiwan alliance ... between Taipei and
        # Tokyo"): a country does not act on itself; its government does on its rebels
        distinct = [(s, t) for s, t in pairs if t is None or not same_side(s, t)]
        pairs = distinct or pairs
    for source, target in pairs[:MAX_EVENTS_PER_PREDICATE]:
        if target is not None and target is source:
            continue
        code = act.code
        if act.state_code is not None and is_state_actor(source.actor):
            code = act.state_code
        code = armed_backing(code, match.token, is_state_actor(source.actor))
        if unaimed_funding(code, match.token, act.complement, target is not None):
            continue  # "approved funding for a new road": spending at home, no aid
        if act.joint_code is not None and len(countries) > 1:
            code = act.joint_code  # "French and Egyptian warships held exercises"
        code = protest_demand(code, source, state.span.doc)  # protesters' calls
        if verbal_assault(code, match, source.actor, target.actor if target else None):
            code = CRITICIZE_CODE  # "Democrats attacked Trump": words, not force
        rally = act.complement if act.complement is not None else match.token
        if campaign_rally(code, rally, source):  # a politician's rally protests nothing
            continue
        out.append(
            EventCandidate(
                sentence=state.span,
                sentence_index=index,
                predicate=match.token,
                verb_tokens=(match.token, *match.particles),
                code=code,
                entries=act.entries,
                source=source,
                target=target,
                source_rule=source_rule,
                target_rule=target_rule if target is not None else "",
                recoded=act.recoded,
            )
        )
    return out
