from marsad import normalize as n


def test_each_rule_is_separately_callable():
    assert n.remove_diacritics("سَيُنْفِقُ") == "سينفق"
    assert n.remove_tatweel("الـنـاتو") == "الناتو"
    assert n.normalize_alef("أإآٱ") == "اااا"
    assert n.normalize_alef_maqsura("مستوى") == "مستوي"
    assert n.normalize_teh_marbuta("الدولة") == "الدوله"
    assert n.normalize_digits("٢٠٢٧ و۲۰") == "2027 و20"
    assert n.normalize_punctuation("،؛؟٪«»“”") == ',;?%""""'
    assert n.remove_invisibles("ا\u200fل\u200cن") == "الن"


def test_orthographic_key_folds_spelling_variants_together():
    variants = ["إيشيبا", "ايشيبا", "إيشيبَا", "إيـشيبا"]
    assert len({n.orthographic_key(v) for v in variants}) == 1
    assert n.orthographic_key("٢٪") == n.orthographic_key("2%")
    assert n.orthographic_key("ﻻ") == "لا"
    assert n.orthographic_key("  NATO  ") == "nato"


def test_keys_are_computed_beside_the_text_never_replacing_it():
    text = "أُوكرانيا"
    key = n.orthographic_key(text)
    assert text == "أُوكرانيا" and key == "اوكرانيا"


def test_matching_view_keeps_length_for_offsets():
    text = "قال إيشيبا في ٩ أبريل؟"
    view = n.matching_view(text)
    assert len(view) == len(text)
    assert view.index("ايشيبا") == text.index("إيشيبا")


def test_clitic_readings_read_through_attached_clitics():
    for form in ("الناتو", "بالناتو", "للناتو", "والناتو", "فالناتو", "وللناتو", "ناتو"):
        assert "ناتو" in n.clitic_readings(n.orthographic_key(form)), form
    assert n.clitic_readings("ووزير")[:2] == ("ووزير", "وزير")


def test_clitic_readings_keep_short_names_whole():
    assert n.clitic_readings("لي") == ("لي",)
    assert "لي" in n.clitic_readings("ولي")
    assert n.search_key("الله") in n.clitic_readings(n.orthographic_key("والله"))


def test_search_key_drops_only_the_article():
    assert n.search_key("الناتو") == "ناتو"
    assert n.search_key("وزير") == "وزير"
    assert n.search_key("بالناتو") == "بالناتو"
