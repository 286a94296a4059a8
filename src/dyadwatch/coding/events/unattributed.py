"""Attacks the text names no perpetrator for.

"A roadside bomb near the town of X killed three soldiers", "two policemen were killed in a
car bomb explosion in Y": the weapon is the grammatical agent, or the victims are killed in
an explosion, and no actor did it. Such an attack is still an event: CAMEO codes an unknown
perpetrator as the unidentified armed force (``UAF``) of the country where it struck, so the
source is ``<country>UAF`` of the attack's place, and the target the victims (or, when they are
not actors, the place's country, as for any force with no named target: records.py).

(What only a state does to people, told in the passive with no agent, "two US journalists
were arrested in Iran", is the police's or the courts' of the place: implied.py.)

Only acts with no actor at all are handled here: when the verb already has a source (a
named group, "gunmen"), or the attack's own phrase names someone ("a Hamas car bomb"), nothing
is added. Pure over the parse; the coder adds the candidates to the extractor's.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dyadwatch.coding.clauses import prep_objects
from dyadwatch.coding.events.attack_places import is_attack_place
from dyadwatch.coding.events.candidates import EventCandidate, one_word_candidate
from dyadwatch.coding.events.mentions import ComposedMention, MentionIndex, MentionLike
from dyadwatch.coding.places.placer import Placer, Toponym
from dyadwatch.model import Actor

# verbs of harm whose agent may be a weapon: "the blast killed", "was wounded by a mine"
HARM_VERBS = frozenset({"kill", "wound", "injure", "maim"})
# verbs of striking, whose object may be only a place: "twin bombings struck a cathedral"; an
# attack with neither victims nor a place is none of ours ("vehicles were hit by gunfire")
STRIKE_VERBS = frozenset({"strike", "hit", "rock"})
UNIDENTIFIED_FORCE = "UAF"
ENTRY = "unattributed"
# the code of an attack by what did it: explosives (183: non-military bombing; 1831-1833
# suicide, vehicle, roadside), mines (190, conventional military force), artillery (194),
# and any other attack (180: unconventional violence)
BOMB_CODE = "183"
ANY_ATTACK = "180"
BOMB_KINDS = {"suicide": "1831", "car": "1832", "vehicle": "1832", "truck": "1832",
              "roadside": "1833"}  # fmt: skip
WEAPONS = {
    **dict.fromkeys(
        ("bomb", "bombing", "explosion", "blast", "device", "ied", "explosive", "grenade"),
        BOMB_CODE,
    ),
    **dict.fromkeys(("mine", "landmine", "minefield"), "190"),
    **dict.fromkeys(("shell", "shelling", "mortar", "rocket", "artillery"), "194"),
    **dict.fromkeys(("attack", "ambush", "gunfire", "shooting"), "180"),
}
# prepositions of the passive phrase that names the weapon: "killed in a blast", "by a mine"
WEAPON_PREPS = frozenset({"in", "by"})
# verbs that name the weapon themselves: an agentless passive of one ("two guards were
# stabbed", "were shot") is an attack by someone the text does not name, aimed at the victims
ARMED_HARM_VERBS = {"stab": "182", "shoot": "180"}
# verbs that deliver a bomb or a projectile: "a car bomb exploded outside a police station", "a
# truck bomb was rammed into a base", "rockets were fired at the embassy"; with no actor behind
# the weapon, the attack is the unidentified force's on what it was aimed at, else on the
# country of the place ("go" and "set" only with "off")
DELIVERY_VERBS = frozenset({"explode", "detonate", "ram", "drive", "crash", "fire", "launch",
                            "lob", "hurl", "throw", "plant", "go", "set"})  # fmt: skip
OFF_VERBS = frozenset({"go", "set"})
# the phrases of a delivery verb that name what the weapon was aimed at
AIMED_PREPS = frozenset({"into", "at", "on", "outside", "near", "against"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def unattributed_events(
    doc: Doc,
    index: MentionIndex,
    found: Sequence[EventCandidate],
    placer: Placer,
    doc_countries: Sequence[str],
) -> list[EventCandidate]:
    """Candidates, in one pass over ``doc``, for the harm verbs done by a weapon with no actor
    behind it, each placed in a country; ``found`` are the candidates already extracted."""
    taken = {c.predicate.i for c in found}
    out: list[EventCandidate] = []
    for number, sentence in enumerate(doc.sents):
        for verb in sentence:
            if verb.i in taken or verb.pos_ != "VERB":
                continue
            if verb.lemma_.lower() in HARM_VERBS | STRIKE_VERBS:
                out += _attack(verb, number, index, placer, doc_countries)
            elif verb.lemma_.lower() in ARMED_HARM_VERBS:
                out += _armed_attack(verb, number, index, placer, doc_countries)
            elif verb.lemma_.lower() in DELIVERY_VERBS:
                out += _delivered_attack(verb, number, index, placer, doc_countries)
    return out


def _attack(
    verb: Token, number: int, index: MentionIndex, placer: Placer, doc_countries: Sequence[str]
) -> list[EventCandidate]:
    """The harm verb's attack by the unidentified force of the struck country, one candidate
    per victim (or, when the victims are no actors, aimed at the country struck); none when an
    actor did it or no country is known."""
    weapon, victim = _weapon_and_victim(verb)
    if weapon is None or _names_actor(weapon, index):
        return []
    place = _attack_place(verb, victim, placer, doc_countries)
    if place is None:
        return []
    country = place.place.country
    assert country is not None
    source = _unidentified_force(weapon, country)
    targets: list[MentionLike | None] = list(index.head_mentions(victim)) if victim else []
    entry = f"{ENTRY}:{weapon.lemma_.lower()}"
    code = _code(weapon)
    if not targets and code != ANY_ATTACK:
        # "a bomb killed five", "twin bombings struck a cathedral": the country struck (not
        # for a shooting, crime news unless actors are hit)
        actor = Actor(code=country, name=place.place.name, country=country)
        struck = ComposedMention(place.start, place.end, place.end - 1, actor, "place struck")
        return [_candidate(verb, number, code, entry, source, struck, "place")]
    return [
        _candidate(verb, number, code, entry, source, target, "victim")
        for target in targets or ([] if verb.lemma_.lower() in STRIKE_VERBS else [None])
    ]


def _armed_attack(
    verb: Token, number: int, index: MentionIndex, placer: Placer, doc_countries: Sequence[str]
) -> list[EventCandidate]:
    """An agentless passive of a verb that names its weapon ("three officers were stabbed"),
    by the unidentified force of the place or else of the victims' country; only when the
    victims are actors (a bare "a man was stabbed" is crime news, not a political event)."""
    children = list(verb.children)
    if any(c.dep_ in ("nsubj", "agent") for c in children):
        return []
    victim = next((c for c in children if c.dep_ == "nsubjpass"), None)
    targets = list(index.head_mentions(victim)) if victim is not None else []
    if not targets:
        return []
    place = _attack_place(verb, victim, placer, doc_countries)
    country = place.place.country if place is not None else targets[0].actor.country
    if country is None:
        return []
    source = _unidentified_force(verb, country)
    entry = f"{ENTRY}:{verb.lemma_.lower()}"
    code = ARMED_HARM_VERBS[verb.lemma_.lower()]
    return [_candidate(verb, number, code, entry, source, target, "victim") for target in targets]


def _delivered_attack(
    verb: Token, number: int, index: MentionIndex, placer: Placer, doc_countries: Sequence[str]
) -> list[EventCandidate]:
    """A bomb or projectile that went off or was sent at something, no actor named behind it
    ("a car bomb exploded outside the police station in X", "a truck bomb was rammed into a
    base", "rockets were fired at the US embassy"): by the unidentified force of the place,
    aimed at the actors the aimed phrase names, else at the place's country. The weapon is the
    subject (of the intransitive or of the agentless passive); a named subject that fired it
    is an actor's own act (the dictionaries)."""
    children = list(verb.children)
    if verb.lemma_.lower() in OFF_VERBS and not any(
        c.dep_ == "prt" and c.lower_ == "off" for c in children
    ):
        return []
    if any(c.dep_ == "agent" for c in children):
        return []
    weapon = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if weapon is None:
        weapon = _split_passive_subject(verb)
    if weapon is None or not _is_weapon(weapon) or _code(weapon) == ANY_ATTACK:
        return []
    if weapon.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in children):
        return []  # "the bomb destroyed the bridge": a harm verb's business, not delivery
    if _names_actor(weapon, index):
        return []
    aimed: list[MentionLike] = []
    spans: list[range] = []  # the aimed phrases
    for prep in children:
        if prep.dep_ != "prep" or prep.lower_ not in AIMED_PREPS:
            continue
        if any(c.ent_type_ in TIME_ENTITIES for c in prep.children):
            continue  # "on Friday": when, not what
        spans.append(range(prep.left_edge.i, prep.right_edge.i + 1))
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            phrase = [t for left in pobj.lefts for t in left.subtree] + [pobj]
            # "at the headquarters of the British army": whose it is
            for owner in prep_objects(pobj, ("of",)):
                phrase += [t for left in owner.lefts for t in left.subtree] + [owner]
            aimed += _phrase_actors(phrase, index, aimed)
    if not spans and not _code(weapon).startswith(BOMB_CODE):
        return []  # a rocket or shell launched at nothing named: a launch, not an attack
    place = _attack_place(verb, None, placer, doc_countries)
    country = place.place.country if place is not None else None
    if country is None and aimed:
        country = aimed[0].actor.country
    if country is None:
        return []
    source = _unidentified_force(weapon, country)
    entry = f"{ENTRY}:{weapon.lemma_.lower()}"
    code = _code(weapon)
    if aimed:
        placed = [_placed(m, country) for m in aimed]
        return [_candidate(verb, number, code, entry, source, t, "aimed-at") for t in placed]
    if place is None or not _struck_place(verb, place.start, spans):
        return []
    actor = Actor(code=country, name=place.place.name, country=country)
    struck = ComposedMention(place.start, place.end, place.end - 1, actor, "place struck")
    return [_candidate(verb, number, code, entry, source, struck, "place")]


def _phrase_actors(
    phrase: list[Token], index: MentionIndex, known: list[MentionLike]
) -> list[MentionLike]:
    """The actors one aimed phrase names; a bare agent there takes the country named with it
    ("the headquarters of the British Rhine army" -> the British army, not two actors)."""
    found: list[MentionLike] = []
    for token in phrase:
        mention = index.at(token)
        if mention is not None and mention not in known and mention not in found:
            found.append(mention)
    countries = [m for m in found if m.actor.country is not None and m.actor.sector is None]
    bare = [m for m in found if m.actor.country is None and m.actor.code == m.actor.sector]
    if len(countries) != 1 or not bare:
        return found
    country = countries[0].actor.country
    assert country is not None
    return [_placed(m, country) if m in bare else m for m in found if m is not countries[0]]


def _struck_place(verb: Token, start: int, spans: list[range]) -> bool:
    """Whether the place at ``start`` is where the weapon struck: inside the phrase it was
    aimed at when there is one ("at a market in Kabul"; not "fired at it from Gaza"), never
    where it came from."""
    if spans:
        return any(start in span for span in spans)
    origins = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"]
    return not any(o.left_edge.i <= start <= o.right_edge.i for o in origins)


def _placed(mention: MentionLike, country: str) -> MentionLike:
    """A bare agent aimed at ("a police compound in X") is the struck country's own."""
    actor = mention.actor
    if actor.country is not None or actor.sector is None or actor.code != actor.sector:
        return mention
    placed = Actor(code=country + actor.sector, name=actor.name, country=country,
                   sector=actor.sector)  # fmt: skip
    head = getattr(mention, "head", mention.end - 1)
    return ComposedMention(mention.start, mention.end, head, placed, f"{mention.rule} in {country}")


def _split_passive_subject(verb: Token) -> Token | None:
    """The subject of a passive the parser split at an adverbial between "was" and the
    participle ("a car bomb was on Monday rammed into ..." parsed as "was" with the participle
    hanging on it): the subject of that "be"."""
    head = verb.head
    if verb.tag_ not in ("VBN", "VBD") or head.i == verb.i or head.lemma_ != "be":
        return None
    if verb.dep_ not in ("advcl", "conj", "xcomp") or not head.i < verb.i <= head.i + 4:
        return None
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _candidate(
    verb: Token,
    number: int,
    code: str,
    entry: str,
    source: MentionLike,
    target: MentionLike | None,
    target_rule: str,
) -> EventCandidate:
    rules = ("unattributed", target_rule if target is not None else "")
    return one_word_candidate(verb, number, code, entry, source, target, rules)


def _weapon_and_victim(verb: Token) -> tuple[Token | None, Token | None]:
    """The weapon that did the harm and the victims: the subject and object of "a bomb killed
    two soldiers"; the "by"/"in" phrase and the subject of "were killed in a blast"."""
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if subject is not None:
        victim = next((c for c in children if c.dep_ == "dobj"), None)
        return (subject if _is_weapon(subject) else None), victim
    victim = next((c for c in children if c.dep_ == "nsubjpass"), None)
    for prep in children:
        if prep.dep_ in ("agent", "prep") and prep.lower_ in WEAPON_PREPS:
            for noun in prep.children:
                if noun.dep_ == "pobj" and _is_weapon(noun):
                    return noun, victim
    return None, victim


def _attack_place(
    verb: Token, victim: Token | None, placer: Placer, doc_countries: Sequence[str]
) -> Toponym | None:
    """Where in a country the attack struck: the clause's place, else the first place named
    in the clause outside the victims' phrase ("killed in an explosion in a district of
    eastern Beirut", "a Kabul car bombing killed five"; not the "US" of "US servicemen")."""
    place = placer.locate_toponym(verb, doc_countries)
    if place is not None and place.place.country is not None:
        return place
    victims = {t.i for t in victim.subtree} if victim is not None else set()
    for toponym in placer.places_in(verb.doc, doc_countries):
        inside = verb.left_edge.i <= toponym.start <= verb.right_edge.i
        if inside and toponym.start not in victims and toponym.place.country is not None:
            return toponym
    return None


def _is_weapon(noun: Token) -> bool:
    return noun.lemma_.lower() in WEAPONS or noun.lower_ in WEAPONS


def _names_actor(weapon: Token, index: MentionIndex) -> bool:
    """Whether the weapon's own phrase names who used it ("a Hamas car bomb", "an attack by
    rebels"): then it is not unattributed (and not ours to code)."""
    phrase = [t for left in weapon.lefts for t in left.subtree]
    for prep in weapon.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            phrase += list(prep.subtree)
    return any(
        mention is not None and not is_attack_place(weapon, mention)
        for mention in (index.at(t) for t in phrase)
    )


def _code(weapon: Token) -> str:
    code = WEAPONS.get(weapon.lemma_.lower()) or WEAPONS.get(weapon.lower_, "180")
    for left in weapon.lefts:  # "a mine explosion", "a rocket attack": the weapon named first
        if left.dep_ == "compound" and WEAPONS.get(left.lemma_.lower(), BOMB_CODE) != BOMB_CODE:
            return WEAPONS[left.lemma_.lower()]
    if code != BOMB_CODE:
        return code
    kinds = [BOMB_KINDS[t.lower_] for t in weapon.lefts if t.lower_ in BOMB_KINDS]
    return kinds[0] if kinds else code


def _unidentified_force(weapon: Token, country: str) -> ComposedMention:
    phrase = weapon.doc[weapon.left_edge.i : weapon.i + 1]
    actor = Actor(
        code=country + UNIDENTIFIED_FORCE,
        name=phrase.text,
        country=country,
        sector=UNIDENTIFIED_FORCE,
    )
    rule = f"{weapon.lemma_.lower()} in {country}"
    return ComposedMention(phrase.start, phrase.end, weapon.i, actor, rule, frozenset())
