"""Whether a country named in a sentence is what an actor chain's own verb acts on: then it
is another party, not the chain's country ("officials criticised the Chinese navy")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

# dependents inside a noun phrase: a chain there belongs to the phrase's head
INSIDE_PHRASE_DEPS = frozenset({"pobj", "prep", "compound", "amod", "appos", "poss", "nmod"})
# a subject's clause: the dependents of its verb that name whom the verb acts on
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ACTED_ON_DEPS = frozenset({"dobj", "obj", "dative", "iobj", "prep"})
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "within", "across", "throughout", "near"})
# whom an object-control verb's addressee is to act on: "urged X to impose sanctions on Y"
CONTROLLED_DEPS = frozenset({"dobj", "dative", "pobj"})
OPPOSING_PREPS = frozenset({"against", "on", "upon", "over"})


def acted_on(doc: Doc, start: int, end: int, other: int) -> bool:
    """Whether the token at ``other`` is in what the subject chain ``[start, end)`` acts on
    (its verb's object, dative or preposition): "the president urged allies such as Germany"
    does not make the president German, nor "officials criticised the Chinese navy" Chinese."""
    head = next((t for t in doc[start:end] if not start <= t.head.i < end), None)
    # from inside the subject's phrase up to the subject ("an assembly of Arab ministers"):
    # then only what the verb acts on directly counts ("... condemned Israel"), not a country
    # deep in its object ("a strike in protest of the Russian government's refusal")
    nested, first = False, head
    for _ in range(6):
        if head is None or head.dep_ not in INSIDE_PHRASE_DEPS or head.head.i == head.i:
            break
        head, nested = head.head, True
    if head is None:
        return False
    if head.dep_ in SUBJECT_DEPS and head.head.i != head.i:
        verb = head.head
        if verb.dep_ in {"aux", "auxpass"}:  # a subject the parser hung on "was"
            verb = verb.head
        # "condemned X and asked Copenhagen to ...": its conjoined verbs act on theirs too
        verbs = {verb.i} | {c.i for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"}
        # "urged the government to impose sanctions on Japan": whom the infinitive's act is
        # against ("asked him to visit Japan" names a host, not the other side)
        against = {i for v in verbs for i in _infinitives(doc[v])}
    elif first is not None and first.dep_ in CONTROLLED_DEPS:
        # "called on the president to retaliate against Japan": the one asked acts in the
        # infinitive; whom it acts on there is not its country either
        verb = first.head.head if first.dep_ == "pobj" else first.head
        verbs = _infinitives(verb) if verb.pos_ in {"VERB", "AUX"} else set()
        if not verbs:
            return False
        nested, against = False, set()
    else:
        return False
    token = doc[other]
    opposed = False
    for _ in range(3 if nested else 12):  # climb from the other chain to the subject's verb
        if token.head.i == token.i or token.i in verbs:
            return False
        opposed = opposed or (token.dep_ == "prep" and token.lower_ in OPPOSING_PREPS)
        if token.head.i in against:
            return opposed
        if token.head.i in verbs:
            # where the act happened places its actors: "police arrested protesters in Ankara"
            # "called the Russian move a provocation": the parser makes the judged noun a
            # verbless clause of the verb; it is what the verb acts on all the same
            small_clause = token.dep_ == "ccomp" and token.pos_ in {"NOUN", "PROPN"}
            acted = token.dep_ in ACTED_ON_DEPS or small_clause
            return acted and token.lower_ not in LOCATIVE_PREPS
        token = token.head
    return False


def infinitive_clauses(verb: Token) -> list[Token]:
    """The verb's infinitive complements or purpose clauses: "urged X to impose sanctions on
    Y", "offered warships to escort Y's tankers"."""
    return [
        comp
        for comp in verb.children
        if comp.dep_ in {"xcomp", "ccomp", "advcl"}
        and comp.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children)
    ]


def _infinitives(verb: Token) -> set[int]:
    """Infinitive clauses and their conjoined verbs: what they act on is what the subject's
    act is aimed at."""
    out: set[int] = set()
    for comp in infinitive_clauses(verb):
        out |= {comp.i} | {c.i for c in comp.children if c.dep_ == "conj" and c.pos_ == "VERB"}
    return out
