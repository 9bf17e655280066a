"""The furniture model of plain-text pages: rules and features read from data/furniture.yaml.

Each rule is a weighted regular expression with a category (appeal, share, comments,
caption, ...) and an optional role: ``tail`` (a comment-thread marker: the rest of the
page is comments) or ``barrier`` (a related/most-read list marker). The structural
features (how long a prose line is, how a run of short lines is weighed) are numbers
in the same file; :mod:`newsgraph.extract.furniture` applies them.

``match_line`` runs on a line only the rules that can match it (``RuleMatcher``: the
literal and length gates of :mod:`newsgraph.extract.regex_gates`), which gives the
verdict of running them all at a tenth of the cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from newsgraph.errors import DataFileError
from newsgraph.extract.datafile import read_yaml
from newsgraph.extract.regex_gates import PatternSet

Role = Literal["tail", "barrier"]
ROLES: tuple[str, ...] = ("tail", "barrier")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    category: str
    weight: float
    pattern: re.Pattern[str]
    example: str
    role: Role | None = None


@dataclass(frozen=True, slots=True)
class Features:
    sentence_min_words: int
    long_line_words: int
    short_line_words: int
    run_min_lines: int
    run_weight: float
    all_caps_weight: float
    body_words_per_point: float
    non_sentence_cost: float
    furniture_cost: float
    gap_cost_cap: float
    block_majority: float
    tail_min_body_words: int
    title_min_words: int
    title_max_words: int
    title_max_chars: int


@dataclass(frozen=True, slots=True)
class FurnitureModel:
    threshold: float
    features: Features
    rules: tuple[Rule, ...]
    categories: tuple[str, ...]
    wrap_joiners: frozenset[str] = frozenset()
    matcher: RuleMatcher = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "matcher", RuleMatcher(self.rules))


@dataclass(frozen=True, slots=True)
class LineMatch:
    """What the rules say about one line: summed weight, rule names, role, categories."""

    weight: float
    names: tuple[str, ...]
    categories: frozenset[str]
    role: Role | None


def default_path() -> Path:
    return Path(str(resources.files("newsgraph") / "data" / "furniture.yaml"))


def _fail(path: Path, where: str, problem: str) -> DataFileError:
    return DataFileError(f"{path}: {where}: {problem} (fix the entry in the YAML file)")


def _compile(path: Path, name: str, raw: Any, case_sensitive: bool) -> re.Pattern[str]:
    if not isinstance(raw, str) or not raw:
        raise _fail(path, f"rule {name!r}", "'pattern' must be a non-empty string")
    try:
        return re.compile(raw, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        raise _fail(path, f"rule {name!r}", f"pattern does not compile: {exc}") from exc


def _rule(path: Path, index: int, raw: Any, categories: tuple[str, ...]) -> Rule:
    if not isinstance(raw, dict):
        raise _fail(path, f"rules[{index}]", "each rule must be a mapping")
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        raise _fail(path, f"rules[{index}]", "missing 'name'")
    category = raw.get("category")
    if category not in categories:
        raise _fail(path, f"rule {name!r}", f"category {category!r} not in {list(categories)}")
    weight = raw.get("weight")
    if isinstance(weight, bool) or not isinstance(weight, int | float):
        raise _fail(path, f"rule {name!r}", f"'weight' must be a number, got {weight!r}")
    role = raw.get("role")
    if role is not None and role not in ROLES:
        raise _fail(path, f"rule {name!r}", f"role {role!r} not in {list(ROLES)}")
    pattern = _compile(path, name, raw.get("pattern"), bool(raw.get("case_sensitive", False)))
    example = raw.get("example")
    if not isinstance(example, str) or not example:
        raise _fail(path, f"rule {name!r}", "missing 'example' (a line the pattern matches)")
    if not pattern.search(example):
        raise _fail(path, f"rule {name!r}", f"pattern does not match its example {example!r}")
    return Rule(name, str(category), float(weight), pattern, example, role)


def parse_model(data: Any, path: Path) -> FurnitureModel:
    """Validate the parsed YAML document and build the model; DataFileError if malformed."""
    if not isinstance(data, dict):
        raise _fail(path, "top level", "expected a mapping")
    threshold = data.get("threshold")
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or threshold <= 0:
        raise _fail(path, "threshold", f"must be a positive number, got {threshold!r}")
    cats = data.get("categories")
    if not isinstance(cats, list) or not all(isinstance(c, str) for c in cats):
        raise _fail(path, "categories", "must be a list of names")
    categories = tuple(cats)
    raw_features = data.get("features")
    if not isinstance(raw_features, dict):
        raise _fail(path, "features", "must be a mapping")
    values: dict[str, Any] = {}
    for f in fields(Features):
        value = raw_features.get(f.name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _fail(path, f"features.{f.name}", f"must be a number, got {value!r}")
        values[f.name] = int(value) if f.type in ("int", int) else float(value)
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise _fail(path, "rules", "must be a non-empty list")
    rules = tuple(_rule(path, i, r, categories) for i, r in enumerate(raw_rules))
    names = [r.name for r in rules]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise _fail(path, "rules", f"duplicate names {duplicates}")
    raw_joiners = data.get("wrap_joiners", "")
    if not isinstance(raw_joiners, str):
        raise _fail(path, "wrap_joiners", "must be a string of words separated by spaces")
    joiners = raw_joiners.split()
    return FurnitureModel(
        float(threshold),
        Features(**values),
        rules,
        categories,
        frozenset(j.lower() for j in joiners),
    )


def load_model(path: Path | None = None) -> FurnitureModel:
    """Read and validate a furniture file (the packaged one by default, cached)."""
    if path is None:
        return _default_model()
    return _read(path)


def _read(path: Path) -> FurnitureModel:
    return parse_model(read_yaml(path, "furniture rules"), path)


@lru_cache(maxsize=1)
def _default_model() -> FurnitureModel:
    return _read(default_path())


class RuleMatcher:
    """Runs the rules on a line, skipping those whose gates say they cannot match it
    (see :mod:`newsgraph.extract.regex_gates`), and remembers recent verdicts (banners
    and share bars repeat from page to page of an outlet)."""

    CACHE_LINES = 4096

    def __init__(self, rules: tuple[Rule, ...], automaton: bool = True) -> None:
        self.rules = rules
        self.patterns = PatternSet([rule.pattern for rule in rules], automaton)
        self._cache: dict[str, LineMatch] = {}

    def candidates(self, line: str) -> list[Rule]:
        """The rules that may match ``line``, in file order (a superset of those that do)."""
        return [self.rules[i] for i in self.patterns.candidates(line)]

    def match(self, line: str) -> LineMatch:
        found = self._cache.get(line)
        if found is None:
            found = _sum_rules(line, self.candidates(line))
            if len(self._cache) >= self.CACHE_LINES:
                self._cache.clear()
            self._cache[line] = found
        return found


def match_line(line: str, model: FurnitureModel) -> LineMatch:
    """Sum the weights of the rules found in ``line``."""
    return model.matcher.match(line)


def _sum_rules(line: str, rules: list[Rule]) -> LineMatch:
    weight = 0.0
    names: list[str] = []
    categories: set[str] = set()
    role: Role | None = None
    for rule in rules:
        if rule.pattern.search(line):
            weight += rule.weight
            names.append(rule.name)
            if rule.weight > 0:
                categories.add(rule.category)
                if rule.role == "tail" or (rule.role == "barrier" and role is None):
                    role = rule.role
    return LineMatch(weight, tuple(names), frozenset(categories), role)
