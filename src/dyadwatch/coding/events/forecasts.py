"""Must/should clauses that forecast or assess rather than direct (events/frames.py reads
"X said Y must do Z" as X demanding Z of Y; these clauses demand nothing of anyone), and the
clause of a denied doubt, which tells what will happen as plainly as "would" does."""

from __future__ import annotations

from spacy.tokens import Token

# subjects that direct no one: "this should make it easy", "there should be a deal"
NON_AGENT_SUBJECTS = frozenset({"it", "this", "that", "there", "these", "those", "which"})

# what one should expect or count on is an outlook, not a deed anyone can be asked to do
EXPECTATION_VERBS = frozenset({"expect", "anticipate", "foresee", "predict"})


def forecast_clause(clause: Token) -> bool:
    """A must/should clause that forecasts rather than directs: its subject is no agent
    ("this should make it easy"), it only says what something is ("results should be
    about the same") or what to expect ("investors should expect delays")."""
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "expl"}]
    if any(s.lower_ in NON_AGENT_SUBJECTS for s in subjects):
        return True
    if clause.lemma_ in EXPECTATION_VERBS:
        return True  # "the government should not expect more revenue": advice on outlook
    copular = clause.lemma_ == "be" and not any(c.dep_ == "auxpass" for c in clause.children)
    # a lower-case "proper noun" is a common noun the tagger misread ("the national treasury")
    common = all(s.pos_ == "NOUN" or (s.pos_ == "PROPN" and s.is_lower) for s in subjects)
    return copular and common and bool(subjects)


def beyond_doubt(verb: Token) -> bool:
    """ "There was no doubt (that) X would retaliate": the clause of a denied doubt, which the
    parser makes the noun's clause (acl) or a conjunct of the existential "was"."""
    if verb.dep_ == "acl":
        doubt: Token | None = verb.head
    elif verb.dep_ == "conj":
        doubt = next((c for c in verb.head.children if c.dep_ == "attr"), None)
    else:
        return False
    if doubt is None or doubt.lemma_.lower() != "doubt":
        return False
    return any(c.lower_ == "no" for c in doubt.children)
