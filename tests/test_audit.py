"""The stream audit on a real store: each class of error it exists to find, found."""
from conftest import run_cli
from marsad import pipeline
from marsad.api import Marsad
from marsad.audit import render
from marsad.document import Article, Mention


def stored(marsad: Marsad, text: str, published: str = "2015-07-25", extra: tuple[Mention, ...] = ()):
    doc = pipeline.run(pipeline.start(Article(source="t.txt", text=f"عنوان الخبر\n{text}", published=published)))
    marsad.store.add(doc.__class__(**{**{f: getattr(doc, f) for f in doc.__dataclass_fields__},
                                      "mentions": doc.mentions + extra}))


def test_the_audit_finds_each_class_of_error(db_path):
    with Marsad(db_path) as marsad:
        for n in range(3):
            stored(marsad, f"وقال الرئيس الأمريكي باراك أوباما إن الاتفاق جيد للمرة {n}.")
        text = "وقال الحكم إن المباراة انتهت على خير وعلى أمل."
        first, second = (text.index("على") + len("عنوان الخبر\n"), text.rindex("على") + len("عنوان الخبر\n"))
        stored(marsad, text, extra=tuple(Mention(at, at + 3, "على", "PER", "new:PER:على", "model") for at in (first, second)))
        late = "وقال الشرع إن الأمر واضح."
        at = late.index("الشرع") + len("عنوان الخبر\n")
        stored(marsad, late, extra=(Mention(at, at + 5, "الشرع", "PER", "ahmed_al_sharaa", "kb"),))
        report = marsad.audit(top=10, listed=10)
    top = {h.name_en: h for h in report.top}
    assert top["Barack Obama"].documents == 3 and "باراك أوباما" in dict(top["Barack Obama"].forms)
    assert any(h.name == "على" for h in report.common_words)
    assert [h.kb_id for h, _ in report.too_early] == ["ahmed_al_sharaa"]
    text = render(report)
    assert "Common words standing as names" in text and "before its name was in use" in text


def test_marsad_audit_prints_the_tables(db_path):
    with Marsad(db_path) as marsad:
        stored(marsad, "وقال الرئيس الأمريكي باراك أوباما إن الاتفاق جيد.")
    done = run_cli("audit", "--top", "5", db=db_path)
    assert done.returncode == 0, done.stderr
    assert "people and organisations named in most articles" in done.stdout and "أوباما" in done.stdout
