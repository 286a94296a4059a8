"""Event extraction: verb patterns over the dependency parse -> (source, code, target) candidates.

For each sentence: match every token against the verb dictionary (``predicates.py``), resolve
frames (``frames.py``: light verbs, appeals, intents and threats), then find the source and
target actors of each act that stands on its own. Pure (no side effects, no model loading); the
coder (``coder.py``) makes :class:`~dyadwatch.model.Event` records. Rules: ``docs/verbs.md``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.clauses import (
    NOUN_TARGET_PREPS,
    OBJECTS,
    children,
    clause_depth,
    in_subtree,
    is_negated,
    is_passive,
    prep_objects,
    resultative,
)
from dyadwatch.coding.events.arguments import (
    prep_word,
    refers_back,
    speaker_mentions,
    verb_targets,
)
from dyadwatch.coding.events.attack_places import without_attack_places
from dyadwatch.coding.events.candidates import (
    ARMED_SECTORS,
    EventCandidate,
    allowed_parties,
    build_candidates,
    partnership_events,
)
from dyadwatch.coding.events.coordination import (
    PASSIVE_PARTY_RULE,
    is_symmetric,
    listed_parties,
    passive_parties,
    reattach_conjuncts,
)
from dyadwatch.coding.events.doers import POLICE_FRAME, framed_doers
from dyadwatch.coding.events.frames import (
    SPEECH_FRAMES,
    Act,
    FrameResolver,
    SentenceState,
    only_reports,
    ultimatum,
)
from dyadwatch.coding.events.implied import (
    IMPLIED_RULE,
    acted_on,
    fallback_sources,
    implied_code,
    implied_targets,
    undergone,
)
from dyadwatch.coding.events.joined import reattach_joined
from dyadwatch.coding.events.laws import law_author
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.nominal import (
    CARRIER_NOUNS,
    CONSULT_ROOT,
    PROTEST_ROOT,
    anti_target,
    enumeration_sources,
    host_targets,
    is_part_of_name,
    modifier_mentions,
    noun_agents,
    origin_sources,
    own_side,
    phrase_verdict,
    pronoun_owners,
    protest_sources,
    setting_meeting_subjects,
    targeted_subjects,
)
from dyadwatch.coding.events.noun_roots import reattach_noun_roots
from dyadwatch.coding.events.perpetrators import AgentlessAct, lacks_agent
from dyadwatch.coding.events.predicates import Match, PredicateMatcher
from dyadwatch.coding.events.received import is_receiving, received_events
from dyadwatch.coding.events.requested import requested_events
from dyadwatch.coding.events.stated_demands import stated_demand_events
from dyadwatch.coding.events.statement_aims import ACCUSING_CLAIMS, accusations, accused_in_claim
from dyadwatch.coding.roles import misparsed_subject, subjects
from dyadwatch.dictionaries.verbs import FAMILY_FRAMES, NOUN_FRAMES, OWNED_FRAME, VerbDictionary

# how a noun of the "owned" frame names who imposes it: "Chile's", "American", "by Chile"
OWNER_RULES = frozenset({"poss", "modifier", "by"})
# acts done with a partner: diplomatic and material cooperation (agreements, deals)
RECIPROCAL_ROOTS = frozenset({"05", "06"})
NOUNS = frozenset({"NOUN", "PROPN"})
LIST_DEPS = frozenset({"conj", "appos"})
# event nouns whose "of" phrase is who acts, not whom the act is aimed at
DOER_OF_NOUNS = frozenset({"resignation", "withdrawal", "departure", "visit", "pullout", "retreat"})
AVOWAL_CODE = "015"  # acknowledge or claim responsibility
THREAT_ROOT = "13"
FORCES_FRAME = "forces"  # movements that are events only when armed forces move
MEDIATE = "045"


class EventExtractor:
    """Extracts event candidates from parsed documents with a verb dictionary."""

    def __init__(self, verbs: VerbDictionary) -> None:
        self.verbs = verbs
        self.matcher = PredicateMatcher(verbs)
        self.frames = FrameResolver(verbs)

    # ------------------------------------------------------------------ public
    def extract(
        self, doc: Doc, mentions: MentionIndex, agentless: list[AgentlessAct] | None = None
    ) -> list[EventCandidate]:
        """The candidates of ``doc``; acts stated without a doer ("three soldiers were
        killed") go to ``agentless`` when given (their doer is found later, perpetrators.py)."""
        out: list[EventCandidate] = []
        reattach_conjuncts(doc)  # mended before any rule (and the modality cues) reads it
        reattach_joined(doc)
        reattach_noun_roots(doc)  # "The British relinquished control": a verb read as adjective
        candidates = self.matcher.candidates(doc)
        for index, sentence in enumerate(doc.sents):
            # only the tokens that could fire an entry (most sentences have few)
            first = bisect_left(candidates, sentence.start)
            tokens = [doc[i] for i in candidates[first : bisect_left(candidates, sentence.end)]]
            out.extend(self.extract_sentence(sentence, index, mentions, agentless, tokens))
        return out

    def extract_sentence(
        self,
        sentence: Span,
        index: int,
        mentions: MentionIndex,
        agentless: list[AgentlessAct] | None = None,
        tokens: Iterable[Token] | None = None,
    ) -> list[EventCandidate]:
        """The candidates of one sentence; ``tokens``, when given, are the only ones of it that
        could fire a dictionary entry (``PredicateMatcher.candidates``)."""
        matches: dict[int, Match] = {}
        for token in sentence if tokens is None else tokens:
            hit = self.matcher.match_token(token, mentions)
            # a word of an actor's name is no act: "the Popular Mobilization Forces", "the
            # Committee to Protect Journalists"
            if hit is not None and not is_part_of_name(token, mentions):
                matches[token.i] = hit
        if not matches:
            return []
        state = SentenceState(sentence, matches)
        for i in sorted(matches):
            self.frames.resolve(state, i)
        events: list[EventCandidate] = []
        emitted: set[int] = set()
        speech: list[Match] = []
        for i in sorted(matches):
            match = matches[i]
            act = state.acts.get(i)
            if act is None or i in state.consumed or match.nominal:
                continue
            if only_reports(match, act):
                speech.append(match)
                continue
            produced = self._verb_events(state, match, act, index, mentions, agentless)
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
        events.extend(partnership_events(sentence, index, events, mentions))
        events.extend(requested_events(sentence, index, events, mentions))
        events.extend(stated_demand_events(state, index, mentions, self.verbs))
        # the main clause's act first, then those of the clauses modifying it, in text order
        events.sort(key=lambda e: (clause_depth(e.predicate), e.predicate.i, e.source.start))
        return events

    def _statement_events(
        self,
        state: SentenceState,
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
        # only an act inside what is claimed, and not denied, is claimed: "sued, claiming the
        # book was unchecked" and "claimed it did not brief him" claim no act of their own
        claimed = [
            e
            for e in related
            if in_subtree(e.predicate, match.token) and not is_negated(e.predicate)
        ]
        if match.entry.frame == "avowal" and claimed:
            speakers = {c.source.actor.code for c in own}
            if any(e.source.actor.code in speakers for e in claimed):
                return [replace(c, code=AVOWAL_CODE) for c in own]
            if match.token.lemma_.lower() in ACCUSING_CLAIMS:
                # "the US claimed that ISIS had attacked Iraq": an accusation of the actor
                return accusations(own, [e.source for e in claimed])
        if related:
            return []
        accused = accused_in_claim(match, [c.source for c in own], mentions)
        if accused:
            # "protesters claimed Iran is meddling": a claim about another's conduct
            return accusations(own, accused)
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

    # ------------------------------------------------------------------ arguments
    def _standalone(self, state: SentenceState, match: Match, emitted: set[int]) -> bool:
        """An event noun is an event unless used by another entry or an emitted verb's
        argument ("condemned Serbia's crackdown" is one event)."""
        entry = match.entry
        owned = entry.frame == OWNED_FRAME  # an event only with its owner and target
        if (entry.frame in NOUN_FRAMES and not owned) or entry.frame in FAMILY_FRAMES:
            return False
        token = match.token
        if token.i in state.consumed:
            return False
        # a list's member ("the summit in May, the talks in June") is governed as its first
        while token.dep_ in LIST_DEPS and token.head.i != token.i and token.head.pos_ in NOUNS:
            token = token.head
        governor = token.head.head if token.dep_ == "pobj" else token.head
        verdict = phrase_verdict(token, entry.code, state.acts.get(governor.i) is not None)
        if verdict is not None:
            return verdict
        taken = governor.dep_ == "acl" and governor.i in state.consumed  # "a law banning X"
        return governor.i not in emitted and not taken

    def _verb_events(
        self,
        state: SentenceState,
        match: Match,
        act: Act,
        index: int,
        mentions: MentionIndex,
        agentless: list[AgentlessAct] | None = None,
    ) -> list[EventCandidate]:
        verb = match.token
        if is_receiving(match):  # "received arms from X" (events/received.py)
            return received_events(state, match, act, index, mentions)
        undergoes = undergone(verb, act.code, mentions)
        if undergoes is not None:  # "received prison terms": the subject is sentenced
            courts, rule, sentenced = undergoes
            act = implied_code(act, verb)
            return build_candidates(
                state, match, act, index, courts, sentenced, rule, "subject-undergoes"
            )
        subj_tokens, source_rule = subjects(verb)
        if not subj_tokens:
            guess = misparsed_subject(verb)
            subj_tokens, source_rule = ([guess], "misparsed-subject") if guess else ([], "")
        sources: list[MentionLike] = []
        for subj in subj_tokens:
            found = without_attack_places(subj, mentions.head_mentions(subj))  # "a Kabul bombing"
            if not found and refers_back(subj):
                found, source_rule = speaker_mentions(verb, mentions), "pronoun-speaker"
            elif not found and _reported_participle(verb, act.code, source_rule):
                found, source_rule = speaker_mentions(verb, mentions), "participle-speaker"
            sources += [m for m in found if m not in sources]
        author = law_author(state, message_author(verb), verb) if not sources else None
        if author is not None:
            # "X issued a statement condemning Y", "X posted a message on Twitter blaming Y":
            # the author of what carries the act acts
            for subj in subjects(author)[0]:
                sources += mentions.head_mentions(subj)
            source_rule = "acl-of-object"
        if not sources and is_passive(verb):
            # "Y was condemned in a joint statement by X and Z": the statement's authors act
            for carrier in prep_objects(verb, ("in",)):
                if carrier.lemma_.lower() in CARRIER_NOUNS:
                    for agent in prep_objects(carrier, ("by",)):
                        sources += mentions.head_mentions(agent)
                    source_rule = "statement-by" if sources else source_rule
        if not sources:
            # "a treaty was signed between X and Y": between the parties, first to the others
            # (pair_joint_acts adds the pairs among the others)
            lead, others = passive_parties(verb, act.code, mentions)
            if lead:
                return build_candidates(
                    state, match, act, index, lead, others, PASSIVE_PARTY_RULE, PASSIVE_PARTY_RULE
                )
        if not sources:  # crowds, providers, partners, police and courts (events/implied.py)
            sources, source_rule = fallback_sources(verb, act, mentions)
            act = implied_code(act, verb) if source_rule.startswith(IMPLIED_RULE) else act
        if not sources:
            if agentless is not None and lacks_agent(verb, act.code, mentions):
                agentless.append(agentless_act(state, match, act, index, mentions))
            return []
        if act.frame == FORCES_FRAME or act.armed_only:
            # "troops left Iraq", "the army entered the town": only armed forces move so
            # (also when promised: "vowed to leave the EU" is no retreat); "leaving the rebels
            # isolated" says what the act did to them, no one moved
            sources = [s for s in sources if armed_forces(s, verb.doc)]
            if act.frame == FORCES_FRAME and resultative(verb):
                return []
            if not sources:
                return []
        sources = framed_doers(act.frame, sources, verb.doc)  # protesters, police (doers.py)
        if not sources:
            return []
        targets, target_rule = verb_targets(match, act, mentions, sources)
        # people charged, protesters answered, authors of what is sued (events/implied.py)
        targets, target_rule = implied_targets(
            verb, act.code, mentions, sources, (targets, target_rule), source_rule
        )
        if not targets and source_rule.startswith(IMPLIED_RULE) and not acted_on(verb):
            return []  # "wept when convicted": no one named is acted on
        if not targets and act.frame == POLICE_FRAME:
            return []  # "police questioned witnesses": no one named is investigated
        targets, no_one_let_in = allowed_parties(act.code, verb, targets, sources, mentions)
        if no_one_let_in:  # "allowed its output to sink" (086 lets someone in or act)
            return []
        condition = ultimatum(verb) if act.code.startswith(THREAT_ROOT) else None
        if not targets and condition is not None:
            # "will leave the deal unless Europe acts": the threat is aimed at who must act
            for subj in subjects(condition)[0]:
                targets += [m for m in mentions.head_mentions(subj) if m not in sources]
            target_rule = "ultimatum"
        if not targets and act.code.startswith(CONSULT_ROOT):
            # "attended the meeting in Washington": the host is the other party
            places = [verb] if act.theme is None else [act.theme, verb]
            targets, target_rule = host_targets(places, sources, mentions), "host"
        return build_candidates(
            state, match, act, index, sources, targets, source_rule, target_rule
        )

    def _noun_events(
        self,
        state: SentenceState,
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
            sources, source_rule = mentions.head_mentions(poss), "poss"
        if not sources:  # "known for his harsh treatment of critics"
            sources, source_rule = pronoun_owners(noun, act.code, mentions), "poss-pronoun"
        if not sources:
            modifiers = modifier_mentions(noun, match, mentions)
            if len(modifiers) >= 2:  # "the Japan-US summit"
                sources, targets = [modifiers[0]], [modifiers[1]]
                source_rule, target_rule = "pair", "pair"
            elif modifiers:
                sources, source_rule = modifiers, "modifier"
        if not sources:
            for agent in noun_agents(noun):  # "the crackdown on X by Y"
                sources, source_rule = mentions.head_mentions(agent), "by"
        if not sources and act.code != MEDIATE:  # a mediation's parties are not its mediator
            # "talks between X, Y and Z": first party to each other (pairs: pair_joint_acts)
            sources, targets = listed_parties([noun], ("between", "among"), mentions)
            source_rule = target_rule = "between" if sources else ""
        if not sources and is_symmetric(act.code):
            # "the trilateral summit of X, Y and Z": a meeting of several parties is theirs
            sources, targets = listed_parties([noun], ("of",), mentions)
            source_rule = target_rule = "of-parties" if sources else ""
        if not sources and act.code.startswith(CONSULT_ROOT):  # "X said after talks with Y"
            sources, source_rule = setting_meeting_subjects(noun, mentions), "setting-subject"
        if not sources:
            sources, source_rule = enumeration_sources(noun, mentions), "enumeration"
        if not sources:
            sources, source_rule = origin_sources(noun, mentions), "came-from"
        if not sources and noun.lemma_.lower() in DOER_OF_NOUNS:
            # "the resignation of X", "the withdrawal of US troops": X resigns, withdraws
            for pobj in prep_objects(noun, ("of",)):
                sources, source_rule = mentions.head_mentions(pobj), "of-doer"
        if not sources and act.code[:2] == PROTEST_ROOT:
            # "anti-government protests continue in Baghdad": the civilians of the place
            places = [noun, noun.head] if noun.dep_ in {"nsubj", "nsubjpass"} else [noun]
            sources, source_rule = protest_sources(noun, mentions, places), "protest"
        if not sources:
            return []
        if not targets:
            for pobj in prep_objects(noun, NOUN_TARGET_PREPS):
                found = [m for m in mentions.head_mentions(pobj) if m not in sources]
                if found:
                    targets, target_rule = found, f"prep:{prep_word(pobj)}"
                    break
        if not targets and source_rule != "between":
            # "Russia's invasion of Ukraine": the "of" phrase is whom the act is aimed at
            for pobj in prep_objects(noun, ("of",)):
                found = [
                    m
                    for m in mentions.head_mentions(pobj)
                    if m not in sources and not any(own_side(m, s, act.code) for s in sources)
                ]
                if found:
                    targets, target_rule = found, "prep:of"
                    break
        if not targets and act.code.startswith(CONSULT_ROOT):
            targets, target_rule = host_targets([noun], sources, mentions), "host"
        if not targets:  # "X was the target of a Y attack"
            targets, target_rule = targeted_subjects(noun, sources, mentions), "targeted-subject"
        if not targets and act.code[:2] == PROTEST_ROOT:
            against = anti_target(noun, sources[0])
            targets, target_rule = ([against], "anti") if against is not None else ([], "")
        if match.entry.frame == OWNED_FRAME and not (targets and source_rule in OWNER_RULES):
            return []  # "sanctions hurt the economy": no one imposing them on anyone
        return build_candidates(
            state, match, act, index, sources, targets, source_rule, target_rule
        )


# ---------------------------------------------------------------------- helpers
def armed_forces(mention: MentionLike, doc: Doc) -> bool:
    """Whether a mention is a body of armed men ("American troops", "the army"), not a person
    ("General X", a named commander)."""
    if mention.actor.sector not in ARMED_SECTORS or mention.actor.person is not None:
        return False
    return not any(t.ent_type_ == "PERSON" for t in doc[mention.start : mention.end])


def message_author(verb: Token) -> Token | None:
    """The verb whose object carries a participle act: "issued a statement condemning Y" ->
    issued; also through the object's prepositional phrases ("posted a message on Twitter
    blaming Y"). None when the participle hangs on anything else."""
    if verb.dep_ != "acl" or is_passive(verb):
        return None  # "charges against those held in contempt": the held do not author it
    noun = verb.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.dep_ in OBJECTS:
        noun = noun.head.head  # Twitter -> on -> message
    return noun.head if noun.dep_ in OBJECTS else None


def _related(speech: Token, event: Token) -> bool:
    """Whether an event's predicate is inside a statement's clause, or governs it."""
    return in_subtree(event, speech) or in_subtree(speech, event)


def agentless_act(
    state: SentenceState, match: Match, act: Act, index: int, mentions: MentionIndex
) -> AgentlessAct:
    """An act without a doer, with the targets its clause names (the passive's subject)."""
    targets, target_rule = verb_targets(match, act, mentions, [])
    # a person only the entity recogniser knows, placed from context, is too weak a victim
    targets = [t for t in targets if not ("entity" in t.rule and "context" in t.rule)]
    return AgentlessAct(
        sentence=state.span,
        sentence_index=index,
        predicate=match.token,
        verb_tokens=(match.token, *match.particles),
        code=act.code,
        entries=act.entries,
        targets=tuple(targets),
        target_rule=target_rule,
        recoded=act.recoded,
    )


# verbal acts (statements, appeals, demands, criticism, rejection, threats) of a participle
VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})


def _reported_participle(verb: Token, code: str, source_rule: str) -> bool:
    """A verbal act in a participle hung on what was said, whose clause names no actor: the
    speaker's ("the envoy said the talks would go on, urging Syria to show restraint")."""
    return (
        source_rule == "advcl"
        and verb.tag_ == "VBG"
        and code[:2] in VERBAL_ROOTS
        and verb.head.dep_ == "ccomp"
    )
