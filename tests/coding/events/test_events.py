"""Event extraction over the dependency parse, with a small actor-recognizer double.

The double knows a handful of names (below), so these tests exercise the extraction rules
only; the real recognizer is used in test_coder.py. Sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dyadwatch.coding.events.extractor import EventExtractor
from dyadwatch.coding.events.mentions import MentionIndex
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.model import Actor

# phrase -> (actor code, country, sector); longest phrase wins
NAMES: dict[str, tuple[str, str | None, str | None]] = {
    "china": ("CHN", "CHN", None),
    "chinese": ("CHN", "CHN", None),
    "beijing": ("CHNGOV", "CHN", "GOV"),
    "chinese warships": ("CHNMIL", "CHN", "MIL"),
    "french": ("FRA", "FRA", None),
    "egyptian warships": ("EGYMIL", "EGY", "MIL"),
    "chinese navy submarine": ("CHNMIL", "CHN", "MIL"),
    "japan": ("JPN", "JPN", None),
    "japanese": ("JPN", "JPN", None),
    "australia": ("AUS", "AUS", None),
    "russia": ("RUS", "RUS", None),
    "russian": ("RUS", "RUS", None),
    "russian diplomat": ("RUSGOV", "RUS", "GOV"),
    "georgia": ("GEO", "GEO", None),
    "ukraine": ("UKR", "UKR", None),
    "israel": ("ISR", "ISR", None),
    "israeli soldiers": ("ISRMIL", "ISR", "MIL"),
    "iran": ("IRN", "IRN", None),
    "syria": ("SYR", "SYR", None),
    "lebanon": ("LBN", "LBN", None),
    "turkey": ("TUR", "TUR", None),
    "france": ("FRA", "FRA", None),
    "germany": ("DEU", "DEU", None),
    "jordan": ("JOR", "JOR", None),
    "nepal": ("NPL", "NPL", None),
    "taiwan": ("TWN", "TWN", None),
    "hamas": ("PSEREB", "PSE", "REB"),
    "the un": ("IGOUNO", None, None),
    "rebels": ("REB", None, "REB"),
    "militia": ("REB", None, "REB"),
    "police": ("COP", None, "COP"),
    "protesters": ("CVL", None, "CVL"),
}


@dataclass(frozen=True)
class FakeMention:
    start: int
    end: int
    head: int
    actor: Actor
    rule: str
    flags: frozenset[str] = frozenset()


class FakeRecognizer:
    """Implements the recognizer interface the coder uses, over the NAMES table."""

    def find(self, doc: Doc, when: dt.date | None = None) -> list[FakeMention]:
        lowered = [t.lower_ for t in doc]
        out: list[FakeMention] = []
        i = 0
        while i < len(doc):
            for n in (3, 2, 1):
                key = " ".join(lowered[i : i + n])
                if key in NAMES:
                    code, country, sector = NAMES[key]
                    actor = Actor(code, key, country, sector)
                    out.append(FakeMention(i, i + n, i + n - 1, actor, f"fake:{key}"))
                    i += n
                    break
            else:
                i += 1
        return out

    def at_date(self, mention: FakeMention, when: dt.date | None) -> Actor:
        return mention.actor

    def could_mention_actor(self, text: str) -> bool:
        return True


Triple = tuple[str, str, str | None]


@pytest.fixture(scope="module")
def extract(nlp: Language) -> Callable[[str], list[Triple]]:
    extractor = EventExtractor(default_verbs())
    recognizer = FakeRecognizer()

    def run(text: str) -> list[Triple]:
        doc = nlp(text)
        candidates = extractor.extract(doc, MentionIndex(recognizer.find(doc)))
        return [
            (c.source.actor.code, c.code, c.target.actor.code if c.target else None)
            for c in candidates
        ]

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active clause: subject -> object; a state's armed violence is conventional (19)
        ("Russia attacked Georgia.", ("RUS", "190", "GEO")),
        # passive with agent: the agent is the source, the subject the target
        ("Georgia was attacked by Russia.", ("RUS", "190", "GEO")),
        ("The militia was funded by Iran.", ("IRN", "071", "REB")),
        # non-state violence is unconventional (18)
        ("Rebels attacked the police.", ("REB", "180", "COP")),
        # a target named by the adjective on a prepositional object
        ("Chinese warships intruded into Japanese waters.", ("CHNMIL", "150", "JPN")),
        ("Chinese warships entered waters near Japan.", ("CHNMIL", "150", "JPN")),
        # phrasal verbs with particles and prepositions
        ("The UN called on Israel to withdraw from Lebanon.", ("IGOUNO", "0256", "ISR")),
        ("Police cracked down on protesters.", ("COP", "175", "CVL")),
        # a relative clause: the noun it modifies is the source
        ("Israel condemned the rebels who attacked Jordan.", ("ISR", "111", "REB")),
        # partitive heads: "dozens of X" is X
        ("Dozens of Israeli soldiers raided the village.", ("ISRMIL", "190", None)),
        # apposition carries the actor
        ("Ivan Petrov, a Russian diplomat, criticized Ukraine.", ("RUSGOV", "111", "UKR")),
    ],
)
def test_extract_argument_structure(
    extract: Callable[[str], list[Triple]], text: str, expected: Triple
) -> None:
    assert expected in extract(text)


def test_extract_participle_misparsed_as_modifier_has_its_noun_as_source(
    extract: Callable[[str], list[Triple]],
) -> None:
    # the parser hangs "intruded" on "submarine" (acl) and gives "entered" two subjects
    text = (
        "In 2006, a Chinese navy submarine intruded into Japanese territorial waters, and "
        "the next year, Chinese warships entered the strait."
    )
    found = extract(text)
    assert ("CHNMIL", "150", "JPN") in found
    assert sum(1 for e in found if e[1] == "150") == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated subjects: one event per source
        ("Japan and Australia signed a treaty.", {("JPN", "057", None), ("AUS", "057", None)}),
        # coordinated verbs share subject and object
        ("Israel condemned and sanctioned Iran.", {("ISR", "111", "IRN"), ("ISR", "163", "IRN")}),
    ],
)
def test_extract_coordination(
    extract: Callable[[str], list[Triple]], text: str, expected: set[Triple]
) -> None:
    assert expected <= set(extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphenated pair names both sides of a meeting
        ("The Japan-Australia summit was held in Sydney.", ("JPN", "040", "AUS")),
        # a possessive gives a nominal event its source, "against" its target
        ("Beijing's military drills against Taiwan alarmed the region.", ("CHNGOV", "150", "TWN")),
        ("The talks between Russia and Ukraine ended.", ("RUS", "040", "UKR")),
    ],
)
def test_extract_nominal_events(
    extract: Callable[[str], list[Triple]], text: str, expected: Triple
) -> None:
    assert expected in extract(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # intent: the promised act selects the 03 sub-code, and is not an event itself
        ("Russia agreed to hold talks with Ukraine.", [("RUS", "036", "UKR")]),
        ("Turkey pledged to provide humanitarian aid to Syria.", [("TUR", "0333", "SYR")]),
        # appeal and demand
        ("France urged Germany to send aid.", [("FRA", "023", "DEU")]),
        ("Iran demanded the release of the sailors.", [("IRN", "1053", None)]),
        # rejection of a yield
        ("Israel refused to lift the curfew.", [("ISR", "1241", None)]),
        # threat of a sanction
        ("Russia threatened to impose sanctions on Ukraine.", [("RUS", "1312", "UKR")]),
        # a promise to attack is a threat
        ("Russia vowed to attack Georgia.", [("RUS", "1384", "GEO")]),
        # nested: rejecting an offer of talks
        ("Iran rejected an offer of talks from France.", [("IRN", "125", "FRA")]),
        # a demand is addressed to whoever must act
        (
            "France demanded the withdrawal of Russian troops from Georgia.",
            [("FRA", "1056", "RUS")],
        ),
        # a rejected proposal is aimed at whoever made it
        ("Iran rejected a Russian proposal for talks.", [("IRN", "125", "RUS")]),
    ],
)
def test_extract_frames_code_the_framing_act_only(
    extract: Callable[[str], list[Triple]], text: str, expected: list[Triple]
) -> None:
    assert extract(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # light verbs take the code of their event noun
        ("The police imposed a curfew on the city.", ("COP", "1723", None)),
        ("Israeli soldiers launched air strikes against Hamas.", ("ISRMIL", "195", "PSEREB")),
        ("Japan held talks with China.", ("JPN", "040", "CHN")),
        # halting an act: lifting sanctions eases them, cutting aid reduces it
        ("Japan lifted sanctions on Iran.", ("JPN", "085", "IRN")),
        ("Germany cut aid to Jordan.", ("DEU", "162", "JOR")),
        # money given is economic aid
        ("Germany provided $5 million to Jordan.", ("DEU", "071", "JOR")),
        # a restriction imposed in a country lands on it
        ("The police imposed a curfew in Syria.", ("COP", "1723", "SYR")),
    ],
)
def test_extract_light_and_halt_verbs(
    extract: Callable[[str], list[Triple]], text: str, expected: Triple
) -> None:
    assert expected in extract(text)


def test_extract_object_of_pattern_is_not_the_target(
    extract: Callable[[str], list[Triple]],
) -> None:
    # "troops" is what is offered; Lebanon receives it
    assert extract("Syria offered its troops to Lebanon.") == [("SYR", "0334", "LBN")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reported speech: the reported event, not a statement
        ("Israel said Hamas attacked its soldiers.", [("PSEREB", "180", None)]),
        # a statement with nothing to report is a statement
        ("Japan said the situation was calm.", [("JPN", "010", None)]),
        # "X said Y must ...": a demand of Y
        ("France said Germany must withdraw its troops from Syria.", [("FRA", "1056", "DEU")]),
        # claiming one's own attack is a claim of responsibility, and the attack
        (
            "The rebels claimed they attacked Jordan.",
            [("REB", "015", None), ("REB", "180", "JOR")],
        ),
        # a denied act is not coded
        ("Iran denied that it attacked Israel.", [("IRN", "016", None)]),
        # a considered act is not coded
        ("Japan is considering imposing sanctions on Iran.", [("JPN", "014", None)]),
        # warning about a danger is a pessimistic comment; about a named actor's doing, a
        # criticism of it (test_class_of_act.py)
        ("Japan warned about rising sea levels.", [("JPN", "012", None)]),
        ("Japan warned about Chinese expansion.", [("JPN", "111", "CHN")]),
    ],
)
def test_extract_speech(
    extract: Callable[[str], list[Triple]], text: str, expected: list[Triple]
) -> None:
    assert extract(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a future cooperative act is an intent, a future conflict act a threat
        ("Japan will provide aid to Nepal.", [("JPN", "033", "NPL")]),
        ("Russia will attack Georgia.", [("RUS", "1384", "GEO")]),
        # a refused future cooperation is a rejection
        ("Japan will not lift the sanctions.", [("JPN", "1244", None)]),
        # a pronoun subject of a reported clause is the speaker
        ("Turkey said it will send aid to Syria.", [("TUR", "033", "SYR")]),
    ],
)
def test_extract_future_acts(
    extract: Callable[[str], list[Triple]], text: str, expected: list[Triple]
) -> None:
    assert extract(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a decided act is the act, dated and qualified by the decision
        ("Japan decided to lift sanctions on Iran.", ("JPN", "085", "IRN")),
        # "X, including Y": Y acts
        ("Critics, including France, condemned Russia.", ("FRA", "111", "RUS")),
        # a time phrase is no particle: a phone call, not "call on"
        ("Japan called Australia on Monday to discuss trade.", ("JPN", "041", "AUS")),
        # a perfect read as possession: "have for 20 days cruised" hangs "cruised" on "days"
        (
            "Chinese warships have for twenty consecutive days cruised through Japanese waters.",
            ("CHNMIL", "150", "JPN"),
        ),
        # a verb the tagger took for a noun still has its subject
        ("Japan rejects and condemns the decision.", ("JPN", "111", None)),
    ],
)
def test_extract_parse_repairs(
    extract: Callable[[str], list[Triple]], text: str, expected: Triple
) -> None:
    assert expected in extract(text)


def test_extract_approving_a_resolution_is_no_event_but_its_content_is(
    extract: Callable[[str], list[Triple]],
) -> None:
    found = extract("France approved a resolution condemning Russia.")
    assert found == [("FRA", "111", "RUS")]


def test_extract_coordinated_adjectives_are_two_actors_and_their_exercise_is_joint(
    extract: Callable[[str], list[Triple]],
) -> None:
    found = extract("French and Egyptian warships held naval exercises.")
    assert sorted(found) == [("EGYMIL", "062", None), ("FRAMIL", "062", None)]
    assert extract("Egyptian warships held naval exercises.") == [("EGYMIL", "150", None)]


def test_extract_agent_takes_country_from_its_phrase(
    extract: Callable[[str], list[Triple]],
) -> None:
    assert ("SYRREB", "180", "COP") in extract("Rebels in Syria attacked the police.")


@pytest.mark.parametrize(
    "text",
    [
        "Japan's security is important.",
        "The weather in Tokyo was cold on Monday.",
        "Japan and China are neighbours.",
        "An explosion killed three people.",  # no recognised source
    ],
)
def test_extract_no_event(extract: Callable[[str], list[Triple]], text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Japan said the talks were useful.", "01"),
        ("France appealed to Germany for help.", "02"),
        ("Turkey offered to mediate.", "03"),
        ("Japan visited China.", "04"),
        ("France praised Germany.", "05"),
        ("Russia shared intelligence with Iran.", "06"),
        ("Japan sent humanitarian aid to Nepal.", "07"),
        ("Israel released the prisoners.", "08"),
        ("Turkey investigated the killing.", "09"),
        ("Iran demanded compensation from Israel.", "10"),
        ("Japan criticized China.", "11"),
        ("Iran rejected the proposal.", "12"),
        ("Russia threatened Ukraine.", "13"),
        ("Protesters demonstrated against the government.", "14"),
        ("Russia deployed troops along the border.", "15"),
        ("Japan imposed sanctions on Iran.", "16"),
        ("Police arrested the protesters.", "17"),
        ("Rebels kidnapped two journalists.", "18"),
        ("Russia shelled the town.", "19"),
        ("The militia massacred villagers.", "20"),
    ],
)
def test_extract_each_root_class(
    extract: Callable[[str], list[Triple]], text: str, root: str
) -> None:
    codes = [code for _, code, _ in extract(text)]
    assert codes, "no event"
    assert codes[0][:2] == root


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle with a by-agent in a list of predicates: the agent funds the subject
        ("The militia was large, well trained and funded by Iran.", {("IRN", "071", "REB")}),
        # an agentless passive of giving: "with X from Y" names the provider
        (
            "The militia was supplied with missiles from Iran and Syria.",
            {("IRN", "072", "REB"), ("SYR", "072", "REB")},
        ),
        # a fronted participial adverbial describes the main clause's subject
        ("Armed with rifles from Russia, the rebels attacked the police.", {("RUS", "072", "REB")}),
    ],
)
def test_extract_passive_participles_take_the_agent_or_provider_as_source(
    extract: Callable[[str], list[Triple]], text: str, expected: set[Triple]
) -> None:
    found = {(s, c, t if t is None else t[-3:]) for s, c, t in extract(text)}
    assert expected <= found
    # the noun the participle describes receives the aid, it never gives it
    assert not any(s.endswith("REB") and c.startswith("07") for s, c, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the second item of a list is an event of its own, like the first
        (
            "This includes the Japan-Australia summit and the Russia-Ukraine talks.",
            {("JPN", "040", "AUS"), ("RUS", "040", "UKR")},
        ),
        (
            "The agenda listed the Japan-Australia summit in May, the China-Russia talks and the "
            "Japan-Taiwan meeting in June.",
            {("JPN", "040", "AUS"), ("CHN", "040", "RUS"), ("JPN", "040", "TWN")},
        ),
    ],
)
def test_extract_each_item_of_a_list_of_nominal_events(
    extract: Callable[[str], list[Triple]], text: str, expected: set[Triple]
) -> None:
    assert expected <= set(extract(text))
