"""Sources: files, folders, WARC archives, RSS/Atom feeds, JSONL and URL lists -> Page.

``iter_pages`` is the stage.  It streams: folders are walked one directory at a
time in sorted order, archives and feeds one record at a time.  It never raises
for a bad document: every problem becomes a Page with ``error`` set (a one-line
reason) and iteration goes on.  A manifest, when given, is applied to every page.

By file extension:

=====================  =======================================================
``.txt`` ``.text``      one text page (decoded, then ``normalize_text``)
``.html`` ``.htm``      one HTML page (decoded, kept raw for the extractor)
``.warc`` ``.warc.gz``  one page per response record with an HTML or text payload
``.rss`` ``.atom``      one HTML page per feed entry (``.xml`` too, when its root
                        is ``<rss>``, ``<feed>`` or RSS 1.0's ``<rdf:RDF>``)
``.jsonl``              one page per line with ``text`` or ``html``
``.urls``               one page per URL, fetched with urllib
=====================  =======================================================
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..records import Page
from ..settings import Settings
from .decode import decode_bytes
from .feeds import iter_feed
from .jsonl import iter_jsonl
from .manifest import Manifest, load_manifest
from .pages import HTML_SUFFIXES, TEXT_SUFFIXES, error_page, read_page
from .urls import fetch_page, iter_url_list
from .warc import iter_warc

__all__ = [
    "CONTAINER_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "Manifest",
    "decode_bytes",
    "fetch_page",
    "iter_pages",
    "load_manifest",
    "read_page",
    "resolved",
    "walk_files",
]

_Reader = Callable[[Path, Settings], Iterator[Page]]
# files that hold many pages (a batch run gives each one a shard of its own)
CONTAINER_SUFFIXES = (".warc", ".warc.gz", ".rss", ".atom", ".xml", ".jsonl", ".urls")
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", *CONTAINER_SUFFIXES)


MANIFEST_NAMES = frozenset({"manifest.jsonl", "manifest.csv"})


def iter_pages(
    inputs: Iterable[str | Path], settings: Settings, manifest: Manifest | None = None
) -> Iterator[Page]:
    """Yield the pages of files, folders (recursive, sorted) and ``http(s)://`` URLs.

    Hidden files and folders are skipped inside folders, and so is the manifest
    file itself.  Each page passes through ``manifest.apply`` when a manifest is given.
    """
    skip = resolved(manifest.path) if manifest is not None else None
    for item in inputs:
        for page in _iter_input(item, settings, skip):
            yield manifest.apply(page) if manifest is not None else page


def _iter_input(item: str | Path, settings: Settings, skip: Path | None) -> Iterator[Page]:
    if isinstance(item, str) and item.lower().startswith(("http://", "https://")):
        yield fetch_page(item, settings)
        return
    path = Path(item)
    if path.is_dir():
        for file, problem in walk_files(path, skip, set()):
            if problem is None:
                yield from _iter_file(file, settings)
            else:
                yield error_page(str(file), "text", problem)
    elif path.is_file():
        if skip is None or resolved(path) != skip:
            yield from _iter_file(path, settings)
    else:
        yield error_page(str(path), "text", "no such file or folder")


def _iter_file(path: Path, settings: Settings) -> Iterator[Page]:
    name = path.name.lower()
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        yield read_page(path, settings)
    elif name.endswith((".warc", ".warc.gz")):
        yield from _container(path, settings, iter_warc)
    elif suffix in (".rss", ".atom", ".xml"):
        yield from _container(path, settings, iter_feed)
    elif suffix == ".jsonl":
        yield from _container(path, settings, iter_jsonl)
    elif suffix == ".urls":
        yield from iter_url_list(path, settings)
    else:
        expected = ", ".join(SUPPORTED_SUFFIXES)
        yield error_page(
            str(path), "text", f"unsupported file type {suffix or '(none)'!r} (expected {expected})"
        )


def _container(path: Path, settings: Settings, reader: _Reader) -> Iterator[Page]:
    """Archives, feeds and JSONL: an empty file is one error page, not zero pages."""
    try:
        empty = os.stat(path).st_size == 0
    except OSError as exc:
        yield error_page(str(path), "text", f"cannot read file: {exc.strerror or exc}")
        return
    if empty:
        yield error_page(str(path), "text", "empty file")
    else:
        yield from reader(path, settings)


def walk_files(folder: Path, skip: Path | None, seen: set[Path]) -> Iterator[tuple[Path, str | None]]:
    """``(file, None)`` under ``folder`` in sorted path order; ``(folder, reason)`` if unreadable.

    Hidden names, the ``skip`` file and files named like a manifest (``manifest.jsonl``,
    ``manifest.csv``: a folder's own manifest is never a page; pass it with ``--manifest``)
    are left out; ``seen`` stops symbolic-link loops.
    """
    real = resolved(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield folder, f"cannot read folder: {exc.strerror or exc}"
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.lower() in MANIFEST_NAMES:
            continue
        path = folder / entry.name
        if entry.is_dir():
            yield from walk_files(path, skip, seen)
        elif entry.is_file() and (skip is None or resolved(path) != skip):
            yield path, None


def resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
