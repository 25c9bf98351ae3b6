"""The transliteration key on held-out English–Arabic name pairs, and on spellings news uses."""
import pytest

from conftest import SHARED

from marsad.link import translit
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
    # Measured 0.736 / 0.738 when the costs were set (target 0.9 / 0.8 not reached): a floor
    # against regressions, not the goal.
    assert scores.precision >= 0.70 and scores.recall >= 0.70


@pytest.mark.parametrize("a, b", [
    ("ستولتنبرج", "ستولتنبرغ"), ("روت", "روته"), ("يون سوك-يول", "يون صوك يول"), ("غيرهارتس", "جيرهارتس"),
    ("زيلينسكي", "زيلنسكي"), ("شولتس", "شولتز"),
])
def test_spellings_of_one_name_match(a, b):
    assert translit.key(a) == translit.key(b) and translit.similarity(a, b) >= 0.8


@pytest.mark.parametrize("a, b", [("كيشيدا", "إيشيبا"), ("برايان", "برينا"), ("ماري", "موراي")])
def test_different_names_do_not(a, b):
    assert translit.key(a) != translit.key(b) or translit.similarity(a, b) < 0.8
