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


# A daily report filled in from one template (written for this test): only the day, the
# numbers and the place change, so the texts share most of their shingles.
DAILY_TEMPLATE = (
    "CHNMIL threatened JPN on 2024-03-{day:02d} near {place}. The coast guard reported that "
    "{ships} vessels of the other side entered the contiguous zone during the day and that "
    "{boats} of them followed fishing boats for a while. The patrol of the coast guard stayed "
    "with them until they left the zone, as it does every day, and the ministry was informed "
    "through the usual channels by the end of the afternoon. No damage to any of the fishing "
    "boats was reported, and the weather in the area remained calm for most of the day, with "
    "good visibility and light winds from the west. The next report will be published "
    "tomorrow morning at the usual time on the website of the regional headquarters."
)


def _daily(day: int, ships: int, boats: int, place: str = "Senkaku") -> str:
    return DAILY_TEMPLATE.format(day=day, ships=ships, boats=boats, place=place)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ({"#4", "march"}, {"#4", "march"}, True),
        ({"#4"}, {"#4", "@tokyo"}, True),  # a second outlet adds a detail
        ({"#4", "#3"}, {"#5", "#3"}, False),  # the same template, another count
        ({"@hualien"}, {"@taitung"}, False),
    ],
)
def test_facts_agree_when_one_report_holds_the_others_facts(a, b, agree) -> None:
    assert dedup.facts_agree(frozenset(a), frozenset(b)) is agree


def test_facts_are_dates_numbers_calendar_words_and_named_places() -> None:
    found = dedup.facts("On Tuesday 3 March, 1,200 troops gathered near Hualien City in the rain.")
    assert found == {"date:3 march", "#1200", "tuesday", "@hualien city"}
    # a date is one fact: the day of 2024-03-03 is not the month's "03" again
    assert dedup.facts("on 2024-03-03, 5 ships") == {"date:2024-03-03", "#5"}


def test_same_template_daily_reports_are_distinct_documents(store, run_ingest, make_doc):
    texts = [_daily(day, ships=3 + day % 3, boats=1 + day % 2) for day in range(1, 8)]
    assert dedup.signature(texts[0]).jaccard(dedup.signature(texts[1])) >= dedup.NEAR_THRESHOLD
    docs = [make_doc(f"day{i}", text) for i, text in enumerate(texts, start=1)]
    report = run_ingest(store, docs)
    assert (report.coded, report.duplicates_near) == (7, 0)
    days = sorted(store.events()["day"].dt.day)
    assert days == list(range(1, 8))  # every day keeps its event ...
    assert len(store.clusters()) == 7  # ... and its own cluster


def test_a_template_report_about_another_place_is_not_a_duplicate(store, run_ingest, make_doc):
    docs = [
        make_doc("north", _daily(5, 4, 2, place="Okinawa")),
        make_doc("south", _daily(5, 4, 2, place="Yonaguni")),
    ]
    assert run_ingest(store, docs).duplicates_near == 0


def test_a_copy_adding_a_detail_stays_linked_to_its_original(store, run_ingest, make_doc):
    original = _daily(5, 4, 2)
    copy = original + " Officials in Tokyo said the same."
    report = run_ingest(store, [make_doc("first", original), make_doc("copy", copy, source="Post")])
    assert report.duplicates_near == 1
    assert store.document("copy").duplicate_of == "first"
    assert store.document("first").duplicates == ["copy"]
