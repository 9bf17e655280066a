"""What the page-date tests share: a fixed today, three German paragraphs of article text
written for the tests, and the day ``page_date`` gives a page (with the kind of evidence)."""

from __future__ import annotations

from datetime import date

from trafilatura.utils import load_html

from newsgraph.extract.html import _visible_lines
from newsgraph.extract.pagedate import page_date

TODAY = date(2026, 12, 31)
PARAGRAPHS = [
    "Der Hafenrat hat am Montag beschlossen, die neuen Liegeplätze am alten Fischmarkt zu "
    "verlosen, nachdem sich in den letzten drei Jahren mehr als sechzig Eigner darum beworben "
    "haben.",
    "Vier Plätze bleiben dem Segelclub vorbehalten, dessen junge Mitglieder seit dem Frühjahr "
    "an einem geliehenen Steg trainieren und nun endlich einen eigenen bekommen sollen, wie "
    "der Rat mitteilte.",
    "Der Sekretär des Rates sagte, die neuen Lampen würden vor dem Winter angebracht und die "
    "ersten Boote könnten festmachen, sobald die Taucher die Ketten im März geprüft hätten.",
]


def dated(content: str) -> tuple[str | None, str | None]:
    tree = load_html(content)
    found = page_date(tree, _visible_lines(tree), None, TODAY)
    return found.value, found.evidence
