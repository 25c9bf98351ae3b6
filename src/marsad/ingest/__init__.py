"""Ingest: files, folders and standard input in, :class:`Article` records (or reasons) out.

Every input yields either articles or one :class:`InputError` per problem, so a bad
file never stops the batch. Formats: plain text, HTML, JSON, JSON Lines, RSS/Atom.
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.document import Article
from marsad.errors import InputError
from marsad.ingest.feed import read_feed
from marsad.ingest.html import read_html
from marsad.ingest.language import detect_language
from marsad.ingest.records import json_articles, parse_json, read_json, read_jsonl
from marsad.ingest.text import read_text

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
STREAMED = {"jsonl"}


def sniff_format(name: str, head: bytes) -> str:
    """The format of an input from its extension, else from its first bytes."""
    by_extension = EXTENSIONS.get(Path(name).suffix.lower())
    if by_extension:
        return by_extension
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start:
        return "html"
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed")):
        return "feed" if (b"<rss" in start or b"<feed" in start) else "html"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        return "jsonl" if b"\n{" in head else "json"
    return "text"


def _expand(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                yield from (os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
        else:
            yield path


def _parse(fmt: str, data: bytes, name: str) -> Iterator[Article | InputError]:
    try:
        if fmt == "html":
            yield read_html(data, name)
        elif fmt == "json":
            yield from read_json(data, name)
        elif fmt == "jsonl":
            yield from read_jsonl(io.BytesIO(data), name)
        elif fmt == "feed":
            yield from read_feed(data, name)
        else:
            yield read_text(data, name)
    except InputError as exc:
        yield exc


def _read_one(path: str, max_bytes: int) -> Iterator[Article | InputError]:
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                head = handle.read(4096)
                fmt = sniff_format(path, head)
                if fmt in STREAMED:
                    handle.seek(0)
                    yield from read_jsonl(handle, name)
                    return
                size = os.fstat(handle.fileno()).st_size
                if size > max_bytes and fmt not in {"json", "feed"}:
                    yield InputError(name, f"file too large for one article ({size / 1e6:.1f} MB; "
                                           f"the limit is {max_bytes / 1e6:.0f} MB)", kind="too_large")
                    return
                handle.seek(0)
                data = handle.read()
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}", kind="unreadable")
        return
    fmt = sniff_format(name, data[:4096])
    if fmt not in {"json", "jsonl", "feed"} and len(data) > max_bytes:
        yield InputError(name, f"input too large for one article ({len(data) / 1e6:.1f} MB)", kind="too_large")
        return
    if fmt == "json":     # parsed first, so that the file's bytes are freed before its articles are read
        try:
            value = parse_json(data, name)
        except InputError as exc:
            yield exc
            return
        del data
        yield from json_articles(value, name)
        return
    yield from _parse(fmt, data, name)


def _checked(item: Article | InputError, max_chars: int) -> Article | InputError:
    if isinstance(item, InputError):
        return item
    line = item.metadata.get("line")
    if len(item.text) > max_chars:
        return InputError(item.source, f"article too large ({len(item.text):,} characters)", line, "too_large")
    code, reason = detect_language(item.text)
    if code != "ar":
        return InputError(item.source, reason, kind="language")
    return item


def read_inputs(paths: Iterable[str], max_bytes: int = 10_000_000) -> Iterator[Article | InputError]:
    """Every article found under ``paths`` (files, folders, ``-`` for stdin), or why not."""
    for path in _expand(paths):
        for item in _read_one(path, max_bytes):
            yield _checked(item, max_bytes)


def count_inputs(paths: Iterable[str], max_bytes: int = 10_000_000) -> int | None:
    """How many articles ``paths`` hold, read cheaply for a progress bar's total: a JSON
    Lines file's lines, a JSON file's records, one for any other file; None when a path
    cannot be counted without consuming it (standard input)."""
    total = 0
    for path in _expand(paths):
        if path == "-":
            return None
        try:
            with open(path, "rb") as handle:
                fmt = sniff_format(path, handle.read(4096))
                handle.seek(0)
                if fmt in STREAMED:
                    total += sum(1 for line in handle if line.strip())
                elif fmt == "json" and os.fstat(handle.fileno()).st_size <= 50 * max_bytes:
                    total += sum(1 for _ in json_articles(parse_json(handle.read(), path), path))
                else:
                    total += 1
        except (OSError, InputError):
            total += 1              # reading it will say what is wrong with it
    return total

