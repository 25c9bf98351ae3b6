"""JSON and JSON Lines: one article per object, under the field names news dumps use.

A ``source`` that looks like a file name or URL names the document (feeds of
files, such as the seeds' JSONL); any other ``source`` value names the outlet
(SaudiNewsNet's ``aawsat``). Dates the crawler stamped (``date_extracted``) are
kept as the page's save date, not as the publication date.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from marsad.document import Article
from marsad.errors import InputError
from marsad.ingest.encoding import decode
from marsad.ingest.text import with_title

FIELDS = {
    "title": ("title", "headline", "name"),
    "text": ("text", "content", "body", "article", "article_text", "maintext", "description"),
    "published": ("date", "published", "published_at", "pubDate", "datePublished",
                  "date_published", "publish_date", "publication_date"),
    "saved": ("date_extracted", "crawled_at", "date_crawled", "date_download", "retrieved"),
    "url": ("url", "link", "href"),
    "outlet": ("outlet", "site", "sitename", "publisher", "newspaper"),
}
_LOOKS_LIKE_NAME = re.compile(r"^(?:[a-z]+://|.*\.[A-Za-z0-9]{2,5}$)")


def _first(record: dict[str, Any], field: str) -> str | None:
    for name in FIELDS[field]:
        value = record.get(name)
        if isinstance(value, (str, int, float)) and str(value).strip():
            return str(value).strip()
    return None


def article_from_record(record: Any, source: str, fmt: str, line: int | None = None) -> Article:
    """Build an :class:`Article` from one decoded JSON object, or raise :class:`InputError`."""
    where = f"{source}:{line}" if line is not None else source
    if not isinstance(record, dict):
        raise InputError(source, f"expected a JSON object, found {type(record).__name__}", line=line, kind="format")
    text = _first(record, "text")
    if not text:
        raise InputError(source, "record has no text (looked for: " + ", ".join(FIELDS["text"]) + ")",
                         line=line, kind="format")
    declared = str(record.get("source") or "").strip()
    url = _first(record, "url")
    outlet = _first(record, "outlet")
    name = url or (declared if _LOOKS_LIKE_NAME.match(declared) else None) or where
    if declared and not _LOOKS_LIKE_NAME.match(declared):
        outlet = outlet or declared
    title = _first(record, "title")
    metadata = {k: v for k, v in record.items() if k not in {"text", "content", "body", "article"}
                and isinstance(v, (str, int, float, bool))}
    if _first(record, "saved"):
        metadata["saved"] = _first(record, "saved")
    return Article(source=name, text=with_title(title, text), title=title, published=_first(record, "published"),
                   url=url, outlet=outlet, format=fmt, metadata=metadata | {"container": source})


def parse_json(data: bytes, source: str) -> Any:
    """The value of a JSON document (raises InputError when it is not one)."""
    try:
        return json.loads(decode(data, source)[0])
    except json.JSONDecodeError as exc:
        raise InputError(source, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
                         kind="format") from None


def read_json(data: bytes, source: str) -> Iterator[Article | InputError]:
    """A JSON document: one object, or an array of objects."""
    try:
        value = parse_json(data, source)
    except InputError as exc:
        yield exc
        return
    yield from json_articles(value, source)


def json_articles(value: Any, source: str) -> Iterator[Article | InputError]:
    """The articles of a parsed JSON document: one object, or an array of objects."""
    listed = isinstance(value, list)
    items = value if listed else [value]
    del value
    for i in range(len(items)):
        item, items[i] = items[i], None      # each record freed once read: a day's file can be large
        try:
            yield article_from_record(item, source, "json", line=i + 1 if listed else None)
        except InputError as exc:
            yield exc


def read_jsonl(stream: BinaryIO, source: str) -> Iterator[Article | InputError]:
    """JSON Lines, streamed: a bad line is reported with its number and the rest goes on."""
    for number, raw in enumerate(stream, start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield InputError(source, f"invalid UTF-8 at byte {exc.start} of the line", line=number, kind="encoding")
            continue
        except json.JSONDecodeError as exc:
            yield InputError(source, f"malformed JSON: {exc.msg} at column {exc.colno}", line=number, kind="format")
            continue
        try:
            yield article_from_record(record, source, "jsonl", line=number)
        except InputError as exc:
            yield exc
