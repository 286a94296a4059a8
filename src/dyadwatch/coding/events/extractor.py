"""Event extraction: verb patterns over the dependency parse -> (source, code, target) candidates.

For each sentence: match every token against the verb dictionary (``predicates.py``), resolve
frames (a light verb takes its event noun's code, "urged X to withdraw" is an appeal for
withdrawal, a future-tense act is an intent or a threat), then find the source and target
actors of each act that stands on its own. Pure: no side effects, no model loading; the coder
(``coder.py``) turns candidates into :class:`~dyadwatch.model.Event` records.

Rules and limits are documented in ``docs/verbs.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import product

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.clauses import (
    NOUN_TARGET_PREPS,
    OBJECTS,
    OBLIGATION_AUX,
    children,
    complement_clauses,
    has_aux,
    in_subtree,
    is_negated,
    misparsed_subject,
    prep_objects,
    subjects,
)
from dyadwatch.coding.events.arguments import (
    modifier_mentions,
    prep_word,
    provider_mentions,
    refers_back,
    same_country,
    speaker_mentions,
    verb_targets,
)
from dyadwatch.coding.events.complements import (
    complement_candidates,
    frame_of,
    is_future,
    light_objects,
    other_subject,
)
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.predicates import Match, PredicateMatcher
from dyadwatch.dictionaries.verbs import FAMILY_FRAMES, NOUN_FRAMES, VerbDictionary
from dyadwatch.model import Actor

# When a family has no rule for an act, the next family is tried: a promise to attack is a
# threat; preparing a concession is an intent.
FAMILY_FALLBACK: dict[str, tuple[str, ...]] = {
    "intent": ("intent", "threaten"),
    "prepare": ("prepare", "intent", "threaten"),
}
# sectors that make a source a state actor, for entries with a state_code
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
MAX_EVENTS_PER_PREDICATE = 8
NOUNS = frozenset({"NOUN", "PROPN"})
LIST_DEPS = frozenset({"conj", "appos"})
SPEECH_FRAMES = frozenset({"speech", "avowal"})
# families about the subject's own act: "X pledged to act", not "X hopes Y will act"
OWN_ACT_FRAMES = frozenset({"intent", "prepare", "threaten"})
AVOWAL_CODE = "015"  # acknowledge or claim responsibility
AID_ROOT = "07"  # an agentless passive of giving may name its provider: "armed with X from Y"
# families whose act is itself a speech act (the others carry a material act: halt, prepare)
SPEECH_ACT_FRAMES = frozenset({"intent", "appeal", "demand", "reject", "threaten"})
COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


@dataclass(frozen=True, slots=True)
class Act:
    """What a predicate codes once its frame is resolved."""

    code: str
    state_code: str | None
    entries: tuple[str, ...]  # provenance, outermost entry first
    complement: Token | None = None  # the act the frame is about, for target fallback
    frame: str | None = None
    recoded: str | None = None  # "future" when a future-tense act became an intent or threat
    theme: Token | None = None  # the event noun or thing acted on; never the target itself
    joint_code: str | None = None  # the code when two or more countries act together
    # the complement act's own theme ("willing to withdraw its troops"): never a target
    inner_theme: Token | None = None


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event before it becomes a record: who, what, whom, and the tokens behind it."""

    sentence: Span
    sentence_index: int
    predicate: Token  # the verb (or event noun) whose clause the event is
    verb_tokens: tuple[Token, ...]  # predicate and particles: the evidence "verb" span
    code: str
    entries: tuple[str, ...]
    source: MentionLike
    target: MentionLike | None
    source_rule: str
    target_rule: str
    recoded: str | None = None


def is_state_actor(actor: Actor) -> bool:
    if actor.country is None:
        return False
    return actor.sector is None or actor.sector in STATE_SECTORS


@dataclass(slots=True)
class _Sentence:
    """Working state for one sentence: matches, resolved acts, consumed tokens."""

    span: Span
    matches: dict[int, Match]
    acts: dict[int, Act | None] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)
    resolving: set[int] = field(default_factory=set)


class EventExtractor:
    """Extracts event candidates from parsed documents with a verb dictionary."""

    def __init__(self, verbs: VerbDictionary) -> None:
        self.verbs = verbs
        self.matcher = PredicateMatcher(verbs)

    # ------------------------------------------------------------------ public
    def extract(self, doc: Doc, mentions: MentionIndex) -> list[EventCandidate]:
        out: list[EventCandidate] = []
        for index, sentence in enumerate(doc.sents):
            out.extend(self.extract_sentence(sentence, index, mentions))
        return out

    def extract_sentence(
        self, sentence: Span, index: int, mentions: MentionIndex
    ) -> list[EventCandidate]:
        matches: dict[int, Match] = {}
        for token in sentence:
            hit = self.matcher.match_token(token, mentions)
            if hit is not None:
                matches[token.i] = hit
        if not matches:
            return []
        state = _Sentence(sentence, matches)
        for i in sorted(matches):
            self._resolve(state, i)
        events: list[EventCandidate] = []
        emitted: set[int] = set()
        speech: list[Match] = []
        for i in sorted(matches):
            match = matches[i]
            act = state.acts.get(i)
            if act is None or i in state.consumed or match.nominal:
                continue
            if match.entry.frame in SPEECH_FRAMES and act.frame != "demand" and act.theme is None:
                speech.append(match)
                continue
            produced = self._verb_events(state, match, act, index, mentions)
            if produced:
                emitted.add(i)
                events.extend(produced)
            elif act.theme is not None and act.theme.i in matches:
                # "the summit was held in Sydney": no source for "held"; the noun may have one
                state.consumed.discard(act.theme.i)
        for i in sorted(matches):
            match = matches[i]
            act = state.acts.get(i)
            if act is None or not match.nominal or not self._standalone(state, match, emitted):
                continue
            produced = self._noun_events(state, match, act, index, mentions)
            if produced:
                emitted.add(i)
                events.extend(produced)
        for match in speech:
            events.extend(self._statement_events(state, match, events, index, mentions))
        events.sort(key=lambda e: (e.predicate.i, e.source.start))
        return events

    def _statement_events(
        self,
        state: _Sentence,
        match: Match,
        events: list[EventCandidate],
        index: int,
        mentions: MentionIndex,
    ) -> list[EventCandidate]:
        """A verb of saying is an event only when what it reports is not: "X said Y attacked Z"
        is Y's attack (attributed to X). "X claimed it attacked Z" also is X's claim of
        responsibility (015)."""
        act = state.acts[match.token.i]
        assert act is not None
        related = [e for e in events if _related(match.token, e.predicate)]
        own = self._verb_events(state, match, act, index, mentions)
        if match.entry.frame == "avowal" and related:
            speakers = {c.source.actor.code for c in own}
            if any(e.source.actor.code in speakers for e in related):
                return [replace(c, code=AVOWAL_CODE) for c in own]
        if related:
            return []
        # what it reports is an act we could not place (no actor): still not a statement
        reported = [
            i
            for i, other in state.acts.items()
            if other is not None
            and i != match.token.i
            and not state.matches[i].nominal
            and state.matches[i].entry.frame not in SPEECH_FRAMES
            and in_subtree(state.matches[i].token, match.token)
        ]
        return [] if reported else own

    # ------------------------------------------------------------------ frames
    def _resolve(self, state: _Sentence, i: int) -> Act | None:
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

    def _resolve_match(self, state: _Sentence, match: Match) -> Act | None:
        entry = match.entry
        frame = entry.frame
        if frame == "light":
            return self._noun_object(state, match)
        if frame in SPEECH_FRAMES:
            # "announced sanctions", "reiterated its demand": a statement of an event noun
            return (
                self._obligation(state, match) or self._noun_object(state, match) or _plain(match)
            )
        if frame == "enact":
            complement, inner = self._complement(state, match)
            if inner is None:
                return _plain(match)
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
            for clause in complement_clauses(match.token):
                state.consumed.add(clause.i)
            return _plain(match)
        if frame is None or frame in NOUN_FRAMES:
            return _plain(match)
        complement, inner = self._complement(state, match)
        theme = complement if complement is not None and complement.pos_ in NOUNS else None
        if inner is not None:
            family = frame
            if frame == "intent" and complement is not None and is_negated(complement):
                family = "reject"  # "vowed not to return the land"
            code = self._family(family, inner.code)
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
                )
        if entry.code is None:
            return None
        return Act(entry.code, entry.state_code, (entry.id,), complement, frame, theme=theme)

    def _noun_object(self, state: _Sentence, match: Match) -> Act | None:
        """A verb that takes its code from its event-noun object; the noun is consumed."""
        for noun in light_objects(match):
            found = state.matches.get(noun.i)
            # "held elections" is no yield: goal nouns only count inside family frames
            if found is not None and found.nominal and found.entry.frame != "goal":
                inner = self._resolve(state, noun.i)
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

    def _complement(self, state: _Sentence, match: Match) -> tuple[Token | None, Act | None]:
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
                continue  # "hopes Japan will persuade ...": not the speaker's own intent
            first = first or candidate
            if candidate.i in state.matches:
                inner = self._resolve(state, candidate.i)
                if inner is not None:
                    state.consumed.add(candidate.i)
                    return candidate, inner
            # through verbs that only carry an act: "prepared to resume shelling"
            if candidate.pos_ in {"VERB", "AUX"}:
                queue += [c for c in candidate.children if c.dep_ == "xcomp"]
        return first, None

    def _obligation(self, state: _Sentence, match: Match) -> Act | None:
        """ "X said Y must/should do Z": X demands Z of Y."""
        for clause in complement_clauses(match.token):
            if clause.dep_ != "ccomp" or not has_aux(clause, OBLIGATION_AUX):
                continue
            inner = self._resolve(state, clause.i) if clause.i in state.matches else None
            code = self._family("demand", inner.code) if inner is not None else None
            state.consumed.add(clause.i)
            entries = (match.entry.id, "obligation", *(inner.entries if inner else ()))
            return Act(code or "100", None, entries, clause, "demand")
        return None

    def _future(self, act: Act, verb: Token) -> Act:
        """A future-tense act stated now is an intent (cooperation) or a threat (conflict);
        a refused future cooperation is a rejection."""
        if not is_future(verb):
            return act
        if act.frame in SPEECH_ACT_FRAMES:
            if act.frame in {"intent", "threaten", "reject"} and not is_negated(verb):
                # "will offer", "will refuse": stating it now is the promise or refusal
                return replace(act, recoded="future")
            return act
        root = act.code[:2]
        negated = is_negated(verb)
        family = None
        if root == "03" and negated:
            family = "reject"  # "will not accept ..."
        elif root in COOPERATIVE_ROOTS:
            family = "reject" if negated else "intent"
        elif root in CONFLICT_ROOTS and not negated:
            family = "threaten"
        code = self._family(family, act.code) if family else None
        if family is None or code is None:
            return act
        state_code = self._family(family, act.state_code) if act.state_code else None
        return Act(
            code, state_code, ("future", *act.entries), act.complement, family, "future", act.theme
        )

    # ------------------------------------------------------------------ arguments
    def _standalone(self, state: _Sentence, match: Match, emitted: set[int]) -> bool:
        """An event noun is an event of its own unless another entry used it or it is an
        argument of an emitted verb ("condemned Serbia's crackdown" is one event)."""
        entry = match.entry
        if entry.frame in NOUN_FRAMES or entry.frame in FAMILY_FRAMES:
            return False
        token = match.token
        if token.i in state.consumed:
            return False
        # a member of a list ("the summit in May, the talks and the meeting in June") is
        # governed by whatever governs the list's first item
        while token.dep_ in LIST_DEPS and token.head.i != token.i and token.head.pos_ in NOUNS:
            token = token.head
        governor = token.head.head if token.dep_ == "pobj" else token.head
        return governor.i not in emitted

    def _verb_events(
        self,
        state: _Sentence,
        match: Match,
        act: Act,
        index: int,
        mentions: MentionIndex,
    ) -> list[EventCandidate]:
        verb = match.token
        subj_tokens, source_rule = subjects(verb)
        if not subj_tokens:
            guess = misparsed_subject(verb)
            subj_tokens, source_rule = ([guess], "misparsed-subject") if guess else ([], "")
        sources: list[MentionLike] = []
        for subj in subj_tokens:
            found = mentions.head_mentions(subj)
            if not found and refers_back(subj):
                found, source_rule = speaker_mentions(verb, mentions), "pronoun-speaker"
            sources += [m for m in found if m not in sources]
        if not sources and verb.dep_ == "acl" and verb.head.dep_ in OBJECTS:
            # "X issued a statement condemning Y": the statement's author acts
            for subj in subjects(verb.head.head)[0]:
                sources += mentions.head_mentions(subj)
            source_rule = "acl-of-object"
        if not sources and act.code[:2] == AID_ROOT:
            sources, source_rule = provider_mentions(verb, mentions), "with-from"
        if not sources:
            return []
        targets, target_rule = verb_targets(match, act, mentions, sources)
        return self._candidates(
            state, match, act, index, sources, targets, source_rule, target_rule
        )

    def _noun_events(
        self,
        state: _Sentence,
        match: Match,
        act: Act,
        index: int,
        mentions: MentionIndex,
    ) -> list[EventCandidate]:
        noun = match.token
        sources: list[MentionLike] = []
        targets: list[MentionLike] = []
        source_rule = target_rule = ""
        for poss in children(noun, {"poss"}):
            sources = mentions.head_mentions(poss)
            source_rule = "poss"
        if not sources:
            modifiers = modifier_mentions(noun, match, mentions)
            if len(modifiers) >= 2:  # "the Japan-US summit"
                sources, targets = [modifiers[0]], [modifiers[1]]
                source_rule, target_rule = "pair", "pair"
            elif modifiers:
                sources, source_rule = modifiers, "modifier"
        if not sources:
            for agent in prep_objects(noun, ("by",)):
                sources, source_rule = mentions.head_mentions(agent), "by"
        if not sources:
            for pobj in prep_objects(noun, ("between", "among")):
                pair = mentions.head_mentions(pobj)
                if len(pair) >= 2:
                    sources, targets = [pair[0]], pair[1:2]
                    source_rule = target_rule = "between"
        if not sources:
            return []
        if not targets:
            for pobj in prep_objects(noun, NOUN_TARGET_PREPS):
                found = [m for m in mentions.head_mentions(pobj) if m not in sources]
                if found:
                    targets, target_rule = found, f"prep:{prep_word(pobj)}"
                    break
        return self._candidates(
            state, match, act, index, sources, targets, source_rule, target_rule
        )

    def _candidates(
        self,
        state: _Sentence,
        match: Match,
        act: Act,
        index: int,
        sources: list[MentionLike],
        targets: list[MentionLike],
        source_rule: str,
        target_rule: str,
    ) -> list[EventCandidate]:
        out: list[EventCandidate] = []
        countries = {s.actor.country for s in sources if s.actor.country}
        wanted: list[MentionLike | None] = list(targets) if targets else [None]
        pairs = list(product(sources, wanted))
        if len(pairs) > 1:
            # several actors on each side ("US-Japan-Taiwan alliance ... between Taipei and
            # Tokyo"): a country does not act on itself
            distinct = [(s, t) for s, t in pairs if t is None or not same_country(s, t)]
            pairs = distinct or pairs
        for source, target in pairs[:MAX_EVENTS_PER_PREDICATE]:
            if target is not None and target is source:
                continue
            code = act.code
            if act.state_code is not None and is_state_actor(source.actor):
                code = act.state_code
            if act.joint_code is not None and len(countries) > 1:
                code = act.joint_code  # "French and Egyptian warships held exercises"
            out.append(
                EventCandidate(
                    sentence=state.span,
                    sentence_index=index,
                    predicate=match.token,
                    verb_tokens=(match.token, *match.particles),
                    code=code,
                    entries=act.entries,
                    source=source,
                    target=target,
                    source_rule=source_rule,
                    target_rule=target_rule if target is not None else "",
                    recoded=act.recoded,
                )
            )
        return out


# ---------------------------------------------------------------------- helpers
def _plain(match: Match) -> Act | None:
    entry = match.entry
    if entry.code is None:
        return None
    # an object the pattern named ("offer +troop") is what is acted with, not the target
    theme = match.object if entry.objects and match.object is not None else None
    if theme is not None and entry.object_actor:
        theme = None
    return Act(entry.code, entry.state_code, (entry.id,), theme=theme, joint_code=entry.joint_code)


def _related(speech: Token, event: Token) -> bool:
    """Whether an event's predicate is inside a statement's clause, or governs it."""
    return in_subtree(event, speech) or in_subtree(speech, event)
