"""The progress bar's total: how many articles the inputs hold, counted before they are read."""
import json

from marsad.ingest import count_inputs, read_inputs


def test_the_count_is_the_number_of_articles_read(tmp_path):
    (tmp_path / "a.jsonl").write_text("".join(json.dumps({"text": f"خبر رقم {i} عن الرياض."}, ensure_ascii=False) + "\n"
                                              for i in range(5)) + "\n", "utf-8")
    (tmp_path / "b.json").write_text(json.dumps([{"text": "خبر عن جدة."}, {"text": "خبر عن مكة."}], ensure_ascii=False),
                                     "utf-8")
    (tmp_path / "c.txt").write_text("خبر عن الطائف.", "utf-8")
    assert count_inputs([str(tmp_path)]) == 8 == sum(1 for _ in read_inputs([str(tmp_path)]))


def test_standard_input_has_no_total():
    assert count_inputs(["-"]) is None
