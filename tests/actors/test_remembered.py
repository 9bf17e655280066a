"""The resolver remembers a phrase's reading; a person's still follows the date."""

from __future__ import annotations

from newsgraph.actors import ActorResolver
from newsgraph.nlp import load_nlp


def test_remembered_readings_follow_the_date() -> None:
    resolver, nlp = ActorResolver(), load_nlp()
    doc = nlp("Barack Obama met the police chief.")

    def codes(when: str) -> list[str | None]:
        return [m.actor.code for m in resolver.mentions(doc, when)]

    first = codes("2010-05-01")
    assert resolver._readings  # remembered
    assert codes("2020-05-01")[0] == "USAELI"  # out of office: not the 2010 reading
    assert codes("2010-05-01") == first
    assert first[0] == "USAGOV"
    # a reading that no date changes is remembered once for every date
    keys = {k for k in resolver._readings if k[0] is None}
    assert keys
