"""Text and HTML files, folders, and the bad inputs that become error pages."""

from __future__ import annotations

import builtins
import dataclasses
from pathlib import Path
from typing import Any

import pytest

from newsgraph.records import Page
from newsgraph.settings import Settings
from newsgraph.sources import iter_pages, read_page
from newsgraph.textnorm import normalize_text


def test_text_page_is_decoded_and_normalised(data: Path, settings: Settings) -> None:
    page = read_page(data / "corpus" / "a_story.txt", settings)
    assert page.error is None
    assert page.content_type == "text"
    assert page.encoding == "utf-8"
    assert page.content.startswith("Harbour talks resume in Valdoria\n\nPORT ELSIN, March 3")
    assert page.location == str(data / "corpus" / "a_story.txt")


def test_html_page_is_kept_raw(data: Path, settings: Settings) -> None:
    page = read_page(data / "corpus" / "b_story.html", settings)
    assert page.error is None and page.content_type == "html"
    assert page.content == (data / "corpus" / "b_story.html").read_text(encoding="utf-8")


def test_nbsp_and_odd_spaces_are_normalised(data: Path, settings: Settings) -> None:
    page = read_page(data / "encodings" / "nbsp_utf8.txt", settings)
    assert page.content == (
        "The summit opened in Geneva on Monday.\n\nDelegates arrived late.\nTalks went on."
    )
    assert "\u00a0" not in page.content and "\r" not in page.content


def test_normalize_text_controls_and_separators() -> None:
    text = "a\u00a0b\x01c\u2029d\x9de\u200bf\x0bg"
    assert normalize_text(text) == "a bc\n\ndef g"


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("russian_cp1251.txt", "Министр иностранных дел заявил в четверг"),
        ("russian_cp1251_meta.html", '<html><head><meta http-equiv="Content-Type"'),
        ("french_latin1.txt", "Le Premier ministre a reçu jeudi les représentants"),
        ("french_latin1_meta.html", '<?xml version="1.0" encoding="ISO-8859-1"?>'),
    ],
)
def test_legacy_encodings_read_right(data: Path, settings: Settings, name: str, start: str) -> None:
    page = read_page(data / "encodings" / name, settings)
    assert page.error is None
    assert page.content.startswith(start)
    assert "«" in page.content
    if "russian" in name:
        assert "Следующий раунд консультаций пройдёт в мае" in page.content
        assert page.encoding == "cp1251"
    else:
        assert "a déclaré la secrétaire générale à l'issue" in page.content


def _pages(inputs: list[Any], settings: Settings) -> list[Page]:
    return list(iter_pages(inputs, settings))


def test_folder_is_walked_recursively_sorted_without_hidden_files(
    data: Path, settings: Settings
) -> None:
    corpus = data / "corpus"
    pages = _pages([corpus], settings)
    assert [p.location for p in pages] == [
        str(corpus / "a_story.txt"),
        str(corpus / "b_story.html"),
        # manifest.csv is a manifest by its name: never a page, even when not passed
        str(corpus / "sub" / "c_story.txt"),
    ]
    assert all(".hidden" not in p.location for p in pages)


def test_unsupported_extension_message(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    [page] = _pages([tmp_path / "report.pdf"], settings)
    assert page.content == ""
    assert page.error == (
        "unsupported file type '.pdf' (expected .txt, .html, .htm, .warc, .warc.gz, "
        ".rss, .atom, .xml, .jsonl, .urls)"
    )


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t  \r\n", "empty file"),
        (b"\x00\x01\x02binary\x00\xff" * 10, "binary file, not text or HTML"),
        ("\ufeff\u200b\u00a0\n".encode(), "empty file"),
    ],
)
def test_bad_files_become_error_pages(
    tmp_path: Path, settings: Settings, raw: bytes, reason: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    [page] = _pages([path], settings)
    assert (page.location, page.content, page.error) == (str(path), "", reason)


def test_undecodable_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "garbled.html"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)
    [page] = _pages([path], settings)
    assert page.error is not None and page.error.startswith("undecodable bytes: ")
    assert page.content_type == "html" and "\n" not in page.error


def test_oversize_file_is_refused_unread(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Valdoria " * 200, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("A short wire item about Ostmark.", encoding="utf-8")
    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(str(file)).name == "big.txt":
            raise AssertionError("the over-size file was opened")
        return real_open(file, *args, **kwargs)

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the over-size file was read")

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "read_text", refuse)
    monkeypatch.setattr(Path, "open", refuse)
    tiny = dataclasses.replace(settings, max_page_bytes=1000)
    pages = _pages([tmp_path], tiny)
    assert [p.location for p in pages] == [str(big), str(small)]
    assert pages[0].error == (
        "file is 1800 bytes, over the max_page_bytes limit of 1000 "
        "(raise the setting max_page_bytes to accept it)"
    )
    assert pages[1].error is None and pages[1].content == "A short wire item about Ostmark."


def test_missing_input_is_an_error_page(tmp_path: Path, settings: Settings) -> None:
    [page] = _pages([tmp_path / "nowhere"], settings)
    assert page.error == "no such file or folder"


def test_errors_do_not_stop_iteration(tmp_path: Path, data: Path, settings: Settings) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.doc").write_bytes(b"x")
    (tmp_path / "c.txt").write_text("The third file is fine.", encoding="utf-8")
    pages = _pages([tmp_path, data / "corpus" / "a_story.txt"], settings)
    assert [p.error is None for p in pages] == [False, False, True, True]
    assert all("\n" not in (p.error or "") for p in pages)


def test_iter_pages_streams(tmp_path: Path, settings: Settings) -> None:
    for index in range(3):
        (tmp_path / f"{index}.txt").write_text(f"Story number {index}.", encoding="utf-8")
    stream = iter_pages([tmp_path], settings)
    first = next(stream)
    assert first.content == "Story number 0."
    (tmp_path / "2.txt").unlink()  # read lazily: a file removed before its turn is an error page
    rest = list(stream)
    assert rest[0].content == "Story number 1."
    assert rest[1].error is not None and rest[1].error.startswith("cannot read file")
