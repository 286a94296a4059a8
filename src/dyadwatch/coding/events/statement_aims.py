"""Whom a statement is aimed at, and whom it accuses (docs/verbs.md, "Statements").

- An actor named in what was said only as a place ("a pipeline in Colombia") or as the
  outlet that carried it ("told CNN") is not whom the statement is about (``is_place``,
  ``press_channel``; ``statements.statement_target`` and ``evaluations.py`` skip them).
- A plain statement whose reported clause blames an actor is an accusation (112) of it:
  "officials said Iran was behind the attacks", "said the rebels were responsible", "said
  the crash was Iran's doing" (``accused``, used by statement hygiene in ``statements.py``).
- So is one whose clause says an armed group is backed, armed or funded by an actor: "said
  the militias are armed by X" (``backer``; also read after "according to X" by
  ``evaluations.py``).
- A claim about another country's actor is an accusation of it: "claimed X was arming the
  rebels" (``accused_in_claim`` and ``accusations``, used by ``extractor.py``).

Pure: reads candidates and the parse.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import is_negated, pobj_of
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.charges import capable_of_deed
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_country, same_party
from dyadwatch.coding.events.predicates import Match
from dyadwatch.coding.roles import subjects

ACCUSE_CODE = "112"  # accuse, not specified below
ACCUSATION_RULE = "accusation"
CONTEXT_COUNTRY = "country from context"  # how the actor rules mark a guessed country
MEDIA = "MED"
# prepositions of a statement's outlet: "said to reporters", "said on state television"
CHANNEL_PREPOSITIONS = frozenset({"to", "on"})
# verbs whose first object is whom something is told: an outlet right after them is its channel
TELLING_VERBS = frozenset({"tell", "inform", "brief"})
# prepositions whose object is where something is, not whom a statement is about
PLACE_PREPOSITIONS = frozenset({"in", "inside", "within", "throughout", "near", "across"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# a nationality adjective on an act names its actor: "Japanese control", "Iranian pressure"
ACT_SUFFIXES = ("ance", "ence", "tion", "sion", "ment", "ure", "al", "ship", "ism", "ity")
ACT_NOUNS = frozenset(
    {"control", "aid", "help", "support", "move", "attack", "role", "plan", "policy", "bid"}
    | {"offer", "threat", "power", "rule", "demand", "call", "interest", "influence", "stance"}
    | {"position", "view", "action", "effort", "pledge", "proposal", "response"}
)
# what a reported clause says of the one it blames: "X was responsible", "X was to blame"
BLAME_PREDICATES = frozenset({"responsible", "culpable", "guilty", "blame", "accountable"})
CULPRIT_NOUNS = frozenset({"perpetrator", "culprit", "mastermind", "instigator", "attacker"})
# "the crash was Iran's doing": the possessor is blamed
DEED_NOUNS = frozenset({"doing", "fault", "work", "handiwork", "responsibility"})
COPULAS = frozenset({"be", "appear", "seem"})  # "X appeared capable of the bombing"
# sponsoring an armed group, said in the passive, accuses the sponsor: "the rebels are backed
# by X" (an analyst codes the speaker's charge, not X's support, which is only alleged)
BACKING_VERBS = frozenset({"back", "arm", "fund", "finance", "sponsor", "equip", "supply"})
ARMED_SECTORS = frozenset({"REB", "INS", "SEP", "UAF"})


def press_channel(
    mention: MentionLike | None, verb: Token, mentions: MentionIndex | None = None
) -> bool:
    """Whether a news outlet is only the channel of a statement: told to it ("told CNN", "told
    the press", "in remarks to the BBC", "confirmed to news outlets"), or the one by whom what
    is said is reported ("according to CNN", "said on Voice of America"). A country that ends
    an outlet's name ("told CNN Philippines") is that outlet (with ``mentions``)."""
    if mention is None:
        return False
    doc = verb.doc
    inside = range(mention.start, mention.end)
    root = next((t for t in doc[mention.start : mention.end] if t.head.i not in inside), None)
    if root is None:
        return False
    if mention.actor.sector != MEDIA and not _outlet_name(root, mentions):
        return False
    if mention.start == verb.i + 1 and verb.lemma_.lower() in TELLING_VERBS:
        return True  # "told AFP arson was used": the parse may glue the outlet to the clause
    while root.dep_ == "compound" and root.head.pos_ == "PROPN" and root.head.i == root.i + 1:
        root = root.head  # the outlet's name goes on: "CNN Philippines", "Fox News Latino"
    if root.dep_ in ("dobj", "dative") and root.head.i == verb.i:
        return True
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.lower_ == "to" and preposition.head.lower_ == "according":
        return True
    # the preposition hangs on the verb or on a noun of it ("in remarks to the BBC")
    holder = preposition.head
    if holder.pos_ == "NOUN" and holder.dep_ == "pobj":
        holder = holder.head  # "in remarks to the BBC": the noun is in a phrase of the verb
    on_verb = holder.i == verb.i or (holder.head.i == verb.i and holder.pos_ in ("NOUN", "ADP"))
    return on_verb and preposition.lower_ in CHANNEL_PREPOSITIONS


def _outlet_name(root: Token, mentions: MentionIndex | None) -> bool:
    """Whether a name is the end of an outlet's: an outlet's name right before it ("CNN
    Philippines", "ABC Australia")."""
    if mentions is None or root.pos_ != "PROPN":
        return False
    before = [c for c in root.children if c.dep_ == "compound" and c.i < root.i]
    first = root.left_edge.i
    if first > 0 and root.doc[first - 1].pos_ == "PROPN":
        before.append(root.doc[first - 1])  # parsed as two objects: "told CNN Indonesia"
    outlets = (mentions.at(t) for t in before)
    return any(m is not None and m.actor.sector == MEDIA for m in outlets)


def is_place(mention: MentionLike, doc: Doc, mentions: MentionIndex) -> bool:
    """Whether a mention in what was said only places or labels a thing, so the statement is
    not aimed at it: a country inside a place phrase ("a pipeline in Colombia", "talks held
    within Iraq"), a country in apposition to a place name ("Puerto Limon, Costa Rica"), or a
    nationality adjective on a thing inside a prepositional phrase ("link up with the Chilean
    grid", "imports of Iranian crude")."""
    inside = range(mention.start, mention.end)
    root = next((t for t in doc[mention.start : mention.end] if t.head.i not in inside), None)
    if root is None:
        return False
    if _listed_among_places(root, mentions):
        return True  # "the towns were Carrascal, Cantilan, Madrid and Carmen": a town's name
    address = root.head  # "Puerto Limon, Costa Rica": the country only says where the town is
    if root.dep_ == "appos" and address.ent_type_ in PLACE_ENTITIES and not mentions.at(address):
        return True
    if root.dep_ in {"amod", "compound", "nmod"}:
        thing = root.head
        return (
            thing.dep_ == "pobj"
            and thing.pos_ == "NOUN"
            and mentions.at(thing) is None
            and not _is_act(thing)
        )
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


def _listed_among_places(root: Token, mentions: MentionIndex) -> bool:
    """Whether a name stands in a list with two or more names no dictionary knows as actors
    (towns the entity recogniser may call places or organisations): a capital or country
    named among towns ("Carrascal, Cantilan, Madrid") is a place of the same name."""
    if root.dep_ != "conj" and not any(c.dep_ == "conj" for c in root.children):
        return False
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    listed = [first, *(t for t in first.subtree if t.dep_ == "conj")]
    unknown = [
        t
        for t in listed
        if t.i != root.i and t.pos_ == "PROPN" and t.ent_type_ != "PERSON" and not mentions.at(t)
    ]
    return len(unknown) >= 2


def _is_act(noun: Token) -> bool:
    """Whether a noun names something an actor does ("Japanese control", "Venezuelan
    assistance"), not a thing it has or a place ("the Colombian pipeline")."""
    word = noun.lemma_.lower()
    return word in ACT_NOUNS or word.endswith(ACT_SUFFIXES)


def accused(candidate: EventCandidate, mentions: MentionIndex) -> MentionLike | None:
    """Whom a statement blames: the actor its reported clause says is behind, responsible
    for, to blame for or the perpetrator of something ("said Iran was behind the attacks",
    "said the crash was Iran's doing"); None when the clause blames no one."""
    for clause in candidate.predicate.children:
        sponsor = backer(clause, mentions) if clause.dep_ == "ccomp" else None
        found = _other_actor(sponsor, candidate.source, mentions) if sponsor else None
        if found is not None:
            return found
        if clause.dep_ != "ccomp" or clause.lemma_ not in COPULAS:
            continue
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        # "was Iran's doing", "was "likely" Iran's doing" (the parser hangs it lower)
        deeds = [t for t in clause.subtree if t.dep_ in {"attr", "xcomp"} and t.i != clause.i]
        for part in [*clause.children, *deeds]:
            culprit = _blamed(part, subject)
            found = _other_actor(culprit, candidate.source, mentions) if culprit else None
            if found is not None:
                return found
    return None


def backer(clause: Token, mentions: MentionIndex) -> Token | None:
    """The agent of a passive clause saying an armed group is backed, armed or funded by it
    ("the militias are armed by X"); None for any other clause ("the bill is backed by X")."""
    if clause.lemma_.lower() not in BACKING_VERBS or is_negated(clause):
        return None
    group = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
    armed = group is not None and any(
        m.actor.sector in ARMED_SECTORS for m in mentions.head_mentions(group)
    )
    agent = next((c for c in clause.children if c.dep_ == "agent"), None)
    return pobj_of(agent) if armed and agent is not None else None


def _blamed(part: Token, subject: Token | None) -> Token | None:
    """Who a part of a reported "be" clause blames: its subject ("X was behind it", "X was
    responsible", "X was the perpetrator"), or a deed's possessor ("it was X's doing")."""
    word = part.lemma_.lower()
    if part.dep_ in {"attr", "xcomp"} and word in DEED_NOUNS:
        return next((c for c in part.children if c.dep_ == "poss"), None)
    blames_subject = (
        (part.dep_ == "prep" and part.lower_ == "behind")
        or (part.dep_ in {"acomp", "oprd"} and capable_of_deed(part))  # "capable of the bombing"
        or (part.dep_ in {"acomp", "xcomp"} and word in BLAME_PREDICATES)
        or (part.dep_ == "attr" and word in CULPRIT_NOUNS)
    )
    return subject if blames_subject else None


def _other_actor(token: Token, speaker: MentionLike, mentions: MentionIndex) -> MentionLike | None:
    """The blamed actor, unless it is the speaker or the country the speaker only got from
    the sentence's context ("a spokesman said Japan was to blame" is no Japanese
    self-accusation)."""
    guessed = CONTEXT_COUNTRY in speaker.rule
    for mention in mentions.head_mentions(token):
        if same_party(mention, speaker):
            continue
        if guessed and mention.actor.code == speaker.actor.country:
            continue  # a group of that country still may be blamed: "army said rebels were"
        return mention
    return None


# a claim about another's conduct: "claimed X was arming the rebels"
ACCUSING_CLAIMS = frozenset({"claim"})


def accused_in_claim(
    match: Match, claimants: list[MentionLike], mentions: MentionIndex
) -> list[MentionLike]:
    """Who a claim is about when it is an accusation: the named subject of a "claimed (that)
    X does Y" clause, of another country than the claimant's, in an affirmative clause."""
    if match.entry.frame != "avowal" or match.token.lemma_.lower() not in ACCUSING_CLAIMS:
        return []
    if not claimants:
        return []
    for clause in match.token.children:
        if clause.dep_ != "ccomp" or is_negated(clause):
            continue
        subj, rule = subjects(clause)
        if rule != "nsubj":
            continue
        found = [
            m
            for token in subj
            for m in mentions.head_mentions(token)
            if not any(same_country(m, c) for c in claimants)
        ]
        if found:
            return found
    return []


def accusations(own: list[EventCandidate], accused: list[MentionLike]) -> list[EventCandidate]:
    """The claimant's events recoded as an accusation (112) of the first accused actor that is
    not of a claimant's country; none when every accused actor is."""
    others = [a for a in accused if not any(same_country(a, c.source) for c in own)]
    if not others:
        return []
    return [replace(c, code=ACCUSE_CODE, target=others[0], target_rule="claim-about") for c in own]
