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
