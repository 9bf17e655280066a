"""Single text and HTML files to Page records, and the helpers every reader shares."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import SourceError
from ..records import ContentType, Page, PageMeta
from ..settings import Settings
from ..textnorm import fold_spaces, normalize_text
from .decode import decode_bytes

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")


def read_page(path: str | Path, settings: Settings) -> Page:
    """Read and decode one ``.txt``/``.html`` file.

    Never raises for a bad document: an unreadable, empty, binary, over-size or
    undecodable file comes back as a Page with ``error`` set.  A file over
    ``settings.max_page_bytes`` is refused from its size alone, unread.
    """
    location = str(path)
    suffix = Path(path).suffix.lower()
    content_type: ContentType = "html" if suffix in HTML_SUFFIXES else "text"
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        return error_page(
            location,
            "text",
            f"unsupported file type {suffix!r} for read_page (expected .txt, .text, .html or .htm)",
        )
    try:
        size = os.stat(path).st_size
        if size == 0:
            raise SourceError("empty file")
        if size > settings.max_page_bytes:
            raise SourceError(too_large("file", size, settings.max_page_bytes))
        with open(path, "rb") as handle:
            raw = handle.read(settings.max_page_bytes + 1)
        if len(raw) > settings.max_page_bytes:  # grew since stat
            raise SourceError(too_large("file", len(raw), settings.max_page_bytes))
        return page_from_bytes(location, raw, content_type, PageMeta())
    except SourceError as exc:
        return error_page(location, content_type, exc.reason)
    except OSError as exc:
        return error_page(location, content_type, f"cannot read file: {exc.strerror or exc}")


def page_from_bytes(
    location: str, raw: bytes, content_type: ContentType, meta: PageMeta, declared: str = ""
) -> Page:
    """Decode ``raw`` (``declared`` is a MIME type whose charset is trusted first)."""
    text, encoding = decode_bytes(raw, declared or content_type)
    return page_from_text(location, text, content_type, meta, encoding)


def page_from_text(
    location: str, text: str, content_type: ContentType, meta: PageMeta, encoding: str | None
) -> Page:
    """A Page from decoded text: text pages are normalised, HTML is kept as it came."""
    content = normalize_text(text) if content_type == "text" else text.removeprefix("\ufeff")
    if not content.strip():
        raise SourceError("empty file")
    return Page(
        location=location, content=content, content_type=content_type, meta=meta, encoding=encoding
    )


def error_page(
    location: str, content_type: ContentType, reason: str, meta: PageMeta | None = None
) -> Page:
    """A Page that records why the source could not read it (one-line reason)."""
    return Page(
        location=location,
        content="",
        content_type=content_type,
        meta=meta or PageMeta(),
        error=fold_spaces(reason) or "unreadable",
    )


def too_large(what: str, size: int | None, limit: int) -> str:
    """The refusal of an over-size input; ``size`` is None when only "over the limit" is known."""
    amount = f"{size} bytes, over" if size is not None else "over"
    return (
        f"{what} is {amount} the max_page_bytes limit of {limit} "
        "(raise the setting max_page_bytes to accept it)"
    )
