"""Accusations carried by what an actor believes, suspects or alleges (docs/verbs.md,
"Criticism in reported speech").

"The agency believes the general ordered the killing", "officials suspect the militia shelled
the convoy", "the party claimed the minister planned the raid": the speaker lays a wrong at
another actor's door, an accusation (112) of that actor, though the verb reports no words and
the clause carries no word of judgement. Coded when:

- the verb is one of believing, suspecting, alleging or claiming (``CHARGING_VERBS``), not
  negated, and its subject is a political actor;
- its reported clause is affirmative, its subject an actor that is not the speaker's side,
  and its act a wrong: an act of the conflict roots (13, 15, 17-20) coded on the clause's own
  verbs with that actor as its source, or a noun of such an act as the object of the clause's
  verb ("ordered the killing", "planned attacks on the embassy");
- the speaker's side criticises or accuses no one in the sentence already.

A plain statement (010) of the verb is recoded; a verb with no event of its own gets one. "Said"
is no charge: "police said rebels attacked the post" reports the attack (``events/quotes``).

Pure: reads candidates and the parse; run by ``evaluations.judged_statements``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import is_negated
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.judged_acts import includes_speaker, noun_roots
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.roles import subjects
from dyadwatch.dictionaries.evaluative_cues import default_evaluative_cues

CHARGING_VERBS = frozenset({"believe", "suspect", "allege", "claim", "contend", "charge"})
ACCUSE_CODE = "112"
PLAIN_STATEMENT = "010"
# roots of the acts that are wrongs when laid at someone's door: threats, shows of force,
# coercion, assault, fighting, mass violence
WRONG_ROOTS = frozenset({"13", "15", "17", "18", "19", "20"})
# verbs of the clause whose acts are its own: "ordered troops to shell", "were planning to"
ACT_DEPS = frozenset({"xcomp", "conj"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
VERB_TAGS = frozenset({"VERB", "AUX"})
CHARGE_CODES = frozenset({"111", "112"})  # evaluative cues that say someone did wrong
CHARGE_RULE = "charge"
CHARGE_ENTRY = "charge: wrong laid at another's door"

Speaker = Callable[[Token], MentionLike | None]
Judged = Callable[[list[MentionLike], MentionLike], MentionLike | None]
Doer = Callable[[Token, MentionLike], MentionLike | None]
# verbs that give a wrong as a reason, and the word their object hangs on: "cited the
# regime's repression", "pointed to the attack on the embassy"
CITING_VERBS = {"cite": "", "point": "to", "invoke": ""}


def charged(
    candidates: list[EventCandidate],
    doc: Doc,
    index: MentionIndex,
    speaker_of: Speaker,
    first_other: Judged,
    doer_of: Doer,
) -> list[EventCandidate]:
    """The candidates with charges (module docstring) recoded or added. ``speaker_of`` gives
    the political actor that is a verb's subject; ``first_other`` the first of some mentions
    that may be judged by a speaker (not its side, not a place); ``doer_of`` the actor a
    noun phrase names or the doer of the act it names, for a speaker."""
    by_verb = {c.predicate.i: c for c in candidates}
    sentence_of = {s.start: n for n, s in enumerate(doc.sents)}
    out = list(candidates)
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or is_negated(verb):
            continue
        if lemma not in CHARGING_VERBS and lemma not in CITING_VERBS:
            continue
        own = by_verb.get(verb.i)
        if own is not None and not (own.code == PLAIN_STATEMENT or own.code == ACCUSE_CODE):
            continue  # "claimed responsibility", "claimed the islands": another act
        if own is not None and own.target is not None and own.code == ACCUSE_CODE:
            continue
        speaker = own.source if own is not None else speaker_of(verb)
        if speaker is None:
            continue
        n = sentence_of[verb.sent.start]
        if already_charged([c for c in out if c is not own], n, speaker):
            continue
        if lemma in CITING_VERBS:
            accused = _cited(verb, CITING_VERBS[lemma], speaker, doer_of)
        else:
            accused = _accused(verb, candidates, index, speaker, first_other)
        if accused is None:
            continue
        if own is not None:
            recoded = replace(
                own,
                code=ACCUSE_CODE,
                entries=(*own.entries, CHARGE_ENTRY),
                target=accused,
                target_rule=CHARGE_RULE,
            )
            out[out.index(own)] = recoded
            continue
        out.append(
            EventCandidate(
                sentence=verb.sent,
                sentence_index=n,
                predicate=verb,
                verb_tokens=(verb,),
                code=ACCUSE_CODE,
                entries=(f"verbs:{verb.lemma_.lower()}", CHARGE_ENTRY),
                source=speaker,
                target=accused,
                source_rule="nsubj",
                target_rule=CHARGE_RULE,
            )
        )
    return out


def _accused(
    verb: Token,
    candidates: list[EventCandidate],
    index: MentionIndex,
    speaker: MentionLike,
    first_other: Judged,
) -> MentionLike | None:
    """The actor a charging verb's clause says did a wrong, or None."""
    for clause, doers in _clauses(verb):
        if is_negated(clause):
            continue  # "believes the army did not fire": no charge
        acts = _own_verbs(clause)
        for subject in doers:
            if includes_speaker(subject, speaker, index):
                return None
            doer = first_other(index.head_mentions(subject), speaker)
            if doer is None:
                continue
            if _does_wrong(acts, doer, candidates):
                return doer
    return None


def _clauses(verb: Token) -> list[tuple[Token, list[Token]]]:
    """The reported clauses of a charging verb with their subjects; also the clause the parser
    splits when a comma follows its subject ("claimed Iran, above all, is meddling": the
    subject made the verb's object, the clause's verb a conjunct of the verb, with its
    auxiliary and no subject of its own)."""
    found = [
        (c, subjects(c)[0]) for c in verb.children if c.dep_ == "ccomp" and c.pos_ in VERB_TAGS
    ]
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        deps = {d.dep_ for d in conj.children}
        held = [o for o in objects if o.i < conj.i]
        if held and deps & {"aux", "auxpass"} and not deps & {"nsubj", "nsubjpass"}:
            found.append((conj, held))
    return found


def _cited(
    verb: Token, preposition: str, speaker: MentionLike, doer_of: Doer
) -> MentionLike | None:
    """The actor whose wrong a verb of citing gives as a reason: its owner, or the doer of
    the act it names ("cited the regime's repression", "pointed to the attack")."""
    if preposition:
        held = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == preposition]
        cited = [o for p in held for o in p.children if o.dep_ == "pobj"]
    else:
        cited = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    for noun in cited:
        if noun.pos_ == "NOUN" and _names_wrong(noun):
            found = doer_of(noun, speaker)
            if found is not None:
                return found
    return None


def _own_verbs(clause: Token) -> list[Token]:
    """The clause's verb and the verbs it chains to with the same doer ("ordered troops to
    shell", "planned and carried out")."""
    found = [clause]
    for verb in found:
        found += [c for c in verb.children if c.dep_ in ACT_DEPS and c.pos_ == "VERB"]
    return found


def _does_wrong(acts: list[Token], doer: MentionLike, candidates: list[EventCandidate]) -> bool:
    """Whether one of the clause's verbs is a wrong by the doer: a coded act of a conflict
    root with the doer as its source, or a verb whose object is a noun of such an act."""
    at = {t.i for t in acts}
    for candidate in candidates:
        wrong = candidate.predicate.i in at and candidate.code[:2] in WRONG_ROOTS
        if wrong and candidate.source.actor.code == doer.actor.code:
            return True
    if any(  # "ordered the killing", "planned attacks"
        _names_wrong(obj)
        for act in acts
        for obj in act.children
        if obj.dep_ in OBJECT_DEPS and obj.pos_ == "NOUN"
    ):
        return True
    # a charge word on the clause's verb: "is unduly influencing", "rigged the vote"
    words = [t for act in acts for t in (act, *act.children) if t.dep_ != "neg"]
    words.sort(key=lambda t: t.i)
    return any(hit.cue.code in CHARGE_CODES for hit in default_evaluative_cues().find(words))


def _names_wrong(noun: Token) -> bool:
    """Whether a noun names a wrong: an act of a conflict root ("killing", "repression") or
    a charge of the evaluative cues ("meddling", "aggression")."""
    if noun_roots(noun.lemma_.lower()) & WRONG_ROOTS:
        return True
    return any(hit.cue.code in CHARGE_CODES for hit in default_evaluative_cues().find([noun]))


def already_charged(candidates: list[EventCandidate], n: int, speaker: MentionLike) -> bool:
    """Whether the speaker or its country already criticises or accuses someone in sentence
    ``n`` ("Japan told X that Y had violated ..., a ministry spokesman said")."""
    side = speaker.actor.country or speaker.actor.code
    return any(
        c.sentence_index == n
        and c.code[:2] in {"11", "12"}
        and side in {c.source.actor.code, c.source.actor.country}
        for c in candidates
    )


# "said the 36 must face murder charges": what was said charges its subject with a crime
FACING_VERBS = frozenset({"face"})
CHARGE_NOUNS = frozenset({"charge", "prosecution", "trial", "indictment"})
CRIME_WORDS = frozenset(
    {"murder", "terrorism", "corruption", "fraud", "bribery", "embezzlement", "theft", "crime"}
    | {"criminal", "treason", "espionage", "smuggling", "manslaughter", "kidnapping", "rape"}
)
CRIME_CODE = "1121"  # accuse of crime, corruption


def faced_charges(statement: Token) -> str | None:
    """The accusation a statement's reported clause makes by saying someone must or will face
    charges ("said the 36 must face murder and terrorism charges"): 1121 when the charges
    name a crime, else 112; None when the clause says no such thing or is negated."""
    for clause in statement.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in FACING_VERBS:
            continue
        if is_negated(clause):
            continue
        for obj in (c for c in clause.children if c.dep_ in OBJECT_DEPS):
            if obj.lemma_.lower() not in CHARGE_NOUNS:
                continue
            words = {t.lemma_.lower() for t in obj.subtree}
            return CRIME_CODE if words & CRIME_WORDS else ACCUSE_CODE
    return None


# "said the group appeared capable of the bombing": the one able to do the deed is blamed
CAPABLE = frozenset({"capable"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def capable_of_deed(part: Token) -> bool:
    """Whether a predicate says its subject could have done one known wrong: "capable of the
    double bombing" (a definite deed; "capable of attacks" is a mere ability)."""
    if part.lemma_.lower() not in CAPABLE:
        return False
    for prep in (c for c in part.children if c.dep_ == "prep" and c.lower_ == "of"):
        for deed in (c for c in prep.children if c.dep_ == "pobj"):
            definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in deed.children)
            if definite and noun_roots(deed.lemma_.lower()) & WRONG_ROOTS:
                return True
    return False
