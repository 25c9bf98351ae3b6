import json

from conftest import EXAMPLES

from marsad.errors import InputError
from marsad.ingest import read_inputs, sniff_format
from marsad.ingest.language import detect_language


def read(paths):
    items = list(read_inputs([str(p) for p in paths]))
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def test_every_bundled_example_is_read(tmp_path):
    articles, errors = read([EXAMPLES])
    assert not errors
    formats = {a.format for a in articles}
    assert formats == {"text", "html", "jsonl", "feed"}
    assert {a.encoding for a in articles} >= {"utf-8", "windows-1256"}
    assert len(articles) == 9


def test_html_page_keeps_the_article_and_drops_navigation_and_scripts():
    (page,) = EXAMPLES.glob("*.html")
    (article,), _ = read([page])
    assert article.format == "html" and article.published == "2025-04-09"
    assert article.title and article.text.startswith(article.title)
    assert "<script" not in article.text and "function" not in article.text
    assert "الأكثر قراءة" not in article.text


def test_feed_entries_become_articles_with_dates_and_links():
    (feed,) = EXAMPLES.glob("*.xml")
    articles, errors = read([feed])
    assert not errors and len(articles) == 2
    assert [a.published for a in articles] == ["2025-04-09", "2023-01-30"]
    assert all(a.url and a.source == a.url for a in articles)


def test_jsonl_records_carry_title_date_url_and_outlet(tmp_path):
    path = tmp_path / "feed.jsonl"
    records = [{"title": "عنوان أول", "text": "نص الخبر الأول عن الناتو واليابان وكوريا.", "date": "2024-10-01",
                "url": "https://example.org/a", "source": "الدرب"},
               {"title": "عنوان ثان", "content": "نص الخبر الثاني عن اجتماع وزراء الدفاع في بروكسل.",
                "source": "002_x.txt", "date": "2024-10-18"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    (first, second), errors = read([path])
    assert not errors
    assert (first.source, first.outlet, first.published) == ("https://example.org/a", "الدرب", "2024-10-01")
    assert first.text.startswith("عنوان أول\n\nنص الخبر الأول")
    assert second.source == "002_x.txt" and second.published == "2024-10-18"


def test_seed_feed_gives_the_seed_file_names_and_dates(seeds_dir):
    articles, errors = read([seeds_dir.parent / "seeds.jsonl"])
    assert not errors
    assert [a.source for a in articles] == sorted(p.name for p in seeds_dir.iterdir())
    assert all(a.published for a in articles)


def test_format_is_sniffed_when_the_extension_says_nothing():
    assert sniff_format("page", b"<!DOCTYPE html><html>") == "html"
    assert sniff_format("feed", b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert sniff_format("dump", b'{"text": "x"}\n{"text": "y"}') == "jsonl"
    assert sniff_format("dump", b'[{"text": "x"}]') == "json"
    assert sniff_format("notes", "نص".encode()) == "text"


def test_language_check_tells_arabic_from_others():
    assert detect_language("قال الأمين العام لحلف شمال الأطلسي إن الحلف سيواصل تعزيز شراكته مع اليابان")[0] == "ar"
    assert detect_language("NATO Secretary General said the alliance will keep working with Japan")[0] == "other"
    assert detect_language("دبیرکل ناتو گفت که این پیمان همکاری با ژاپن را ادامه می‌دهد و گسترش پیدا می‌کند")[0] == "fa"


def test_arabic_typed_with_persian_letters_is_still_arabic():
    text = "سبق- أستراليا: توفى شيخ شمل قبائل أكلب، الشيخ سعيد آل عطيان، والد المبتعثة إلی جامعة أدليد، الدكتورة هدی."
    assert detect_language(text)[0] == "ar"


def test_arabic_article_with_a_latin_appendix_is_arabic():
    body = "ينقسم الصائمون من حيث الإفطار في شهر رمضان المبارك إلى نوعين، نوع يتناول كل ما لديه. " * 5
    refs = "Smith J. Nutrition and fasting. Journal of Clinical Nutrition 2012; 45: 100-110. " * 12
    assert detect_language(body + refs)[0] == "ar"
