"""Titles resolved to the office-holder on the article's date, on both sides of a change of office."""
import pytest

from marsad import pipeline
from marsad.document import Article


def linked(text: str, published: str | None):
    doc = pipeline.run(pipeline.start(Article(source="t.txt", text=f"عنوان الخبر\n{text}", published=published)))
    return [(m.text, m.entity) for m in doc.mentions if m.via_title]


@pytest.mark.parametrize("sentence, before, after, expected", [
    ("وقال الأمين العام لحلف الناتو إن الحلف سيدعم أوكرانيا.", "2024-09-30", "2024-10-02",
     ("jens_stoltenberg", "mark_rutte")),
    ("وقال رئيس الوزراء الياباني إن بلاده ستعزز دفاعاتها.", "2024-09-30", "2024-10-02",
     ("fumio_kishida", "shigeru_ishiba")),
    ("وقال وزير الدفاع الأمريكي إن القوات ستبقى في المنطقة.", "2025-01-10", "2025-02-01",
     ("lloyd_austin", "pete_hegseth")),
    ("وقال الرئيس الأوكراني إن الهجوم فشل.", "2019-05-01", "2019-06-01",
     ("petro_poroshenko", "volodymyr_zelenskyy")),
    ("وأعلن رئيس الوزراء البريطاني استقالته.", "2022-10-20", "2022-10-30", ("liz_truss", "rishi_sunak")),
])
def test_a_title_is_its_holder_on_the_day(sentence, before, after, expected):
    assert [e for _, e in linked(sentence, before)] == [expected[0]]
    assert [e for _, e in linked(sentence, after)] == [expected[1]]


def test_a_title_naming_a_body_mentioned_earlier():
    text = "اجتمع وزراء حلف شمال الأطلسي في بروكسل. ووقتها قال أمين الحلف إن الشراكة مع اليابان تتعمق."
    assert linked(text, "2023-02-01") == [("أمين الحلف", "jens_stoltenberg")]
    assert linked(text, "2025-02-01") == [("أمين الحلف", "mark_rutte")]


def test_without_a_date_a_title_stays_unresolved():
    assert linked("وقال الأمين العام للناتو إن الحلف سيدعم أوكرانيا.", None) == [("الأمين العام للناتو", None)]


def test_a_former_holder_is_not_the_one_in_office():
    text = "وقال رئيس الوزراء الياباني السابق إن الخطة طموحة."
    assert linked(text, "2025-04-09") == [("رئيس الوزراء الياباني السابق", None)]


def test_a_title_beside_a_name_stands_for_that_person():
    doc = pipeline.run(pipeline.start(Article(
        source="t.txt", published="2023-06-13",
        text="عنوان الخبر\nوأشاد ينس ستولتنبرغ، الأمين العام للناتو، بخطة اليابان لزيادة إنفاقها الدفاعي.")))
    (title,) = [m for m in doc.mentions if m.via_title]
    assert title.entity == "jens_stoltenberg" and title.evidence[0][0] == "apposition"


def test_a_title_with_no_country_is_no_one_when_the_article_names_several_that_have_the_office():
    text = "وزار الوفد السعودي إيران ثم مصر. وقال وزير الخارجية إن المحادثات مثمرة."
    assert linked(text, "2015-07-25") == [("وزير الخارجية", None)]
    alone = "وصل الوفد إلى مصر. وقال وزير الخارجية إن المحادثات مثمرة."
    assert linked(alone, "2015-07-25") == [("وزير الخارجية", "sameh_shoukry")]


def test_an_anaphor_takes_only_a_body_its_head_noun_names():
    text = "وأعلن الاتحاد السعودي لكرة القدم برنامجه. وقال رئيس الاتحاد إن الموسم سيبدأ مبكرا. وأشاد الاتحاد الأوروبي بالقرار."
    assert ("رئيس الاتحاد", "european_commission_president") not in linked(text, "2015-07-25")
    nato = "اجتمع الاتحاد الأوروبي وحلف شمال الأطلسي في بروكسل. وقال أمين الحلف إن الشراكة تتعمق."
    assert linked(nato, "2023-02-01") == [("أمين الحلف", "jens_stoltenberg")]


@pytest.mark.parametrize("sentence", ["وقال أمير منطقة الرياض إن المشروع سيكتمل.", "وافتتح أمير الرياض المعرض."])
def test_a_province_emir_is_the_holder_whether_the_province_or_its_capital_is_written(sentence):
    assert [entity for _, entity in linked(sentence, "2015-07-25")] == ["faisal_bin_bandar"]
