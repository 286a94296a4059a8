"""Which date mention belongs to which event: clause structure over the dependency parse.

An event's candidates, best first:

1. mentions in the event's own clause: the predicate's subtree minus embedded clauses that
   have their own verb (and, for a noun predicate such as "the summit", minus the other
   items of a list it is coordinated with);
2. "framing" mentions of that clause: a date inside a participle that describes a noun in a
   prepositional phrase of the clause ("In an interview *published on Aug. 2*, Kishi warned");
3. the same two for each governing clause, nearest first (a verb conjoined to, or embedded
   in, a dated clause shares its date); a noun predicate only takes dates that modify the
   governing clause itself, not ones inside its other nouns;
4. sentence-level mentions: those whose clause has no verb (a copula, a fragment).

Mentions of one clause are ordered by kind (a date before a duration before an "as of"
anchor), then by distance in tokens. The parser sometimes hangs a fronted date on the wrong
one of two coordinated clauses ("As early as 2004, A did X, and the following year, B did
Y"), so the sentence is also cut into linear segments at ", and" / ", but" / ";" and the best
candidate in the event's own segment wins over any candidate from another segment.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

CLAUSAL_ANY_POS = frozenset({"advcl", "relcl", "ccomp", "csubj", "csubjpass", "parataxis"})
CLAUSAL_IF_VERB = frozenset({"acl", "xcomp", "pcomp", "conj"})
VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN"})
LIST_DEPS = frozenset({"conj", "appos"})
SEGMENT_CONJUNCTIONS = frozenset({"and", "but", "or", "yet", "while", "whereas"})
# verbs whose clausal object is an earlier act: the admission is not the act's date
ADMISSION_VERBS = frozenset(
    {"admit", "acknowledge", "confess", "concede", "reveal", "disclose", "deny"}
)
SENTENCE_LEVEL = 99  # level of mentions that no event clause owns


@dataclass(frozen=True, slots=True)
class ScopeItem:
    """A date mention as the scope rules see it: its tokens and its kind rank."""

    first: int  # doc index of its first token
    last: int  # doc index of its last token
    root: Token  # the token of the mention nearest the sentence root
    rank: int  # 0 date, 1 duration, 2 "as of" anchor


def is_clause_head(tok: Token) -> bool:
    """Whether ``tok`` heads a clause of its own (ROOT, ccomp, advcl, a verbal xcomp...)."""
    if tok.dep_ == "ROOT" or tok.dep_ in CLAUSAL_ANY_POS:
        return True
    return tok.dep_ in CLAUSAL_IF_VERB and tok.pos_ in VERBAL


def event_anchor(tok: Token) -> Token:
    """The token that stands for the event: a noun inside a name ("Summit" of "the Japan-US
    Summit Meeting") is replaced by the head of that name."""
    while (
        tok.dep_ in ("compound", "amod", "nmod")
        and tok.pos_ in NOMINAL
        and tok.head.pos_ in NOMINAL
    ):
        tok = tok.head
    return tok


def own_clause(head: Token) -> set[int]:
    """Indices of the tokens in ``head``'s own clause (see the module docstring)."""
    nominal = not is_clause_head(head) and head.pos_ not in VERBAL
    out = {head.i}
    stack = [
        c for c in head.children if not (nominal and c.dep_ in LIST_DEPS and c.pos_ in NOMINAL)
    ]
    while stack:
        tok = stack.pop()
        if is_clause_head(tok):
            continue
        out.add(tok.i)
        stack.extend(tok.children)
    return out


def governing_heads(anchor: Token) -> list[Token]:
    """Clause heads above ``anchor``, nearest first."""
    heads: list[Token] = []
    tok = anchor
    while tok.head.i != tok.i:
        tok = tok.head
        if is_clause_head(tok):
            heads.append(tok)
    return heads


def clause_head_of(tok: Token) -> Token:
    while not is_clause_head(tok) and tok.head.i != tok.i:
        tok = tok.head
    return tok


SETTING_WORDS = frozenset({"where", "when"})


def tells_of_a_thing(head: Token) -> bool:
    """Whether the clause of ``head`` hangs, at any depth, on a noun or an adjective rather than
    on the story's verbs: a relative clause ("the policy, which is to take effect on December
    10"), a participle ("photos taken in 2014"), a noun's content ("a theory suggesting he was
    involved in 2001"), a comparison ("similar to what Roosevelt proposed in the 1930s"). Its
    dates are that thing's past or future, not the time of the story. A setting ("a summit
    where on Sunday the leaders signed") is the story's."""
    for clause in [head, *governing_heads(head)]:
        parent = clause.head
        if parent.i == clause.i:
            return False
        while (parent.pos_ == "ADP" or parent.dep_ == "prep") and parent.head.i != parent.i:
            parent = parent.head
        if parent.pos_ in VERBAL:
            continue
        before = (t for t in clause.subtree if t.i < clause.i)
        if any(t.lower_ in SETTING_WORDS and t.tag_ == "WRB" for t in before):
            continue
        return True
    return False


def attachment(item: ScopeItem) -> Token:
    """The first token above the mention that is neither in it nor a preposition (also one
    tagged as a conjunction: "since 1962")."""
    tok = item.root
    while tok.head.i != tok.i and (
        item.first <= tok.i <= item.last or tok.pos_ == "ADP" or tok.dep_ == "prep"
    ):
        tok = tok.head
    return tok


def _framing_heads(clause: set[int], doc_sent: Span, head: Token | None = None) -> set[int]:
    """Participles ("published", "held") that describe a noun in a prepositional phrase of
    the clause: their dates frame the clause. A fronted participial adverbial of the clause
    head ("In an interview published on Aug. 2, titled ..., Kishi warned", where the parser
    hangs the fronted phrase on "titled") frames it too, with its own framing participles."""
    scope = set(clause)
    out: set[int] = set()
    if head is not None:
        for adverbial in _fronted_participles(head):
            out.add(adverbial.i)
            scope |= own_clause(adverbial)
    for tok in doc_sent:
        if (
            tok.dep_ == "acl"
            and tok.tag_ in ("VBN", "VBG")
            and tok.head.i in scope
            and tok.head.dep_ == "pobj"
        ):
            out.add(tok.i)
    return out


def _fronted_participles(head: Token) -> list[Token]:
    """Participial adverbials before a verb, without subject or subordinator of their own
    ("Speaking on Monday, the minister said ..."): they describe the same occasion."""
    if head.pos_ not in VERBAL:
        return []
    return [
        c
        for c in head.children
        if c.dep_ in ("advcl", "ccomp")  # the parser also reads a fronted "titled" as ccomp
        and c.i < head.i
        and c.tag_ in ("VBN", "VBG")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
    ]


def _trailing_partner(noun: Token) -> Token | None:
    """The noun a date after the last of two coordinated nouns also covers: in "the talks and
    the summit in June" both were in June. Only a pair joined by "and"/"or" with no comma
    between, so "the summit in May, the talks and the meeting in June" keeps May apart."""
    for conj in noun.children:
        if conj.dep_ != "conj" or conj.pos_ not in NOMINAL or conj.i < noun.i:
            continue
        between = noun.doc[noun.i + 1 : conj.i]
        if any(t.text == "," for t in between):
            continue
        if any(t.dep_ == "cc" and t.lower_ in ("and", "or") for t in between):
            return conj
    return None


def segments(sent: Span) -> list[int]:
    """Doc indices where a new coordinated segment starts (", and", ", but", ";")."""
    cuts: list[int] = []
    for tok in sent:
        if tok.text == ";":
            cuts.append(tok.i + 1)
        elif (
            tok.lower_ in SEGMENT_CONJUNCTIONS
            and tok.dep_ == "cc"
            and tok.i > sent.start
            and tok.doc[tok.i - 1].text == ","
        ):
            cuts.append(tok.i)
    return cuts


@dataclass(frozen=True, slots=True)
class Ranked:
    index: int  # into the items given to rank_mentions
    level: int  # 0 the event's own clause, 1.. governing clauses, SENTENCE_LEVEL


def _pluperfect(anchor: Token) -> bool:
    """A "had" + participle clause reports an act before the time of its governing clause
    (the parser sometimes tags the participle as a past tense: "had shot", "had begun")."""
    return anchor.tag_ in ("VBN", "VBD") and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in anchor.children
    )


def reported_pluperfect(anchor: Token) -> bool:
    """A pluperfect act that is the content of a report ("announced on Sunday it had entered an
    agreement", "said it had carried out the attack"): it happened by the day of the report,
    which is the best date the sentence gives it. Not an admission (``is_admitted``)."""
    if not _pluperfect(anchor) or is_admitted(anchor):
        return False
    head = clause_head_of(anchor)
    while head.dep_ == "conj" and head.head.i != head.i:
        head = clause_head_of(head.head)
    return head.dep_ == "ccomp" and head.head.pos_ in VERBAL


# "years after the invasion", "two decades before the war": an act set that far from its clause
GAP_PREPS = frozenset({"after", "before", "following"})
GAP_UNITS = frozenset({"year", "decade", "century", "month"})


def measured_apart(anchor: Token) -> bool:
    """Whether an event noun is set a measured time of months or more away from the clause
    that governs it ("Years after the invasion, they signed ...", "signed on Monday, 30 years
    after Iraq's invasion"): the clause's date is not its date."""
    if anchor.dep_ != "pobj" or anchor.head.lower_ not in GAP_PREPS:
        return False
    prep = anchor.head
    measures = [prep.head, *(c for c in prep.children if c.dep_ in ("npadvmod", "advmod"))]
    return any(m.lemma_.lower() in GAP_UNITS and m.i < prep.i for m in measures)


def is_admitted(anchor: Token) -> bool:
    """Whether the act is the content of an admission or disclosure ("admitted on Saturday
    that it shot down the plane", "acknowledged shooting it down"): the act came before it,
    so the admission's date does not date it."""
    head = clause_head_of(anchor)
    if head.dep_ == "ccomp" or (head.dep_ in ("xcomp", "pcomp") and head.tag_ == "VBG"):
        governor = head.head
        if governor.dep_ == "prep":  # "admitted to shooting it down"
            governor = governor.head
        return governor.lemma_.lower() in ADMISSION_VERBS
    return False


def rank_mentions(anchor: Token, items: Sequence[ScopeItem]) -> list[Ranked]:
    """The mentions that may date the event of ``anchor``, best first."""
    sent = anchor.sent
    anchor_subtree = {t.i for t in anchor.subtree}
    nominal = anchor.pos_ not in VERBAL and not is_clause_head(anchor)
    keyed: list[tuple[tuple[int, int, int, int], int]] = []
    clauses = [anchor, *governing_heads(anchor)]
    taken: set[int] = set()
    earlier = _pluperfect(anchor) and not reported_pluperfect(anchor)
    for level, head in enumerate(clauses):
        if level > 0 and (earlier or is_admitted(anchor) or measured_apart(anchor)):
            break  # "admitted on Saturday it had shot down": not dated by the admission
        clause = own_clause(head)
        framing = _framing_heads(clause, sent, head)
        for index, item in enumerate(items):
            if index in taken:
                continue
            owner = clause_head_of(item.root)
            if level > 0 and item.root.i in anchor_subtree:
                continue
            if item.root.i in clause:
                if level > 0 and nominal and attachment(item).i != head.i:
                    continue
                sub = 0
            elif owner.i in framing:
                sub = 1
            else:
                continue
            taken.add(index)
            keyed.append(((level, sub, item.rank, abs(item.root.i - anchor.i)), index))
    partner = _trailing_partner(anchor) if nominal else None
    if partner is not None:
        for index, item in enumerate(items):
            if index not in taken and item.first > partner.i and attachment(item).i == partner.i:
                taken.add(index)
                keyed.append(((0, 2, item.rank, abs(item.root.i - anchor.i)), index))
    for index, item in enumerate(items):
        if index in taken or item.root.i in anchor_subtree:
            continue
        owner = clause_head_of(item.root)
        if owner.pos_ != "VERB" and attachment(item).i == owner.i:
            keyed.append(((SENTENCE_LEVEL, 0, item.rank, abs(item.root.i - anchor.i)), index))
    keyed.sort()
    cuts = segments(sent)
    home = bisect_right(cuts, anchor.i)
    ranked = [Ranked(i, key[0]) for key, i in keyed]
    same = [r for r in ranked if bisect_right(cuts, items[r.index].first) == home]
    other = [r for r in ranked if bisect_right(cuts, items[r.index].first) != home]
    return same + other
