"""Acts told from the side of whom they are done to (docs/verbs.md, "Criticism received" and
the ``received`` frame).

A verb of receiving or undergoing (frame ``received`` in verbs.tsv: "the rebels received rifles
from Iran", "Egypt faces pressure from Washington") takes its code from its event-noun object
like a light verb, but its subject is the one acted on: the giver named in a ``from`` phrase is
the source and the subject the target; no giver named, no event (``received_events``, called
by the extractor).

Criticism received (``received_criticisms``, called by ``coder.py`` after extraction):

News often reports a criticism by whom it hit: "the minister came under fire from the
opposition", "the plan has drawn criticism from three states", "X faced condemnation from
Y". The verb there is the criticised party's (it "came", "faced", "drew"), so no verb entry
codes it; the act is Y's criticism (111) of X. This pass finds such phrases and codes
Y -> X only when:

- the noun is a criticism noun governed by a verb of receiving ("face", "draw", "receive",
  "attract", "earn", "meet with") or by "under" after "come", "be" or "remain"
  ("came under scrutiny");
- a "from" phrase names the critic, who is a political actor (``refusals.speaks``), and the
  subject of the verb names the criticised actor, another party; without both nothing is
  coded ("faced criticism at home" names no critic);
- the clause is not negated ("has not drawn criticism from X").

A noun the ``received`` frame already coded is left to it.

Critics named as such (``critic_nouns``, also called by ``coder.py``): "X is an outspoken critic
of Y", "X, a longtime critic of Y, said ..." tell that X criticises Y (111), though no verb
says so. The agent noun (critic, detractor) must be what a copula says of its subject or an
apposition to a named actor, its "of" phrase must name another actor, the source must be a
political actor and the clause not negated ("is no critic of Y", "is not a critic of Y"). A
bare "critics of Y said" names no critic and gives nothing.

Pure: reads the parse and the mention index.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import is_negated, prep_objects
from dyadwatch.coding.events.candidates import EventCandidate, build_candidates, one_word_candidate
from dyadwatch.coding.events.frames import Act, SentenceState
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_party
from dyadwatch.coding.events.predicates import Match
from dyadwatch.coding.events.refusals import speaks
from dyadwatch.coding.roles import subjects
from dyadwatch.dictionaries.verbs import RECEIVED_FRAME

CRITICIZE_CODE = "111"
ENTRY = "verbs:criticism received"
# what the criticised party receives: "drew criticism", "came under fire"
CRITICISM_NOUNS = frozenset(
    {"criticism", "condemnation", "censure", "rebuke", "scrutiny", "fire", "attack", "backlash"}
)
# "fire" and "attack" are criticism only "under" them: "drew fire" may be shooting
UNDER_ONLY = frozenset({"fire", "attack"})
RECEIVING_VERBS = frozenset({"face", "draw", "receive", "attract", "earn", "meet", "incur"})
BEING_VERBS = frozenset({"come", "be", "remain", "fall"})
CRITIC_ENTRY = "verbs:critic of"
# agent nouns of disapproval: "an outspoken critic of the president"
CRITIC_NOUNS = frozenset({"critic", "detractor"})
COPULAS = frozenset({"be", "remain", "become"})


def received_criticisms(
    doc: Doc, index: MentionIndex, found: Sequence[EventCandidate]
) -> list[EventCandidate]:
    """Criticisms of the subject by the actors of a "from" phrase (module docstring);
    ``found`` are the candidates already extracted (a noun some entry coded is left to it)."""
    taken = {c.predicate.i for c in found}
    out: list[EventCandidate] = []
    for number, sentence in enumerate(doc.sents):
        for noun in sentence:
            if noun.i in taken or noun.lemma_.lower() not in CRITICISM_NOUNS:
                continue
            verb = _receiving_verb(noun)
            if verb is None or is_negated(verb):
                continue
            critics = _critics(noun, verb, index)
            criticised = [
                m
                for subject in subjects(verb)[0]
                for token in (subject, *subject.conjuncts)
                for m in index.head_mentions(token)
            ]
            for critic in critics[:2]:
                for target in criticised[:2]:
                    if same_party(critic, target):
                        continue
                    rules = ("from", "received")
                    out.append(
                        one_word_candidate(
                            noun, number, CRITICIZE_CODE, ENTRY, critic, target, rules, verb
                        )
                    )
    return out


def critic_nouns(
    doc: Doc, index: MentionIndex, found: Sequence[EventCandidate]
) -> list[EventCandidate]:
    """Criticisms told by an agent noun: "X is a critic of Y", "X, a critic of Y," -> X 111 Y
    (module docstring)."""
    taken = {c.predicate.i for c in found}
    out: list[EventCandidate] = []
    for number, sentence in enumerate(doc.sents):
        for noun in sentence:
            if noun.i in taken or noun.lemma_.lower() not in CRITIC_NOUNS:
                continue
            if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
                continue  # "is no critic of the president"
            critics, predicate = _named_critics(noun, index)
            criticised = [
                m
                for target in prep_objects(noun, ("of",))
                for token in (target, *target.conjuncts)
                for m in index.head_mentions(token)
            ]
            for critic in critics[:2]:
                for target in criticised[:2]:
                    if same_party(critic, target):
                        continue
                    rules = ("critic", "of")
                    out.append(
                        one_word_candidate(
                            noun,
                            number,
                            CRITICIZE_CODE,
                            CRITIC_ENTRY,
                            critic,
                            target,
                            rules,
                            predicate,
                        )
                    )
    return out


def _named_critics(noun: Token, index: MentionIndex) -> tuple[list[MentionLike], Token]:
    """The political actors a critic noun names and the word that dates the act: the subject
    of "X is a critic" (the copula), or the actor "a critic" is in apposition to."""
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_.lower() in COPULAS:
        if is_negated(head):
            return [], head
        named = [
            m
            for subject in subjects(head)[0]
            for token in (subject, *subject.conjuncts)
            for m in index.head_mentions(token)
        ]
        return [m for m in named if speaks(m.actor)], head
    if noun.dep_ == "appos":
        named = [m for m in index.head_mentions(head) if m.start <= head.i < m.end]
        return [m for m in named if speaks(m.actor)], noun
    return [], noun


def _receiving_verb(noun: Token) -> Token | None:
    """The verb by which the subject receives the criticism, if the noun is so governed."""
    word = noun.lemma_.lower()
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in BEING_VERBS:
        return head.head
    if word in UNDER_ONLY:
        return None
    if noun.dep_ in {"dobj", "obj"} and head.lemma_.lower() in RECEIVING_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() == "meet":
        return head.head  # "was met with criticism from"
    return None


def _critics(noun: Token, verb: Token, index: MentionIndex) -> list[MentionLike]:
    """The political actors of the "from" phrase, on the noun or on its verb."""
    found: list[MentionLike] = []
    for origin in prep_objects(noun, ("from",)) + prep_objects(verb, ("from",)):
        for token in (origin, *origin.conjuncts):
            found += [m for m in index.head_mentions(token) if speaks(m.actor)]
    return found


GIVER_RULE = "from-giver"
RECIPIENT_RULE = "subject-receives"


def is_receiving(match: Match) -> bool:
    return match.entry.frame == RECEIVED_FRAME


def giver_phrases(verb: Token, theme: Token | None) -> list[Token]:
    """The objects of "from" on the verb or on what it receives ("received rifles from X":
    the parser may hang the phrase on either)."""
    heads = [verb] if theme is None else [verb, theme]
    return [giver for head in heads for giver in prep_objects(head, ("from",))]


def received_events(
    state: SentenceState, match: Match, act: Act, index: int, mentions: MentionIndex
) -> list[EventCandidate]:
    """The giver's act on the subject, or nothing when no giver is named."""
    verb = match.token
    givers: list[MentionLike] = []
    for phrase in giver_phrases(verb, act.theme):
        givers += [m for m in mentions.head_mentions(phrase) if m not in givers]
    if not givers:
        return []
    recipients: list[MentionLike] = []
    for subj in subjects(verb)[0]:
        recipients += [m for m in mentions.head_mentions(subj) if m not in givers]
    return build_candidates(
        state, match, act, index, givers, recipients, GIVER_RULE, RECIPIENT_RULE
    )
