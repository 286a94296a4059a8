"""Acts aimed back at earlier acts of the article.

Reactions: an act that reacts to an earlier act named only by a definite noun ("Britain
criticized the move", "The operation was condemned by the EU", "The embassy declined the
request") is aimed at the author of the latest earlier act of another country in the last
three sentences (``reaction_targets``).

Continued acts: a further act of force, or the next step of a case (accusation, verdict,
detention), with no target of its own is aimed at the target of the same source's act just
before (``continued_targets``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.clauses import is_negated, prep_objects
from dyadwatch.coding.events.apologies import LEAD_SENTENCES, harmed_party
from dyadwatch.coding.events.arguments import names_the_act
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.mentions import (
    MentionIndex,
    MentionLike,
    hop_partitive,
    same_party,
)
from dyadwatch.coding.events.possessives import possessive_pronoun, possessor
from dyadwatch.coding.events.results import RESULT_NOUNS, result_winner
from dyadwatch.coding.modality.classify import modality_of
from dyadwatch.coding.roles import direct_object, subjects
from dyadwatch.model import Event

# acts that react to an earlier act named only by a noun: "criticized the move", "the
# operation was condemned", "denied the accusation", "declined the request", "welcomed the deal"
REACTION_ROOTS = frozenset({"05", "11", "12"})
REACTION_CODES = frozenset({"016"})
DEFEND_CODE = "052"
DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})
# nouns that name an act of someone's
ACT_NOUNS = frozenset(
    """move step decision action measure plan proposal request demand call appeal
    accusation allegation charge claim offer operation offensive attack strike raid invasion
    incursion assault bombing killing deal agreement accord memorandum memoranda conclusion
    statement remark remarks announcement ban restriction sanction sanctions policy order
    ruling verdict warning threat ultimatum visit deployment withdrawal proclamation
    recognition suggestion designation annexation resolution decree initiative attempt
    refusal rejection bid effort""".split()  # noqa: SIM905
)
REACTION_WINDOW = 3  # sentences back
# an agreement named by its noun ("denounced the border agreement") is that of the latest
# agreement between two parties told before, looked for as far back as an attack
AGREEMENT_NOUNS = frozenset({"deal", "agreement", "accord", "memorandum", "memoranda"})
SIGN_CODE = "057"
AGREE_CODES = frozenset({"030", "031", "032", "033", "036", "046"})
JOINT_RULES = ("coordinated-subject", "between", "of-parties")
# an act of force named by its noun ("condemned the attack", "the operation was condemned") is
# looked for further back, among earlier acts of force only: articles tell the reactions to an
# attack long after the attack
FORCE_NOUNS = frozenset(
    """operation offensive attack strike airstrike raid invasion incursion assault bombing
    killing shelling""".split()  # noqa: SIM905
)
FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})
POSTURE_ROOT = "15"
FORCE_WINDOW = 30
# verbs that tell an attack by whoever approved or ordered it (verbs.tsv light frames)
ORDERING_VERBS = frozenset(
    {"approve", "authorize", "authorise", "order", "orchestrate", "mastermind", "sanction"}
)
REACTION_RULE = "reaction"

# prepositions through which a reaction names the act it answers: "spoke out against the
# attack", "disagreed with the decision", "objected to the plan"
REACTION_PREPS = ("against", "with", "to", "over", "about")
# ... and through which a stance named by its noun does: "disappointment at the ruling"
STANCE_PREPS = (*REACTION_PREPS, "at")
# acts whose authors claim them afterwards: "claimed responsibility for the attack"
CLAIMED_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
CLAIM_CODE = "015"
VOICED_RULE = "came-from"  # the source rule of nominal.py's ``origin_sources``
ACCUSE_CODE = "112"


def reaction_targets(
    candidates: list[EventCandidate], index: MentionIndex | None = None
) -> list[EventCandidate]:
    """Candidates with each target-less reaction to "the move"/"the request" aimed at the
    author the act's own noun phrase names ("the proclamation by X"), else at the author of the
    latest earlier act in the last few sentences, by another country; and each target-less
    claim of responsibility aimed at the target of the latest earlier act of force
    (docs/verbs.md, "Reactions")."""
    out: list[EventCandidate] = []
    for candidate in candidates:
        if candidate.target is None:
            found = _reaction_targets(candidate, out, index)
            for target in found:
                out.append(replace(candidate, target=target, target_rule=REACTION_RULE))
            if found:
                continue
        out.append(candidate)
    return out


def _co_authors(
    found: MentionLike, candidate: EventCandidate, earlier: list[EventCandidate]
) -> list[MentionLike]:
    """``found`` and, when it is the author of an earlier act done by several actors together
    ("X, Y and Z called on Turkey ... Turkey denounced the conclusions"), the others of them:
    a reaction to a joint act is aimed at each of its authors."""
    acts = [o for o in earlier if o.source is found and o.code[:2] != "01"]
    if not acts:
        return [found]
    act = acts[-1]
    out = [found]
    for other in earlier:
        if other.predicate.i != act.predicate.i or other.sentence_index != act.sentence_index:
            continue
        author = other.source
        if author.actor.country in {None, candidate.source.actor.country}:
            continue
        if all(a.actor.code != author.actor.code for a in out):
            out.append(author)
    return sorted(out, key=lambda m: m.start)


def _reaction_targets(
    candidate: EventCandidate, earlier: list[EventCandidate], index: MentionIndex | None
) -> list[MentionLike]:
    parties = _agreement_parties(candidate, earlier, index)
    if parties:
        return parties
    winner = _result_reaction(candidate, index)
    if winner is not None:
        return [winner]
    found = _reaction_target(candidate, earlier, index)
    if found is None:
        return []
    if found is _latest_author(candidate, earlier, _is_force(candidate)):
        return _co_authors(found, candidate, earlier)  # an earlier act's author
    return [found]


def _reaction_target(
    candidate: EventCandidate, earlier: list[EventCandidate], index: MentionIndex | None
) -> MentionLike | None:
    if candidate.code.startswith(CLAIM_CODE):
        return _claimed_target(candidate, earlier)
    if (harmed := harmed_party(candidate, earlier)) is not None:  # events/apologies.py
        return harmed
    if candidate.code.startswith(ACCUSE_CODE) and index is not None:
        accused = _accused(candidate, index)
        if accused is not None:
            return accused
    if candidate.source_rule == VOICED_RULE and candidate.code[:2] in REACTION_ROOTS:
        # "condemnation came from X": a reaction to the latest act of force before it
        return _latest_author(candidate, earlier, force=True)
    noun = _reacted_act(candidate)
    if noun is None:
        return None
    own = _named_author(noun, candidate, index) if index is not None else None
    pronoun = possessive_pronoun(noun)
    if own is None and pronoun is not None and index is not None and not _defends(candidate):
        # "condemned its attempt": the actor named before, never the source itself
        own = possessor(pronoun, candidate.source, index)
    force = _is_force(candidate)
    return own or _latest_author(candidate, earlier, force) or _lead_author(candidate, earlier)


def _result_reaction(candidate: EventCandidate, index: MentionIndex | None) -> MentionLike | None:
    """The winner of the vote whose "result" a reaction endorses or rejects (events/results.py)."""
    if index is None or candidate.code[:2] not in REACTION_ROOTS or _defends(candidate):
        return None
    predicate = candidate.predicate
    if predicate.pos_ not in {"VERB", "AUX"}:
        return None
    verbs = [predicate, *(c for c in predicate.children if c.dep_ == "xcomp")]
    nouns = [n for v in verbs for n in (direct_object(v), *prep_objects(v, REACTION_PREPS))]
    for noun in nouns:  # "would not endorse the result", "refused to accept the outcome"
        if noun is not None and noun.lower_ in RESULT_NOUNS:
            sentences = list(predicate.doc.sents)
            return result_winner(candidate, noun, sentences, index)
    return None


def _agreement_parties(
    candidate: EventCandidate, earlier: list[EventCandidate], index: MentionIndex | None
) -> list[MentionLike]:
    """The parties of the agreement a reaction names by its noun alone ("denounced the border
    agreement"): the two sides of the latest earlier agreement signed or agreed on by two
    actors ("X and Y signed a deal"), within ``FORCE_WINDOW`` sentences, but for the
    reacting actor's own country."""
    if candidate.code[:2] not in REACTION_ROOTS or _defends(candidate):
        return []
    noun = _reacted_act(candidate)
    if noun is None or noun.lemma_.lower() not in AGREEMENT_NOUNS:
        return []
    if possessive_pronoun(noun) is not None or any(c.dep_ == "poss" for c in noun.children):
        return []
    if index is not None and _named_author(noun, candidate, index) is not None:
        return []
    for other in reversed(earlier):
        if other.sentence_index >= candidate.sentence_index:
            continue
        if candidate.sentence_index - other.sentence_index > FORCE_WINDOW:
            return []
        if other.target is None or not _agreed(other):
            continue
        if modality_of(other.predicate) != "asserted":
            continue
        sides = [other.source, other.target]
        own = candidate.source.actor.country
        if any(m.actor.country in {None, own} for m in sides):
            continue  # an agreement the reacting actor is a party of, or of no one known
        return sides
    return []


def _agreed(candidate: EventCandidate) -> bool:
    """An agreement between two parties: signed (057), or agreed on or negotiated by two
    coordinated parties ("X and Y agreed on a border")."""
    if candidate.code.startswith(SIGN_CODE):
        return True
    return candidate.code[:3] in AGREE_CODES and candidate.target_rule.startswith(JOINT_RULES)


def _is_force(candidate: EventCandidate) -> bool:
    """Whether the act a reaction answers is named by a noun of force ("the attack")."""
    noun = _reacted_act(candidate)
    return noun is not None and noun.lemma_.lower() in FORCE_NOUNS


def _defends(candidate: EventCandidate) -> bool:
    """A verbal defence ("defended his policies") is of the source's own act."""
    return candidate.code.startswith(DEFEND_CODE)


def _reacted_act(candidate: EventCandidate) -> Token | None:
    """The definite noun naming the act a reaction answers, or None."""
    code = candidate.code
    if code[:2] not in REACTION_ROOTS and code[:3] not in REACTION_CODES:
        return None
    predicate = candidate.predicate
    if predicate.pos_ not in {"VERB", "AUX"}:
        return None
    stance = direct_object(predicate)
    named = stance is not None and names_the_act(stance, candidate.entries)
    # "expressed opposition to the plan", "voiced disappointment at the ruling": the parser
    # hangs the phrase on the stance's noun or on the verb
    nouns = [stance, *prep_objects(predicate, STANCE_PREPS if named else REACTION_PREPS)]
    if stance is not None and named:
        nouns += prep_objects(stance, STANCE_PREPS)
    # "disagreed with many of his suggestions": the act is the noun after the portion
    nouns = [hop_partitive(n) if n is not None else None for n in nouns]
    for noun in nouns:
        if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in ACT_NOUNS:
            continue
        if any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in noun.children):
            return noun
        if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children):
            return noun  # "Turkey's decision"
        if possessive_pronoun(noun) is not None:
            return noun  # "its decision": resolved to an actor other than the source
    return None


def _named_author(
    noun: Token, candidate: EventCandidate, index: MentionIndex
) -> MentionLike | None:
    """The author the act's noun phrase names: its possessor ("Turkey's decision") or its "by"
    phrase ("the proclamation ... by the president"), when that is another actor."""
    heads = [c for c in noun.children if c.dep_ == "poss"]
    heads += [t for t in noun.subtree if t.dep_ == "pobj" and t.head.lower_ == "by"]
    for head in heads:
        mention = index.at(head)
        if mention is None:
            continue
        if not same_party(mention, candidate.source):
            return mention
    return None


def _accused(candidate: EventCandidate, index: MentionIndex) -> MentionLike | None:
    """Whom an accusation is about when its clause names them: the subject of "alleged (that)
    X shelled the port", "charged that X had lied", when another actor than the accuser."""
    for clause in candidate.predicate.children:
        if clause.dep_ != "ccomp" or is_negated(clause):
            continue
        found, rule = subjects(clause)
        if rule not in {"nsubj", "nsubjpass"}:
            continue
        for token in found:
            for mention in index.head_mentions(token):
                if not same_party(mention, candidate.source):
                    return mention
    return None


def _claimed_target(candidate: EventCandidate, earlier: list[EventCandidate]) -> MentionLike | None:
    """Whom the claimed act was aimed at: the target of the latest earlier act of force in the
    last few sentences."""
    for other in reversed(earlier):
        if candidate.sentence_index - other.sentence_index > REACTION_WINDOW:
            return None
        target = other.target
        aimed = other.code[:2] in CLAIMED_ROOTS and target is not None
        if aimed and target.actor.code != candidate.source.actor.code:  # type: ignore[union-attr]
            return target
    return None


def _latest_author(
    candidate: EventCandidate, earlier: list[EventCandidate], force: bool = False
) -> MentionLike | None:
    """The source of the latest earlier asserted act by another country: an act of force for a
    noun of force, within ``FORCE_WINDOW`` sentences, one done before one approved or ordered;
    any act but a statement otherwise, within ``REACTION_WINDOW``."""
    country = candidate.source.actor.country
    window = FORCE_WINDOW if force else REACTION_WINDOW
    ordered: MentionLike | None = None
    for other in reversed(earlier):
        if other.sentence_index >= candidate.sentence_index:
            continue  # the reaction's own sentence names its own arguments
        if candidate.sentence_index - other.sentence_index > window:
            return None
        author = other.source
        if other.code[:2] == "01" or author.actor.country is None:
            continue
        if author.actor.country == country and not (force and _insurgent(author, candidate)):
            continue  # a reaction at home is to an attack by rebels, not by one's own side
        if force and (other.code[:2] not in FORCE_ROOTS or _posture_at_home(other)):
            continue
        if modality_of(other.predicate) != "asserted":
            continue
        if force and _ordered(other):
            ordered = ordered or author  # "the attack" is the one done, if any is told
            continue
        return author
    return ordered


def _ordered(act: EventCandidate) -> bool:
    """An attack told by its approval or order ("X approved the attacks on Y"): the approver's
    act, but background to an attack told as done, which "condemned the attack" is about."""
    return act.predicate.lemma_.lower() in ORDERING_VERBS


def _posture_at_home(act: EventCandidate) -> bool:
    """Force posture a state takes with its own forces ("ordered its troops on alert"): a
    readiness at home, not the attack a condemnation is about."""
    target = act.target
    if act.code[:2] != POSTURE_ROOT or target is None:
        return False
    return target.actor.country is not None and target.actor.country == act.source.actor.country


def _lead_author(candidate: EventCandidate, earlier: list[EventCandidate]) -> MentionLike | None:
    """The author of the story's lead act (asserted, no statement, in its first sentences) when
    another country's: "the move" far down, with no act nearer, is what the story is about."""
    lead, others = (
        min(LEAD_SENTENCES, candidate.sentence_index),
        {None, candidate.source.actor.country},
    )
    acts = [o for o in earlier if o.sentence_index < lead and o.code[:2] != "01"]
    acts = [o for o in acts if o.source.actor.country not in others]
    return next((o.source for o in acts if modality_of(o.predicate) == "asserted"), None)


# armed opponents at home; unknown attackers (UAF: "gunmen", an unattributed bombing) too
INSURGENT_SECTORS = frozenset({"REB", "INS", "SEP", "UAF"})


def _insurgent(author: MentionLike, candidate: EventCandidate) -> bool:
    """Whether an attack's author is an armed group fighting the reacting actor's country
    ("Filipino officials condemned the attack" by Filipino rebels)."""
    sector = author.actor.sector
    return sector in INSURGENT_SECTORS and candidate.source.actor.sector not in INSURGENT_SECTORS


# ---------------------------------------------------------------------- continued acts
CONTINUED_ROOTS = frozenset({"18", "19", "20"})
CONTINUED_RULE = "continued"
# a court or legislature going on with its case against whom it just named: "The House
# impeached the president. The House passed two articles of impeachment." (accusations,
# verdicts, legal action)
CASE_CODES = frozenset({"112", "116", "173"})
CASE_SECTORS = frozenset({"LEG", "JUD"})
CASE_WINDOW = 2  # sentences


def continued_targets(events: list[Event]) -> list[Event]:
    """Events with each asserted act of force that names no target aimed at the target of the
    latest earlier asserted act of force by the same country within ``FORCE_WINDOW`` sentences:
    "Turkey shelled Syrian towns ... Turkey began a ground offensive" goes on against Syria
    (docs/verbs.md, "Reactions")."""
    out: list[Event] = []
    for event in events:
        if event.target is None and (_continues(event) or _continues_case(event)):
            earlier = _continued_from(event, out) if _continues(event) else _case_from(event, out)
            if earlier is not None and earlier.target is not None:
                rule = {
                    **event.rule,
                    "target": f"{CONTINUED_RULE}: {earlier.rule.get('target', '')}",
                }
                event = replace(event, target=earlier.target, rule=rule)
        out.append(event)
    return out


def _continues(event: Event) -> bool:
    return (
        event.code[:2] in CONTINUED_ROOTS
        and event.modality == "asserted"
        and event.source.country is not None
    )


def _continued_from(event: Event, earlier: list[Event]) -> Event | None:
    for other in reversed(earlier):
        if event.sentence_index - other.sentence_index > FORCE_WINDOW:
            return None
        if not _continues(other) or other.target is None:
            continue
        if other.source.country != event.source.country:
            continue
        if other.target.country in {None, event.source.country}:
            continue
        return other
    return None


def _continues_case(event: Event) -> bool:
    return (
        event.code[:3] in CASE_CODES
        and event.source.sector in CASE_SECTORS
        and event.modality == "asserted"
    )


def _case_from(event: Event, earlier: list[Event]) -> Event | None:
    """The latest act of the same body and kind with a target at most ``CASE_WINDOW``
    sentences before."""
    for other in reversed(earlier):
        if event.sentence_index - other.sentence_index > CASE_WINDOW:
            return None
        if (
            other.target is not None
            and other.source.code == event.source.code
            and other.code[:3] == event.code[:3]
            and other.modality == "asserted"
        ):
            return other
    return None
