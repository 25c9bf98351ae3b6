import pytest

from marsad.dates import find_anchored_weekdays, find_dates, iso_date


@pytest.mark.parametrize("text, value", [
    ("الجمعة 20 Sep / September 2024", "2024-09-20"),
    ("نُشر في: الثلاثاء 31 يناير/كانون الثاني 2023 - 06:40 م", "2023-01-31"),
    ("طوكيو، 9 أبريل (نيسان) 2025 -", "2025-04-09"),
    ("الاثنين 12 حزيران/يونيو 2023", "2023-06-12"),
    ("September 20, 2024", "2024-09-20"),
    ("تاريخ النشر: 12/07/2023", "2023-07-12"),
    ("2023-06-13T10:00:00+03:00", "2023-06-13"),
    ("وقع في 3 ومارس 2024", "2024-03-03"),
    ("الأحد، 5 من شباط 2023", "2023-02-05"),
    ("الإثنين 11 شوال 1436", "2015-07-27"),
    ("الرياض 1436/10/11 هـ", "2015-07-27"),      # a Hijri date in digits, not the year 1436
    ("٢٠ سبتمبر ٢٠٢٤", "2024-09-20"),
])
def test_full_dates_in_both_month_systems_and_scripts(text, value):
    found = find_dates(text)
    assert [d.value for d in found] == [value]
    assert text[found[0].start:found[0].end].strip()


@pytest.mark.parametrize("text", ["في عام 2024", "بين مايو 2023 ومارس 2024", "31/02/2023", "في 2023/13/45",
                                  "رقم 123/03/2024"])
def test_no_full_date_where_none_is_written(text):
    assert find_dates(text) == []


def test_weekday_agreement_is_reported():
    assert find_dates("الجمعة 20 سبتمبر 2024")[0].weekday_agrees is True
    assert find_dates("الخميس 20 سبتمبر 2024")[0].weekday_agrees is False
    assert find_dates("20 سبتمبر 2024")[0].weekday_agrees is None


def test_weekdays_anchored_to_the_day_of_writing():
    text = "وذكرت صحيفة نيكي، اليوم الثلاثاء، أن الحلف… وكان قد أعلن أمس الاثنين"
    assert [(w, o) for _, _, w, o in find_anchored_weekdays(text)] == [(2, 0), (1, -1)]
    assert find_anchored_weekdays("يوم الثلاثاء في طوكيو") == []


def test_metadata_dates_in_common_forms():
    assert iso_date("2024-10-01T19:10:00+03:00") == "2024-10-01"
    assert iso_date("Wed, 09 Apr 2025 17:40:00 +0300") == "2025-04-09"
    assert iso_date("2015-07-21 02:51:32") == "2015-07-21"
    assert iso_date("قريبا") is None
