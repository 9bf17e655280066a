"""Publication dates, issue 14 seventh pass: a day printed in pieces ("26" / "Okt" /
"2018").  Every page and line here is written for the test.
"""

from __future__ import annotations

from dated_pages import PARAGRAPHS, TODAY, dated

from newsgraph.extract.datelines import join_split_days


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
