"""The country an article is set in gives its countryless parties a country.

A careful coder reading "Police arrested a man" in a story set in Ohio codes the police as
the USA's; a sentence read alone, or in an article about two countries, gives them none
(``Coder._setting``, used where a sentence names no country of its own)."""

from __future__ import annotations

from newsgraph.events.coder import Coder

OHIO = (
    "A fire gutted a warehouse in Dayton, Ohio, on Monday night. "
    "Firefighters from Dayton and Kettering fought the blaze for six hours. "
    "Police arrested a man on Tuesday."
)
TWO_STATES = (
    "Troops of Armenia and Azerbaijan exchanged fire along their border on Monday. "
    "Police arrested a man on Tuesday."
)


def _arrests(coder: Coder, text: str) -> list[object]:
    return [e for e in coder.code(text, "2024-03-05").events if e.type == "COERCE"]


def test_the_police_of_an_article_set_in_one_country_are_that_countrys(coder: Coder) -> None:
    arrests = _arrests(coder, OHIO)
    assert arrests and {a.country for a in arrests[0].source} == {"USA"}


def test_a_sentence_alone_or_an_article_about_two_states_gives_no_country(coder: Coder) -> None:
    alone = _arrests(coder, "Police arrested a man on Tuesday.")
    assert alone and not any(a.country for a in alone[0].source)
    torn = _arrests(coder, TWO_STATES)
    assert torn and not any(a.country for a in torn[0].source)
