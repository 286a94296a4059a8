"""Candidate antecedents: the actors an article has named so far, with what a reference can
agree with (docs/verbs.md, "References").

A later "he", "it", "they", "the country" or "the two leaders" can only mean an actor named
before it. Each actor mention of the Doc becomes an :class:`Antecedent` that records

- its *kind*: ``person`` (a named person, or a titled one: an agent word over a PERSON entity or
  a singular title such as "the president"), ``country`` (a country and nothing else) or
  ``organisation`` (anything else that acts as one body: a ministry, an army, the UN, a group);
- whether it is *plural* ("protesters", "the rebels", "US troops": see
  :func:`~dyadwatch.coding.events.mentions.is_plural`);
- its sentence and whether it is the subject of its clause (a subject is the likelier
  antecedent of the next sentence's subject).

Coordinated actors ("Egypt, Greece and France") also form one plural :class:`Group`, which
"they" and "the three countries" can take as a whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.actors.aliases import PERSON_FLAG
from dyadwatch.coding.actors.relations import TITLED_FLAG
from dyadwatch.coding.actors.rules import GOVERNMENT_WORDS
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, is_plural
from dyadwatch.nlp.entities import entities_between

# flags of a mention that names a person by name: a titled surname ("... Ruiz met ..."), a name
# described as a person ("Ana Ruiz, the Defence Secretary")
PERSON_NAME_FLAGS = frozenset({TITLED_FLAG, PERSON_FLAG})
PERSON = "person"
# "Special Representative for Iran X", "Envoy to Sudan X": a title's phrase before its name
TITLE_PREPS = frozenset({"for", "of", "to"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "NORP"})
COUNTRY = "country"
ORGANISATION = "organisation"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PERSON_PRONOUNS = frozenset({"he", "she"})  # subject pronouns that stand for a person only
# agent words that name one person when singular: "the president said", "the envoy added"
TITLES = frozenset(
    """president minister premier chancellor king queen prince princess emir sultan
    monarch leader spokesman spokeswoman spokesperson envoy ambassador secretary chief
    commander general governor mayor senator congressman congresswoman lawmaker judge
    prosecutor official diplomat representative head director chairman chairwoman
    dictator ruler sheikh pope cleric negotiator""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class Antecedent:
    """An actor mention a later reference may point back to."""

    mention: MentionLike
    kind: str  # PERSON | COUNTRY | ORGANISATION
    plural: bool
    sentence: int  # index of its sentence in the Doc
    subject: bool  # the subject of its clause
    key: str  # who it is: person id or surname, else the actor code

    @property
    def position(self) -> int:
        return self.mention.start


@dataclass(frozen=True, slots=True)
class Group:
    """Two or more coordinated actors ("Egypt, Greece and France"): a plural antecedent."""

    members: tuple[Antecedent, ...]
    sentence: int
    subject: bool

    @property
    def position(self) -> int:
        return max(m.position for m in self.members)

    @property
    def kind(self) -> str:
        kinds = {m.kind for m in self.members}
        return kinds.pop() if len(kinds) == 1 else ORGANISATION


def antecedents(doc: Doc, mentions: Sequence[MentionLike]) -> list[Antecedent]:
    """The Doc's actor mentions as antecedents, in text order."""
    sentence_of = _sentence_numbers(doc)
    out: list[Antecedent] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        out.append(antecedent_of(doc, mention, sentence_of[mention.start]))
    return out


def antecedent_of(doc: Doc, mention: MentionLike, sentence: int) -> Antecedent:
    """One mention as an antecedent; a resolved reference ("he" for a minister) agrees like
    the mention it stands for."""
    head = _head(doc, mention)
    source: MentionLike = mention
    for _ in range(8):  # follow a chain of references back to the named mention
        earlier = getattr(source, "antecedent", None)
        if earlier is None:
            break
        source = earlier
    kind = kind_of(doc, source)
    plural = kind != PERSON and is_plural(_head(doc, source))
    subject = _is_subject(head) or (not head.pos_ and _opens_sentence(doc, mention))
    return Antecedent(mention, kind, plural, sentence, subject, _key(doc, source, kind))


ENTITY_PERSON_RULE = "entity PERSON"  # ``relations.entity_actors``: a name only the NER found


def entity_people(doc: Doc, entities: Sequence[MentionLike]) -> list[Antecedent]:
    """The people only the entity recogniser found that ``relations.entity_actors`` coded (as
    the country their phrase names or the document's): antecedents of an object "him"/"her"
    only (``references._person``), keyed by the name's last word as the NER's keys are."""
    sentence_of = _sentence_numbers(doc) if entities else []
    out: list[Antecedent] = []
    for mention in sorted(entities, key=lambda m: m.start):
        if not mention.rule.startswith(ENTITY_PERSON_RULE):
            continue
        key = "ner:" + doc[mention.end - 1].lower_
        head = _head(doc, mention)
        subject = _is_subject(head)
        out.append(Antecedent(mention, PERSON, False, sentence_of[mention.start], subject, key))
    return out


def groups(doc: Doc, found: Sequence[Antecedent]) -> list[Group]:
    """Coordinated antecedents: mentions whose heads are conjuncts of one another."""
    by_head: dict[int, Antecedent] = {}
    for antecedent in found:
        by_head.setdefault(_head(doc, antecedent.mention).i, antecedent)
    out: list[Group] = []
    done: set[int] = set()
    for antecedent in found:
        head = _head(doc, antecedent.mention)
        if head.i in done:
            continue
        members = [by_head[t.i] for t in (head, *head.conjuncts) if t.i in by_head]
        members.sort(key=lambda a: a.position)
        done.update(_head(doc, m.mention).i for m in members)
        distinct = {m.key for m in members}
        if len(distinct) >= 2:
            first = members[0]
            out.append(Group(tuple(members), first.sentence, first.subject))
    return out


def kind_of(doc: Doc, mention: MentionLike, head: Token | None = None) -> str:
    """``person``, ``country`` or ``organisation`` (see the module docstring)."""
    actor = mention.actor
    if actor.person is not None:
        return PERSON
    if actor.country is not None and actor.sector is None:
        return COUNTRY
    head = head if head is not None else _head(doc, mention)
    if actor.sector is not None:
        if head.lemma_.lower() in GOVERNMENT_WORDS:
            return ORGANISATION  # "the Trump administration": the name is only its owner
        if PERSON_NAME_FLAGS & getattr(mention, "flags", frozenset()):
            return PERSON  # a titled person's bare surname ("... Ruiz met ..."), a described name
        if any(e.label_ == "PERSON" for e in entities_between(doc, mention.start, mention.end)):
            return PERSON
        if head.lemma_.lower() in TITLES and not is_plural(head):
            return PERSON
    return ORGANISATION


def person_agrees(verb: Token, speaker: Token, found: Sequence[MentionLike]) -> bool:
    """Whether a "he"/"she" subject of ``verb`` (if it has one) can be the governing clause's
    subject ``speaker``, coded as ``found``: a person (``arguments.speaker_mentions``). An "it"
    is never a plural speaker: in "officials said it killed nine" it is the fire or the virus."""
    clause = verb
    while clause.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        clause = clause.head  # "it killed nine and injured 50": the conjunct shares "it"
    pronouns = {c.lower_ for c in clause.children if c.dep_ in SUBJECT_DEPS}
    if "it" in pronouns and is_plural(speaker):
        return False
    if not pronouns & PERSON_PRONOUNS:
        return True
    if speaker.ent_type_ == "PERSON":
        return True  # "Former candidate Ana Ruiz": coded by its title, named as a person
    return any(could_be_person(verb.doc, m) for m in found)


def could_be_person(doc: Doc, mention: MentionLike) -> bool:
    """Whether "he"/"she" may stand for the mention: a person, or any actor whose words name
    one ("U.N. Secretary-General Kofi Annan", "the UN envoy")."""
    if kind_of(doc, mention) == PERSON:
        return True
    if any(e.label_ == "PERSON" for e in entities_between(doc, mention.start, mention.end)):
        return True
    head = _head(doc, mention)
    return head.lemma_.lower() in TITLES and not is_plural(head)


def _key(doc: Doc, mention: MentionLike, kind: str) -> str:
    actor = mention.actor
    if actor.person is not None:
        return actor.person
    if kind == PERSON:
        if PERSON_NAME_FLAGS & getattr(mention, "flags", frozenset()):
            return doc[mention.end - 1].lower_
        for ent in entities_between(doc, mention.start, mention.end):
            if ent.label_ == "PERSON":
                return ent[-1].lower_
        named = apposed_name(_head(doc, mention)) or name_after_place(doc, mention)
        if named is not None:
            return named.lower_
    return actor.code


def apposed_name(title: Token) -> Token | None:
    """The name a title stands in apposition with, so both are one person: "Ana Ruiz, the
    Defence Secretary" ("Secretary" is in apposition to "Ruiz"), "the Defence Secretary, Ana
    Ruiz" ("Ruiz" to "Secretary"); its last word."""
    if title.dep_ == "appos" and title.head.pos_ == "PROPN" and title.head.i < title.i:
        return title.head
    for child in title.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    return None


def name_after_place(doc: Doc, mention: MentionLike) -> Token | None:
    """The person a title names after its own "for"/"of"/"to" phrase: "the US Special
    Representative for Iran Brian Hook", "Envoy to Sudan Ana Ruiz"; the name's last word.
    Only a name the entity recogniser tags as a person, right after the phrase's place."""
    i = mention.end
    if i + 1 >= len(doc) or doc[i].lower_ not in TITLE_PREPS:
        return None
    i += 2 if doc[i + 1].lower_ == "the" else 1
    place = i
    while i < len(doc) and i - place < 4 and doc[i].ent_type_ in PLACE_ENTITIES:
        i += 1
    if i == place or i >= len(doc) or doc[i].ent_type_ != "PERSON" or doc[i].ent_iob_ != "B":
        return None
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and doc[i + 1].ent_type_ == "PERSON":
        i += 1
    return doc[i]


def _head(doc: Doc, mention: MentionLike) -> Token:
    head = getattr(mention, "head", None)
    if isinstance(head, int) and mention.start <= head < mention.end:
        return doc[head]
    return doc[mention.end - 1]


def _opens_sentence(doc: Doc, mention: MentionLike) -> bool:
    """A mention that opens its sentence: the subject of a sentence the prefilter left
    unparsed ("Peru shut its border." before "It accused ...") is taken to be the first."""
    i = mention.start
    while i > 0 and not doc[i].is_sent_start:
        before = doc[i - 1]
        if not (before.is_space or before.is_quote or before.text in {"(", "["}):
            return False
        i -= 1
    return True


def _is_subject(token: Token) -> bool:
    for _ in range(3):
        if token.dep_ in SUBJECT_DEPS:
            return True
        if token.dep_ not in {"compound", "amod", "poss", "conj", "appos"}:
            return False
        token = token.head
    return False


def _sentence_numbers(doc: Doc) -> list[int]:
    numbers = [0] * len(doc)
    for number, sentence in enumerate(doc.sents):
        for i in range(sentence.start, sentence.end):
            numbers[i] = number
    return numbers


CONTEXT_FLAG = "context"  # the recognizer's flag: a country guessed from the document
# a country guessed from the document or taken from the one country of the sentence ("Turkey
# criticized the two governments": the pair named before, not Turkey's)
GUESSED_FLAGS = frozenset({CONTEXT_FLAG, "sentence"})


def may_resolve(
    token: Token, mention: MentionLike | None, nouns: frozenset[str], numbers: dict[str, int]
) -> bool:
    """Whether references.py may resolve ``token``: no mention covers it, or only a one-word
    bare agent whose country the recognizer guessed from the document or the sentence, in a
    counted phrase ("the two leaders": the pair named before, not one of the document's
    country)."""
    if mention is None:
        return True
    flags: frozenset[str] = getattr(mention, "flags", frozenset())
    if not GUESSED_FLAGS & flags or mention.end - mention.start != 1:
        return False
    return token.lower_ in nouns and any(c.lower_ in numbers for c in token.children)


def subject_actors(
    sentence: Span, number: int, index: MentionIndex, body: bool = False
) -> list[Antecedent] | None:
    """The actors of a sentence's main subject when it names several ("Egypt's minister and
    his Greek and French counterparts") or a plural one ("the protesters"); empty when it names
    one person or none, None when it names one country or organisation. With ``body``, one
    organisation is taken too ("The ministry denounced it. They called ..." is the ministry).
    """
    doc = sentence.doc
    for token in sentence:
        if token.dep_ not in SUBJECT_DEPS or token.head.dep_ != "ROOT":
            continue
        found = [antecedent_of(doc, m, number) for m in index.head_mentions(token)]
        if len({a.mention.actor.code for a in found}) >= 2:
            return found
        if len(found) == 1 and (found[0].plural or (body and found[0].kind == ORGANISATION)):
            return found
        return None if found and found[0].kind != PERSON else []
    return []
