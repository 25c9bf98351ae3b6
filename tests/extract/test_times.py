"""Every date form the extraction issue lists, resolved against a publication date."""
import pytest

from marsad.extract.times import find_times

PUBLISHED = "2024-10-18"   # a Friday


@pytest.mark.parametrize("text, phrase, value", [
    ("وقال الوزير يوم الثلاثاء إن", "يوم الثلاثاء", "2024-10-15"),
    ("أعلن الرئيس اليوم أن", "اليوم", "2024-10-18"),
    ("وكان قد زار أمس العاصمة", "أمس", "2024-10-17"),
    ("تعهد الشهر الماضي بأن", "الشهر الماضي", "2024-09"),
    ("وبدأت الأزمة العام الماضي", "العام الماضي", "2023"),
    ("وسيعقد الاجتماع الأسبوع المقبل في", "الأسبوع المقبل", "2024-10"),
    ("في مايو/ أيار الماضي", "مايو/ أيار الماضي", "2024-05"),
    ("في كانون الأول (ديسمبر) أعلنت", "كانون الأول (ديسمبر)", "2023-12"),
    ("بين يناير ومارس 2024", "مارس 2024", "2024-03"),
    ("أرسلت اليابان الشاحنات ومارس 2024 كان", "ومارس 2024", "2024-03"),
    ("إلى أوكرانيا بين مايو 2023 ومارس 2024.", "بين مايو 2023 ومارس 2024", "2023-05"),
    ("بحلول السنة المالية 2027", "السنة المالية 2027", "2027"),
    ("التي بدأت عام 2022", "عام 2022", "2022"),
    ("أن يصل غدًا الثلاثاء إلى", "غدًا الثلاثاء", "2024-10-19"),
    ("وذكرت الصحيفة، اليوم الجمعة، أن", "اليوم الجمعة", "2024-10-18"),
    ("ووصل الوفد الأحد إلى الرياض", "الأحد", "2024-10-13"),
    ("في 12 تموز/يوليو 2023 وقع", "12 تموز/يوليو 2023", "2023-07-12"),
    ("حتى 23 من الشهر الجاري", "23 من الشهر الجاري", "2024-10-23"),
])
def test_date_forms(text, phrase, value):
    found = {text[t.start:t.end].strip(): t.value for t in find_times(text, PUBLISHED)}
    assert any(phrase in k and v == value for k, v in found.items()), found


@pytest.mark.parametrize("published, text, value, precision", [
    ("2024-10-18", "يحضر الوزير اجتماعا في وقت لاحق من هذا الأسبوع", "2024-10", "month"),   # Sat–Sun
    ("2024-10-19", "يحضر الوزير اجتماعا في وقت لاحق من هذا الأسبوع", "2024-10-20", "day"),  # only Sunday left
    ("2024-10-16", "وكان قد التقى في وقت سابق من هذا الأسبوع", "2024-10", "month"),
    ("2024-10-30", "وسيزور الأسبوع المقبل", "2024-11", "month"),
    ("2024-10-30", "وزار هذا الأسبوع", "2024", "year"),                                    # 28 Oct – 3 Nov
])
def test_a_week_is_given_at_the_precision_it_supports(published, text, value, precision):
    (t,) = [t for t in find_times(text, published) if t.value]
    assert (t.value, t.precision) == (value, precision)


@pytest.mark.parametrize("published, text, value", [
    ("2025-04-09", "أعرب الرئيس مؤخرًا عن عدم رضاه", "2025"),             # some day of the last 60
    ("2023-06-13", "وقبل أيام بدأ الحلف أكبر مناوراته", "2023-06"),       # 6–12 June
    ("2023-01-31", "دعا الزعيم مؤخرا إلى زيادة الترسانة", None),          # December or January
    ("2024-03-10", "وفي الآونة الأخيرة تزايدت الهجمات", "2024"),
    ("2024-03-10", "وقال مؤخرا الرئيس إن", "2024"),
])
def test_a_vague_past_is_given_only_as_far_as_its_days_agree(published, text, value):
    (t,) = find_times(text, published)
    assert t.value == value and t.relative


@pytest.mark.parametrize("text", ["قبل أيام من الانتخابات", "منذ أيام الحرب الأهلية", "قبل ساعات من بدء القمة",
                                  "قبل أسابيع على الموعد"])
def test_days_before_something_else_are_not_a_vague_past(text):
    assert [t.value for t in find_times(text, "2024-05-20") if t.value] == []


def test_ranges_keep_their_end_and_precision():
    (t,) = find_times("بين مايو 2023 ومارس 2024", PUBLISHED)
    assert (t.value, t.end_value, t.precision) == ("2023-05", "2024-03", "month")


def test_without_a_publication_date_relative_expressions_stay_unresolved():
    found = {t.value for t in find_times("وقال يوم الثلاثاء إن الشهر الماضي كان صعبا، وفي مارس 2024 تغير", None)}
    assert found == {None, "2024-03"}


@pytest.mark.parametrize("text", ["اليوم الدولي للسلام", "في المستقبل القريب", "العام الدراسي", "أيام الأسبوع",
                                  "وهذا أحد الأسباب التي تجعل اليابان أكثر حذرا", "صلاة جمعة حاشدة في المسجد"])
def test_no_time_where_none_is_meant(text):
    assert [t.value for t in find_times(text, PUBLISHED) if t.value] == []
