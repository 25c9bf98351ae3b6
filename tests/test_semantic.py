"""What an article gives the semantic index, and that the bundled model ranks by meaning."""
import numpy as np

from marsad.semantic import MAX_QUOTES, embed_passages, embed_query, passages


def test_an_article_gives_its_lead_and_its_longest_quotes(seed_documents):
    for doc in seed_documents.values():
        items = passages(doc)
        assert items[0][0] == "lead" and items[0][1] == doc.sentences[0].start
        quotes = [i for i in items if i[0] == "quote"]
        assert len(quotes) <= MAX_QUOTES
        longest = sorted((q.end - q.start for q in doc.quotes
                          if len(doc.text[q.start:q.end].split()) >= 4), reverse=True)[:MAX_QUOTES]
        assert sorted((e - s for _, s, e, _ in quotes), reverse=True) == longest
        for kind, start, end, text in items:
            assert doc.text[start:end].startswith(text)


def test_a_query_is_closest_to_the_passage_about_it():
    vectors = embed_passages(["اتفق وزراء الدفاع على تعزيز التعاون العسكري بين اليابان وحلف الناتو",
                              "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار أوبك خفض الإنتاج"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-3)
    assert int(np.argmax(vectors @ embed_query("التعاون الأمني بين طوكيو والحلف الأطلسي"))) == 0
    assert int(np.argmax(vectors @ embed_query("سعر برميل النفط"))) == 1


def test_each_article_keeps_its_own_vectors_and_a_second_run_has_nothing_to_do(tmp_path, seeds_dir):
    from marsad.api import Marsad
    with Marsad(tmp_path / "s.db") as marsad:
        assert marsad.ingest([str(seeds_dir)]).ok
        assert marsad.embed() == 5 and marsad.embed() == 0          # resumes: nothing left to do
        rows = list(marsad.store.db.execute("SELECT id, document FROM vectors ORDER BY id"))
        stored = marsad.store.vectors._matrix()
        for doc in marsad.store.documents():
            alone = embed_passages([text for _, _, _, text in passages(doc)])
            mine = stored[[i for i, d in rows if d == doc.id]].astype(np.float32)
            assert mine.shape == alone.shape and np.all(np.sum(mine * alone, axis=1) > 0.99)
