"""Where a frame's complement is: the event noun of a light verb, the act of an appeal or
promise, whether a clause is in the future, and the less direct places a target may be named
in (a condition, a deeper phrase, a preposition the parser left empty), and the targets a
complement itself names (``complement_targets``: who must act on an appeal, whose proposal a
noun is). Pure functions over the parse."""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.clauses import (
    DATIVES,
    FUTURE_AUX,
    NOUN_TARGET_PREPS,
    PERSONAL_PRONOUNS,
    TARGET_PREPS,
    children,
    complement_clauses,
    has_aux,
    infinitive_subject,
    pobj_of,
    prep_objects,
)
from dyadwatch.coding.events.forecasts import beyond_doubt
from dyadwatch.coding.events.mentions import hop_partitive
from dyadwatch.coding.events.predicates import Match
from dyadwatch.coding.passage import law_clauses
from dyadwatch.coding.roles import co_agents, direct_object, nearest_subject, subjects

# a target named one phrase deeper, after a prepositional object that names no actor:
# "restrictions on flights to Cuba", "a ban on the sale of arms to Iran"
NESTED_PREPS = ("to", "from", "against", "of", "for", "with", "into", "between")
# phrases of a governing act whose actor a participle of consequence inherits as its target
INHERITED_PREPS = (*TARGET_PREPS, "for")
# setting phrases naming the act a reaction answers: "after the Turkish incursion"
REACTION_PREPS = ("after", "following")
RESPONSE_NOUNS = frozenset({"response", "retaliation", "reaction", "reply"})
# instruments whose participle clause says what they do: repealing "the law banning protests"
# lifts the ban ("halt" frame)
INSTRUMENT_NOUNS = frozenset(
    {"law", "decree", "order", "rule", "regulation", "measure", "legislation", "act", "bill",
     "policy", "directive", "ordinance"}
)  # fmt: skip
DIRECTIVE_VERBS = frozenset({"order", "command", "direct", "instruct"})
# whom an order may tell that are the orderer's own ("ordered his staff to ..."): an internal
# directive when what they are told to do is no event
OWN_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my"})
SUBORDINATES = frozenset(
    {"staff", "aide", "aides", "official", "troop", "soldier", "officer", "force", "unit",
     "commander", "minister", "cabinet", "administration", "agency", "department", "ministry",
     "personnel", "subordinate", "employee", "team", "government", "police", "guard", "army",
     "military"}
)  # fmt: skip
# a threat is aimed at whom its condition names: "threatened to leave if Ukraine joins NATO"
CONDITION_MARKS = frozenset({"if", "unless", "until"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})

# a thing acted on names its owner: "facilities belonging to X", "a ship operated by X"
OWNING_VERBS = frozenset({"belong", "own", "operate", "run"})
OWNER_PREPS = ("to", "by")
# whom an act is for: "to impose restrictions ... for new EU members"
BENEFICIARY_PREPS = ("for",)
# clauses that spell out an appeal or demand noun: "a demand that X withdraw", "calls for X to"
CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})


def light_objects(match: Match) -> list[Token]:
    """Where a light verb's event noun is: the object of its last preposition, else its
    object, then that noun's conjuncts ("providing photographs and military intelligence"),
    then a "for" phrase ("joined Trump for talks")."""
    head: Token | None = None
    for particle in reversed(match.particles):
        head = pobj_of(particle)
        if head is not None:
            break
    if head is None:
        # "declared a ceasefire to begin at dawn": the parser's infinitive subject
        head = direct_object(match.token) or infinitive_subject(match.token)
    out: list[Token] = []
    if head is not None:
        head = hop_partitive(head)
        if head.lemma_.lower() == "act":  # "undertook an act of aggression": the aggression
            head = next(iter(prep_objects(head, ("of",))), head)
        out += [head, *(hop_partitive(c) for c in head.conjuncts if c.i > head.i)]
    out += [hop_partitive(p) for p in prep_objects(match.token, ("for",))]
    return out


def complement_candidates(match: Match) -> list[Token]:
    token = match.token
    out: list[Token] = []
    if match.nominal:
        out += [
            c
            for c in token.children
            if c.dep_ in {"acl", "relcl", "ccomp"} and c.pos_ in {"VERB", "AUX"}
        ]
        for pobj in prep_objects(token, ("for", "to", "on", "of")):
            out.append(hop_partitive(pobj))
        return out
    # event nouns first ("stop negotiations to reduce arms" is about the negotiations), then
    # clauses ("urged X to withdraw"), then prepositional objects ("agreed to a truce")
    for particle in reversed(match.particles):
        held = pobj_of(particle)
        if held is not None:
            out.append(hop_partitive(held))
    obj = direct_object(token)
    if obj is not None:
        out.append(hop_partitive(obj))
        if match.entry.frame == "halt" and obj.lemma_.lower() in INSTRUMENT_NOUNS:
            out += [c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBG"]
        if match.entry.frame == "enact" and obj.lemma_.lower() in INSTRUMENT_NOUNS:
            # "passed a bill which bans rallies": what the law does, and nothing else
            return out + law_clauses(obj)
    out += complement_clauses(token)
    for pobj in prep_objects(token, ("to", "for", "on", "upon")):
        out.append(hop_partitive(pobj))
    return out


def frame_of(match: Match) -> str | None:
    return match.entry.frame


def other_subject(clause: Token) -> bool:
    """A clause with a subject of its own that is not a pronoun (which may be the speaker)."""
    if clause.pos_ not in {"VERB", "AUX"} or clause.dep_ != "ccomp":
        return False
    subj = nearest_subject(clause)
    return subj is not None and subj.lower_ not in PERSONAL_PRONOUNS


def wished_clause(match: Match) -> Token | None:
    """The clause with a subject of its own that a verb of hoping is about ("hopes Japan will
    persuade Biden"), else None."""
    return next((c for c in complement_candidates(match) if other_subject(c)), None)


# "X is out of the question", "X is off the table": the preposition and its last noun
RULING_OUT = {"out": "question", "off": "table"}


def ruled_out_act(clause: Token) -> Token | None:
    """The act a copular clause rules out: "easing the sanctions is out of the question",
    "a ceasefire is not an option", "talks are off the table"; else None."""
    if clause.lemma_ != "be":
        return None
    subject = next((c for c in clause.children if c.dep_ in {"csubj", "nsubj"}), None)
    if subject is None:
        return None
    for c in clause.children:
        if c.dep_ == "prep" and c.lower_ in RULING_OUT:
            nouns = [t for t in c.subtree if t.pos_ == "NOUN"]
            if nouns and nouns[-1].lemma_.lower() == RULING_OUT[c.lower_]:
                return subject
        if c.dep_ == "attr" and c.lemma_.lower() == "option" and has_neg(clause):
            return subject
    return None


def has_neg(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def is_future(verb: Token) -> bool:
    if verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        # "said it would be ready to host talks": the tense is on the copula
        verb = verb.head
    if has_aux(verb, FUTURE_AUX):
        return True
    # reported "would": "Iraq said it would allow ..."
    if has_aux(verb, frozenset({"would"})) and (verb.dep_ == "ccomp" or beyond_doubt(verb)):
        return True
    # "is going to act"
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lower_ == "going"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
    )


def only_if(verb: Token) -> bool:
    """A future act promised "only if" something happens ("would only sign it if the terms
    change", "will vote for it only if ..."): the speaker states a condition, no intent."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in {"if", "when"} for c in clause.children
        ):
            continue
        holders = (verb, clause)  # the parser hangs "only" on the verb or on the if-clause
        if any(c.dep_ == "advmod" and c.lower_ == "only" for h in holders for c in h.children):
            return True
    return False


# a condition anywhere in the sentence makes a "would" a hypothesis, not a narrated refusal
CONDITION_WORDS = frozenset({"if", "unless", "without", "otherwise", "provided"})
# determiners of a subject that deny the act: "no member would sign", "neither X nor Y would"
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})


def refused_would(verb: Token) -> bool:
    """A narrated "would not": the past of a refusal, not a hypothesis ("the EU would not
    recognise the vote", "neither France nor Germany would endorse the result"). Only a main
    clause or its conjunct, with no perfect ("would not have signed") and no condition in the
    sentence ("would not sign unless ..."); a reported "would" is ``is_future``'s."""
    if verb.dep_ not in {"ROOT", "conj"} or not has_aux(verb, frozenset({"would"})):
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    if any(t.lower_ in CONDITION_WORDS for t in verb.sent):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(
        d.dep_ in {"det", "preconj"} and d.lower_ in NEGATIVE_DETERMINERS
        for s in verb.children
        if s.dep_ == "nsubj"
        for d in s.children
    )


def nested_targets(found: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """The prepositional objects of prepositional objects: "restrictions on flights to
    Cuba" -> Cuba, "a ban on the sale of arms to Iran" -> Iran (two levels deep)."""
    out: list[tuple[Token, str]] = []
    frontier = [t for t, rule in found if rule.endswith(("-prep", "-of")) or ":" in rule]
    for _ in range(2):
        deeper: list[tuple[Token, str]] = []
        for token in frontier:
            deeper += [(p, "nested-prep") for p in prep_objects(token, NESTED_PREPS)]
        out += deeper
        frontier = [t for t, _ in deeper]
    return out


def condition_subjects(verb: Token, complement: Token | None) -> list[tuple[Token, str]]:
    """The subject of a threat's condition: "threatened to halt talks if the US deploys
    missiles" -> the US; "will retaliate unless X withdraws" -> X."""
    out: list[tuple[Token, str]] = []
    holders = [verb] if complement is None or complement.i == verb.i else [verb, complement]
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ != "advcl":
                continue
            if not {c.lower_ for c in clause.children if c.dep_ == "mark"} & CONDITION_MARKS:
                continue
            out += [(subj, "condition") for subj in subjects(clause)[0]]
    return out


def dangling_objects(verb: Token, words: tuple[str, ...]) -> list[tuple[Token, str]]:
    """The object of a preposition the parser left empty, made the subject of a clause that
    follows it: "granted asylum to [five officers] holed up in ..." (the parser's "officers
    holed up" clause)."""
    out: list[tuple[Token, str]] = []
    for prep in verb.children:
        if prep.dep_ not in {"prep", "dative"} or prep.lower_ not in words:
            continue
        if any(c.dep_ == "pobj" for c in prep.children):
            continue
        # the clause hangs on the preposition ("to [officers holed up]") or on the verb
        clauses = [c for c in prep.children if c.dep_ == "pcomp"]
        clauses += [c for c in verb.children if c.dep_ in {"advcl", "ccomp", "xcomp"}]
        for clause in clauses:
            if clause.i < prep.i:
                continue
            out += [(s, prep.lower_) for s in subjects(clause)[0] if s.left_edge.i == prep.i + 1]
    return out


def inherited_targets(verb: Token, force: bool = False) -> list[tuple[Token, str]]:
    """A participle that tells what an act did shares its target: "attacked the camp for
    Congolese refugees, killing 156 people" -> the refugees; "fired on the camps, killing or
    wounding 50". The governing verb's object, that object's phrases, the verb's phrases (and
    those of the verb it governs: "started backing X, sending troops"). Force (``force``)
    lands first on whom the governing act is against: "backed X against Y, launching
    airstrikes" -> Y, not X."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "advcl" or verb.tag_ != "VBG" or clause.head.i == clause.i:
        return []
    heads = [clause.head, *(c for c in clause.head.children if c.dep_ == "xcomp")]
    heads = [h for h in heads if h.pos_ in {"VERB", "AUX"}]
    out = [(p, "inherited") for h in heads for p in prep_objects(h, ("against",))] if force else []
    for head in heads:
        obj = direct_object(head)
        nouns = [] if obj is None else [hop_partitive(obj), *hop_partitive(obj).conjuncts]
        out += [(n, "inherited") for n in nouns]
        for noun in nouns:
            out += [(p, "inherited") for p in prep_objects(noun, INHERITED_PREPS)]
        out += [(p, "inherited") for p in prep_objects(head, INHERITED_PREPS)]
    return out


def reaction_targets(verb: Token) -> list[tuple[Token, str]]:
    """Whose act a reaction answers, named in a setting phrase: "withdrew its ambassador after
    the Turkish incursion", "in response to the US airstrike" -> the act's author (its
    possessor, modifiers, "by" or "from" phrase: "a statement from the king")."""
    acts = prep_objects(verb, REACTION_PREPS)
    # the parser may hang "in response to" on a gerund of the verb's own phrase: "withdrew
    # from using X as candidate in response to ..."
    gerunds = [
        g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pcomp"
    ]
    obj = direct_object(verb)  # "imposed tariffs in retaliation": the parser may hang it there
    holders = (verb, *gerunds, *([obj] if obj is not None else []))
    for response in [r for holder in holders for r in prep_objects(holder, ("in",))]:
        if response.lemma_.lower() not in RESPONSE_NOUNS:
            continue
        acts += prep_objects(response, ("to",))
        # "in retaliation for X's failure", "... for what he called X's failure" (the "for"
        # hung on the response noun or, right after it, on the verb)
        fors = [
            p
            for p in (*response.children, *verb.children)
            if p.dep_ == "prep"
            and p.lower_ == "for"
            and (p.head == response or p.i == response.i + 1)
        ]
        for prep in fors:
            acts += [c for c in prep.children if c.dep_ == "pobj"]
            acts += [
                o
                for v in prep.children
                if v.dep_ == "pcomp"
                for o in v.children
                if o.dep_ in {"oprd", "xcomp", "ccomp"} and o.pos_ == "NOUN"
            ]
    out: list[tuple[Token, str]] = []
    for act in acts:
        out += [
            (c, "reaction-to")
            for c in act.children
            if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < act.i
        ]
        for author in prep_objects(act, ("by", "from")):
            # "a statement from her brother, King X": the apposition names the author
            out += [(author, "reaction-to")]
            out += [(c, "reaction-to") for c in author.children if c.dep_ == "appos"]
    return out


def object_antecedent(token: Token, verb: Token) -> Token:
    """An object pronoun of a conjoined verb stands for the first verb's object: "labeled X a
    terrorist and levied sanctions against him" -> X. Any other token is itself."""
    if token.lower_ not in OBJECT_PRONOUNS or verb.dep_ != "conj":
        return token
    first = direct_object(verb.head)
    return first if first is not None and first.pos_ in {"NOUN", "PROPN"} else token


# a deployment whose purpose is to watch a truce or vote is peacekeeping, one to train another's
# forces military cooperation, not a show of force: "approved the deployment of a team to
# monitor the truce" 074, "soldiers deployed to the academy to train cadets" 062
DEPLOYMENT_PURPOSES = {
    "monitor": "074", "observe": "074", "supervise": "074", "oversee": "074", "train": "062",
}  # fmt: skip
# what peacekeepers watch ("to monitor American ships" is surveillance, still force posture)
WATCHED_ACCORDS = frozenset(
    {"truce", "ceasefire", "cease-fire", "armistice", "election", "vote", "referendum",
     "agreement", "accord", "deal", "peace", "withdrawal"}
)  # fmt: skip


def deployment_purpose_code(deployment: Token) -> str | None:
    """The code of a deployment's peaceful purpose (an infinitive on the deploying verb, the
    deployment noun, what is deployed, or the verb that orders or approves it), else None."""
    holders = [deployment, *prep_objects(deployment, ("of",))]
    if deployment.dep_ == "dobj":
        holders.append(deployment.head)
    for holder in holders:
        for clause in holder.children:
            purpose = clause.dep_ in ("advcl", "acl", "xcomp") and clause.i > deployment.i
            if purpose and any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children):
                code = DEPLOYMENT_PURPOSES.get(clause.lemma_.lower())
                watched = {o.lemma_.lower() for o in clause.children if o.dep_ == "dobj"}
                if code == "062" or (code is not None and watched & WATCHED_ACCORDS):
                    return code
    return None


def with_conjuncts(token: Token | None) -> list[Token]:
    if token is None:
        return []
    head = hop_partitive(token)
    return [head, *(c for c in head.conjuncts if c.i > head.i)]


def complement_targets(
    complement: Token, frame: str | None, inner_theme: Token | None = None
) -> list[tuple[Token, str]]:
    """Where the target of a framed act is: the addressee of an appeal or demand is who must
    act ("demanded that the US cancel ..."); a promise or threat is aimed at its act's target."""
    out: list[tuple[Token, str]] = []
    if complement.pos_ in {"VERB", "AUX", "ADJ"}:
        if frame in {"appeal", "demand"}:
            subj_tokens, _ = subjects(complement)
            # "said Turkey must, with Europe, guard them": Europe must too
            subj_tokens += co_agents(complement) if subj_tokens else []
            out += [(s, "complement-subject") for s in subj_tokens]
        obj = direct_object(complement)
        # what the act is done with is not its target: "willing to withdraw its troops from X"
        if obj is not None and (inner_theme is None or hop_partitive(obj).i != inner_theme.i):
            out.append((obj, "complement-object"))
        if obj is not None:
            out += [(p, "complement-object-prep") for p in prep_objects(obj, NOUN_TARGET_PREPS)]
        out += [(d, "complement-dative") for d in children(complement, DATIVES)]
        out += [(p, "complement-prep") for p in prep_objects(complement, TARGET_PREPS)]
        out += [(p, "complement-prep") for p, _ in dangling_objects(complement, TARGET_PREPS)]
        # whom the act is for, last: "to impose restrictions ... for new EU members"
        for holder in (complement, *with_conjuncts(obj)):
            out += [(p, "complement-for") for p in prep_objects(holder, BENEFICIARY_PREPS)]
    else:
        # an appeal names whom it asks: "joined calls by X asking Germany to pay"
        addressed = [(t, "complement-acl") for t in acl_objects(complement)]
        for inner in prep_objects(complement, ("by", "from")):
            addressed += [(t, "complement-acl") for t in acl_objects(inner)]
        if frame in {"appeal", "demand"}:
            # "its demand that Israel ease restrictions": who must act is the clause's subject
            for clause in complement.children:
                if clause.dep_ in CLAUSE_DEPS and clause.pos_ in {"VERB", "AUX"}:
                    out += [(s, "complement-subject") for s in subjects(clause)[0]]
            out += addressed
        # whose act or proposal it is: "Russia's offer", "an Indian proposal", "the
        # withdrawal of Serbian forces", "calls by Belarus", "an offer of talks from Kabul"
        out += [(p, "complement-poss") for p in children(complement, {"poss"})]
        out += [
            (m, "complement-modifier")
            for m in complement.lefts
            if m.dep_ in {"compound", "amod", "nmod"}
        ]
        out += [(p, "complement-of") for p in prep_objects(complement, ("of",))]
        out += [(p, "complement-by") for p in prep_objects(complement, ("by", "from"))]
        for inner in prep_objects(complement, ("of", "for")):
            out += [(p, "complement-by") for p in prep_objects(inner, ("by", "from"))]
        for noun in with_conjuncts(complement):
            out += [(p, "complement-prep") for p in prep_objects(noun, NOUN_TARGET_PREPS)]
        if frame not in {"appeal", "demand"}:
            out += addressed
    return out


def acl_objects(noun: Token) -> list[Token]:
    """Whom a participle after a noun acts on: "missiles targeting X", "calls urging X to";
    and whose the noun is: "facilities belonging to X", "a tanker owned by X"."""
    out: list[Token] = []
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in OWNING_VERBS:
            out += prep_objects(acl, OWNER_PREPS)
            continue
        if acl.dep_ != "acl" or acl.pos_ != "VERB" or acl.tag_ != "VBG":
            continue
        obj = direct_object(acl)
        if obj is not None:
            out.append(obj)
        out += children(acl, DATIVES)
    return out


def opposed_targets(complement: Token | None, inner_theme: Token | None) -> list[tuple[Token, str]]:
    """Who a called-for sanction is aimed at: the complement act's object or prepositional
    target ("to impose sanctions on X", "to cut ties with X"), or the sanction noun's
    ("sanctions against X", "an embargo on X"); never the complement's subject (the addressee)
    nor who would impose it ("US sanctions")."""
    if complement is None:
        return []
    if complement.pos_ in {"VERB", "AUX", "ADJ"}:
        return complement_targets(complement, None, inner_theme)
    out: list[tuple[Token, str]] = []
    for noun in with_conjuncts(complement):
        out += [(p, "complement-prep") for p in prep_objects(noun, NOUN_TARGET_PREPS)]
    return out


def own_people_told(verb: Token) -> bool:
    """Whether an order ("ordered", "instructed") tells the orderer's own people: "his staff",
    "its troops" (with no act in what they are told, an internal directive)."""
    if verb.lemma_.lower() not in DIRECTIVE_VERBS:
        return False
    for told in verb.children:
        if told.dep_ not in {"dobj", "dative", "iobj"}:
            continue
        owned = any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in told.children)
        if owned and told.lemma_.lower() in SUBORDINATES:
            return True
    return False
