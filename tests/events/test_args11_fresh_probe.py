"""The fresh own-words probe of args11, written after the changes and not used to tune
them (the stand-in for unseen text): doers and recipients as in test_args11_probe."""

from __future__ import annotations

import pytest
from args11_check import check_doer, check_not_doer, params

from newsgraph.events.coder import Coder

ON_NOUN: list[tuple[str, str, str, str | None]] = [
    ("U.S. air strikes on Houthi radar sites were reported overnight.", "strikes", "USA", None),
    ("UK sanctions on Iranian banks were widened on Tuesday.", "sanctions", "GBR", "IRN"),
    ("Belgian arrests and searches in Antwerp targeted a smuggling ring.", "searches", "BEL", None),
    ("Russia's shelling and blockade of Chernihiv lasted five weeks.", "blockade", "RUS", None),
    ("The dispatch of Egyptian medics to Gaza was approved.", "dispatch", "EGY", None),
    ("Rwanda's deployment of soldiers to Mozambique was extended.", "deployment", "RWA", "MOZ"),
    ("The trip of the Japanese defence minister to Manila ended on Friday.", "trip", "JPN", "PHL"),
    ("Warnings from Tehran against Baku grew louder.", "warnings", "IRN", "AZE"),
    ("The Indonesian donation of rice to Myanmar arrived in Yangon.", "donation", "IDN", "MMR"),
    (
        "Austrian police detentions and expulsions of asylum seekers drew protests.",
        "expulsions",
        "AUT",
        None,
    ),
    (
        "The Cuban release of political prisoners was part of a deal with the Vatican.",
        "release",
        "CUB",
        None,
    ),
    ("A Jordanian airdrop of food over Gaza was completed.", "airdrop", "JOR", None),
    ("Portugal's shipment of vaccines to Angola was delayed by customs.", "shipment", "PRT", "AGO"),
    ("The arrest of a Danish citizen by Chinese police strained ties.", "arrest", "CHN", "DNK"),
    (
        "Croatian border police beatings and pushbacks of migrants were documented.",
        "pushbacks",
        "HRV",
        None,
    ),
]
IN_PREP: list[tuple[str, str, str, str | None]] = [
    ("Two schools were damaged in Israeli shelling of southern Lebanon.", "shelling", "ISR", "LBN"),
    (
        "A curfew followed the arrest of the opposition leader by Guinean soldiers.",
        "arrest",
        "GIN",
        None,
    ),
    (
        "Dozens of people were injured in a Sri Lankan police crackdown on protesters.",
        "crackdown",
        "LKA",
        None,
    ),
    ("Several boats sank in a Greek coast guard operation off Pylos.", "operation", "GRC", None),
    ("Power was cut across the city in Russian drone strikes on Odesa.", "strikes", "RUS", "UKR"),
]
CLAUSES: list[tuple[str, str, str, str | None]] = [
    ("Morocco agreed to send engineers to Libya after the floods.", "agreed", "MAR", "LBY"),
    (
        "Iran threatened to send warships into the Red Sea to escort its tankers.",
        "threatened",
        "IRN",
        None,
    ),
    ("Marines deployed by Washington to Okinawa took part in the drill.", "deployed", "USA", "JPN"),
    (
        "The Tanzanian police, who arrested two Kenyan activists, deported them.",
        "arrested",
        "TZA",
        "KEN",
    ),
    ("South Africa decided to withdraw its troops from Congo.", "withdraw", "ZAF", None),
    ("The Lebanese army raided and closed a bank branch in Beirut.", "closed", "LBN", None),
    ("Qatar pledged to deliver gas to Pakistan at a discount.", "pledged", "QAT", "PAK"),
    ("Bangladesh promised to send peacekeepers to South Sudan.", "promised", "BGD", "SSD"),
    (
        "Nigerien soldiers were accused of killing twelve villagers near Tillaberi.",
        "killing",
        "NER",
        None,
    ),
    ("Aid trucks sent by Turkey to Syria crossed the border.", "sent", "TUR", "SYR"),
]
NEAR: list[tuple[str, str, str]] = [
    ("Rome criticised the Libyan arrest of the Italian fishermen.", "arrest", "ITA"),
    ("Sweden welcomed the US release of the detained journalist.", "release", "SWE"),
    ("The UN monitored the withdrawal of Armenian troops from the area.", "withdrawal", "UN"),
    ("France said the UK expulsion of the migrants was unlawful.", "expulsion", "FRA"),
    ("Tokyo condemned Chinese drills and patrols near the islands.", "patrols", "JPN"),
    ("Canada noted the Indian deployment of troops to the border.", "deployment", "CAN"),
]

GAPS: dict[str, str] = {
    "The dispatch of Egyptian medics to Gaza was approved.": "the word is not (yet) a trigger in this use (lexicon)",
    "Several boats sank in a Greek coast guard operation off Pylos.": "an operation is no act of its own type here",
    "Nigerien soldiers were accused of killing twelve villagers near Tillaberi.": "the act of an accusation is folded into it",
}


@pytest.mark.parametrize(
    ("text", "word", "doer", "recipient"), params(ON_NOUN + IN_PREP + CLAUSES, GAPS)
)
def test_fresh_doer_and_recipient(
    rules_alone: Coder, text: str, word: str, doer: str, recipient: str | None
) -> None:
    check_doer(rules_alone, text, word, doer, recipient)


@pytest.mark.parametrize(("text", "word", "party"), params(NEAR, {}))
def test_fresh_not_the_clause_subject(rules_alone: Coder, text: str, word: str, party: str) -> None:
    check_not_doer(rules_alone, text, word, party)
