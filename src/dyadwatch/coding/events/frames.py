"""Frames: what a matched predicate codes once its complement is resolved.

A light verb takes its event noun's code ("held talks": consultation), a family frame maps its
complement act into the family ("urged X to withdraw": appeal for withdrawal), an ``enact`` verb
is its complement act, and a future act stated now is an intent or a threat. Pure over the parse
and the dictionary; ``extractor.py`` finds the arguments of the acts resolved here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from dyadwatch.coding.clauses import (
    ADVICE_AUX,
    OBLIGATION_AUX,
    complement_clauses,
    has_aux,
    is_negated,
    pobj_of,
)
from dyadwatch.coding.events.announced import announced_decision, ordered_posture, wished_infinitive
from dyadwatch.coding.events.complements import (
    DIRECTIVE_VERBS,
    complement_candidates,
    deployment_purpose_code,
    frame_of,
    is_future,
    light_objects,
    only_if,
    other_subject,
    own_people_told,
    refused_would,
    ruled_out_act,
    wished_clause,
)
from dyadwatch.coding.events.forecasts import forecast_clause
from dyadwatch.coding.events.offers import offered_thing
from dyadwatch.coding.events.predicates import Match
from dyadwatch.coding.events.pronoun_acts import measure_antecedent, passive_it
from dyadwatch.coding.events.yields import REFUSED, refused_yield
from dyadwatch.dictionaries.verbs import LIGHT_FRAMES, NOUN_FRAMES, VerbDictionary

# When a family has no rule for an act, the next family is tried: a promise to attack is a
# threat; preparing a concession is an intent.
FAMILY_FALLBACK: dict[str, tuple[str, ...]] = {
    "intent": ("intent", "threaten"),
    "prepare": ("prepare", "intent", "threaten"),
}
NOUNS = frozenset({"NOUN", "PROPN"})
FORCE_POSTURE = "154"  # troops deployed or sent, unless for a peaceful purpose
SPEECH_FRAMES = frozenset({"speech", "report", "avowal"})
# intent words that promise something only through an act they govern ("wants to hold talks",
# "is determined to end the war"); alone they tell a wish ("wanted a story") or another sense
# ("the court determined that ...")
DESIRE_WORDS = frozenset({"want", "like", "prefer", "wish", "determined", "determine", "eager"})


def to_infinitive(token: Token) -> bool:
    """Whether a dependent is an infinitive clause with "to" ("wants to hold talks")."""
    return token.dep_ == "xcomp" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


# families about the subject's own act: "X pledged to act", not "X hopes Y will act"
OWN_ACT_FRAMES = frozenset({"intent", "prepare", "threaten"})
# families whose act is itself a speech act (the others carry a material act: halt, prepare)
SPEECH_ACT_FRAMES = frozenset({"intent", "appeal", "demand", "reject", "threaten"})
CONSIDER_CODE = "014"  # considering an option: refusing to consider it is a rejection
COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# acts that are threats when promised on a condition: reject, reduce relations
ULTIMATUM_ROOTS = frozenset({"12", "16"})
# verbal acts whose announcement is a threat: "will sue", "intends to take X to court" (130);
# "said he will veto the bill" is a veto threat, like "threatened to veto" (131)
THREATENED_CODES = frozenset({"115", "129"})
# acts that announcing them does ("announced he would resign"): the announcement is the act
ANNOUNCED_ACTS = frozenset({"0831", "083"})  # a resignation, a contested bill withdrawn
# verbs of agreeing whose "that" clause with no act in it is a view shared (019, express
# accord), not a promise: "agreed (that) there was a need for progress"
ACCORD_VERBS = frozenset({"agree", "concur"})
ACCORD_CODE = "019"
# frames a speech verb itself acts in, whatever else its clause holds: "said Y must go" (a
# demand), "said Y should go" (an appeal), "said a truce is out of the question" (a refusal)
SAID_ACTS = frozenset({"demand", "appeal", "reject"})
OPTIMISM_CODE = "013"  # a hope for what others will do is an optimistic comment
# yielding verbs that with a clause of their own subject admit a fact: "conceded the accord
# would stabilise prices" is no concession
ADMITTING_VERBS = frozenset({"concede"})
# verbs of combat that also mean striving: "fighting hard to prevent a deal"
STRUGGLE_VERBS = frozenset({"fight", "battle", "struggle"})


@dataclass(frozen=True, slots=True)
class Act:
    """What a predicate codes once its frame is resolved."""

    code: str
    state_code: str | None
    entries: tuple[str, ...]  # provenance, outermost entry first
    complement: Token | None = None  # the act the frame is about, for target fallback
    frame: str | None = None
    recoded: str | None = None  # "future" (an intent or threat), "refused" (a negated yield)
    theme: Token | None = None  # the event noun or thing acted on; never the target itself
    joint_code: str | None = None  # the code when two or more countries act together
    # the complement act's own theme ("willing to withdraw its troops"): never a target
    inner_theme: Token | None = None
    # the complement is a movement that is an act only for armed forces ("vowed to leave
    # the EU" promises no retreat): the family act needs an armed source too
    armed_only: bool = False


def judged_clause(clause: Token) -> bool:
    """A clause with its own subject: under "consider" a judgment ("considers him a key
    backer", "considered that talks had failed"), not an option weighed ("considered
    imposing sanctions"); under "concede" an admission, not a yield."""
    return clause.dep_ == "ccomp" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)


def struggle_to_act(state: SentenceState, verb: Token) -> bool:
    """A verb of combat with no one fought and a "to" infinitive of no force: an effort
    ("were fighting hard to prevent a deal"), not combat ("fought to retake the town")."""
    if verb.lemma_ not in STRUGGLE_VERBS:
        return False
    if any(c.dep_ in {"dobj", "prep", "agent"} for c in verb.children):
        return False
    aims = [
        c
        for c in verb.children
        if c.dep_ in {"xcomp", "advcl"}
        and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
    ]
    forceful = any(
        a.i in state.matches and (state.matches[a.i].entry.code or "")[:2] in CONFLICT_ROOTS
        for a in aims
    )
    return bool(aims) and not forceful


def negated_adjective(token: Token) -> bool:
    """ "is not ready", "was not willing": the "not" hangs on the adjective or its copula."""
    if token.pos_ != "ADJ":
        return False
    return is_negated(token) or (token.dep_ == "acomp" and is_negated(token.head))


@dataclass(slots=True)
class SentenceState:
    """Working state for one sentence: matches, resolved acts, consumed tokens."""

    span: Span
    matches: dict[int, Match]
    acts: dict[int, Act | None] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)
    resolving: set[int] = field(default_factory=set)


class FrameResolver:
    """Resolves each match of a sentence into an :class:`Act` (memoised in the state)."""

    def __init__(self, verbs: VerbDictionary) -> None:
        self.verbs = verbs

    def resolve(self, state: SentenceState, i: int) -> Act | None:
        if i in state.acts:
            return state.acts[i]
        if i in state.resolving:  # a cycle in a bad parse
            return None
        state.resolving.add(i)
        act = self._resolve_match(state, state.matches[i])
        if act is not None and not state.matches[i].nominal:
            act = self._future(act, state.matches[i].token)
        state.acts[i] = act
        state.resolving.discard(i)
        return act

    def _resolve_match(self, state: SentenceState, match: Match) -> Act | None:
        entry = match.entry
        frame = entry.frame
        if frame in LIGHT_FRAMES:
            if reported_blame(match.token):
                return None  # "said X was responsible for it": an accusation (statements.py)
            return self._noun_object(state, match)
        if frame in SPEECH_FRAMES:
            # "announced sanctions", "reiterated its demand": a statement of an event noun;
            # a verb that only reports ("said an attack hit the base") is not the author of
            # the event noun, only of a speech act ("reiterated its demand")
            speech_acts_only = frame == "report"
            return (
                self._ruled_out(state, match)
                or self._obligation(state, match)
                or self._noun_object(state, match, speech_acts_only)
                or plain_act(match)
            )
        if frame == "enact":
            complement, inner = self._complement(state, match)
            if inner is not None and complement is not None and is_negated(complement):
                return None  # "decided not to attack": the act is not done
            if inner is None:
                return plain_act(match)
            theme = complement if complement is not None and complement.pos_ in NOUNS else None
            entries = (entry.id, *inner.entries)
            return Act(
                inner.code,
                inner.state_code,
                entries,
                complement,
                inner.frame,
                theme=theme,
                joint_code=inner.joint_code,
                inner_theme=inner.theme,
            )
        if frame == "opaque":
            clauses = complement_clauses(match.token)
            for clause in clauses:
                state.consumed.add(clause.i)
            if entry.code == CONSIDER_CODE and any(judged_clause(c) for c in match.token.children):
                return None  # "considers him a key ally": a view held, no option weighed
            return plain_act(match)
        if frame is None and not match.nominal and struggle_to_act(state, match.token):
            return None  # "fought hard to prevent a deal": an effort, no combat
        admitting = match.token.lemma_ in ADMITTING_VERBS and not match.nominal
        if admitting and any(judged_clause(c) for c in match.token.children):
            return None  # "conceded (that) the deal would help": an admission, no yield
        if frame is None or frame in NOUN_FRAMES:
            return plain_act(match)
        if frame in {"forces", "crowd"}:
            act = plain_act(match)
            return replace(act, frame=frame) if act is not None else None
        complement, inner = self._complement(state, match)
        theme = complement if complement is not None and complement.pos_ in NOUNS else None
        if inner is not None and ordered_posture(match, inner.code):
            # "ordered troops on high alert": the orderer raises the alert (152), no demand
            return replace(inner, entries=(entry.id, *inner.entries), complement=complement)
        if inner is not None:
            family = frame
            if frame == "intent" and complement is not None and is_negated(complement):
                family = "reject"  # "vowed not to return the land"
            unready = frame == "intent" and negated_adjective(match.token)
            family = "reject" if unready else family  # "is not ready to negotiate"
            code = self._family(family, inner.code)
            if code is None and unready:
                return None
            if code is not None:
                state_code = self._family(family, inner.state_code) if inner.state_code else None
                return Act(
                    code,
                    state_code,
                    (entry.id, *inner.entries),
                    complement,
                    family,
                    theme=theme,
                    inner_theme=inner.theme,
                    armed_only=inner.frame == "forces" or inner.armed_only,
                )
        if entry.code is None or (frame == "appeal" and own_attempt(match, complement)):
            return None
        if frame == "intent" and negated_adjective(match.token):
            return None  # "we are not willing to enter into arrangements": no act, no intent
        desire = frame == "intent" and match.token.lemma_.lower() in DESIRE_WORDS
        if desire and not wished_infinitive(match.token):
            return None  # "wanted a story", "was determined to have a clot": no promise
        if frame == "demand" and directive_without_act(match):
            return None  # "ordered three days of mourning", "ordered a new trial"
        if frame == "intent" and complement is None and not match.nominal:
            wished = wished_clause(match) if entry.code == OPTIMISM_CODE else None
            if wished is not None:
                # "hopes Japan will persuade Biden": no promise, an optimistic comment (013)
                return Act(entry.code, None, (entry.id,), wished)
            return None  # "the governor agreed", "X wants Y to leave": nothing promised
        if frame == "intent" and offered_thing(match, complement):
            return None  # "offered a reward", "offers flights", "offered few details"
        if frame == "intent" and shared_view(match, complement):
            # "agreed there was a need for talks": a view held in common, no promise
            return Act(ACCORD_CODE, None, (entry.id,), complement)
        return Act(entry.code, entry.state_code, (entry.id,), complement, frame, theme=theme)

    def _noun_object(
        self, state: SentenceState, match: Match, speech_acts_only: bool = False
    ) -> Act | None:
        """A verb that takes its code from its event-noun object; the noun is consumed.
        ``speech_acts_only``: only a noun that is itself a speech act (a demand, an offer)."""
        for noun in [*light_objects(match), *described_noun(match.token), *passive_it(match.token)]:
            found = state.matches.get(noun.i)
            if found is None and (measure := measure_antecedent(noun, self.verbs)) is not None:
                # "extended it", "it was extended": the measure named before
                return Act(measure.code or "", measure.state_code, (match.entry.id, measure.id))
            # "held elections" is no yield: goal nouns only count inside family frames
            if found is not None and found.nominal and found.entry.frame != "goal":
                inner = self.resolve(state, noun.i)
                if inner is not None and speech_acts_only and inner.frame not in SPEECH_ACT_FRAMES:
                    continue
                if inner is not None:
                    state.consumed.add(noun.i)
                    return Act(
                        inner.code,
                        inner.state_code,
                        (match.entry.id, *inner.entries),
                        noun,
                        inner.frame,
                        theme=noun,
                        joint_code=inner.joint_code,
                    )
        return None

    def _family(self, frame: str, code: str) -> str | None:
        for family in FAMILY_FALLBACK.get(frame, (frame,)):
            mapped = self.verbs.frames.map(family, code)
            if mapped is not None:
                return mapped
        return None

    def _complement(self, state: SentenceState, match: Match) -> tuple[Token | None, Act | None]:
        """The act a family frame is about, resolved; its token is consumed."""
        first: Token | None = None
        queue = complement_candidates(match)
        seen: set[int] = {match.token.i}
        while queue:
            candidate = queue.pop(0)
            if candidate.i in seen:
                continue
            seen.add(candidate.i)
            if frame_of(match) in OWN_ACT_FRAMES and other_subject(candidate):
                # "hopes Japan will persuade ...", "wants the troops to leave": not the
                # speaker's own intent, and only wished for: no event of its own either
                state.consumed.add(candidate.i)
                continue
            first = first or candidate
            if candidate.i in state.matches:
                inner = self.resolve(state, candidate.i)
                if inner is not None:
                    state.consumed.add(candidate.i)
                    return candidate, inner
            elif (measure := measure_antecedent(candidate, self.verbs)) is not None:
                return candidate, Act(measure.code or "", measure.state_code, (measure.id,))
            # through verbs that only carry an act: "prepared to resume shelling"
            if candidate.pos_ in {"VERB", "AUX"}:
                queue += [c for c in candidate.children if c.dep_ == "xcomp"]
        return first, None

    def _ruled_out(self, state: SentenceState, match: Match) -> Act | None:
        """ "X said lifting the ban is out of the question / a truce is not an option": X
        refuses the act (12)."""
        for clause in complement_clauses(match.token):
            act = ruled_out_act(clause)
            if act is None or act.i not in state.matches:
                continue
            inner = self.resolve(state, act.i)
            code = self._family("reject", inner.code) if inner is not None else None
            if code is None:
                continue
            state.consumed.update({clause.i, act.i})
            entries = (match.entry.id, "ruled-out", *(inner.entries if inner else ()))
            return Act(code, None, entries, act, "reject")
        return None

    def _obligation(self, state: SentenceState, match: Match) -> Act | None:
        """ "X said Y must do Z": X demands Z of Y; "Y should do Z" only advises it (appeal)."""
        for clause in complement_clauses(match.token):
            if clause.dep_ != "ccomp" or not has_aux(clause, OBLIGATION_AUX):
                continue
            inner = self.resolve(state, clause.i) if clause.i in state.matches else None
            if inner is None and forecast_clause(clause):
                continue  # "results should be about the same": a forecast, no demand
            frame, default = ("appeal", "020") if has_aux(clause, ADVICE_AUX) else ("demand", "100")
            code = self._family(frame, inner.code) if inner is not None else None
            state.consumed.add(clause.i)
            entries = (match.entry.id, "obligation", *(inner.entries if inner else ()))
            return Act(code or default, None, entries, clause, frame)
        return None

    def _future(self, act: Act, verb: Token) -> Act:
        """A future-tense act stated now is an intent (cooperation) or a threat (conflict);
        a refused future cooperation is a rejection."""
        if refusal := refused_yield(act.code, act.frame, verb, self._family):
            # "did not accede to the demands": a refusal to yield (124)
            return replace(act, code=refusal, state_code=None, frame="reject", recoded=REFUSED)
        refused = refused_would(verb)  # "neither X nor Y would endorse it": a refusal
        if not (is_future(verb) or refused) or only_if(verb):
            return act  # "would only vote for it if ...": a condition, left to modality
        if act.frame in SPEECH_ACT_FRAMES:
            if act.frame in {"intent", "threaten", "reject"} and not is_negated(verb):
                # "will offer", "will refuse": stating it now is the promise or refusal
                return replace(act, recoded="future")
            return act
        root = act.code[:2]
        negated = is_negated(verb) or refused
        if not negated and (act.code in ANNOUNCED_ACTS or announced_decision(verb, act.code)):
            # a resignation, "announced she will comply": done by announcing it, no intent
            return replace(act, recoded="future")
        family = None
        if (root == "03" or act.code == CONSIDER_CODE) and negated:
            family = "reject"  # "will not accept ...", "would not consider requests"
        elif root in COOPERATIVE_ROOTS:
            family = "reject" if negated else "intent"
        elif (root in CONFLICT_ROOTS or act.code in THREATENED_CODES) and not negated:
            family = "threaten"
        elif root in ULTIMATUM_ROOTS and not negated and ultimatum(verb) is not None:
            family = "threaten"  # "will leave the deal unless Europe acts"
        code = self._family(family, act.code) if family else None
        if family is None or code is None:
            return act
        state_code = self._family(family, act.state_code) if act.state_code else None
        return Act(
            code,
            state_code,
            ("future", *act.entries),
            act.complement,
            family,
            "future",
            act.theme,
            armed_only=act.frame == "forces" or act.armed_only,
        )


def own_attempt(match: Match, complement: Token | None) -> bool:
    """An appeal verb with an infinitive of its subject's own and no one addressed ("sought
    to determine whether ...", "sought to overturn the results") is an attempt, not an appeal:
    with no act coded inside it, it is no event."""
    verb = match.token
    if complement is None or complement.dep_ != "xcomp" or complement.head.i != verb.i:
        return False
    addressed = any(c.dep_ in {"dobj", "dative", "obj"} for c in verb.children)
    return not addressed and not any(pobj_of(p) is not None for p in match.particles)


def shared_view(match: Match, complement: Token | None) -> bool:
    """Whether an agreeing verb's complement is a clause stating a view, not an act to do:
    a "that" clause of being ("agreed there was a need", "agreed that the plan was fair")."""
    if match.token.lemma_.lower() not in ACCORD_VERBS or complement is None:
        return False
    clause = complement.dep_ == "ccomp" and complement.head.i == match.token.i
    return clause and complement.lemma_ == "be"


def directive_without_act(match: Match) -> bool:
    """An order with no act in it and no one told to act ("ordered three days of mourning",
    "ordered the payments") is an internal directive, not a demand of anyone."""
    verb = match.token
    if match.nominal or verb.lemma_.lower() not in DIRECTIVE_VERBS:
        return False
    if own_people_told(verb):
        return True  # "ordered his staff to hold up the payment": told its own people
    return not complement_clauses(verb) and not any(
        c.dep_ in {"dative", "iobj"} for c in verb.children
    )


def described_noun(verb: Token) -> list[Token]:
    """The noun a passive participle set off by a comma describes, when the parser hung the
    participle on the clause ("died in the attack, reportedly conducted by X": the attack)."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "agent" for c in verb.children):
        return []
    comma = verb.left_edge.i - 1
    if comma < 1 or verb.doc[comma].text != ",":
        return []
    noun = verb.doc[comma - 1]
    return [noun] if noun.pos_ in NOUNS else []


def ultimatum(verb: Token) -> Token | None:
    """The condition a future act is promised on, when the other side must meet it: the
    clause of "will X unless Y", "will X if Y does not Z"; None otherwise."""
    for clause in verb.children:
        if clause.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if "unless" in marks or ("if" in marks and is_negated(clause)):
            return clause
    return None


def plain_act(match: Match) -> Act | None:
    """The entry's own code, with no complement."""
    entry = match.entry
    if entry.code is None:
        return None
    # an object the pattern named ("offer +troop") is what is acted with, not the target
    theme = match.object if entry.objects and match.object is not None else None
    if theme is not None and entry.object_actor:
        theme = None
    if entry.code == FORCE_POSTURE and (purpose := deployment_purpose_code(match.token)):
        return Act(purpose, None, (entry.id,), theme=theme)
    return Act(entry.code, entry.state_code, (entry.id,), theme=theme, joint_code=entry.joint_code)


def only_reports(match: Match, act: Act) -> bool:
    """A speech verb that only reports: an event only when what it says yields none."""
    return match.entry.frame in SPEECH_FRAMES and act.frame not in SAID_ACTS and act.theme is None


# adjectives that state who did an act: "X is responsible for / guilty of the massacre"
BLAME_ADJECTIVES = frozenset({"responsible", "guilty"})


def reported_blame(token: Token) -> bool:
    """Whether a blaming adjective is inside what someone says ("said X was responsible")."""
    return token.lemma_.lower() in BLAME_ADJECTIVES and token.head.dep_ == "ccomp"
