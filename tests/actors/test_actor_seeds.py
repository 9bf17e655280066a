"""The sample articles through mentions(): the key mentions resolve as expected."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.actors import ActorResolver
from newsgraph.records import Mention
from newsgraph.textnorm import normalize_text

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


@pytest.fixture(scope="module")
def seed_mentions(resolver: ActorResolver, parser: Any) -> dict[str, tuple[str, list[Mention]]]:
    out = {}
    for line in (SEEDS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        text = normalize_text((SEEDS / meta["path"]).read_text(encoding="utf-8"))
        out[meta["path"][:3]] = (text, resolver.mentions(parser(text), meta["published"]))
    return out


def _find(found: tuple[str, list[Mention]], surface: str, nth: int = 0) -> Mention:
    text, mentions = found
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    hits = [m for m in mentions if m.start <= start < m.end]
    assert hits, f"no mention at {surface!r}"
    return hits[0]


def test_offsets_match_the_text(seed_mentions: dict[str, tuple[str, list[Mention]]]) -> None:
    for text, mentions in seed_mentions.values():
        assert mentions
        for m in mentions:
            assert text[m.start : m.end] == m.actor.text


@pytest.mark.parametrize(
    ("seed", "surface", "nth", "code", "name"),
    [
        ("001", "Ankara is now threatening", 0, "TURGOV", None),
        ("001", "Russian-backed Syrian forces", 0, "SYRMIL", None),
        ("001", "The Kremlin spokesman", 0, "RUSGOV", "Dmitry Peskov"),
        ("001", "Turkish leader", 0, "TURGOV", "Recep Tayyip Erdogan"),
        ("001", "Turkish troops", 0, "TURMIL", None),
        ("001", "Dmitry Peskov", 0, "RUSGOV", "Dmitry Peskov"),
        ("000", "he told BFM", 0, "FRAGOV", "Laurent Fabius"),
        ("000", "Laurent Fabius", 0, "FRAGOV", "Laurent Fabius"),
        ("000", "Foreign Ministry said", 0, "RUSGOV", None),
        ("000", "UN Security Council", 0, "UN", None),  # org UNSC
        ("000", "the West of", 0, "WST", None),
        ("002", "Lavrov accused", 0, "RUSGOV", "Sergei Lavrov"),
        ("002", "Ankara of", 0, "TURGOV", None),
        ("002", "anti-Syria militants", 0, "REB", None),
        ("002", "Faysal Mekdad", 0, "SYRGOV", "Faisal Mekdad"),
        ("002", "Adel el-Jubeir", 0, "SAUGOV", "Adel al-Jubeir"),
        ("003", "official said the talks", 0, "TURGOV", None),
        ("003", "Syrian government forces", 0, "SYRMIL", None),
        ("004", "deputy added", 0, "RUSLEG", "Victor Vodolatsky"),
        ("004", "Russian diplomats", 0, "RUSGOV", None),
    ],
)
def test_seed_mentions(
    seed_mentions: dict[str, tuple[str, list[Mention]]],
    seed: str,
    surface: str,
    nth: int,
    code: str,
    name: str | None,
) -> None:
    m = _find(seed_mentions[seed], surface, nth)
    assert m.actor.code == code, m
    if name is not None:
        assert m.actor.name == name, m


def test_unknown_people_are_kept(seed_mentions: dict[str, tuple[str, list[Mention]]]) -> None:
    m = _find(seed_mentions["001"], "Nate Hooper")
    assert m.actor.code is None and m.kind == "person"


def test_a_capital_after_in_is_a_place(seed_mentions: dict[str, tuple[str, list[Mention]]]) -> None:
    text, mentions = seed_mentions["000"]
    paris = text.index("in Paris") + 3
    assert not [m for m in mentions if m.start <= paris < m.end]
