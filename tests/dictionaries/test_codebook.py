"""The packaged CAMEO codebook: facts per code, PLOVER mapping inherited from parents."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.dictionaries.codebook import Codebook, default_codebook
from dyadwatch.errors import DictionaryError


@pytest.mark.parametrize(
    ("code", "root", "goldstein", "quad"),
    [
        ("190", "19", -10.0, 4),
        ("057", "05", 8.0, 1),
        ("040", "04", 1.0, 1),
        ("0874", "08", 10.0, 2),
    ],
)
def test_codebook_facts(code: str, root: str, goldstein: float, quad: int) -> None:
    entry = default_codebook().get(code)
    assert (entry.root_code, entry.goldstein, entry.quad_class) == (root, goldstein, quad)


def test_codebook_covers_all_twenty_roots() -> None:
    roots = {default_codebook().get(c).root_code for c in default_codebook().codes()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_codebook_unmapped_code_inherits_parent_plover_type_and_contexts() -> None:
    book = default_codebook()
    assert book.plover("1952") == book.plover("195") == ("ASSAULT", "heavy-weapons")
    assert book.contexts("1952") == book.contexts("195") != ()
    assert book.plover("010") == (None, None)  # statements were dropped in PLOVER


def test_codebook_bad_row_points_at_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "codes.tsv"
    path.write_text(
        "code\tname\troot_code\tgoldstein\tquad_class\tplover_event_type\tplover_mode\n"
        "190\tFight\t19\t-10\t4\tASSAULT\t\n"
        "19x\tBroken\t19\t-10\t4\t\t\n"
    )
    with pytest.raises(DictionaryError, match=r"codes.tsv:3: bad CAMEO code '19x'"):
        Codebook.load(path)
