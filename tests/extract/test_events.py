"""Events: typed frames with actors, targets, place and date, each with its evidence."""
import pytest

from marsad import pipeline
from marsad.document import Article


def events(text: str, published: str = "2023-01-31"):
    doc = pipeline.run(pipeline.start(Article(source="t.txt", text=f"عنوان الخبر\n{text}", published=published)))
    return [(e.type, e.actors, e.targets, e.where, e.when) for e in doc.events]


@pytest.mark.parametrize("sentence, kind, actor, target", [
    ("ووصل وزير الدفاع الأمريكي لويد أوستن إلى سيول يوم الاثنين.", "visit", "lloyd_austin", None),
    ("والتقى مارك روته رئيس الوزراء الياباني شيغيرو إيشيبا في طوكيو.", "meeting", "mark_rutte", "shigeru_ishiba"),
    ("اتفق وزير الدفاع الأمريكي لويد أوستن ونظيره الكوري الجنوبي لي جونغ سوب على تعزيز الردع.", "agreement",
     "lloyd_austin", None),
    ("وأرسلت اليابان شاحنات عسكرية إلى أوكرانيا.", "aid", "japan", "ukraine"),
    ("وفرضت طوكيو عقوبات على موسكو.", "sanction", "tokyo", "moscow"),
    ("وأجرت الصين تدريبات عسكرية واسعة حول تايوان.", "military_exercise", "china", "taiwan"),
    ("وأطلقت كوريا الشمالية صاروخا باليستيا.", "weapons_test", "north_korea", None),
    ("ويعتزم حلف شمال الأطلسي افتتاح مكتب في طوكيو.", "plan", "nato", None),
    ("واعترض الرئيس الفرنسي إيمانويل ماكرون على الخطة.", "objection", "emmanuel_macron", None),
    ("وقال مارك روته إن الحلف موحد.", "statement", "mark_rutte", None),
])
def test_event_types(sentence, kind, actor, target):
    found = [e for e in events(sentence, "2025-04-09") if e[0] == kind]
    assert found, events(sentence, "2025-04-09")
    assert actor in found[0][1]
    if target:
        assert target in found[0][2] or target in found[0][1]


def test_event_date_from_the_sentence_and_place_after_في():
    (visit,) = [e for e in events("ووصل لويد أوستن إلى سيول يوم الاثنين.") if e[0] == "visit"]
    assert visit[4] == "2023-01-30"
    (meeting,) = [e for e in events("والتقى ينس ستولتنبرغ فوميو كيشيدا في طوكيو أمس.") if e[0] == "meeting"]
    assert meeting[3] == "tokyo" and meeting[4] == "2023-01-30"


def test_every_type_maps_to_its_cameo_root():
    doc = pipeline.run(pipeline.start(Article(source="t.txt", text="عنوان الخبر\nوفرضت طوكيو عقوبات على موسكو.",
                                              published="2023-01-31")))
    assert [e.cameo for e in doc.events] == ["16"]


def test_no_event_without_someone_doing_it():
    assert events("وتبقى الخطة قيد الدراسة.") == []
