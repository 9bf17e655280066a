"""URL lists fetched from a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import socket
from pathlib import Path

from newsgraph.settings import Settings
from newsgraph.sources import iter_pages

from .conftest import Route

RUSSIAN = "Министр заявил в четверг, что переговоры продолжатся."


def _write_list(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "today.urls"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_url_list_is_fetched(
    tmp_path: Path, settings: Settings, http_server: tuple[str, dict[str, Route]]
) -> None:
    base, routes = http_server
    routes["/story"] = Route(200, b"<html><body><p>Port Elsin talks resumed.</p></body></html>")
    routes["/wire.txt"] = Route(200, "Ports\u00a0reopen.\r\n".encode(), "text/plain; charset=utf-8")
    routes["/ru"] = Route(200, RUSSIAN.encode("cp1251"), "text/plain; charset=windows-1251")
    routes["/report.pdf"] = Route(200, b"%PDF-1.4 ...", "application/pdf")
    urls = [
        f"{base}/story",
        f"{base}/wire.txt",
        f"{base}/ru",
        f"{base}/missing",
        f"{base}/report.pdf",
    ]
    path = _write_list(
        tmp_path, ["# morning list", "", urls[0], f"{urls[1]}  # wire copy", *urls[2:]]
    )
    pages = list(iter_pages([path], settings))
    assert [p.location for p in pages] == urls
    story, wire, russian, missing, pdf = pages
    assert (story.content_type, story.error, story.meta.url) == ("html", None, urls[0])
    assert "Port Elsin talks resumed." in story.content
    assert (wire.content_type, wire.content) == ("text", "Ports reopen.")
    assert (russian.content, russian.encoding) == (RUSSIAN, "cp1251")
    assert missing.content == "" and missing.error == f"HTTP 404 Not Found fetching {urls[3]}"
    assert pdf.error == (
        "unsupported content type 'application/pdf' "
        "(expected text/html, application/xhtml+xml or text/plain)"
    )


def test_oversize_response_is_refused(
    tmp_path: Path, settings: Settings, http_server: tuple[str, dict[str, Route]]
) -> None:
    base, routes = http_server
    body = b"<p>" + b"word " * 100 + b"</p>"
    routes["/big"] = Route(200, body)
    routes["/big-undeclared"] = Route(200, body, declare_length=False)
    routes["/small-undeclared"] = Route(200, b"<p>Short.</p>", declare_length=False)
    tiny = dataclasses.replace(settings, max_page_bytes=100)
    path = _write_list(
        tmp_path, [f"{base}/big", f"{base}/big-undeclared", f"{base}/small-undeclared"]
    )
    declared, undeclared, small = iter_pages([path], tiny)
    assert declared.error == (
        "the response is 507 bytes, over the max_page_bytes limit of 100 "
        "(raise the setting max_page_bytes to accept it)"
    )
    assert undeclared.error == (
        "the response is over the max_page_bytes limit of 100 "
        "(raise the setting max_page_bytes to accept it)"
    )
    assert small.error is None and small.content == "<p>Short.</p>"


def test_refused_connection_and_bad_scheme(tmp_path: Path, settings: Settings) -> None:
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    path = _write_list(tmp_path, [f"http://127.0.0.1:{port}/x", "ftp://127.0.0.1/file.txt"])
    refused, ftp = iter_pages([path], settings)
    assert refused.error is not None and refused.error.startswith(
        f"cannot fetch http://127.0.0.1:{port}/x: "
    )
    assert (
        ftp.error
        == "unsupported URL 'ftp://127.0.0.1/file.txt' (expected an http:// or https:// URL)"
    )


def test_url_given_directly_as_input(
    settings: Settings, http_server: tuple[str, dict[str, Route]]
) -> None:
    base, routes = http_server
    routes["/direct"] = Route(200, b"Direct text page.", None)
    [page] = iter_pages([f"{base}/direct"], settings)
    assert (page.location, page.content_type, page.content) == (
        f"{base}/direct",
        "text",
        "Direct text page.",
    )
