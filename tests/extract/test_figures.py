"""Every figure form the extraction issue lists: digits, words, percentages, approximations, units."""
import pytest

from marsad import pipeline
from marsad.document import Article


def figures(sentence: str):
    doc = pipeline.run(pipeline.start(Article(source="t.txt", text=f"عنوان الخبر\n{sentence}", published="2024-10-18")))
    return [(f.value, f.unit, f.approx, doc.text[f.start:f.end]) for f in doc.figures]


@pytest.mark.parametrize("sentence, value, unit", [
    ("أرسلت اليابان 101 شاحنة إلى أوكرانيا.", 101, "trucks"),
    ("أرسلت اليابان ١٠١ شاحنة إلى أوكرانيا.", 101, "trucks"),
    ("شارك في التدريب نحو 250 طائرة عسكرية.", 250, "aircraft"),
    ("وسيشارك نحو عشرة آلاف شخص في المناورات.", 10000, "people"),
    ("اتفق وزراء ثلاث دول على التعاون.", 3, "countries"),
    ("وصل مئة وواحد جندي إلى القاعدة.", 101, "soldiers"),
    ("رفع الإنفاق إلى 2٪ من الناتج المحلي الإجمالي.", 2, "percent_gdp"),
    ("ارتفعت الأسعار بنسبة 3.5% هذا العام.", 3.5, "percent"),
    ("خصصت 43 تريليون ين للدفاع.", 43e12, "jpy"),
    ("قدمت الولايات المتحدة أكثر من 60 مليار دولار.", 60e9, "usd"),
    ("قررت زيادة الإنفاق بمقدار الضعف.", 2, "times"),
    ("تضاعفت ميزانية الدفاع خلال عامين.", 2, "times"),
    ("ناقش الوزراء التعاون بين الدول الأربع.", 4, "countries"),
    ("بدأت الحرب منذ ما يقرب من عام.", 1, "years"),
    ("قتل 12 مدنيا في القصف.", 12, "civilians"),
])
def test_figure_forms(sentence, value, unit):
    found = figures(sentence)
    assert any(v == value and u == unit for v, u, _, _ in found), found


def test_approximations_are_marked():
    assert figures("شارك نحو 250 طائرة.")[0][2] is True
    assert figures("شارك 250 طائرة.")[0][2] is False


@pytest.mark.parametrize("sentence", [
    "عقد الاجتماع في 12 مارس 2024 في بروكسل.",          # a date, not a figure
    "التي بدأت عام 2022 وما زالت مستمرة.",               # a year
    "وفرضت مجموعة الدول السبع عقوبات على موسكو.",         # a number inside a name
    "ويعد هذا ضعف في السياسة الدفاعية.",                  # ضعف = weakness
    "عشرات الآلاف من الجنود الأمريكيين في اليابان.",       # no number given
])
def test_no_figure_where_none_is_meant(sentence):
    assert figures(sentence) == []
