"""References to actors named earlier: pronouns, definite descriptions, quoted speakers
(docs/verbs.md, "References").

Whole articles name an actor once and then refer to it: "He warned ...", "It rejected ...",
"They met ...", "the country", "the group", "the two leaders", and quote its officials
(“We will respond,” the minister said). :func:`resolve_references` turns such references into
mentions over their own tokens that carry the antecedent's actor, so the event extractor finds
them as subjects and objects like any other mention. It adds to the narrow clause-initial
he/she rule (``coreference.resolve_pronouns``), which it runs first, and resolves:

- **he/she/him/her** (not the possessive "her"): the one person named in the sentence before
  the pronoun or in the previous sentence; a second person, even one only the NER found,
  makes it ambiguous, unless a sentence-opening subject "he"/"she" continues the one main
  subject of the sentence before ("X met Y. He said"); the subject of the pronoun's own clause
  is never its antecedent ("X told him"); an object him/her may be a person only the entity
  recogniser found, when no one else is named (``antecedents.entity_people``);
- **it**, a subject: the previous sentence's country or organisation subject, else an
  earlier one of its own sentence; never a place named as an object; an expletive "it"
  ("it is unclear", "it was reported that") is left alone;
- **they/them** (and "both" standing alone): the previous sentence's plural subject ("the
  protesters", or coordinated actors "Egypt and France"), else the latest plural actor in
  the window (for an object "them", none after a plural thing its own sentence names);
- **the country/nation** (singular): the latest country named in the last three sentences;
  **the group/organisation/alliance**: the latest non-state organisation;
- **the two countries**, **both nations**, **the two leaders**, **the sides**: the latest
  coordinated group of that size, else the latest that many distinct countries (or people);
- first-person pronouns inside a quotation: its speaker (``quotes.py``).

A resolved reference is itself an antecedent for later ones ("He ... He ... He"). An event
whose resolved source and target are the same actor ("he criticized him") is dropped
(``folds.drop_self_references``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from spacy.attrs import LOWER, POS
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.symbols import NOUN, PRON
from spacy.tokens import Doc, Span, Token

from dyadwatch.coding.events.acronyms import REFERENCE_FLAG, ReferenceMention, defined_acronyms
from dyadwatch.coding.events.antecedents import (
    CONTEXT_FLAG,
    COUNTRY,
    ORGANISATION,
    PERSON,
    Antecedent,
    antecedent_of,
    antecedents,
    entity_people,
    groups,
    may_resolve,
    subject_actors,
)
from dyadwatch.coding.events.arguments import speaker_mentions as speaker_subjects
from dyadwatch.coding.events.candidates import is_state_actor
from dyadwatch.coding.events.coreference import (
    resolve_pronouns,
    sentence_windows,
    sentences_back,
)
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike
from dyadwatch.coding.events.quotes import quotations, speaker_mentions
from dyadwatch.nlp.entities import entities_between

PERSONAL = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them", "both"})  # "both" standing alone: "Both were jailed"
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "across", "throughout", "around", "within", "inside", "into", "over", "through"}
)
PORTION_WORDS = frozenset({"most", "much", "part", "parts", "rest", "all", "half"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "obj"})
# verbs whose "it" subject is expletive or stands for a clause
EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "remain", "take", "become", "happen"})
# the impersonal passive "it is known/said/believed (that) X ...": "it" stands for the clause,
# also when the parser hangs the participle on the clause's subject ("It is now known X was")
IMPERSONAL_PASSIVES = frozenset(
    {"know", "say", "believe", "report", "understand", "think", "allege", "rumour", "rumor"}
)
COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "republic"})
GROUP_NOUNS = frozenset({"group", "organisation", "organization", "alliance", "movement"})
PLURAL_COUNTRY_NOUNS = frozenset({"countries", "nations", "sides", "governments", "neighbours"})
PLURAL_PERSON_NOUNS = frozenset({"leaders", "presidents", "ministers", "men", "officials"})
# those who speak or act for the person a possessive pronoun names: "His associates alleged
# ...", "her spokesman said": that person's actor
AFFILIATE_NOUNS = frozenset(
    """associate associates aide aides adviser advisers advisor advisors spokesman spokeswoman
    spokesperson office campaign camp team entourage ally allies""".split()  # noqa: SIM905
)
PERSON_POSSESSIVES = frozenset({"his", "her"})
_REFERRING_NOUNS = frozenset(  # string hashes, for the Doc's arrays
    map(
        hash_string,
        COUNTRY_NOUNS | GROUP_NOUNS | PLURAL_COUNTRY_NOUNS | PLURAL_PERSON_NOUNS | AFFILIATE_NOUNS,
    )
)
NUMBERS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
_PLURAL_NOUNS = PLURAL_COUNTRY_NOUNS | PLURAL_PERSON_NOUNS
DEFINITE = frozenset({"the", "both", "these", "those", "this", "that"})
PRONOUN_WINDOW = 1  # sentences back
DESCRIPTION_WINDOW = 2
PLURAL_SUBJECT_WINDOW = 2  # sentences back a subject "they" looks for a plural subject


def resolve_references(
    doc: Doc, mentions: Sequence[MentionLike], entities: Sequence[MentionLike] = ()
) -> list[MentionLike]:
    """Mentions for the references of ``doc`` (see the module docstring), the narrow
    he/she rule's included. ``entities`` are the actors only the entity recogniser found
    (``relations.entity_actors``): its people may be the antecedent of an object him/her."""
    narrow: list[MentionLike] = list(resolve_pronouns(doc, mentions))
    narrow += defined_acronyms(doc, MentionIndex([*mentions, *narrow]))
    found: list[MentionLike] = []
    known = MentionIndex([*mentions, *narrow])
    pool = antecedents(doc, [known.placed(doc, m) for m in [*mentions, *narrow]])
    quoted = {i for start, end in quotations(doc) for i in range(start, end)}
    wanted = _may_refer(doc)
    people = entity_people(doc, entities)
    for number, sentence in enumerate(doc.sents):
        first, stop = bisect_left(wanted, sentence.start), bisect_left(wanted, sentence.end)
        for token in (doc[i] for i in wanted[first:stop]):
            if token.lower_ in AFFILIATE_NOUNS:
                reference = _affiliate(doc, token, sentence, number, pool, known)
                if reference is not None:
                    found.append(reference)
                    known = MentionIndex([*mentions, *narrow, *found])
                continue
            if not token.pos_ or not may_resolve(token, known.at(token), _PLURAL_NOUNS, NUMBERS):
                continue
            if token.pos_ == "PRON" and (token.i in quoted or _spoken_subject(token, known)):
                continue  # quoted "it"/"they" are rarely actors; "X said it will" is X
            reference = _resolve(doc, token, sentence, number, pool, known, people)
            if reference is None:
                continue
            found.append(reference)
            known = MentionIndex([*mentions, *narrow, *found])
            pool.append(antecedent_of(doc, reference, number))
            pool.sort(key=lambda a: a.position)
    index = MentionIndex([*mentions, *narrow, *found])
    return [*narrow, *found, *speaker_mentions(doc, index)]


def _spoken_subject(token: Token, index: MentionIndex) -> bool:
    """A subject pronoun the speaker rule resolves ("X said it will": X). Only a subject: the
    object of a reported or conjoined verb is someone else ("Police arrived and shot him")."""
    return token.dep_ in SUBJECT_DEPS and bool(speaker_subjects(token.head, index))


def _may_refer(doc: Doc) -> list[int]:
    """Pronouns and the nouns ``_resolve`` knows, in order (no other token can refer)."""
    rows = enumerate(doc.to_array([POS, LOWER]).tolist())
    return [i for i, (pos, w) in rows if pos == PRON or (pos == NOUN and w in _REFERRING_NOUNS)]


def _resolve(
    doc: Doc,
    token: Token,
    sentence: Span,
    number: int,
    pool: list[Antecedent],
    index: MentionIndex,
    people: list[Antecedent],
) -> ReferenceMention | None:
    word = token.lower_
    if token.pos_ == "PRON":
        if word in PERSONAL and token.dep_ != "poss":
            person = _person(doc, token, sentence, number, pool, people)
            return _single(token, token.i, person)
        if word == "it" and token.dep_ in SUBJECT_DEPS and not _expletive(token):
            return _single(token, token.i, _body(token, number, pool))
        if word in PLURAL_PRONOUNS:
            found = _plural_antecedent(token, sentence, number, pool, index)
            return _plural(token, token.i, found)
        return None
    if token.pos_ != "NOUN":
        return None
    start = _definite_start(token)
    if start is None:
        return None
    if word in COUNTRY_NOUNS:
        if _scene(token):
            return None  # "across the country": where, not who (records.py places it)
        return _single(token, start, _latest(pool, token, number, lambda a: a.kind == COUNTRY))
    if word in GROUP_NOUNS:
        body = _latest(pool, token, number, lambda a: a.kind == ORGANISATION and not a.plural)
        return _single(token, start, body if body and not _is_state(body) else None)
    if word in PLURAL_COUNTRY_NOUNS or word in PLURAL_PERSON_NOUNS:
        kind = PERSON if word in PLURAL_PERSON_NOUNS else COUNTRY
        return _plural(token, start, _several(token, number, pool, kind))
    return None


def _affiliate(
    doc: Doc,
    token: Token,
    sentence: Span,
    number: int,
    pool: list[Antecedent],
    index: MentionIndex,
) -> ReferenceMention | None:
    """ "His associates", "her spokesman": the person the possessive stands for (the he/she
    rule's antecedent), when the noun has no actor of its own (a bare agent word whose
    country was only guessed from the document does not count: "spokesman")."""
    if token.pos_ != "NOUN":
        return None
    poss = next((c for c in token.children if c.dep_ == "poss"), None)
    if poss is None or poss.lower_ not in PERSON_POSSESSIVES or poss.i < sentence.start:
        return None
    mention = index.at(token)
    if mention is not None and not (
        CONTEXT_FLAG in getattr(mention, "flags", frozenset()) and mention.end - mention.start == 1
    ):
        return None
    found = _person(doc, poss, sentence, number, pool)
    if found is None and poss.i == token.left_edge.i:
        # "Ana Ruiz, the party's leader, was arrested. Her aides said": the one main subject
        window = [a for a in _window(pool, poss, number, PRONOUN_WINDOW) if a.kind == PERSON]
        found = _continued_subject(token, sentence, number, window, first=poss)
    return _single(token, poss.i, found)


def _single(token: Token, start: int, antecedent: Antecedent | None) -> ReferenceMention | None:
    if antecedent is None:
        return None
    mention = antecedent.mention
    text = token.doc[start : token.i + 1].text
    return ReferenceMention(
        start=start,
        end=token.i + 1,
        head=token.i,
        actor=mention.actor,
        rule=f"reference {text.lower()} -> {mention.rule}",
        antecedent=mention,
        flags=getattr(mention, "flags", frozenset()) | {REFERENCE_FLAG},
    )


def _plural(
    token: Token, start: int, members: Sequence[Antecedent] | None
) -> ReferenceMention | None:
    if not members:
        return None
    if len(members) == 1:
        return _single(token, start, members[0])
    parts = [_single(token, start, m) for m in members]
    kept: tuple[MentionLike, ...] = tuple(p for p in parts if p is not None)
    first = members[0].mention
    return ReferenceMention(
        start=start,
        end=token.i + 1,
        head=token.i,
        actor=first.actor,
        rule=f"reference {token.doc[start : token.i + 1].text.lower()} -> group",
        antecedent=None,
        members=kept,
    )


def _window(pool: list[Antecedent], token: Token, number: int, back: int) -> list[Antecedent]:
    """Antecedents before ``token`` in its sentence and the ``back`` sentences before, but
    not the subject of its own clause."""
    return [
        a
        for a in pool
        if a.position < token.i
        and number - back <= a.sentence <= number
        and not (a.sentence == number and _same_clause_subject(token.doc, a, token))
    ]


def _person(
    doc: Doc,
    token: Token,
    sentence: Span,
    number: int,
    pool: list[Antecedent],
    people: Sequence[Antecedent] = (),
) -> Antecedent | None:
    # "X told him": the subject of the pronoun's own clause is someone else (``_window``);
    # the window reaches back over the sentences of a quotation, as the he/she rule's does
    starts, quoted = sentence_windows(doc)
    back = max(PRONOUN_WINDOW, sentences_back(number, quoted))
    window = [a for a in _window(pool, token, number, back) if a.kind == PERSON]
    # an object "him"/"her" may stand for a person only the NER found, when a rule coded that
    # person (``entity_people``): "X was pinned down. Police shot him" is X
    named = [] if token.dep_ in SUBJECT_DEPS else _window(list(people), token, number, back)
    if not window and not named:
        return None
    keys = {a.key for a in [*window, *named]}
    covered = {i for a in pool for i in _span(a)}
    for ent in entities_between(doc, starts[max(number - back, 0)], token.i):
        if ent.label_ == "PERSON" and not any(i in covered for i in range(ent.start, ent.end)):
            keys.add("ner:" + ent[-1].lower_)
    if not window:
        return named[-1] if len(keys) == 1 else None
    if len(keys) == 1:
        return window[-1]
    if number - 1 in quoted:
        return None  # the subject of a quoted sentence is no one the narrator goes on with
    return _continued_subject(token, sentence, number, window)


def _continued_subject(
    token: Token,
    sentence: Span,
    number: int,
    window: list[Antecedent],
    first: Token | None = None,
) -> Antecedent | None:
    """A sentence-opening "he"/"she" subject (also after a fronted phrase) among several people
    named before it: the one person who was the main subject of the sentence before ("X met Y
    in Rome. He said ...": X), when its own sentence names nobody before it."""
    if token.dep_ not in SUBJECT_DEPS or any(a.sentence == number for a in window):
        return None
    first = first or token  # "His aides said": the subject phrase opens with its possessive
    before = token.doc[sentence.start : first.i]
    if any(t.ent_type_ == "PERSON" or t.is_quote for t in before):
        return None  # someone named before it, or a quote's speaker ('"...," he said')
    fronted = first.i > sentence.start and token.doc[first.i - 1].text == ","
    # sentence-initial, or after a fronted phrase in the main clause ("In May, he said")
    if any(not (t.is_punct or t.is_space) for t in before) and not (
        fronted and token.head.dep_ == "ROOT"
    ):
        return None
    main = [a for a in window if a.sentence == number - 1 and _main_subject(token.doc, a)]
    return main[-1] if len({a.key for a in main}) == 1 else None


def _main_subject(doc: Doc, antecedent: Antecedent) -> bool:
    """The subject of its sentence's main verb, or one of coordinated subjects ("X and Y met":
    both, so "he" after them stays ambiguous)."""
    head = doc[getattr(antecedent.mention, "head", antecedent.mention.start)]
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ in SUBJECT_DEPS and head.head.dep_ == "ROOT"


def _body(token: Token, number: int, pool: list[Antecedent]) -> Antecedent | None:
    window = [
        a for a in _window(pool, token, number, PRONOUN_WINDOW) if a.kind != PERSON and not a.plural
    ]
    if not window:
        return None
    before = [a for a in window if a.sentence == number - 1 and a.subject]
    if before:
        return before[0]
    # in its own sentence only from a main or coordinated clause: a relative or reported
    # clause's "it" ("the accusations it denied") is often someone else
    if _clause_verb(token).dep_ not in {"ROOT", "conj", "advcl"}:
        return None
    same = [a for a in window if a.sentence == number and a.subject]
    return same[-1] if same else None


def _plural_antecedent(
    token: Token, sentence: Span, number: int, pool: list[Antecedent], index: MentionIndex
) -> list[Antecedent] | None:
    before = sentence
    for back in range(1, PLURAL_SUBJECT_WINDOW + 1):
        if token.dep_ not in SUBJECT_DEPS or before.start == 0:
            break
        before = token.doc[before.start - 1].sent
        earlier = subject_actors(before, number - back, index, body=back == 1)
        if earlier:
            return earlier
        if earlier is None:
            return None  # a body in between: "they" may be that body, or anyone
    window = _window(pool, token, number, PRONOUN_WINDOW)
    options: list[tuple[int, bool, list[Antecedent]]] = []
    for group in groups(token.doc, window):
        recent = group.subject and group.sentence < number
        options.append((group.position, recent, [*group.members]))
    for a in window:
        if a.plural:
            options.append((a.position, a.subject and a.sentence < number, [a]))
    # a subject "they" continues an earlier subject; an object "them" takes the latest
    if token.dep_ in SUBJECT_DEPS:
        options = [o for o in options if o[1]]
    if not options:
        return None
    chosen = max(options, key=lambda o: o[0])
    # an object "them" after a plural thing its own sentence names since its antecedent is as
    # likely that thing ("obtained the messages of X and Y and released them"): no target
    things = token.doc[max(chosen[0] + 1, sentence.start) : token.i]
    if token.dep_ not in SUBJECT_DEPS and any(
        t.tag_ == "NNS" and index.at(t) is None for t in things
    ):
        return None
    return chosen[2]


def _several(
    token: Token, number: int, pool: list[Antecedent], kind: str
) -> list[Antecedent] | None:
    """ "the two countries", "both leaders": the latest coordinated group of that size (of
    people for "leaders"; of any actors, one per country, for "countries"), else the latest
    that many distinct ones."""
    count = next((NUMBERS[c.lower_] for c in token.children if c.lower_ in NUMBERS), None)
    window = _window(pool, token, number, DESCRIPTION_WINDOW)
    wanted = [a for a in window if a.kind == PERSON or kind != PERSON]
    for group in reversed(groups(token.doc, wanted)):
        size = len({_identity(m, kind) for m in group.members})
        if size == len(group.members) and (count is None or size == count):
            return [*group.members]
    if count is None:
        return None
    distinct: list[Antecedent] = []
    for a in reversed(wanted):
        if all(_identity(a, kind) != _identity(d, kind) for d in distinct):
            distinct.append(a)
        if len(distinct) == count:
            return list(reversed(distinct))
    return None


def _identity(antecedent: Antecedent, kind: str) -> str:
    """Who counts once: a person, or for "countries" a country (its actors are one side)."""
    if kind == COUNTRY and antecedent.mention.actor.country is not None:
        return antecedent.mention.actor.country
    return antecedent.key


def _latest(
    pool: list[Antecedent], token: Token, number: int, test: Callable[[Antecedent], bool]
) -> Antecedent | None:
    for a in reversed(_window(pool, token, number, DESCRIPTION_WINDOW)):
        if test(a):
            return a
    return None


def _definite_start(token: Token) -> int | None:
    """Where a definite noun phrase without other modifiers starts ("the country", "both
    nations", "the two leaders"); None for "a country", "the country's", "the Asian nation"."""
    if token.dep_ == "poss" or any(c.dep_ in {"amod", "compound", "poss"} for c in token.children):
        return None
    det = [c for c in token.lefts if c.dep_ in {"det", "predet", "nummod"}]
    if not any(c.lower_ in DEFINITE for c in det):
        return None
    if any(c.dep_ == "prep" and c.lower_ in {"of", "in"} for c in token.rights):
        return None  # "the country of X", "countries in the region": not a reference
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if any(c.dep_ in {"acl", "relcl"} for c in token.rights) or (
        after is not None and after.dep_ in {"acl", "relcl"}
    ):
        return None  # "the country requesting it": any country
    return min(c.i for c in det)


def _scene(token: Token) -> bool:
    """Whether "the country" names where the clause happens ("in most of the country",
    "across the nation"): the scene of its own actors' act, not the country last named."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ == "of" and prep.head.lower_ in PORTION_WORDS and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "in most of the country": the preposition governing "most"
    return prep.lower_ in LOCATIVE_PREPOSITIONS


def _expletive(token: Token) -> bool:
    head = token.head
    if head.lemma_.lower() in EXPLETIVE_HEADS:
        return True
    if token.dep_ == "nsubjpass" and head.lemma_.lower() in IMPERSONAL_PASSIVES:
        return True
    return token.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in head.children)


def _same_clause_subject(doc: Doc, antecedent: Antecedent, token: Token) -> bool:
    """Whether the antecedent is the subject of the reference's own clause: "Peru criticized
    the country", "X told him" are about someone else."""
    head = doc[getattr(antecedent.mention, "head", antecedent.mention.start)]
    return head.dep_ in SUBJECT_DEPS and head.head == _clause_verb(token) and head.i != token.i


def _clause_verb(token: Token) -> Token:
    verb = token.head
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    return verb


def _is_state(antecedent: Antecedent) -> bool:
    return is_state_actor(antecedent.mention.actor)


def _span(antecedent: Antecedent) -> range:
    return range(antecedent.mention.start, antecedent.mention.end)
