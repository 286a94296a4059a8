"""Background and empty acts: candidates that are in the text but are not news events.

Articles recall old facts and standing relations in asides, and name meetings without saying
who met whom. Coded as events, they crowd the few acts the article reports. Rules
(docs/verbs.md, "Background"):

- A relative clause in the simple present describes a standing state or habit of the noun it
  modifies, not an act: "the militia, which backs the party", "a pact that requires
  compliance", "the leader, who is supported by Beijing". A relative clause in the past,
  perfect or progressive still may report an act ("the strike that killed the general").
- So is backing, cooperation, aid or force in the present passive of a main clause: "the
  rebels are backed by Iran", "the town is held by the army"; an accusation so told ("he is
  accused of fraud") was made, and a ban or sanction so told is in force ("the party is
  banned in Turkey").
- A relative clause whose act has no target is an aside about the noun it modifies: "the
  envoy, who had investigated the case", "the strike, which was approved by the president".
- An act in a relative clause dated in an earlier year than the article recalls history:
  "Russia, which annexed Crimea in 2014, ...".
- So is an -ing participle on the noun that is its doer, a relative clause without its
  "who": "lawmakers backing the bill" is an aside about the lawmakers unless it names a
  target; "sent a letter requesting talks" is the sender's request.
- An event noun with no target refers to an act rather than reports it: "the operation was
  condemned", "despite criticism by the minister", "the target of a suicide attack in 2006".
  Reported with its target, the act is coded from the clause or noun that names it.
- A ranking is no act: a passive infinitive on a noun with an ordinal ("the third president
  to be impeached", "the first journalist to be jailed") places it among those it happened
  to; the act itself is reported elsewhere.
- A provision is no act: a document of rules as the subject of a verb in the simple present
  states what it says, not what anyone did ("the charter prohibits interference", "the
  treaty bans tests", "its constitution forbids ..."), whoever wrote or owns it.
- A military retreat (0874) by a legislator, party, candidate, civilian or firm is none: "the
  senator withdrew from the race"; aimed at someone ("withdrew its nominee in response to
  the king's statement") it is a yield (080).
- A consultation with no partner is no dyadic event: "the leaders met in the capital",
  "the minister joined the talks", "G7 summits usually center on politics". Negotiation
  (046) stands on its own.
- A visit (042) to no one or to a place at home is a trip, no dyadic event (applied to the
  records by the coder: :func:`home_visit`).
- A recap of earlier times is no act: an act told "in the past", or counted among its like
  ("only once before has the senate voted to ...", "the house has only impeached two other
  presidents") sums up history, it reports nothing that happened now.
- A title is no act: what the quoted title of a piece states ('an interview titled "Japan calls
  for ..."') names the piece.
- A map legend is no text: a line that starts with a colour swatch ("██ Territory held by
  the rebels") labels a map.
- Of the acts one clause yields for the same source and kind, only the most specific is
  kept (:func:`best_per_act`): "spoke out against the attack, calling it an aggression" is one
  disapproval, and a targetless copy of a targeted act adds nothing.

Pure: works on candidates and the parse, used by ``coder.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import TypeVar

from spacy.tokens import Token

from dyadwatch.coding.events.accidents import accident_inquiry
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.folds import fold_means, fold_protest_messages, fold_results
from dyadwatch.coding.events.polls import poll_share
from dyadwatch.model import Document, Event

# a military retreat or surrender (0874) is done by a state or an armed body; legislators,
# parties, candidates, civilians and firms who "withdraw" leave a race, a plan or a deal
RETREAT_CODE, YIELD_CODE = "0874", "080"
VISIT_CODE = "042"
CIVIL_SECTORS = frozenset({"LEG", "PTY", "ELI", "CVL", "BUS", "MED", "EDU", "LAB"})
# consultations that need a partner to be an event: consult, discuss by phone, host, meet
PARTNER_CODES = frozenset({"040", "041", "043", "044"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# auxiliaries of a present-tense passive or copula: "is supported", "are aligned"
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
RELATIVE = "relcl"
# roots whose present passive is a standing state, not an act: support (05), cooperation
# and aid (06-09), force (18-20); not words (01-04, 10-14), nor sanctions, bans and arrests
# (16, 17), whose standing state is the act in force ("the party is banned in Turkey")
STANDING_ROOTS = frozenset({"05", "06", "07", "08", "09", "18", "19", "20"})
# words that introduce the quoted title of a piece, and the quotes around it
NAMING_VERBS = frozenset({"title", "titled", "entitle", "entitled", "headline", "headlined"})
OPENING_QUOTES = frozenset({'"', "“", "``"})
CLOSING_QUOTES = frozenset({"”", "''"})
# counts of earlier times before "before": "once before", "twice before"
COUNTED_TIMES = frozenset({"once", "twice", "thrice"})
# adverbs that sum up a pattern of acts, and the bare spans "over the years" does
HABITUAL_ADVERBS = frozenset({"historically", "traditionally", "customarily", "habitually"})
LONG_SPANS = frozenset({"years", "decades", "centuries", "ages"})
RANKS = frozenset({"first", "last", "only", "second", "third"})
NOMINAL = frozenset({"NOUN", "PROPN"})
# documents of rules whose present-tense verbs state provisions, not acts
PROVISIONS = frozenset(
    """constitution charter law treaty statute rule regulation resolution convention accord
    pact agreement bill decree code protocol guideline mandate directive""".split()  # noqa: SIM905
)
# what a document's participle says it provides ("the majority required by the charter"),
# not an act done by it ("sanctions imposed by the resolution" are imposed)
PROVIDING = frozenset(
    {"require", "demand", "mandate", "allow", "permit", "guarantee", "prohibit", "forbid", "ban",
     "protect"}
)  # fmt: skip


def relative_clause(predicate: Token) -> Token | None:
    """The verb heading the relative clause ``predicate`` is in (itself or a conjunct's
    head: "which belonged to Syria and was occupied by Israel"); None outside one."""
    tok = predicate
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.dep_ == RELATIVE else None


def simple_present(verb: Token) -> bool:
    """Whether a verb is in the simple present, active or passive ("supports", "is backed"),
    not progressive, perfect, future or modal."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in PRESENT_TAGS:
        return all(a.lemma_ == "do" for a in aux)
    if verb.tag_ != "VBN":
        return False
    passive = [a for a in aux if a.dep_ == "auxpass"]
    return bool(passive) and len(aux) == 1 and passive[0].lower_ in PRESENT_BE


def is_background(candidate: EventCandidate) -> bool:
    """Whether a candidate is background, not an event: a partnerless consultation or a
    state in a relative clause (module docstring)."""
    if candidate.target is None and candidate.code in PARTNER_CODES:
        return True
    if civil_retreat(candidate) and candidate.target is None:
        return True  # "the senator withdrew from the race": no military retreat
    if accident_inquiry(candidate):
        return True  # "the safety board is investigating the crash" (events/accidents.py)
    if poll_share(candidate):
        return True  # "57 percent of Americans oppose the plan" (events/polls.py)
    predicate = candidate.predicate
    if is_provision(predicate) or is_record(predicate) or is_recap(predicate):
        return True
    if is_legend(predicate) or in_title(predicate):
        return True
    if predicate.pos_ not in ("VERB", "AUX"):
        return False
    if relative_clause(predicate) is not None:
        return simple_present(predicate)
    return is_standing_passive(candidate)


def is_standing_passive(candidate: EventCandidate) -> bool:
    """Whether backing, cooperation, aid or force is told as a state in the present passive
    of its own clause: "the rebels are backed by Iran", "the town is held by the army".
    Words keep their time ("he is accused of fraud" is an accusation made), a ban or
    sanction is in force ("the party is banned in Turkey"), and acts told in a past or
    perfect tense were done."""
    predicate = candidate.predicate
    return (
        predicate.tag_ == "VBN"
        and simple_present(predicate)
        and candidate.code[:2] in STANDING_ROOTS
    )


def is_record(predicate: Token) -> bool:
    """Whether a passive infinitive ranks the noun it modifies among those it happened to:
    "the third president to be impeached", "the first journalist to be jailed"."""
    children = list(predicate.children)
    if not any(c.dep_ == "auxpass" for c in children):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False
    # the noun it modifies, or its subject when the parser made the infinitive the root
    ranked = [predicate.head] if predicate.dep_ == "acl" else []
    ranked += [c for c in children if c.dep_ == "nsubjpass"]
    return any(
        c.ent_type_ == "ORDINAL" or c.lower_ in RANKS for noun in ranked for c in noun.children
    )


def is_recap(predicate: Token) -> bool:
    """Whether an act is told as history summed up: "in the past" (bare, not "in the past
    week"), "once (twice, three times) before", or "only ... two other <nouns>"."""
    tok: Token | None = predicate
    while tok is not None:
        if _recap_cue(tok):
            return True
        # the verbs a chain of complements hangs on: "has voted to hold X in contempt"
        tok = tok.head if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i else None
    return False


def _recap_cue(verb: Token) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    children = list(verb.children)
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "in":
            past = [o for o in child.children if o.dep_ == "pobj" and o.lower_ == "past"]
            if any({c.lower_ for c in o.children} <= {"the"} for o in past):
                return True  # "in the past", not "in the past week"
        if child.dep_ == "advmod" and child.lower_ == "before" and _counted(child):
            return True
        if child.dep_ == "advmod" and child.lower_ in HABITUAL_ADVERBS:
            return True  # "people have historically been accused": a pattern, not an act
        if child.dep_ == "prep" and child.lower_ == "over":
            spans = [o for o in child.children if o.dep_ == "pobj" and o.lower_ in LONG_SPANS]
            if any({c.lower_ for c in o.children} <= {"the"} for o in spans):
                return True  # "over the years", not "over the past two years"
    if any(c.dep_ == "advmod" and c.lower_ == "only" for c in children):
        # "has only impeached two other presidents": counted among earlier ones
        return any(
            c.dep_ == "dobj"
            and any(m.lower_ == "other" for m in c.children)
            and any(m.dep_ == "nummod" for m in c.children)
            for c in children
        )
    return False


def _counted(before: Token) -> bool:
    """ "once before", "twice before", "three times before": a count of earlier times."""
    return any(
        c.lower_ in COUNTED_TIMES
        or (c.lower_ == "times" and any(n.dep_ == "nummod" for n in c.children))
        for c in before.subtree
        if c.i != before.i
    )


def is_legend(predicate: Token) -> bool:
    """Whether the predicate is on a line that starts with a colour swatch (block characters,
    "██ Territory held by the rebels"): a map legend. Geometric shapes (●, ■) are left alone:
    they also bullet lists of real news."""
    sentence = predicate.sent
    first = next((t for t in sentence if not t.is_space), None)
    return first is not None and bool(first.text) and "\u2580" <= first.text[0] <= "\u259f"


def in_title(predicate: Token) -> bool:
    """Whether the predicate is in the quoted title of a piece: 'an interview titled "Japan
    calls for ..."', 'a report entitled "X threatens Y"'. A title names the piece; the act it
    states is reported, if at all, by the text around it."""
    quote = None
    for tok in reversed(predicate.sent[: predicate.i - predicate.sent.start]):
        if tok.text in CLOSING_QUOTES:
            return False
        if tok.text in OPENING_QUOTES:
            quote = tok
            break
    if quote is None or quote.i == quote.sent.start:
        return False
    return quote.nbor(-1).lemma_.lower() in NAMING_VERBS


def is_provision(predicate: Token) -> bool:
    """Whether a verb states what a document of rules says: "the charter prohibits ...", or
    a participle of what it asks for: "the majority required by the constitution"."""
    if predicate.pos_ not in ("VERB", "AUX"):
        return False
    if predicate.dep_ == "acl" and predicate.lemma_.lower() in PROVIDING:
        agents = [p for c in predicate.children if c.dep_ == "agent" for p in c.children]
        return any(p.dep_ == "pobj" and p.lemma_.lower() in PROVISIONS for p in agents)
    if not simple_present(predicate):
        return False
    subject = next((c for c in predicate.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in PROVISIONS


def is_aside(candidate: EventCandidate, has_target: bool, years_before: int = 0) -> bool:
    """Whether an act is only mentioned in passing: an event noun with no target, an act in
    a relative clause with no target or dated in an earlier year (``years_before``: how many
    years before publication its date is). ``has_target``: the record has a target, perhaps
    one it found from the place or the source's own country."""
    predicate = candidate.predicate
    if predicate.pos_ in NOMINAL:
        return not has_target
    if predicate.pos_ not in ("VERB", "AUX"):
        return False
    if relative_clause(predicate) is None and not (
        candidate.source_rule == "acl" and reduced_relative(predicate) is not None
    ):
        return False
    return years_before > 0 or not has_target


def home_visit(event: Event) -> bool:
    """A visit (042) to no one, or to a place in the visitor's own country ("the president
    traveled to Cleveland for the debate", "visited the flooded province"): a trip at home,
    no dyadic event. A body or person visited at home ("paid a visit to the Senate
    president") is still met."""
    if event.code != VISIT_CODE:
        return False
    target = event.target
    if target is None:
        return True
    place = target.sector is None and target.person is None
    return place and target.country == event.source.country


def reduced_relative(predicate: Token) -> Token | None:
    """The participle heading the reduced relative clause ``predicate`` is in: an -ing
    form on a noun ("lawmakers backing the bill" is "lawmakers who back the bill"); None
    outside one. Its act is the noun's own only when the noun is its source ("acl"), not
    when the noun is what someone sent ("sent a letter requesting talks")."""
    tok = predicate
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in NOMINAL:
        return tok
    return None


def drop_background(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """The candidates that are events, in their order (a protest's message is part of the
    protest, an attack's toll part of the attack: events/folds.py)."""
    kept = [_yielded(c) if civil_retreat(c) else c for c in candidates if not is_background(c)]
    return fold_means(fold_results(fold_protest_messages(kept)))


def civil_retreat(candidate: EventCandidate) -> bool:
    """A "retreat" (0874) by a legislator, party, candidate, civilian or firm: they leave a
    race or a plan, no battlefield."""
    return candidate.code == RETREAT_CODE and candidate.source.actor.sector in CIVIL_SECTORS


def _yielded(candidate: EventCandidate) -> EventCandidate:
    """A civil withdrawal in response to someone ("the party withdrew its nominee after the
    king's statement") yields to them (080)."""
    return replace(candidate, code=YIELD_CODE)


T = TypeVar("T")


def best_per_act(
    items: Sequence[T],
    key: Callable[[T], Hashable],
    target: Callable[[T], str | None],
    score: Callable[[T], float],
) -> list[T]:
    """One item per act of a sentence: for each ``key`` (sentence, source, CAMEO root), the
    targeted items, one per target (the best ``score``); the best targetless item only when
    no item of that key has a target. Order is kept."""
    best: dict[tuple[Hashable, str | None], int] = {}
    targeted: set[Hashable] = set()
    for i, item in enumerate(items):
        k = key(item)
        if target(item) is not None:
            targeted.add(k)
        slot = (k, target(item))
        if slot not in best or score(item) > score(items[best[slot]]):
            best[slot] = i
    keep = {i for (k, who), i in best.items() if who is not None or k not in targeted}
    return [item for i, item in enumerate(items) if i in keep]


def one_per_act(events: list[Event]) -> list[Event]:
    """The events of a document with one coding per act (:func:`best_per_act`): keyed by
    sentence, source, CAMEO root and modality, the surest and most specific coding wins."""
    return best_per_act(events, _act_key, _target_code, _specificity)


def years_before(event: Event, document: Document) -> int:
    """How many years before the document's publication the text dates an event (0: none,
    or the same year, or a date taken from publication)."""
    value = event.date.value
    if document.date is None or value is None or event.date.source != "text":
        return 0
    return max(0, document.date.year - int(value[:4]))


def _act_key(event: Event) -> tuple[int, str, str, str]:
    return event.sentence_index, event.source.code, event.code[:2], event.modality


def _target_code(event: Event) -> str | None:
    return event.target.code if event.target else None


def _specificity(event: Event) -> float:
    return (event.confidence or 0.0) + len(event.code) / 1000
