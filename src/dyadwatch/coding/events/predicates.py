"""Matching tokens against verb-dictionary patterns: which entry a verb or event noun fires.

Pure: ``match_token`` looks at one token and its dependents and returns the most specific
pattern that holds, or None. Frames, arguments and events are built on top (``events.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import custody_of, find_particle, infinitive_subject, pobj_of
from dyadwatch.coding.events.cooperation import cooperative_entry
from dyadwatch.coding.events.criticised import criticised_entry
from dyadwatch.coding.events.false_verbs import (
    alleged_relation,
    anonymity_wish,
    hyphen_adjective,
    is_money,
)
from dyadwatch.coding.events.labels import (
    AGGRESSION_CODE,
    CRITICIZE_CODE,
    LABEL_PREP,
    NAMING_VERBS,
    PRAISE_CODE,
    accuses_aggression,
    label_code,
    named_quality,
    object_as_label,
    object_predicate,
)
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, hop_partitive
from dyadwatch.coding.events.verdicts import verdict
from dyadwatch.coding.roles import direct_object, retained_object
from dyadwatch.dictionaries.verbs import Phrase, VerbDictionary, VerbPattern
from dyadwatch.model import Actor

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# adjectival predicates that take complements like verbs: "ready to", "willing to"
ADJ_PREDICATE_DEPS = frozenset({"acomp", "ROOT", "conj", "xcomp", "ccomp", "advcl"})
PHRASE_WINDOW = 4  # how far right of the head a phrase's trailing words may be ("show of force")
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "xcomp"})
# verbs of contact (receive, host, welcome, call +ACTOR) meet people, not acts
CONTACT_ROOT = "04"


@dataclass(frozen=True, slots=True)
class Match:
    """A token that fired a dictionary entry."""

    token: Token
    entry: VerbPattern
    particles: tuple[Token, ...] = ()
    object: Token | None = None  # the object the pattern required, if any

    @property
    def nominal(self) -> bool:
        return self.entry.nominal


def word_forms(token: Token) -> tuple[str, ...]:
    lemma = token.lemma_.lower()
    lower = token.lower_
    forms = (lemma,) if lemma == lower else (lemma, lower)
    if token.tag_ == "NNPS" and _opens_sentence(token):
        # a capitalised plural opening a sentence is taken for a name and left unlemmatized
        # ("Tributes were paid", "Protests erupted"): also its singular forms
        return forms + deinflect(lower)
    return forms


def _opens_sentence(token: Token) -> bool:
    """Whether only punctuation (an opening quote) comes before ``token`` in its sentence."""
    i = token.i
    while i > 0 and not token.doc[i].is_sent_start:
        i -= 1
        if not (token.doc[i].is_punct or token.doc[i].is_space):
            return False
    return True


def deinflect(word: str) -> tuple[str, ...]:
    """Candidate base forms of an inflected word, for when the lemmatizer errs
    ("staged" -> "stag" in the small model): staged -> stage, stopped -> stop."""
    out: list[str] = []
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("es", ""), ("s", "")):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            out.append(stem)
            if repl == "" and len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # stopped -> stopp -> stop
    return tuple(out)


def _is(token: Token, word: str) -> bool:
    return word in word_forms(token)


def _subsequence(words: tuple[str, ...], tokens: list[Token]) -> bool:
    position = 0
    for word in words:
        while position < len(tokens) and not _is(tokens[position], word):
            position += 1
        if position == len(tokens):
            return False
        position += 1
    return True


def phrase_matches(phrase: Phrase, token: Token) -> bool:
    """Whether the noun phrase headed by ``token`` says ``phrase``: its head word is the token,
    the words before it are (in order) among the token's left dependents, and the words after
    it follow closely inside its subtree ("state of emergency", "joint military exercises")."""
    if not _is(token, phrase.head_word):
        return False
    before = phrase.words[: phrase.head]
    after = phrase.words[phrase.head + 1 :]
    if before:
        left = [t for t in token.subtree if t.i < token.i]
        if not _subsequence(before, left):
            return False
    if after:
        stop = min(token.right_edge.i, token.i + PHRASE_WINDOW)
        right = [t for t in token.subtree if token.i < t.i <= stop]
        if not _subsequence(after, right):
            return False
    return True


def is_verb_like(token: Token) -> bool:
    if token.pos_ in VERB_POS:
        return token.dep_ not in {"amod", "compound"}
    if token.pos_ == "NOUN" and token.tag_ in {"NNS", "NN"} and token.dep_ in CLAUSE_DEPS:
        # a verb tagged as a noun ("the government rejects and condemns ..."): it has a subject
        return any(c.dep_ == "nsubj" for c in token.children)
    if token.pos_ == "AUX":
        return token.dep_ not in {"aux", "auxpass"}
    return token.pos_ == "ADJ" and token.dep_ in ADJ_PREDICATE_DEPS


def is_predicative_blame(token: Token) -> bool:
    """ "X was to blame": the subject is the one blamed, not the one blaming (the statement
    that says so is the accusation, ``statements.py``)."""
    return (
        token.lemma_.lower() == "blame"
        and token.dep_ == "xcomp"
        and token.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


# Force used on something that cannot be hit is a figure of speech ("shot down the proposal",
# "the tariffs will kill jobs", "declared a trade war"), not a material act.
FORCE_ROOTS = frozenset({"18", "19", "20"})
ABSTRACT_OBJECTS = frozenset(
    """proposal plan idea bill law debate talk deal agreement job hope chance argument
    claim theory rumour rumor narrative initiative motion amendment reform budget process
    effort prospect bid candidacy legislation resolution deadline consensus dialogue""".split()  # noqa: SIM905
)
FIGURATIVE_MODIFIERS = frozenset(
    """trade economic price currency tariff information propaganda media legal cultural
    culture political diplomatic verbal rhetorical""".split()  # noqa: SIM905
)


def is_figurative(match: Match) -> bool:
    """Whether a match of force is a metaphor: a verb of force whose object is abstract or
    a trade/economic/... thing, or an event noun of force so qualified ("a trade war")."""
    entry = match.entry
    if not {c[:2] for c in (entry.code, entry.state_code) if c} & FORCE_ROOTS:
        return False
    noun = match.token if match.nominal else direct_object(match.token)
    if noun is None:
        return False
    # an object the entry itself names is meant literally ("violated the ceasefire agreement")
    if not match.nominal and not entry.objects and noun.lemma_.lower() in ABSTRACT_OBJECTS:
        return True
    return any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in FIGURATIVE_MODIFIERS
        for c in noun.children
    )


# Protest verbs that mean "show" when they take an object or a clause: "demonstrated its
# resolve", "the ruling demonstrated ignorance of the law", "this demonstrates that the plan
# failed"; the protest sense has neither
SHOWING_VERBS = frozenset({"demonstrate"})
PROTEST_ROOT = "14"


def is_showing(match: Match) -> bool:
    """A protest verb used transitively or with a clause, in its sense of showing something."""
    return (
        not match.nominal
        and match.entry.code is not None
        and match.entry.code.startswith(PROTEST_ROOT)
        and match.token.lemma_.lower() in SHOWING_VERBS
        and (
            direct_object(match.token) is not None
            or any(c.dep_ == "ccomp" for c in match.token.children)
        )
    )


class PredicateMatcher:
    """Finds the dictionary entry each verb or event noun of a sentence fires."""

    def __init__(self, verbs: VerbDictionary) -> None:
        self.verbs = verbs
        self._heads = verbs.head_words()
        # per lemma / lower-case form (string hashes): could it name a dictionary entry?
        self._lemma_heads: dict[int, bool] = {}
        self._lower_heads: dict[int, bool] = {}

    def candidates(self, doc: Doc) -> list[int]:
        """Indices of the tokens whose lemma, lower-case form or a de-inflected form of it
        heads some dictionary entry, in order: ``match_token`` returns None for every other
        token, so a sentence's walk need not visit them (most tokens of a text)."""
        strings = doc.vocab.strings
        heads, by_lemma, by_lower = self._heads, self._lemma_heads, self._lower_heads
        out: list[int] = []
        for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
            hit = by_lemma.get(lemma)
            if hit is None:
                hit = by_lemma[lemma] = strings[lemma].lower() in heads
            if not hit:
                hit = by_lower.get(lower)
                if hit is None:
                    word = strings[lower]
                    hit = word in heads or any(f in heads for f in deinflect(word))
                    by_lower[lower] = hit
            if hit:
                out.append(i)
        return out

    def match_token(self, token: Token, mentions: MentionIndex) -> Match | None:
        if is_verb_like(token) and not is_predicative_blame(token):
            forms = word_forms(token)
            if not any(self.verbs.verb_patterns(f) for f in forms):
                forms = deinflect(token.lower_)
            chosen: Match | None = None
            best: tuple[int, int, int, int] | None = None
            for preference, form in enumerate(reversed(forms)):
                for entry in self.verbs.verb_patterns(form):
                    found = self._check_verb(entry, token, mentions)
                    if found is None:
                        continue
                    # most specific pattern; on a tie the longer object phrase, the lemma over
                    # the surface form ("prepared" the verb is "prepare"), then file order
                    rank = (entry.specificity, _object_words(found), preference, -entry.line)
                    if best is None or rank > best:
                        best, chosen = rank, found
            if chosen is not None:
                chosen = _criticised(chosen)  # "attacked the forecasts": words (111)
                if is_figurative(chosen) or is_showing(chosen):
                    return None
                return _cooperative(_labelling(_verbal_attack(chosen)))
        if token.pos_ in NOUN_POS:
            for form in word_forms(token):
                for entry in self.verbs.noun_patterns(form):
                    if phrase_matches(entry.head, token):
                        match = _criticised(Match(token, entry))
                        return None if is_figurative(match) else _cooperative(match)
        return None

    def _check_verb(self, entry: VerbPattern, verb: Token, mentions: MentionIndex) -> Match | None:
        if hyphen_adjective(verb) or alleged_relation(verb) or anonymity_wish(verb):
            return None  # "so-called", "has alleged ties to", "declined to be named": no act
        particles: list[Token] = []
        for word in entry.particles:
            found = find_particle(verb, word)
            if found is None:
                return None
            particles.append(found)
        if not entry.objects and not entry.object_actor and not entry.object_money:
            return Match(verb, entry, tuple(particles))
        obj: Token | None
        if entry.object_after is not None:
            prep = particles[entry.particles.index(entry.object_after)]
            obj = pobj_of(prep)
            if obj is not None and obj.ent_type_ in {"DATE", "TIME"}:
                # "sentenced to four years in prison": where the time is spent
                obj = custody_of(obj) or custody_of(verb) or obj
            if obj is None and prep.dep_ == "prt":
                obj = direct_object(verb)  # "gave up its weapons", "took in refugees"
        else:
            obj = direct_object(verb) or infinitive_subject(verb)
            kept = retained_object(verb)
            if kept is not None and any(phrase_matches(p, kept) for p in entry.objects):
                # "was awarded a medal", "was given a deadline": the thing given
                return Match(verb, entry, tuple(particles), kept)
            found = verdict(verb, object_predicate(verb))
            if found is not None and any(phrase_matches(p, found) for p in entry.objects):
                # "found the decision unlawful", "found that X had acted unlawfully"
                return Match(verb, entry, tuple(particles), found)
        if obj is None:
            return None
        if entry.object_actor and object_predicate(verb) is not None:
            # "called X nasty", "called X a liar": X is named, not contacted
            return None
        if entry.object_money and is_money(obj):
            return Match(verb, entry, tuple(particles), obj)
        obj = hop_partitive(obj)
        heads = [obj]
        if obj.pos_ == "PROPN":  # "sacked Prime Minister X": the title says what X is
            # (a written title, not a hyphened description: "then-prime-minister X")
            heads += [
                c
                for c in obj.children
                if c.dep_ == "compound" and c.i < obj.i and (c.i == 0 or c.nbor(-1).text != "-")
            ]
        if any(phrase_matches(p, h) for p in entry.objects for h in heads) or (
            entry.object_actor
            and not self._met_act(entry, obj)
            and any(_named(m.actor) for m in mentions.head_mentions(obj) if _owns(m, obj))
        ):
            return Match(verb, entry, tuple(particles), obj)
        return None

    def _met_act(self, entry: VerbPattern, obj: Token) -> bool:
        """Whether the object of a verb of contact (04: receive, host, welcome, call) is an
        act that an actor only qualifies: "received Iranian assistance" hosts no Iranian."""
        if not (entry.code or "").startswith(CONTACT_ROOT):
            return False
        return any(self.verbs.noun_patterns(f) for f in word_forms(obj))


def _cooperative(match: Match) -> Match | None:
    """A cooperative act in its context (``cooperation.py``): helped talks are mediation."""
    entry = cooperative_entry(match.entry, match.token, match.nominal)
    return None if entry is None else replace(match, entry=entry)


# "attacked X for the tweet", "attacked X as a liar": an attack with a reason or a label is
# a verbal one (111); a span of time ("attacked the base for two hours") is not a reason
ASSAULT_VERBS = frozenset({"attack", "assail"})
REASON_PREPS = frozenset({"for", "as", "over"})
TIME_NOUNS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year", "time"}
)


def _criticised(match: Match) -> Match:
    entry = criticised_entry(match.entry, match.token, match.nominal)
    return match if entry is None else replace(match, entry=entry)


def _verbal_attack(match: Match) -> Match:
    """An assault verb recoded as criticism (111) when it gives a reason or a label."""
    entry, verb = match.entry, match.token
    if match.nominal or verb.lemma_.lower() not in ASSAULT_VERBS or entry.code is None:
        return match
    if not {entry.code[:2], (entry.state_code or "")[:2]} & {"18", "19"} or entry.objects:
        return match
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in REASON_PREPS:
            continue
        reason = pobj_of(prep) or next((c for c in prep.children if c.dep_ == "pcomp"), None)
        if reason is not None and reason.lemma_.lower() not in TIME_NOUNS:
            verbal = replace(entry, code=CRITICIZE_CODE, state_code=None, joint_code=None,
                             frame=None, id=f"{entry.id} (verbal)")  # fmt: skip
            return replace(match, entry=verbal)
    return match


# who attacks only with words: parties and legislatures; and one person attacking another
# ("Harris attacked Biden during the debates", "Democrats continued to attack Trump")
TALKING_SECTORS = frozenset({"PTY", "LEG"})


def verbal_assault(code: str, match: Match, source: Actor, target: Actor | None) -> bool:
    """Whether an assault verb between these actors is a verbal attack (111)."""
    if code[:2] not in {"18", "19"} or match.nominal or match.entry.objects:
        return False
    if match.token.lemma_.lower() not in ASSAULT_VERBS:
        return False
    if source.sector in TALKING_SECTORS:
        return True
    if source.person is None:
        return False
    if target is not None and target.person is not None:
        return True
    # a person the dictionaries do not know (the parser may even tag a surname as an
    # adverb): "Biden attacked Trump on taxes" is still words between two people
    return any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in match.token.children)


def _owns(mention: MentionLike, obj: Token) -> bool:
    """Whether an actor mention is the object itself (or its modifier, or a conjunct), not
    only named in an ``of`` phrase or apposition after it: "recognised the honesty of the
    exporters" recognises no actor."""
    heads = (obj, *obj.conjuncts)
    return mention.start <= obj.i or any(mention.start <= h.i < mention.end for h in heads)


# a state that formally lists a group as terrorist sanctions it (163: the listing bans its
# funds and members); calling it a terrorist group is only a criticism
LISTING_VERBS = frozenset({"designate", "list", "classify", "proscribe"})
TERROR_WORDS = frozenset({"terrorist", "terrorists", "terror", "terrorism"})
SANCTION_CODE = "163"


def _labelling(match: Match) -> Match:
    """A statement that calls its object something derogatory is a criticism of it."""
    entry = match.entry
    if entry.frame not in {"speech", "report", "label", None} or entry.objects:
        return match
    if entry.frame == "label":
        # "named X as a terrorist group" criticises X; "named X as ambassador" is no event
        named = _labelling(replace(match, entry=replace(entry, code="010", frame=None)))
        if named.entry.code in {CRITICIZE_CODE, AGGRESSION_CODE}:
            label = object_predicate(match.token)
            if match.token.lemma_.lower() in LISTING_VERBS and label is not None:
                words = {t.lower_ for t in label.subtree}
                if words & TERROR_WORDS:
                    listed = replace(
                        entry, code=SANCTION_CODE, frame=None, id=f"{entry.id} (terror)"
                    )
                    return replace(named, entry=listed)
            return named
        return replace(match, entry=replace(entry, code=None, frame=None))
    if entry.particles and entry.particles != (LABEL_PREP,):
        return match
    as_frame = entry.particles == (LABEL_PREP,)
    if entry.particles:
        # the "as" phrase is the label, never whom the statement is about
        match = replace(match, particles=())
    label = object_predicate(match.token)
    if label is None and as_frame:
        label = object_as_label(match.token)  # "described the attacks as a "dastardly act""
    if label is None and entry.frame == "speech" and named_quality(match.token):
        # "calling the accords "lawful"" (the parser hangs the quoted adjective on the
        # object): the object is judged, not announced, so its act is not the speaker's
        return replace(match, entry=replace(entry, frame=None))
    if label is None or entry.code is None or not entry.code.startswith("01"):
        return match
    code = label_code(label)
    if code == CRITICIZE_CODE:
        code = AGGRESSION_CODE if accuses_aggression(label) else code  # "an aggression"
        criticism = replace(entry, code=code, frame=None, id=f"{entry.id} (derogatory)")
        return replace(match, entry=criticism)
    if code == PRAISE_CODE and entry.frame != "label":
        praise = replace(entry, code=PRAISE_CODE, frame=None, id=f"{entry.id} (laudatory)")
        return replace(match, entry=praise)
    if entry.frame == "speech" and match.token.lemma_.lower() in NAMING_VERBS:
        # "called the treaty fair": the object is judged, not announced, so its act (here a
        # signing) is not the speaker's
        return replace(match, entry=replace(entry, frame=None))
    return match


def _named(actor: Actor) -> bool:
    """A country, organisation or person, not a bare sector word ("school", "police")."""
    return actor.country is not None or actor.sector is None


def _object_words(match: Match) -> int:
    """Length of the longest object phrase the match satisfies ("peacekeeping force" > "force")."""
    if match.object is None:
        return 0
    return max(
        (len(p.words) for p in match.entry.objects if phrase_matches(p, match.object)), default=0
    )
