from marsad.segment import split_sentences, tokenize


def texts(text, spans):
    return [text[s.start:s.end] for s in spans]


def test_tokens_keep_offsets_and_split_punctuation():
    text = "قال: إن الناتو (ناتو) سيُنفق ٢٫٥٪ و3 دول بـ“الموقف”."
    tokens = tokenize(text)
    assert all(text[t.start:t.end].strip() for t in tokens)
    words = [text[t.start:t.end] for t in tokens if t.kind == "word"]
    assert words == ["قال", "إن", "الناتو", "ناتو", "سيُنفق", "و", "دول", "بـ", "الموقف"]
    numbers = [text[t.start:t.end] for t in tokens if t.kind == "number"]
    assert numbers == ["٢٫٥", "3"]


def test_arabic_comma_and_semicolon_do_not_end_sentences():
    text = "قال الوزير، في مؤتمر صحفي؛ إن الحلف باق. وأضاف: هل نتراجع؟ لا"
    assert texts(text, split_sentences(text)) == [
        "قال الوزير، في مؤتمر صحفي؛ إن الحلف باق.", "وأضاف: هل نتراجع؟", "لا"]


def test_closing_quote_stays_with_its_sentence():
    text = "قال ستولتنبرغ: “أمننا مترابط.” ثم غادر."
    assert texts(text, split_sentences(text)) == ["قال ستولتنبرغ: “أمننا مترابط.”", "ثم غادر."]


def test_single_letter_abbreviation_is_not_a_sentence_end():
    text = "التقى د. أحمد الوزير. ثم عاد"
    assert texts(text, split_sentences(text)) == ["التقى د. أحمد الوزير.", "ثم عاد"]


def test_each_line_is_a_boundary_except_a_sentence_cut_by_a_line_break():
    title = "عنوان الخبر"
    body = ("وتخشى اليابان أن ما حدث في أوكرانيا قد يحدث أيضًا في شرق آسيا، حيث تواجه تايوان تهديدًا "
            "عسكريًا متزايدًا من الصين التي تعتبرها بكين\nجزءًا من أراضيها.")
    text = f"{title}\n{body}"
    sentences = texts(text, split_sentences(text))
    assert sentences[0] == title
    assert sentences[1].endswith("جزءًا من أراضيها.") and len(sentences) == 2


def test_sentences_cover_only_text_inside_the_document(seed_documents):
    for doc in seed_documents.values():
        assert doc.sentences
        for s in doc.sentences:
            assert 0 <= s.start < s.end <= len(doc.text)
            assert doc.text[s.start:s.end] == doc.text[s.start:s.end].strip()
