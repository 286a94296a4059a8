"""Modality (asserted, negated, hypothetical, future, question), attribution, and the cue file."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from dyadwatch.coding.modality.classify import attribution_of, modality_of
from dyadwatch.dictionaries.modality_cues import default_cues, load_cues
from dyadwatch.errors import DictionaryError


def word(doc: Doc, text: str, nth: int = 0) -> Token:
    return [t for t in doc if t.text == text][nth]


def modality(nlp: Language, sentence: str, verb: str) -> str:
    return modality_of(word(nlp(sentence), verb))


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Troops did not attack the village.", "attack"),
        ("Rebels never visited the capital.", "visited"),
        ("No soldiers entered the town.", "entered"),
        ("Nobody fired at the convoy.", "fired"),
        ("The government denied sending troops to the border.", "sending"),
        ("The minister denied that soldiers had crossed the border.", "crossed"),
        ("Iran refused to meet the envoy.", "meet"),
        ("The two sides failed to reach an agreement.", "reach"),
        ("Police prevented protesters from entering the square.", "entering"),
        ("Troops took the town without firing a shot.", "firing"),
        ("The premier ruled out sending troops.", "sending"),
        ("Troops did not leave the town but shelled the outskirts.", "leave"),
        ("China will not attack Taiwan.", "attack"),  # negation outranks future
        ("The army denied the attack.", "attack"),  # a noun event
        ("No talks were held.", "talks"),
        ("The planned summit was cancelled.", "summit"),
    ],
)
def test_negated(nlp: Language, sentence: str, verb: str) -> None:
    assert modality(nlp, sentence, verb) == "negated"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Tokyo might impose sanctions.", "impose"),
        ("The army could withdraw.", "withdraw"),
        ("Seoul should respond.", "respond"),
        ("The council must act.", "act"),
        ("This would ease tensions.", "ease"),
        ("If the talks fail, the army would attack.", "fail"),
        ("If the talks fail, the army would attack.", "attack"),
        ("Unless Iran complies, the EU will impose sanctions.", "complies"),
        (
            "Unless Iran complies, the EU will impose sanctions.",
            "impose",
        ),  # conditional main clause
        ("The UN urged both sides to halt the fighting.", "halt"),
        ("Protesters called on the government to resign.", "resign"),
        ("Tokyo threatened to impose sanctions.", "impose"),
        ("The navy entered the bay in order to protect shipping.", "protect"),
        ("The ministry might sign the deal and publish the text.", "publish"),  # shares "might"
        ("Seoul wants to join the talks.", "join"),
        ("The envoy asked whether talks would resume.", "resume"),
        ("Officials asked whether China attacked the ship.", "attacked"),  # indirect question
        ("The spokesman did not say that the army attacked.", "attacked"),  # unasserted report
        ("Japan might pass laws that restrict exports.", "restrict"),
        ("Kishi warned that China could invade.", "invade"),
        ("Protesters called for talks.", "talks"),
        ("A possible attack worried officials.", "attack"),
        ("Japan has to act now.", "act"),
        # the condition is on what was threatened or said, not on the threat itself
        ("Hezbollah threatened to shell the port if Israel hits Beirut.", "shell"),
        ("Officials said the army would retaliate if rebels attacked.", "attacked"),
    ],
)
def test_hypothetical(nlp: Language, sentence: str, verb: str) -> None:
    assert modality(nlp, sentence, verb) == "hypothetical"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The envoy will visit Seoul.", "visit"),
        ("The president is to visit Japan next month.", "visit"),
        ("Leaders are set to meet in Geneva.", "meet"),
        ("China is going to hold drills.", "hold"),
        ("The army plans to deploy more troops.", "deploy"),
        ("Ministers are expected to sign the deal.", "sign"),
        ("The leaders agreed to hold talks.", "hold"),
        ("Beijing is likely to respond.", "respond"),
    ],
)
def test_future(nlp: Language, sentence: str, verb: str) -> None:
    assert modality(nlp, sentence, verb) == "future"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Did China attack the ship?", "attack"),
        ("Why would Beijing send ships?", "send"),
        ("Will the army withdraw and hand over the base?", "hand"),
        ('The minister asked: "Will China attack?"', "attack"),
    ],
)
def test_question(nlp: Language, sentence: str, verb: str) -> None:
    assert modality(nlp, sentence, verb) == "question"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Rebels shelled the airport on Monday.", "shelled"),
        ("Officials said troops had attacked the village.", "attacked"),  # reported, asserted
        ("The army continued to patrol the border.", "patrol"),
        ("Japan not only protested but also recalled its envoy.", "protested"),  # "not only"
        ("Troops did not leave the town but shelled the outskirts.", "shelled"),  # own tense
        ("Japan might sanction the company that attacked the ships.", "attacked"),  # past fact
        ("Although talks failed, the two sides met again.", "failed"),
        ("Leaders held talks in Oslo.", "talks"),
        # the appeal, refusal, threat or plan itself is an asserted event
        ("The UN urged both sides to halt the fighting.", "urged"),
        ("Iran refused to meet the envoy.", "refused"),
        ("Tokyo threatened to impose sanctions.", "threatened"),
        ("The army plans to deploy more troops.", "plans"),
        ("The government denied sending troops to the border.", "denied"),
        ('The minister asked: "Will China attack?"', "asked"),
        ("Hezbollah threatened to shell the port if Israel hits Beirut.", "threatened"),
        ("The envoy released a record of a call made by the president.", "made"),
        ("It took five hours to gain control of the fire.", "gain"),
        ("The judge went on to say that the men had lied.", "say"),
    ],
)
def test_asserted(nlp: Language, sentence: str, verb: str) -> None:
    assert modality(nlp, sentence, verb) == "asserted"


# --- attribution --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verb", "speaker"),
    [
        ("Officials said troops had attacked the village.", "attacked", "Officials"),
        ("According to the ministry, rebels shelled the airport.", "shelled", "ministry"),
        ("According to a police report, rebels shelled the airport.", "shelled", "police"),
        ("Rebels shelled the airport, officials said.", "shelled", "officials"),
        ("State media reported that the army had withdrawn.", "withdrawn", "media"),
        ("Kishi warned that China could invade.", "invade", "Kishi"),
        ("The ministry's statement said rebels had fired rockets.", "fired", "ministry"),
        ("A statement from the ministry said rebels had fired rockets.", "fired", "ministry"),
        ("It was reported by state media that the army had withdrawn.", "withdrawn", "media"),
        ("They accused Russia of shelling the plant.", "shelling", "They"),
        ("The government denied sending troops.", "sending", "government"),
        ("Officials said China accused Russia of shelling the plant.", "shelling", "China"),
        ("Officials said China accused Russia of shelling the plant.", "accused", "Officials"),
        ("The ministry confirmed the raid and said that troops had killed two men.", "killed",
         "ministry"),
        ("Officials said on Monday that troops attacked the town and burned the market.", "burned",
         "Officials"),
    ],
)  # fmt: skip
def test_attribution_names_the_speaker(
    nlp: Language, sentence: str, verb: str, speaker: str
) -> None:
    found = attribution_of(word(nlp(sentence), verb))
    assert found is not None and found.text == speaker


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Troops attacked the village.", "attacked"),
        ("Officials said troops had attacked the village.", "said"),
        ("They accused Russia of shelling the plant.", "accused"),
        ("Kishi warned about the threat and called on allies to act.", "called"),
        ("Kishi warned about the threat and called on allies to act.", "act"),
    ],
)
def test_no_attribution_outside_reported_speech(nlp: Language, sentence: str, verb: str) -> None:
    assert attribution_of(word(nlp(sentence), verb)) is None


# --- the cue dictionary -------------------------------------------------------------------


def test_packaged_cues_load_with_their_effects() -> None:
    cues = default_cues()
    assert cues.effects("verb", "deny", "xcomp") == {"negated", "report"}
    assert cues.effects("verb", "say", "ccomp") == {"report"}
    assert cues.effects("aux", "might") == {"hypothetical"}
    assert cues.is_conditional_mark("if") and not cues.is_conditional_mark("whether")


def test_conditional_cues_need_their_condition() -> None:
    cues = default_cues()
    assert cues.effects("verb", "set", "xcomp") == frozenset()
    assert cues.effects("verb", "set", "xcomp", passive=True) == {"future"}
    assert cues.effects("verb", "go", "xcomp", progressive=True) == {"future"}


HEADER = "cue\tkind\tslot\teffect\twhen\texample\n"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("deny\tverbb\txcomp\tnegated\t\tx\n", "unknown kind"),
        ("deny\tverb\txcomp\tdenied\t\tx\n", "unknown effect"),
        ("deny\tverb\tobject\tnegated\t\tx\n", "not valid for kind"),
        ("might\taux\txcomp\thypothetical\t\tx\n", "takes slot '-'"),
        ("say\tverb\tccomp\tsource\t\tx\n", "source_noun"),
        ("say\tverb\tccomp\treport\tconditional\tx\n", "for kind 'mark' only"),
        ("set\tverb\txcomp\tfuture\tsometimes\tx\n", "unknown condition"),
        ("in order\tnoun\tacl\thypothetical\t\tx\n", "one lower-case word"),
        ("say\tverb\tccomp\treport\t\tx\nsay\tverb\tccomp\treport\t\ty\n", "duplicate"),
    ],
)
def test_bad_cue_rows_are_rejected_with_file_and_line(
    tmp_path: Path, row: str, message: str
) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text("# comment\n" + HEADER + row, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message) as info:
        load_cues(path)
    assert info.value.path == str(path) and info.value.line in (3, 4)


def test_cue_file_without_required_columns_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text("cue\tkind\tslot\nsay\tverb\tccomp\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="effect"):
        load_cues(path)


# --- the seed page ------------------------------------------------------------------------

SPECULATIVE = (
    "Even though there is no formal diplomatic relationship",
    "This could take the form of",
    "In addition to the US-Japan military alliance",
    "If the Strait becomes increasingly unstable",
    "Japan should use the operational framework",
    "This would allow the two nations",
)


@pytest.fixture(scope="module")
def seed_doc(nlp: Language, seed_path: Path) -> Doc:
    return nlp(seed_path.read_text(encoding="utf-8"))


def seed_sentence_verbs(doc: Doc, start: str) -> list[Token]:
    sent = next(s for s in doc.sents if s.text.strip().startswith(start))
    return [t for t in sent if t.pos_ == "VERB"]


@pytest.mark.parametrize("start", SPECULATIVE)
def test_seed_speculative_sentences_assert_nothing(seed_doc: Doc, start: str) -> None:
    verbs = seed_sentence_verbs(seed_doc, start)
    assert verbs
    assert {t.text: modality_of(t) for t in verbs if modality_of(t) == "asserted"} == {}


@pytest.mark.parametrize(
    ("start", "verb"),
    [
        ("In an interview with the Financial Times", "warned"),
        ("In an interview with the Financial Times", "called"),
        ("As early as 2004", "intruded"),
        ("As early as 2004", "entered"),
        ("As of the end of last month", "cruised"),
    ],
)
def test_seed_reported_facts_are_asserted(seed_doc: Doc, start: str, verb: str) -> None:
    token = next(t for t in seed_sentence_verbs(seed_doc, start) if t.text == verb)
    assert modality_of(token) == "asserted"


def test_seed_reported_speech_is_attributed_to_kishi(seed_doc: Doc) -> None:
    token = next(t for t in seed_sentence_verbs(seed_doc, "Kishi also said") if t.text == "tipping")
    speaker = attribution_of(token)
    assert speaker is not None and speaker.text == "Kishi"
