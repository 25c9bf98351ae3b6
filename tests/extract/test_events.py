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


def test_a_deadline_dates_the_plan_but_not_what_was_decided():
    decided = events("وفي أواخر العام الماضي وافقت حكومة اليابان على زيادة الإنفاق الدفاعي إلى 2% بحلول السنة"
                     " المالية 2027.", "2023-06-13")
    assert {(e[0], e[4]) for e in decided if e[0] == "policy_change"} == {("policy_change", "2022")}, decided
    planned = events("وتعتزم ألمانيا رفع إنفاقها الدفاعي إلى 2% بحلول عام 2027.", "2023-06-13")
    assert ("plan", ("germany",), "2027") in {(e[0], e[1], e[4]) for e in planned}, planned


def test_a_vague_past_is_not_the_day_of_writing():
    (said,) = [e for e in events("ودعا زعيم كوريا الشمالية كيم جونغ أون مؤخرا إلى زيادة الترسانة النووية.", "2023-01-31")
               if e[0] == "statement"] or [None]
    assert said is not None and said[4] is None
    (started,) = [e for e in events("وقبل أيام بدأ حلف شمال الأطلسي أكبر مناوراته الجوية.", "2023-06-13")
                  if e[0] == "military_exercise"] or [None]
    assert started is not None and started[4] == "2023-06"


def test_every_type_maps_to_its_cameo_root():
    doc = pipeline.run(pipeline.start(Article(source="t.txt", text="عنوان الخبر\nوفرضت طوكيو عقوبات على موسكو.",
                                              published="2023-01-31")))
    assert [e.cameo for e in doc.events] == ["16"]


def test_no_event_without_someone_doing_it():
    assert events("وتبقى الخطة قيد الدراسة.") == []


def test_a_relative_clause_takes_the_name_before_its_pronoun_and_a_place_is_never_the_subject():
    text = "وقال الرئيس الأوكراني فولوديمير زيلينسكي، الذي كان في بلجيكا لعرض خطته، إنه ممتن لدعم اليابان."
    (visit,) = [e for e in events(text, "2024-10-18") if e[0] == "visit"]
    assert visit[1] == ("volodymyr_zelenskyy",) and visit[3] == "belgium"
    # must not: the place after في taken as the one who visits
    assert not [e for e in events("وكان في طوكيو منذ يوم الاثنين.", "2025-04-09") if "tokyo" in e[1]]


def test_a_demonym_in_the_trigger_is_the_actor():
    (war,) = [e for e in events("وسط تصاعد النشاط العسكري للصين والحرب الروسية المستمرة على أوكرانيا.",
                                "2024-10-18") if e[0] == "invasion"]
    assert war[1] == ("russia",) and "ukraine" in war[2]


@pytest.mark.parametrize("text, published, when", [
    # a well-known event named without a date takes its known start …
    ("وسط الحرب الروسية المستمرة على أوكرانيا.", "2024-10-18", "2022-02-24"),
    ("وطلب الوزير دعم أوكرانيا، التي غزتها جارتها روسيا منذ ما يقرب من عام.", "2023-01-31", "2022-02-24"),
    ("وتحدث عن الغزو العراقي للكويت.", "2020-05-01", "1990-08-02"),
    # … the latest such event before the article …
    ("وتحدث عن الحرب الروسية على أوكرانيا.", "2016-05-01", "2014-03-18"),
    # … but a date the text gives wins
    ("ضم روسيا شبه جزيرة القرم الأوكرانية في 2014.", "2023-06-13", "2014"),
])
def test_known_events_are_dated(text, published, when):
    found = [e for e in events(text, published) if e[0] == "invasion"]
    assert found and found[0][4] == when, found


def test_no_known_date_for_an_event_before_it_happened_or_with_other_parties():
    found = [e for e in events("وتحدث عن الغزو العراقي للكويت.", "1989-05-01") if e[0] == "invasion"]
    assert found and all(e[4] != "1990-08-02" for e in found)
    found = [e for e in events("وتحدث عن الغزو الأمريكي لبنما.", "2020-05-01") if e[0] == "invasion"]
    assert found and all(e[4] is None for e in found), found
