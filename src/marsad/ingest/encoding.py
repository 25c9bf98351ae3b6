"""Bytes to text: BOMs, UTF-8, UTF-16 without a BOM, windows-1256, and what is not text.

Order of trust: a byte-order mark; strict UTF-8; the zero-byte pattern of UTF-16;
windows-1256 when it yields Arabic; charset-normalizer for anything else. A file
that is UTF-8 with a broken sequence is reported, not silently re-read as
windows-1256 (which accepts any byte and would turn it into noise).
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

from marsad.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "an executable"), (b"SQLite format 3", "a SQLite database"),
)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_ARABIC = re.compile(r"[\u0621-\u064a]")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is a zero or the Arabic block's 0x06."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    def high_byte_share(half: bytes) -> float:
        return sum(b in (0, 6) for b in half) / len(half)
    if high_byte_share(odd) > 0.9 and high_byte_share(even) < 0.5:
        return "utf-16-le"
    if high_byte_share(even) > 0.9 and high_byte_share(odd) < 0.5:
        return "utf-16-be"
    return None


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:8192]
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        return "binary data"
    return None


def _broken_utf8(data: bytes, error: UnicodeDecodeError) -> bool:
    """True when the bytes are UTF-8 apart from a broken or truncated sequence."""
    valid = len(_UTF8_MULTIBYTE.findall(data[: error.start]))
    return valid >= 3 or error.start >= len(data) - 3


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` for a file's bytes, or raise :class:`InputError`."""
    if not data.strip():
        raise InputError(source, "empty file", kind="empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError(source, f"invalid {name} after its byte-order mark at byte {exc.start}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    kind = _binary_kind(data)
    if kind:
        raise InputError(source, f"not a text file ({kind})", kind="binary")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _broken_utf8(data, exc):
            what = "truncated" if exc.start >= len(data) - 3 else "invalid"
            raise InputError(source, f"{what} UTF-8 sequence at byte {exc.start}", kind="encoding") from exc
    text = data.decode("cp1256", errors="replace")
    if len(_ARABIC.findall(text)) > 0.3 * max(len(text), 1):
        return text, "windows-1256"
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot tell the text encoding", kind="encoding")
    return str(best), best.encoding
