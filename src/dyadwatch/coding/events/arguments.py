"""Finding the arguments of an act: its target, and who a pronoun subject is.

Pure functions over the dependency parse and the actor mentions; used by ``events.py``.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from dyadwatch.coding.actors.acted import infinitive_clauses
from dyadwatch.coding.actors.aliases import FLAG as DESCRIBED_NAME
from dyadwatch.coding.clauses import (
    DATIVES,
    NOUN_TARGET_PREPS,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    TARGET_PREPS,
    children,
    is_passive,
    pobj_of,
    prep_objects,
    repeated_particle_objects,
)
from dyadwatch.coding.dates.narrative import is_quoted
from dyadwatch.coding.events.antecedents import person_agrees
from dyadwatch.coding.events.backing import BACKING_ROOTS, operation_doers
from dyadwatch.coding.events.complements import (
    BENEFICIARY_PREPS,
    acl_objects,
    complement_targets,
    condition_subjects,
    dangling_objects,
    inherited_targets,
    nested_targets,
    object_antecedent,
    opposed_targets,
    reaction_targets,
    with_conjuncts,
)
from dyadwatch.coding.events.joined import leader_targets
from dyadwatch.coding.events.mentions import (
    MentionIndex,
    MentionLike,
    hop_partitive,
    international,
)
from dyadwatch.coding.events.mentions import (
    same_country as same_country,  # re-exported for extractor.py
)
from dyadwatch.coding.events.predicates import Match
from dyadwatch.coding.events.verdicts import (
    authors_of,
    complaint_subjects,
    distrusted,
    is_verdict,
    judged_by_verdict,
)
from dyadwatch.coding.roles import co_agents, direct_object, subjects

# acts of force or restriction whose target may be the place they happen in
PLACE_TARGET_ROOTS = frozenset({"08", "14", "15", "16", "17", "18", "19", "20"})
# force whose clause names no place is not used against the country it happened in when that
# is the user's own ("carried out the attack", said on TV in Yemen, is not Yemen's); abroad,
# it lands there ("a US airstrike" located in Iraq)
FORCE_ROOTS = frozenset({"18", "19", "20"})
PLACE_PREPS = ("in", "inside", "within", "across", "throughout", "outside", "around")
THREAT_ROOT = "13"
DEMAND_ROOT = "10"
PLACED_ROOTS = frozenset({THREAT_ROOT, "12"})  # threats and refusals of an act somewhere
# acts that answer another's act: concessions ("yielded in response to the king's
# statement"), demands, disapproval, rejection, threats, cutting relations, shows of force
# and coercion ("destroyed the platform in retaliation for an Iranian attack"), force ("fired
# missiles in response to the US airstrike")
REACTION_ROOTS = frozenset({"08", "10", "11", "12", "13", "15", "16", "17", "18", "19", "20"})
INCLUDING_PREPS = ("including", "like")
# whose act a verbal conflict is about: "condemned the killings by the army" -> the army
AUTHOR_PREPS = ("by",)
# pronouns that inside a quotation stand for someone other than its speaker
THIRD_PERSON = frozenset({"it", "they", "he", "she"})
VERBAL_CONFLICT_ROOTS = frozenset({"09", "10", "11", "12", "13"})
# ... and whose act an endorsement praises: "welcomed a statement by Russia" -> Russia
AUTHOR_ROOTS = VERBAL_CONFLICT_ROOTS | {"05"}
SIGN_CODE = "057"  # ... not a signing: "signed a deal brokered by X" is no deal with X
# coercion names whom it is aimed at after the instrument: "a warrant for X", "a ban on X"
COERCION_ROOTS = frozenset({"17"})
APPEAL_ROOT = "02"  # an appeal is aimed at whom it asks, at home too
# disapproval is aimed at what it is about, not at whom it is addressed: "complained to the UN
# about Israeli raids" -> Israel
DISAPPROVAL_ROOTS = frozenset({"11"})
SUBJECT_MATTER_PREPS = ("about", "over", "against")
# an aid's beneficiary after the thing given: "asylum for X", "a military aid program for X"
AID_ROOTS = frozenset({"07"})
AID_CUT = "162"  # reduce or stop aid: "suspended its aid program for X"
# ... and a pledge of aid (0331-0334): "pledged funds for the rebuilding of X" -> X
AID_PLEDGE = "033"
# handing over or back (084, 0842): what is handed over is no recipient either ("handed the
# colony back to China" -> China); released people (0841) are still the target
HANDOVER_CODES = frozenset({"084", "0842"})
# a sale or information passed on: like a thing given, but what is sold or told is never the
# party ("sold its Thai stores to X" -> X, never Thailand; "disclosed the matter to Y" -> Y)
TRANSFER_CODES = frozenset({"061", "064"})
SUPPORT_ROOTS = frozenset({"05"})  # and support's: "voiced support for X", "sympathy for X"
# "the blockade of Serbia", "the occupation of X": an event noun's "of" phrase is its target
THEME_TARGET_PREPS = ("of",)
# force aimed at what a thing is for: "shelled a camp for Somali refugees"; an appeal or a
# demand aimed at whom it asks, inside its "for" phrase: "issued a subpoena for the envoy",
# "a request for documents from the ministry"
OBJECT_FOR_ROOTS = AID_ROOTS | COERCION_ROOTS | FORCE_ROOTS | {"02", DEMAND_ROOT}
# an appeal or demand that others sanction X rallies opposition against X (verb_frames.tsv):
# its target is the party to be punished, never the addressee asked to act
RALLY_OPPOSITION = "113"
# the arguments an actor known only to the entity recogniser may fill as the target
ENTITY_RULES = frozenset(
    {
        "object", "dative", "object-acl", "object-by", "prep:against", "object-prep:against",
        "complement-object",
        "complement-dative", "complement-poss", "complement-by", "verdict",
    }
)  # fmt: skip
# consulting, discussing, negotiating: acts whose object may be what they are about (visits
# and mediations name their participants)
TALK_CODES = ("040", "041", "046")
# rules that name the act's own arguments (its object, dative, the addressee of an appeal):
# their actor is the target even when it is the source's own country
ARGUMENT_RULES = frozenset(
    {"object", "dative", "complement-subject", "complement-object", "complement-dative"}
    | {"verdict"}
)
EXCLUDING_WORDS = frozenset({"exception", "exceptions", "except", "excluding", "excepting"})
ARMED_SECTORS = frozenset({"MIL"})
# "his country", "its government": the speaker's own state
SELF_NOUNS = frozenset({"country", "nation", "government", "state", "administration"})


class ActLike(Protocol):
    """What target finding needs of a resolved act (``events.Act``)."""

    @property
    def code(self) -> str: ...

    @property
    def frame(self) -> str | None: ...

    @property
    def theme(self) -> Token | None: ...

    @property
    def complement(self) -> Token | None: ...

    @property
    def inner_theme(self) -> Token | None: ...

    @property
    def entries(self) -> tuple[str, ...]: ...


def refers_back(subj: Token) -> bool:
    """A pronoun subject, or "his country"/"its government" (the speaker's own state)."""
    if subj.lower_ in PERSONAL_PRONOUNS:
        return True
    return subj.lemma_.lower() in SELF_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in PERSONAL_PRONOUNS | {"his", "her", "our"}
        for c in subj.children
    )


def speaker_mentions(verb: Token, mentions: MentionIndex) -> list[MentionLike]:
    """Resolve a pronoun subject to the subject of the clause that governs this one:
    "Hungary said it will support ..." -> Hungary. A "he"/"she" is a person's only: "The press
    asked X, but he declined" is not the press's act (``references.py`` finds X)."""
    token: Token = verb
    # "it"/"they" inside a quotation is no one outside it: the speaker would say "we"
    quoted = _third_person_subject(verb) and is_quoted(verb)
    for _ in range(4):
        if token.dep_ not in {"ccomp", "xcomp", "advcl", "conj", "acomp"} or token.head is token:
            return []
        token = token.head
        if quoted and not is_quoted(token):
            return []
        subj_tokens, _ = subjects(token)
        for subj in subj_tokens:
            found = mentions.head_mentions(subj)
            if found:
                return found if person_agrees(verb, subj, found) else []
    return []


def _third_person_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in THIRD_PERSON for c in verb.children)


def verb_targets(
    match: Match, act: ActLike, mentions: MentionIndex, sources: list[MentionLike]
) -> tuple[list[MentionLike], str]:
    """Target mentions of a verb's act and the rule that found them (docs/verbs.md)."""
    verb = match.token
    direct: list[tuple[Token, str]] = []
    repeated: set[int] = set()
    for particle in match.particles:
        pobj = pobj_of(particle)
        if pobj is not None:
            direct.append((pobj, f"prep:{particle.lower_}"))
            # "met with the IMF, then with Trump": the particle's phrase said again
            for again in repeated_particle_objects(verb, particle):
                direct.append((again, f"prep:{particle.lower_}"))
                repeated.add(again.i)
    obj = direct_object(verb)
    if obj is not None and obj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        obj = verb.head  # "Assad, who is backed by Russia": Assad is acted on
    theme = act.theme
    # "discussed China-Taiwan relations", "discussed relations between X and Y": what talks
    # are about names no participant, unless it is an actor itself ("met the Chinese
    # president"); a mediation's does ("mediated a truce between X and Y")
    topic = act.code.startswith(TALK_CODES)
    topical = topic and obj is not None and mentions.with_entities.at(hop_partitive(obj)) is None
    if obj is not None and (theme is None or hop_partitive(obj).i != theme.i) and not topical:
        direct.append((obj, "object"))
    direct += [(d, "dative") for d in children(verb, DATIVES)]
    direct = leader_targets(verb) + direct  # "joined the coalition led by X" -> X
    # "X must, with Y, protect Z": Y acts along with X, it is not acted on
    partners = {t.i for t in co_agents(verb)}
    preps = [
        (p, f"prep:{prep_word(p)}") for p in prep_objects(verb, TARGET_PREPS) if p.i not in partners
    ]
    preps += [(p, f"prep:{word}") for p, word in dangling_objects(verb, TARGET_PREPS)]
    for particle in match.particles:  # "handed X back to China": "to" hangs on "back"
        preps += [(p, f"prep:{prep_word(p)}") for p in prep_objects(particle, TARGET_PREPS)]
    object_preps: list[tuple[Token, str]] = []
    noun_preps = TARGET_PREPS if topic else NOUN_TARGET_PREPS
    for noun in with_conjuncts(obj):
        object_preps += [(p, f"object-prep:{prep_word(p)}") for p in prep_objects(noun, noun_preps)]
    # what the thing acted with is aimed at: "launched missiles targeting US troops"
    for noun in (*with_conjuncts(obj), *([theme] if theme is not None else [])):
        direct += [(t, "object-acl") for t in acl_objects(noun)]
    complement = act.complement
    framed: list[tuple[Token, str]] = []
    if complement is not None and complement.i != verb.i and complement.pos_ in {"VERB", "AUX"}:
        # "said Turkey must, with Europe, guard them": the partners share the subject's role
        repeated.update(t.i for t in co_agents(complement))
    root = act.code[:2]
    if complement is not None and complement.i != verb.i:
        framed = complement_targets(complement, act.frame, act.inner_theme)
        if root in SUPPORT_ROOTS and complement.pos_ in {"NOUN", "PROPN"}:
            framed += [(p, "complement-for") for p in prep_objects(complement, BENEFICIARY_PREPS)]
    elif theme is not None:
        # what the thing offered or sent is for: "offered warships to escort X's tankers"
        for purpose in infinitive_clauses(verb):
            framed += [(t, f"purpose:{r}") for t, r in complement_targets(purpose, None)]
    if match.object is not None and act.theme is not None and is_verdict(verb, match.object):
        # "found the decision of X unlawful": whose act is judged is the target
        verdicts: list[tuple[Token, str]] = []
        for noun in judged_by_verdict(verb, match.object):  # and its "by": "the ban by X"
            verdicts += [(noun, "verdict")]
            verdicts += [(p, "verdict") for p in prep_objects(noun, AUTHOR_PREPS)]
        direct = verdicts + direct
    # an event noun acted on names its target in its "of" phrase: "tightened the blockade of X"
    themed: list[tuple[Token, str]] = []
    if theme is not None and theme.pos_ in {"NOUN", "PROPN"}:
        themed = [(p, "theme-of") for p in prep_objects(theme, THEME_TARGET_PREPS)]
    if root in AUTHOR_ROOTS and act.code != SIGN_CODE:
        # whose act it is comes first: "condemned the killings by the army", "a suit filed by X"
        authors: list[tuple[Token, str]] = []
        for noun in (*with_conjuncts(obj), *([theme] if theme is not None else [])):
            # ... but the act's own noun ("a lawsuit filed by X") is the source's
            own = verb.head.i == noun.i or (noun == theme and names_the_act(noun, act.entries))
            by = prep_objects(noun, AUTHOR_PREPS) if own else authors_of(noun)
            authors += [(p, "object-by") for p in by]
        if obj is not None and not is_passive(verb):  # the parser hangs the "by" on the verb
            authors += [(p, "object-by") for p in prep_objects(verb, AUTHOR_PREPS)]
        direct = authors + direct
    if root in DISAPPROVAL_ROOTS:
        about = [(p, f"prep:{prep_word(p)}") for p in prep_objects(verb, SUBJECT_MATTER_PREPS)]
        # "protested to the UN over violations by Turkey", "complained to the UN that Israel
        # was blocking exports": whose act it is about comes before whom it is addressed to
        about += [(a, "about-by") for p, _ in list(about) for a in prep_objects(p, AUTHOR_PREPS)]
        about += [(t, "complement-subject") for t in complaint_subjects(verb)]
        direct = about + direct + distrusted(theme)
    if root in OBJECT_FOR_ROOTS or act.code.startswith((AID_CUT, AID_PLEDGE)):
        for noun in with_conjuncts(obj):
            object_preps += [
                (p, f"object-prep:{prep_word(p)}") for p in prep_objects(noun, BENEFICIARY_PREPS)
            ]
    given_pledge = act.code.startswith(AID_PLEDGE)
    if act.frame in {"appeal", "demand"} and act.code == RALLY_OPPOSITION:
        # "urged the UN to impose sanctions on X" -> X: the addressee and the appeal's own
        # particle ("called on NATO", "appealed to the UN") are who should act, not the target
        asked = {p.i for p, _ in direct}
        candidates = opposed_targets(complement, act.inner_theme) + [
            (p, rule) for p, rule in preps if p.i not in asked
        ]
    elif act.frame in {"appeal", "demand"}:
        # the addressee is who must act: "demanded the withdrawal of Serbian forces from X"
        candidates = direct + framed + themed + preps + object_preps
    elif root in AID_ROOTS or act.code in HANDOVER_CODES | TRANSFER_CODES or given_pledge:
        # what is given is no recipient: "provided intelligence to X" -> X, then the object
        given = [(t, r) for t, r in direct if r == "object"]
        others = [(t, r) for t, r in direct if r != "object"]
        # ... and the one handed over to comes before what was handed over's "of" phrase:
        # "gave up control of the port to China" -> China
        handed = preps if act.code in HANDOVER_CODES else []
        rest = [c for c in preps if c not in handed]
        sold = act.code in TRANSFER_CODES  # what is sold or told is never the party
        candidates = others + handed + themed + rest + object_preps + given * (not sold) + framed
    else:
        candidates = direct + themed + preps + object_preps + framed
    # what is judged may name its parties in its "of" phrase or deeper: "denounced the
    # memoranda of understanding between X and Y", "criticized the policies of China"
    judged: list[tuple[Token, str]] = []
    if root in AUTHOR_ROOTS:
        for noun in with_conjuncts(obj):
            judged += [(p, "object-of") for p in prep_objects(noun, ("of",))]
    candidates += judged + nested_targets(preps + object_preps + framed + themed + judged)
    # whom a complement act is for comes after every phrase that names a party
    candidates = [c for c in candidates if c[1] != "complement-for"] + [
        c for c in candidates if c[1] == "complement-for"
    ]
    if root in PLACE_TARGET_ROOTS:
        # force or restriction applied in a place lands on it: "lifted a curfew in Montenegro"
        for holder in (verb, *with_conjuncts(obj)):
            candidates += [(p, "place") for p in prep_objects(holder, PLACE_PREPS)]
    elif root in PLACED_ROOTS and complement is not None and complement.i != verb.i:
        # a threat lands where the threatened act would: "threatened to resume raids in X";
        # a refusal where the refused act would have: "refused to deploy troops in X"
        for holder in (complement, *with_conjuncts(direct_object(complement))):
            candidates += [(p, "place") for p in prep_objects(holder, PLACE_PREPS)]
    if root == THREAT_ROOT:
        candidates += condition_subjects(verb, complement)
    if root == DEMAND_ROOT:
        # "reiterated its demand that Israel ease ...": the parser hangs the clause that
        # spells out the demand on the verb; its subject is who must act
        for clause in verb.children:
            if clause.dep_ == "ccomp" and any(c.lower_ == "that" for c in clause.children):
                candidates += [(s, "complement-subject") for s in subjects(clause)[0]]
    # the source's own country named by a preposition ("expelled the Libyan envoy to Greece")
    # is only where the act is, not whom it is aimed at, while another candidate names
    # another country: it is kept as the last resort
    candidates += inherited_targets(verb, root in FORCE_ROOTS)
    if root in BACKING_ROOTS:
        candidates += [(d, "operation-doer") for d in operation_doers(verb)]
    if root in REACTION_ROOTS:
        candidates += reaction_targets(verb)
    # "with the exception of X", "except X": whom the act leaves out
    candidates = [(t, r) for t, r in candidates if not _left_out(t, verb)]
    candidates = [(object_antecedent(t, verb), r) for t, r in candidates]
    # the event noun the act was coded from names the act, not whom it is aimed at:
    # "voiced his opposition" is no act against an opposition
    actor_theme = None if theme is not None and names_the_act(theme, act.entries) else theme
    # "sacked the army chief", "asked the president to resign": its own people too
    home_theme = root in COERCION_ROOTS or (
        root == APPEAL_ROOT and theme is not None and theme == obj
    )
    found_target = _first_target(
        candidates, mentions, sources, actor_theme, repeated, home_theme, root in FORCE_ROOTS
    )
    # where the act happened at home ("sentenced X in a Texas court") is only a last resort:
    # a person the entity recogniser found as the act's own argument comes first
    at_home = found_target[1] == "place" and all(
        any(same_country(m, s) for s in sources) for m in found_target[0]
    )
    if (found_target[0] and not at_home) or not mentions.has_entities:
        return found_target
    # no actor the dictionaries know: a person or organisation only the entity recogniser
    # found, as the act's own argument ("rejected Pelosi's suggestion")
    entity_candidates = [(t, r) for t, r in candidates if r in ENTITY_RULES]
    by_entity = _first_target(entity_candidates, mentions.with_entities, sources, None)
    return by_entity if by_entity[0] else found_target


def names_the_act(noun: Token, entries: tuple[str, ...]) -> bool:
    """Whether ``noun`` is a nominal entry of the act's own chain ("verbs:@opposition")."""
    words = {noun.lemma_.lower(), noun.lower_}
    return any(entry.rsplit("@", 1)[1] in words for entry in entries if "@" in entry)


def _first_target(
    candidates: list[tuple[Token, str]],
    mentions: MentionIndex,
    sources: list[MentionLike],
    theme: Token | None,
    repeated: frozenset[int] | set[int] = frozenset(),
    home_theme: bool = False,
    force: bool = False,
) -> tuple[list[MentionLike], str]:
    """The actors of the first candidate that names any (with those of the phrases that
    repeat its preposition, ``repeated``), and its rule; the thing acted on stands for its
    country only when foreign, unless ``home_theme``."""
    own: tuple[list[MentionLike], str] | None = None
    for position, (token, rule) in enumerate(candidates):
        found = [m for m in mentions.head_mentions(token) if m not in sources]
        if rule == "place":
            found = [m for m in found if m.actor.country is not None]
            # a place of the source's own country ("in East Jerusalem", a capital coded as
            # its government) is where the act is: the last resort
            if found and all(any(same_country(m, s) for s in sources) for m in found):
                own = own or (found, rule)
                continue
        # "Trump withdrew the US from ...": the source's own country named as a whole is who
        # acts, not whom the act is aimed at
        if rule == "object":
            found = [m for m in found if not _own_country(m, sources)]
        with_phrase = force and token.dep_ == "pobj" and token.head.lower_ == "with"
        if with_phrase and found and all(_means(m, sources) for m in found):
            continue  # "struck with the Royal Saudi Air Force": the country's own means
        if found and rule not in ARGUMENT_RULES and all(_home(m, sources) for m in found):
            own = own or (found, rule)
            continue
        if found:
            for again, again_rule in candidates[position + 1 :]:
                if again.i in repeated and again_rule == rule:
                    found += [m for m in mentions.head_mentions(again) if m not in sources + found]
            return found, rule
    if theme is not None:
        # the thing acted on may stand for its country: "expelled the Libyan ambassador", or
        # for the international body it is named after: "signed the ECOWAS protocol"
        found = [
            m
            for m in mentions.head_mentions(theme)
            if m not in sources
            and (m.actor.country is not None or international(m))
            and (home_theme or not any(same_country(m, s) for s in sources))
        ]
        if found:
            return found, "theme-actor"
    return own if own is not None else ([], "")


def _left_out(token: Token, verb: Token) -> bool:
    """Whether ``token`` is inside a phrase naming whom the act leaves out ("with the
    exception of X", "except X", "excluding X", "apart from X", "other than X")."""
    for above in (token, *token.ancestors):
        if above.i == verb.i:
            return False
        word = above.lower_
        if word in EXCLUDING_WORDS or (word == "from" and above.head.lower_ == "apart"):
            return True
        if word == "than" and above.head.lower_ == "other":
            return True
    return False


def _means(mention: MentionLike, sources: list[MentionLike]) -> bool:
    """In an act of force, an armed force of the country a source names as a whole ("Saudi
    Arabia ... airstrikes with the Royal Saudi Air Force"): what the country acts with, not
    whom it acts on."""
    actor = mention.actor
    if actor.sector not in ARMED_SECTORS or actor.code != f"{actor.country}{actor.sector}":
        return False  # "Moslem forces", "Kurdish forces": a group of its own
    return any(whole_country(s) and same_country(mention, s) for s in sources)


def _home(mention: MentionLike, sources: list[MentionLike]) -> bool:
    """A country named as a whole that is the country of every source."""
    return whole_country(mention) and all(same_country(mention, s) for s in sources)


def whole_country(mention: MentionLike) -> bool:
    """A country named as a whole ("Greece"), not a person or body coded by its country (a
    named person with no office, "Biden" as a candidate, is coded as the bare country)."""
    actor = mention.actor
    if actor.sector is not None or actor.code != actor.country or actor.person is not None:
        return False
    # "X, the California, US lawyer": a name its description codes by its country alone
    flags: frozenset[str] = getattr(mention, "flags", frozenset())
    return "entity" not in flags and DESCRIBED_NAME not in flags


def _own_country(mention: MentionLike, sources: list[MentionLike]) -> bool:
    actor = mention.actor
    if not whole_country(mention):
        return False
    return any(s.actor.country == actor.country for s in sources)


def provider_mentions(verb: Token, mentions: MentionIndex) -> list[MentionLike]:
    """Who provides what an agentless passive gives: "supported with weapons from China",
    "armed with rifles, including some from Russia". The "from" phrase of the "with" object,
    its conjuncts or the items it includes."""
    if not is_passive(verb) or prep_objects(verb, ("by",)):
        return []
    things: list[Token] = []
    for noun in prep_objects(verb, ("with",)):
        things += with_conjuncts(noun)
        for item in prep_objects(noun, INCLUDING_PREPS):
            things += with_conjuncts(item)
    for item in prep_objects(verb, INCLUDING_PREPS):  # the parser hangs "including" on the verb
        things += with_conjuncts(item)
    found: list[MentionLike] = []
    for thing in things:
        for origin in prep_objects(thing, ("from",)):
            found += [m for m in mentions.head_mentions(origin) if m not in found]
    return found


def prep_word(pobj: Token) -> str:
    return pobj.head.lower_ if pobj.head is not pobj else ""
