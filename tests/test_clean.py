import re
from pathlib import Path

import pytest
import yaml

from marsad import pipeline, resources
from marsad.clean import clean, line_key
from marsad.document import Article
from marsad.normalize import orthographic_key

GOLDEN = yaml.safe_load((Path(__file__).parent / "golden" / "furniture.yaml").read_text("utf-8"))
PARAGRAPH = ("وقال الأمين العام لحلف شمال الأطلسي في مؤتمر صحفي إن الشراكة مع اليابان باتت أوثق من أي وقت مضى، "
             "مضيفًا أن أمن أوروبا وأمن آسيا مترابطان.")


def cleaned(line: str):
    text = f"عنوان الخبر عن الناتو\n{PARAGRAPH}\n{line}\n{PARAGRAPH.replace('وقال', 'وأكد')}"
    return clean(pipeline.start(Article(source="t.txt", text=text)))


@pytest.mark.parametrize("line", GOLDEN["must_remove"])
def test_furniture_is_removed(line):
    doc = cleaned(line)
    assert [r.text for r in doc.removed] == [line]
    assert line not in doc.text.split("\n")


@pytest.mark.parametrize("line", GOLDEN["must_keep"])
def test_article_text_is_kept(line):
    doc = cleaned(line)
    assert doc.removed == ()
    assert line in doc.text.split("\n")


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[\"“”«»'‘’]", "", s).split())


def test_no_body_line_of_any_seed_is_removed(seeds_dir, seed_documents, gold):
    for name, doc in seed_documents.items():
        furniture = {_norm(b) for b in gold[name]["boilerplate"]}
        kept = {_norm(line) for line in doc.text.split("\n")}
        body = [line.strip() for line in (seeds_dir / name).read_text("utf-8").split("\n") if line.strip()]
        missing = [line for line in body if _norm(line) not in furniture and _norm(line) not in kept]
        assert not missing, f"{name}: body lines removed: {missing}"


@pytest.mark.parametrize("name", ["002_54d0b066e7bb62f8.txt", "003_37b8f7d4eb5ec90b.txt", "004_64d9782297a6b38a.txt"])
def test_the_furniture_of_the_seeds_is_removed(seed_documents, gold, name):
    removed = [_norm(r.text) for r in seed_documents[name].removed]
    for line in gold[name]["boilerplate"]:
        assert any(_norm(line) in r for r in removed), line
    assert all(any(_norm(b) in r for b in gold[name]["boilerplate"]) for r in removed)


def test_the_title_is_kept_once_and_its_repeat_removed(seed_documents):
    doc = seed_documents["003_37b8f7d4eb5ec90b.txt"]
    assert doc.title == "لتعزيز العلاقات الثنائية.. الناتو ينوي فتح مكتب اتصال في اليابان"
    assert doc.text.startswith(doc.title + "\n")
    assert [r.reason for r in doc.removed if r.text == doc.title] == ["repeated title"]


def test_offsets_lead_back_to_the_original(seed_documents):
    for doc in seed_documents.values():
        for clean_start, original_start, length in doc.offset_map.runs:
            assert doc.text[clean_start:clean_start + length] == doc.original[original_start:original_start + length]
        for line in doc.removed:
            assert doc.original[line.start:line.end] == line.text


def test_lines_an_outlet_repeats_across_its_articles_are_removed():
    text = f"عنوان\n{PARAGRAPH}\nللتواصل مع الكاتب ارسل رسالة SMS\n{PARAGRAPH}"
    doc = pipeline.start(Article(source="a.txt", text=text, outlet="x"))
    repeated = {line_key("للتواصل مع الكاتب ارسل رسالة SMS")}
    assert [r.reason for r in clean(doc, repeated).removed] == ["repeated across the outlet's articles"]
    assert clean(doc).removed == ()


def test_rule_patterns_are_written_in_key_form():
    for rule in resources.load("furniture.yaml")["rules"]:
        for pattern in rule.get("patterns", []) + rule.get("vocabulary", []):
            assert not re.search(r"[أإآىة]", pattern), (rule["name"], pattern)
            assert pattern == pattern.lower()
        for word in rule.get("vocabulary", []):
            assert orthographic_key(word) == word


def test_share_buttons_that_open_a_line_of_text_are_cut_off_it():
    text = ("خبر عن الندوة\nشارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك يتساءل مثقفون عن الجديد في الندوة.\n"
            "وقال المنظمون إن الحضور كان كبيرا.")
    doc = pipeline.run(pipeline.start(Article(source="t.txt", text=text, title="خبر عن الندوة")), only=("clean",))
    assert "جوجل" not in doc.text and "يتساءل مثقفون عن الجديد في الندوة." in doc.text
    cut = [r for r in doc.removed if "جوجل" in r.text]
    assert cut and doc.original[cut[0].start:cut[0].end] == cut[0].text
