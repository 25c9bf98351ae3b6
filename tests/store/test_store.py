import apsw
import pytest

from conftest import EXAMPLES

from marsad import pipeline
from marsad.api import Marsad
from marsad.document import Article
from marsad.errors import NotFound
from marsad.store import Store
from marsad.store.schema import LATEST


def article(text: str, source: str) -> Article:
    return Article(source=source, text=text, outlet="test")


@pytest.fixture
def seeded(db_path, seeds_dir):
    with Marsad(db_path) as marsad:
        report = marsad.ingest([str(seeds_dir)])
        assert len(report.added) == 5 and report.ok
        yield marsad


def found(marsad: Marsad, query: str) -> set[str]:
    return {hit.source.rsplit("/", 1)[-1][:3] for hit in marsad.search(query, limit=50)}


def test_search_finds_the_right_seed_articles(seeded):
    assert found(seeded, "الناتو") == {"000", "001", "002", "003", "004"}
    assert found(seeded, "ستولتنبرغ") == {"000", "003", "004"}
    assert found(seeded, "مكتب اتصال") == {"003"}
    assert found(seeded, '"مكتب اتصال"') == {"003"}
    assert found(seeded, "اليابان") == {"000", "001", "002", "003", "004"}
    assert found(seeded, "كيشيدا إيشيبا") == {"002"}


def test_snippets_highlight_the_original_spelling(seeded):
    (hit,) = [h for h in seeded.search("الناتو", limit=10) if h.source.endswith("001_f42bc61d2d07c030.txt")]
    assert "\x02بالناتو\x03" in hit.snippet or "\x02الناتو\x03" in hit.snippet


@pytest.mark.parametrize("query", ["الناتو", "ناتو", "حلف الناتو"])
def test_a_query_for_the_word_finds_it_behind_clitics(db_path, query):
    texts = {"b": "اجتمع الوزراء بالناتو في بروكسل أمس.", "l": "قدمت اليابان دعما للناتو هذا العام.",
             "w": "تحدث الوزير عن اليابان والناتو والصين.", "x": "تحدث الوزير عن اليابان والصين وروسيا."}
    if query == "حلف الناتو":
        texts = {k: v.replace("الناتو", "حلف الناتو").replace("بالناتو", "بحلف الناتو")
                 .replace("للناتو", "لحلف الناتو").replace("والناتو", "وحلف الناتو") for k, v in texts.items()}
    with Marsad(db_path) as marsad:
        store = marsad.store
        for key, text in texts.items():
            store.add(pipeline.run(pipeline.start(article(f"خبر {key}\n{text}", f"{key}.txt"))))
        assert {h.source[0] for h in marsad.search(query)} == {"b", "l", "w"}


def test_a_query_for_a_phrase_finds_it_with_a_conjunction_attached(db_path):
    with Marsad(db_path) as marsad:
        for key, text in {"a": "وقال رئيس الوزراء ووزير الدفاع إن الخطة جاهزة.",
                          "b": "قال وزير الخارجية إن الدفاع أولوية."}.items():
            marsad.store.add(pipeline.run(pipeline.start(article(f"عنوان الخبر\n{text}", f"{key}.txt"))))
        assert [h.source for h in marsad.search('"وزير الدفاع"')] == ["a.txt"]
        assert {h.source for h in marsad.search("وزير الدفاع")} == {"a.txt", "b.txt"}


def test_ingest_is_idempotent_and_says_so(seeded, seeds_dir):
    before = seeded.stats()
    again = seeded.ingest([str(seeds_dir)])
    assert again.added == [] and len(again.already) == 5
    assert seeded.stats()["documents"] == before["documents"] == 5


def test_a_copy_under_another_name_is_the_same_document(seeded, seeds_dir, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes((seeds_dir / "000_1e0cd23aaef11339.txt").read_bytes())
    report = seeded.ingest([str(copy)])
    assert report.added == [] and report.already[0][0] == str(copy)
    assert str(copy) in seeded.store.sources(report.already[0][1])


def test_syndicated_copies_are_stored_and_marked(db_path):
    with Marsad(db_path) as marsad:
        report = marsad.ingest([str(EXAMPLES)])
        assert report.ok and len(report.added) == 9
        (new, original), = report.copies
        assert marsad.document(new).metadata["copy_of"] == original


def test_round_trip_keeps_every_layer(seeded, seed_documents):
    for doc in seed_documents.values():
        stored = seeded.document(doc.id)
        assert (stored.text, stored.title, stored.removed, stored.sentences, stored.offset_map) == \
               (doc.text, doc.title, doc.removed, doc.sentences, doc.offset_map)
        assert (stored.published, stored.published_uncertain) == (doc.published, doc.published_uncertain)


def test_get_by_prefix_and_unknown_id(seeded, seed_documents):
    doc = next(iter(seed_documents.values()))
    assert seeded.document(doc.id[:8]).id == doc.id
    with pytest.raises(NotFound):
        seeded.document("d-0000nothing")


def test_schema_is_migrated_and_fts_consistent(seeded, db_path):
    db = apsw.Connection(str(db_path))
    assert db.execute("PRAGMA user_version").get == LATEST
    assert db.execute("PRAGMA journal_mode").get == "wal"
    store = Store(db_path)
    store.db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    store.close()
