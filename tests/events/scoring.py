"""Scoring helpers for the event gold sets (shared by the gold and seed tests)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newsgraph.records import Actor, Event

SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})
Triple = tuple[str | None, str, str | None]


def country(actor: Actor) -> str | None:
    """An actor's country; an international organisation counts as its own code."""
    return actor.country or actor.org or None


def _triples(
    sources: Sequence[str | None], type_: str, targets: Sequence[str | None]
) -> set[Triple]:
    out: set[Triple] = set()
    for s in sources or [None]:
        for t in targets or [None]:
            if type_ in SYMMETRIC and s is not None and t is not None and t < s:
                s, t = t, s
            out.add((s, type_, t))
    return out


def event_triples(events: Iterable[Event]) -> set[Triple]:
    out: set[Triple] = set()
    for e in events:
        sources = sorted({country(a) for a in e.source}, key=str)
        targets = sorted({country(a) for a in e.target} - {None}, key=str)
        out |= _triples(sources, e.type, targets)
    return out


def gold_triples(events: Iterable[dict[str, Any]]) -> set[Triple]:
    out: set[Triple] = set()
    for e in events:
        out |= _triples(list(e["source"]), e["type"], list(e["target"]))
    return out


def micro(pairs: Iterable[tuple[set[Triple], set[Triple]]]) -> tuple[float, float, int, int, int]:
    """Micro precision and recall over (predicted, gold) triple sets."""
    hit = pred = gold = 0
    for p, g in pairs:
        hit += len(p & g)
        pred += len(p)
        gold += len(g)
    return (hit / pred if pred else 1.0), (hit / gold if gold else 1.0), hit, pred, gold


def one_event(coder: Any, text: str, type_: str) -> Event:
    """The first event of ``type_`` the coder finds in ``text`` and does not negate."""
    events = coder.code(text).events
    found = [e for e in events if e.type == type_ and not e.negated]
    assert found, f"no {type_} in {text!r}: {[(e.type, e.negated) for e in events]}"
    return found[0]


def countries(actors: Iterable[object]) -> list[str | None]:
    """The ``country`` of each actor, in order."""
    return [getattr(a, "country", None) for a in actors]


# the PLOVER types of conflict (verbal and material) and of protest, for near-miss probes
CONFLICT_TYPES = frozenset({"REQUEST", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "THREATEN",
                            "ACCUSE", "REJECT", "PROTEST"})  # fmt: skip


def types(coder: Any, text: str) -> set[str]:
    """The types of the events ``coder`` finds in ``text`` (negated ones left out)."""
    return {e.type for e in coder.code(text, "2024-01-15").events if not e.negated}


def actors_of(coder: Any, text: str, type_: str) -> list[tuple[str | None, ...]]:
    """The actors' countries of each ``type_`` event ``coder`` codes in ``text``."""
    return [tuple(country(a) for a in e.source) for e in coder.code(text).events
            if e.type == type_]  # fmt: skip


def affirmed(coder: Any, text: str) -> list[tuple[str, set[str | None]]]:
    """Each event coded and not negated: its type and the countries of its actors."""
    return [(e.type, {country(a) for a in e.source}) for e in coder.code(text).events
            if not e.negated]  # fmt: skip


def check_probe(coder: Any, text: str, type_: str | None, actor: str | None) -> None:
    """A probe case: ``type_`` is coded, not negated (by ``actor``, a country or an
    organisation's code, when given); ``type_`` None: no event at all."""
    events = [e for e in coder.code(text).events if not e.negated]
    if type_ is None:
        assert not events, [(e.type, e.trigger) for e in events]
        return
    assert type_ in {e.type for e in events}, [(e.type, e.trigger) for e in events]
    if actor is not None:
        assert any(
            e.type == type_ and any((a.country or a.code) == actor for a in e.source)
            for e in events
        ), [(e.type, [a.country or a.code for a in e.source]) for e in events]


def _cases(cases: Sequence[Any]) -> list[tuple[str, str]]:
    """(text, type) of each case, a plain pair or a ``pytest.param``."""
    return [tuple(c.values) if hasattr(c, "values") else c for c in cases]


def probe_score(coder: Any, code: Sequence[Any], near: Sequence[Any]) -> None:
    """Print a probe's misses and its score: ``code`` cases must be coded as their type,
    ``near`` misses must not be (run a probe test file as a script)."""
    hit = 0
    for text, type_ in _cases(code):
        got = types(coder, text)
        hit += type_ in got
        if type_ not in got:
            print("MISS", type_, text, sorted(got))
    ok = 0
    for text, type_ in _cases(near):
        got = types(coder, text)
        ok += type_ not in got
        if type_ in got:
            print("FALSE", type_, text, sorted(got))
    print(f"code {hit}/{len(code)}, near misses kept {ok}/{len(near)}")


def assert_probe(coder: Any, text: str, must: set[str], banned: Any) -> None:
    """A probe case: the sentence is coded with every type of ``must`` and none of
    ``banned`` (``"ALL"``: with no event at all)."""
    found = types(coder, text)
    assert must <= found
    assert not found if banned == "ALL" else not (found & banned)
