"""WARC and WARC.gz archives: one Page per response (or resource) record with HTML or text.

Records stream through warcio one at a time.  warcio stops quietly at a cut, so
the reader checks for one itself: a record whose block came up short, a record
with no headers, a last gzip member that does not end, or bytes left after the
last whole record.  The pages read before the cut are kept; one error page then
says where the archive broke.  The WARC-Date is when the page was crawled, not
when it was published, so it is not used as a date.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from ..errors import SourceError
from ..records import ContentType, Page, PageMeta
from ..settings import Settings
from .pages import error_page, page_from_bytes, too_large

_PAGE_RECORDS = {"response", "resource"}
_MIME_TYPES: dict[str, ContentType] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}
_CHUNK = 1 << 16


class _Truncated(Exception):
    """The archive ends inside a record, or breaks there."""


class _NotWarc(Exception):
    """The file does not start like a WARC archive."""


def iter_warc(path: Path, settings: Settings) -> Iterator[Page]:
    """Yield the HTML and text pages of a WARC file, then an error page if it is cut short."""
    complete = 0
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            gzipped = _check_head(handle)
            records = ArchiveIterator(handle)
            last_offset: int | None = None
            for page, offset in _read_records(path, records, settings):
                complete += 1
                last_offset = offset
                if page is not None:
                    yield page
            end = records.offset
        if last_offset is None:
            raise _Truncated("no whole record in the file")
        if gzipped:
            _check_gzip_tail(path, last_offset)
        elif size > end:
            _check_plain_tail(path, end)
    except _NotWarc as exc:
        yield error_page(str(path), "html", f"not a WARC file: {exc}")
    except _Truncated as exc:
        reason = f"truncated WARC after {complete} records: {exc}"
        yield error_page(f"{path}#truncated", "html", reason)
    except OSError as exc:
        yield error_page(str(path), "html", f"cannot read file: {exc.strerror or exc}")


def _check_head(handle: BinaryIO) -> bool:
    """Whether the file is gzipped; ``_NotWarc`` unless it starts like a WARC (or a cut one)."""
    head = handle.read(512)
    handle.seek(0)
    gzipped = head[:2] == b"\x1f\x8b" or head == b"\x1f"  # (a gzip file cut after one byte)
    text = head
    if gzipped:
        try:
            text = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 64)
        except zlib.error as exc:
            raise _NotWarc(f"a gzip file that does not decompress ({exc})") from exc
    text = text.lstrip(b"\r\n")[:5]
    if not (text.startswith(b"WARC/") or b"WARC/".startswith(text)):
        raise _NotWarc(f"it starts with {head[:20]!r}; expected 'WARC/1.0' or 'WARC/1.1'")
    return gzipped


def _read_records(
    path: Path, records: ArchiveIterator, settings: Settings
) -> Iterator[tuple[Page | None, int]]:
    """``(page or None, record offset)`` per whole record; ``_Truncated`` where it breaks."""
    iterator = iter(records)
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            return
        except OSError:
            raise
        except Exception as exc:  # warcio raises assorted errors on a broken record
            raise _Truncated(f"the next record cannot be parsed ({_detail(exc)})") from exc
        try:
            page = _record_page(path, record, records.offset, settings)
            records.read_to_end()
        except OSError:
            raise
        except Exception as exc:  # a cut inside a compressed or chunked payload
            raise _Truncated(f"a record's payload cannot be read ({_detail(exc)})") from exc
        _check_complete(record)
        yield page, records.get_record_offset()


def _detail(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _record_page(path: Path, record: Any, offset: int, settings: Settings) -> Page | None:
    """The page of one record, an error page, or None for records that hold no page."""
    if record.rec_type is None:
        raise _Truncated("a record's headers are cut off")
    if record.rec_type not in _PAGE_RECORDS:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    location = f"{path}#{record_id or offset}"
    meta = PageMeta(url=url)
    headers = record.http_headers
    if record.rec_type == "response":
        if headers is None:
            return None
        status = headers.get_statuscode() or ""
        if status.startswith("3"):
            return None  # a redirect holds no page
        if not status.startswith("2"):
            return error_page(
                location, "html", f"HTTP status {status or 'missing'} in the WARC record", meta
            )
        mime_header = headers.get_header("Content-Type") or ""
    else:
        mime_header = record.rec_headers.get_header("Content-Type") or ""
    content_type = _MIME_TYPES.get(mime_header.split(";")[0].strip().lower())
    if content_type is None:
        return None
    payload = record.content_stream().read(settings.max_page_bytes + 1)
    try:
        if len(payload) > settings.max_page_bytes:
            raise SourceError(too_large("the record's payload", None, settings.max_page_bytes))
        return page_from_bytes(location, payload, content_type, meta, declared=mime_header)
    except SourceError as exc:
        return error_page(location, content_type, exc.reason, meta)


def _check_complete(record: Any) -> None:
    stream = record.raw_stream
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not isinstance(stream, LimitReader) or not declared.isdigit():
        raise _Truncated("a record has no Content-Length")
    if stream.limit > 0:
        raise _Truncated(
            f"a record's block is {stream.limit} bytes short of its Content-Length {record.length}"
        )


def _check_gzip_tail(path: Path, offset: int) -> None:
    """The last record's gzip member must end, and nothing may follow it."""
    decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
    with open(path, "rb") as handle:
        handle.seek(offset)
        while not decompressor.eof:
            chunk = handle.read(_CHUNK)
            if not chunk:
                raise _Truncated("the last gzip member ends early")
            decompressor.decompress(chunk, _CHUNK)
            while decompressor.unconsumed_tail and not decompressor.eof:
                decompressor.decompress(decompressor.unconsumed_tail, _CHUNK)
        left = decompressor.unused_data + handle.read(_CHUNK)
    if left.strip(b"\x00\r\n"):
        raise _Truncated(f"{len(left)}+ bytes after the last whole record do not form a record")


def _check_plain_tail(path: Path, end: int) -> None:
    with open(path, "rb") as handle:
        handle.seek(end)
        left = handle.read(_CHUNK)
    if left.strip():
        raise _Truncated(f"{len(left)}+ bytes after the last whole record do not form a record")
