"""Bytes to text: byte-order mark, declared charset, strict UTF-8, then a best guess.

The order follows what browsers do: a BOM wins; then the charset the transport
declared (an HTTP ``Content-Type`` header); then the document's own declaration
(``<meta charset>``, ``http-equiv``, the XML declaration); then strict UTF-8; then
UTF-8 with a few stray bytes; then charset_normalizer's best guess.  A declaration
that does not decode the bytes strictly is ignored rather than trusted with
replacement characters, and so is a legacy label on bytes that are valid UTF-8
with non-ASCII characters in them (valid UTF-8 by chance is all but impossible).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import SourceError

SNIFF_BYTES = 8192  # the binary test and charset declarations look this far only
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Signatures of binary formats that can come without NUL bytes at their start.
_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"Rar!",
    b"7z\xbc\xaf",
)
_CONTROL = frozenset([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_BYTES = bytes(sorted(_CONTROL))
_MIN_UTF8_CHARS = 10  # a damaged file is read as UTF-8 when it has this many good
_UTF8_DAMAGE = 20  # non-ASCII characters and one bad sequence at most per 20 of them
_CONTROL_SHARE = 0.05  # more control bytes than this in the sniffed head: binary
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.I)
_MIME_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# Labels that mean windows-1252 in practice (the WHATWG encoding standard maps them so).
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}


def decode_bytes(raw: bytes, content_type: str) -> tuple[str, str]:
    """Decode a page's bytes; return ``(text, encoding)`` or raise ``SourceError``.

    ``content_type`` is ``"html"``/``"text"`` or a MIME type with an optional
    charset parameter (``"text/html; charset=koi8-r"``).  HTML is searched for its
    own charset declaration.  Nothing is normalised here: HTML stays as it was.
    """
    if not raw.strip():
        raise SourceError("empty file")
    head = raw[:SNIFF_BYTES]
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = _try(raw[len(bom) :], encoding)
            if text is None:
                raise SourceError(
                    f"undecodable bytes: not valid {encoding} after its byte-order mark"
                )
            return _non_empty(text), encoding
    utf16 = _bomless_utf16(head)
    if utf16 is None and _looks_binary(head):
        raise SourceError("binary file, not text or HTML")
    declared = [_mime_charset(content_type)]
    if utf16 is not None:
        declared.insert(0, utf16)
    if "html" in content_type.lower() or "xml" in content_type.lower():
        declared += [_markup_charset(head)]
    utf8 = _try(raw, "utf-8")
    for label in declared:
        for encoding in _candidates(label):
            text = _try(raw, encoding)
            if text is not None:
                if utf8 is not None and not raw.isascii() and not encoding.startswith("utf"):
                    # Non-ASCII bytes that are valid UTF-8 are UTF-8: the label is a mislabel
                    # (a server default of ISO-8859-1 is the common case).
                    return _non_empty(utf8), "utf-8"
                return _non_empty(text), encoding
    if utf8 is not None:
        return _non_empty(utf8), "utf-8"
    text = _mostly_utf8(raw)
    if text is not None:
        return _non_empty(text), "utf-8"
    best = from_bytes(raw).best()
    if best is None:
        sample = raw[:SNIFF_BYTES].decode("latin-1")
        bad = sum(1 for ch in sample if ord(ch) > 0x7F)
        raise SourceError(
            f"undecodable bytes: not UTF-8 and no character set fits "
            f"({bad} of the first {len(sample)} bytes are non-ASCII)"
        )
    return _non_empty(str(best)), _canonical(best.encoding) or best.encoding


def _non_empty(text: str) -> str:
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise SourceError("empty file")
    return text


def _try(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few stray bytes (a pasted-in Latin-1 word): kept, stray bytes replaced."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return text if good >= _MIN_UTF8_CHARS and bad * _UTF8_DAMAGE <= good else None


def _looks_binary(head: bytes) -> bool:
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > _CONTROL_SHARE * len(head)


def _bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without a BOM: NUL in nearly every other byte (ASCII-heavy text)."""
    if len(head) < 16 or b"\x00" not in head:
        return None
    evens, odds = head[0::2], head[1::2]
    for zeros, other, encoding in ((odds, evens, "utf-16-le"), (evens, odds, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            return encoding
    return None


def _mime_charset(content_type: str) -> str | None:
    match = _MIME_CHARSET.search(content_type)
    return match.group(1) if match else None


def _markup_charset(head: bytes) -> str | None:
    match = _XML_DECL.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _canonical(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def _candidates(label: str | None) -> list[str]:
    """Codecs to try for a declared label: Latin-1 and ASCII labels read as windows-1252."""
    name = _canonical(label)
    if name is None:
        return []
    if name in _AS_CP1252:
        return ["cp1252", "latin-1"]
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return [name] if name.endswith(("-le", "-be")) else []  # a BOM would have been seen
    return [name]
