"""Acts whose class the construction around them decides, not the verb's own entry.

An order of force posture is the posture ("ordered troops on alert": 152, no demand), an order
to the orderer's own staff is the act they are told to do ("ordered his staff to suspend the
aid": 1622, no demand), a yield
announced for no later date is the yield itself ("announced she will comply": 080, no intent),
and a word of wanting only promises when it governs the infinitive of what is wanted ("was
determined to have a clot" is a finding). Used by ``frames.py``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.events.complements import DIRECTIVE_VERBS, frame_of
from dyadwatch.coding.events.predicates import Match

# force posture (alert, mobilization, deployment): ordering it is doing it, the forces told
# being the orderer's own
POSTURE_ROOT = "15"
# verbs whose reported future act of yielding is a decision made known, the act itself:
# "announced (that) she will comply with the request" (080), not an intent (035); other
# cooperation announced ("will hold talks", "will send aid") stays an intent
DECISION_VERBS = frozenset({"announce"})
YIELD_ROOT = "08"
# a government's own domestic emergency measure (a curfew 1723, a state of emergency 1724)
# reported as what it will do is the measure decided ("the minister said a curfew would be
# imposed": 1723), whatever date it starts, when the clause's doer is the speaker ("it",
# "we") or left unsaid (a passive); a restriction aimed at others ("would prohibit all aid
# to the rebels") stays a threat, as Multi-CoPED codes it
MEASURE_CODES = frozenset({"1723", "1724"})
MEASURE_VERBS = frozenset({"announce", "say", "declare", "confirm", "state"})
SPEAKER_PRONOUNS = frozenset({"it", "we", "they", "i"})
CONDITIONS = frozenset({"if", "unless"})
# the orderer's own people who carry out what they are told, no actors themselves ("ordered his
# staff to ...", "instructed her aides to ..."): the act told is the orderer's
STAFF_WORDS = frozenset(
    {"staff", "aide", "aides", "subordinate", "subordinates", "employee", "employees", "team",
     "personnel"}
)  # fmt: skip
OWN_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my"})


def ordered_posture(match: Match, code: str) -> bool:
    """An order ("ordered", "commanded", "directed", "instructed") whose act is force posture,
    or that tells the orderer's own staff: "ordered a heightened alert", "ordered the army to
    mobilise" is the orderer's posture, "ordered his staff to suspend the aid" its suspension."""
    directive = not match.nominal and match.token.lemma_.lower() in DIRECTIVE_VERBS
    if not directive or frame_of(match) != "demand":
        return False
    # "ordered his staff to suspend aid to X": the orderer suspends it (issue 9)
    return code.startswith(POSTURE_ROOT) or _told_own_staff(match.token)


def _told_own_staff(verb: Token) -> bool:
    """Whether an order tells the orderer's own staff ("ordered his staff to suspend the aid",
    "instructed her aides to ..."): what they are told to do is the orderer's act."""
    return any(
        told.dep_ in {"dobj", "dative", "iobj"}
        and told.lower_ in STAFF_WORDS
        and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in told.children)
        for told in verb.children
    )


def announced_decision(verb: Token, code: str) -> bool:
    """A future act in the clause an announcing verb reports ("announced the troops would
    leave", "announced that it will reopen the border"): the decision is made known, so a
    yielding act is coded, not an intent to do it. One set for a later time ("would free the
    prisoners by the end of August") is still a plan: an intent. A curfew or state of emergency
    the speaker itself will impose is announced in any reporting clause, for any date."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i:
        return False
    if code in MEASURE_CODES:
        return head.lemma_.lower() in MEASURE_VERBS and _speaker_does(verb)
    if not code.startswith(YIELD_ROOT):
        return False
    if head.lemma_ not in DECISION_VERBS:
        return False
    return not any(t.ent_type_ in {"DATE", "TIME"} for t in own_clause(verb))


def _speaker_does(verb: Token) -> bool:
    """Whether the reported clause's doer is the speaker: a pronoun subject ("said it would
    impose a curfew") or a passive with no agent ("said transport would be shut down")."""
    if any(m.lower_ in CONDITIONS for c in verb.children if c.dep_ == "advcl" for m in c.children):
        return False  # "would impose a curfew if the riots go on": a threat
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(c.dep_ == "nsubjpass" for c in subjects):
        return not any(c.dep_ == "agent" for c in verb.children)
    return any(c.lower_ in SPEAKER_PRONOUNS for c in subjects)


# dependents that open a clause of their own: their dates are not the governing act's
EMBEDDED_CLAUSE_DEPS = frozenset(
    {"acl", "relcl", "xcomp", "ccomp", "advcl", "csubj", "parataxis", "conj"}
)


def own_clause(verb: Token) -> list[Token]:
    """The tokens of a verb's clause, leaving out the clauses embedded in it ("comply with the
    request to suspend Parliament in September": September is the suspension's)."""
    out, stack = [], [verb]
    while stack:
        token = stack.pop()
        out.append(token)
        stack += [c for c in token.children if c.dep_ not in EMBEDDED_CLAUSE_DEPS]
    return out


# "was determined to have a tumour", "was determined to be the cause": a finding, not resolve
FINDING_WORDS = frozenset({"determined", "determine"})
STATE_VERBS = frozenset({"have", "be"})


def wished_infinitive(verb: Token) -> bool:
    """Whether a word of wanting governs the infinitive of what is wanted ("wants to hold
    talks", "is determined to end the war"); "was determined to have a clot" is a finding."""
    for clause in verb.children:
        if clause.dep_ != "xcomp" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        ):
            continue
        finding = verb.lemma_.lower() in FINDING_WORDS or verb.lower_ in FINDING_WORDS
        return not (finding and clause.lemma_.lower() in STATE_VERBS)
    return False
