"""Exact-span scoring, checked against hand-counted cases (conlleval/seqeval conventions)."""
from marsad.ner.conll import entities, score, split_train_dev


def test_entities_from_iob2_including_a_stray_i():
    assert entities(["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "B-ORG"]) == [
        ("PERS", 0, 2), ("LOC", 3, 4), ("ORG", 4, 5), ("ORG", 5, 6)]


def test_exact_spans_only_count():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "O"]]
    result = score(gold, pred)
    p, r, f = result["micro"]
    assert (round(p, 3), round(r, 3)) == (round(2 / 3, 3), round(2 / 3, 3))
    assert result["PERS"][:3] == (0.0, 0.0, 0.0) and result["LOC"][:3] == (1.0, 1.0, 1.0)


def test_dev_split_is_the_end_of_train():
    sentences = [([str(i)], ["O"]) for i in range(20)]
    train, dev = split_train_dev(sentences, 0.1)
    assert [s[0][0] for s in dev] == ["18", "19"] and len(train) == 18


def test_eval_ner_scores_a_conll_file_and_records_them_beside_a_model(tmp_path):
    import json
    import shutil

    from click.testing import CliRunner

    from marsad.cli import main
    from marsad.recognise.tagger import model_folder

    if not (model_folder() / "model.json").exists():
        import pytest
        pytest.skip("no trained model installed")
    model = tmp_path / "model"
    shutil.copytree(model_folder(), model)
    shutil.copytree(model_folder().parent / "names", tmp_path / "names")     # the card names ../names/
    sample = tmp_path / "sample.txt"
    sample.write_text("قال O\nالرئيس O\nالفرنسي O\nإيمانويل B-PERS\nماكرون I-PERS\nفي O\nباريس B-LOC\n. O\n", "utf-8")
    out = CliRunner().invoke(main, ["eval-ner", str(sample), "--model", str(model), "--record"])
    assert out.exit_code == 0, out.output
    assert "micro" in out.output
    card = json.loads((model / "scores.json").read_text("utf-8"))
    stage = card["recognition_stage"]
    assert stage["file"] == "sample.txt" and len(stage["sha256"]) == 64
    assert stage["scores (P, R, F1 in %, support)"]["PERS"][3] == 1
