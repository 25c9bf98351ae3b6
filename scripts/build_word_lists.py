"""Build the word lists recognition and linking read: common words, given names, shared surnames.

    python scripts/build_word_lists.py [--data ../shared/data/saudinewsnet]

Writes ``data/common_words.tsv`` and ``data/names/name_positions.tsv``.

Recipe: every article of SaudiNewsNet's development days (bench/snn.py DEV_DAYS; the
check days and the held-back days are never read) is cleaned and segmented by Marsad's
own stages; every word token is counted by its written form (marsad.normalize.written_form:
hamza, ة and ى kept); the trained tagger — learnt from ANERcorp, never from these articles —
runs over every sentence, and a token inside a span it tags counts as a name use of its
form. A form seen at least MIN_COUNT times whose name share is under MAX_NAME_SHARE is a
common word: «على»، «بأن»، «بأول»، «شرع»، «الإبل»، «الحماس», but not «حماس» or «فهد».
Recognition asks for stronger evidence before it takes such a word alone for a name.

The same pass counts, in the tagged names of two words or more (and no more than four),
where each word form stands: first (a given name: فهد، محمد) or last (a surname), and for a
last word how many different given names it follows and how often the commonest of them —
a surname many people share (القحطاني after ياسر، محمد، سعيد…) tells no one apart when
written alone, while أوباما follows باراك in most of its uses. Forms seen at least MIN_NAME_COUNT times in names are
kept. Deterministic: the same articles give the same files.
"""
from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

MIN_COUNT = 20          # occurrences in the development days (≈ 4 per million words)
MAX_NAME_SHARE = 0.5    # a form the tagger reads as a name less often than this is a word
MIN_NAME_COUNT = 5      # uses inside tagged names before a form's position is recorded


def _count(batch: list[tuple[str, dict]]) -> tuple[Counter, Counter, Counter, Counter, Counter]:
    from marsad import pipeline, threads
    from marsad.errors import InputError
    from marsad.ingest.records import article_from_record
    from marsad.normalize import written_form
    from marsad.recognise import default_tagger
    threads.pin()
    tagger = default_tagger()
    seen, named, first, last, pairs = Counter(), Counter(), Counter(), Counter(), Counter()
    for name, record in batch:
        try:
            article = article_from_record(record, name, "json")
        except InputError:
            continue
        doc = pipeline.run(pipeline.start(article), only=pipeline.TEXT_STAGES)
        spans = tagger.spans(doc)
        inside = {t.start for span in spans for t in doc.tokens if span.start <= t.start < span.end}
        for span in spans:
            words = [written_form(doc.text[t.start:t.end]) for t in doc.tokens
                     if span.start <= t.start < span.end and t.kind == "word"]
            if span.type == "PER" and 2 <= len(words) <= 4:
                first[words[0]] += 1
                last[words[-1]] += 1
                pairs[(words[0], words[-1])] += 1
        for token in doc.tokens:
            if token.kind == "word":
                form = written_form(doc.text[token.start:token.end])
                seen[form] += 1
                if token.start in inside:
                    named[form] += 1
    return seen, named, first, last, pairs


def main() -> int:
    from snn import DATA, DEV_DAYS, records
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "marsad" / "data")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rows = list(records(args.data, DEV_DAYS))
    batches = [rows[i:i + 200] for i in range(0, len(rows), 200)]
    seen, named, first, last, pairs = Counter(), Counter(), Counter(), Counter(), Counter()
    with multiprocessing.get_context("forkserver").Pool(args.workers) as pool:
        for done, (s, n, f, la, p) in enumerate(pool.imap(_count, batches), 1):
            seen.update(s)
            named.update(n)
            first.update(f)
            last.update(la)
            pairs.update(p)
            print(f"\r{done}/{len(batches)} batches", end="", file=sys.stderr)
    print(file=sys.stderr)
    total = sum(seen.values())
    common = sorted(((f, c, named[f] / c) for f, c in seen.items() if c >= MIN_COUNT and named[f] / c < MAX_NAME_SHARE),
                    key=lambda row: (-row[1], row[0]))
    with (args.out / "common_words.tsv").open("w", encoding="utf-8") as out:
        out.write(f"# Common word forms of Arabic news: {len(common):,} forms seen ≥ {MIN_COUNT} times in "
                  f"{len(rows):,} SaudiNewsNet articles of the development days ({total:,} words) whose tagged\n"
                  f"# name share is under {MAX_NAME_SHARE}. Built by scripts/build_word_lists.py on "
                  f"{dt.date.today()}; derived from SaudiNewsNet (CC BY-NC-SA 4.0).\n"
                  "# form\tper_million\tname_share\n")
        for form, count, share in common:
            out.write(f"{form}\t{count * 1e6 / total:.1f}\t{share:.3f}\n")
    print(f"{len(common):,} common forms of {len(seen):,} written forms ({total:,} words)")
    from marsad.words import GIVEN_LEAD
    given = {f for f in first if first[f] >= MIN_NAME_COUNT and first[f] >= GIVEN_LEAD * last[f]}
    followed, commonest = Counter(), Counter()
    for (f, w), n in pairs.items():
        if f in given:
            followed[w] += 1
            commonest[w] = max(commonest[w], n)
    kept = sorted((f for f in set(first) | set(last) if first[f] + last[f] >= MIN_NAME_COUNT),
                  key=lambda f: (-(first[f] + last[f]), f))
    with (args.out / "names" / "name_positions.tsv").open("w", encoding="utf-8") as out:
        out.write(f"# Where word forms stand in the person names the tagger finds in {len(rows):,} SaudiNewsNet articles of\n"
                  f"# the development days (names of 2–4 words; forms seen ≥ {MIN_NAME_COUNT} times). Built by "
                  f"scripts/build_word_lists.py on {dt.date.today()};\n# derived from SaudiNewsNet (CC BY-NC-SA 4.0).\n"
                  "# form\tfirst\tlast\tgiven_names_before_it\tcommonest_given_name_before_it\n")
        for form in kept:
            out.write(f"{form}\t{first[form]}\t{last[form]}\t{followed[form]}\t{commonest[form]}\n")
    print(f"{len(kept):,} forms with their places in names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
