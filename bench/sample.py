"""Hand-judged samples of SaudiNewsNet names: draw one from a store, merge judgements, score a store.

    python bench/sample.py draw  --db STORE --n 320 --seed 1 --out evaluation/snn_dev.jsonl --sheet /tmp/sheet.jsonl
    python bench/sample.py merge --sample evaluation/snn_dev.jsonl --judgements /tmp/judged.jsonl
    python bench/sample.py score --sample evaluation/snn_dev.jsonl [--db STORE]

``draw`` picks marked spans uniformly at random among the store's mentions and writes the
standoff skeleton (url, offsets into the original, surface, what the system said) to
``--out`` and a worksheet with each span's sentence and context to ``--sheet`` — the
worksheet holds article text, so it stays outside the repository. ``merge`` takes the
judges' lines (``{"i": n, "name", "type", "entity", "link", "note"}``) into the sample.
``score`` scores a store against a sample; without ``--db`` it analyses the sample's
articles afresh (read from ../shared/data) into a temporary store first; ``--unjudged``
writes the links to the store's own entities that no recorded verdict covers, and
``merge-links`` records the verdicts given on them.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
import tempfile
from pathlib import Path

from snn import DATA, records, write_days

from marsad import sample as judged_sample
from marsad.api import Marsad
from marsad.document import OffsetMap
from marsad.kb import knowledge_base


def _context(text: str, start: int, end: int, width: int = 260) -> str:
    left = text.rfind("\n", 0, max(0, start - width))
    right = text.find("\n", min(len(text), end + width))
    left, right = (0 if left == -1 else left), (len(text) if right == -1 else right)
    return (text[max(left, start - width):start] + "【" + text[start:end] + "】" + text[end:min(right, end + width)]).strip()


def draw(args) -> int:
    rng = random.Random(args.seed)
    with Marsad(args.db) as marsad:
        db = marsad.store.db
        ids = [i for (i,) in db.execute("SELECT m.id FROM mentions m JOIN documents d ON d.id = m.document"
                                        " WHERE d.url IS NOT NULL ORDER BY m.id")]
        chosen = sorted(rng.sample(ids, args.n))
        rows, sheet = [], []
        for mid in chosen:
            url, original, runs = db.execute(
                "SELECT d.url, d.original, d.offset_map FROM mentions m JOIN documents d ON d.id = m.document"
                " WHERE m.id = ?", (mid,)).fetchone()
            mapping = OffsetMap(tuple(tuple(r) for r in json.loads(runs)))
            start, end = db.execute("SELECT start, end FROM mentions WHERE id = ?", (mid,)).fetchone()
            o_start, o_end = mapping.to_original(start), mapping.to_original(end)
            docs = judged_sample.marked(db, {url})[url]
            m = next((x for text, ms in docs if text == original for x in ms if (x.start, x.end) == (o_start, o_end)), None)
            if m is None or original[o_start:o_end] != m.text:
                continue        # a span the cleaner rewrote: it cannot be pointed at in the original
            text = m.text
            system = judged_sample.system_record(m)
            forms = [f for f, _ in db.execute("SELECT text, count(*) FROM mentions WHERE entity = ? AND via_title = 0"
                                               " GROUP BY text ORDER BY 2 DESC LIMIT 6", (m.entity,))] if m.entity else []
            docs = db.execute("SELECT count(DISTINCT document) FROM mentions WHERE entity = ?", (m.entity,)).get \
                if m.entity else 0
            rows.append(judged_sample.Judged(url, m.start, m.end, text, "", system=system))
            sheet.append({"i": len(rows) - 1, "surface": text, "system_type": m.type,
                          "system_entity": (m.name_en or m.entity_name) if m.entity else None,
                          "system_entity_in_kb": bool(m.kb_id), "entity_forms": forms, "entity_articles": docs,
                          "via_title": m.via_title, "context": _context(original, m.start, m.end)})
    judged_sample.write(args.out, rows)
    with open(args.sheet, "w", encoding="utf-8") as out:
        for row in sheet:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} spans → {args.out}; worksheet → {args.sheet}")
    return 0


def merge(args) -> int:
    rows = judged_sample.read(args.sample)
    for line in Path(args.judgements).read_text("utf-8").splitlines():
        if line.strip():
            j = json.loads(line)
            rows[j["i"]] = dataclasses.replace(rows[j["i"]], **{k: j[k] for k in ("name", "type", "entity", "link", "note")
                                                               if k in j})
    judged_sample.write(args.sample, rows)
    print(f"{sum(1 for r in rows if r.name)} of {len(rows)} spans judged in {args.sample}")
    return 0


def merge_links(args) -> int:
    rows = judged_sample.read(args.sample)
    added = 0
    for line in Path(args.judgements).read_text("utf-8").splitlines():
        if line.strip():
            j = json.loads(line)
            verdict = {k: j[k] for k in ("entity_type", "entity_name", "forms", "link")}
            if verdict not in rows[j["i"]].links:
                rows[j["i"]].links.append(verdict)
                added += 1
    judged_sample.write(args.sample, rows)
    print(f"{added} verdicts recorded in {args.sample}")
    return 0


def _fresh_store(sample: list[judged_sample.Judged], data: Path, db: Path) -> None:
    urls = {j.url for j in sample}
    rows = [(name, r) for name, r in records(data) if r.get("url") in urls]
    with tempfile.TemporaryDirectory() as tmp, Marsad(db) as marsad:
        marsad.ingest([str(p) for p in write_days(rows, Path(tmp))])


def score(args) -> int:
    sample = [j for j in judged_sample.read(args.sample) if j.name]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "sample.db"
        if args.db is None:
            _fresh_store(sample, args.data, db)
        with Marsad(db) as marsad:
            result = judged_sample.score(marsad.store.db, knowledge_base(), sample)
            articles = {m.entity: marsad.store.db.execute(
                "SELECT count(DISTINCT document) FROM mentions WHERE entity = ?", (m.entity,)).get
                for kind, _, m in result.errors if kind == "unjudged"}
    print(json.dumps(result.summary(), ensure_ascii=False))
    if args.unjudged:
        index = {(j.url, j.start, j.end): i for i, j in enumerate(judged_sample.read(args.sample))}
        with args.unjudged.open("w", encoding="utf-8") as out:
            for kind, j, m in result.errors:
                if kind == "unjudged":
                    out.write(json.dumps({"i": index[(j.url, j.start, j.end)], "surface": j.surface, "truth": j.entity,
                                          "entity_type": m.entity_type, "entity_name": m.entity_name,
                                          "forms": list(m.forms), "articles": articles[m.entity]},
                                         ensure_ascii=False) + "\n")
        print(f"links still to judge written to {args.unjudged}")
    if args.errors:
        for kind, j, m in result.errors:
            print(f"  {kind:10} «{j.surface}» ({j.type}, {j.entity or '?'}) → "
                  + (f"{m.type} {m.name_en or m.entity_name or '-'}" if m else "not marked") + f"  {j.url}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--db", type=Path, required=True)
    d.add_argument("--n", type=int, default=320)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--sheet", type=Path, required=True)
    m = sub.add_parser("merge")
    m.add_argument("--sample", type=Path, required=True)
    m.add_argument("--judgements", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("--sample", type=Path, required=True)
    s.add_argument("--db", type=Path)
    s.add_argument("--data", type=Path, default=DATA)
    s.add_argument("--errors", action="store_true", help="list every error")
    s.add_argument("--unjudged", type=Path, help="write the links to the store's own entities still to judge here")
    k = sub.add_parser("merge-links", help="record verdicts on links to the store's own entities")
    k.add_argument("--sample", type=Path, required=True)
    k.add_argument("--judgements", type=Path, required=True, help='lines {"i", "entity_type", "entity_name", "forms", "link"}')
    args = parser.parse_args()
    return {"draw": draw, "merge": merge, "score": score, "merge-links": merge_links}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
