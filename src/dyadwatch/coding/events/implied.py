"""Participants a clause implies but does not name.

Sources, when the verb has no subject actor:

- An agentless passive of a legal or state act ("was arrested", "were convicted", "was
  charged", "has been impeached", "was released from jail") is done by the body the
  implied-agent dictionary names for its verb or code class (``implied_agents.tsv``: police,
  courts, legislature), of the country of a place named on the verb ("arrested in Lima"), else
  of the one acted on (a Kenyan tried in a Ugandan story is tried by Kenya's courts), else of
  a place named with them ("a man in Ohio"), else of the story's place (its dateline or the
  one country its first sentence places it in), else of the country the document is about. The
  dictionary may recode the act (a passive "was charged" is legal action, 173). When the one
  acted on is no known actor ("a man", "a suspect", a name the dictionaries lack) the target is
  the civilians of that country.
- A name the dictionaries do not know acts in the office its verb names with "as": "X
  resigned as the governor of Jalisco" is the governor's resignation.
- A protest by a count of people ("thousands marched") is by the civilians of the place.
- An agentless passive of giving may name its provider ("armed with weapons from China").
- "an agreement has been reached with X, the SDF said": the speaker is a party.

Targets, when an appeal or demand (roots 02, 10) asks the public ("urged residents to stay
indoors", "called on drivers to slow down"): the civilians of the asker's country.

Targets, when a disapproval or lawsuit (root 11) names none: the author of the act it is
against, named inside what it is about ("sued against the decree the president signed",
"petitioned for a ruling on the suspension of parliament by the prime minister").

Pure functions over the parse and the actor mentions; used by ``extractor.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from dyadwatch.coding.clauses import agentless_with, child, is_passive, prep_objects
from dyadwatch.coding.events.arguments import provider_mentions, speaker_mentions
from dyadwatch.coding.events.convicted import convicted_doers
from dyadwatch.coding.events.frames import Act
from dyadwatch.coding.events.impeached import IMPEACHMENT_CODE, impeached_before
from dyadwatch.coding.events.mentions import MentionIndex, MentionLike, same_party
from dyadwatch.coding.events.nominal import (
    PLACE_PREPS,
    PROTEST_ROOT,
    PlacedActor,
    crowd_subject,
    protest_sources,
    story_country,
)
from dyadwatch.coding.events.private import (
    PRIVATE_RULE,
    people_stabbed,
    private_doers,
    private_victims,
)
from dyadwatch.coding.events.protests import protest_concession_target
from dyadwatch.coding.events.verdicts import authors_of
from dyadwatch.coding.roles import passive_patient, subjects
from dyadwatch.dictionaries.implied_agents import (
    ANY,
    INFINITIVE,
    OBJECT,
    ImpliedAgent,
    default_implied_agents,
)
from dyadwatch.model import Actor

AID_ROOT = "07"
# acts done with a partner: diplomatic and material cooperation (agreements, deals)
RECIPROCAL_ROOTS = frozenset({"05", "06"})
COURTS = "JUD"
# the rule of a source the implied-agent dictionary supplies (confidence.py: an unnamed source)
IMPLIED_RULE = "implied"
CONVICTED_RULE = "convicted"  # the doer of the act a verdict is for (convicted.py)
CIVILIANS = "CVL"
AUTHOR_DEPTH = 3
LAWSUIT = "115"
# administrative restrictions (bans, curfews): the state's only when placed or aimed at an actor
RESTRICTION_ROOT = "172"
AMOUNT_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "QUANTITY", "MONEY", "CARDINAL"})
STATE_MEASURES = ("1723", "1724")  # a curfew, a state of emergency: only a state's
DISAPPROVAL_ROOT = "11"  # criticism, accusations, lawsuits
DEMAND_ROOT = "10"
OBJECT_DEPS = frozenset({"dobj", "obj"})
NOUNS = frozenset({"NOUN", "PROPN"})
# where a passive act took place: "arrested in Lima", "deported from Algeria"
ACT_PLACE_PREPS = ("in", "at", "inside", "from")
PLACE_DICTIONARY = "countries.tsv"  # country, capital and city names
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# a relative pronoun standing for the place of the clause it heads ("the city in which")
RELATIVE_PLACES = frozenset({"which", "whom"})
ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
# a person named by a common noun, who is acted on as a private individual
PERSON_NOUNS = frozenset({"man", "men", "woman", "women", "person", "people", "individual",
                          "individuals", "suspect", "suspects", "defendant", "defendants",
                          "teenager", "teenagers", "child", "children", "victims", "boys", "girls",
                          "boy", "girl", "resident", "residents", "driver", "doctor",
                          "household", "households", "family", "families", "citizen",
                          "citizens", "inhabitants", "villagers", "motorists"})  # fmt: skip
# the public an appeal or demand may be addressed to: the asker's own civilians
PUBLIC_NOUNS = frozenset({"people", "public", "resident", "residents", "citizen", "citizens",
                          "local", "locals", "inhabitants", "villagers", "household",
                          "households", "family", "families", "driver", "drivers", "motorists",
                          "voters", "parents", "travellers", "travelers", "commuters",
                          "population", "everyone", "everybody", "anyone", "anybody",
                          "shoppers", "consumers", "tourists"})  # fmt: skip
ASKING_ROOTS = frozenset({"02", "10"})
ADDRESSEE_PREPS = ("on", "upon")  # "called on drivers", "called upon the public"
# what a question asks someone to do: "when asked to comment", "was asked to explain" (a
# reporter's question, no request by the state)
ANSWERING = frozenset({"comment", "explain", "respond", "answer", "confirm", "elaborate",
                       "clarify", "say", "describe", "speculate", "name", "recall"})  # fmt: skip


# verbs of saying whose subject, telling that someone will be punished, threatens it:
# "police warned that protesters would be arrested", "Kenya said intruders would be shot"
THREATENING_SPEECH = frozenset({"say", "warn", "announce", "declare", "state", "vow",
                                "threaten", "caution", "insist", "tell"})  # fmt: skip
THREATENED_RULE = "threatened-passive"


def fallback_sources(
    verb: Token, act: Act, mentions: MentionIndex
) -> tuple[list[MentionLike], str]:
    """Sources of a verb whose clause names none, and the rule that implied them."""
    root = act.code[:2]
    if threatened_passive(verb, act):
        speakers = speaker_mentions(verb, mentions)
        if speakers:  # the speaker threatens it (the future act was recoded a threat)
            return speakers, THREATENED_RULE
    if root == AID_ROOT:
        found = provider_mentions(verb, mentions)
        if found:
            return found, "with-from"
    if root == PROTEST_ROOT and crowd_subject(verb):
        # "thousands marched in Baghdad": the civilians of the place
        return protest_sources(verb, mentions, [verb]), "crowd"
    if root in RECIPROCAL_ROOTS and agentless_with(verb):
        return speaker_mentions(verb, mentions), "speaker-party"
    role = role_mentions(verb, mentions)
    if role:  # "Juan Perez resigned as the mayor of Bogota": the mayor acted
        return role, "as-role"
    convicted = convicted_doers(verb, mentions)
    if convicted:  # "convicted X of stabbing a guard": X stabbed (convicted.py)
        return convicted, CONVICTED_RULE
    doers = private_doers(
        verb, act.code, mentions, PERSON_NOUNS
    )  # "Tom Reed stabbed two men" (private.py)
    if doers:
        return doers, PRIVATE_RULE
    return implied_agent(verb, act.code, mentions)


def threatened_passive(verb: Token, act: Act) -> bool:
    """A future passive of a conflict act with no doer, told by a verb of saying ("said that
    any intruder would be arrested"): a threat, whose doer is the one who tells it."""
    return (
        act.frame == "threaten"
        and act.recoded == "future"
        and is_passive(verb)
        and not prep_objects(verb, ("by",))
        and verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in THREATENING_SPEECH
    )


def role_mentions(verb: Token, mentions: MentionIndex) -> list[MentionLike]:
    """The office a named subject the dictionaries do not know acts in: "X resigned as the
    governor", "X, who served as finance minister"."""
    subject = child(verb, {"nsubj"})
    if subject is None or subject.pos_ != "PROPN" or mentions.head_mentions(subject):
        return []
    for office in prep_objects(verb, ("as",)):
        found = mentions.head_mentions(office)
        if found:
            return found
    return []


def implied_agent(verb: Token, code: str, mentions: MentionIndex) -> tuple[list[MentionLike], str]:
    """The police, courts or legislature an agentless passive of a legal or state act implies
    (module docstring), and the rule that found its country; none when nothing places it."""
    # "was extended by two weeks", "cut by 10%": a "by" of an amount names no agent
    agents = [p for p in prep_objects(verb, ("by",)) if p.ent_type_ not in AMOUNT_ENTITIES]
    row = _agent_row(verb, code) if is_passive(verb) and not agents else None
    if row is None or row.active:
        return [], ""
    if row.prep == INFINITIVE and not (_actor_acted_on(verb, mentions) or _person_acted_on(verb)):
        # "the company was ordered to pay": asked of no actor known, whom it binds is unknown
        return [], ""
    if code.startswith(RESTRICTION_ROOT) and verb.dep_ == "acl":
        return [], ""  # "eased the curfew imposed in Sudan": the curfew is described, not imposed
    # "arrested in Lima", "put under investigation in Italy", "released from jail in Accra"
    heads = prep_objects(verb, ACT_PLACE_PREPS)
    heads += [p for h in prep_objects(verb, ("under", "from")) for p in prep_objects(h, ("in",))]
    if verb.dep_ == "relcl" and (
        any(h.lower_ in RELATIVE_PLACES for h in heads)
        or any(c.lower_ == "where" for c in verb.children)
    ):
        heads += _antecedent_places(verb.head)
    for pobj in heads:
        for place in mentions.head_mentions(pobj):
            if place.actor.country is not None and _is_place_name(place):
                return [_agent(verb, place.actor.country, row)], f"{IMPLIED_RULE} (place)"
    if (
        code.startswith(RESTRICTION_ROOT)
        and not code.startswith(STATE_MEASURES)
        and not _actor_acted_on(verb, mentions)
    ):
        # "the children were banned from washing": a ban on no actor and in no named place
        # may be anyone's (a parent's, a school's), not the state's
        return [], ""
    country = patient_country(verb, mentions)
    if country is None:
        return [], ""
    if code[:2] in ASKING_ROOTS and _self_acted_on(verb, country + row.agent, mentions):
        # "the government was urged to act": no body asks itself (a policeman arrested by
        # the police is still arrested)
        return [], ""
    return [_agent(verb, country, row)], f"{IMPLIED_RULE} (country of the one acted on)"


# appeals and demands: what one is urged or asked to do, someone else asks
ASKING_ROOTS = frozenset({"02", "10"})


def _self_acted_on(verb: Token, code: str, mentions: MentionIndex) -> bool:
    """Whether the one a passive acts on is the very body its agent would be implied as."""
    subject = passive_patient(verb)
    return subject is not None and any(
        m.actor.code == code for m in mentions.head_mentions(subject)
    )


def _antecedent_places(antecedent: Token) -> list[Token]:
    """Where the antecedent of "in which"/"where" is: itself ("in Chile, where two were
    charged"), its own place ("a trial in Chile in which ..."), or its clause's ("a trial
    began in Chile in which ...")."""
    heads = [antecedent, *prep_objects(antecedent, ACT_PLACE_PREPS)]
    if antecedent.dep_ in ANTECEDENT_DEPS:
        heads += prep_objects(antecedent.head, ACT_PLACE_PREPS)
    return heads


def _actor_acted_on(verb: Token, mentions: MentionIndex) -> bool:
    subject = passive_patient(verb)
    return subject is not None and bool(mentions.head_mentions(subject))


def _person_acted_on(verb: Token) -> bool:
    subject = child(verb, PASSIVE_SUBJECTS)
    return subject is not None and subject.lower_ in PERSON_NOUNS


def undergone(
    verb: Token, code: str, mentions: MentionIndex
) -> tuple[list[MentionLike], str, list[MentionLike]] | None:
    """ "Two officers received seven-year prison terms": a subject that undergoes what the
    object names is the target, and the body the implied-agent dictionary names for it (of the
    subject's country, else the story's place or the document's) the source; None for any
    other verb."""
    row = None if is_passive(verb) else _agent_row(verb, code)
    if row is None or not row.active:
        return None
    targets = [m for s in subjects(verb)[0] for m in mentions.head_mentions(s)]
    countries = [t.actor.country for t in targets if t.actor.country is not None]
    country = countries[0] if countries else story_country(mentions)
    if not targets or country is None:
        return None
    return [_agent(verb, country, row)], f"{IMPLIED_RULE} (court of the one sentenced)", targets


def implied_code(act: Act, verb: Token) -> Act:
    """The act with the code the implied-agent dictionary gives its verb ("was charged" is a
    charge with legal action, 173, whatever its particle), else unchanged."""
    row = _agent_row(verb, act.code)
    if row is None or row.code is None:
        return act
    return replace(act, code=row.code, state_code=None)


def _agent_row(verb: Token, code: str) -> ImpliedAgent | None:
    preps: dict[str, set[str]] = {}
    for p in verb.children:  # merged: "released on bail on Monday" has two "on" phrases
        if p.dep_ == "prep":
            preps.setdefault(p.lower_, set()).update(
                o.lemma_.lower() for o in p.children if o.dep_ == "pobj"
            )
    # a passive's subject is its object: "charges were filed" as "filed charges"
    objects = [o for o in verb.children if o.dep_ in OBJECT_DEPS or o.dep_ == "nsubjpass"]
    preps[OBJECT] = {o.lemma_.lower() for o in objects} | {
        f"{c.lemma_.lower()}_{o.lemma_.lower()}"
        for o in objects
        for c in o.children
        if c.dep_ == "compound"
    }
    infinitives = [
        c
        for c in verb.children
        if c.dep_ == "xcomp"
        and c.pos_ in {"VERB", "AUX"}
        and any(a.lower_ == "to" for a in c.children)
    ]
    if child(verb, PASSIVE_SUBJECTS) is not None and infinitives:
        # "residents were asked to leave"; "(he) was asked to comment" is a question put
        preps[INFINITIVE] = {c.lemma_.lower() for c in infinitives} | (
            set() if any(c.lemma_.lower() in ANSWERING for c in infinitives) else {ANY}
        )
    return default_implied_agents().for_verb(verb.lemma_.lower(), code, preps)


def _agent(verb: Token, country: str, row: ImpliedAgent) -> PlacedActor:
    actor = Actor(country + row.agent, verb.text, country, row.agent)
    return PlacedActor(verb.i, verb.i + 1, actor, f"{row.agent.lower()} of {country}")


def _is_place_name(mention: MentionLike) -> bool:
    """A country or city named alone ("in Chile", "in Santiago"; a capital is coded as its
    government), not an actor there ("at the Chilean embassy")."""
    return mention.rule.startswith(PLACE_DICTIONARY) and "+" not in mention.rule


def patient_country(verb: Token, mentions: MentionIndex) -> str | None:
    """The country of whom a passive acts on: their own, else a named place of the clause
    ("a man in Ohio", "was charged in Paris"), else the story's place (its dateline or opening
    place), else the document's country."""
    subject = passive_patient(verb)
    # "charges were filed against the mayor": the one charged is in the "against" phrase
    patients = [subject] if subject is not None else []
    for patient in [*patients, *prep_objects(verb, ("against",))]:
        for mention in mentions.head_mentions(patient):
            if mention.actor.country is not None:
                return mention.actor.country
    for place in _place_heads(verb, subject):
        for mention in mentions.head_mentions(place):
            if mention.actor.country is not None:
                return mention.actor.country
    return story_country(mentions)


def acted_on(verb: Token) -> bool:
    """Whether a passive names whom it acts on ("eleven men were charged"), even as no actor."""
    return child(verb, PASSIVE_SUBJECTS) is not None  # not a shared one: "wept when convicted"


def person_target(verb: Token, source: MentionLike, mentions: MentionIndex) -> list[MentionLike]:
    """The civilians of the court's country when the one a legal passive acts on is a person
    no dictionary knows ("a man", "a suspect", a name); only one the passive names itself
    (not "people who were accused", nor the subject it shares: "wept when convicted")."""
    subject = child(verb, PASSIVE_SUBJECTS)
    country = source.actor.country
    if subject is None or country is None or mentions.head_mentions(subject):
        return []
    if subject.ent_type_ != "PERSON" and subject.lower_ not in PERSON_NOUNS:
        return []
    actor = Actor(country + CIVILIANS, subject.text, country, CIVILIANS)
    return [PlacedActor(subject.i, subject.i + 1, actor, "person acted on")]


def implied_targets(
    verb: Token,
    code: str,
    mentions: MentionIndex,
    sources: Sequence[MentionLike],
    found: tuple[list[MentionLike], str],
    source_rule: str,
) -> tuple[list[MentionLike], str]:
    """The targets ``found`` by the verb's phrases, or those the clause implies; an implied
    police force or court acts on others only ("held in contempt of Congress" by Congress is
    no act), and on no one is no act (the caller drops it)."""
    targets, rule = found
    if source_rule.startswith(IMPLIED_RULE):
        # "a man was charged": the man, not the place the charge is brought in
        person = person_target(verb, sources[0], mentions)
        if person:
            return person, "person"
        targets = [t for t in targets if not same_party(t, sources[0])]
        subject = passive_patient(verb)
        if not targets and subject is not None:  # "held in contempt of Congress": the held
            held = [t for t in mentions.head_mentions(subject) if not same_party(t, sources[0])]
            targets, rule = held, "passive-subject" if held else rule
    if not targets and code[:2] in ASKING_ROOTS:
        public = public_addressee(verb, sources)
        if public:  # "urged residents to stay indoors": the asker's own civilians
            return public, "public addressed"
    if not targets:  # "resigned in response to the protests": aimed at the protesters
        answered = protest_concession_target(verb, code, sources)
        if answered:
            return answered, "protests answered"
    if not targets and code.startswith(IMPEACHMENT_CODE):
        # "the House passed two articles of impeachment": the one impeached told before
        earlier = impeached_before(verb, mentions, sources)
        if earlier:
            return earlier, "impeached before"
    if not targets and code[:2] == DEMAND_ROOT:
        # "authorized subpoenas for documents on the administration's decision": whose it is
        owners = owner_targets(verb, mentions, sources)
        if owners:
            return owners, "owner"
    if code[:2] == DISAPPROVAL_ROOT and only_courts(targets, code):
        # "petitioned the court for a ruling on X's decree": X is sued, not the court
        authored = authored_targets(verb, mentions, sources)
        if authored:
            return authored, "authored"
    if not targets:  # "police arrested Tom Reed", "Tom Reed was shot by police" (private.py)
        victims = private_victims(verb, code, mentions, list(sources))
        if not victims and source_rule in (PRIVATE_RULE, CONVICTED_RULE):
            victims = people_stabbed(verb, sources[0], PERSON_NOUNS, mentions)
        return (victims, PRIVATE_RULE) if victims else (targets, rule)
    return targets, rule


def public_addressee(verb: Token, sources: Sequence[MentionLike]) -> list[MentionLike]:
    """The civilians of the asker's country when an appeal or demand addresses the public
    ("asked residents to leave", "called on drivers to slow down"); none when the asker has
    no country."""
    country = sources[0].actor.country if sources else None
    if country is None:
        return []
    addressees = [c for c in verb.children if c.dep_ in OBJECT_DEPS | {"dative"}]
    addressees += prep_objects(verb, ADDRESSEE_PREPS)
    for noun in addressees:
        if noun.lower_ in PUBLIC_NOUNS:
            actor = Actor(country + CIVILIANS, noun.text, country, CIVILIANS)
            return [PlacedActor(noun.i, noun.i + 1, actor, "public addressed")]
    return []


def authored_targets(
    verb: Token, mentions: MentionIndex, sources: Sequence[MentionLike]
) -> list[MentionLike]:
    """The author of the act a disapproval is against: the "by" agent or the relative
    clause's subject of a noun in the verb's phrases, nearest first (at most three
    prepositional steps down, not into other clauses)."""
    frontier = [c for c in verb.children if c.dep_ in OBJECT_DEPS or c.dep_ == "prep"]
    for _ in range(AUTHOR_DEPTH):
        nouns: list[Token] = []
        for token in frontier:
            nouns += [token] if token.pos_ in NOUNS else prep_objects_of(token)
        for noun in nouns:
            for author in authors_of(noun):
                found = [m for m in mentions.head_mentions(author) if m not in sources]
                if found:
                    return found
        frontier = [c for n in nouns for c in n.children if c.dep_ == "prep"]
    return []


def owner_targets(
    verb: Token, mentions: MentionIndex, sources: Sequence[MentionLike]
) -> list[MentionLike]:
    """The first possessor inside the verb's object ("the administration's decision") that is
    an actor other than the source: whom a demand for what it holds is aimed at."""
    for obj in (c for c in verb.children if c.dep_ in OBJECT_DEPS):
        for token in obj.subtree:
            if token.dep_ != "poss":
                continue
            found = [m for m in mentions.head_mentions(token) if m not in sources]
            if found:
                return found
    return []


def only_courts(targets: Sequence[MentionLike], code: str) -> bool:
    """Whether an act has no target, or is a lawsuit aimed only at the court it is brought
    before (whom it is against is then named elsewhere)."""
    return not targets or (code == LAWSUIT and all(t.actor.sector == COURTS for t in targets))


def prep_objects_of(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"] if prep.dep_ == "prep" else []


def _place_heads(verb: Token, subject: Token | None) -> Sequence[Token]:
    heads = [p for p in prep_objects(verb, PLACE_PREPS) if p.pos_ == "PROPN"]
    if subject is not None:
        heads += [p for p in prep_objects(subject, PLACE_PREPS) if p.pos_ == "PROPN"]
    return heads
