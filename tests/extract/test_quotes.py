"""Every quote form the extraction issue lists, with must-find and must-not-find cases."""
import pytest

from marsad import pipeline
from marsad.document import Article


def quotes(text: str, published: str = "2025-04-09"):
    doc = pipeline.run(pipeline.start(Article(source="t.txt", text=f"خبر عن الحلف\n{text}", published=published)))
    return [(q.kind, doc.text[q.start:q.end], q.speakers) for q in doc.quotes]


RUTTE, ISHIBA, KISHIDA, STOLTENBERG = "mark_rutte", "shigeru_ishiba", "fumio_kishida", "jens_stoltenberg"


@pytest.mark.parametrize("mark_open, mark_close", [("“", "”"), ("«", "»"), ('"', '"'), ("„", "“")])
def test_direct_quotes_in_every_mark(mark_open, mark_close):
    found = quotes(f"وقال مارك روته: {mark_open}أمننا مترابط أكثر من أي وقت مضى{mark_close}.")
    assert ("direct", "أمننا مترابط أكثر من أي وقت مضى", (RUTTE,)) in found


def test_speaker_named_after_the_quote():
    found = quotes("“نريد أن ننقل الشراكة إلى مستوى أعلى”، أكد رئيس الوزراء الياباني شيغيرو إيشيبا.")
    assert found == [("direct", "نريد أن ننقل الشراكة إلى مستوى أعلى", (ISHIBA,))]


def test_speaker_by_title_resolved_by_date():
    found = quotes("“نريد أن ننقل الشراكة إلى مستوى أعلى”، أكد رئيس الوزراء الياباني.")
    assert found == [("direct", "نريد أن ننقل الشراكة إلى مستوى أعلى", (ISHIBA,))]


def test_a_quote_split_by_a_reporting_clause_keeps_its_speaker():
    found = quotes("«الحلف قوي»، قال روته، «لكن علينا أن نستعد».")
    assert [q[2] for q in found] == [(RUTTE,), (RUTTE,)]


def test_a_quote_over_sentences_and_unclosed_runs_to_the_paragraph_end():
    found = quotes("وقال ستولتنبرغ إن الحلف متحد.\n“ما يحدث في أوروبا اليوم قد يحدث غدًا. لذلك يجب أن نبقى متحدين.")
    direct = [q for q in found if q[0] == "direct"]
    assert direct and direct[0][1].endswith("لذلك يجب أن نبقى متحدين") and direct[0][2] == (STOLTENBERG,)


def test_fragments_inside_reported_speech_take_its_speaker():
    found = quotes("وأشاد ستولتنبرغ بـ“الموقف القوي” الذي اتخذته اليابان.")
    assert ("direct", "الموقف القوي", (STOLTENBERG,)) in found


@pytest.mark.parametrize("verb", ["قال", "أكد", "أوضح", "أشار", "أعلن", "اعتبر", "ذكر"])
def test_indirect_speech_with_that(verb):
    found = quotes(f"و{verb} فوميو كيشيدا أن بلاده لا تعتزم الانضمام إلى الحلف.")
    assert ("indirect", "أن بلاده لا تعتزم الانضمام إلى الحلف", (KISHIDA,)) in found


@pytest.mark.parametrize("verb", ["قالت", "أكدت", "أضافت", "شددت"])
def test_indirect_speech_in_the_feminine(verb):
    found = quotes(f"و{verb} أورسولا فون دير لاين إن الاتحاد سيواصل دعم أوكرانيا.")
    assert [q[0] for q in found] == ["indirect"] and found[0][2] == ("ursula_von_der_leyen",)


@pytest.mark.parametrize("sentence, start", [
    ("ودعا مارك روته الحلفاء إلى زيادة الإنفاق الدفاعي.", "دعا مارك روته"),
    ("وحذر مارك روته من أن الصين تعزز قوتها العسكرية.", "حذر مارك روته"),
    ("وأعرب مارك روته عن قلقه من التدريبات المشتركة.", "أعرب مارك روته"),
    ("وندد مارك روته بالهجمات على المدنيين.", "ندد مارك روته"),
])
def test_indirect_speech_with_a_preposition(sentence, start):
    found = quotes(sentence)
    assert found and found[0][0] == "indirect" and found[0][1].startswith(start) and found[0][2] == (RUTTE,)


def test_implicit_speaker_continues_the_previous_one():
    found = quotes("وقال مارك روته إن الحلف موحد. وأضاف أن اليابان شريك أساسي.")
    assert [q[2] for q in found] == [(RUTTE,), (RUTTE,)]


def test_joint_speakers():
    found = quotes("قال مارك روته وشيغيرو إيشيبا إنهما متفقان على تعميق التعاون.")
    assert found[0][2] == (RUTTE, ISHIBA)


def test_reported_clause_before_the_verb():
    found = quotes("والتدريبات لا تستهدف أي طرف، حسبما قال مارك روته.")
    assert found == [("indirect", "والتدريبات لا تستهدف أي طرف", (RUTTE,))]


@pytest.mark.parametrize("sentence", [
    "يعتزم حلف شمال الأطلسي \"الناتو\" افتتاح مكتب في طوكيو.",   # a name in quotation marks
    "شارك في التدريب \"إير ديفيندر\" عدد من الدول.",             # a short quoted name, no speech
    "وتقرر عقد القمة في بروكسل الشهر المقبل.",                  # no quote at all
])
def test_no_quote_where_none_is_said(sentence):
    assert quotes(sentence) == []
