"""Companies, US federal agencies, parties and armed groups of one country (and branches)."""

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


def test_the_taliban_in_a_sentence_about_pakistan(resolver: ActorResolver, parser: Any) -> None:
    doc = parser("Taliban gunmen stormed a girls' school in northwestern Pakistan on Monday.")
    got = {m.actor.text: m.actor.code for m in resolver.mentions(doc, "2012-10-09")}
    assert got.get("Taliban gunmen") == "PAKREB"


def test_the_taliban_where_afghanistan_is_named_stay_afghan(
    resolver: ActorResolver, parser: Any
) -> None:
    doc = parser("Taliban gunmen who attacked Kabul had trained in Pakistan, officials said.")
    got = {m.actor.text: m.actor.code for m in resolver.mentions(doc, "2012-10-09")}
    assert got.get("Taliban gunmen") == "AFGREB"


def test_the_taliban_named_with_their_country_keep_it(resolver: ActorResolver, parser: Any) -> None:
    # "Afghan Taliban" is one alias of the group, and says whose: no branch in Pakistan
    doc = parser("Pakistani jets bombed Afghan Taliban hideouts near the border with Pakistan.")
    got = {m.actor.text: m.actor.code for m in resolver.mentions(doc, "2012-10-09")}
    assert got.get("Afghan Taliban") == "AFGREB"


def test_a_branch_must_be_a_country(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.actors import DATA_DIR, load_dictionary
    from newsgraph.errors import DataFileError

    for f in DATA_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    path = tmp_path / "organisations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("branches: [PAK]", "branches: [PAKI]"))
    with pytest.raises(DataFileError, match="PAKI"):
        load_dictionary(tmp_path)


def test_a_group_of_no_country_is_of_the_country_it_acts_in(
    resolver: ActorResolver, parser: Any
) -> None:
    doc = parser("Syrian jets pounded Islamic State fighters near Raqqa on Friday.")
    got = {m.actor.text: m.actor.code for m in resolver.mentions(doc, "2016-05-06")}
    assert got.get("Islamic State fighters") == "SYRREB"
    doc = parser("Islamic State claimed the bombing of a concert hall in Manchester.")
    got = {m.actor.text: m.actor.code for m in resolver.mentions(doc, "2017-05-23")}
    assert got.get("Islamic State") == "REB"
