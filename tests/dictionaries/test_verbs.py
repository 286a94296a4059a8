"""The verb dictionary: pattern syntax, validation with file:line errors, loading, frames."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.dictionaries.codebook import default_codebook
from dyadwatch.dictionaries.verbs import (
    FRAME_FILE,
    VERB_FILE,
    Phrase,
    VerbDictionary,
    default_verbs,
    parse_pattern,
    read_frame_file,
    read_verb_file,
)
from dyadwatch.errors import DictionaryError

HEADER = "code\tpattern\tframe\tstate_code\tjoint_code\n"


def write(tmp_path: Path, rows: str, name: str = VERB_FILE, header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + rows, encoding="utf-8")
    return path


def test_verbs_packaged_dictionary_covers_every_root_class() -> None:
    verbs = default_verbs()
    roots = {p.code[:2] for p in verbs.patterns if p.code}
    assert roots == {f"{r:02d}" for r in range(1, 21)}
    assert len(verbs) > 500


def test_verbs_packaged_codes_exist_in_codebook() -> None:
    codebook = default_codebook()
    for pattern in default_verbs().patterns:
        for code in (pattern.code, pattern.state_code):
            assert code is None or code in codebook, pattern.id


def test_verbs_version_changes_with_a_user_pattern(tmp_path: Path) -> None:
    packaged = VerbDictionary.load()
    assert len(packaged.version) == 12
    (tmp_path / "verbs.tsv").write_text(
        "code\tpattern\tframe\tstate_code\tjoint_code\n112\tscold\t\t\t\n", encoding="utf-8"
    )
    with_user = VerbDictionary.load(tmp_path)
    assert with_user.version != packaged.version
    assert VerbDictionary.load(tmp_path).version == with_user.version  # deterministic


@pytest.mark.parametrize(
    ("text", "head", "nominal", "particles", "objects", "actor", "after"),
    [
        ("say", ("say",), False, (), (), False, None),
        ("carry out", ("carry",), False, ("out",), (), False, None),
        ("crack down on", ("crack",), False, ("down", "on"), (), False, None),
        (
            "impose +sanction|embargo",
            ("impose",),
            False,
            (),
            (("sanction",), ("embargo",)),
            False,
            None,
        ),
        ("launch +air_strike", ("launch",), False, (), (("air", "strike"),), False, None),
        ("call +ACTOR", ("call",), False, (), (), True, None),
        ("accuse of +spying", ("accuse",), False, ("of",), (("spying",),), False, "of"),
        ("@state_of_emergency", ("state", "of", "emergency"), True, (), (), False, None),
        ("@cease-fire", ("cease", "fire"), True, (), (), False, None),
    ],
)
def test_verbs_parse_pattern(
    text: str,
    head: tuple[str, ...],
    nominal: bool,
    particles: tuple[str, ...],
    objects: tuple[tuple[str, ...], ...],
    actor: bool,
    after: str | None,
) -> None:
    parsed = parse_pattern(text)
    assert parsed.head.words == head
    assert parsed.nominal is nominal
    assert parsed.particles == particles
    assert tuple(p.words for p in parsed.objects) == objects
    assert parsed.object_actor is actor
    assert parsed.object_after == after


@pytest.mark.parametrize(
    ("text", "head_word"),
    [
        ("air_strike", "strike"),
        ("state_of_emergency", "state"),
        ("show_of_force", "show"),
        ("call_with", "call"),
    ],
)
def test_verbs_phrase_head_is_the_syntactic_head(text: str, head_word: str) -> None:
    assert Phrase.parse(text).head_word == head_word


@pytest.mark.parametrize(
    "text",
    ["", "Say", "say +a +b", "@summit on", "@summit +talk", "carry_out", "say +", "call on on"],
)
def test_verbs_parse_pattern_rejects_bad_syntax(text: str) -> None:
    with pytest.raises(ValueError):
        parse_pattern(text)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("999\tsay\n", "unknown CAMEO code '999'"),
        ("010\tSay Loud\n", "bad pattern"),
        ("010\tsay\n010\tsay\n", "duplicate pattern 'say' (first on line 2)"),
        ("010\tsay\tshout\n", "unknown frame 'shout'"),
        ("043\thost\tlight\n", "light verb takes its code from its object"),
        ("-\thost\n", "code '-' needs a light, enact or family frame"),
        ("010\t@summit\tspeech\n", "cannot have the speech frame"),
        ("010\tsay\tgoal\n", "only nominal entries"),
        ("190\tattack\t\t999\n", "unknown CAMEO state_code"),
        ("150\t@drill\t\t\t999\n", "unknown CAMEO joint_code"),
    ],
)
def test_verbs_read_file_errors_name_file_and_line(tmp_path: Path, rows: str, message: str) -> None:
    path = write(tmp_path, rows)
    with pytest.raises(DictionaryError) as err:
        read_verb_file(path, default_codebook())
    assert message in str(err.value)
    assert f"{path}:" in str(err.value)


def test_verbs_error_points_at_the_offending_line(tmp_path: Path) -> None:
    path = write(tmp_path, "010\tsay\n# comment\n999\tannounce\n")
    with pytest.raises(DictionaryError) as err:
        read_verb_file(path, default_codebook())
    assert err.value.line == 4


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("shout\t06\t031\n", "unknown frame 'shout'"),
        ("intent\t99\t031\n", "unknown complement code '99'"),
        ("intent\t06\t999\n", "unknown CAMEO code '999'"),
        ("intent\t06\t031\nintent\t06\t030\n", "duplicate rule intent 06"),
    ],
)
def test_verbs_frame_file_errors(tmp_path: Path, rows: str, message: str) -> None:
    path = write(tmp_path, rows, FRAME_FILE, "frame\tcomplement\tcode\n")
    with pytest.raises(DictionaryError, match=message):
        read_frame_file(path, default_codebook())


@pytest.mark.parametrize(
    ("frame", "act", "expected"),
    [
        ("appeal", "0871", "0256"),  # appeal for a ceasefire: de-escalation
        ("demand", "0841", "1053"),  # demand a release
        ("intent", "046", "036"),  # promise to negotiate
        ("reject", "0256", "1246"),  # reject an appeal to de-escalate
        ("threaten", "163", "1312"),  # threaten sanctions
        ("halt", "1723", "0813"),  # lift a curfew
        ("intent", "010", "010"),  # wishing to stress something is saying it
        ("halt", "010", None),  # nothing to halt
    ],
)
def test_verbs_frame_table_maps_by_longest_prefix(
    frame: str, act: str, expected: str | None
) -> None:
    assert default_verbs().frames.map(frame, act) == expected


def test_verbs_extra_dir_overrides_a_packaged_pattern(tmp_path: Path) -> None:
    write(tmp_path, "013\twelcome\n")
    verbs = VerbDictionary.load(tmp_path)
    (entry,) = verbs.verb_patterns("welcome")[-1:]
    assert entry.code == "013"
    assert verbs.version != default_verbs().version


def test_verbs_lookup_orders_most_specific_first() -> None:
    patterns = default_verbs().verb_patterns("call")
    specificity = [p.specificity for p in patterns]
    assert specificity == sorted(specificity, reverse=True)
    assert {"call on", "call for", "call +ACTOR"} <= {p.pattern for p in patterns}
