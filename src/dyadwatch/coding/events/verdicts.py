"""Verdicts: what a finding ("found the decision unlawful", "ruled that X lacked the
authority") says of what it judges, and whom it, a vote of no confidence or a rejection judges
(the author of the act judged: "rejected a lawsuit filed by X").

Used by the verb matcher (``predicates.py``: a finding entry's verdict words) and by the target
finder (``arguments.py``: whose act is judged). Pure over the parse.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.clauses import is_negated, is_passive, prep_objects
from dyadwatch.coding.roles import direct_object, subjects

VERDICT_DEPS = frozenset({"ccomp", "xcomp", "oprd"})
VERDICT_WORD_DEPS = frozenset({"acomp", "advmod", "oprd"})
VERDICT_POS = frozenset({"ADJ", "ADV"})


# how the parser may hang "illegal" of "ruled the decision illegal" on the verb
ADJ_CLAUSE_DEPS = frozenset({"advcl", "advmod"})
# verbs of a finding whose clause's own verb may be the verdict ("ruled X lacked authority")
FINDING_VERBS = frozenset({"rule", "find", "hold", "declare"})
CLAUSE_POS = frozenset({"VERB", "AUX"})
CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def verdict(verb: Token, label: Token | None) -> Token | None:
    """What a finding says of what it judges when that is not the verb's object: ``label``
    (what the verb says its object is, ``labels.object_predicate``) when an adjective
    ("found the decision unlawful"); an adjective over a clause of its own ("found the decision
    of X unlawful"), a predicate of the object ("found X to be unlawful") or of a clause ("found
    that X was unlawful"), or how the clause's act was done ("found that X had acted
    unlawfully"); else, after a verb of finding, the clause's verb itself ("ruled that X lacked
    the authority", "found X had exceeded its powers"). None when the judged clause is negated
    ("found X had not acted ...")."""
    if label is not None and label.pos_ == "ADJ":
        return label
    holders = [c for c in verb.children if c.dep_ in VERDICT_DEPS]
    # "ruled the decision illegal": the parser may hang the adjective on the verb as a clause
    holders += [c for c in verb.children if c.dep_ in ADJ_CLAUSE_DEPS and c.pos_ == "ADJ"]
    obj = direct_object(verb)
    if obj is not None:
        holders += [c for c in obj.children if c.dep_ in {"acl", "relcl"}]
    # "found X was driven by ... and that it is unlawful": a second finding of the same clause
    holders += [c for h in holders if h.dep_ == "ccomp" for c in h.children if c.dep_ == "conj"]
    acted: Token | None = None
    for clause in holders:
        if is_negated(clause):
            continue
        if clause.pos_ == "ADJ":
            return clause
        for word in clause.children:
            if word.dep_ in VERDICT_WORD_DEPS and word.pos_ in VERDICT_POS:
                return word
        if clause.dep_ == "ccomp" and clause.pos_ in CLAUSE_POS and verb.lemma_ in FINDING_VERBS:
            acted = acted or clause  # "ruled that X lacked the authority": what X did
    return acted


def is_verdict(verb: Token, word: Token) -> bool:
    """Whether a pattern's object is a verdict on something (see :func:`verdict`): an
    adjective or adverb, or the verb of a clause a finding is about."""
    return word.pos_ in VERDICT_POS or (word.dep_ == "ccomp" and word.head.i == verb.i)


def judged_by_verdict(verb: Token, word: Token) -> list[Token]:
    """What a verdict ``word`` (see :func:`verdict`) is about: the subject of its clause
    ("the decision of X", "the government had acted"), the noun it describes ("X to be
    unlawful"), or, when the parser took the verdict for the object, the verdict itself with
    its modifiers ("found the government's decision unconstitutional")."""
    if word.head.i == verb.i and word.dep_ in {"dobj", "obj"}:
        return [word]
    if word.head.i == verb.i and word.dep_ in ADJ_CLAUSE_DEPS:
        obj = direct_object(verb)
        return [obj] if obj is not None else []
    clause = word if word.dep_ in VERDICT_DEPS else word.head
    if clause.dep_ in {"acl", "relcl"}:
        return [clause.head]
    found, _ = subjects(clause)
    if clause.dep_ == "conj" and all(s.pos_ == "PRON" for s in found):
        # "found X was driven by ... and that it is unlawful": "it" is the first finding's X
        found = [c for c in clause.head.children if c.dep_ in CLAUSE_SUBJECTS] or found
    return found


def distrusted(theme: Token | None) -> list[tuple[Token, str]]:
    """Whom a disapproval noun is against: "a motion against X", "a vote of no confidence in
    X" (the "in" of its "of" phrase only: "criticism in parliament" is where it was voiced)."""
    if theme is None or theme.pos_ not in {"NOUN", "PROPN"}:
        return []
    found = [(p, "theme-against") for p in prep_objects(theme, ("against",))]
    for quality in prep_objects(theme, ("of",)):
        found += [(p, "theme-in") for p in prep_objects(quality, ("in",))]
    return found


def authors_of(noun: Token) -> list[Token]:
    """Who did what a noun names: "X by Y", "X granted by Y" -> Y; "X that Y declared" -> Y,
    unless a possessor names its author ("the House's decision, which Y called a stunt")."""
    found = prep_objects(noun, ("by",))
    owned = any(c.dep_ == "poss" for c in noun.children)
    for clause in noun.children:
        if clause.dep_ == "relcl" and not is_passive(clause) and not owned:
            found += [c for c in clause.children if c.dep_ == "nsubj"]
        elif clause.dep_ in {"acl", "relcl"}:
            found += prep_objects(clause, ("by",))
    return found


def complaint_subjects(verb: Token) -> list[Token]:
    """Whom a complaint lodged with someone and spelled out by a "that" clause is about: the
    clause's doer ("complained to the UN that Israel was blocking exports" -> Israel, "... that
    its villages were shelled by X" -> X) and where that doer came from ("that planes from
    Afghanistan attacked"). Without a "to" phrase ("charged that its producers lacked
    means") the clause may name the complainant's own side: nothing."""
    out: list[Token] = []
    if not prep_objects(verb, ("to",)):
        return out
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in CLAUSE_POS:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            continue
        doers = [c for c in clause.children if c.dep_ == "nsubj"]
        if is_passive(clause):
            doers = [
                p for agent in clause.children if agent.dep_ == "agent" for p in agent.children
            ]
        for doer in doers:
            out += [doer, *prep_objects(doer, ("from",))]
    return out
