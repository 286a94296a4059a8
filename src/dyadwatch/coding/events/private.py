"""Private people as the doers or victims of material acts.

A person the dictionaries do not know and the text gives no office, group or role ("Usman
Khan stabbed several people", "police arrested Tom Reed") is no political actor for what they
say, but CAMEO codes the force they use or undergo by their country alone: the one their own
phrase names ("a Jordanian, X", "X of Jordan", found by ``entity_actors``), else the story's
(its dateline or opening place, else the document's main country). Only for yielding (080),
coercion (17), assault (18), fighting (19), mass violence (20) and a release (0841); their
statements and other acts stay out (docs/people.md, "Private people").

Pure functions over the parse and the actor mentions; used by ``implied.py``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyadwatch.coding.actors.mention import ActorMention
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.nominal import PlacedActor, story_country
from dyadwatch.coding.roles import direct_object, passive_patient
from dyadwatch.model import Actor
from dyadwatch.nlp.entities import entities_between

# the acts a private person's part in is political event data (CAMEO codes, by prefix): as
# the doer, surrender, assault, shooting and bombing, mass violence; as the one acted on,
# also coercion (an arrest, a sentence) and a release
DOER_CODES = ("080", "18", "193", "194", "195", "20")
VICTIM_CODES = ("0841", "17", "18", "19", "20")
# a verdict (116) lands on the person it names; an accusation (112x) or an investigation (09:
# "police questioned Tom Reed") only when the state makes it (a court, the police, a
# government: a charge or an inquiry, not a private quarrel)
JUDGED_CODES = ("116",)
ACCUSED_CODES = ("112", "09")
ACCUSING_SECTORS = frozenset({"JUD", "COP", "GOV"})
# a bare "attacked", "fought", "hit" (180, 190) is as often words, sport or a crash: a
# private person's only when it lands on a person ("shot him", "attacked a guard")
GENERIC_CODES = frozenset({"180", "190"})
ACTED_ON_PRONOUNS = frozenset({"him", "her", "them"})
PRIVATE_RULE = "private person"
PERSON = "PERSON"
ENTITY_RULE = "entity PERSON"  # the rule of a person's mention made by ``entity_actors``
DESCRIBED_RULE = "name described as"  # a name its description codes (actors/aliases.py)
# the subject deps a doer stands in
DOER_DEPS = frozenset({"nsubj"})
PERSONAL = frozenset({"he", "she", "him", "her"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SENTENCES_BACK = 3
CIVILIANS = "CVL"


def private_doers(
    verb: Token, code: str, mentions: MentionIndex, people: frozenset[str]
) -> list[MentionLike]:
    """The private person who is the verb's active subject, for a material act (a generic
    one only when its object is a person: a pronoun, a name, an actor or one of ``people``)."""
    if not code.startswith(DOER_CODES):
        return []
    if code in GENERIC_CODES:
        obj = direct_object(verb)
        if obj is None or not (
            obj.lower_ in ACTED_ON_PRONOUNS
            or obj.lower_ in people
            or obj.ent_type_ == PERSON
            or mentions.at(obj) is not None
        ):
            return []
    return [m for c in verb.children if c.dep_ in DOER_DEPS for m in _private(c, mentions)]


def private_victims(
    verb: Token, code: str, mentions: MentionIndex, sources: list[MentionLike]
) -> list[MentionLike]:
    """The private person a material act, a verdict or the state's accusation is done to: its
    object, or a passive's subject."""
    if not _acts_on_people(code, sources):
        return []
    acted = [t for t in (direct_object(verb), passive_patient(verb)) if t is not None]
    found = [m for t in acted for m in _private(t, mentions)]
    return [m for m in found if all((m.start, m.end) != (s.start, s.end) for s in sources)]


def _acts_on_people(code: str, sources: list[MentionLike]) -> bool:
    if code.startswith(VICTIM_CODES + JUDGED_CODES):
        return True
    return code.startswith(ACCUSED_CODES) and any(
        s.actor.sector in ACCUSING_SECTORS for s in sources
    )


def people_stabbed(
    verb: Token, source: MentionLike, nouns: frozenset[str], mentions: MentionIndex
) -> list[MentionLike]:
    """ "Tom Reed stabbed several people", "shot two men": the people a private person's
    assault lands on, named by a common noun, are the civilians of the doer's country."""
    obj = direct_object(verb)
    country = source.actor.country
    if obj is not None and obj.lower_ not in nouns:
        # "all but the youngest of their children": the people the object phrase counts
        obj = next((t for t in obj.subtree if t.lower_ in nouns and t.pos_ == "NOUN"), None)
    if obj is None or country is None or mentions.head_mentions(obj):
        return []
    actor = Actor(country + CIVILIANS, obj.text, country, CIVILIANS)
    return [PlacedActor(obj.i, obj.i + 1, actor, "people acted on")]


def private_person(token: Token, mentions: MentionIndex) -> list[MentionLike]:
    """The private person ``token`` names (a name or a he/she), as ``_private`` reads it."""
    return _private(token, mentions)


def _private(token: Token, mentions: MentionIndex) -> list[MentionLike]:
    """A person's name the entity recogniser found and no dictionary mention covers, or its
    surname coming back alone (which it may tag otherwise: "Rittenhouse" as an ORG), or a
    he/she pronoun only such a person can be meant by: the actor ``entity_actors`` gave the
    name, else the story's country."""
    if mentions.head_mentions(token):
        return []
    doc = token.doc
    if token.pos_ == "PRON":
        named = _antecedent(token, mentions)
        return [] if named is None else _coded(named, token.i, token.i + 1, token.i, mentions)
    ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if ent is None or token.pos_ != "PROPN":
        return []
    start, end = ent.start, ent.end
    if ent.label_ != PERSON:
        full = [
            e
            for e in doc.ents
            if e.label_ == PERSON and len(e) > 1 and e.end <= token.i and _surname_of(token, e)
        ]
        if not full or len(ent) != 1:
            return []
        ent = full[-1]
    return _coded(ent, start, end, token.i, mentions)


def _surname_of(token: Token, ent: Span) -> bool:
    return ent[-1].lower_ == token.lower_


def _coded(ent: Span, start: int, end: int, head: int, mentions: MentionIndex) -> list[MentionLike]:
    """A mention over ``[start, end)`` of the person named by ``ent``: the private person's
    actor an earlier description of that surname gave ("X, a Jordanian citizen", "X, an
    ethnic Palestinian from Jordan": ``JORCVL``), else the entity recogniser's, else the
    story's country."""
    described = [m for m in mentions.mentions if m.end <= ent.start and _same_person(m, ent)]
    known = mentions.with_entities.at(ent.root)
    if described:
        actor, rule = described[-1].actor, f"{described[-1].rule} (same surname)"
    elif known is not None and known.rule.startswith((ENTITY_RULE, DESCRIBED_RULE)):
        actor, rule = known.actor, known.rule  # "X, the California lawyer": USA
    elif known is None:
        country = story_country(mentions)
        if country is None:
            return []
        actor = Actor(code=country, name=ent.text, country=country)
        rule = f"{PRIVATE_RULE} + (story country: {country})"
    else:
        return []
    return [ActorMention(start, end, head, actor, rule, frozenset({"context"}))]


def _same_person(mention: MentionLike, ent: Span) -> bool:
    """A private person's mention (CVL, from a description) of the name's surname: ending in
    it, or in apposition to it ("Sirhan, an ethnic Palestinian from Jordan")."""
    doc = ent.doc
    if mention.actor.sector != CIVILIANS:
        return False
    head = doc[getattr(mention, "head", mention.end - 1)]
    surname = ent[-1].lower_
    described = head.dep_ == "appos" and head.head.lower_ == surname
    return described or doc[mention.end - 1].lower_ == surname


def _antecedent(token: Token, mentions: MentionIndex) -> Span | None:
    """The one person a he/she/him/her can mean, as the he/she rule of ``references.py`` reads
    it but among the people only the entity recogniser found: named in its sentence before it,
    else in the nearest of the ``SENTENCES_BACK`` sentences before that names anyone (the
    he/she chain), not as the subject of its own clause ("X told him"), with no other person
    and no person the dictionaries know from there on ("X was tried. Senator Y spoke. He
    was convicted" is unresolved; a person named further back does not compete)."""
    if token.lower_ not in PERSONAL or token.dep_ == "poss":
        return None
    doc = token.doc
    own_subjects = {c.i for c in token.head.children if c.dep_ in SUBJECT_DEPS}
    start = token.sent.start
    for _ in range(SENTENCES_BACK + 1):  # "X ... He was arrested. He was released."
        known = any(m.actor.person is not None for m in mentions.in_span(start, token.i))
        people = [
            person
            for e in entities_between(doc, start, token.i)
            if e.root.i not in own_subjects and (person := _person_named(e)) is not None
        ]
        if known or people:
            if known or len({e[-1].lower_ for e in people}) != 1:
                return None
            return next((e for e in people if len(e) > 1), people[-1])
        if start == 0:
            return None
        start = doc[start - 1].sent.start
    return None


def _person_named(ent: Span) -> Span | None:
    """The person an entity names: itself when tagged a person, else the earlier full name
    whose surname it is alone ("James Fields ... Fields", the second tagged a place)."""
    if ent.label_ == PERSON:
        return ent
    if len(ent) != 1 or ent.root.pos_ != "PROPN":
        return None
    full = [e for e in ent.doc.ents if e.label_ == PERSON and len(e) > 1 and e.end <= ent.start]
    return next((e for e in reversed(full) if _surname_of(ent.root, e)), None)
