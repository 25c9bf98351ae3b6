"""The store's lists and views read pages from indexes: stories, the network, the sentence of a mention."""
import itertools
import json
from collections import Counter

import apsw
import pytest

from marsad.api import Marsad
from marsad.graph import ACTOR_TYPES, actor_graph
from marsad.store import Store
from marsad.store.schema import LATEST
from marsad.store.views import entity_page


@pytest.fixture
def seeded(db_path, seeds_dir):
    with Marsad(db_path) as marsad:
        assert marsad.ingest([str(seeds_dir)]).ok
        yield marsad


def sentences_of_mentions(db) -> dict[int, int]:
    return dict(db.execute("SELECT id, sentence FROM mentions"))


def test_every_mention_is_in_the_sentence_it_names(seeded):
    db = seeded.store.db
    rows = list(db.execute("SELECT m.start, m.sentence, d.sentences FROM mentions m JOIN documents d ON d.id = m.document"))
    assert len(rows) > 100
    for start, sentence, raw in rows:
        bounds = json.loads(raw)
        assert bounds[sentence][0] <= start
        assert sentence == len(bounds) - 1 or start < bounds[sentence + 1][0]


def test_an_older_store_gets_the_sentences_of_its_mentions(seeded, db_path):
    before = sentences_of_mentions(seeded.store.db)
    seeded.close()
    db = apsw.Connection(str(db_path))
    db.execute("DROP INDEX mentions_entity_cover; CREATE INDEX mentions_entity_document ON mentions(entity, document);"
               "DROP INDEX mentions_document_entity; CREATE INDEX mentions_document ON mentions(document);"
               "DROP INDEX mentions_stands_for; ALTER TABLE mentions DROP COLUMN sentence; PRAGMA user_version = 11")
    db.close()
    store = Store(db_path)
    assert store.db.execute("PRAGMA user_version").get == LATEST
    assert sentences_of_mentions(store.db) == before
    store.close()


def test_the_network_joins_the_actors_named_in_one_sentence(seeded):
    db = seeded.store.db
    graph = actor_graph(db, limit=40)
    kept = set(graph.nodes)
    expected: Counter = Counter()
    for doc in seeded.store.documents():            # counted afresh from each article's sentences
        for sentence in doc.sentences:
            named = {m.entity for m in doc.mentions if m.entity in kept and m.type in ACTOR_TYPES
                     and sentence.start <= m.start < sentence.end}
            expected.update(itertools.combinations(sorted(named), 2))
    found = {tuple(sorted((a, b))): d["co_mentions"] for a, b, d in graph.edges(data=True) if d["co_mentions"]}
    assert found == dict(expected) and len(found) > 10


def test_a_network_is_kept_only_while_the_store_is_unchanged(seeded, tmp_path):
    first = seeded.network(limit=30)
    assert seeded.network(limit=30) is first
    extra = tmp_path / "extra.txt"
    extra.write_text("التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الأمريكي أنتوني بلينكن في الرياض.\n", "utf-8")
    assert seeded.ingest([str(extra)]).added
    assert seeded.network(limit=30) is not first


def test_stories_are_listed_most_recent_first_a_page_at_a_time(seeded):
    everything, total = seeded.story_list(limit=100)
    assert total == len(everything) >= 3
    seen = [s["last_seen"] or "" for s in everything]
    assert seen == sorted(seen, reverse=True)
    first, _ = seeded.story_list(limit=2)
    second, _ = seeded.story_list(limit=2, offset=2)
    assert [s["id"] for s in first + second] == [s["id"] for s in everything[:4]]
    assert all(s["size"] == len(s["articles"]) for s in everything)
    told, told_total = seeded.story_list(limit=100, min_size=2)
    assert told_total == sum(s["size"] >= 2 for s in everything) == len(told)


def test_an_entity_page_lists_its_latest_articles_and_counts_them_all(seeded):
    db = seeded.store.db
    entity = seeded.entities(limit=1)[0]["id"]
    dates = {doc.id: doc.published for doc in seeded.store.documents()
             if any(entity in (m.entity, m.stands_for) for m in doc.mentions)}
    page = entity_page(db, entity, articles=2)
    assert page["articles"] == len(dates) > 2
    dated = sorted((d for d in dates.values() if d), reverse=True)     # undated articles come last
    assert [d["published"] for d in page["documents"]] == (dated + [None] * len(dates))[:2]
    assert (page["first_seen"], page["last_seen"]) == (dated[-1], dated[0])
    assert page["co_mentioned"] and entity not in {c["id"] for c in page["co_mentioned"]}
