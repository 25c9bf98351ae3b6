"""The analysis export of ../shared/CONTRACT.md: plain dicts, ready for JSON."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.document import Document, Mention
from marsad.errors import InputError


def document_record(doc: Document, with_original: bool = False) -> dict[str, Any]:
    """One document as the contract writes it, plus provenance fields the contract allows."""
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
        "quotes": [],
        "events": [],
        "figures": [],
        "story": None,
    }
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


def skipped_record(error: InputError) -> dict[str, Any]:
    """An input that was not analysed, and why."""
    return {"source": error.source, "line": error.line, "reason": error.reason, "kind": error.kind}


def export(documents: Iterable[Document], entities: Iterable[dict] = (), skipped: Iterable[InputError] = (),
           with_original: bool = False) -> dict:
    """The whole export object."""
    return {
        "documents": [document_record(d, with_original) for d in documents],
        "entities": list(entities),
        "stories": [],
        "skipped": [skipped_record(e) for e in skipped],
    }
