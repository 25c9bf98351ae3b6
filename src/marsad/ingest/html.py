"""HTML pages: main text and metadata through trafilatura; navigation and scripts stay out."""
from __future__ import annotations

import trafilatura

from marsad.document import Article
from marsad.errors import InputError
from marsad.ingest.encoding import decode
from marsad.ingest.text import with_title

MIN_WORDS = 10  # fewer words than this outside navigation and scripts is not an article


def read_html(data: bytes, source: str) -> Article:
    """Extract the article of one HTML page, or raise :class:`InputError` when it has none."""
    markup, encoding = decode(data, source)
    found = trafilatura.bare_extraction(
        markup, url=source if source.startswith(("http://", "https://")) else None,
        with_metadata=True, include_comments=False, include_tables=True, favor_recall=True,
        deduplicate=False,
    )
    body = (found.text or "").strip() if found else ""
    if len(body.split()) < MIN_WORDS:
        raise InputError(source, "no article text found in the HTML page"
                         + (f" (only {len(body.split())} words outside the page furniture)" if body else ""),
                         kind="no_article")
    metadata = {key: value for key in ("author", "sitename", "description", "hostname")
                if isinstance(value := getattr(found, key, None), str) and value}
    return Article(
        source=source, text=with_title(found.title, body), title=found.title, published=found.date,
        url=found.url, outlet=found.sitename or found.hostname, format="html", encoding=encoding,
        metadata=metadata | {"extractor": f"trafilatura {trafilatura.__version__}"},
    )
