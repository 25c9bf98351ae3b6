"""The knowledge-base files, validated whole: adding an entry is a one-file change checked here."""
import datetime as dt
import itertools
from collections import defaultdict

import pytest

from marsad import resources

from marsad.kb import FILES, knowledge_base, load_files, name_key, records as kb_records

TYPES = {"PER", "ORG", "GPE", "LOC", "EVENT", "NORP", "MISC"}


@pytest.fixture(scope="module")
def records():
    return {file: kb_records(file) for file in FILES}


def test_ids_are_unique_across_files(records):
    ids = [r["id"] for rows in records.values() for r in rows]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates


def test_every_entry_has_the_required_fields(records):
    for file, rows in records.items():
        for r in rows:
            assert r["type"] in TYPES, (file, r["id"])
            assert r["name_en"] and r["name_ar"], (file, r["id"])
            assert r["id"] == r["id"].lower() and " " not in r["id"], r["id"]
            if r.get("wikidata"):
                assert str(r["wikidata"]).startswith("Q") and str(r["wikidata"])[1:].isdigit(), r["id"]


def test_every_name_normalises_to_a_key():
    entities, _ = load_files()
    for entity in entities.values():
        for name in (*entity.names, *entity.demonyms):
            assert name_key(name), (entity.id, name)


def test_no_two_holders_of_one_office_overlap():
    entities, roles = load_files()
    terms = defaultdict(list)
    for entity in entities.values():
        for office in entity.offices:
            assert office.jurisdiction in entities, (entity.id, office.office)
            assert office.role in roles, (entity.id, office.office)
            assert office.start is None or office.end is None or office.start < office.end, (entity.id, office)
            terms[office.office].append((office, entity.id))
    for office, held in terms.items():
        full = [(o, who) for o, who in held if not o.acting]
        for (a, who_a), (b, who_b) in itertools.combinations(full, 2):
            if who_a == who_b:
                continue
            a_end, b_end = a.end or dt.date.max, b.end or dt.date.max
            assert a_end <= (b.start or dt.date.min) or b_end <= (a.start or dt.date.min), \
                f"{office}: {who_a} {a.start}–{a.end} overlaps {who_b} {b.start}–{b.end}"


def test_an_alias_names_one_entity_of_a_type_unless_marked_ambiguous():
    entities, _ = load_files()
    owners = defaultdict(set)
    for entity in entities.values():
        for name in (*entity.aliases, entity.name_ar, *entity.abbreviations):
            if name not in entity.ambiguous_aliases:
                owners[(name_key(name), entity.type)].add(entity.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert not shared


def test_the_base_is_broad_enough():
    kb = knowledge_base()
    by_file = defaultdict(list)
    for entity in kb.entities.values():
        by_file[entity.source_file].append(entity)
    assert len(by_file["countries"]) >= 195
    assert len(by_file["organisations"]) + len(by_file["media"]) >= 60
    assert sum(1 for e in by_file["people"] if e.offices) >= 400


@pytest.mark.parametrize("word, country", [
    ("الياباني", "japan"), ("اليابانية", "japan"), ("اليابانيون", "japan"), ("اليابانيين", "japan"),
    ("السعودي", "saudi_arabia"), ("القطرية", "qatar"), ("المصريين", "egypt"), ("الروس", "russia"),
    ("الأمريكية", "united_states"), ("الفرنسي", "france"), ("الإيرانية", "iran"), ("الأوكرانيين", "ukraine"),
])
def test_demonyms_resolve_to_their_country(word, country):
    assert knowledge_base().country_of_demonym(word).id == country


@pytest.mark.parametrize("name, entity", [
    ("الناتو", "nato"), ("حلف شمال الأطلسي", "nato"), ("حلف الأطلسي", "nato"), ("الحلف الأطلسي", "nato"),
    ("الأمم المتحدة", "united_nations"), ("مجلس التعاون الخليجي", "gulf_cooperation_council"),
    ("جامعة الدول العربية", "arab_league"), ("الاتحاد الأوروبي", "european_union"),
    ("الولايات المتحدة", "united_states"), ("أميركا", "united_states"), ("السعودية", "saudi_arabia"),
    ("الرياض", "riyadh"), ("كوريا الجنوبية", "south_korea"), ("ستولتنبرغ", "jens_stoltenberg"),
    ("أنطونيو غوتيريش", "antonio_guterres"), ("محمد بن سلمان", "mohammed_bin_salman"),
    ("رويترز", "reuters"), ("وكالة الأنباء السعودية", "saudi_press_agency"),
])
def test_names_in_many_spellings_resolve(name, entity):
    assert entity in [e.id for e in knowledge_base().lookup(name)]


def test_a_one_word_name_that_is_a_function_word_is_marked_ambiguous_or_reviewed():
    """A name of one word the news almost never uses as a name (data/common_words.tsv) finds that
    word everywhere: it is an ambiguous alias, or a reviewed name the tagger simply does not know
    (kb/reviewed_names.yaml)."""
    from marsad.normalize import written_form
    from marsad.words import is_function_like
    reviewed = set(resources.load("kb/reviewed_names.yaml")["function_words_that_are_names"])
    entities, _ = load_files()
    unmarked = set()
    for entity in entities.values():
        for name in (entity.name_ar, *entity.aliases, *entity.abbreviations):
            forms = {written_form(name)} | ({written_form(name)[2:]} if written_form(name).startswith("ال") else set())
            if " " not in name.strip() and name not in entity.ambiguous_aliases and name not in reviewed \
                    and any(is_function_like(f) for f in forms):
                unmarked.add((entity.id, name))
    assert not unmarked
