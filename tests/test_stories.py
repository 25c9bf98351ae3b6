"""Stories and near-duplicates on the seed feed and the bundled examples."""
from pathlib import Path

import pytest

from conftest import EXAMPLES

from marsad.api import Marsad, analyze


@pytest.fixture(scope="module")
def seed_feed(seeds_dir):
    return analyze([str(seeds_dir.parent / "seeds.jsonl")])


def test_seed_articles_on_the_same_trip_share_a_story(seed_feed):
    story = {Path(d.source).name[:3]: d.story for d in seed_feed.documents}
    assert story["000"] == story["004"]
    assert len({story["000"], story["001"], story["002"], story["003"]}) == 4


def test_the_shared_story_explains_itself_and_has_no_repeated_sentence(seed_feed):
    (shared,) = [s for s in seed_feed.stories if len(s["documents"]) == 2]
    second = shared["articles"][1]
    assert "shares" in second["why"] and "0 days apart" in second["why"]
    texts = [s["text"] for s in shared["summary"]]
    assert texts and len(texts) == len(set(texts))
    assert {s["document"] for s in shared["summary"]} == set(shared["documents"])
    by_id = {d.id: d for d in seed_feed.documents}
    for s in shared["summary"]:
        assert by_id[s["document"]].text[s["start"]:s["end"]] == s["text"]


def test_syndicated_copies_are_found_and_kept(db_path):
    with Marsad(db_path) as marsad:
        marsad.ingest([str(EXAMPLES)])
        rows = list(marsad.store.db.execute("SELECT document, other, similarity FROM copies"))
        assert len(rows) == 2 and all(sim >= 0.7 for _, _, sim in rows)
        a, b = rows[0][:2]
        assert marsad.document(a).story == marsad.document(b).story
        assert marsad.stats()["documents"] == 9
