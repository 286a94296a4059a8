"""Exact and near-duplicate documents are linked to the original, not coded twice."""

from __future__ import annotations

import pytest

from dyadwatch.store import dedup


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("China  protested.\n", "china protested.", True),  # case and whitespace only
        ("Ｃｈｉｎａ protested.", "China protested.", True),  # NFKC folds full-width letters
        ("China protested.", "China protested!", False),
    ],
)
def test_content_hash_normalises_case_space_and_width(a: str, b: str, same: bool) -> None:
    assert (dedup.content_hash(a) == dedup.content_hash(b)) is same


def test_signature_is_none_for_short_texts() -> None:
    assert dedup.signature("Too short to compare reliably.") is None


def test_near_duplicate_index_finds_the_edited_story(stories) -> None:
    index = dedup.NearDuplicateIndex()
    original = dedup.signature(stories.wire)
    other = dedup.signature(stories.other)
    assert original is not None and other is not None
    index.add("a", original)
    index.add("c", other)
    edited = dedup.signature(stories.wire_edited)
    assert edited is not None
    match = index.best_match(edited, exclude="b")
    assert match is not None and match[0] == "a" and match[1] >= dedup.NEAR_THRESHOLD


def test_exact_duplicate_is_linked_and_not_coded(store, run_ingest, make_doc, stories, coder):
    report = run_ingest(
        store,
        [make_doc("a", stories.wire), make_doc("b", stories.wire.upper().lower(), source="Post")],
    )
    assert report.duplicates_exact == 1
    assert coder.calls == ["a"]
    b = store.document("b")
    assert (b.status, b.duplicate_of, b.duplicate_kind, b.events) == ("duplicate", "a", "exact", [])
    assert store.document("a").duplicates == ["b"]


def test_near_duplicate_is_linked_with_its_similarity(store, run_ingest, make_doc, stories, coder):
    docs = [
        make_doc("a", stories.wire),
        make_doc("b", stories.wire_edited, source="Post"),
        make_doc("c", stories.other),
    ]
    report = run_ingest(store, docs)
    assert (report.duplicates_near, report.coded) == (1, 2)
    assert coder.calls == ["a", "c"]
    b = store.document("b")
    assert (b.duplicate_of, b.duplicate_kind) == ("a", "near")
    assert b.similarity is not None and b.similarity >= 0.8
    assert store.document("c").duplicate_of is None


def test_duplicate_counts_as_a_mention_of_the_originals_events(
    store, run_ingest, make_doc, stories
) -> None:
    run_ingest(store, [make_doc("a", stories.wire)])
    run_ingest(store, [make_doc("b", stories.wire_edited, source="Post")])
    cluster = store.clusters().iloc[0]
    assert (cluster["n_events"], cluster["n_mentions"], cluster["n_articles"]) == (1, 2, 2)
    assert cluster["n_sources"] == 2
    mentions = store.mentions(cluster["cluster_id"])
    assert sorted(zip(mentions["doc_id"], mentions["via_duplicate"], strict=True)) == [
        ("a", False),
        ("b", True),
    ]


def test_changed_original_sends_its_duplicates_back_to_be_decided(
    store, run_ingest, make_doc, stories, coder
) -> None:
    run_ingest(store, [make_doc("a", stories.wire), make_doc("b", stories.wire_edited)])
    # a is rewritten into another story: b no longer repeats anything, so b is coded now
    report = run_ingest(store, [make_doc("a", stories.other)])
    assert (report.changed, report.redecided) == (1, 1)
    b = store.document("b")
    assert (b.status, b.duplicate_of) == ("coded", None)
    assert coder.calls == ["a", "a", "b"]
    assert sorted(store.events()["doc_id"]) == ["a", "b"]


def test_duplicate_of_a_duplicate_points_at_the_original(
    store, run_ingest, make_doc, stories
) -> None:
    docs = [
        make_doc("a", stories.wire),
        make_doc("b", stories.wire_edited),
        make_doc("c", stories.wire_edited),
    ]
    run_ingest(store, docs)
    assert store.document("c").duplicate_of == "a"
