"""The analysis export of ../shared/CONTRACT.md: plain dicts, ready for JSON."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.document import Document
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
        "mentions": [],
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


def skipped_record(error: InputError) -> dict[str, Any]:
    """An input that was not analysed, and why."""
    return {"source": error.source, "line": error.line, "reason": error.reason, "kind": error.kind}


def export(documents: Iterable[Document], skipped: Iterable[InputError] = (), with_original: bool = False) -> dict:
    """The whole export object."""
    return {
        "documents": [document_record(d, with_original) for d in documents],
        "entities": [],
        "stories": [],
        "skipped": [skipped_record(e) for e in skipped],
    }
