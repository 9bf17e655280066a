"""The publication-date development set (../shared/gold/dates): its fixed split and a scorer.

``dates.json`` maps each page's URL to ``{file, date}`` (gzipped HTML under ``pages/``).
The split is fixed by the URL: a page is held out when the SHA-256 of its URL, read as
a number, is divisible by 3 (279 of the 800 pages), else it is in the train part (521).
Rules are fitted on train pages only; held-out pages are scored, never read.
The train part is cut again into two halves, A and B, by the MD5 of the URL (even: A),
independent of the split: a rule that gains on one half only is fitted to its pages.

A page is right when ``extract_page`` (the ingest stage, which never raises) gives
its gold day as ``published``, from the Article or, for a page too short to be one,
from the Failure.  The page goes in as an input with its URL would (a WARC record, a
URL list), unless ``with_url`` is False.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Page, PageMeta
from ..settings import Settings
from ..sources.decode import decode_bytes
from . import extract_page

PARTS = ("train", "heldout")


@dataclass(frozen=True, slots=True)
class GoldPage:
    url: str
    file: str
    date: str
    part: str


@dataclass(slots=True)
class PartScore:
    pages: int = 0
    right: int = 0
    null: int = 0
    raised: int = 0
    sources: dict[str, int] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.right / self.pages if self.pages else 0.0


def part_of(url: str) -> str:
    """ "heldout" for one URL in three (by the SHA-256 of the URL), else "train"."""
    return (
        "heldout" if int(hashlib.sha256(url.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "train"
    )


def half_of(url: str) -> str:
    """ "A" or "B": the train half of a URL (by its MD5, independent of ``part_of``)."""
    return "A" if int(hashlib.md5(url.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "B"


def load_gold(folder: Path) -> list[GoldPage]:
    data = json.loads((folder / "dates.json").read_text(encoding="utf-8"))
    return [GoldPage(url, v["file"], v["date"], part_of(url)) for url, v in data.items()]


def page_of(folder: Path, gold: GoldPage, with_url: bool = True) -> Page:
    html, encoding = decode_bytes(
        gzip.decompress((folder / "pages" / gold.file).read_bytes()), "text/html"
    )
    meta = PageMeta(url=gold.url) if with_url else PageMeta()
    return Page(gold.file, html, "html", meta=meta, encoding=encoding)


def predict(page: Page, settings: Settings) -> tuple[str | None, str | None]:
    """(published, published_source) that the stage gives for a page."""
    result = extract_page(page, settings)
    return result.published, result.published_source


def score(
    folder: Path,
    parts: tuple[str, ...] = PARTS,
    with_url: bool = True,
    on_page: Callable[[GoldPage, str | None, str | None], None] | None = None,
    halves: bool = False,
) -> dict[str, PartScore]:
    """Accuracy per part (with ``halves``, the train halves "train-A" and "train-B" too);
    ``on_page(gold, predicted, source)`` sees each TRAIN page only."""
    settings = Settings()
    scores = {part: PartScore() for part in parts}
    if halves and "train" in parts:
        scores.update({"train-A": PartScore(), "train-B": PartScore()})
    for gold in _pages(folder, parts):
        counted = [scores[gold.part]]
        if halves and gold.part == "train":
            counted.append(scores[f"train-{half_of(gold.url)}"])
        try:
            value, source = predict(page_of(folder, gold, with_url), settings)
        except Exception:  # counted: the gate demands that no page raises
            value, source = None, "raised"
        for score in counted:
            score.pages += 1
            if source == "raised":
                score.raised += 1
                continue
            score.right += value == gold.date
            score.null += value is None
            score.sources[str(source)] = score.sources.get(str(source), 0) + 1
        if source == "raised":
            continue
        if on_page is not None and gold.part == "train":
            on_page(gold, value, source)
    return scores


def _pages(folder: Path, parts: tuple[str, ...]) -> Iterator[GoldPage]:
    return (g for g in load_gold(folder) if g.part in parts)


__all__ = [
    "GoldPage",
    "PartScore",
    "half_of",
    "load_gold",
    "page_of",
    "part_of",
    "predict",
    "score",
]
