from conftest import EXAMPLES

from marsad import pipeline
from marsad.api import analyze
from marsad.document import Article


def dated(text: str, **metadata):
    return pipeline.run(pipeline.start(Article(source="t.txt", text=text, **metadata)))


BODY = "قال الأمين العام للحلف إن الشراكة مع اليابان ستتعزز في السنوات المقبلة، وإن التعاون سيشمل الفضاء والأمن السيبراني."


def test_no_seed_carries_a_trustworthy_dateline(seed_documents):
    for name, doc in seed_documents.items():
        if name.startswith("003"):
            assert (doc.published, doc.published_uncertain) == ("2024-09-20", True)
            assert "above the title" in doc.published_note and "اليوم الثلاثاء" in doc.published_note
        else:
            assert doc.published is None and not doc.published_uncertain


def test_metadata_date_wins():
    doc = dated(f"عنوان\n{BODY}", published="2024-10-01T19:10:00+03:00")
    assert (doc.published, doc.published_uncertain) == ("2024-10-01", False)


def test_date_line_under_the_title_is_trusted():
    doc = dated(f"عنوان الخبر\nنُشر في: الثلاثاء 31 يناير/كانون الثاني 2023\n{BODY}")
    assert (doc.published, doc.published_uncertain) == ("2023-01-31", False)


def test_dateline_in_the_lead_is_read():
    doc = dated(f"عنوان الخبر\nالرياض، 12 مارس 2024 (واس) - {BODY}")
    assert (doc.published, doc.published_uncertain) == ("2024-03-12", False)


def test_date_above_the_title_is_the_page_date_and_uncertain():
    doc = dated(f"الجمعة 20 سبتمبر 2024\nعنوان الخبر\n{BODY}")
    assert (doc.published, doc.published_uncertain) == ("2024-09-20", True)


def test_body_naming_another_weekday_for_today_makes_the_date_uncertain():
    doc = dated(f"عنوان الخبر\nالجمعة 20 سبتمبر 2024\nوذكرت الصحيفة اليوم الثلاثاء أن {BODY}")
    assert doc.published == "2024-09-20" and doc.published_uncertain


def test_save_date_is_used_only_as_an_uncertain_fallback():
    doc = dated(f"عنوان\n{BODY}", metadata={"saved": "2015-07-21 02:51:32"})
    assert (doc.published, doc.published_uncertain) == ("2015-07-21", True)


def test_bundled_examples_are_dated():
    analysis = analyze([str(EXAMPLES)])
    assert not analysis.skipped
    documents = analysis.documents
    by_file = {d.source.rsplit("/", 1)[-1]: d for d in documents}
    assert by_file["01_sahil-today_stoltenberg-tokyo_2023-01-31.txt"].published == "2023-01-31"
    assert by_file["04_alwaha-digital_liaison-office_2023-06-12_cp1256.txt"].published == "2023-06-12"
    assert by_file["07_almadar-news_rutte-ishiba_2025-04-09.html"].published == "2025-04-09"
    assert all(d.published for d in documents)
