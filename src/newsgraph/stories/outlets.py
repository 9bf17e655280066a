"""Outlet framing: how each outlet names the same actors, its tone, whom it quotes.

* Naming.  Without an actor: the mentions resolved to an armed group or the opposition
  (sectors in ``data/analysis/framing.yaml``), each labelled with the framing word it
  uses ('terrorists', 'rebels', 'militants', 'opposition', ...; the head word or the
  name when it uses none), plus the scannable framing words found in sentences outside
  any mention ("new terrorist recruits").  With an actor: the mentions resolved to it.
  Each use is counted in the outlet's own voice or as quoted (inside a quotation the
  quote finder stored); ``top_term`` is the outlet's most frequent label in its own
  voice (all uses when it has none there; ties go to the label used more in all).
* Tone (``newsgraph.tone``, -10 .. +10): the mean stored article tone, and the mean
  tone of the event evidence sentences (of events of the actor, if given).
* Quotes: how often each speaker (actor code, else the name as written) is quoted.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from ..errors import DataFileError
from ..store import outlets as read
from ..tone import sentence_tone

__all__ = ["Framing", "OutletReport", "load_framing", "outlet_reports"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True, slots=True)
class Framing:
    """The framing lexicon: sectors of interest, form -> label, forms scanned in text."""

    sectors: tuple[str, ...]
    labels: dict[str, str]
    scan: tuple[str, ...]

    def label(self, text: str, kind: str) -> str:
        words = [w.lower().strip("'’-") for w in _WORD.findall(text)]
        for i in range(len(words)):
            pair = " ".join(words[i : i + 2])
            if pair in self.labels:
                return self.labels[pair]
        for word in words:
            if word in self.labels:
                return self.labels[word]
        if kind in ("noun", "office") and words:
            return words[-1]  # the head word of a common noun phrase
        return " ".join(text.split())  # a name, as written

    @property
    def pattern(self) -> str:
        forms = sorted(self.scan, key=len, reverse=True)
        return r"\b(" + "|".join(re.escape(f) for f in forms) + r")\b"


@functools.cache
def load_framing() -> Framing:
    """Read and check ``data/analysis/framing.yaml``."""
    name = "data/analysis/framing.yaml"
    try:
        raw = yaml.safe_load((resources.files("newsgraph") / name).read_text(encoding="utf-8"))
        sectors = tuple(str(s) for s in raw["sectors"])
        labels: dict[str, str] = {}
        scan: list[str] = []
        for entry in raw["terms"]:
            label, forms = str(entry["label"]), entry["forms"]
            if not forms or not all(isinstance(f, str) and f == f.lower() for f in forms):
                raise ValueError(f"{label}: forms must be lower-case strings, got {forms!r}")
            for form in forms:
                if labels.get(form, label) != label:
                    raise ValueError(f"form {form!r} is under two labels")
                labels[form] = label
                if entry.get("scan"):
                    scan.append(form)
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise DataFileError(f"{name} is malformed: {exc}") from exc
    return Framing(sectors, labels, tuple(scan))


@dataclass(frozen=True, slots=True)
class OutletReport:
    outlet: str
    articles: int
    events: int
    tone: float | None  # mean article tone
    event_tone: float | None  # mean tone of event evidence sentences
    event_sentences: int
    terms: tuple[tuple[str, int, int], ...]  # (label, own voice, quoted), most used first
    top_term: str | None
    quotes: int
    speakers: tuple[tuple[str, int], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "articles": self.articles,
            "events": self.events,
            "tone": self.tone,
            "event_tone": self.event_tone,
            "event_sentences": self.event_sentences,
            "top_term": self.top_term,
            "terms": [{"term": t, "own": o, "quoted": q} for t, o, q in self.terms],
            "quotes": self.quotes,
            "speakers": [{"speaker": s, "quotes": n} for s, n in self.speakers],
        }


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def naming(conn: Any, actor: str | None = None) -> dict[str, dict[str, Counter[str]]]:
    """outlet -> {"own": Counter(label), "quoted": Counter(label)}."""
    framing = load_framing()
    quotes = read.quote_spans(conn)
    out: dict[str, dict[str, Counter[str]]] = {}
    taken: dict[str, list[tuple[int, int]]] = {}

    def count(outlet: str, article_id: str, start: int, end: int, label: str) -> None:
        voice = "quoted" if _inside(quotes.get(article_id, []), start, end) else "own"
        out.setdefault(outlet, {"own": Counter(), "quoted": Counter()})[voice][label] += 1

    for m in read.actor_mentions(conn, actor, framing.sectors):
        count(m["outlet"], m["article_id"], m["start"], m["end"], framing.label(m["text"], m["kind"]))
        taken.setdefault(m["article_id"], []).append((m["start"], m["end"]))
    if actor is None and framing.scan:
        regex = re.compile(framing.pattern, re.IGNORECASE)
        for s in read.sentences_matching(conn, framing.pattern):
            for hit in regex.finditer(s["text"]):
                start, end = s["start"] + hit.start(), s["start"] + hit.end()
                spans = taken.get(s["article_id"], [])
                if any(a < end and start < b for a, b in spans):
                    continue
                count(s["outlet"], s["article_id"], start, end, framing.labels[hit.group(1).lower()])
    return out


def _top(own: Counter[str], quoted: Counter[str]) -> str | None:
    pool = own or quoted
    if not pool:
        return None
    total = own + quoted
    return min(pool, key=lambda t: (-pool[t], -total[t], t))


def outlet_reports(conn: Any, actor: str | None = None, speakers: int = 5) -> list[OutletReport]:
    """One report per outlet, most articles first (see the module docstring)."""
    names = naming(conn, actor)
    tones: dict[str, list[float]] = {}
    for row in read.event_sentences(conn, actor):
        tones.setdefault(row["outlet"], []).append(sentence_tone(row["evidence"]))
    quoted: dict[str, list[tuple[str, int]]] = {}
    for row in read.quoted_speakers(conn, actor):
        quoted.setdefault(row["outlet"], []).append((str(row["speaker"]), int(row["quotes"])))
    reports = []
    for row in read.outlet_overview(conn):
        outlet = row["outlet"]
        own = names.get(outlet, {}).get("own", Counter())
        inq = names.get(outlet, {}).get("quoted", Counter())
        total = own + inq
        terms = tuple(
            (t, own[t], inq[t]) for t in sorted(total, key=lambda t: (-total[t], -own[t], t))
        )
        ev = tones.get(outlet, [])
        who = quoted.get(outlet, [])
        reports.append(
            OutletReport(
                outlet=outlet,
                articles=int(row["articles"]),
                events=int(row["events"]),
                tone=None if row["tone"] is None else round(float(row["tone"]), 3),
                event_tone=round(sum(ev) / len(ev), 3) if ev else None,
                event_sentences=len(ev),
                terms=terms,
                top_term=_top(own, inq),
                quotes=sum(n for _, n in who),
                speakers=tuple(who[:speakers]),
            )
        )
    return reports
