"""JSON Lines: one Page per line with ``url`` and ``text`` or ``html``.

Optional fields: ``published``, ``outlet``, ``title``, ``author``.  Lines are read
one at a time with a length cap, so neither a big file nor one huge line is held
whole.  A bad line becomes an error page and the next line is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import SourceError
from ..records import ContentType, Page, PageMeta
from ..settings import Settings
from .dates import normalize_date
from .pages import error_page, page_from_text, too_large

_FIELDS = ("url", "text", "html", "published", "outlet", "title", "author")
_CHUNK = 1 << 16


def iter_jsonl(path: Path, settings: Settings) -> Iterator[Page]:
    """Yield one Page per non-blank line of a JSONL file."""
    limit = settings.max_page_bytes
    try:
        with open(path, "rb") as handle:
            for lineno, line, size in _lines(handle, limit):
                location = f"{path}#L{lineno}"
                if line is None:
                    yield error_page(location, "text", too_large("the JSONL line", size, limit))
                elif line.strip():
                    yield _line_page(location, line, lineno == 1)
    except OSError as exc:
        yield error_page(str(path), "text", f"cannot read file: {exc.strerror or exc}")


def _lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(lineno, line, size)``; ``line`` is None for a line over ``limit`` bytes (skipped unread)."""
    lineno = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield lineno, line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(_CHUNK)
            if not line:
                break
            size += len(line)
        yield lineno, None, size


def _line_page(location: str, line: bytes, first: bool) -> Page:
    content_type: ContentType = "text"
    meta = PageMeta()
    try:
        row, keys = _parse(line, first)
        published = normalize_date(row.get("published"))
        meta = PageMeta(
            url=row.get("url"),
            outlet=row.get("outlet"),
            published=published,
            published_source="jsonl" if published else None,
            title=row.get("title"),
            author=row.get("author"),
        )
        if row.get("html"):
            content_type, content = "html", row["html"]
        elif row.get("text"):
            content = row["text"]
        else:
            raise SourceError(f"JSONL line has no 'text' or 'html' field (its fields: {keys})")
        return page_from_text(location, content, content_type, meta, "utf-8")
    except SourceError as exc:
        return error_page(location, content_type, exc.reason, meta)


def json_reason(exc: json.JSONDecodeError) -> str:
    """What is wrong and where: "Invalid control character at column 59" (the
    decoder's own message of that kind already ends in "at")."""
    msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
    return f"{msg} at column {exc.colno}"


def _parse(line: bytes, first: bool) -> tuple[dict[str, str], str]:
    """The known string fields of a line, and the names of all its fields."""
    try:
        text = line.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"undecodable bytes: JSONL must be UTF-8 ({exc.reason} at byte {exc.start})"
        ) from exc
    try:
        value: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"invalid JSON: {json_reason(exc)}") from exc
    if not isinstance(value, dict):
        raise SourceError(f"JSONL line is a JSON {_kind(value)}, expected an object")
    row: dict[str, str] = {}
    for name in _FIELDS:
        field = value.get(name)
        if field is None:
            continue
        if not isinstance(field, str):
            raise SourceError(f"JSONL field {name!r} is a JSON {_kind(field)}, expected a string")
        if field.strip():
            row[name] = field if name in ("text", "html") else " ".join(field.split())
    return row, ", ".join(sorted(map(str, value))) or "none"


def _kind(value: Any) -> str:
    kinds = {bool: "boolean", int: "number", float: "number", list: "array", dict: "object"}
    return kinds.get(type(value), type(value).__name__)
