"""The gate on the hand-judged SaudiNewsNet sample: floors that only go up.

The sample (``evaluation/snn_dev.jsonl``) holds standoff judgements of 340 spans; the
articles are read from ``../shared/data/saudinewsnet`` and analysed afresh into a real
store, then scored (:mod:`marsad.sample`). The floors are in ``tests/golden/stream_floors.yaml``;
raise them when the figures rise, never lower them.
"""
import json
import zipfile

import pytest
import yaml

from conftest import ROOT, SHARED
from marsad import sample
from marsad.api import Marsad
from marsad.kb import knowledge_base

SNN = SHARED / "data" / "saudinewsnet"
FLOORS = yaml.safe_load((ROOT / "tests" / "golden" / "stream_floors.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    judged = [j for j in sample.read(ROOT / "evaluation" / "snn_dev.jsonl") if j.name]
    urls = {j.url for j in judged}
    if not SNN.is_dir():
        pytest.skip(f"SaudiNewsNet is not at {SNN}")
    folder = tmp_path_factory.mktemp("snn")
    for archive in sorted(SNN.glob("*.zip")):
        with zipfile.ZipFile(archive) as z:
            rows = [r for name in z.namelist() for r in json.loads(z.read(name)) if r.get("url") in urls]
        if rows:
            (folder / f"{archive.stem}.json").write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    with Marsad(folder / "store.db") as marsad:
        marsad.ingest([str(p) for p in sorted(folder.glob("*.json"))])
        return sample.score(marsad.store.db, knowledge_base(), judged)


def test_every_judged_article_is_analysed(scored):
    assert scored.judged == 340


def test_marked_spans_are_names(scored):
    assert 1 - scored.not_name_rate >= FLOORS["name_precision"], scored.summary()


def test_true_names_are_linked_to_their_entity(scored):
    assert 1 - scored.wrong_link_rate >= FLOORS["link_precision"], scored.summary()


def test_true_names_stay_marked(scored):
    assert scored.names >= FLOORS["names_marked"], scored.summary()
