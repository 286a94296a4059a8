"""The on-disk cache of built dictionaries: used when its key matches, rebuilt when anything
it was built from changes, never a cause of failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.dictionaries import cache
from dyadwatch.dictionaries.cache import cache_dir, cache_key, cached

GROUPS_HEADER = "phrase\tcode\tcountry\tsector\n"


@pytest.fixture
def cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(directory))
    return directory


class Counted:
    def __init__(self, value: str) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> dict[str, str]:
        self.calls += 1
        return {"value": self.value}


def test_cache_builds_once_then_reads_the_file(cache_in: Path) -> None:
    build = Counted("a")
    assert cached("thing", "k1", build) == {"value": "a"}
    assert cached("thing", "k1", build) == {"value": "a"}
    assert build.calls == 1
    assert [p.name for p in cache_in.glob("thing-*.pickle")] == ["thing-k1.pickle"]


def test_cache_rebuilds_under_a_new_key(cache_in: Path) -> None:
    first, second = Counted("a"), Counted("b")
    cached("thing", "k1", first)
    assert cached("thing", "k2", second) == {"value": "b"}
    assert second.calls == 1


def test_cache_keeps_only_the_newest_files_of_a_kind(cache_in: Path) -> None:
    for i in range(cache.KEEP + 3):
        cached("thing", f"k{i}", Counted(str(i)))
    assert len(list(cache_in.glob("thing-*.pickle"))) == cache.KEEP


def test_cache_rebuilds_over_a_corrupt_file(cache_in: Path) -> None:
    cache_in.mkdir()
    (cache_in / "thing-k1.pickle").write_bytes(b"not a pickle")
    build = Counted("a")
    assert cached("thing", "k1", build) == {"value": "a"} and build.calls == 1
    assert cached("thing", "k1", Counted("other")) == {"value": "a"}  # rewritten


def test_cache_off_builds_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    assert cache_dir() is None
    build = Counted("a")
    cached("thing", "k1", build)
    cached("thing", "k1", build)
    assert build.calls == 2


def test_cache_that_cannot_be_written_still_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))  # under a regular file
    assert cached("thing", "k1", Counted("a")) == {"value": "a"}


def test_cache_key_changes_with_any_data_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "groups.tsv").write_text(GROUPS_HEADER, encoding="utf-8")
    before = cache_key("actors", data_dir=data)
    assert cache_key("actors", data_dir=data) == before
    (data / "groups.tsv").write_text(GROUPS_HEADER + "rebels\tREB\t\tREB\n", encoding="utf-8")
    edited = cache_key("actors", data_dir=data)
    (data / "new.tsv").write_text("x\n", encoding="utf-8")
    added = cache_key("actors", data_dir=data)
    assert len({before, edited, added}) == 3


def test_cache_key_changes_with_the_user_directory_and_the_kind(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    empty = cache_key("actors", extra)
    (extra / "people.tsv").write_text("person_id\n", encoding="utf-8")
    assert cache_key("actors", extra) != empty
    assert cache_key("actors") != cache_key("gazetteer")


def test_cache_key_changes_with_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache_key("actors")
    monkeypatch.setattr(cache, "code_digest", lambda: "other code")
    assert cache_key("actors") != before


PEOPLE = "person_id\tname\taliases\tcountry\trole\tsector\tstart\tend\n"


def test_cached_recognizer_follows_an_edited_dictionary_file(
    cache_in: Path, tmp_path: Path, nlp: Language
) -> None:
    extra = tmp_path / "dicts"
    extra.mkdir()
    people = extra / "people.tsv"
    people.write_text(
        PEOPLE + "varnel-osk\tOsk Varnel\t\tNOR\tdefence_minister\tGOV\t2010-01-01\t\n",
        encoding="utf-8",
    )
    first = ActorRecognizer.load(extra)
    assert ActorRecognizer.load(extra).find(nlp("Osk Varnel arrived."))  # from the cache
    assert len(list(cache_in.glob("actors-*.pickle"))) == 1
    people.write_text(
        PEOPLE + "marrow-tilde\tTilde Marrow\t\tSWE\thead_of_government\tGOV\t2010-01-01\t\n",
        encoding="utf-8",
    )
    edited = ActorRecognizer.load(extra)
    assert edited is not first
    assert not edited.find(nlp("Osk Varnel arrived."))
    [mention] = edited.find(nlp("Tilde Marrow arrived."))
    assert mention.actor.country == "SWE"


def test_cached_recognizer_finds_what_a_built_one_finds(cache_in: Path, nlp: Language) -> None:
    # the office matcher's longest match ("greedy") is lost by a plain pickle of a Matcher
    text = (
        "The Japanese foreign minister met NATO officials in Nairobi. The United States "
        "Department of Health and Human Services said Kenyan police had left."
    )
    built = ActorRecognizer.build()
    ActorRecognizer.load()  # writes the cache
    from_cache = ActorRecognizer.load()
    assert [(m.start, m.end, m.actor) for m in from_cache.find(nlp(text))] == [
        (m.start, m.end, m.actor) for m in built.find(nlp(text))
    ]
