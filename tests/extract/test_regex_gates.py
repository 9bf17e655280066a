"""Rule gates skip only regex searches that could not match: verdicts stay those of every rule."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from newsgraph.extract import regex_gates
from newsgraph.extract.furniture import split_blocks
from newsgraph.extract.furniture_rules import RuleMatcher, _sum_rules, load_model, match_line
from newsgraph.extract.outlet import load_catalog, referenced_names
from newsgraph.extract.regex_gates import FOLD_RISK, PatternSet, gates

ROOT = Path(__file__).resolve().parents[2]


def _lines() -> list[str]:
    """Every line of the text fixtures and seeds, the rule examples, and variants of them."""
    model = load_model()
    texts = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/text").glob("*.txt"))
    ]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/seeds").glob("*.txt"))
    ]
    lines = [line for text in texts for _, line in split_blocks(text, model.wrap_joiners)]
    lines += [rule.example for rule in model.rules]
    lines += [ref.example for ref in load_catalog().self_references]
    rng = random.Random(7)
    variants: list[str] = []
    for line in lines:
        cut = rng.randint(1, max(1, len(line)))
        variants += [line.upper(), line.title(), line[:cut], line[cut:], f"  {line} !!"]
        variants.append(line.replace("s", "\u017f", 1).replace("k", "\u212a", 1))
    return sorted(set(lines + variants + ["", "x", "ſubscribe now", "İ", "K"]))


LINES = _lines()


@pytest.mark.parametrize("automaton", [True, False])
def test_gated_verdicts_equal_running_every_rule(automaton: bool) -> None:
    model = load_model()
    matcher = RuleMatcher(model.rules, automaton=automaton)
    every = list(model.rules)
    wrong = [
        line
        for line in LINES
        if _sum_rules(line, matcher.candidates(line)) != _sum_rules(line, every)
    ]
    assert not wrong, wrong[:5]


def test_gates_skip_most_rules_on_prose() -> None:
    model = load_model()
    prose = (
        "The foreign ministry said on Thursday that talks with its neighbours over the disputed "
        "border crossing would resume next week, after a month of accusations."
    )
    assert len(model.matcher.candidates(prose)) < len(model.rules) // 4


def test_match_line_remembers_verdicts() -> None:
    model = load_model()
    first = match_line("Share this article", model)
    assert match_line("Share this article", model) is first
    assert first.weight >= model.threshold


def test_fold_risk_is_every_non_ascii_letter_that_ignorecase_maps_to_ascii() -> None:
    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    assert set(re.findall("[a-z]", every, re.IGNORECASE)) == FOLD_RISK
    # a line with one of them runs every pattern
    patterns = PatternSet([re.compile("subscribe", re.IGNORECASE)])
    assert patterns.candidates("ſubscribe") == [0]
    assert patterns.candidates("nothing here") == []


@pytest.mark.parametrize(
    ("pattern", "literals", "max_len"),
    [
        (r"\bsubscribe (now|today)\b", {"subscribe now", "subscribe today"}, None),
        (r"^(read|see) more\W*$", {"read more", "see more"}, None),
        (r"^(foo|barbaz)$", {"foo", "barbaz"}, 7),
        (r"^(?=.{0,10}$)by\s+\w+", {"by"}, 11),
        (r"^\W{3,}$", None, None),
        (r"colou?r", {"color", "colour"}, None),
    ],
)
def test_gates_of_simple_patterns(
    pattern: str, literals: set[str] | None, max_len: int | None
) -> None:
    (gate,) = gates(re.compile(pattern, re.IGNORECASE))
    assert gate.literals == (frozenset(literals) if literals is not None else None)
    assert gate.max_len == max_len


def test_top_level_alternatives_get_a_gate_each() -> None:
    found = gates(re.compile(r"^advert$|\bcookie policy\b"))
    assert [g.literals for g in found] == [frozenset({"advert"}), frozenset({"cookie policy"})]
    assert [g.max_len for g in found] == [7, None]


@pytest.mark.parametrize("automaton", [True, False])
def test_literal_scan_finds_overlapping_and_nested_literals(automaton: bool) -> None:
    scan = regex_gates.LiteralScan(
        {"sub": 1, "subscribe": 2, "scribe": 4, "be": 8, "zz": 16}, automaton
    )
    assert scan.mask("please subscribe") == 1 | 2 | 4 | 8
    assert scan.mask("nothing") == 0


def test_outlet_self_references_are_found_as_without_gates() -> None:
    catalog = load_catalog()
    for line in LINES:
        expected = [
            (m.group("name").strip(), ref.weight)
            for ref in catalog.self_references
            for m in ref.pattern.finditer(line)
        ]
        assert referenced_names([line], catalog) == expected, line
