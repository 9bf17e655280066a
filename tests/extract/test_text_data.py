"""data/furniture.yaml and data/outlets.yaml load, and every entry is well formed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsgraph.errors import DataFileError
from newsgraph.extract.furniture_rules import Features, default_path, load_model, parse_model
from newsgraph.extract.outlet import default_path as outlets_path
from newsgraph.extract.outlet import load_catalog, name_key, parse_catalog


@pytest.fixture(scope="module")
def raw_rules() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(default_path().read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def raw_outlets() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(outlets_path().read_text("utf-8"))
    return data


def test_furniture_file_loads() -> None:
    model = load_model()
    assert model.threshold > 0
    assert len(model.rules) >= 30
    assert {r.role for r in model.rules} >= {"tail", "barrier", None}


def test_every_rule_compiles_has_weight_and_matches_its_example(raw_rules: dict[str, Any]) -> None:
    categories = set(raw_rules["categories"])
    names: set[str] = set()
    for entry in raw_rules["rules"]:
        name = entry["name"]
        assert name not in names, f"duplicate rule {name}"
        names.add(name)
        assert entry["category"] in categories, name
        assert isinstance(entry["weight"], int | float) and not isinstance(entry["weight"], bool), (
            name
        )
        assert entry["weight"] != 0, name
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        pattern = re.compile(entry["pattern"], flags)
        assert isinstance(entry["example"], str) and entry["example"], name
        assert pattern.search(entry["example"]), f"{name} does not match {entry['example']!r}"
        assert entry.get("role") in (None, "tail", "barrier"), name


def test_examples_of_furniture_rules_score_as_furniture(raw_rules: dict[str, Any]) -> None:
    """Each positive rule's example line alone reaches the threshold (or the rule is a hint)."""
    model = load_model()
    weak = {r.name for r in model.rules if r.weight < model.threshold}
    for rule in model.rules:
        if rule.name in weak:
            continue
        total = sum(r.weight for r in model.rules if r.pattern.search(rule.example))
        assert total >= model.threshold, f"{rule.name}: example scores {total}"


def test_every_feature_is_set(raw_rules: dict[str, Any]) -> None:
    features = raw_rules["features"]
    for field in Features.__dataclass_fields__:
        assert isinstance(features[field], int | float), field


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["rules"][0].update(pattern="(unclosed"), "does not compile"),
        (lambda d: d["rules"][0].update(example="nothing alike here"), "does not match"),
        (lambda d: d["rules"][0].pop("weight"), "'weight' must be a number"),
        (lambda d: d["rules"][0].update(category="nonsense"), "category"),
        (lambda d: d["rules"][0].update(role="sometimes"), "role"),
        (lambda d: d["features"].pop("run_weight"), "features.run_weight"),
        (lambda d: d["rules"].append(dict(d["rules"][0])), "duplicate"),
    ],
)
def test_malformed_furniture_file_is_refused(
    raw_rules: dict[str, Any], change: Any, message: str
) -> None:
    data = yaml.safe_load(yaml.safe_dump(raw_rules))
    change(data)
    with pytest.raises(DataFileError, match=re.escape(message)):
        parse_model(data, Path("furniture.yaml"))


def test_outlets_file_loads_and_lists_the_seed_outlets() -> None:
    catalog = load_catalog()
    names = {o.name for o in catalog.outlets}
    assert {"The Moscow Times", "Tsarizm", "Press TV", "SouthFront"} <= names
    assert len(names) >= 34
    assert catalog.by_name("the moscow times") is not None
    assert catalog.by_name("South Front") is not None
    assert catalog.by_domain("www.presstv.co.uk") is not None
    assert catalog.by_name("The Northern Ledger") is None


def test_outlet_entries_are_well_formed(raw_outlets: dict[str, Any]) -> None:
    keys: dict[str, str] = {}
    for entry in raw_outlets["outlets"]:
        for alias in [entry["name"], *entry.get("aliases", [])]:
            assert keys.setdefault(name_key(alias), entry["name"]) == entry["name"], alias
        for domain in entry["domains"]:
            assert re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain), domain


def test_every_self_reference_yields_its_expected_name(raw_outlets: dict[str, Any]) -> None:
    for entry in raw_outlets["self_references"]:
        pattern = re.compile(entry["pattern"])
        assert entry["weight"] > 0
        found = pattern.search(entry["example"])
        assert found is not None, entry["name"]
        assert found.group("name") == entry["expect"], entry["name"]


def test_malformed_outlets_file_is_refused(raw_outlets: dict[str, Any]) -> None:
    data = yaml.safe_load(yaml.safe_dump(raw_outlets))
    data["self_references"][0]["expect"] = "Somebody Else"
    with pytest.raises(DataFileError, match="does not yield"):
        parse_catalog(data, Path("outlets.yaml"))
    data = yaml.safe_load(yaml.safe_dump(raw_outlets))
    data["outlets"].append({"name": "Moscow Times Two", "aliases": ["Moscow Times"], "domains": []})
    with pytest.raises(DataFileError, match="also names"):
        parse_catalog(data, Path("outlets.yaml"))
