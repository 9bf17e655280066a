"""Name the outlet of a plain-text page from the page's references to itself.

Evidence, each weighted: self-reference patterns in the page furniture ("Support X",
"X's website", "journalists of X", "X, an independent news source", "© 2024 X"), a
site-name line at the top of the page, and domain lines (www.example.com). Names are
normalised against data/outlets.yaml; a page whose evidence matches no listed outlet
gets None (the list normalises, it never invents). Body lines are not read: an
article that quotes Reuters is not a Reuters page.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.errors import DataFileError
from newsgraph.extract.datafile import read_yaml
from newsgraph.extract.regex_gates import PatternSet

_DOMAIN = re.compile(r"\b(?:https?://)?(?:www\d?\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.IGNORECASE)
_SITE_LINE_SPLIT = re.compile(r"\s+(?:—|–|-{1,2}|\||:|·)\s+")
SITE_LINE_WEIGHT = 2.0
DOMAIN_WEIGHT = 2.0
MAX_DOMAIN_LINE = 300


@dataclass(frozen=True, slots=True)
class SelfReference:
    name: str
    weight: float
    pattern: re.Pattern[str]
    example: str
    expect: str


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OutletCatalog:
    outlets: tuple[Outlet, ...]
    self_references: tuple[SelfReference, ...]
    index: Mapping[str, Outlet]  # name_key of every name and alias -> outlet

    def by_name(self, name: str) -> Outlet | None:
        """The listed outlet whose name or alias is ``name`` (case, 'The', punctuation aside)."""
        return self.index.get(name_key(name))

    def by_domain(self, domain: str) -> Outlet | None:
        domain = domain.lower().removeprefix("www.")
        for outlet in self.outlets:
            if any(domain == d or domain.endswith("." + d) for d in outlet.domains):
                return outlet
        return None


@dataclass(frozen=True, slots=True)
class OutletGuess:
    """The outlet found (a listed name, or None) and every self-referenced name seen."""

    outlet: str | None
    names: tuple[str, ...]


def name_key(name: str) -> str:
    """Comparison key of an outlet name: no accents, case, leading 'The' or punctuation."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"[^a-z0-9]", "", text)


def _fail(path: Path, where: str, problem: str) -> DataFileError:
    return DataFileError(f"{path}: {where}: {problem} (fix the entry in the YAML file)")


def _strings(path: Path, where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, where, "must be a list of non-empty strings")
    return tuple(value)


def _self_reference(path: Path, raw: Any) -> SelfReference:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise _fail(path, "self_references", f"entry without a name: {raw!r}")
    name = raw["name"]
    weight = raw.get("weight")
    if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
        raise _fail(path, f"self_reference {name!r}", f"'weight' must be > 0, got {weight!r}")
    try:
        pattern = re.compile(str(raw.get("pattern", "")))
    except re.error as exc:
        raise _fail(path, f"self_reference {name!r}", f"pattern does not compile: {exc}") from exc
    if "name" not in pattern.groupindex:
        raise _fail(path, f"self_reference {name!r}", "pattern needs a (?P<name>...) group")
    example, expect = raw.get("example"), raw.get("expect")
    if not isinstance(example, str) or not isinstance(expect, str):
        raise _fail(path, f"self_reference {name!r}", "needs 'example' and 'expect' strings")
    found = pattern.search(example)
    if not found or found.group("name") != expect:
        raise _fail(path, f"self_reference {name!r}", f"example does not yield {expect!r}")
    return SelfReference(name, float(weight), pattern, example, expect)


def parse_catalog(data: Any, path: Path) -> OutletCatalog:
    """Validate the parsed outlets file and build the catalog; DataFileError if malformed."""
    if not isinstance(data, dict):
        raise _fail(path, "top level", "expected a mapping")
    refs = data.get("self_references")
    raw_outlets = data.get("outlets")
    if not isinstance(refs, list) or not isinstance(raw_outlets, list) or not raw_outlets:
        raise _fail(path, "top level", "needs lists 'self_references' and 'outlets'")
    outlets: list[Outlet] = []
    for raw in raw_outlets:
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise _fail(path, "outlets", f"entry without a name: {raw!r}")
        where = f"outlet {raw['name']!r}"
        outlets.append(
            Outlet(
                raw["name"],
                _strings(path, where + " aliases", raw.get("aliases") or []),
                _strings(path, where + " domains", raw.get("domains")),
            )
        )
    index: dict[str, Outlet] = {}
    for outlet in outlets:
        for name in (outlet.name, *outlet.aliases):
            other = index.setdefault(name_key(name), outlet)
            if other is not outlet:
                raise _fail(path, f"outlet {outlet.name!r}", f"{name!r} also names {other.name!r}")
    refs_ = tuple(_self_reference(path, r) for r in refs)
    return OutletCatalog(tuple(outlets), refs_, index)


def default_path() -> Path:
    return Path(str(resources.files("newsgraph") / "data" / "outlets.yaml"))


def load_catalog(path: Path | None = None) -> OutletCatalog:
    """Read and validate an outlets file (the packaged one by default, cached)."""
    return _default_catalog() if path is None else _read(path)


def _read(path: Path) -> OutletCatalog:
    return parse_catalog(read_yaml(path, "outlets"), path)


@lru_cache(maxsize=1)
def _default_catalog() -> OutletCatalog:
    return _read(default_path())


def referenced_names(lines: Iterable[str], catalog: OutletCatalog) -> list[tuple[str, float]]:
    """(name, weight) for every self-reference found in ``lines``."""
    found: list[tuple[str, float]] = []
    refs = catalog.self_references
    patterns = _pattern_set(refs)
    for line in lines:
        for index in patterns.candidates(line):
            ref = refs[index]
            for m in ref.pattern.finditer(line):
                found.append((m.group("name").strip(), ref.weight))
    return found


@lru_cache(maxsize=8)
def _pattern_set(refs: tuple[SelfReference, ...]) -> PatternSet:
    """The gates of the self-reference patterns (they skip lines a pattern cannot match)."""
    return PatternSet([ref.pattern for ref in refs])


def find_outlet(
    furniture: Sequence[str], head: Sequence[str], catalog: OutletCatalog | None = None
) -> OutletGuess:
    """Weigh the evidence in the furniture lines and the head lines (before the article).

    ``furniture`` excludes captions (their agency credits name other outlets);
    ``head`` are the lines above the article, where a site name stands alone.
    """
    catalog = catalog or load_catalog()
    scores: dict[str, float] = defaultdict(float)
    names: list[str] = []
    for name, weight in referenced_names([*furniture, *head], catalog):
        names.append(name)
        outlet = catalog.by_name(name)
        if outlet is not None:
            scores[outlet.name] += weight
    for line in head:
        for part in {line, _SITE_LINE_SPLIT.split(line, maxsplit=1)[0]}:
            outlet = catalog.by_name(part)
            if outlet is not None:
                scores[outlet.name] += SITE_LINE_WEIGHT
                names.append(part)
                break
    for line in furniture:
        if len(line) > MAX_DOMAIN_LINE:  # a domain stands in a short line; keeps findall linear
            continue
        for domain in _DOMAIN.findall(line):
            outlet = catalog.by_domain(domain)
            if outlet is not None:
                scores[outlet.name] += DOMAIN_WEIGHT
    best = max(scores.items(), key=lambda kv: kv[1], default=None)
    return OutletGuess(best[0] if best else None, tuple(dict.fromkeys(names)))
