"""The per-article pipeline: its stages in order, each a pure function over the document.

The same code runs for ``marsad analyze`` (no store) and ``marsad ingest``; the only
cross-document input, the lines an outlet repeats across its articles, arrives in
the :class:`Context`.
"""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from marsad.clean import clean
from marsad.document import Article, Document
from marsad.extract import extract
from marsad.link import link
from marsad.normalize import collapse_spaces
from marsad.published import date_publication
from marsad.recognise import default_tagger, recognise
from marsad.segment import segment


@dataclass(frozen=True, slots=True)
class Context:
    """What the per-article stages may know beyond the article itself."""
    repeated_lines: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def repeated_for(self, outlet: str | None) -> frozenset[str]:
        """Line keys the outlet repeats across its articles."""
        return self.repeated_lines.get(outlet or "", frozenset())


Stage = Callable[[Document, Context], Document]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("clean", lambda doc, ctx: clean(doc, ctx.repeated_for(doc.outlet))),
    ("segment", lambda doc, ctx: segment(doc)),
    ("published", lambda doc, ctx: date_publication(doc)),
    ("recognise", lambda doc, ctx: recognise(doc, tagger=default_tagger())),
    ("link", lambda doc, ctx: link(doc)),
    ("extract", lambda doc, ctx: extract(doc)),
)


def document_id(text: str) -> str:
    """A stable id from the article's content: the same text gives the same id."""
    canonical = collapse_spaces(unicodedata.normalize("NFC", text))
    return "d-" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def start(article: Article) -> Document:
    """The document an article starts as: its text as the original, nothing derived yet."""
    original = article.text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(id=document_id(original), source=article.source, original=original, title=article.title,
                    url=article.url, outlet=article.outlet, format=article.format, encoding=article.encoding,
                    published=article.published, metadata=dict(article.metadata))


TEXT_STAGES = ("clean", "segment", "published")


def run(doc: Document, ctx: Context = Context(), only: tuple[str, ...] | None = None) -> Document:
    """Every stage in order (or only those named in ``only``)."""
    for name, stage in STAGES:
        if only is None or name in only:
            doc = stage(doc, ctx)
    return doc
