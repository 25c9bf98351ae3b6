"""The analysis export of ../shared/CONTRACT.md: plain dicts, ready for JSON."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.document import Document, Event, Figure, Mention, Quote
from marsad.errors import InputError
from marsad.extract.translation import confidence, flagged


def document_record(doc: Document, with_original: bool = False) -> dict[str, Any]:
    """One document as the contract writes it, plus provenance fields the contract allows."""
    trust = confidence(doc.machine_translated)
    record: dict[str, Any] = {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "published": doc.published,
        "published_uncertain": doc.published_uncertain,
        "published_note": doc.published_note,
        "language": doc.language,
        "url": doc.url,
        "outlet": doc.outlet,
        "format": doc.format,
        "encoding": doc.encoding,
        "text": doc.text,
        "removed": [r.text for r in doc.removed],
        "removed_detail": [{"text": r.text, "reason": r.reason, "original_start": r.start,
                            "original_end": r.end} for r in doc.removed],
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "mentions": [mention_record(doc, m) for m in doc.mentions],
        "quotes": [quote_record(doc, q, trust) for q in doc.quotes],
        "events": [event_record(doc, e, trust) for e in doc.events],
        "figures": [figure_record(doc, f, trust) for f in doc.figures],
        "times": [{"text": doc.text[t.start:t.end], "start": t.start, "end": t.end, "value": t.value,
                   "precision": t.precision, "relative": t.relative, "end_value": t.end_value} for t in doc.times],
        "machine_translated": flagged(doc.machine_translated),
        "machine_translation_score": doc.machine_translated,
        "story": doc.story,
    }
    if doc.metadata.get("machine_translation_signs"):
        record["machine_translation_signs"] = doc.metadata["machine_translation_signs"]
    if doc.metadata.get("copy_of"):
        record["copy_of"] = doc.metadata["copy_of"]
    if with_original:
        record["original"] = doc.original
        record["offset_map"] = [list(run) for run in doc.offset_map.runs]
    return record


def mention_record(doc: Document, m: Mention) -> dict[str, Any]:
    """One mention with its provenance: offsets, sentence, how it was found and linked."""
    sentence = doc.sentence_at(m.start)
    record: dict[str, Any] = {"text": m.text, "start": m.start, "end": m.end, "type": m.type, "entity": m.entity,
                              "source": m.source, "score": round(m.score, 3)}
    if m.via_title:
        record["via_title"] = True
        record["office"] = m.office
    if m.stands_for:
        record["stands_for"] = m.stands_for
    if sentence:
        record["sentence"] = [sentence.start, sentence.end]
    return record


def _sentence(doc: Document, offset: int) -> list[int] | None:
    sentence = doc.sentence_at(offset)
    return [sentence.start, sentence.end] if sentence else None


def quote_record(doc: Document, q: Quote, trust: float) -> dict[str, Any]:
    """One quote: what was said, by whom (the first speaker, and all of them), and the cue."""
    return {"text": doc.text[q.start:q.end], "start": q.start, "end": q.end, "kind": q.kind,
            "speaker": q.speakers[0] if q.speakers else None, "speakers": list(q.speakers),
            "speaker_how": q.speaker_how or None, "verb": q.verb,
            "cue": doc.text[q.cue[0]:q.cue[1]] if q.cue else None, "sentence": _sentence(doc, q.start),
            "confidence": trust}


def event_record(doc: Document, e: Event, trust: float) -> dict[str, Any]:
    """One event with its arguments, date and the evidence it was read from."""
    return {"type": e.type, "cameo": e.cameo, "actors": list(e.actors), "targets": list(e.targets),
            "where": e.where, "when": e.when, "when_text": e.when_text, "when_inferred": e.when_inferred,
            "trigger": doc.text[e.trigger[0]:e.trigger[1]], "evidence": doc.text[e.start:e.end],
            "start": e.start, "end": e.end, "confidence": trust * (0.8 if e.when_inferred else 1.0)}


def figure_record(doc: Document, f: Figure, trust: float) -> dict[str, Any]:
    """One figure: value, unit, whether approximate, and the sentence it qualifies."""
    value = int(f.value) if float(f.value).is_integer() else f.value
    sentence = doc.sentence_at(f.start)
    return {"value": value, "unit": f.unit, "approx": f.approx, "noun": f.noun, "text": doc.text[f.start:f.end],
            "start": f.start, "end": f.end, "what": doc.text[sentence.start:sentence.end] if sentence else None,
            "confidence": trust}


def skipped_record(error: InputError) -> dict[str, Any]:
    """An input that was not analysed, and why."""
    return {"source": error.source, "line": error.line, "reason": error.reason, "kind": error.kind}


def export(documents: Iterable[Document], entities: Iterable[dict] = (), skipped: Iterable[InputError] = (),
           with_original: bool = False, stories: Iterable[dict] = ()) -> dict:
    """The whole export object."""
    return {
        "documents": [document_record(d, with_original) for d in documents],
        "entities": list(entities),
        "stories": list(stories),
        "skipped": [skipped_record(e) for e in skipped],
    }
