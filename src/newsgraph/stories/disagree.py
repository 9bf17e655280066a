"""Disagreements: claims about one story that differ between outlets.

Inside a story told by two outlets or more, articles of different outlets are compared
pair by pair; each disagreement carries both claims with their evidence sentences.

* ``figure``: the same kind of figure (a unit noun and an outcome, e.g. refugees
  displaced, people killed; ``data/analysis/figures.yaml``) with no value in common
  between the two articles ("40,000 refugees" against "more than 65,000 refugees").
* ``actor``: events of the same type with a target in common (the same actor code)
  whose sources share no actor: who did it differs.  Sources are compared by country
  (else organisation, else code), so TURMIL and TUR agree.
* ``date``: events of the same type with a source and a target in common, dated to the
  day, on different days.  An event dated on its own article's publication day is
  not taken as a claim (the coder falls back to that day when the text names none).

Negated and hypothetical events are left out.  Each kind of claim is reported once
per pair of outlets and subject.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from itertools import combinations
from typing import Any

import yaml

from ..errors import DataFileError
from ..store import articles, stories
from .cluster import split_sentences
from .storystate import iso_to_day

__all__ = ["Claim", "Disagreement", "Figure", "disagreements", "find_figures"]

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True, slots=True)
class Claim:
    article_id: str
    outlet: str | None
    value: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Disagreement:
    story_id: str
    kind: str  # figure | actor | date
    subject: str  # "refugees displaced", an event type, ...
    a: Claim
    b: Claim

    def to_dict(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "kind": self.kind,
            "subject": self.subject,
            "a": {"article_id": self.a.article_id, "outlet": self.a.outlet, "value": self.a.value,
                  "evidence": self.a.evidence},
            "b": {"article_id": self.b.article_id, "outlet": self.b.outlet, "value": self.b.value,
                  "evidence": self.b.evidence},
        }


@dataclass(frozen=True, slots=True)
class Figure:
    unit: str
    outcome: str | None
    value: float
    text: str  # as written, with its qualifier: "more than 65,000 refugees"
    sentence: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    max_gap: int
    units: dict[tuple[str, ...], str]
    outcomes: list[tuple[re.Pattern[str], str]]
    unit_outcomes: dict[str, str]
    qualifiers: tuple[str, ...]
    numbers: dict[str, float]
    multipliers: dict[str, float]


@functools.cache
def _lexicon() -> _Lexicon:
    name = "data/analysis/figures.yaml"
    try:
        raw = yaml.safe_load((resources.files("newsgraph") / name).read_text(encoding="utf-8"))
        units = {tuple(f.lower().split()): str(u) for u, forms in raw["units"].items() for f in forms}
        outcomes = [
            (re.compile(r"\b" + re.escape(f.lower()) + r"\b"), str(o))
            for o, forms in raw["outcomes"].items()
            for f in forms
        ]
        lexicon = _Lexicon(
            max_gap=int(raw["max_gap"]),
            units=units,
            outcomes=outcomes,
            unit_outcomes={str(k): str(v) for k, v in raw["unit_outcomes"].items()},
            qualifiers=tuple(sorted((q.lower() for q in raw["qualifiers"]), key=len, reverse=True)),
            numbers={str(k): float(v) for k, v in raw["number_words"].items()},
            multipliers={str(k): float(v) for k, v in raw["multipliers"].items()},
        )
    except (OSError, KeyError, TypeError, ValueError, AttributeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{name} is malformed: {exc}") from exc
    return lexicon


def _number(token: str, lex: _Lexicon) -> float | None:
    if token[0].isdigit():
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    return lex.numbers.get(token.lower())


def find_figures(sentence: str) -> list[Figure]:
    """The figures of one sentence: numbers followed by a unit noun (see the lexicon)."""
    lex = _lexicon()
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    words = [t.lower() for t, _, _ in tokens]
    found: list[Figure] = []
    lowered = sentence.lower()
    marks = [(hit.start(), name) for pattern, name in lex.outcomes for hit in pattern.finditer(lowered)]
    i = 0
    while i < len(tokens):
        value = _number(tokens[i][0], lex)
        if value is None:
            i += 1
            continue
        j = i + 1
        if j < len(tokens) and words[j] in lex.multipliers:
            value *= lex.multipliers[words[j]]
            j += 1
        unit, end = None, j
        for k in range(j, min(j + lex.max_gap + 1, len(tokens))):
            if _number(tokens[k][0], lex) is not None:
                break
            for size in (2, 1):
                key = tuple(words[k : k + size])
                if len(key) == size and key in lex.units:
                    unit, end = lex.units[key], k + size
                    break
            if unit:
                break
        if unit is None:
            i = j
            continue
        start = tokens[i][1]
        before = lowered[:start].rstrip()
        qualifier = next((q for q in lex.qualifiers if before.endswith(" " + q) or before == q), None)
        if qualifier:
            start = len(before) - len(qualifier)
        text = " ".join(sentence[start : tokens[end - 1][2]].split())
        outcome = lex.unit_outcomes.get(unit) or _nearest(marks, tokens[end - 1][2])
        found.append(Figure(unit, outcome, value, text, sentence))
        i = end
    return found


def _nearest(marks: list[tuple[int, str]], at: int) -> str | None:
    """The outcome word nearest to a figure (after it wins a tie)."""
    if not marks:
        return None
    return min(marks, key=lambda m: (abs(m[0] - at), m[0] < at))[1]


def _place(actor_keys: list[str] | None) -> frozenset[str]:
    return frozenset(actor_keys or ())


def disagreements(conn: Any, story_id: str | None = None) -> list[Disagreement]:
    """Disagreements inside one story, or inside every story told by two outlets or more."""
    members = stories.story_members(conn, story_id)
    by_story: dict[str, list[tuple[str, str | None]]] = {}
    for sid, aid, outlet in members:
        by_story.setdefault(sid, []).append((aid, outlet))
    out: list[Disagreement] = []
    for sid, arts in by_story.items():
        out.extend(_story(conn, sid, arts))
    return out


def _story(conn: Any, sid: str, arts: list[tuple[str, str | None]]) -> Iterator[Disagreement]:
    ids = [a for a, _ in arts]
    outlet = dict(arts)
    published = articles.published_dates(conn, ids)
    figures: dict[str, dict[tuple[str, str | None], list[Figure]]] = {}
    for aid, (sentences, body) in articles.article_texts(conn, ids).items():
        for sentence in sentences if sentences is not None else split_sentences(body):
            for f in find_figures(sentence):
                figures.setdefault(aid, {}).setdefault((f.unit, f.outcome), []).append(f)
    events: dict[str, list[dict[str, Any]]] = {}
    for e in stories.events_of(conn, ids):
        events.setdefault(e["article_id"], []).append(e)
    seen: set[tuple[str, str, frozenset[str | None]]] = set()
    for a, b in combinations(sorted(ids, key=lambda x: (outlet[x] or "", x)), 2):
        if outlet[a] == outlet[b]:
            continue
        pair = frozenset((outlet[a], outlet[b]))
        for d in _figure_claims(sid, a, b, outlet, figures):
            if (d.kind, d.subject, pair) not in seen:
                seen.add((d.kind, d.subject, pair))
                yield d
        for d in _event_claims(sid, a, b, outlet, events, published):
            if (d.kind, d.subject, pair) not in seen:
                seen.add((d.kind, d.subject, pair))
                yield d


def _fmt(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:,.2f}"


def _figure_claims(
    sid: str,
    a: str,
    b: str,
    outlet: dict[str, str | None],
    figures: dict[str, dict[tuple[str, str | None], list[Figure]]],
) -> Iterator[Disagreement]:
    fa, fb = figures.get(a, {}), figures.get(b, {})
    for key in sorted(set(fa) & set(fb), key=lambda k: (k[0], k[1] or "")):
        if {f.value for f in fa[key]} & {f.value for f in fb[key]}:
            continue
        x, y = fa[key][0], fb[key][0]
        subject = f"{key[0]} {key[1]}" if key[1] else key[0]
        yield Disagreement(
            sid, "figure", subject,
            Claim(a, outlet[a], f"{x.text} ({_fmt(x.value)})", x.sentence),
            Claim(b, outlet[b], f"{y.text} ({_fmt(y.value)})", y.sentence),
        )


def _event_claims(
    sid: str,
    a: str,
    b: str,
    outlet: dict[str, str | None],
    events: dict[str, list[dict[str, Any]]],
    published: dict[str, str],
) -> Iterator[Disagreement]:
    for x in events.get(a, []):
        for y in events.get(b, []):
            if x["type"] != y["type"]:
                continue
            sx, sy = _place(x["sources"]), _place(y["sources"])
            tx, ty = _place(x["targets"]), _place(y["targets"])
            if sx and sy and not sx & sy and tx & ty and not _far_apart(x, y):
                yield Disagreement(
                    sid, "actor", x["type"],
                    Claim(a, outlet[a], ", ".join(sorted(sx)), x["evidence"]),
                    Claim(b, outlet[b], ", ".join(sorted(sy)), y["evidence"]),
                )
            elif sx & sy and (tx & ty) and _claimed_day(x, published.get(a)) and _claimed_day(
                y, published.get(b)
            ) and x["date"] != y["date"]:
                yield Disagreement(
                    sid, "date", x["type"],
                    Claim(a, outlet[a], str(x["date"]), x["evidence"]),
                    Claim(b, outlet[b], str(y["date"]), y["evidence"]),
                )


def _claimed_day(event: dict[str, Any], published: str | None) -> bool:
    date = event["date"]
    return bool(date) and event["date_precision"] == "day" and date[:10] != (published or "")[:10]


def _far_apart(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """Two events dated to days more than one day apart are not the same event."""
    dx, dy = iso_to_day(x["date"]), iso_to_day(y["date"])
    if dx is None or dy is None or x["date_precision"] != "day" or y["date_precision"] != "day":
        return False
    return abs(dx - dy) > 1
