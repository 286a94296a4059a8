"""How the modality of an event is read off the dependency parse.

A predicate's *reading* is the set of non-asserted labels that apply to it: its *own* labels
(a modal auxiliary, a negation, an "if", a purpose "to", a question) and the labels it
*inherits* from the predicate that governs it. What is inherited depends on the relation:

- own labels also mark a clause in the mandative subjunctive ("demanded that X *withdraw*");
- complement (xcomp, "called on X *to pay*", a noun object "did not hold *talks*"): everything,
  plus the cue of the governor ("refused" -> negated, "plans" -> future);
- conjunct: the governor's inherited labels, and its own ones too when the conjunct shares
  the governor's auxiliaries ("might pass laws and *publish* documents"), not when it has
  its own tense ("did not leave but *shelled*");
- reported clause (the ccomp of "say", the gerund of "accuse of"): the speaker's claim is
  the event's own; only a speech act that is itself not asserted ("did not say", "would
  say") makes it hypothetical; an allegation ("claimed", "alleged") about another party's act
  ("the mayor claimed soldiers burned the market") is hypothetical too;
- other clause (ccomp, advcl, relcl, acl, gerunds): hypothetical and future, unless the clause
  is in the past tense or perfect and so stands on its own ("might sanction the company that
  *attacked*"); a negated or questioned governor makes a ccomp hypothetical.

Labels are ranked question > hypothetical > negated > future; no label means asserted.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Token

from dyadwatch.coding.passage import LAW_NOUNS
from dyadwatch.dictionaries.modality_cues import CueBook, Effect

LABELS: tuple[str, ...] = ("question", "hypothetical", "negated", "future")
# "any" on the noun of a relative clause: the clause tells of whoever there may be
ANY_DETS = frozenset({"any", "whatever", "whichever"})
UNREAL = frozenset({"hypothetical", "future"})
VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN"})
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative"})
SUBJECT_OBJECT = frozenset({"nsubj", "nsubjpass", "dobj"})
SUBJECT_DEPS_ALL = frozenset({"nsubj", "nsubjpass"})
# subordinators of a clause that can state a pending condition ("until X is met")
PENDING_MARKS = frozenset({"until", "till", "before"})
# participles that only say an event noun took place ("the rally staged by ..."): they share
# the noun's modality
HOLDING_PARTICIPLES = frozenset(
    ["staged", "held", "organised", "organized", "conducted", "carried", "launched", "mounted",
     "planned"]
)  # fmt: skip
# adverbs of frequency that make "would" the past of habit ("rebels would often raid the
# villages"), no hypothesis
HABITUAL_ADVERBS = frozenset(
    {"sometimes", "often", "frequently", "regularly", "routinely", "repeatedly", "usually"}
)
# instruments whose terms a present-tense clause under them spells out ("Under the
# constitution, the House impeaches the official"): a rule, not an event
TERMS_NOUNS = frozenset(
    {"constitution", "law", "agreement", "deal", "treaty", "accord", "rule", "plan", "terms",
     "proposal", "resolution", "arrangement", "framework", "charter", "statute", "legislation"}
)  # fmt: skip
# verbs whose "would" only softens a wish stated now: "would like to", "would prefer to"
SOFTENED_WISHES = frozenset({"like", "prefer", "love"})
WH_TAGS = frozenset({"WP", "WP$", "WDT", "WRB"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
_NOT_REFERENCE = frozenset({"first", "last", "only", "next"})


class Relation(Enum):
    COMPLEMENT = "complement"
    CONJUNCT = "conjunct"
    REPORTED = "reported"
    CLAUSE = "clause"  # ccomp of a verb that is not a speech verb
    SUBORDINATE = "subordinate"
    ARGUMENT = "argument"  # a noun subject/object of the governor
    OBLIQUE = "oblique"  # a noun in a prepositional phrase, or anything else


@dataclass(frozen=True, slots=True)
class Reading:
    own: frozenset[str]
    inherited: frozenset[str]

    @property
    def labels(self) -> frozenset[str]:
        return self.own | self.inherited


@dataclass(frozen=True, slots=True)
class Governor:
    token: Token  # the governing predicate (a preposition is skipped over)
    slot: str  # the cue slot: xcomp, ccomp, dobj, pcomp:of, pobj:for, conj, ...
    relation: Relation
    preposition: Token | None  # for pcomp:/pobj: slots


def governor(tok: Token) -> Governor | None:
    """The predicate that governs ``tok`` and how; None at the root."""
    head = tok.head
    if head.i == tok.i:
        return None
    dep = tok.dep_
    if dep in ("conj", "appos"):
        return Governor(head, dep, Relation.CONJUNCT, None)
    if dep == "xcomp":
        return Governor(head, "xcomp", Relation.COMPLEMENT, None)
    if dep == "ccomp":
        return Governor(head, "ccomp", Relation.CLAUSE, None)
    if dep in ("pcomp", "pobj") and head.pos_ == "ADP" and head.head.i != head.i:
        rel = Relation.SUBORDINATE if dep == "pcomp" else Relation.OBLIQUE
        return Governor(head.head, f"{dep}:{head.lower_}", rel, head)
    if dep == "acl" and not _has_to(tok):
        # a participle ("a call made by Trump") is not the content of "call"
        return Governor(head, "acl:participle", Relation.SUBORDINATE, None)
    if dep == "relcl" and _thatless_content(tok):
        # "an allegation he beat a guard": a that-less content clause, read as the noun's acl
        return Governor(head, "acl", Relation.SUBORDINATE, None)
    if tok.pos_ in VERBAL or dep in ("advcl", "relcl", "acl", "csubj", "parataxis"):
        return Governor(head, dep, Relation.SUBORDINATE, None)
    if dep in ARGUMENT_DEPS:
        return Governor(head, dep, Relation.ARGUMENT, None)
    return Governor(head, dep, Relation.OBLIQUE, None)


def _thatless_content(tok: Token) -> bool:
    """A clause with its own subject and object and no relative word: no gap the noun fills."""
    deps = {c.dep_ for c in tok.children}
    relative = any(c.tag_ in ("WDT", "WP", "WRB") or c.lower_ == "that" for c in tok.children)
    return "nsubj" in deps and "dobj" in deps and not relative


def cue_kind(tok: Token) -> str | None:
    if tok.pos_ in VERBAL:
        return "verb"
    if tok.pos_ in NOMINAL:
        return "noun"
    if tok.pos_ == "ADJ" or tok.tag_ == "JJ":
        return "adj"
    return None


def cue_effects(gov: Governor, cues: CueBook) -> frozenset[Effect]:
    """What the governor's word (and a preposition in between) does to the governed event."""
    out: set[Effect] = set()
    kind = cue_kind(gov.token)
    if kind is not None:
        out |= cues.effects(
            kind,
            gov.token.lemma_.lower(),
            gov.slot,
            passive=any(c.dep_ == "auxpass" for c in gov.token.children),
            progressive=gov.token.tag_ == "VBG"
            and any(c.dep_ == "aux" and c.lemma_ == "be" for c in gov.token.children),
            past=kind == "adj" and _past_copula(gov.token),
        )
    if gov.preposition is not None:
        bare = gov.slot.split(":", 1)[0]
        out |= cues.effects("prep", gov.preposition.lower_, bare)
    if gov.slot == "ccomp" and gov.token.lemma_ == "be":
        # "it is likely that Iran fired": the copula's adjective judges the clause
        for adj in gov.token.children:
            if adj.dep_ == "acomp":
                out |= cues.effects("adj", adj.lemma_.lower(), "ccomp")
    return frozenset(out)


def reading(
    tok: Token,
    cues: CueBook,
    memo: dict[int, Reading] | None = None,
    allegations: bool = True,
) -> Reading:
    """The modality labels of the predicate ``tok`` (see the module docstring)."""
    memo = {} if memo is None else memo
    if tok.i in memo:
        return memo[tok.i]
    own = own_labels(tok, cues)
    inherited: set[str] = set()
    gov = governor(tok)
    if gov is not None:
        above = reading(gov.token, cues, memo, allegations)
        effects = cue_effects(gov, cues)
        inherited |= {e for e in effects if e in LABELS}
        relation = Relation.REPORTED if "report" in effects else gov.relation
        inherited |= _inherit(tok, relation, above)
        if allegations and "allege" in effects and not _own_claim(tok, gov.token):
            inherited.add("hypothetical")
    result = Reading(frozenset(own), frozenset(inherited))
    memo[tok.i] = result
    return result


def _inherit(tok: Token, relation: Relation, above: Reading) -> set[str]:
    if relation in (Relation.COMPLEMENT, Relation.ARGUMENT):
        return set(above.labels)
    if tok.dep_ == "acl" and tok.lower_ in HOLDING_PARTICIPLES:
        # "prevented the rally staged by students": staging the rally is the rally
        return set(above.labels)
    if relation is Relation.CONJUNCT:
        return set(above.labels if _shares_marking(tok) else above.inherited)
    if relation is Relation.REPORTED:
        return {"hypothetical"} if above.labels else set()
    out = set() if _stands_alone(tok) else set(above.labels & UNREAL)
    if "question" in above.labels and relation is Relation.OBLIQUE and opens_question(tok):
        # "Are you concerned about the censorship of X?": an interviewer asks about a noun,
        # nothing is told
        out.add("question")
    if _content_clause(tok) and above.labels & (UNREAL | {"negated"}):
        # "demanded an admission that X murdered", "denied reports that troops fired": what
        # an unreal or denied statement would say is not asserted, whatever its tense
        out.add("hypothetical")
    if relation is Relation.CLAUSE and above.labels & {"negated", "question"}:
        out.add("hypothetical")
    return out


def _content_clause(tok: Token) -> bool:
    """A "that" clause giving a noun's content ("reports that troops fired")."""
    return (
        tok.dep_ in ("acl", "ccomp")
        and tok.head.pos_ in NOMINAL
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    )


def _own_claim(event: Token, speech: Token) -> bool:
    """Whether an alleged clause tells the speaker's own act: its subject is a pronoun ("rebels
    claimed they downed a jet") or the speaker's own words; an allegation about another party
    ("the mayor claimed soldiers burned the market") is not asserted by the text."""
    subject = next((c for c in event.children if c.dep_ in SUBJECT_DEPS_ALL), None)
    if subject is None:
        # "accused the army of shelling", "was accused of embezzling": the gerund's doer is
        # the one accused, not the speaker
        return not any(c.dep_ in ("dobj", "nsubjpass") for c in speech.children)
    if subject.pos_ == "PRON":
        return True
    speaker = next((c for c in speech.children if c.dep_ in SUBJECT_DEPS_ALL), None)
    return speaker is not None and speaker.lemma_.lower() == subject.lemma_.lower()


def _shares_marking(tok: Token) -> bool:
    """A conjunct without tense or auxiliaries of its own shares its head's ("might pass and
    publish"); a noun conjunct always does."""
    if tok.pos_ not in VERBAL:
        return True
    if tok.tag_ not in ("VB", "VBG", "VBN"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _stands_alone(tok: Token) -> bool:
    """A past or perfect clause reports a fact of its own, whatever its governor's mood; so
    does a law's passive participle with its agent ("a bill drafted by X would cap rents")."""
    deps = {c.dep_ for c in tok.children}
    if tok.tag_ == "VBD" or (tok.dep_ == "acl" and "agent" in deps and "aux" not in deps):
        return tok.tag_ == "VBD" or tok.head.lemma_.lower() in LAW_NOUNS
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)


def own_labels(tok: Token, cues: CueBook) -> set[str]:
    """Labels marked on the predicate itself."""
    labels: set[str] = set()
    if is_question_clause(tok):
        labels.add("question")
    nominal = tok.pos_ not in VERBAL
    for child in tok.children:
        dep, word = child.dep_, child.lower_
        if dep in ("aux", "auxpass"):
            if word == "would" and _habit_or_wish(tok):
                continue
            labels |= _labels(cues.effects("aux", child.lemma_.lower()) | cues.effects("aux", word))
            if any(n.dep_ == "neg" for n in child.children):
                labels.add("negated")  # "had not, as of Friday, released": not hangs on "had"
        elif dep == "neg" or (dep == "advmod" and word == "never"):
            labels |= _labels(cues.effects("neg", word, "adverb"))
        elif dep in ("advmod", "amod") and any(n.dep_ == "neg" for n in child.children):
            labels |= _labels(cues.effects("neg", "no", "adverb"))  # "no longer"
        elif dep in SUBJECT_OBJECT and _negative_phrase(child, cues):
            labels.add("negated")
        elif dep == "mark":
            labels |= _labels(cues.effects("mark", word))
            if word in PENDING_MARKS and _present_tense(tok):
                labels.add("hypothetical")  # "until their demands are met": a condition
        elif dep == "advcl" and _is_conditional(child, cues) and not _complement(tok):
            labels.add("hypothetical")  # the main clause of a conditional
        elif dep in ("advmod", "agent") and _hedged(child, cues):
            labels.add("hypothetical")  # "was shot, perhaps by rioters": a guess at the act
        elif nominal and dep == "amod":
            labels |= _labels(cues.effects("amod", word))
        elif nominal and dep == "det":
            labels |= _labels(cues.effects("neg", word, "det"))
    if _purpose_infinitive(tok) or is_subjunctive(tok) or _terms_of_instrument(tok):
        labels.add("hypothetical")
    if tok.dep_ == "relcl" and any(
        c.dep_ == "det" and c.lower_ in ANY_DETS for c in tok.head.children
    ):
        labels.add("hypothetical")  # "name any groups who endorsed him": whoever there may be
    if tok.dep_ in ("xcomp", "ccomp") and any(
        c.dep_ == "advcl" and _is_conditional(c, cues) and not _after_colon(tok, c)
        for c in tok.head.children
    ):
        # "threatened to shell Haifa if Israel hits Beirut": the condition is on the threat's
        # content, not on the threat (the parser hangs the if-clause on the main verb)
        labels.add("hypothetical")
    return labels


def _hedged(child: Token, cues: CueBook) -> bool:
    """A hedging adverb on the verb ("possibly fired") or on its agent phrase ("perhaps by
    rioters"): the text guesses, it does not tell."""
    if child.dep_ == "advmod":
        return bool(cues.effects("hedge", child.lower_))
    return any(c.dep_ == "advmod" and cues.effects("hedge", c.lower_) for c in child.children)


def _terms_of_instrument(tok: Token) -> bool:
    """A present-tense clause under an instrument ("Under the treaty, each side inspects the
    other's sites"): what the instrument provides, not what happened."""
    if tok.pos_ not in VERBAL or not _present_tense(tok):
        return False
    holders = [tok, tok.head] if tok.dep_ == "conj" else [tok]  # "... and the US lifts"
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "under"]
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in TERMS_NOUNS for p in preps for o in p.children
    )


def _habit_or_wish(tok: Token) -> bool:
    """A "would" that hypothesises nothing: the past of habit ("would often raid") or a
    softened wish ("would like to meet")."""
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in tok.children):
        return True
    return tok.lemma_.lower() in SOFTENED_WISHES and any(c.dep_ == "xcomp" for c in tok.children)


def _past_copula(adj: Token) -> bool:
    """An adjective after a past, affirmative copula ("was able to", "had been able to"):
    a past ability the text tells as used."""
    head = adj.head
    if adj.dep_ != "acomp" or head.lemma_ != "be" or any(c.dep_ == "neg" for c in head.children):
        return False
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if head.tag_ == "VBD":
        return not auxes
    return head.tag_ == "VBN" and bool(auxes) and all(a.lemma_ == "have" for a in auxes)


def _after_colon(clause: Token, condition: Token) -> bool:
    """The condition follows a colon after ``clause``: it is what the clause announces ("issued
    an ultimatum to X: if it buys the jets, sanctions follow"), no condition on it."""
    if condition.i < clause.i:
        return False
    between = clause.doc[clause.i : condition.left_edge.i]
    return any(t.text == ":" for t in between)


def _present_tense(tok: Token) -> bool:
    """A finite present-tense clause ("are met", "withdraws")."""
    if tok.tag_ in ("VBP", "VBZ"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ") for c in tok.children)


def is_subjunctive(tok: Token) -> bool:
    """A clause in the mandative subjunctive says what should happen, not what did: "demanded
    that the army withdraw", "urged that the prisoners be freed". Its verb is the bare form
    with a subject of its own and no auxiliary but a bare "be"."""
    if tok.tag_ not in ("VB", "VBP", "VBN") or tok.dep_ not in ("ccomp", "conj"):
        return False
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ == "VBP":
        # the parser tags "the navy leave" VBP: a bare form after a singular noun
        return not aux and subject.tag_ in ("NN", "NNP") and tok.lower_ == tok.lemma_.lower()
    if tok.tag_ == "VB":
        return not aux
    return len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].tag_ == "VB"


def _is_conditional(clause: Token, cues: CueBook) -> bool:
    return any(m.dep_ == "mark" and cues.is_conditional_mark(m.lower_) for m in clause.children)


def _complement(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp")), None)


def _labels(effects: frozenset[Effect]) -> set[str]:
    return {e for e in effects if e in LABELS}


def _negative_phrase(phrase: Token, cues: CueBook) -> bool:
    """A negative subject or object: "no troops", "neither side", "nobody", "none", "neither
    France nor Germany" (the parser hangs "neither" on the first conjunct as a determiner or a
    pre-conjunction)."""
    if cues.effects("neg", phrase.lower_, "pronoun"):
        return True
    return any(
        c.dep_ in ("det", "preconj") and cues.effects("neg", c.lower_, "det")
        for c in phrase.children
    )


def _has_to(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


# verbs of talking that a past assembly's purpose clause reports as done: "the ministers met
# (gathered, convened) in Cairo to discuss Libya" held the discussion
MET_TO = frozenset({"discuss", "talk", "negotiate", "confer", "consult", "review"})
ASSEMBLED = frozenset({"gather", "meet", "convene", "assemble", "sit"})
# likewise a crowd that came out (gathered, marched) to protest protested
PROTESTED_TO = frozenset({"protest", "demonstrate", "rally", "march", "demand", "denounce"})
CROWD_MOVES = frozenset({"gather", "assemble", "turn", "march", "rally", "flock", "converge",
                         "come", "descend"})  # fmt: skip
# and an operation launched to arrest people is an arrest: "police launched raids to detain 40
# suspects" (CAMEO codes the attempt as the act)
ARRESTED_TO = frozenset({"arrest", "detain", "capture", "apprehend", "round"})
OPERATIONS = frozenset({"operation", "raid", "crackdown", "sweep", "manhunt", "swoop"})
LAUNCHED = frozenset({"launch", "begin", "start", "conduct", "carry", "mount", "stage"})


def _purpose_infinitive(tok: Token) -> bool:
    """A purpose: "entered the bay to protect shipping", "an effort to secure the strait".
    Facts that look alike are left alone: "the first country to recognise X", "it took five
    hours to gain control", "went on to say"."""
    if not _has_to(tok):
        return False
    if tok.dep_ == "advcl":
        head = tok.head
        if head.lemma_ == "take" or (
            head.lemma_ == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)
        ):
            return False
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
            return True  # "voted for the army to enter": the entering is the aim, not a fact
        if tok.lemma_ in MET_TO and head.lemma_ in ASSEMBLED and head.tag_ == "VBD":
            return False  # "gathered in Cairo to discuss Libya": the talks are the meeting
        if tok.lemma_ in PROTESTED_TO and head.lemma_ in CROWD_MOVES and head.tag_ == "VBD":
            return False  # "thousands turned out in Lima to protest": the protest took place
        if tok.lemma_ in ARRESTED_TO and _launched_operation(head, head):
            return False  # "launched operations to detain 40 suspects": an arrest operation
        return not any(c.dep_ in ("nsubj", "mark") for c in tok.children)
    if tok.dep_ == "acl":
        head = tok.head
        if tok.lemma_ in ARRESTED_TO and _launched_operation(head.head, head):
            return False
        return not (
            head.tag_ == "JJS"
            or any(c.lower_ in _NOT_REFERENCE or c.tag_ == "JJS" for c in head.children)
        )
    return False


def _launched_operation(verb: Token, operation: Token) -> bool:
    """``verb`` is a past launch of an operation (``operation`` itself or its object)."""
    if verb.lemma_ not in LAUNCHED or verb.tag_ not in ("VBD", "VBN"):
        return False
    nouns = [operation] if operation is not verb else [c for c in verb.children if c.dep_ == "dobj"]
    return any(n.lemma_.lower() in OPERATIONS and n.head.i == verb.i for n in nouns)


def question_main_clause(tok: Token) -> Token | None:
    """The main clause of the question when ``tok``'s sentence is a direct question.

    That is the root, unless the root is a speech verb and the question is quoted after it
    ('He asked: "Will China attack?"'), in which case it is the quoted clause.
    """
    sent = tok.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in _CLOSERS), None)
    if last is None or last.text != "?":
        return None
    root = sent.root
    for child in root.children:
        if child.dep_ == "ccomp" and child.i > root.i:
            between = sent.doc[root.i + 1 : child.left_edge.i + 1]
            if any(t.text in (":", '"', "“", "‘") for t in between):
                return child
    return root


def opens_question(tok: Token) -> bool:
    """The sentence of ``tok`` opens as a question: with an auxiliary ("Are you ...", "Did
    they ...") or a wh-word ("What do you think of ..."), not with a statement that a question
    follows ("Trump is behaving like a bully[...] How can you ...?")."""
    first = next((t for t in tok.sent if not t.is_punct and not t.is_space), None)
    return first is not None and (first.pos_ == "AUX" or first.tag_ in WH_TAGS)


def is_question_clause(tok: Token) -> bool:
    main = question_main_clause(tok)
    return main is not None and main.i == tok.i
