"""decode_bytes: BOM, declarations, strict UTF-8, best guess, and the refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsgraph.errors import SourceError
from newsgraph.sources import decode_bytes

FRENCH = "Le président a déclaré jeudi qu'il était prêt à négocier « sans délai » avec les élus."
RUSSIAN = "Министр заявил в четверг, что правительство готово к переговорам с соседями."


def test_utf8_plain() -> None:
    assert decode_bytes("Café talks — day two".encode(), "text") == (
        "Café talks — day two",
        "utf-8",
    )


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    ],
)
def test_byte_order_mark_wins(bom: bytes, codec: str, expected: str) -> None:
    raw = bom + FRENCH.encode(codec)
    # The BOM beats a (wrong) declared charset.
    assert decode_bytes(raw, "text/html; charset=iso-8859-5") == (FRENCH, expected)


def test_utf16_without_bom_is_read_not_called_binary() -> None:
    text, encoding = decode_bytes(
        ("Talks resumed on Monday in Geneva. " * 4).encode("utf-16-le"), "text"
    )
    assert encoding == "utf-16-le"
    assert text.startswith("Talks resumed on Monday")


def test_meta_charset_windows_1251() -> None:
    raw = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'.encode(
        "cp1251"
    )
    text, encoding = decode_bytes(raw, "html")
    assert RUSSIAN in text
    assert encoding == "cp1251"


def test_http_equiv_declaration() -> None:
    raw = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        f"</head><body>{RUSSIAN}</body></html>"
    ).encode("koi8-r")
    text, encoding = decode_bytes(raw, "html")
    assert RUSSIAN in text and encoding == "koi8-r"


def test_xml_declaration_latin1_reads_as_windows_1252() -> None:
    raw = f'<?xml version="1.0" encoding="ISO-8859-1"?><html><body>{FRENCH} \x93quoted\x94</body></html>'
    text, encoding = decode_bytes(raw.encode("latin-1"), "html")
    # Latin-1 labels mean windows-1252 in practice: 0x93/0x94 are curly quotes.
    assert FRENCH in text and "\u201cquoted\u201d" in text
    assert encoding == "cp1252"


def test_transport_charset_is_trusted_before_guessing() -> None:
    text, encoding = decode_bytes(RUSSIAN.encode("cp866"), "text/plain; charset=cp866")
    assert (text, encoding) == (RUSSIAN, "cp866")


def test_declaration_that_does_not_decode_is_ignored() -> None:
    raw = f'<meta charset="utf-8"><p>{RUSSIAN}</p>'.encode("cp1251")
    text, encoding = decode_bytes(raw, "html")
    assert RUSSIAN in text and encoding == "cp1251"


def test_unknown_declared_charset_is_ignored() -> None:
    text, encoding = decode_bytes(b'<meta charset="x-no-such-thing"><p>Plain ASCII</p>', "html")
    assert "Plain ASCII" in text and encoding == "utf-8"


def test_undeclared_windows_1251_is_guessed(data: Path) -> None:
    raw = (data / "encodings" / "russian_cp1251.txt").read_bytes()
    text, encoding = decode_bytes(raw, "text")
    assert text.startswith("Министр иностранных дел заявил в четверг")
    assert "«Мы не допустим эскалации»" in text
    assert encoding == "cp1251"


def test_undeclared_latin1_french_is_guessed(data: Path) -> None:
    raw = (data / "encodings" / "french_latin1.txt").read_bytes()
    text, _encoding = decode_bytes(raw, "text")
    assert text.startswith("Le Premier ministre a reçu jeudi")
    assert "« Nous voulons un accord équitable »" in text


@pytest.mark.parametrize(
    "raw",
    [
        b"GIF89a\x01\x00\x01\x00\x00\xff\x00,",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n",
        b"plain words \x00\x00 then nulls",
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 20 + b"some text",
    ],
)
def test_binary_is_refused(raw: bytes) -> None:
    with pytest.raises(SourceError) as caught:
        decode_bytes(raw, "text")
    assert caught.value.reason == "binary file, not text or HTML"


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"  \n"])
def test_empty_is_refused(raw: bytes) -> None:
    with pytest.raises(SourceError) as caught:
        decode_bytes(raw, "html")
    assert caught.value.reason == "empty file"


def test_undecodable_bytes() -> None:
    raw = bytes(range(0x80, 0x100)) * 8
    with pytest.raises(SourceError) as caught:
        decode_bytes(raw, "text")
    assert caught.value.reason.startswith("undecodable bytes: ")
    assert "\n" not in caught.value.reason


def test_broken_utf16_after_bom_is_undecodable() -> None:
    with pytest.raises(SourceError, match="undecodable bytes"):
        decode_bytes(codecs.BOM_UTF16_LE + b"a\x00b", "text")


def test_html_is_not_normalised() -> None:
    raw = b"<p>One\xc2\xa0two\r\n\r\n\r\n\r\nthree</p>"
    text, _ = decode_bytes(raw, "html")
    assert text == "<p>One\u00a0two\r\n\r\n\r\n\r\nthree</p>"


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    raw = (RUSSIAN * 3).encode() + b" \xff " + (RUSSIAN * 3).encode()
    text, encoding = decode_bytes(raw, "text")
    assert encoding == "utf-8"
    assert text.count("\ufffd") == 1 and text.startswith(RUSSIAN)


def test_valid_utf8_wins_over_a_latin1_mislabel() -> None:
    raw = FRENCH.encode("utf-8")
    assert decode_bytes(raw, "text/html; charset=ISO-8859-1") == (FRENCH, "utf-8")
    # ...but a legacy label on ASCII-only bytes, or on bytes that are not UTF-8, is used.
    assert decode_bytes(b"plain", "text/plain; charset=koi8-r") == ("plain", "koi8-r")
