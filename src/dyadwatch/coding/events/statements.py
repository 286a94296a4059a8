"""Statement hygiene: which statements (CAMEO roots 01-02) are political event data.

"X said ..." is in almost every news sentence; left alone, bare statements crowd out the events
an analyst wants. Rules (docs/verbs.md, "Statements"):

- A statement about another actor is aimed at it: "the minister said Iran was to blame" ->
  target Iran (the first actor named in what was said, preferring another country).
- A statement with no target is dropped when the sentence holds a more specific asserted event
  by the speaker's country or inside what was said: the statement is then only the
  attribution of that event. Statements that are acts of their own (011, 015-019:
  condolences, a denial) stay.
- A bare statement of a verb that only reports ("said", "told", "confirmed": the ``report``
  frame of verbs.tsv) is attribution, not an event: "police said the fire was out". So is a
  bare plain statement (010) of any verb of saying whose content is a clause: "the agency
  announced the recorder had been recovered" (the clause is the news; an object noun is
  not: "announced three days of mourning" stays).
- A plain statement whose clause carries a more specific act of the same speaker is only its
  vehicle: "issued a statement condemning the attack" is the condemnation alone.
- A plain statement whose reported clause blames an actor is an accusation (112) of it:
  "officials said Iran was behind the attacks", "said the rebels were responsible".
- "X said we must do Z" is no demand (the obligation frame reads "X said Y must do Z" as a
  demand of Y): it is a plain statement of X's view. So is "X said Y should do Z" when Y is
  no actor and no act is coded in Z ("said the forest should be opened up to farming",
  "said astronomers should keep an open mind"): a demand is made of someone.
- Statements by actors that are not political (companies, media, universities, hospitals, or
  an actor with no known country) are not coded unless the ``nonpolitical_statements`` setting
  is on (docs/settings.md).

Pure: works on candidates and the parse, used by ``coder.py``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.clauses import OBLIGATION_AUX
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.charges import CHARGE_ENTRY, faced_charges
from dyadwatch.coding.events.labels import object_predicate
from dyadwatch.coding.events.mentions import (
    MentionIndex,
    MentionLike,
    overlaps,
)
from dyadwatch.coding.events.statement_aims import (
    ACCUSATION_RULE,
    ACCUSE_CODE,
    CONTEXT_COUNTRY,
    accused,
    is_place,
    press_channel,
)
from dyadwatch.coding.modality.classify import modality_of
from dyadwatch.coding.roles import subjects
from dyadwatch.model import Actor

STATEMENT_ROOTS = frozenset({"01", "02"})
# sectors whose statements are not political event data: business, media, education/science,
# health, labour, development
NONPOLITICAL_SECTORS = frozenset({"BUS", "MED", "EDU", "HLH", "LAB", "DEV", "SCI"})
# sectors that are political even when the actor's country is unknown ("the government")
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "PTY", "REB", "INS", "ELI", "CVL"}
)
# verbal cooperation that is business news when no political actor is party to it
PRIVATE_ROOTS = frozenset({"03", "04", "05"})
BUSINESS = "BUS"
# unions, schools, scientists and media helping someone (material cooperation 06, aid 07) do
# social work, not political event data, unless they help a political actor: "the union gave
# its members loans", "students helped workers join training courses" (aid agencies and
# hospitals, DEV and HLH, give humanitarian aid: kept)
PRIVATE_HELPERS = frozenset({"LAB", "EDU", "SCI", "MED"})
MATERIAL_HELP_ROOTS = frozenset({"06", "07"})
# targets guessed rather than named: where it happened, the source's own country
FALLBACK_TARGET_RULES = frozenset({"domestic", "location"})
INTENT_CODE = "030"
# verbs of intending that promise no one anything by themselves ("plans to", "intends to")
PLANNING_VERBS = frozenset({"intend", "plan", "aim", "want", "wish", "hope", "seek", "expect"})
# verbs of commitment whose "to" phrase names no act: "committed itself to green energy", "is
# committed to leading the country forward" say what the source means to do by itself
COMMITTING_VERBS = frozenset({"commit", "committed", "dedicate", "dedicated"})
# "strike" without an object by these sectors is a labour strike (143), not an attack
STRIKING_SECTORS = frozenset({"LAB", "EDU", "HLH", "AGR"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
STRIKE_CODE = "143"
# economic cooperation and aid, and the units goods are counted in by the trade press
GOODS_ROOTS = frozenset({"06", "07"})
TRADE_UNITS = frozenset({"tonne", "tonnes", "ton", "tons", "bag", "bags", "barrel", "barrels",
                         "bale", "bales", "bushel", "bushels", "ounce", "ounces", "carton",
                         "cartons", "head", "unit", "units", "kilo", "kilos", "lot", "lots",
                         "share", "shares", "flask", "flasks"})  # fmt: skip
# what workers launch or stage is a stoppage, not an air strike (labour_strike)
STRIKE_NOUNS = frozenset({"strike", "walkout", "stoppage"})
AVOWAL_CODE = "015"  # a claim of responsibility stands beside the act it claims
# statements that are acts of their own, kept beside the sentence's other acts: declining to
# comment, claiming responsibility, denying, a symbolic act, condolences, expressing accord
SPECIFIC_STATEMENTS = frozenset({"011", AVOWAL_CODE, "016", "017", "018", "019"})
# actor codes that are political without a country: international organisations, NGOs
STATELESS_POLITICAL = ("IGO", "NGO", "IMG")
# a bare "emergency" declared by a body with no state is a warning, not emergency rule (a
# state of siege a UN mission declares stays one)
EMERGENCY_ENTRY = "verbs:@emergency"
# dependents of a verb of saying that hold what was said
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "advcl", "prep", "parataxis", "dative"})
ABOUT_RULE = "statement-about"
PLAIN_STATEMENT = "010"
# dependents of a verb of saying that are a reported clause
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
OBLIGATION_RULE = "obligation"  # the frame rule of "X said Y must do Z" (events/frames.py)
FIRST_PERSON = frozenset({"i", "we", "us", "me"})
# verbal acts (statements, appeals, threats) that need someone they are addressed to
ADDRESSED_ROOTS = frozenset({"01", "02", "13"})
NARRATOR = "me"


def stateless_body(actor: Actor) -> bool:
    """An international body with no country of its own (the WHO, the UN)."""
    return actor.country is None and actor.code.startswith("IGO")


def is_statement(candidate: EventCandidate) -> bool:
    return candidate.code[:2] in STATEMENT_ROOTS


def is_political(actor: Actor) -> bool:
    """Whether an actor's statements are political event data."""
    if actor.sector in NONPOLITICAL_SECTORS:
        return False
    if actor.country is not None or actor.sector in POLITICAL_SECTORS:
        return True
    return actor.code.startswith(STATELESS_POLITICAL)


def private_dealing(candidate: EventCandidate) -> bool:
    """Whether a verbal act of cooperation (03-05) is between actors that are not political
    (companies, banks, unions, media) or aimed at no one: business news, not event data. Any
    act of a company is, unless it is aimed at a political actor the sentence names ("Red Hat
    released a new product", "the airline invested in the project"); so is the material help
    of a union, school or outlet ("the union gave its members loans")."""
    sector = candidate.source.actor.sector
    if candidate.code[:2] not in PRIVATE_ROOTS:
        helping = sector in PRIVATE_HELPERS and candidate.code[:2] in MATERIAL_HELP_ROOTS
        if sector != BUSINESS and not helping:
            return False
        fallback = candidate.target_rule.split(":", 1)[0] in FALLBACK_TARGET_RULES
        return candidate.target is None or fallback or not _known_political(candidate.target)
    if sector not in NONPOLITICAL_SECTORS:
        return False
    return candidate.target is None or not _known_political(candidate.target)


def _known_political(mention: MentionLike) -> bool:
    """Whether a target is political by what the text says of it: an unknown name ("Minetest",
    an entity of no sector) whose country is only guessed from the story is not."""
    guessed = not mention.actor.sector and CONTEXT_COUNTRY in mention.rule
    return is_political(mention.actor) and not guessed


def vague_intent(candidate: EventCandidate) -> bool:
    """Whether a generic intent (030) only says what its source means to do by itself: a
    verb of intending whose infinitive is no coded act and names no one ("intends to improve
    the marketing of its coffee", "hoped to narrow its deficit"): a plan, not cooperation."""
    verb = candidate.predicate
    if candidate.code != INTENT_CODE or candidate.target is not None:
        return False
    if len(candidate.entries) != 1:
        return False
    lemma = verb.lemma_.lower()
    if lemma in COMMITTING_VERBS or verb.lower_ in COMMITTING_VERBS:
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    if lemma not in PLANNING_VERBS:
        return False
    return any(c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} for c in verb.children)


def obliged_actor(candidate: EventCandidate) -> bool:
    """Whether a "should" appeal is made of an actor the obliged clause has as its subject
    ("the president should accept"), not of one modifying a thing ("its Spanish activities
    should start yielding profit", a forecast)."""
    target = candidate.target
    if target is None or OBLIGATION_RULE not in candidate.entries:
        return False
    doc = candidate.predicate.doc
    root = doc[target.start : target.end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "exchanges and telecommunications authorities should abolish"
    return root.dep_ in ("nsubj", "nsubjpass")


def traded_goods(candidate: EventCandidate) -> bool:
    """Whether an act of economic cooperation or aid (06-07) with no target is a trade
    figure: its object is a quantity of goods ("supplied 1,200 tonnes in January", "has
    sold 90,000 bags"), market news, not a transfer to anyone."""
    if candidate.code[:2] not in GOODS_ROOTS or candidate.target is not None:
        return False
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in TRADE_UNITS for c in candidate.predicate.children
    )


def labour_strike(candidate: EventCandidate) -> bool:
    """Whether a use of force (18-20) is a labour strike: "strike" with no object, or a
    strike or walkout launched or staged, by workers, farmers, teachers or doctors ("bank
    workers struck", "voted to strike", "unions launched strikes")."""
    if candidate.code[:2] not in FORCE_ROOTS:
        return False
    if candidate.source.actor.sector not in STRIKING_SECTORS:
        return False
    verb = candidate.predicate
    struck = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    if any(c.dep_ == "dobj" and c.lemma_.lower() in STRIKE_NOUNS for c in verb.children):
        return True  # "unions launched week-long strikes", "called a walkout"
    return any(
        t.lemma_.lower() == "strike" and not any(c.dep_ == "dobj" for c in t.children)
        for t in struck
    )


def statement_target(candidate: EventCandidate, mentions: MentionIndex) -> MentionLike | None:
    """The actor a statement is about: the first actor named in what was said that is not the
    speaker nor the speaker's own country as a whole, another country's first; None when what
    was said names no other actor."""
    verb = candidate.predicate
    source = candidate.source
    seen: list[MentionLike] = []
    for child in verb.children:
        if child.dep_ not in CONTENT_DEPS:
            continue
        for token in _ordered(child):
            mention = mentions.at(token)
            if mention is None or mention in seen or overlaps(mention, source):
                continue
            if mention.actor.code in {source.actor.code, source.actor.country}:
                continue  # the speaker's own country as a whole: "Japan's GNP will grow"
            if is_place(mention, token.doc, mentions):
                continue  # "said a pipeline in Colombia", "said the Colombian pipeline"
            if not is_political(mention.actor) and CONTEXT_COUNTRY in mention.rule:
                continue  # "said the firm ...": a company of a guessed country
            if press_channel(mention, verb, mentions):
                continue  # "according to CNN", "told the press": who carried what was said
            seen.append(mention)
    if not seen:
        return None
    own = source.actor.country
    foreign = [m for m in seen if m.actor.country is not None and m.actor.country != own]
    return (foreign or seen)[0]


def clean_statements(
    candidates: list[EventCandidate],
    mentions: MentionIndex,
    report_entries: frozenset[str] = frozenset(),
    nonpolitical: bool = False,
) -> list[EventCandidate]:
    """Candidates after statement hygiene (module docstring), in their original order;
    ``report_entries`` are the ids of the verb entries that only report (frame ``report``)."""
    out: list[EventCandidate] = []
    for candidate in candidates:
        if self_obligation(candidate) or unaddressed_obligation(candidate, mentions):
            # "we must stand by our allies": what the speaker's own side must do is no demand
            candidate = replace(
                candidate, code=PLAIN_STATEMENT, entries=candidate.entries[:1], target=None
            )
        # "said X must face murder charges": no demand of X but an accusation of it
        plain = candidate.code == PLAIN_STATEMENT or OBLIGATION_RULE in candidate.entries
        faced = faced_charges(candidate.predicate) if plain else None
        charged = candidate.target or (statement_target(candidate, mentions) if faced else None)
        if faced is not None and charged is not None:
            rule = candidate.target_rule if candidate.target else ABOUT_RULE
            entries = (*candidate.entries, CHARGE_ENTRY)
            candidate = replace(
                candidate, code=faced, entries=entries, target=charged, target_rule=rule
            )
        if not nonpolitical and private_dealing(candidate):
            continue  # "the company plans to issue bonds", "two banks agreed to merge"
        if vague_intent(candidate):
            continue  # "Chile intends to improve its wine marketing"
        if to_narrator(candidate):
            continue  # "the officers asked me to prove it": told to the one telling the story
        if traded_goods(candidate):
            continue  # "Kenya has sold 90,000 bags so far this season"
        if candidate.entries[-1] == EMERGENCY_ENTRY and stateless_body(candidate.source.actor):
            # "the WHO's decision to declare a health emergency": no state, no emergency rule
            candidate = replace(candidate, code=PLAIN_STATEMENT, target=None)
        if labour_strike(candidate):
            candidate = replace(candidate, code=STRIKE_CODE)  # "dock workers struck for pay"
        if not is_statement(candidate):
            out.append(candidate)
            continue
        # an appeal to a named actor stays: "business leaders called on the government to ...";
        # so does one read off "said Y should do Z", kept like its "must" demand, when Y is
        # the actor, not a thing it modifies ("said its Spanish unit should turn a profit")
        obliged = OBLIGATION_RULE in candidate.entries
        appeal_to = candidate.code[:2] == "02" and (
            (candidate.target is not None and not obliged) or obliged_actor(candidate)
        )
        if not nonpolitical and not appeal_to and not is_political(candidate.source.actor):
            continue
        culprit = accused(candidate, mentions) if candidate.code == PLAIN_STATEMENT else None
        if culprit is not None:
            candidate = replace(
                candidate,
                code=ACCUSE_CODE,
                entries=(*candidate.entries, ACCUSATION_RULE),
                target=culprit,
                target_rule=ACCUSATION_RULE,
            )
        if candidate.code[:2] == "01" and press_channel(
            candidate.target, candidate.predicate, mentions
        ):
            # "told CNN", "said in remarks to the BBC": the outlet carries the statement, it is
            # not whom the statement is aimed at
            candidate = replace(candidate, target=None, target_rule="")
        if candidate.target is None and candidate.code[:2] == "01":
            about = statement_target(candidate, mentions)
            if about is not None:
                candidate = replace(candidate, target=about, target_rule=ABOUT_RULE)
        if candidate.target is None and candidate.entries[0] in report_entries and not obliged:
            continue
        if candidate.target is None and candidate.code == PLAIN_STATEMENT and _reports(candidate):
            continue
        if candidate.code == PLAIN_STATEMENT and _carries_own_act(candidate, candidates):
            continue
        if (
            candidate.target is None
            and candidate.code not in SPECIFIC_STATEMENTS
            and _has_specific_event(candidate, candidates)
        ):
            continue
        out.append(candidate)
    return out


def to_narrator(candidate: EventCandidate) -> bool:
    """Whether a targetless statement, appeal or threat is addressed to "me": the person
    telling the story, an interviewee or a witness ("they asked me to prove it", "the guard
    told me to leave", "said they would file a case on me"), who is a private person; what
    was said to them is no political event. ("Us" may be a government speaking: kept.)"""
    if candidate.target is not None or candidate.code[:2] not in ADDRESSED_ROOTS:
        return False
    verb = candidate.predicate
    addressed = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    addressed += [p for c in verb.children if c.dep_ == "prep" for p in c.children]
    return any(t.lower_ == NARRATOR and t.dep_ != "poss" for t in addressed)


def unaddressed_obligation(candidate: EventCandidate, mentions: MentionIndex) -> bool:
    """Whether a bare demand read off "X said Y should do Z" binds no actor: no target, no
    act coded in Z, and Y no actor ("people must know", "the election should decide")."""
    if candidate.entries[1:] != (OBLIGATION_RULE,) or candidate.target is not None:
        return False
    for clause in candidate.predicate.children:
        if clause.dep_ != "ccomp" or not any(
            c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children
        ):
            continue
        obliged, _ = subjects(clause)
        return not any(mentions.head_mentions(s) for s in obliged)
    return False


def self_obligation(candidate: EventCandidate) -> bool:
    """Whether a demand read off "X said Y must/should do Z" binds the speaker's own side, Y
    being "we" or "I" ("we must stand by our allies"): that states a view or a resolve and
    demands nothing of anyone. (A named actor of the speaker's own country still may be
    the one addressed: "the former premier said the government must act".)"""
    if OBLIGATION_RULE not in candidate.entries:
        return False
    for clause in candidate.predicate.children:
        if clause.dep_ != "ccomp" or not any(
            c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children
        ):
            continue
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.tag_ == "PRP" and subject.lower_ in FIRST_PERSON:
            return True
    return False


def _has_specific_event(statement: EventCandidate, candidates: list[EventCandidate]) -> bool:
    """Whether the statement's sentence holds a non-statement event by the same speaker's
    country, or one the statement's clause reports."""
    country = statement.source.actor.country or statement.source.actor.code
    for other in candidates:
        if other.sentence_index != statement.sentence_index or is_statement(other):
            continue
        if modality_of(other.predicate) != "asserted":
            continue  # "said they hoped more countries would meet": the statement is the news
        if (other.source.actor.country or other.source.actor.code) == country:
            return True
        if _inside(other.predicate, statement.predicate):
            return True
    return False


def _reports(statement: EventCandidate) -> bool:
    """Whether a plain statement's verb only carries a reported clause ("announced the
    recorder had been recovered", "claimed there were fine people on both sides") or a label
    ("described the mood as calm"): with no one it is about and nothing coded inside, the
    clause is reported news, and the verb its attribution."""
    verb = statement.predicate
    if object_predicate(verb) is not None:
        return True  # "called the situation calm", "described the talks as productive"
    return any(c.dep_ in CLAUSE_DEPS and c.pos_ in {"VERB", "AUX"} for c in verb.children)


def _carries_own_act(statement: EventCandidate, candidates: list[EventCandidate]) -> bool:
    """Whether a plain statement only carries a more specific act of the same speaker coded
    inside its clause ("issued a statement condemning the attack", "released a statement
    urging talks"): the statement is the vehicle, the act is the event."""
    return any(
        other.sentence_index == statement.sentence_index
        and other.code != PLAIN_STATEMENT
        and other.source.actor.code == statement.source.actor.code
        and _inside(other.predicate, statement.predicate)
        for other in candidates
    )


def _inside(token: Token, head: Token) -> bool:
    return any(a.i == head.i for a in token.ancestors)


def _ordered(token: Token) -> list[Token]:
    return sorted(token.subtree, key=lambda t: t.i)
