"""Plain-text articles: the first non-empty line is the title unless metadata gives one."""
from __future__ import annotations

from pathlib import PurePath

from marsad.document import Article
from marsad.ingest.encoding import decode
from marsad.normalize import orthographic_key


def with_title(title: str | None, body: str) -> str:
    """The article text with its title as the first line (unless the body already opens with it)."""
    if not title:
        return body
    head = body.lstrip().split("\n", 1)[0]
    if orthographic_key(head) == orthographic_key(title):
        return body
    return f"{title.strip()}\n\n{body}"


def read_text(data: bytes, source: str) -> Article:
    """Decode a text file into an article; its folder name stands for the outlet."""
    text, encoding = decode(data, source)
    outlet = PurePath(source).parent.name or None
    return Article(source=source, text=text,
                   format="text", encoding=encoding, outlet=outlet)
