"""Plain-text pages: remove page furniture (placeholder until the classifier lands)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CleanText:
    body: str
    title: str | None
    furniture: str
    outlet: str | None


def clean_text(text: str) -> CleanText:
    """Split a plain-text page into article body and furniture."""
    return CleanText(body=text.strip(), title=None, furniture="", outlet=None)
