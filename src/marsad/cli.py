"""The ``marsad`` command: a thin layer over :mod:`marsad.api`.

Exit codes: 0 all went well; 1 some inputs were skipped (each named on stderr);
2 the command line was wrong; 3 the store or a record could not be used.
"""
from __future__ import annotations

import contextlib
import json
import signal
import sys
from pathlib import Path

import click
from tqdm import tqdm

from marsad import api
from marsad.errors import MarsadError
from marsad.settings import Options
from marsad.store.sqlite import HIGHLIGHT

EXIT_SKIPPED, EXIT_ERROR = 1, 3
EXIT_STOPPED = 130      # as a shell reports a command stopped by Ctrl-C


def _emit_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def _marks(snippet: str) -> str:
    on, off = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("«", "»")
    return snippet.replace(HIGHLIGHT[0], on).replace(HIGHLIGHT[1], off)


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except MarsadError as exc:
            click.echo(f"marsad: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=_Group)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The store file (default: $MARSAD_DB or ~/.local/share/marsad/marsad.db).")
@click.version_option(package_name="marsad")
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    """Marsad: an auditable knowledge base from Arabic news."""
    ctx.obj = {"db": db}


def _open(ctx: click.Context, **options) -> api.Marsad:
    marsad = api.Marsad(ctx.obj["db"], Options(**options))
    ctx.call_on_close(marsad.close)
    return marsad


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--max-size", type=float, default=10.0, show_default=True, help="Largest article file, in MB.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--text-only", is_flag=True, help="Clean, segment and date only (fast); no names, quotes or events.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], max_size: float, quiet: bool, text_only: bool) -> None:
    """Read, analyse and store the articles in PATHS (files, folders, - for stdin)."""
    marsad = _open(ctx, max_bytes=int(max_size * 1_000_000), text_only=text_only)
    from marsad.ingest import count_inputs
    shown = not quiet and sys.stderr.isatty()
    total = count_inputs(paths, int(max_size * 1_000_000)) if shown else None
    bar = tqdm(unit=" articles", total=total, disable=not shown, file=sys.stderr, smoothing=0.1)

    def on_event(kind: str, detail: object) -> None:
        bar.update(1)
        if kind == "skipped":
            tqdm.write(f"skipped {detail}", file=sys.stderr)

    with _sigterm_as_interrupt():
        report = marsad.ingest(paths, on_event)
    bar.close()
    click.echo(f"added {len(report.added)} (of which {len(report.copies)} copies of stored articles), "
               f"already stored {len(report.already)}, skipped {len(report.skipped)}", err=True)
    for reason, count in sorted(_reasons(report).items()):
        click.echo(f"  skipped {count}: {reason}", err=True)
    if report.stopped:
        click.echo("stopped: every article counted above is stored whole; run the same command again to go on",
                   err=True)
        ctx.exit(EXIT_STOPPED)
    if report.skipped:
        ctx.exit(EXIT_SKIPPED)


@contextlib.contextmanager
def _sigterm_as_interrupt():
    """SIGTERM stops an ingest as Ctrl-C does: the group being written is left out, the rest kept."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt
    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:          # not the main thread (an embedding application): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _reasons(report: api.IngestReport) -> dict[str, int]:
    counts: dict[str, int] = {}
    for error in report.skipped:
        counts[error.kind] = counts.get(error.kind, 0) + 1
    return counts


@main.command()
@click.argument("query")
@click.option("--limit", default=10, show_default=True)
@click.option("--offset", default=0)
@click.option("--mode", type=click.Choice(["fulltext", "semantic", "hybrid"]), default="fulltext",
              show_default=True, help="semantic and hybrid need `marsad embed` first")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.pass_context
def search(ctx: click.Context, query: str, limit: int, offset: int, mode: str, as_json: bool) -> None:
    """Search, Arabic-aware: الناتو also finds بالناتو، للناتو، والناتو; or by meaning (--mode)."""
    marsad = _open(ctx)
    hits = marsad.search(query, limit, offset, mode)
    if as_json:
        total = marsad.count(query) if mode == "fulltext" else len(hits)
        _emit_json({"query": query, "mode": mode, "total": total, "hits": [
            {"id": h.id, "title": h.title, "source": h.source, "published": h.published,
             "score": round(h.score, 4), "snippet": h.snippet.replace(HIGHLIGHT[0], "«").replace(HIGHLIGHT[1], "»")}
            for h in hits]})
        return
    for rank, hit in enumerate(hits, start=offset + 1):
        click.echo(f"{rank}. {hit.id}  {hit.published or '—'}  {hit.title or ''}")
        click.echo(f"   {hit.source}")
        click.echo(f"   {_marks(hit.snippet)}")
    if not hits:
        click.echo("no matches", err=True)


@main.command()
@click.argument("doc_id")
@click.option("--json", "as_json", is_flag=True, help="Print the document record as JSON.")
@click.pass_context
def show(ctx: click.Context, doc_id: str, as_json: bool) -> None:
    """Show one stored article: cleaned text, removed lines and metadata."""
    from marsad.export import document_record
    marsad = _open(ctx)
    doc = marsad.document(doc_id)
    if as_json:
        _emit_json(document_record(doc, with_original=True) | {"sources": marsad.store.sources(doc.id)})
        return
    click.echo(f"{doc.id}  {doc.title or ''}")
    click.echo(f"source: {doc.source}  outlet: {doc.outlet or '—'}  format: {doc.format} ({doc.encoding})")
    dated = doc.published or "unknown"
    click.echo(f"published: {dated}{' (uncertain)' if doc.published_uncertain else ''} — {doc.published_note}")
    if doc.metadata.get("copy_of"):
        click.echo(f"copy of: {doc.metadata['copy_of']}")
    click.echo("")
    click.echo(doc.text)
    if doc.removed:
        click.echo("\nremoved as page furniture:")
        for line in doc.removed:
            click.echo(f"  [{line.reason}] {line.text}")


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """What the store holds."""
    figures = _open(ctx).stats()
    if as_json:
        _emit_json(figures)
        return
    for key, value in figures.items():
        click.echo(f"{key:20} {value}")


@main.command("audit")
@click.option("--top", default=40, show_default=True, help="How many of the most-named people and organisations.")
@click.option("--listed", default=25, show_default=True, help="How many entities to list for each class of error.")
@click.pass_context
def audit_command(ctx: click.Context, top: int, listed: int) -> None:
    """The health of the store's entities: the most-named actors, and names that look wrong."""
    from marsad.audit import render
    click.echo(render(_open(ctx).audit(top, listed)))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--with-original", is_flag=True, help="Include the original text and the offset map.")
def analyze(paths: tuple[str, ...], fmt: str, with_original: bool) -> None:
    """Analyse articles without a store and print the analysis export."""
    analysis = api.analyze(paths)
    for error in analysis.skipped:
        click.echo(f"skipped {error}", err=True)
    _emit_json(analysis.export(with_original))
    if analysis.skipped:
        sys.exit(EXIT_SKIPPED)


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-")
@click.option("--with-original", is_flag=True, help="Include the original text and the offset map.")
@click.pass_context
def export_command(ctx: click.Context, fmt: str, output, with_original: bool) -> None:
    """Export the whole store (the analysis JSON of CONTRACT.md)."""
    json.dump(_open(ctx).export(with_original), output, ensure_ascii=False, indent=2)
    output.write("\n")


@main.command()
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def entity(ctx: click.Context, ref: str, as_json: bool) -> None:
    """One entity's page: names, every spelling seen, types, articles, dates, co-mentioned actors."""
    page = _open(ctx).entity(ref)
    if as_json:
        _emit_json(page)
        return
    click.echo(f"{page['id']}  {page['name']}" + (f" — {page['name_en']}" if page["name_en"] else "")
               + f"  [{page['type']}]" + (f"  wikidata {page['wikidata']}" if page["wikidata"] else ""))
    click.echo(f"seen {page['first_seen'] or '—'} … {page['last_seen'] or '—'} in {page['articles']} articles")
    click.echo("spellings: " + "، ".join(f"{t} ({n})" for t, n in page["spellings"]))
    if page["titles"]:
        click.echo("as a title: " + "، ".join(f"{t} ({n})" for t, n in page["titles"]))
    click.echo("types: " + ", ".join(f"{t} {n}" for t, n in page["types"].items()))
    click.echo("articles:" if len(page["documents"]) == page["articles"] else
               f"the latest {len(page['documents'])} articles:")
    for d in page["documents"]:
        click.echo(f"  {d['id']}  {d['published'] or '—'}  {d['title'] or ''}")
    if page["co_mentioned"]:
        click.echo("most often named with: " + "، ".join(
            f"{c['name']}{' (' + c['name_en'] + ')' if c['name_en'] else ''} {c['articles']}"
            for c in page["co_mentioned"]))


@main.command()
@click.option("--type", "kind", help="PER, ORG, GPE, LOC, EVENT, NORP or MISC")
@click.option("--since", help="only articles published on or after this date")
@click.option("--until", help="only articles published on or before this date")
@click.option("--limit", default=25, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def entities(ctx: click.Context, kind: str | None, since: str | None, until: str | None, limit: int,
             as_json: bool) -> None:
    """The most mentioned entities."""
    rows = _open(ctx).entities(kind, since, until, limit)
    if as_json:
        _emit_json(rows)
        return
    for row in rows:
        click.echo(f"{row['mentions']:5} {row['articles']:4}  {row['type']:5} {row['id']}  {row['name']}"
                   + (f" — {row['name_en']}" if row["name_en"] else ""))


@main.command()
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def explain(ctx: click.Context, ref: str, as_json: bool) -> None:
    """Why mentions were linked to an entity: which features fired, with what score."""
    found = _open(ctx).explain(ref)
    if as_json:
        _emit_json(found)
        return
    page = found["entity"]
    click.echo(f"{page['id']}  {page['name']}" + (f" — {page['name_en']}" if page["name_en"] else ""))
    for m in found["mentions"]:
        click.echo(f"  #{m['mention']} «{m['text']}» in {m['document']} [{m['start']}:{m['end']}]"
                   + (f" via title → {m['office']}" if m["via_title"] else "") + f" (found by {m['source']})")
        if not m["evidence"]:
            click.echo("      (no features recorded: linked by a version of Marsad that did not keep them)")
        for feature, score, reason in m["evidence"]:
            click.echo(f"      {feature:15} {score:5.2f}  {reason}")


@main.command()
@click.argument("keep")
@click.argument("other")
@click.option("--note", help="why (kept with the judgement)")
@click.pass_context
def merge(ctx: click.Context, keep: str, other: str, note: str | None) -> None:
    """Record that OTHER is the same entity as KEEP; the matcher will not undo it."""
    moved = _open(ctx).merge(keep, other, note)
    click.echo(f"merged: {moved} mentions moved to {keep}")


@main.command()
@click.argument("entity_ref")
@click.argument("mentions", nargs=-1, type=int, required=True)
@click.option("--note", help="why (kept with the judgement)")
@click.pass_context
def split(ctx: click.Context, entity_ref: str, mentions: tuple[int, ...], note: str | None) -> None:
    """Record that the MENTIONS (ids from `marsad explain`) are not ENTITY; they become a new entity."""
    new = _open(ctx).split(entity_ref, list(mentions), note)
    click.echo(f"split: {len(mentions)} mentions now belong to {new}")


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def judgements(ctx: click.Context, as_json: bool) -> None:
    """Every merge and split a person has recorded."""
    rows = _open(ctx).judgements()
    if as_json:
        _emit_json(rows)
        return
    for j in rows:
        what = f"{j['other']} → {j['entity']}" if j["kind"] == "merge" else \
            f"{j['entity']} → {j['other']} (mentions {', '.join(map(str, j['mentions']))})"
        click.echo(f"#{j['id']} {j['at']} {j['kind']:5} {what}" + (f" — {j['note']}" if j["note"] else ""))


@main.command()
@click.option("--speaker", help="an entity id or name")
@click.option("--since", help="only articles published on or after this date")
@click.option("--until", help="only articles published on or before this date")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def quotes(ctx: click.Context, speaker: str | None, since: str | None, until: str | None, limit: int,
           as_json: bool) -> None:
    """Who said what: quotes with speakers and sources."""
    rows = _open(ctx).quotes(speaker, since, until, limit)
    if as_json:
        _emit_json(rows)
        return
    for q in rows:
        who = "، ".join(s.get("name_en") or s.get("name") or s["id"] for s in q["speakers"]) or "—"
        mark = "«»" if q["kind"] == "direct" else "…"
        click.echo(f"{q['published'] or '—'}  {who}  [{q['kind']}]  {mark[0]}{q['text']}{mark[-1]}")
        click.echo(f"      {q['document']} [{q['start']}:{q['end']}]  {q['source']}")


@main.command()
@click.option("--type", "kind", help="visit, meeting, statement, agreement, aid, sanction, military_exercise, "
                                     "weapons_test, plan, objection, policy_change, invasion or appointment")
@click.option("--entity", help="an entity id or name taking part")
@click.option("--since")
@click.option("--until")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def events(ctx: click.Context, kind: str | None, entity: str | None, since: str | None, until: str | None,
           limit: int, as_json: bool) -> None:
    """What happened: typed events with actors, targets, place and date."""
    rows = _open(ctx).events(kind, entity, since, until, limit)
    if as_json:
        _emit_json(rows)
        return
    for e in rows:
        names = lambda xs: "، ".join(x.get("name_en") or x.get("name") or x["id"] for x in xs) or "—"  # noqa: E731
        when = (e["when"] or "—") + (" (inferred)" if e["when_inferred"] else "")
        click.echo(f"{when}  {e['type']} [CAMEO {e['cameo'] or '—'}]  {names(e['actors'])} → {names(e['targets'])}"
                   + (f"  @ {e['where'].get('name_en') or e['where'].get('name')}" if e["where"] else ""))
        click.echo(f"      «{e['evidence'][:120]}»  {e['document']}")


@main.command()
@click.option("--entity", help="an entity id or name")
@click.option("--limit", default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def timeline(ctx: click.Context, entity: str | None, limit: int, as_json: bool) -> None:
    """A dated, ordered list of events and quotes with their sources."""
    rows = _open(ctx).timeline(entity, limit)
    if as_json:
        _emit_json(rows)
        return
    for item in rows:
        if item["kind"] == "event":
            actors = "، ".join(a.get("name_en") or a["id"] for a in item["actors"])
            click.echo(f"{item['date']}  {item['type']:17} {actors}  — {item['title'] or item['source']}")
        else:
            who = "، ".join(s.get("name_en") or s["id"] for s in item["speakers"]) or "—"
            click.echo(f"{item['date']}  {'quote':17} {who}: «{item['text'][:90]}»")


@main.command()
@click.argument("story_id", required=False)
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="stories listed")
@click.option("--offset", type=click.IntRange(0), default=0, help="stories skipped (the most recent first)")
@click.option("--min-size", type=click.IntRange(1), default=1, help="only stories of at least this many articles")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stories(ctx: click.Context, story_id: str | None, limit: int, offset: int, min_size: int, as_json: bool) -> None:
    """Stories, most recently seen first: articles about the same event across outlets (or one
    story by id, with its summary)."""
    marsad = _open(ctx)
    rows = [marsad.story(story_id)] if story_id else marsad.story_list(limit, offset, min_size)[0]
    if as_json:
        _emit_json(rows)
        return
    for story in rows:
        click.echo(f"{story['id']}  {story['first_seen'] or '—'} … {story['last_seen'] or '—'}  "
                   f"{len(story['documents'])} articles  {story['title'] or ''}")
        if story_id:
            for a in story["articles"]:
                click.echo(f"  {a['id']}  {a['published'] or '—'}  {a['title']}  — {a['why']}")
            click.echo("summary:")
            for s in story["summary"]:
                click.echo(f"  • {s['text']}  [{s['document']}]")


@main.command()
@click.option("--limit", type=int, default=None, help="embed at most this many articles")
@click.option("--quiet", "-q", is_flag=True)
@click.pass_context
def embed(ctx: click.Context, limit: int | None, quiet: bool) -> None:
    """Embed titles, leads and quotes for semantic search (resumable; full-text search works meanwhile)."""
    marsad = _open(ctx)
    bar = tqdm(unit=" articles", disable=quiet or not sys.stderr.isatty(), file=sys.stderr)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.update(1)

    done = marsad.embed(limit, progress)
    bar.close()
    click.echo(f"embedded {done} articles; {marsad.store.vectors.count()} passages in the index", err=True)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="the address to listen on")
@click.option("--port", default=8765, show_default=True)
@click.option("--token-env", default="MARSAD_TOKEN", show_default=True,
              help="environment variable holding the token that unlocks ingest, merge and split")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, token_env: str) -> None:
    """Start the workbench (web pages and REST API) on http://HOST:PORT."""
    import os

    import uvicorn

    from marsad.settings import default_db_path
    from marsad.web.app import create_app
    db = ctx.obj["db"] or default_db_path()
    token = os.environ.get(token_env) or None
    app = create_app(db, token)
    click.echo(f"Marsad workbench: http://{host}:{port}/  (API: http://{host}:{port}/docs)"
               + ("" if token else "  — read-only: set $" + token_env + " to enable writes"), err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command("eval-ner")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--tagger-only", is_flag=True, help="score the trained tagger alone, not the whole recognition stage")
@click.option("--model", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="a model folder (default: the shipped model)")
@click.option("--json", "as_json", is_flag=True)
@click.option("--record", is_flag=True, help="also write the scores into the model folder's scores.json")
def eval_ner(path: str, tagger_only: bool, model: Path | None, as_json: bool, record: bool) -> None:
    """Exact-span precision, recall and F1 per type and micro-averaged on a CoNLL file (e.g. ANERcorp test)."""
    from marsad.ner.conll import report
    from marsad.ner.evaluate import evaluate, record_scores
    from marsad.recognise.tagger import model_folder
    folder = model or model_folder()
    if not (folder / "model.json").exists():
        raise MarsadError(f"no trained model in {folder}: run `marsad train-ner`")
    result = evaluate(path, folder, tagger_only)
    if record:
        record_scores(folder, Path(path), tagger_only, result)
    if as_json:
        _emit_json({k: list(v) for k, v in result.items()})
        return
    click.echo(("tagger alone" if tagger_only else "recognition stage (tagger + knowledge base + titles)")
               + f" on {path}")
    click.echo(report(result))


@main.command("train-ner")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="the data folder holding anercorp/ and saudinewsnet/ (default: ../shared/data)")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="where to write the model (default: the shipped model's folder)")
@click.option("--seed", default=1, show_default=True)
@click.option("--dev", default=0.0, show_default=True, help="share of train.txt held out as dev")
def train_ner(data: Path | None, out: Path | None, seed: int, dev: float) -> None:
    """Train the tagger (needs the `train` extra: PyTorch and gensim); deterministic given the seed."""
    from marsad.ner.recipe import Recipe, build
    from marsad.recognise.tagger import model_folder
    data = data or Path.cwd().parent / "shared" / "data"
    out = out or model_folder()
    card = build(data, out, Recipe(seed=seed, dev_share=dev), Path("build") / "ner")
    click.echo(f"model written to {out} in {card['recipe']['timings']['total_s']:.0f} s")


@main.command("train-spelling")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="the data folder holding names/ (default: ../shared/data)")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="where to write the model (default: the shipped spelling_model.json)")
def train_spelling(data: Path | None, out: Path | None) -> None:
    """Train the judge of name spellings on the English–Arabic name pairs (needs the `train` extra: scikit-learn)."""
    from marsad.link.spelling import model_path
    from marsad.link.spelling_training import train
    names = (data or Path.cwd().parent / "shared" / "data") / "names"
    out = out or Path(str(model_path()))
    card = train(names / "wikidata_person_names_en_ar.tsv", names / "google_ar2en.tsv", out)
    held = card["held_out"]
    click.echo(f"model written to {out} in {card['recipe']['seconds']:.0f} s; held-out names {held['names']}: "
               f"pairwise P {held['precision']:.3f} R {held['recall']:.3f}")
