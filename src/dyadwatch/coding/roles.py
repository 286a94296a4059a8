"""The roles of a predicate: its subject, the doer of the act, through passives, relative
clauses, conjoined and misparsed clauses (``subjects``), and its direct object, the thing acted
on (``direct_object``). Pure functions over spaCy tokens returning tokens (plus, for subjects, a
short rule name for the event's provenance); a passive's object is found through its subject,
so both live here.

One misparse handled here: a participle phrase after the subject taken for the main verb.

In "Protesters wearing masks, helmets and goggles gathered outside the police station" or
"The minister speaking to reporters called the deal void" the small English model makes the
participle ("wearing", "speaking") the root with the subject, and hangs the real finite verb
on a noun of the participle's phrase (``acl``) or joins it to the participle (``conj``) with a
noun of that phrase as its subject. The finite verb's subject is the participle's.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.clauses import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    RELATIVE_PRONOUNS,
    SUBJECTS,
    child,
    is_misparsed_clause,
    is_passive,
    perfect_auxiliary,
    pobj_of,
    prep_objects,
)
from dyadwatch.coding.passage import passed_chamber

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def participle_root_subject(verb: Token) -> Token | None:
    """The subject of the root participle whose phrase swallowed ``verb``; None when the
    parse is not that misparse."""
    if verb.tag_ not in FINITE_TAGS or verb.dep_ not in {"acl", "conj"}:
        return None
    participle = verb.head
    while participle.pos_ != "VERB" and participle.head.i != participle.i:
        participle = participle.head
    if participle.tag_ != "VBG" or participle.dep_ != "ROOT" or participle.i > verb.i:
        return None
    if any(c.dep_ in {"aux", "auxpass"} for c in participle.children):
        return None  # "the army was shelling the town and ..." is a real progressive
    subject = next((c for c in participle.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.i > participle.i:
        return None
    if verb.dep_ == "acl":
        return subject if verb.head.i != participle.i else None
    # a conjunct: only when its own subject sits inside the participle's phrase ("wearing
    # masks and helmets gathered": "helmets"), or when it has none
    own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if own is None or (participle.i < own.i < verb.i and not _determined(own)):
        return subject
    return None


def _determined(noun: Token) -> bool:
    """A noun phrase that opens a clause of its own: with a determiner, a possessor or a name
    ("..., and the police gathered")."""
    return noun.pos_ in {"PROPN", "PRON"} or any(c.dep_ in {"det", "poss"} for c in noun.children)


# prepositions of a gerund that says what the subject of a passive did meanwhile
ADJUNCT_PREPS = frozenset({"in", "while", "after", "before", "during", "upon", "on", "since"})


# forces told in the agentless passive as demobilised did it themselves, under a deal: "the
# guerrillas have been demobilized"
STOOD_DOWN = frozenset({"demobilize", "demobilise", "demobilized", "demobilised"})
# passive in form, active in sense: "troops were engaged in ethnic cleansing" (they did it)
STATIVE_PASSIVES = frozenset({"engage"})


def gerund_agents(verb: Token) -> list[Token]:
    """The agent of a passive verb that the parser hung on its active gerund: in "was accused
    of misusing funds by officials" the accused misused, so the officials accused."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for gerund in prep.children:
            if gerund.dep_ == "pcomp" and gerund.tag_ == "VBG" and not is_passive(gerund):
                found = prep_objects(gerund, ("by",))
                if found:
                    return found
    return []


AUXILIARIES = frozenset({"aux", "auxpass"})
# nouns of a course of action carried out: "a policy of confiscating land"
POLICY_NOUNS = frozenset({"policy", "campaign", "practice", "programme", "program"})
# "played a key role in negotiating", "took part in drafting": who plays the part acts
ROLE_NOUNS = frozenset({"role", "part"})
ROLE_VERBS = frozenset({"play", "take"})
# verbs of using a means: the infinitive after the means is the user's act ("used missiles to
# attack ships", "employed its veto to block the resolution"), not the means' own
INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise"})


# agreements made in someone's term of office: "the accord, agreed under President X", "a
# treaty signed under the Obama administration" (the leader's government made it)
AGREEING_VERBS = frozenset(
    {"agree", "sign", "negotiate", "conclude", "ratify", "broker", "seal", "finalize", "finalise"}
)


def under_leader(verb: Token) -> list[Token]:
    """The named leader or government of a passive agreement's "under" phrase: "was agreed
    under former President X" (not "was signed under pressure", no name)."""
    if verb.lemma_.lower() not in AGREEING_VERBS:
        return []
    found = prep_objects(verb, ("under",))
    return [o for o in found if any(t.pos_ == "PROPN" for t in o.subtree)]


# "Norway said its ships were attacked and accused Sweden of piracy": the parser hangs the
# second verb on the reported passive clause; a speaker's act is the speaker's, not the ships'
SPEECH_HEADS = frozenset({"say", "state", "announce", "claim", "tell", "report", "complain"})
SPEAKER_ACTS = frozenset(
    {"accuse", "deny", "warn", "urge", "demand", "criticise", "criticize", "condemn", "reject",
     "blame", "threaten", "vow", "pledge", "insist", "denounce", "protest", "call"}
)  # fmt: skip


def _speaker_conjunct(verb: Token, head: Token) -> bool:
    return (
        head.dep_ == "ccomp"
        and head.head.lemma_.lower() in SPEECH_HEADS
        and verb.lemma_.lower() in SPEAKER_ACTS
        and verb.i > head.i
    )


def subjects(verb: Token, depth: int = 0) -> tuple[list[Token], str]:
    """Subject tokens of a predicate and the rule that found them."""
    if depth > 4:
        return [], ""
    passage = passed_chamber(verb)
    if passage is not None:
        return [passage[1]], "passed-chamber"  # "the bill passed the Senate"
    if is_passive(verb):
        agents = prep_objects(verb, ("by",)) or gerund_agents(verb)
        if agents:
            return agents, "agent"
        leaders = under_leader(verb)
        if leaders:
            return leaders, "under-leader"
        patient = child(verb, PASSIVE_SUBJECTS)
        if patient is not None and verb.lemma_.lower() in STOOD_DOWN:
            return [patient], "stood-down"  # "the guerrillas have been demobilized"
        if patient is not None and verb.lemma_.lower() in STATIVE_PASSIVES:
            return [patient], "stative-passive"
        if verb.dep_ == "acl":
            return [], ""
    swallowed_by = participle_root_subject(verb)
    if swallowed_by is not None:
        return [swallowed_by], "participle-root"
    subj = nearest_subject(verb)
    if subj is not None:
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return [verb.head], "relcl"
        if subj.dep_ == "csubj" and subj.tag_ == "VBG":
            # "Protesters, carrying placards asking X to ..., marched": the parser made the
            # participle the subject clause; its own subject is the verb's
            inner = child(subj, {"nsubj"})
            if inner is not None and inner.i < subj.i:
                return [inner], "nsubj"
        if subj.dep_ == "csubj" or subj.lower_ in {"there"}:
            return [], ""
        if subj.pos_ == "VERB":  # "The Red Cross operating in Iraq said": a misparse
            inner = child(subj, SUBJECTS)
            if inner is not None:
                return [inner], "nsubj"
        return [subj, *co_agents(verb)], "nsubj"  # "X, along with Y, did": Y does it too
    if is_passive(verb):
        return [], ""
    have = perfect_auxiliary(verb)
    if have is not None:
        found, _ = subjects(have, depth + 1)
        return found, "perfect"
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return [verb.head], verb.dep_  # "a submarine intruded into ..." parsed as a participle
    head = verb.head
    if head is verb:
        return [], ""
    if verb.dep_ == "xcomp":
        obj = child(head, OBJECTS)
        if obj is not None and head.pos_ == "VERB" and head.lemma_.lower() not in INSTRUMENT_VERBS:
            return [obj], "xcomp-object"  # "forced X to leave": object control
        found, _ = subjects(head, depth + 1)
        return found, "xcomp"
    if verb.dep_ == "conj" and (
        head.pos_ in {"VERB", "AUX", "ADJ"} or any(c.dep_ in SUBJECTS for c in head.children)
    ):
        passive_subj = child(head, PASSIVE_SUBJECTS)
        if passive_subj is not None and _speaker_conjunct(verb, head):
            found, _ = subjects(head.head, depth + 1)
            return found, "speaker-conj"
        if passive_subj is not None:  # "was indicted ... and will resign": the indicted resigns
            if verb.tag_ == "VBN" and not any(c.dep_ in AUXILIARIES for c in verb.children):
                return [], ""  # "were teased or harassed": passive too, its doer unnamed
            return [passive_subj], "conj-passive"
        found, _ = subjects(head, depth + 1)
        return found, "conj"
    if verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
        found, _ = subjects(head, depth + 1)  # "..., killing eight people"
        return found, "advcl"
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        governor = head.head
        obj = child(governor, OBJECTS)
        if head.lower_ in {"of", "for"} and obj is not None and governor.pos_ == "VERB":
            return [obj], "pcomp-object"  # "accused X of violating": X violated
        if head.lower_ == "against" and (governor.pos_ == "NOUN" or obj is not None):
            # "filed a lawsuit against visiting Crown Prince X": after an act already aimed
            # ("a lawsuit", "protests"), the participle is X's adjective (X visits), misparsed
            # as a gerund: who filed did not visit ("warned against scrapping" keeps its own)
            return [], ""
        played = governor.lemma_.lower() in ROLE_NOUNS and governor.head.lemma_ in ROLE_VERBS
        if (governor.lemma_.lower() in POLICY_NOUNS or played) and governor.dep_ in OBJECTS:
            # "pursued a policy of seizing farms": who pursues the policy seizes
            found, _ = subjects(governor.head, depth + 1)
            return found, "policy-of"
        found, _ = subjects(governor, depth + 1)  # "by attacking ...", "after signing ..."
        passive_subj = child(governor, PASSIVE_SUBJECTS) if is_passive(governor) else None
        if not found and passive_subj is not None and head.lower_ in ADJUNCT_PREPS:
            # "had been allied with X in fighting ISIS", "was wounded while fleeing": with no
            # agent named, the one the passive is about does it ("was convicted of spying" is
            # what the court found, no act)
            return [passive_subj], "pcomp-passive"
        return found, "pcomp"
    if verb.dep_ == "acomp" or (verb.pos_ == "ADJ" and head.pos_ in {"AUX", "VERB"}):
        found, _ = subjects(head, depth + 1)  # "X is ready to ..."
        return found, "copula"
    return [], ""


# adverbs of a "with" phrase that make its object a partner in the act: "together with X"
TOGETHER = frozenset({"together", "along", "jointly"})


def co_agents(verb: Token) -> list[Token]:
    """Who does the act along with the subject, named by a "with" phrase set off between the
    subject and the verb ("Turkey must, with Europe and others, watch over the prisoners") or
    by "together with"/"along with" after the subject ("France, together with Germany,
    sent aid"): that phrase's objects and their conjuncts. They are the act's doers, never
    whom it is aimed at."""
    subj = nearest_subject(verb)
    if subj is None or subj.i > verb.i:
        return []
    # on the verb, between the subject and it ("must, with X, watch"; "along with X")
    preps = [c for c in verb.children if c.dep_ == "prep" and subj.i < c.i < verb.i]
    preps = [p for p in preps if p.lower_ == "with"] + [
        w for p in preps if p.lower_ in TOGETHER for w in p.children if w.lower_ == "with"
    ]
    # on the subject, set off by a comma or with "together": "France, with Germany, sent"
    preps += [
        c
        for c in subj.rights
        if c.dep_ == "prep"
        and c.lower_ == "with"
        and (
            verb.doc[c.i - 1].is_punct
            or any(a.lower_ in TOGETHER for a in c.children if a.dep_ == "advmod")
        )
    ]
    out: list[Token] = []
    for prep in preps:
        pobj = pobj_of(prep)
        if pobj is not None:
            out += [pobj, *pobj.conjuncts]
    return out


def misparsed_subject(verb: Token) -> Token | None:
    """A main verb without a subject whose first dependent is a name the tagger took for an
    adverb or modifier ("USAID deployed teams"): that name is the subject."""
    if verb.dep_ != "ROOT":
        return None
    for c in verb.lefts:
        if c.dep_ in {"advmod", "npadvmod", "dep", "nmod"} and c.text[:1].isupper():
            return c
    return None


PLACE_ENTITIES = frozenset({"GPE", "LOC"})


def nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; with several (a misparse), the closest one before it."""
    found = [c for c in verb.children if c.dep_ in SUBJECTS]
    if not found:  # the parser sometimes hangs the subject on the auxiliary
        for aux in verb.children:
            if aux.dep_ in {"aux", "auxpass"}:
                found += [c for c in aux.children if c.dep_ in SUBJECTS]
    if not found and verb.lemma_ == "be" and any(c.dep_ == "prep" for c in verb.lefts):
        # "On one side was the Syrian army": an inverted copula, the noun after it is its subject
        found = [c for c in verb.rights if c.dep_ == "attr"]
    if len(found) > 1:
        before = [
            c
            for c in found
            if c.i < verb.i and not _owned_by_misparsed_clause(c) and not _place_after_place(c)
        ]
        return before[-1] if before else found[0]
    if found and _place_after_place(found[0]):
        # "Police in Leeds, England arrested": the parser left "Police" a modifier
        placed = found[0].doc[found[0].left_edge.i - 2]
        holder = placed.head.head if placed.dep_ == "pobj" else placed.head.head.head
        if holder.head.i == verb.i and holder.dep_ in {"npadvmod", "dep"} and holder.i < verb.i:
            return holder
    return found[0] if found else None


def _place_after_place(noun: Token) -> bool:
    """ "Police in Toronto, Canada arrested ...": the parser makes the country after the city
    a second subject; it only places the city."""
    doc = noun.doc
    start = noun.left_edge.i
    if noun.ent_type_ not in PLACE_ENTITIES or start < 2 or doc[start - 1].text != ",":
        return False
    place = doc[start - 2]
    return place.ent_type_ in PLACE_ENTITIES and "pobj" in (place.dep_, place.head.dep_)


def _owned_by_misparsed_clause(noun: Token) -> bool:
    return any(c.dep_ == "acl" and is_misparsed_clause(c) for c in noun.children)


def retained_object(verb: Token) -> Token | None:
    """The object a ditransitive passive keeps: "the envoy was awarded [a medal]", "was given
    [a deadline]" (its subject is the one given to)."""
    if not is_passive(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def passive_patient(verb: Token) -> Token | None:
    """Whom a passive acts on: its own subject, else, for a participle sharing its governing
    clause's subject, that subject ("X founded a party but was arrested in 1963 and
    imprisoned", "although suspended from duty, the officers returned", "fled after being
    charged"); None when there is none."""
    own = child(verb, PASSIVE_SUBJECTS)
    if own is not None and own.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head  # "the attacker, who was held": the attacker
    if own is not None or not is_passive(verb):
        return own
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ADJUNCT_PREPS:
        head = head.head  # "fled after being charged": the one who fled was charged
    elif verb.dep_ not in {"advcl", "conj"} or head.i == verb.i:
        return None
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    shared = child(head, PASSIVE_SUBJECTS)
    if shared is None and not is_passive(head):
        found, _ = subjects(head)
        shared = found[0] if found else None
    return shared


def direct_object(verb: Token) -> Token | None:
    """The thing acted on: dobj; in the passive the subject; for a participle the noun."""
    passage = passed_chamber(verb)
    if passage is not None:
        return passage[0]  # "the bill passed the Senate": the bill is passed
    if is_passive(verb):
        subj = child(verb, PASSIVE_SUBJECTS)
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head  # "a coalition which was joined by X": the coalition is joined
        if subj is not None:
            return subj
        if verb.dep_ == "acl":
            return verb.head
        if verb.dep_ == "pcomp":
            return passive_patient(verb)  # "fled after being charged"
        if verb.dep_ in {"conj", "advcl"} and verb.head.i != verb.i:
            # a bare passive participle describes its governing clause's subject: in "the army
            # was large and funded by China" the army is funded
            shared, _ = subjects(verb.head)
            return shared[0] if shared else None
        return None
    obj = child(verb, OBJECTS)
    if obj is not None and obj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head  # "the town which rebels attacked"
    if obj is None and verb.dep_ == "relcl" and _bare_relative(verb):
        return verb.head  # "the sanctions Washington imposed on Cuba"
    if obj is None and not any(c.dep_ in {"xcomp", "ccomp", "prep"} for c in verb.children):
        # coordinated verbs share a trailing object: "signed and ratified a treaty"
        for conj in verb.conjuncts:
            if verb.i < conj.i <= verb.i + 3 and conj.pos_ in {"VERB", "AUX"}:
                obj = child(conj, OBJECTS)
                if obj is not None:
                    break
    if obj is None:
        obj = stranded_object(verb)
    return obj if obj is not None else shifted_object(verb)


def stranded_object(verb: Token) -> Token | None:
    """The object of a relative clause cut off by a phrase set off in commas, which the parser
    hangs on the main verb before the clause: in "gathered outside the court, which rejected,
    the day before, a petition by X" the petition is what was rejected."""
    if verb.dep_ != "relcl" or verb.i + 1 >= len(verb.doc) or verb.doc[verb.i + 1].lower_ != ",":
        return None
    ancestors = {a.i for a in verb.ancestors}
    for token in verb.doc[verb.i + 2 : verb.sent.end]:
        if token.dep_ in OBJECTS and token.head.i in ancestors and token.head.i < verb.i:
            return token
    return None


def shifted_object(verb: Token) -> Token | None:
    """The object moved after its "as" phrase, which the parser hangs as an apposition to it:
    "denounced as a crime Serbia's crackdown" -> crackdown."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    moved = next((c for c in pobj.children if c.dep_ == "appos"), None)
                    if moved is not None:
                        return moved
    return None


def _bare_relative(verb: Token) -> bool:
    """A relative clause with no pronoun whose subject comes right before it ("the sanctions
    Washington imposed"): the noun it describes is its object."""
    subj = child(verb, {"nsubj"})
    return (
        subj is not None
        and subj.i < verb.i
        and verb.head.i < subj.i
        and verb.head.pos_ == "NOUN"
        and not any(c.lower_ in RELATIVE_PRONOUNS for c in verb.subtree if c.i < verb.i)
        and not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)
    )
