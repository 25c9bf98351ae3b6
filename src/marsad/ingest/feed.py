"""RSS and Atom feed files: one article per entry, full text from content or summary."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import feedparser
import lxml.html

from marsad.document import Article
from marsad.errors import InputError
from marsad.ingest.text import with_title

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment with one line per block element."""
    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter():
        if element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (line.strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_text(entry) -> str:
    contents = [c.get("value", "") for c in entry.get("content", [])]
    best = max(contents + [entry.get("summary", "")], key=len)
    return html_fragment_to_text(best)


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]).isoformat() if parsed else None


def read_feed(data: bytes, source: str) -> Iterator[Article | InputError]:
    """Every entry of an RSS or Atom feed as an article; a bad entry is reported alone."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield InputError(source, f"not a readable feed: {reason}", kind="format")
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        text = _entry_text(entry)
        if not text:
            yield InputError(source, f"feed entry {number} has no text", kind="format")
            continue
        title = entry.get("title")
        yield Article(source=entry.get("link") or f"{source}#{number}", text=with_title(title, text),
                      title=title, published=_entry_date(entry), url=entry.get("link"), outlet=outlet,
                      format="feed", metadata={"container": source, "feed_entry": number})
