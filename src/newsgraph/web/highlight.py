"""An article body cut into segments for display: actor mentions, event evidence, triggers.

Offsets come from the store (mentions and events are stored with character offsets
in the body).  The template escapes every segment's text; nothing here builds HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    classes: str  # space-separated: "actor", "evidence", "trigger" (empty: plain text)
    title: str  # tooltip: the actor code or the event type(s)
    anchor: str  # the event id, on the first segment of its evidence span, or ""


def trigger_span(body: str, event: dict[str, Any]) -> tuple[int, int] | None:
    """Where the event's trigger word sits inside its evidence span (first match)."""
    start, end, trigger = int(event["start"]), int(event["end"]), str(event.get("trigger") or "")
    words = trigger.split()
    if not words or not 0 <= start < end <= len(body):
        return None
    # the stored trigger may be a lemma ("condemn" for "condemned"): match word prefixes
    pattern = r"\b" + r"\w*\s+".join(re.escape(w) for w in words) + r"\w*"
    found = re.search(pattern, body[start:end], flags=re.IGNORECASE)
    if found is None:
        return None
    return start + found.start(), start + found.end()


def segments(
    body: str, mentions: list[dict[str, Any]], events: list[dict[str, Any]]
) -> list[Segment]:
    """Cut ``body`` where the set of marks changes; every character appears once."""
    n = len(body)
    marks: list[dict[str, Any]] = []
    for m in mentions:
        s, e = int(m["start"]), int(m["end"])
        if 0 <= s < e <= n:
            marks.append(
                {"s": s, "e": e, "kind": "actor", "title": m.get("code") or m.get("kind") or ""}
            )
    for i, ev in enumerate(events):
        s, e = int(ev["start"]), int(ev["end"])
        if 0 <= s < e <= n:
            marks.append(
                {
                    "s": s,
                    "e": e,
                    "kind": "evidence",
                    "title": ev.get("type") or "",
                    "anchor": str(ev.get("event_id") or i),
                }
            )
            span = trigger_span(body, ev)
            if span:
                marks.append(
                    {"s": span[0], "e": span[1], "kind": "trigger", "title": ev.get("type") or ""}
                )
    cuts = sorted({0, n, *(m["s"] for m in marks), *(m["e"] for m in marks)})
    out: list[Segment] = []
    anchors_done: set[str] = set()
    for left, right in pairwise(cuts):
        active = [m for m in marks if m["s"] <= left and right <= m["e"]]
        kinds = sorted({m["kind"] for m in active})
        titles = sorted({str(m["title"]) for m in active if m["title"]})
        anchor = ""
        for m in active:
            a = m.get("anchor")
            if a and a not in anchors_done:
                anchors_done.add(a)
                anchor = a
                break
        out.append(Segment(body[left:right], " ".join(kinds), ", ".join(titles), anchor))
    return out


SAFE_SCHEMES = ("http://", "https://")


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain web link, else None (no javascript:, data:, ...)."""
    if not url:
        return None
    stripped = url.strip()
    return (
        stripped
        if stripped.lower().startswith(SAFE_SCHEMES)
        and not any(c in stripped for c in "\"'<> \t\n")
        else None
    )
