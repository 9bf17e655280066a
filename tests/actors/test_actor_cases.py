"""The resolver on the hand-written case file; accuracy pinned in tests/floors/actors.json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsgraph.actors import ActorResolver

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "data" / "actors" / "cases.yaml"
FLOOR = ROOT / "tests" / "floors" / "actors.json"


def _load() -> dict[str, list[dict[str, Any]]]:
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _check_lookup(resolver: ActorResolver, case: dict[str, Any]) -> str | None:
    when = str(case["when"]) if case.get("when") else None
    actor = resolver.lookup(case["text"], when)
    got = actor.code if actor else None
    if got != case["code"]:
        return f"code {got!r}"
    if "name" in case and (actor is None or actor.name != case["name"]):
        return f"name {actor.name if actor else None!r}"
    if "org" in case and (actor is None or actor.org != case["org"]):
        return f"org {actor.org if actor else None!r}"
    if "role" in case and resolver.role(case["text"], when) != case["role"]:
        return f"role {resolver.role(case['text'], when)!r}"
    return None


def _check_mention(resolver: ActorResolver, parser: Any, case: dict[str, Any]) -> str | None:
    text = case["text"]
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(case['target'])}(?!\w)", text)]
    at = found[int(case.get("occurrence", 0))]
    mentions = resolver.mentions(parser(text), str(case["published"]))
    covering = [m for m in mentions if m.start <= at < m.end]
    got = covering[0].actor if covering else None
    if (got.code if got else None) != case["code"]:
        return f"code {got.code if got else None!r} ({got.text if got else ''!r})"
    if "name" in case and (got is None or got.name != case["name"]):
        return f"name {got.name if got else None!r}"
    return None


@pytest.fixture(scope="module")
def results(resolver: ActorResolver, parser: Any) -> list[tuple[str, str | None]]:
    cases = _load()
    out = []
    for case in cases["lookup"]:
        out.append((f"lookup {case['text']!r} {case.get('when')}", _check_lookup(resolver, case)))
    for case in cases["mentions"]:
        label = f"mention {case['target']!r} in {case['text'][:50]!r}"
        out.append((label, _check_mention(resolver, parser, case)))
    return out


def test_case_file_is_big_enough() -> None:
    cases = _load()
    assert len(cases["lookup"]) + len(cases["mentions"]) >= 150
    assert len(cases["mentions"]) >= 25


def test_accuracy_floor(results: list[tuple[str, str | None]]) -> None:
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    accuracy = sum(1 for _, err in results if err is None) / len(results)
    failures = [f"{label}: {err}" for label, err in results if err is not None]
    assert accuracy >= floor["floor"], f"accuracy {accuracy:.3f} < {floor['floor']}: {failures}"
