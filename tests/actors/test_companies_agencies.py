"""Companies of a home country, their workers, and US federal agencies by their own names."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.actors import ActorResolver


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Amazon", "USABUS"),
        ("Toyota", "JPNBUS"),
        ("Credit Suisse", "CHEBUS"),
        ("ZTE", "CHNBUS"),
        ("Lukoil", "RUSBUS"),
        ("the Environmental Protection Agency", "USAGOV"),
        ("the National Highway Traffic Safety Administration", "USAGOV"),
        ("the Office of Inspector General", "USAGOV"),
    ],
)
def test_a_company_or_agency_is_of_its_country(
    resolver: ActorResolver, text: str, code: str
) -> None:
    actor = resolver.lookup(text)
    assert actor is not None and actor.code == code


def test_a_company_s_workers_are_labour_not_the_company(
    resolver: ActorResolver, parser: Any
) -> None:
    doc = parser("Samsung workers walked out of three plants on Monday.")
    got = {m.actor.text: m.actor for m in resolver.mentions(doc, "2020-03-01")}
    actor = got["Samsung workers"]
    assert actor.sector == "LAB" and actor.country is None


def test_the_amazon_forest_is_no_company(resolver: ActorResolver, parser: Any) -> None:
    doc = parser("Farmers set fires in the Brazilian Amazon and across the Amazon basin.")
    codes = [m.actor.code for m in resolver.mentions(doc, "2020-03-01")]
    assert "USABUS" not in codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Likud", "ISRPTY"),
        ("the Tories", "GBRPTY"),
        ("the Sandinistas", "NICPTY"),
        ("the Patriotic Union of Kurdistan", "IRQPTY"),
        ("the Ku Klux Klan", "USAREB"),
        ("Ahrar al-Sham", "SYRREB"),
        ("the Libyan National Army", "LBYMIL"),
        ("Ansar Bayt al-Maqdis", "EGYREB"),
        ("the Allied Democratic Forces", "CODREB"),
    ],
)
def test_parties_and_armed_groups_of_one_country(
    resolver: ActorResolver, text: str, code: str
) -> None:
    actor = resolver.lookup(text)
    assert actor is not None and actor.code == code
