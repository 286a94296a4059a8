"""Event nouns: which ones are events, and the participants the noun phrase leaves unnamed.

- A word of an actor's proper name is not an event: "the Popular Mobilization Forces" names a
  militia, it does not mobilise anyone.
- A meeting held in a country's capital or territory involves that country as its host when
  the sentence names no other party: "Japan attended the meeting in Washington" -> JPN-USA.
- A protest whose protesters are not named ("anti-government protests continue in Baghdad",
  "thousands marched in Hong Kong") is by the civilians of the place it happens in, else of
  the country the document is about when the noun tells of protests taking place ("protests
  continued"), not when it names them in passing ("tweeted about the riots"); "anti-government"
  names whom it is against.
- An act done "in cooperation with" (coordination, partnership, conjunction) a partner is
  also cooperation with that partner: "troops trained the recruits in cooperation with the
  Iraqi army".
- An enumeration that continues the sentence before ("Japan took part in several meetings.
  These included the meeting in Washington in March.") takes its participant from that
  sentence's subject.

Pure functions over the parse and the actor mentions; used by ``extractor.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Span, Token

from dyadwatch.coding.clauses import prep_objects
from dyadwatch.coding.events.attack_places import is_attack_place
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_country
from dyadwatch.coding.events.possessives import possessive_pronoun, possessor
from dyadwatch.coding.events.predicates import Match
from dyadwatch.coding.roles import subjects
from dyadwatch.model import Actor

CONSULT_ROOT = "04"
HOST_PREPS = ("in", "at")
# verbs whose demonstrative subject points back at the previous sentence's list of events
ENUMERATING_VERBS = frozenset({"include", "comprise"})
DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "they"})
LIST_DEPS = frozenset({"conj", "appos"})
NOUNS = frozenset({"NOUN", "PROPN"})
PROTEST_ROOT = "14"
STATEMENT_ROOT = "01"
SETTING_PREPS = frozenset({"after", "before", "since", "following", "during", "amid", "despite"})
PLACE_PREPS = ("in", "across", "throughout", "through", "at")
# subjects that are a count of people, not an actor: "thousands protested"
# ... also a group no dictionary knows ("a Black Lives Matter group protested")
CROWD_WORDS = frozenset({"thousands", "hundreds", "dozens", "millions", "people", "tens",
                         "supporters", "group", "groups"})  # fmt: skip
ANTI = "anti"
# what an "anti-X" protest is against: the government of the protesters' country
ANTI_STATE = {"government": "GOV", "regime": "GOV", "police": "COP", "army": "MIL"}
CIVILIANS = "CVL"
# what a government makes: a protest against one is against the government
MEASURE_NOUNS = frozenset({"law", "bill", "change", "amendment", "reform", "decree", "measure",
                           "policy", "plan", "proposal", "legislation", "tax"})  # fmt: skip
# "in cooperation with X": the partner of the act the phrase qualifies
PARTNERSHIP_NOUNS = frozenset({"cooperation", "coordination", "collaboration", "partnership",
                               "conjunction", "concert"})  # fmt: skip
PARTNERSHIP_PREPS = frozenset({"in"})
# "two weeks of protests": a protest noun counted in time is one that took place
DURATION_NOUNS = frozenset({"hour", "day", "night", "week", "month", "year"})
# a preposition and the verb it hangs on that tell of a protest taking place
TELLING_PHRASES = frozenset(
    {("to", "lead"), ("to", "give")}
    | {("for", verb) for verb in ("gather", "converge", "mass", "assemble", "turn", "come")}
)
CAMPAIGN_NOUNS = frozenset({"rally", "march", "gathering"})
# "X was the target of a Y attack", "X became the victim of Y's raids": X is acted on
TARGETED_NOUNS = frozenset({"target", "subject", "victim", "focus"})
UNDER_VERBS = frozenset({"be", "remain", "stay", "come", "fall", "live", "suffer"})


@dataclass(frozen=True, slots=True)
class PlacedActor:
    """An actor the sentence implies but does not name: the civilians protesting in a place."""

    start: int
    end: int
    actor: Actor
    rule: str


def is_part_of_name(token: Token, mentions: MentionIndex) -> bool:
    """Whether an event noun is a word of a multi-word actor name ("Mobilization" in "the
    Popular Mobilization Forces"): capitalised, inside an actor mention that is not the noun
    alone."""
    if not (token.is_title or token.pos_ == "PROPN"):
        return False
    mention = mentions.at(token)
    return mention is not None and mention.end - mention.start > 1


def host_targets(
    places: Sequence[Token], sources: Sequence[MentionLike], mentions: MentionIndex
) -> list[MentionLike]:
    """The host of a meeting: the actor named by an "in"/"at" phrase of one of ``places``
    (the meeting noun, the verb) whose country is not a source's country."""
    own = {s.actor.country for s in sources}
    for place in places:
        for pobj in prep_objects(place, HOST_PREPS):
            found = [
                m
                for m in mentions.head_mentions(pobj)
                if m.actor.country is not None and m.actor.country not in own
            ]
            if found:
                return found[:1]
    return []


def enumeration_sources(noun: Token, mentions: MentionIndex) -> list[MentionLike]:
    """Participants of an event noun listed by "This includes ..." / "These included ...":
    the subject actors of the sentence before."""
    head = noun
    while head.dep_ in LIST_DEPS and head.head.i != head.i and head.head.pos_ in NOUNS:
        head = head.head
    verb = head.head
    if head.dep_ not in {"dobj", "obj"} or verb.lemma_.lower() not in ENUMERATING_VERBS:
        return []
    subj, _ = subjects(verb)
    if not subj or subj[0].lower_ not in DEMONSTRATIVES:
        return []
    sentence = noun.sent
    if sentence.start == 0:
        return []
    previous = noun.doc[sentence.start - 1].sent
    found: list[MentionLike] = []
    for token in subjects(previous.root)[0]:
        found += [m for m in mentions.head_mentions(token) if m not in found]
    return found


# "statements of condemnation came from X": the words that carry an act noun, and the verbs
# that say where they came from
CARRIER_NOUNS = frozenset({"statement", "message", "word", "expression", "voice", "call"})
COMING_VERBS = frozenset({"come", "pour", "arrive", "flow"})


def origin_sources(noun: Token, mentions: MentionIndex) -> list[MentionLike]:
    """Who voiced an act noun said to have come from them: "condemnation came from X and Y",
    "statements of condemnation have come from X" -> X (and Y)."""
    carrier = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        holder = noun.head.head
        if holder.lemma_.lower() in CARRIER_NOUNS:
            carrier = holder
    verb = carrier.head
    if carrier.dep_ != "nsubj" or verb.lemma_.lower() not in COMING_VERBS:
        return []
    found: list[MentionLike] = []
    for origin in prep_objects(verb, ("from",)):
        # "from the OIC head X, Pope Y, and a spokesperson for Z": the parser hangs the rest
        # of the list on the first one's apposition
        named = [c for c in origin.children if c.dep_ == "appos"]
        for token in (origin, *origin.conjuncts, *(c for a in named for c in a.conjuncts)):
            found += [m for m in mentions.head_mentions(token) if m not in found]
    return found


def protest_sources(
    token: Token, mentions: MentionIndex, places: Sequence[Token]
) -> list[MentionLike]:
    """The unnamed protesters of a protest act or noun: civilians of the country of a place
    phrase of ``places`` (the noun, its verb), else of the document's main country. Not for
    a protest someone owns ("her climate protest") or a rally that is against nothing (an
    election rally is a campaign event)."""
    if any(c.dep_ == "poss" for c in token.children):
        return []
    if (
        token.pos_ in NOUNS
        and token.lemma_.lower() in CAMPAIGN_NOUNS
        and not (prep_objects(token, ("against",)) or any(_is_anti(c) for c in token.children))
    ):
        return []
    for place in places:
        for pobj in prep_objects(place, PLACE_PREPS):
            if pobj.pos_ != "PROPN":
                continue  # a named place ("in Baghdad"), not "at the embassy"
            for mention in mentions.head_mentions(pobj):
                if mention.actor.country is not None:
                    return [_placed(token, mention.actor.country, f"in {mention.rule}")]
    country = document_country(mentions)
    if country is None or (token.pos_ in NOUNS and not tells_of_protest(token)):
        return []
    return [_placed(token, country, "(country of the document)")]


def tells_of_protest(noun: Token) -> bool:
    """Whether a protest noun with neither protesters nor a place tells of protests taking
    place ("protests continued", "two weeks of protests") rather than naming them in passing
    ("tweeted about the riots", "as a result of the protests", "since the protests began",
    "there have been protests"): only the former is an event of its own."""
    head = noun
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    clause = head.head
    if head.dep_ in {"nsubj", "nsubjpass"}:
        return not any(c.dep_ == "mark" and c.lower_ in SETTING_PREPS for c in clause.children)
    if head.dep_ == "pobj":  # "two weeks of protests"; not "about the riots"
        governor = clause.head.lemma_.lower()
        if (clause.lower_, governor) in TELLING_PHRASES:
            return True  # "led to protests", "converged on the capital for a protest"
        return clause.lower_ == "of" and clause.head.lemma_.lower() in DURATION_NOUNS
    if head.dep_ == "attr":
        return not any(c.dep_ == "expl" for c in clause.children)
    return True


def anti_target(noun: Token, source: MentionLike) -> MentionLike | None:
    """ "anti-government protests": the government of the protesters' country; so is a protest
    against a law or a government measure ("protests against a proposed change to the
    extradition law"): its author governs them."""
    country = source.actor.country
    for against in prep_objects(noun, ("against",)):
        if against.lemma_.lower() in MEASURE_NOUNS and country is not None:
            actor = Actor(country + "GOV", against.text, country, "GOV")
            return PlacedActor(against.i, against.i + 1, actor, f"against {against.lower_}")
    words = [c for c in noun.children if c.dep_ in {"amod", "compound"} and c.lower_ != "-"]
    for first, second in pairwise(words):
        if not _is_anti(first):
            continue
        sector = ANTI_STATE.get(second.lower_)
        if sector is not None and country is not None:
            actor = Actor(country + sector, second.text, country, sector)
            return PlacedActor(second.i, second.i + 1, actor, f"anti- {second.lower_}")
    for word in words:  # one token: "anti-government"
        _, _, rest = word.lower_.partition(f"{ANTI}-")
        sector = ANTI_STATE.get(rest)
        if sector is not None and country is not None:
            actor = Actor(country + sector, rest, country, sector)
            return PlacedActor(word.i, word.i + 1, actor, f"anti- {rest}")
    return None


def crowd_subject(verb: Token) -> bool:
    """Whether a verb's subject is a count of people ("thousands marched"), not an actor."""
    subj, _ = subjects(verb)
    return bool(subj) and all(
        s.lower_ in CROWD_WORDS or s.like_num or s.pos_ == "NUM" for s in subj
    )


def document_country(mentions: MentionIndex) -> str | None:
    """The country the document names most often (none on a tie or when it names none); a
    country guessed from context is no evidence."""
    ranked = _country_counts(mentions).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def story_country(mentions: MentionIndex) -> str | None:
    """The one country of the story's dateline or opening place ("a stabbing at a hall in
    London"), unless another country has half of the document's mentions (a story opening at
    the UN in New York about a Saudi trial), else the document's: unnamed police and courts
    act where the story happens, whatever outlets report it or foreigners it mentions."""
    counts = _country_counts(mentions)
    top = document_country(mentions)
    if len(mentions.story) == 1:
        place = next(iter(mentions.story))
        if top is None or top == place or 2 * counts[top] < counts.total():
            return place
    return top


def _country_counts(mentions: MentionIndex) -> Counter[str]:
    """Countries of the document's mentions; a country guessed from context is no evidence."""
    return Counter(
        m.actor.country
        for m in mentions.mentions
        if m.actor.country is not None and "context" not in getattr(m, "flags", frozenset())
    )


def _placed(token: Token, country: str, rule: str) -> PlacedActor:
    actor = Actor(country + CIVILIANS, "protesters", country, CIVILIANS)
    return PlacedActor(token.i, token.i + 1, actor, f"civilians {rule}")


def _is_anti(token: Token) -> bool:
    return token.lower_ == ANTI or token.lower_.startswith(f"{ANTI}-")


def partnership_phrases(sentence: Span) -> list[tuple[Token, Token, Token]]:
    """ "(act) in cooperation with X": (the act's verb, the partnership noun, X's head)."""
    out: list[tuple[Token, Token, Token]] = []
    for noun in sentence:
        prep = noun.head
        if noun.lower_ not in PARTNERSHIP_NOUNS or noun.dep_ != "pobj":
            continue
        verb = prep.head
        if verb.dep_ in {"dobj", "obj"}:  # "trained the recruits in cooperation with X"
            verb = verb.head
        if prep.lower_ not in PARTNERSHIP_PREPS or verb.pos_ not in {"VERB", "AUX"}:
            continue
        for partner in prep_objects(noun, ("with",)):
            out.append((verb, noun, partner))
    return out


def targeted_subjects(
    noun: Token, sources: Sequence[MentionLike], mentions: MentionIndex
) -> list[MentionLike]:
    """Whom an event noun is aimed at when it is what the subject of a copula is the target
    of: "X was the target of a Y attack", "X has been the victim of Y's raids" -> X; or what
    it is under: "X is under Y sanctions", "X remains under Y's blockade" -> X."""
    if noun.dep_ != "pobj":
        return []
    if noun.head.lower_ == "under" and noun.head.head.lemma_.lower() in UNDER_VERBS:
        clause = noun.head.head
    elif noun.head.lower_ == "of":
        holder = noun.head.head
        if holder.lemma_.lower() not in TARGETED_NOUNS or holder.dep_ not in {"attr", "oprd"}:
            return []
        clause = holder.head
    else:
        return []
    found: list[MentionLike] = []
    for subj in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}):
        found += [m for m in mentions.head_mentions(subj) if m not in sources]
    return found


def phrase_verdict(token: Token, code: str | None, governed_by_act: bool) -> bool | None:
    """Whether an event noun in a prepositional phrase is an event of its own: "after the
    confrontation between X and Y, Z said" is (a setting, not Z's argument); "was condemned
    in a joint statement by X" is not (the statement only carries the act that governs it).
    None: the phrase does not decide."""
    if token.dep_ != "pobj":
        return None
    if token.head.lower_ in SETTING_PREPS:
        return True
    if token.head.lower_ == "in" and governed_by_act and (code or "").startswith(STATEMENT_ROOT):
        return False
    return None


# the phrases of a meeting noun that set the scene of its clause's act ("said after talks
# with X", "made progress in talks with X"): the clause's subject took part in the meeting
MEETING_SETTING_PREPS = frozenset({"after", "following", "during", "in"})


def setting_meeting_subjects(noun: Token, mentions: MentionIndex) -> list[MentionLike]:
    """Who held the talks a setting phrase names with a "with" partner: the subject of the
    verb the phrase hangs on ("X said after talks with Y" -> X met Y). None without a "with"
    phrase (the partner) or when the phrase hangs on a noun ("hopes for talks with Y")."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in MEETING_SETTING_PREPS:
        return []
    verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"} or not prep_objects(noun, ("with",)):
        return []
    found: list[MentionLike] = []
    for subj in subjects(verb)[0]:
        found += [m for m in mentions.head_mentions(subj) if m not in found]
    return found


# acts whose noun with a possessive pronoun is an event of the pronoun's actor: repression
# and force ("his brutal treatment of critics", "their attacks on the town")
OWNED_FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
# the phrases of an act noun whose object the parser may hang the noun's "by" agent on
AIMED_PREPS = ("of", "on", "against", "toward", "towards")


def noun_agents(noun: Token) -> list[Token]:
    """Who did what an act noun names, in its "by" phrase: "the killing of X by soldiers";
    also when the parser hangs the phrase on the noun's object ("the crackdown on the
    opposition by the police", "the treatment of protesters by police")."""
    found = prep_objects(noun, ("by",))
    for pobj in prep_objects(noun, AIMED_PREPS) if not found else []:
        found += prep_objects(pobj, ("by",))
    return found


def own_side(named: MentionLike, doer: MentionLike, code: str) -> bool:
    """Whether an act noun's "of" phrase names the doer's own side, no target ("the US
    withdrawal of US troops"); force or repression (17-20) of other people of the doer's
    country is aimed at them: "the Malian army's killing of villagers" -> MLIMIL->MLICVL."""
    if not same_country(named, doer):
        return False
    return code[:2] not in OWNED_FORCE_ROOTS or named.actor.code == doer.actor.code


def pronoun_owners(noun: Token, code: str, mentions: MentionIndex) -> list[MentionLike]:
    """Whose act of force or repression an act noun with a possessive pronoun is: "the president
    became known for his harsh treatment of critics" -> the president (possessives.py); not a
    milder act ("their investigation", "his talk at a think tank"), whose pronoun is as often
    the speaker's own."""
    pronoun = possessive_pronoun(noun) if code[:2] in OWNED_FORCE_ROOTS else None
    owner = possessor(pronoun, None, mentions) if pronoun is not None else None
    return [owner] if owner is not None else []


def modifier_mentions(noun: Token, match: Match, mentions: MentionIndex) -> list[MentionLike]:
    """Actors named inside a nominal event's own phrase: "Chinese airstrikes", "Japan-US"; not
    a capital that says where an attack was ("a Kabul car bombing", attack_places.py)."""
    found: list[MentionLike] = []
    for child in noun.lefts:
        if child.dep_ not in {"compound", "amod", "nmod", "npadvmod"}:
            continue
        for sub in child.subtree:
            mention = mentions.at(sub)
            if mention is not None and mention not in found and not is_attack_place(noun, mention):
                found.append(mention)
    return found
