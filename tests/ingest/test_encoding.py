import codecs

import pytest

from marsad.errors import InputError
from marsad.ingest.encoding import decode

ARTICLE = "قال الأمين العام لحلف الناتو إن الشراكة مع اليابان تتعزز. “أمننا مترابط”، أضاف."


@pytest.mark.parametrize("data, encoding", [
    (ARTICLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
    (ARTICLE.encode("utf-16"), "utf-16"),
    (ARTICLE.encode("utf-16-le"), "utf-16-le"),
    (ARTICLE.encode("utf-16-be"), "utf-16-be"),
    (ARTICLE.replace("“", '"').replace("”", '"').encode("cp1256"), "windows-1256"),
])
def test_arabic_text_in_every_supported_encoding(data, encoding):
    text, found = decode(data, "a.txt")
    assert found == encoding
    assert "الأمين العام لحلف الناتو" in text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t ", "empty file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not a text file (a PNG image)"),
    (bytes(range(256)) * 4, "not a text file (binary data)"),
    (ARTICLE.encode("utf-8")[:-1] + "ب".encode("utf-8")[:1], "truncated UTF-8 sequence"),
    (ARTICLE.encode("utf-8")[:20] + b"\xd8" + ARTICLE.encode("utf-8")[20:], "invalid UTF-8 sequence at byte 20"),
])
def test_what_is_not_readable_text_is_named(data, reason):
    with pytest.raises(InputError) as caught:
        decode(data, "bad.txt")
    assert str(caught.value).startswith("bad.txt: ") and reason in str(caught.value)
