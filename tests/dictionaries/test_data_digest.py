"""The dictionary digest (part of the coder version) sees an edit to any dictionary data file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyadwatch.dictionaries.tsv import data_digest, packaged_path


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("digest") / "data"
    shutil.copytree(packaged_path("countries.tsv").parent, copy)
    return copy


def _flip_middle_byte(path: Path) -> bytes:
    """Change one byte in the middle of the file (same length); return the original bytes."""
    original = path.read_bytes()
    middle = len(original) // 2
    changed = original[:middle] + bytes([original[middle] ^ 0x01]) + original[middle + 1 :]
    path.write_bytes(changed)
    return original


def test_digest_of_the_copy_is_the_packaged_digest(data_copy: Path) -> None:
    assert data_digest(data_dir=data_copy) == data_digest()


def test_one_changed_byte_in_any_data_file_changes_the_digest(data_copy: Path) -> None:
    files = sorted(p for p in data_copy.iterdir() if p.suffix == ".tsv")
    # the coder reads actors, people, verbs, frames, codebook, cues and gazetteer files
    assert {"verbs.tsv", "countries.tsv", "modality_cues.tsv", "places.tsv"} <= {
        p.name for p in files
    }
    before = data_digest(data_dir=data_copy)
    changed = set()
    for path in files:
        original = _flip_middle_byte(path)
        try:
            if data_digest(data_dir=data_copy) != before:
                changed.add(path.name)
        finally:
            path.write_bytes(original)
    assert changed == {p.name for p in files}
    assert data_digest(data_dir=data_copy) == before


def test_user_dictionary_files_count_only_under_names_the_loaders_read(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    packaged = data_digest()
    (extra / "notes.tsv").write_text("word\tnote\n", encoding="utf-8")
    assert data_digest(extra) == packaged
    (extra / "agents.tsv").write_text("phrase\tcode\n", encoding="utf-8")
    with_agents = data_digest(extra)
    assert with_agents != packaged
    (extra / "agents.tsv").write_text("phrase\tcode\nfoo\tMIL\n", encoding="utf-8")
    assert data_digest(extra) not in {packaged, with_agents}
