"""Dependency-parse helpers: complements, particles, prepositional objects and negation of a
predicate (its subject and direct object: ``dyadwatch.coding.roles``, which builds on these).

Pure functions over spaCy tokens (English, ClearNLP labels as en_core_web_sm produces them).
They return tokens plus a short rule name that ends up in an event's provenance.
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj"})
DATIVES = frozenset({"dative", "iobj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their"})
# prepositions whose object is the target of an act, in order of preference
TARGET_PREPS = (
    "against", "on", "upon", "with", "to", "into", "toward", "towards", "at", "from", "near",
    "through",
)  # fmt: skip
# ... and after the object noun as well: "entered waters near Japan"
NOUN_TARGET_PREPS = (*TARGET_PREPS, "between", "among")
# auxiliaries that make a clause a statement about the future
# edges into a modifying clause or phrase: an act there is not the sentence's own act
# ("forces backed by Russia continued their attacks": the attacks come first)
MODIFIER_CLAUSES = frozenset({"acl", "relcl", "advcl", "pcomp", "pobj"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
# the obligation auxiliaries that advise rather than insist: "Y should do Z" is a suggestion
# (CAMEO 02, appeal), "Y must do Z" a demand (10)
ADVICE_AUX = frozenset({"should", "ought"})


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.tag_ in {"VBN", "VBD"} and verb.dep_ in {"conj", "advcl"}:
        own = [c for c in verb.children if c.dep_ in SUBJECTS or c.dep_ in {"aux", "mark"}]
        if verb.dep_ == "advcl" and _reduced_adverbial(verb):
            # "although suspended from duty, the officers ...": a participle after a
            # subordinator (with no subject, even one tagged VBD is no finite verb)
            return True
        if not own:
            # "(the army was) large and funded by China": a participle with a by-agent;
            # "supported with weapons, the army ...": a bare participial adverbial
            if verb.tag_ == "VBN" and verb.dep_ == "advcl":
                return True
            if any(c.dep_ == "agent" for c in verb.children):
                return True
    # a participle modifying a noun: "the aid provided by China"
    # (the small model often tags such participles VBD; an active participle is VBG)
    return verb.dep_ == "acl" and verb.tag_ != "VBG" and not is_misparsed_clause(verb)


# subordinators of a reduced adverbial clause whose bare participle is passive: "although
# suspended", "once released" ("as expected" says nothing was done to anyone)
# ("if convicted" is only a condition)
REDUCED_MARKS = frozenset({"although", "though", "while", "when", "whilst", "once", "after",
                           "before", "since"})  # fmt: skip


def _reduced_adverbial(verb: Token) -> bool:
    """A participle with a subordinator and neither subject nor auxiliary of its own."""
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if not marks or any(c.dep_ in SUBJECTS or c.dep_ == "aux" for c in verb.children):
        return False
    return all(m.lower_ in REDUCED_MARKS for m in marks)


# verbs whose passive keeps a that-clause: "officials, told that the vote was off, left"
TOLD_THAT = frozenset({"tell", "inform", "warn", "assure", "notify", "advise", "remind",
                       "convince", "persuade", "reassure", "promise", "show", "teach"})  # fmt: skip


def _active_participle(verb: Token) -> bool:
    """An ``acl`` verb that is really a clause's active predicate."""
    if any(c.dep_ in OBJECTS for c in verb.children):
        return True  # a passive participle takes no direct object
    if perfect_auxiliary(verb) is not None:
        return True
    if (
        verb.tag_ in {"VBN", "VBD"}
        and verb.lemma_.lower() not in TOLD_THAT
        and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in verb.children
        )
    ):
        return True  # "after X, a judge, ordered that ...": a passive takes no that-clause
    return verb.head.dep_ == "ROOT" and verb.head.pos_ in {"NOUN", "PROPN"}


def perfect_auxiliary(verb: Token) -> Token | None:
    """The "have" of a perfect the parser read as possession: in "vessels have for 152 days
    cruised through the zone", "cruised" hangs on "days" and "have" is the main verb."""
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"}:
        return None
    noun = verb.head
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    have = noun.head.head
    if have.lemma_ != "have" or any(c.dep_ in OBJECTS for c in have.children):
        return None
    return have


def is_misparsed_clause(verb: Token) -> bool:
    """A finite clause the parser hung on its subject as a participle.

    In "a submarine intruded into the waters, and five vessels entered ..." the parser makes
    "intruded" an ``acl`` of "submarine" and gives "entered" two subjects. When the modified
    noun is a subject of a verb that has another subject of its own, the noun is really the
    subject of the participle (and the participle is active).
    """
    noun = verb.head
    if verb.dep_ != "acl" or any(c.dep_ == "agent" for c in verb.children):
        return False
    if _active_participle(verb):
        return True
    if noun.dep_ not in SUBJECTS or noun.head is noun:
        return False
    governor = noun.head
    return any(c.dep_ in SUBJECTS and c.i != noun.i for c in governor.children)


def child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def pobj_of(prep: Token) -> Token | None:
    """Object of a preposition: its pobj, or a gerund (pcomp) as in "by attacking"."""
    return child(prep, {"pobj", "pcomp"})


def prep_objects(token: Token, words: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Objects of the prepositions ``words`` attached to ``token``, in the order of ``words``."""
    preps = [c for c in token.children if c.dep_ in {"prep", "dative", "agent", "prt"}]
    out: list[Token] = []
    for word in words:
        for prep in preps:
            if prep.lower_ == word:
                pobj = pobj_of(prep)
                if pobj is not None:
                    out.append(pobj)
    return out


# dependents that are never a phrasal verb's particle: "to fly" is no "fly to"
_NOT_PARTICLES = SUBJECTS | PASSIVE_SUBJECTS | OBJECTS | {"aux", "auxpass", "mark", "neg"}
# dependents that end a verb's own phrase: a particle after one of them is not the verb's
_PHRASE_ENDERS = frozenset({"xcomp", "ccomp", "advcl", "conj", "prep", "punct", "cc", "parataxis"})


# particles that introduce what the verb's object is made: "used X as a shield"
OBJECT_PREDICATE_PARTICLES = frozenset({"as"})


def find_particle(verb: Token, word: str) -> Token | None:
    """The particle or preposition ``word`` of a phrasal verb ("call on", "crack down").

    It must belong to the verb's own phrase: "agreed to lift embargoes ... with strings
    attached" is not "agree with".
    """
    for c in verb.children:
        # a noun of the phrase is the verb's object: "took part in", "set fire to"
        noun_word = c.dep_ in OBJECTS and c.pos_ == "NOUN"
        if c.lower_ == word and (c.dep_ not in _NOT_PARTICLES or noun_word):
            if _is_time_phrase(c):
                continue  # "called Morrison on Wednesday" is no "call on"
            between = range(min(verb.i, c.i) + 1, max(verb.i, c.i))
            if not any(_ends_phrase(verb, verb.doc[i]) for i in between):
                return c
    if word in OBJECT_PREDICATE_PARTICLES:
        # "held hundreds of villagers as human shields": the parser hangs "as" on the object
        for obj in (c for c in verb.children if c.dep_ in OBJECTS):
            found = next((p for p in obj.children if p.dep_ == "prep" and p.lower_ == word), None)
            if found is not None:
                return found
    # the parser sometimes attaches the particle elsewhere; accept it right after the verb
    if verb.i + 1 < len(verb.doc):
        tok = verb.doc[verb.i + 1]
        if tok.lower_ == word and tok.pos_ in {"ADP", "PART", "ADV", "ADJ", "SCONJ"}:
            if tok.dep_ == "aux" or (tok.dep_ == "prep" and _is_time_phrase(tok)):
                return None
            return tok  # includes "called for X to act", where "for" marks the clause
    return None


def _ends_phrase(verb: Token, token: Token) -> bool:
    if token.head.i != verb.i or token.dep_ not in _PHRASE_ENDERS:
        return False
    return not (token.dep_ == "prep" and _is_time_phrase(token))  # "called on Tuesday for"


def _is_time_phrase(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Wednesday", "in March"), not a term
    in custody ("sentenced to four years in prison"), nor the date of a deadline given ("gave
    the army until Friday to withdraw")."""
    if prep.lower_ == "until" and _deadline_for_act(prep.head):
        return False
    pobj = pobj_of(prep)
    if pobj is None or pobj.ent_type_ not in {"DATE", "TIME"}:
        return False
    return custody_of(pobj) is None and not (prep.lower_ == "to" and custody_of(prep.head))


def _deadline_for_act(verb: Token) -> bool:
    """Whether a verb gives until a date to do something: it has a to-infinitive after it."""
    return any(
        c.dep_ in {"advcl", "xcomp", "ccomp"}
        and c.i > verb.i
        and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        for c in verb.children
    )


# places of custody that a length of time can be spent in: "four years in prison"
CUSTODY_WORDS = frozenset({"prison", "jail", "gaol", "detention", "custody", "imprisonment"})


def custody_of(term: Token) -> Token | None:
    """The custody a length of time is spent in ("five years of prison" -> "prison"), if any;
    also said of the verb the time is given to ("sentenced to five years in prison")."""
    for prep in term.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "of", "behind"}:
            place = pobj_of(prep)
            if place is not None and place.lemma_.lower() in CUSTODY_WORDS:
                return place
    return None


NOUN_MODIFIERS = frozenset({"det", "amod", "nummod", "compound"})


def infinitive_subject(verb: Token) -> Token | None:
    """An object the parser made the subject of an infinitive after the verb: in "declared a
    state of siege to begin at midnight" it reads "a state of siege to begin" as a clause.
    Only a noun right after the verb (a determiner or adjectives between) counts."""
    if child(verb, OBJECTS) is not None:
        return None
    for clause in verb.children:
        if clause.dep_ not in {"ccomp", "xcomp"} or clause.i < verb.i:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        subj = child(clause, {"nsubj"})
        if subj is None or subj.pos_ != "NOUN":
            continue
        between = verb.doc[verb.i + 1 : subj.left_edge.i]
        if subj.left_edge.i > verb.i and all(t.dep_ in NOUN_MODIFIERS for t in between):
            return subj
    return None


def complement_clauses(verb: Token) -> list[Token]:
    """Clausal complements: "agreed to hold talks", "urged X to withdraw", "said that ..."."""
    out = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
    # "to"-infinitives the parser hung on the verb as an adverbial clause
    out += [
        c
        for c in verb.children
        if c.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
    ]
    # "called on X to act", "urged X to act": the infinitive hangs on the addressee
    for arg in verb.children:
        if arg.dep_ in OBJECTS | {"prep"}:
            holder = pobj_of(arg) if arg.dep_ == "prep" else arg
            if holder is None:
                continue
            out += [
                c
                for c in holder.children
                if c.dep_ in {"acl", "relcl", "xcomp"}
                and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
            ]
    return [c for c in out if c.pos_ in {"VERB", "AUX", "ADJ"}]


def has_aux(verb: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in words for c in verb.children)


def is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def clause_depth(token: Token) -> int:
    """How many modifying clauses or phrases ``token`` is nested in: 0 for the main clause
    (and what it reports), 1 for a participle, relative or adverbial clause on it, ..."""
    return sum(1 for t in (token, *token.ancestors) if _modifies(t))


def _modifies(token: Token) -> bool:
    """Whether ``token`` heads a modifying clause or phrase; not a finite clause the parser
    hung on its subject ("a submarine intruded into the waters, and vessels entered ...")."""
    if token.dep_ not in MODIFIER_CLAUSES:
        return False
    return token.dep_ != "acl" or token.tag_ == "VBG" or not is_misparsed_clause(token)


def in_subtree(token: Token, root: Token) -> bool:
    """Whether ``token`` is ``root`` or one of its descendants."""
    while True:
        if token.i == root.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def agentless_with(verb: Token) -> bool:
    """A passive with no agent and a "with" partner: "a deal was signed with Iran"."""
    return (
        is_passive(verb) and not prep_objects(verb, ("by",)) and bool(prep_objects(verb, ("with",)))
    )


def repeated_particle_objects(verb: Token, particle: Token) -> list[Token]:
    """Objects of later phrases on ``verb`` with the particle's own preposition, each said
    again after a comma ("met with X, then with Y", "spoke to X and later to Y")."""
    out: list[Token] = []
    for prep in verb.children:
        if prep.i <= particle.i or prep.dep_ != "prep" or prep.lower_ != particle.lower_:
            continue
        if not any(t.is_punct or t.dep_ == "cc" for t in verb.doc[particle.i : prep.i]):
            continue
        pobj = pobj_of(prep)
        if pobj is not None:
            out.append(pobj)
    return out


def resultative(verb: Token) -> bool:
    """Whether a movement verb says in what state its object was left ("left the rebels
    stranded", "leaving the town without power") rather than that someone moved."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        after = [c for c in obj.rights if c.dep_ in ("acl", "amod", "oprd")]
        if any(c.tag_ in ("VBN", "JJ") for c in after):
            return True
    return any(c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") for c in verb.children)


def finite_predicate(token: Token) -> bool:
    """A finite verb with its own subject: a clause's predicate, not a modifier."""
    return token.tag_ in FINITE_TAGS and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children
    )


# verbs of a verdict or a sentence, and the adjective of "found guilty of"
CONVICTING = frozenset({"convict", "sentence", "jail", "imprison", "guilty"})
CRIME_PREPS = frozenset({"of", "for"})
VERDICT_HOPS = 3  # prepositional phrases climbed from the "for" to the verdict


def verdict_over(verb: Token) -> Token | None:
    """The verdict or sentence whose "of"/"for" -ing clause ``verb`` heads ("convicted X of
    stabbing a guard", "was sentenced to life for driving his car into a crowd", "was found
    guilty of raping"): the convicting verb, or "guilty"; None for any other verb."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ not in CRIME_PREPS:
        return None
    judged = prep.head
    for _ in range(VERDICT_HOPS):  # "sentenced X to life without parole for V-ing": the
        if judged.dep_ != "pobj" or judged.head.dep_ != "prep":  # parser hangs the "for" on
            break  # a noun
        judged = judged.head.head
    found_guilty = judged.lemma_ == "find" and any(c.lower_ == "guilty" for c in judged.children)
    if judged.lemma_.lower() not in CONVICTING and not found_guilty:
        return None
    return judged
