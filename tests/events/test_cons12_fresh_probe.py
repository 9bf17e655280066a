"""cons12 fresh probe, written after the change and not used to tune it: objects of a kind
(people, forces, measures) in words no list of the lexicon names, and near misses.
Rules alone: before the change 10/30 coded and 22/23 near
misses kept, after it 24/30 and 22/23.  ``CODE``: the type must be coded; ``NOT``: it must not."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import types

from newsgraph.events.coder import Coder

CODE: list[Any] = [
    ("Russia returned 22 Ukrainian border guards to Kyiv on Wednesday.", "RETREAT"),
    pytest.param(
        "The Taliban handed over seven Pakistani truck drivers to Islamabad.",
        "RETREAT",
        marks=pytest.mark.xfail(reason="the compound 'truck' takes the arms-and-goods entry first"),
    ),
    ("Myanmar repatriated 150 Bangladeshi farmers across the Naf river.", "RETREAT"),
    ("Eritrea returned 19 Ethiopian traders to Addis Ababa.", "RETREAT"),
    ("Libya repatriated 80 Egyptian bricklayers on Thursday.", "RETREAT"),
    ("Georgia and Russia exchanged six detained shepherds at the boundary line.", "COOPERATE"),
    ("Sudan's army and the RSF swapped 40 medics on Monday.", "COOPERATE"),
    ("Serbia and Kosovo exchanged 15 policemen at the Jarinje crossing.", "COOPERATE"),
    ("Kuwait expelled 60 Filipino housekeepers last month.", "COERCE"),
    ("Saudi Arabia expelled thousands of Ethiopian labourers in June.", "COERCE"),
    ("The Polish army evacuated 300 Polish holidaymakers from Rhodes.", "AID"),
    ("Italy evacuated 120 Italian volunteers from Darfur.", "AID"),
    ("Rwanda dispatched 1,000 gendarmes to Mozambique.", "MOBILIZE"),
    pytest.param(
        "Tehran moved thousands of Revolutionary Guards to the Iraqi border.",
        "MOBILIZE",
        marks=pytest.mark.xfail(reason="a proper name the resolver reads as no force"),
    ),
    ("Somalia sent 200 commandos to Kismayo.", "MOBILIZE"),
    ("Brazil dispatched its federal police officers to the Amazon border.", "MOBILIZE"),
    ("Taipei moved 2,000 marines to Kinmen.", "MOBILIZE"),
    ("Qatar lifted the blockade-era travel restrictions on Bahraini citizens.", "RETREAT"),
    pytest.param(
        "Hong Kong lifted the mask rules on travellers from China.",
        "RETREAT",
        marks=pytest.mark.xfail(reason="travellers: no party or place bound"),
    ),
    ("The EU eased its visa regime on Georgian citizens.", "RETREAT"),
    ("Azerbaijani troops hit Stepanakert overnight.", "ASSAULT"),
    ("Pakistani jets hit Khost on Saturday.", "ASSAULT"),
    pytest.param(
        "Myanmar army helicopters hit Hpakant on Tuesday.",
        "ASSAULT",
        marks=pytest.mark.xfail(reason="the resolver reads no force in 'army helicopters'"),
    ),
    pytest.param(
        "Colombian army planes hit Guaviare on Thursday.",
        "ASSAULT",
        marks=pytest.mark.xfail(reason="the resolver reads no force in 'army planes'"),
    ),
    ("Chile withdrew its consul general from La Paz.", "SANCTION"),
    ("Morocco withdrew its envoys and attaches from Stockholm.", "SANCTION"),
    ("The nurses strike in Nairobi entered its fourth day.", "PROTEST"),
    pytest.param(
        "Bus conductors' strikes crippled transport in Dhaka.",
        "PROTEST",
        marks=pytest.mark.xfail(reason="matched, then no party found"),
    ),
    ("The refinery workers' strike in Abadan spread to Bandar Abbas.", "PROTEST"),
    ("Kenya's lecturers' strike paralysed public universities for a month.", "PROTEST"),
]

NOT: list[Any] = [
    ("Chile withdrew its consul general from La Paz.", "RETREAT"),
    ("The bank withdrew its offer to the Greek lenders.", "RETREAT"),
    ("The Israeli army's strikes on Rafah killed ten.", "PROTEST"),
    ("The batsmen strike rate in Perth was poor.", "PROTEST"),
    ("Beijing hit Canberra with barley tariffs.", "ASSAULT"),
    ("The senator hit Riyadh over the killing.", "ASSAULT"),
    ("The army's football team hit Cairo for a friendly.", "ASSAULT"),
    ("Government troops hit the ground in Goma.", "ASSAULT"),
    ("The heatwave hit Madrid on Monday.", "ASSAULT"),
    ("The singer released a new single in Nairobi.", "RETREAT"),
    ("The courier returned 20 parcels to the warehouse in Leeds.", "RETREAT"),
    ("The store returned 50 printers to the manufacturer in Osaka.", "RETREAT"),
    pytest.param(
        "The two schools swapped teachers for a week.",
        "COOPERATE",
        marks=pytest.mark.xfail(reason="people swapped by parties that are not states"),
    ),
    ("The fans exchanged scarves before the derby in Milan.", "COOPERATE"),
    ("The league expelled two referees for match fixing.", "COERCE"),
    ("The firm moved 40 accountants to its Dublin office.", "MOBILIZE"),
    ("The broadcaster sent 30 reporters to Paris for the Olympics.", "MOBILIZE"),
    ("The hospital evacuated a ward after a gas leak.", "AID"),
    ("The crane lifted the roof on the new stadium in Doha.", "RETREAT"),
    ("The good news eased the mood on the trading floor.", "RETREAT"),
    ("The batsmen's strike rate fell in Perth.", "PROTEST"),
    ("The newspaper sent a letter to the minister in Lima.", "AID"),
    ("The couple opened a cafe in Oslo.", "AID"),
]


@pytest.mark.parametrize(("text", "type_"), CODE)
def test_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in types(rules_alone, text)


@pytest.mark.parametrize(("text", "type_"), NOT)
def test_not_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ not in types(rules_alone, text)


if __name__ == "__main__":
    from test_cons12_probe import score

    score(Coder(head=False, linker=False), CODE, NOT)
