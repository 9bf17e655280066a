"""Publication dates, issue 14 seventh pass: a day printed in pieces ("26" / "Okt" /
"2018").  Every page and line here is written for the test.
"""

from __future__ import annotations

from datetime import date

from trafilatura.utils import load_html

from newsgraph.extract.datelines import join_split_days
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


def test_a_day_printed_in_pieces_by_the_headline_is_read() -> None:
    pieces = "<div class='date'><div>26</div><div>Okt</div><div>2018</div></div>"
    content = (
        "<html><head><title>Hafen vergibt neue Liegeplätze</title></head><body>"
        f"<div>Menü</div>{pieces}<h1>Hafen vergibt neue Liegeplätze</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</body></html>"
    )
    assert dated(content) == ("2018-10-26", "headline")


def test_only_pieces_of_one_day_are_joined() -> None:
    lines = ["Menü", "26", "Okt", "2018", "True Love", "06.", "07.", "08.", "Jan", "Apr", "9"]
    # a word that names no month, numbers of a list, two months of a calendar: left alone
    assert join_split_days(lines, TODAY, False) == [
        "Menü",
        "26 Okt 2018",
        *lines[4:],
    ]
    assert join_split_days(["2", "noviembre", "2023", "-"], TODAY, False) == ["2 noviembre 2023 -"]
