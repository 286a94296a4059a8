"""The evaluative cue dictionary: loading, checking and matching phrases."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from dyadwatch.dictionaries.evaluative_cues import (
    cue_word_forms,
    default_evaluative_cues,
    load_evaluative_cues,
)
from dyadwatch.errors import DictionaryError


def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "evaluative_cues.tsv"
    path.write_text("cue\tcode\texample\n" + rows, encoding="utf-8")
    return path


def test_evaluative_cues_packaged_file_loads() -> None:
    cues = default_evaluative_cues()
    assert ("null", "and", "void") in {c.words for c in cues.by_first["null"]}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Mistake\t111\tx\n", "lower-case"),
        ("mistake\t190\tx\n", "code"),
        ("mistake\t111\tx\nmistake\t112\ty\n", "duplicate"),
    ],
)
def test_evaluative_cues_bad_rows_name_the_line(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message) as caught:
        load_evaluative_cues(write(tmp_path, row))
    assert "evaluative_cues.tsv" in str(caught.value)


def test_evaluative_cues_match_lemmas_and_phrases(nlp: Language, tmp_path: Path) -> None:
    cues = load_evaluative_cues(write(tmp_path, "lie\t112\tx\nstab in the back\t111\ty\n"))
    doc = nlp("They were lying, and the vote was a stab in the back.")
    found = [(" ".join(h.cue.words), doc[h.start : h.end].text) for h in cues.find(doc[:])]
    assert found == [("lie", "lying"), ("stab in the back", "stab in the back")]


def test_evaluative_cues_skip_other_verbs_with_the_same_lemma(nlp: Language) -> None:
    doc = nlp("The firms laid off workers and lay down their tools.")
    assert list(default_evaluative_cues().find(doc[:])) == []


def test_evaluative_cues_praise_and_running_text_forms() -> None:
    cues = default_evaluative_cues()
    assert {c.code for c in cues.by_first["courageous"]} == {"051"}
    forms = cue_word_forms()
    assert {"lying", "mistakes", "violated", "courageous"} <= forms


def test_evaluative_cues_hyphenated_word_matches_its_split_tokens(
    nlp: Language, tmp_path: Path
) -> None:
    cues = load_evaluative_cues(write(tmp_path, "cover-up\t112\tx\nnon-starter\t111\ty\n"))
    doc = nlp("The plan was a non-starter and the inquiry a cover-up.")
    found = [(h.cue.code, doc[h.start : h.end].text) for h in cues.find(doc[:])]
    assert found == [("111", "non-starter"), ("112", "cover-up")]
