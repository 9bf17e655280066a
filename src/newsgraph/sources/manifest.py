"""Manifests: what a collector knew about each page (URL, outlet, date, title, author).

A manifest is JSONL (one object a line) or CSV (a header row), with ``path``
and/or ``url`` per row.  A page matches a row by its exact location, by its path
(rows' paths are relative to the manifest's folder), by its file name (when only
one row has that name) or by its URL.  Manifest values win over what the page
said itself; a manifest date is marked ``published_source="manifest"``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import ConfigError
from ..records import Page, PageMeta
from .dates import normalize_date

_COLUMNS = ("path", "url", "outlet", "published", "title", "author")
_EXPECTED = "one row per page with 'path' and/or 'url', and optional 'outlet', 'published', 'title', 'author'"


class Manifest:
    """The rows of a manifest file, indexed for ``lookup``."""

    def __init__(self, path: Path, rows: list[tuple[str | None, PageMeta]]) -> None:
        self.path = path
        self.folder = path.resolve().parent
        self._exact: dict[str, PageMeta] = {}
        self._paths: dict[Path, PageMeta] = {}
        self._names: dict[str, PageMeta | None] = {}  # None: name shared by several rows
        self._urls: dict[str, PageMeta] = {}
        for row_path, meta in rows:
            if row_path:
                self._exact[row_path] = meta
                self._paths[(self.folder / row_path).resolve()] = meta
                name = Path(row_path).name
                self._names[name] = None if name in self._names else meta
            if meta.url:
                self._urls[_url_key(meta.url)] = meta
        self.size = len(rows)

    def __len__(self) -> int:
        return self.size

    def __repr__(self) -> str:
        return f"Manifest({str(self.path)!r}, {self.size} rows)"

    def lookup(self, location: str, url: str | None = None) -> PageMeta | None:
        """The manifest's meta for a page, or None when no row matches it."""
        if location in self._exact:
            return self._exact[location]
        if "#" not in location and "://" not in location:
            try:
                resolved = Path(location).resolve()
            except (OSError, RuntimeError):
                resolved = None
            if resolved is not None and resolved in self._paths:
                return self._paths[resolved]
            by_name = self._names.get(Path(location).name)
            if by_name is not None:
                return by_name
        for candidate in (url, location):
            if candidate and "://" in candidate:
                found = self._urls.get(_url_key(candidate))
                if found is not None:
                    return found
        return None

    def apply(self, page: Page) -> Page:
        """The page with the manifest's values over its own (a new Page; records are frozen)."""
        row = self.lookup(page.location, page.meta.url)
        if row is None:
            return page
        changes = {
            name: getattr(row, name)
            for name in ("url", "outlet", "published", "published_source", "title", "author")
            if getattr(row, name) is not None
        }
        return replace(page, meta=replace(page.meta, **changes))


def load_manifest(path: str | Path) -> Manifest:
    """Read a JSONL or CSV manifest; a malformed one raises ``ConfigError`` naming the line."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"manifest {path} not found; expected a JSONL or CSV file ({_EXPECTED})")
    try:
        rows = list(_read_rows(path))
    except OSError as exc:
        raise ConfigError(f"cannot read manifest {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"manifest {path} is not UTF-8 ({exc.reason} at byte {exc.start})"
        ) from exc
    return Manifest(path, [_row(path, lineno, raw) for lineno, raw in rows])


def _read_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        if _is_csv(path, handle.read(4096)):
            handle.seek(0)
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"path", "url"} & {_key(f) for f in reader.fieldnames}:
                raise ConfigError(
                    f"manifest {path}: the CSV header has no 'path' or 'url' column; expected {_EXPECTED}"
                )
            for row in reader:
                yield reader.line_num, {_key(k): v for k, v in row.items() if k is not None}
            return
        handle.seek(0)
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(
                    f"manifest {path} line {lineno}: invalid JSON ({exc.msg}); expected {_EXPECTED}"
                ) from exc
            if not isinstance(value, dict):
                raise ConfigError(
                    f"manifest {path} line {lineno}: a JSON {type(value).__name__}; expected an object, {_EXPECTED}"
                )
            yield lineno, {_key(k): v for k, v in value.items()}


def _is_csv(path: Path, head: str) -> bool:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return True
    if suffix in (".jsonl", ".json", ".ndjson"):
        return False
    return not head.lstrip().startswith("{")


def _key(name: str) -> str:
    return name.strip().lower()


def _row(path: Path, lineno: int, raw: dict[str, Any]) -> tuple[str | None, PageMeta]:
    values: dict[str, str | None] = {}
    for name in _COLUMNS:
        value = raw.get(name)
        if value is not None and not isinstance(value, str):
            raise ConfigError(
                f"manifest {path} line {lineno}: {name!r} is {value!r}; expected a string"
            )
        values[name] = " ".join(value.split()) if value and value.strip() else None
    if not values["path"] and not values["url"]:
        raise ConfigError(
            f"manifest {path} line {lineno}: no 'path' or 'url'; expected {_EXPECTED}"
        )
    published = values["published"]
    if published is not None:
        iso = normalize_date(published)
        if iso is None:
            raise ConfigError(
                f"manifest {path} line {lineno}: published {published!r} is not a date; "
                "expected YYYY-MM-DD, YYYY-MM or YYYY"
            )
        published = iso
    meta = PageMeta(
        url=values["url"],
        outlet=values["outlet"],
        published=published,
        published_source="manifest" if published else None,
        title=values["title"],
        author=values["author"],
    )
    return values["path"], meta


def _url_key(url: str) -> str:
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))
