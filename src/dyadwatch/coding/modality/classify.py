"""Modality and attribution: whether an event is asserted, and who asserts it.

``modality_of(verb)`` reads the dependency parse around the event's predicate with the cue
dictionary ``dictionaries/data/modality_cues.tsv`` (rules in
:mod:`~dyadwatch.coding.modality.rules`); ``attribution_of(verb)`` finds the speaker when the
event is reported speech. Both take nouns too ("the planned summit", "talks"). Rules and
limits: ``docs/dates-and-modality.md``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.coding.clauses import is_negated
from dyadwatch.coding.dates.scope import event_anchor
from dyadwatch.coding.modality.rules import LABELS, cue_effects, governor, reading
from dyadwatch.dictionaries.modality_cues import CueBook, default_cues
from dyadwatch.model import Modality

_EXPLETIVES = frozenset({"it", "there"})
# verbs and nouns of attempting: an attempted act of force is coded as the act (CAMEO codes
# attempted assassinations, raids and attacks like the accomplished ones)
_ATTEMPTS = frozenset({"try", "attempt"})
# nouns of a decision made: its infinitive is the act, as real as the decision ("Canada's
# decision to bar imports angered farmers"), like the verb "decided to" (frame enact)
_DECISIONS = frozenset({"decision"})
_QUESTION_MARKS = frozenset({"whether", "if"})
_WH_TAGS = frozenset({"WP", "WP$", "WDT", "WRB"})


def modality_of(verb: Token, allegations: bool = True) -> Modality:
    """Whether the event of ``verb`` is asserted, negated, hypothetical, future or a question.
    ``allegations=False``: read an allegation about another party ("X claimed Y attacked") as
    any report, to tell whether it is the allegation alone that makes the event unreal."""
    anchor = event_anchor(verb)
    read = reading(anchor, default_cues(), allegations=allegations)
    labels = read.labels
    if _quoted_question(anchor):
        labels = labels | {"question"}
    if "negated" in read.own and "negated" not in read.inherited and _done_until(anchor):
        labels = labels - {"negated"}  # "did not endorse her until July": endorsed in July
    for label in LABELS:
        if label in labels:
            return label  # type: ignore[return-value]
    return "asserted"


def _quoted_question(verb: Token) -> bool:
    """Whether the event's clause is a yes-no question a sentence quotes ('"Is Peru ready to
    supply it?" he said'): its own "?" and an auxiliary before its subject open it (a
    question the whole sentence asks is the modality rules' own)."""
    top = verb
    while top.dep_ not in ("ccomp", "ROOT", "conj") and top.head.i != top.i:
        if top.dep_ == "punct":
            return False  # a misparse hanging another clause on a quote mark
        top = top.head
    if not any(c.dep_ == "punct" and c.text == "?" for c in top.children):
        return False
    # the auxiliary that opens it, right after a quote mark, "..." or the sentence's start
    aux = (c for c in top.children if c.dep_ in ("aux", "auxpass"))
    opener = top if top.pos_ == "AUX" else next(aux, None)
    subject = next((c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if opener is None or subject is None or opener.i > subject.i:
        return False
    return opener.i == opener.sent.start or opener.doc[opener.i - 1].is_punct


def _done_until(verb: Token) -> bool:
    """A past act negated only up to a time or event: "did not endorse her until July",
    "had not left until the army arrived" (the act came then)."""
    past = verb.tag_ == "VBD" or any(c.lower_ in ("did", "had") for c in verb.children)
    return past and any(c.lower_ == "until" and c.dep_ in ("prep", "mark") for c in verb.children)


def doubted(verb: Token) -> bool:
    """Whether a word above the event makes it unreal, whatever its own tense: "called it
    unlikely that the EU would fund it", "denied that Iran will send troops"."""
    anchor = event_anchor(verb)
    gov = governor(anchor)
    if gov is None:
        return False
    if anchor.dep_ == "ccomp" and _indirect_question(anchor):
        return True  # "did not say whom it would back": no promise made
    if is_negated(gov.token):
        return True  # "did not say it would send troops"
    effects = cue_effects(gov, default_cues())
    return "report" not in effects and bool(effects & {"hypothetical", "negated"})


def _indirect_question(clause: Token) -> bool:
    """A clause opened by whether/if or a wh-word: "whether it will back him", "whom it
    would support"."""
    for child in clause.children:
        if child.dep_ == "mark" and child.lower_ in _QUESTION_MARKS:
            return True
        if child.tag_ in _WH_TAGS and child.i < clause.i:
            return True
    return False


def charged_act(verb: Token) -> bool:
    """Whether ``verb`` is the act a named party is charged with ("blamed him for encouraging",
    "accused Kiev of shelling", "was accused of stealing"): an allegation whoever makes it,
    even a speaker of the accused's own country."""
    gov = governor(event_anchor(verb))
    if gov is None or not gov.slot.startswith("pcomp:"):
        return False
    if "allege" not in cue_effects(gov, default_cues()):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") for c in gov.token.children)


def attempted(verb: Token) -> bool:
    """Whether ``verb`` is what an asserted attempt was made to do: "tried to hack the
    ministry's servers", "attempted to assassinate the premier", "an attempt to storm ..."."""
    if verb.dep_ not in {"xcomp", "acl"} or verb.head.lemma_.lower() not in _ATTEMPTS:
        return False
    return modality_of(verb.head) == "asserted"


def decided(verb: Token) -> bool:
    """Whether ``verb`` is the infinitive of a decision told as made: "the government's
    decision to expel the envoy" (not "a decision to expel him is expected")."""
    if verb.dep_ != "acl" or verb.head.lemma_.lower() not in _DECISIONS:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False  # "the decision not to bar imports": nothing done
    return modality_of(verb.head) == "asserted"


def attribution_of(verb: Token) -> Token | None:
    """Head token of whoever the text says asserted this event (``Kishi`` in "Kishi said ..."),
    or None when the event is not reported speech."""
    cues = default_cues()
    tok = event_anchor(verb)
    while True:
        speaker = _according_to(tok, cues) or _parenthetical_speaker(tok, cues)
        if speaker is not None:
            return speaker
        gov = governor(tok)
        if gov is None:
            return None
        if "report" in cue_effects(gov, cues):
            return speaker_of(gov.token, cues)
        tok = gov.token


def speaker_of(speech: Token, cues: CueBook | None = None) -> Token | None:
    """Head of the speaker phrase of a speech verb: its subject, the author of a document
    that is its subject ("the ministry's statement said" -> ministry), or its passive agent."""
    cues = cues or default_cues()
    for child in speech.children:
        if child.dep_ == "nsubj" and child.lower_ not in _EXPLETIVES:
            return _author(child, cues) or child
    for child in speech.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if speech.dep_ in ("conj", "xcomp") and speech.head.i != speech.i:
        return speaker_of(speech.head, cues)  # "confirmed the raid and said ...": shared subject
    return None


def _author(document: Token, cues: CueBook) -> Token | None:
    if not cues.has("source_noun", document.lemma_.lower()):
        return None
    for child in document.children:
        if child.dep_ in ("poss", "compound") and child.pos_ in ("PROPN", "NOUN"):
            return child
    for child in document.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _according_to(tok: Token, cues: CueBook) -> Token | None:
    """The speaker of "According to the ministry, ..." attached to this clause."""
    for child in tok.children:
        if child.lower_ == "according" and cues.effects("prep", "according", "pobj:to"):
            for to in child.children:
                if to.lower_ == "to":
                    source = next((c for c in to.children if c.dep_ == "pobj"), None)
                    return None if source is None else _author(source, cues) or source
    return None


def _parenthetical_speaker(tok: Token, cues: CueBook) -> Token | None:
    """The speaker of "Rebels shelled the airport, officials said" parsed with "said" hanging
    off the event."""
    for child in tok.children:
        if (
            child.dep_ == "parataxis"
            and "report" in cues.effects("verb", child.lemma_.lower(), "ccomp")
            and not any(c.dep_ == "ccomp" for c in child.children)
        ):
            return speaker_of(child, cues)
    return None
