"""URL lists (``.urls``: one URL a line, ``#`` comments) fetched with urllib.

Each URL is fetched once, with a timeout (``fetch_timeout``, 20 s by default) and
a size cap (``max_page_bytes``: a declared Content-Length over it is refused
before the body is read, and the body is never read past it).  Whatever goes
wrong (an HTTP error status, a refused connection, a time-out, a PDF) becomes
an error page for that URL.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import SourceError
from ..records import ContentType, Page, PageMeta
from ..settings import Settings
from .pages import error_page, page_from_bytes, too_large

DEFAULT_TIMEOUT = 20.0
_MIME_TYPES: dict[str, ContentType] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}
_HEADERS = {
    "User-Agent": "newsgraph (news event research)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
}


def iter_url_list(path: Path, settings: Settings) -> Iterator[Page]:
    """Fetch every URL of a ``.urls`` file in order; blank lines and ``#`` comments are skipped."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                url = line.split(" #", 1)[0].strip()
                if url and not url.startswith("#"):
                    yield fetch_page(url, settings)
    except OSError as exc:
        yield error_page(str(path), "text", f"cannot read file: {exc.strerror or exc}")


def fetch_page(url: str, settings: Settings) -> Page:
    """Fetch one URL to a Page (location = the URL); a failed fetch is an error page."""
    meta = PageMeta(url=url)
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        return error_page(
            url, "html", f"unsupported URL {url!r} (expected an http:// or https:// URL)", meta
        )
    timeout = settings.fetch_timeout
    limit = settings.max_page_bytes
    # A fresh opener per fetch: proxy settings are read from the environment now.
    opener = urllib.request.build_opener()
    try:
        with opener.open(
            urllib.request.Request(url, headers=_HEADERS), timeout=timeout
        ) as response:
            meta = PageMeta(url=response.geturl() or url)
            mime_header = response.headers.get("Content-Type") or ""
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise SourceError(too_large("the response", int(declared), limit))
            raw = response.read(limit + 1)
        if len(raw) > limit:
            raise SourceError(too_large("the response", None, limit))
        content_type = _content_type(mime_header, raw)
        return page_from_bytes(url, raw, content_type, meta, declared=mime_header)
    except urllib.error.HTTPError as exc:
        return error_page(url, "html", f"HTTP {exc.code} {exc.reason} fetching {url}", meta)
    except urllib.error.URLError as exc:
        return error_page(url, "html", f"cannot fetch {url}: {exc.reason}", meta)
    except TimeoutError:
        return error_page(
            url, "html", f"no answer from {url} within {timeout:g} s (setting fetch_timeout)", meta
        )
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return error_page(url, "html", f"cannot fetch {url}: {type(exc).__name__}: {exc}", meta)
    except SourceError as exc:
        return error_page(url, "html", exc.reason, meta)


def _content_type(mime_header: str, raw: bytes) -> ContentType:
    mime = mime_header.split(";")[0].strip().lower()
    if mime in _MIME_TYPES:
        return _MIME_TYPES[mime]
    if not mime:
        return "html" if raw.lstrip()[:1] == b"<" else "text"
    raise SourceError(
        f"unsupported content type {mime!r} (expected text/html, application/xhtml+xml or text/plain)"
    )
