"""The transliteration key on held-out English–Arabic name pairs, and on spellings news uses."""
import pytest

from conftest import SHARED

from marsad.link import spelling, translit
from marsad.link.name_pairs import half, pairwise, spelling_groups


@pytest.fixture(scope="module")
def groups():
    names = SHARED / "data" / "names"
    if not (names / "google_ar2en.tsv").exists():
        pytest.skip("no name pairs in ../shared/data/names")
    return spelling_groups(names / "wikidata_person_names_en_ar.tsv", names / "google_ar2en.tsv")


def test_held_out_name_pairs(groups):
    held = half(groups, held_out=True)
    scores = pairwise(held)
    print(f"\nheld-out names {len(held)}: pairwise P {scores.precision:.3f} R {scores.recall:.3f} "
          f"({scores.predicted} joined, {scores.gold} gold pairs)")
    assert len(held) > 700 and scores.gold > 700
    # The learnt judge reached what its card records when it was trained (the sound key alone
    # had 0.736 / 0.738); the target is 0.9 / 0.8.
    card = spelling.model().card["held_out"]
    assert abs(scores.precision - card["precision"]) < 0.005 and abs(scores.recall - card["recall"]) < 0.005
    assert scores.precision > 0.736 and scores.recall > 0.738      # better than the sound key alone


@pytest.mark.parametrize("a, b", [
    ("ستولتنبرج", "ستولتنبرغ"), ("روت", "روته"), ("يون سوك-يول", "يون صوك يول"), ("غيرهارتس", "جيرهارتس"),
    ("زيلينسكي", "زيلنسكي"), ("شولتس", "شولتز"),
])
def test_spellings_of_one_name_match(a, b):
    assert translit.key(a) == translit.key(b) and translit.similarity(a, b) >= 0.8
    assert spelling.same(a, b)


@pytest.mark.parametrize("a, b", [("ستريلر", "شتريلر"), ("هيرتسبيرغ", "هيرزبرج"), ("ليختنشتاين", "ليشتنشتاين")])
def test_spellings_the_key_keeps_apart_are_judged_one(a, b):
    assert translit.key(a) != translit.key(b) and set(translit.lookup_keys(a)) & set(translit.index_keys(b))
    assert spelling.same(a, b)


@pytest.mark.parametrize("a, b", [("كيشيدا", "إيشيبا"), ("برايان", "برينا"), ("ماري", "موراي")])
def test_different_names_do_not(a, b):
    assert translit.key(a) != translit.key(b) or translit.similarity(a, b) < 0.8
    assert not spelling.same(a, b)


def test_a_judgement_names_its_reasons():
    reasons = dict(spelling.explain("ستولتنبرج", "ستولتنبرغ"))
    assert "swap ج/غ" in " ".join(reasons) and spelling.probability("ستولتنبرج", "ستولتنبرغ") > 0.8


def test_the_spelling_model_is_reproduced_by_its_recipe(tmp_path):
    pytest.importorskip("sklearn", reason="the training recipe needs the `train` extra")
    from marsad.link.spelling_training import train
    names = SHARED / "data" / "names"
    if not (names / "google_ar2en.tsv").exists():
        pytest.skip("no name pairs in ../shared/data/names")
    card = train(names / "wikidata_person_names_en_ar.tsv", names / "google_ar2en.tsv", tmp_path / "model.json")
    shipped = spelling.model().card
    assert card["held_out"] == shipped["held_out"]
    assert {k: v for k, v in card["recipe"].items() if k != "seconds"} == \
        {k: v for k, v in shipped["recipe"].items() if k != "seconds"}
