"""Place mentions as the records the store keeps (``records.Toponym``).

``toponyms(doc)`` is what the event coder calls once per article: every toponym of
the text, resolved with the whole article as context (``resolve.mentions``), and the
same list turned into ``Toponym`` records for the store.  Every role is kept
(``place``, ``modifier``, ``demonym``): readers show the places and may ask for the
rest, which is evidence (a demonym is a hint tied to its country, not a place).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from newsgraph.geo.resolve import PlaceMention, mentions
from newsgraph.records import Toponym


def as_record(m: PlaceMention, sentence_index: int | None = None) -> Toponym:
    """One resolved mention as the store's record (``sentence_index``: in the coder's
    numbering of non-blank sentences; default the mention's own)."""
    e = m.entry
    return Toponym(
        start=m.start,
        end=m.end,
        text=m.text,
        sentence_index=m.sentence if sentence_index is None else sentence_index,
        role=m.role,  # type: ignore[arg-type]
        place=e.place,
        fcode=e.fcode,
        fclass=e.fclass,
        population=int(e.population),
        approximate=bool(e.approximate),
        evidence=tuple(m.evidence),
        confidence=float(m.confidence),
    )


def as_records(
    found: Sequence[PlaceMention], sentence_starts: Sequence[int] | None = None
) -> tuple[Toponym, ...]:
    """The records of these mentions; ``sentence_starts`` (the character offsets where
    the coder's sentences start, in order) numbers each by the sentence it falls in."""
    if sentence_starts is None:
        return tuple(as_record(m) for m in found)
    return tuple(as_record(m, max(0, bisect_right(sentence_starts, m.start) - 1)) for m in found)


def toponyms(doc: Any, country_hint: str | None = None) -> list[PlaceMention]:
    """Every toponym of a parsed article (``resolve.mentions`` with the default
    gazetteer)."""
    return mentions(doc, country_hint)
