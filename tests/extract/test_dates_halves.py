"""The train halves A and B of the date development set: fixed by the URL, independent of
the train/held-out split (so that a rule fitted to one half shows as a gain on it only)."""

from __future__ import annotations

from newsgraph.extract.dates_dev import half_of, part_of

URLS = [f"https://example.org/{year}/{n:03d}/harbour-news.html" for year in (2019, 2020) for n in range(60)]  # fmt: skip


def test_a_url_has_one_fixed_half() -> None:
    assert {half_of(url) for url in URLS} == {"A", "B"}
    assert [half_of(url) for url in URLS] == [half_of(url) for url in URLS]


def test_the_halves_cut_both_parts() -> None:
    # Neither half is the held-out part nor the train part: each part has pages of both.
    for part in ("train", "heldout"):
        assert {half_of(url) for url in URLS if part_of(url) == part} == {"A", "B"}
