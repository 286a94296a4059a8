"""Who did an act the sentence states without its doer: a second pass over the candidates.

News often reports the act and its doer apart: "A rocket struck the base. ... Militia X
claimed responsibility", "Gunmen stormed the village. Three soldiers were killed." The
extractor records such acts (``AgentlessAct``: a passive with no "by" agent, or a weapon or an
attack as the subject) of force (CAMEO roots 18-20), and this pass gives them their
*perpetrator*: an attacker named in the same sentence, else whoever claims responsibility within
six sentences (the nearest claim), else the attacker of an earlier sentence of the paragraph (or
of the two sentences before it).

The source is a guess: the rule string says where it came from, and confidence.py gives
``perpetrator`` sources a low factor. Acts with no target are left alone. (Passive legal and
state acts, "was arrested", "was convicted", take the police or courts they imply when they are
extracted: implied.py.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.clauses import clause_depth, is_passive, prep_objects
from dyadwatch.coding.dates.narrative import paragraph_break
from dyadwatch.coding.events.attack_places import without_attack_places
from dyadwatch.coding.events.candidates import EventCandidate
from dyadwatch.coding.events.control import retaking_force
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_party
from dyadwatch.coding.roles import subjects

FORCE_ROOTS = frozenset({"18", "19", "20"})
CLAIM_CODE = "015"  # claim responsibility
# how far back an attacker named earlier still is the doer of an agentless act
ATTACKER_REACH = 2
# how far a claim of responsibility reaches: a long story may tell of other attacks
CLAIM_REACH = 6
# what strikes when no one is named: "a rocket hit the base", "the blast killed three"
WEAPONS = frozenset(
    """bomb bombs rocket rockets missile missiles shell shells mortar mortars drone drones
    grenade grenades explosive explosives ied ieds mine mines shelling blast blasts explosion
    explosions bombing bombings attack attacks strike strikes airstrike airstrikes
    gunfire fire barrage salvo projectile projectiles car truck vehicle""".split()  # noqa: SIM905
)
# what an act of force was done in or by, whose modifier names its owner: "a US airstrike"
OPERATIONS = WEAPONS | {"operation", "operations", "raid", "raids", "offensive", "assault"}
OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
# what a copula names the doer of an attack: "X are the suspected perpetrators"
DOER_NOUNS = frozenset({"perpetrator", "culprit", "suspect", "mastermind", "attacker"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
ACCUSE_ROOT = "112"  # accuse, blame, attribute
PERPETRATOR_RULE = "perpetrator"
# acts a passive may tell again without their doer, who is then the one told doing it before:
# "X imposed sanctions on Y in 2007. Y was sanctioned again in 2011"
REPEATED_CODES = frozenset({"163"})


@dataclass(frozen=True, slots=True)
class AgentlessAct:
    """An act the extractor found but no actor doing it: what and whom, without who."""

    sentence: Span
    sentence_index: int
    predicate: Token
    verb_tokens: tuple[Token, ...]
    code: str
    entries: tuple[str, ...]
    targets: tuple[MentionLike, ...]
    target_rule: str
    recoded: str | None = None


def lacks_agent(verb: Token, code: str, mentions: MentionIndex) -> bool:
    """Whether a verb of force whose act found no source states it without a doer this pass
    can supply: a passive with no "by" agent or only a weapon as its agent ("were hit by drone
    strikes"), or a weapon or an attack as the subject ("a rocket struck the base")."""
    if code[:3] in REPEATED_CODES:
        return is_passive(verb) and not prep_objects(verb, ("by",))
    if code[:2] not in FORCE_ROOTS:
        return False
    if is_passive(verb):
        return all(_is_weapon(a, mentions) for a in prep_objects(verb, ("by",)))
    found, _ = subjects(verb)
    if verb.dep_ == "xcomp" and is_passive(verb.head):
        # "a bombing was reported to have killed ...": the raised subject of the report
        found += [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    return any(_is_weapon(s, mentions) for s in found)


def agentless_events(
    doc: Doc, acts: Sequence[AgentlessAct], found: Sequence[EventCandidate], index: MentionIndex
) -> list[EventCandidate]:
    """Candidates for the agentless acts whose doer the text around names or implies."""
    sents = list(doc.sents)
    out: list[EventCandidate] = []
    for act in acts:
        doer = perpetrator(act, found, sents, index)
        if doer is None:
            continue
        source, rule = doer
        for target in act.targets:
            if same_party(target, source):
                continue
            out.append(
                EventCandidate(
                    sentence=act.sentence,
                    sentence_index=act.sentence_index,
                    predicate=act.predicate,
                    verb_tokens=act.verb_tokens,
                    code=act.code,
                    entries=act.entries,
                    source=source,
                    target=target,
                    source_rule=rule,
                    target_rule=act.target_rule,
                    recoded=act.recoded,
                )
            )
    return out


def perpetrator(
    act: AgentlessAct, found: Sequence[EventCandidate], sents: list[Span], index: MentionIndex
) -> tuple[MentionLike, str] | None:
    """The doer of an agentless act of force and where it was found (module docstring)."""
    if act.code[:3] in REPEATED_CODES:
        return repeated_doer(act, found, sents)
    retaken = retaking_force(act.predicate, act.code, act.targets)  # events/control.py
    if retaken is not None:
        return retaken
    owner = weapon_owner(act, index)
    if owner is not None:
        return owner, f"{PERPETRATOR_RULE} (owner of the weapon)"
    here = act.sentence_index
    attacks = [c for c in found if c.code[:2] in FORCE_ROOTS and not _hits_own(c.source, act)]
    named = named_attack(act, attacks)
    if named is not None:
        return named.source, _where("the attack named", named)
    for candidate in attacks:
        if candidate.sentence_index == here:
            return candidate.source, f"{PERPETRATOR_RULE} (attacker in the sentence)"
    claims = [
        c
        for c in found
        if c.code == CLAIM_CODE
        and abs(c.sentence_index - here) <= CLAIM_REACH
        and not _hits_own(c.source, act)
    ]
    if claims:
        claim = min(claims, key=lambda c: (abs(c.sentence_index - here), c.sentence_index < here))
        return claim.source, _where("claimed responsibility", claim)
    earlier = [
        c
        for c in attacks
        if c.sentence_index < here and _within_reach(sents, c.sentence_index, here)
    ]
    if earlier:
        attack = max(earlier, key=lambda c: (c.sentence_index, c.predicate.i))
        return attack.source, _where("attacker", attack)
    # "A car bomb hit the base. The attack was carried out by X": the next sentence's
    # "the attack" is this one
    later = [
        c
        for c in attacks
        if 0 < c.sentence_index - here <= 1
        and _within_reach(sents, here, c.sentence_index)
        and _names_the_attack(c.predicate)
    ]
    if later:
        return later[0].source, _where("attacker of the attack named after", later[0])
    suspect = named_suspect(act, sents, index)
    if suspect is not None:
        return suspect
    # "X blamed Y for the attack", "attributed the bombing to Y": the suspect named
    for blame in sorted(found, key=lambda c: abs(c.sentence_index - here)):
        if (
            blame.code.startswith(ACCUSE_ROOT)
            and blame.target is not None
            and not _hits_own(blame.target, act)
            and any(t.lemma_.lower() in WEAPONS for t in blame.predicate.subtree)
        ):
            return blame.target, _where("blamed", blame)
    return None


def repeated_doer(
    act: AgentlessAct, found: Sequence[EventCandidate], sents: list[Span]
) -> tuple[MentionLike, str] | None:
    """Who did the same act to the same target before, within the attacker's reach: "the US
    levied sanctions on X in 2007. He was sanctioned again in 2011" is the US's second one."""
    here = act.sentence_index
    before = [
        c
        for c in found
        if c.code[:3] == act.code[:3]
        and c.target is not None
        and any(same_party(c.target, t) for t in act.targets)
        and not _hits_own(c.source, act)
        and c.predicate.i < act.predicate.i
        and _within_reach(sents, c.sentence_index, here)
    ]
    if not before:
        return None
    done = max(before, key=lambda c: c.predicate.i)
    return done.source, _where("done before to the same target", done)


def named_attack(act: AgentlessAct, attacks: Sequence[EventCandidate]) -> EventCandidate | None:
    """The earlier act a definite "in/by the airstrike" refers to: the nearest one before
    whose word is that noun ("killed in the raid" after "soldiers raided the camp")."""
    for noun in prep_objects(act.predicate, ("by", "in")):
        if noun.lemma_.lower() not in OPERATIONS:
            continue
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
            continue
        word = noun.lemma_.lower()
        before = [
            c
            for c in attacks
            if c.predicate.i < act.predicate.i
            and (c.predicate.lemma_.lower() == word or f"@{word}" in " ".join(c.entries))
        ]
        if before:
            return max(before, key=lambda c: c.predicate.i)
    return None


def named_suspect(
    act: AgentlessAct, sents: list[Span], index: MentionIndex
) -> tuple[MentionLike, str] | None:
    """ "X are the suspected perpetrators", "X is the main suspect": a copula naming its
    subject the doer, within the claim's reach."""
    here = act.sentence_index
    for number in sorted(range(len(sents)), key=lambda n: abs(n - here)):
        if abs(number - here) > CLAIM_REACH:
            break
        for token in sents[number]:
            if token.lemma_.lower() not in DOER_NOUNS or token.dep_ != "attr":
                continue
            for subj in (c for c in token.head.children if c.dep_ == "nsubj"):
                found = [m for m in index.head_mentions(subj) if not _hits_own(m, act)]
                if found:
                    return found[0], f"{PERPETRATOR_RULE} (named the doer, sentence {number + 1})"
    return None


def weapon_owner(act: AgentlessAct, index: MentionIndex) -> MentionLike | None:
    """The actor whose weapon or operation an agentless act was done by or in: "killed in a
    US airstrike", "hit by Turkish artillery" -> the US, Turkey."""
    for noun in prep_objects(act.predicate, ("by", "in")):
        if noun.lemma_.lower() not in OPERATIONS:
            continue
        for modifier in noun.children:
            if modifier.dep_ not in OWNER_DEPS:
                continue
            found = [m for m in index.head_mentions(modifier) if not _hits_own(m, act)]
            if found:
                return found[0]
    return None


def _is_weapon(token: Token, mentions: MentionIndex) -> bool:
    """A weapon no actor's name is on ("a Kabul car bombing" names only where it was)."""
    return token.lemma_.lower() in WEAPONS and not without_attack_places(
        token, mentions.head_mentions(token)
    )


def _where(what: str, candidate: EventCandidate) -> str:
    return f"{PERPETRATOR_RULE} ({what}, sentence {candidate.sentence_index + 1})"


def _hits_own(source: MentionLike, act: AgentlessAct) -> bool:
    """Whether a would-be doer is one of the act's own targets (the victims)."""
    return any(same_party(source, t) for t in act.targets)


def _within_reach(sents: list[Span], earlier: int, later: int) -> bool:
    """Whether sentence ``earlier`` is in ``later``'s paragraph, or at most
    ``ATTACKER_REACH`` sentences before it."""
    if later - earlier <= ATTACKER_REACH:
        return True
    return not any(paragraph_break(sents[i], sents[i + 1]) for i in range(earlier, later))


def with_unnamed_parties(
    doc: Doc, found: list[EventCandidate], acts: Sequence[AgentlessAct], index: MentionIndex
) -> list[EventCandidate]:
    """The document's candidates with the agentless acts given a doer, and claims and attacks
    that refer to an attack without naming whom it hit given its target; in text order."""
    candidates = in_text_order([*found, *agentless_events(doc, acts, found, index)])
    return attack_victims(candidates, acts)


def attack_victims(
    candidates: list[EventCandidate], acts: Sequence[AgentlessAct]
) -> list[EventCandidate]:
    """ "X claimed responsibility (for the attacks)", "X said it carried out the attack": with
    no target of their own, they take the target of the nearest act of force before them.

    Unlike the later reaction pass (reactions.py ``reaction_targets``, which sees only
    candidates), this one also sees the agentless acts no doer was found for."""
    hits = [(c.predicate.i, c) for c in candidates if _is_hit(c)]
    out: list[EventCandidate] = []
    for candidate in candidates:
        if candidate.target is None and _refers_to_attack(candidate):
            # an attack of another doer is another attack ("in response to the US airstrike")
            before = [
                (hit.sentence_index, hit.target)
                for token, hit in hits
                if token < candidate.predicate.i
                and hit.target is not None
                and not same_party(hit.target, candidate.source)
                and (
                    candidate.code == CLAIM_CODE
                    or hit.source_rule.startswith(PERPETRATOR_RULE)
                    or _same_country(hit.source, candidate.source)
                )
            ]
            before += [
                (a.sentence_index, t)
                for a in acts
                for t in a.targets[:1]
                if a.predicate.i < candidate.predicate.i and not same_party(t, candidate.source)
            ]
            if before:
                sentence, target = max(before, key=lambda hit: hit[0])
                rule = f"victim (the attack of sentence {sentence + 1})"
                candidate = replace(candidate, target=target, target_rule=rule)
        out.append(candidate)
    return out


def _same_country(a: MentionLike, b: MentionLike) -> bool:
    return a.actor.country is not None and a.actor.country == b.actor.country


def _is_hit(candidate: EventCandidate) -> bool:
    return candidate.code[:2] in FORCE_ROOTS and candidate.target is not None


def _refers_to_attack(candidate: EventCandidate) -> bool:
    """A claim of responsibility, or an act of force done as "the attack"."""
    if candidate.code == CLAIM_CODE:
        return True
    if candidate.code[:2] not in FORCE_ROOTS or candidate.predicate.pos_ != "VERB":
        return False
    return _names_the_attack(candidate.predicate)


def _names_the_attack(predicate: Token) -> bool:
    """Whether a predicate's clause refers to an attack told before: "the attack", "this
    bombing"."""
    return any(
        t.lemma_.lower() in OPERATIONS
        and any(d.dep_ == "det" and d.lower_ in DEFINITE for d in t.children)
        for t in predicate.subtree
    )


def in_text_order(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """Candidates in the order the extractor gives: by sentence, the main clause's acts first,
    then by predicate and source."""
    return sorted(
        candidates,
        key=lambda c: (
            c.sentence_index,
            clause_depth(c.predicate),
            c.predicate.i,
            c.source.start,
        ),
    )
