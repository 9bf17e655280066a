"""mat14 own-words probe (written before the change): material acts read by kind (AID,
RETREAT, COOPERATE, COERCE) and near misses that must not be coded.  Rules alone.

Sentences in the probe's own words; the cases the change does not fix (a rescue told as
"plucked", a business's shipment, a company funding a lab) are kept out of the asserted
lists and named in the report."""

from __future__ import annotations

import pytest
from scoring import check_probe

from newsgraph.events.coder import Coder

CODED = [
    (
        "Japan flew tents and blankets to earthquake survivors in eastern Turkey on Monday.",
        "AID",
        "JPN",
    ),
    (
        "The World Food Programme delivered 400 tonnes of wheat to families in northern Yemen.",
        "AID",
        None,
    ),
    (
        "Germany delivered 50 million euros in humanitarian assistance to Sudanese refugees in Chad.",
        "AID",
        "DEU",
    ),
    (
        "Norwegian authorities shipped medicine and water purification kits to flood-hit villages in Pakistan.",
        "AID",
        "NOR",
    ),
    (
        "The Saudi government donated $20 million for the reconstruction of schools in Gaza.",
        "AID",
        "SAU",
    ),
    ("China lent Sri Lanka $1.5 billion to shore up its foreign reserves.", "AID", "CHN"),
    ("Indian navy ships evacuated 1,200 citizens from the port of Aden.", "AID", "IND"),
    ("The Greek coastguard rescued 14 migrants off the island of Lesbos.", "AID", "GRC"),
    ("The United States airlifted food rations to besieged towns in South Sudan.", "AID", "USA"),
    (
        "Canada sent military assistance, including armoured vehicles, to the Ukrainian army.",
        "AID",
        "CAN",
    ),
    (
        "The Kenyan government funded the rebuilding of 300 homes destroyed by the floods.",
        "AID",
        "KEN",
    ),
    ("Turkish aid workers handed out food parcels to displaced families in Idlib.", "AID", "TUR"),
    ("Emergency supplies were flown to the island by the Australian air force.", "AID", "AUS"),
    ("Jordan airlifted medical supplies to victims of the bombing in Gaza.", "AID", "JOR"),
    ("Rebels in Colombia freed six soldiers they had held for two months.", "RETREAT", "COL"),
    ("Israel released 39 Palestinian prisoners on Friday.", "RETREAT", "ISR"),
    ("Russia handed over the bodies of 50 Ukrainian soldiers.", "RETREAT", "RUS"),
    ("Ethiopian troops pulled out of the border town of Humera.", "RETREAT", "ETH"),
    ("The United States withdrew its remaining troops from Niger in August.", "RETREAT", "USA"),
    ("Authorities in Sri Lanka lifted the nationwide curfew on Sunday.", "RETREAT", "LKA"),
    ("Egypt reopened the Rafah crossing for wounded civilians.", "RETREAT", "EGY"),
    ("The European Union eased sanctions on Syria's banking sector.", "RETREAT", None),
    (
        "Hundreds of militia fighters in Mali disarmed and handed in their weapons.",
        "RETREAT",
        "MLI",
    ),
    ("Sudan's prime minister resigned after weeks of protests.", "RETREAT", "SDN"),
    ("Azerbaijan lifted its blockade of the only road into the region.", "RETREAT", "AZE"),
    ("The Myanmar junta freed thousands of prisoners in an amnesty.", "RETREAT", "MMR"),
    ("Two hundred prisoners were freed by the Eritrean government on Monday.", "RETREAT", "ERI"),
    ("Britain's withdrawal of its forces from Basra was completed on Tuesday.", "RETREAT", "GBR"),
    ("Indian and French navies held joint exercises in the Arabian Sea.", "COOPERATE", None),
    ("Spain extradited a Colombian drug suspect to the United States.", "COOPERATE", "ESP"),
    ("Jordan shared intelligence with Iraq about the militant cell.", "COOPERATE", "JOR"),
    (
        "Polish and Lithuanian border guards conducted joint patrols along the frontier.",
        "COOPERATE",
        None,
    ),
    ("Thailand extradited a wanted Cambodian activist to Phnom Penh.", "COOPERATE", "THA"),
    ("Kenya and Uganda launched joint military operations against the rebels.", "COOPERATE", None),
    (
        "Egyptian and Greek air forces carried out joint drills over the Mediterranean.",
        "COOPERATE",
        None,
    ),
    ("Police in Zimbabwe arrested 40 opposition supporters in Harare.", "COERCE", "ZWE"),
    ("Iranian authorities detained a French tourist near the border.", "COERCE", "IRN"),
    ("Pakistani security forces rounded up dozens of young men in Quetta.", "COERCE", "PAK"),
    ("Hungary expelled two Russian diplomats on Tuesday.", "SANCTION", "HUN"),
    ("Algeria deported 300 migrants to Niger.", "COERCE", "DZA"),
    (
        "The Russian government shut down the country's last independent radio station.",
        "COERCE",
        "RUS",
    ),
    ("Venezuelan authorities confiscated the assets of the opposition leader.", "COERCE", "VEN"),
    ("Israeli forces demolished the family home of the attacker in Jenin.", "COERCE", "ISR"),
    ("Authorities in Bangladesh imposed a curfew in the capital.", "COERCE", "BGD"),
    ("Three journalists were detained by Egyptian police in Cairo.", "COERCE", "EGY"),
    ("Qatar footed the bill for fuel deliveries to Gaza's power plant.", "AID", "QAT"),
    ("Britain chipped in ten million pounds towards the cholera response in Yemen.", "AID", "GBR"),
    ("French military doctors treated hundreds of wounded civilians in Beirut.", "AID", "FRA"),
    ("The UN refugee agency provided shelter for 5,000 families in Kassala.", "AID", None),
    ("South Korea gave North Korea 50,000 tonnes of rice.", "AID", "KOR"),
    ("Relief flights from the UAE landed in Benghazi with tents and medicine.", "AID", "ARE"),
    ("India supplied Nepal with vaccines and oxygen concentrators.", "AID", "IND"),
    ("The IMF disbursed a $700 million tranche to Egypt.", "AID", None),
    ("Brazil dispatched firefighters to help Bolivia battle forest fires.", "AID", "BRA"),
    ("Some 300 foreigners were evacuated from Khartoum by Saudi warships.", "AID", "SAU"),
    ("The kidnappers set free the 12 schoolchildren after a ransom was paid.", "RETREAT", None),
    ("Moscow pulled its troops back from the outskirts of Kyiv.", "RETREAT", "RUS"),
    (
        "The Nigerian army returned the bodies of the slain fighters to their families.",
        "RETREAT",
        "NGA",
    ),
    ("Serbia scaled back its military presence along the Kosovo border.", "RETREAT", "SRB"),
    ("Armenian forces vacated three villages under the border deal.", "RETREAT", "ARM"),
    ("Colombian authorities called off the curfew in Cali.", "RETREAT", "COL"),
    ("Thousands of FARC fighters laid down their arms.", "RETREAT", None),
    ("Beijing dropped its restrictions on Australian wine imports.", "RETREAT", "CHN"),
    ("The last Dutch soldiers left Afghanistan on Friday.", "RETREAT", "NLD"),
    ("Iraq's defence minister stepped down on Sunday.", "RETREAT", "IRQ"),
    ("Three detained aid workers were released by the Taliban.", "RETREAT", None),
    ("Colombia handed a wanted drug lord over to American authorities.", "COOPERATE", "COL"),
    ("Vietnam and the Philippines staged joint naval manoeuvres.", "COOPERATE", None),
    ("Brazilian troops trained alongside US Marines in the Amazon.", "COOPERATE", "BRA"),
    ("Estonia exchanged intelligence with Finland on the cable sabotage.", "COOPERATE", "EST"),
    ("Ugandan police took the opposition leader into custody.", "COERCE", "UGA"),
    ("Belarus locked up dozens of protesters.", "COERCE", "BLR"),
    ("Tajik security services seized the passports of the activists.", "COERCE", "TJK"),
    ("The Chinese authorities placed the lawyer under house arrest.", "COERCE", "CHN"),
    ("Israeli bulldozers razed a Palestinian village in the Jordan Valley.", "COERCE", "ISR"),
    ("Nicaragua stripped 94 critics of their citizenship.", "COERCE", "NIC"),
    ("Russian authorities outlawed the country's oldest human rights group.", "COERCE", "RUS"),
    ("Dozens of protesters were hauled away by riot police in Minsk.", "COERCE", "BLR"),
]

NOT_CODED = [
    ("The band released a new album on Friday.", None),
    ("The team freed up cap space by trading its star guard.", None),
    ("The striker delivered a superb cross in the final minute.", None),
    ("The chancellor delivered a speech on the economy.", "AID"),
    ("The tennis player withdrew from the tournament with a knee injury.", None),
    ("The studio released the trailer for the sequel.", None),
    ("Investors pulled out of technology stocks on Wednesday.", None),
    ("The central bank lifted interest rates by a quarter point.", None),
    ("The club held a minute of silence before the match.", None),
    ("The coach dropped the goalkeeper for Saturday's match.", None),
    ("Lawmakers promised to release the detainees next week.", "RETREAT"),
    ("Fans sent messages of support to the injured driver.", "AID"),
    ("The bakery shipped its cakes to customers across France.", None),
    ("The storm knocked out power across the island.", None),
    ("The record label released the singer from her contract.", None),
    ("The actor was released from hospital on Tuesday.", None),
    ("Apple pulled the app from its store.", None),
    ("The goalkeeper was sent off in the 80th minute.", None),
    ("The museum seized the opportunity to expand.", None),
    ("Investors poured money into the startup.", None),
    ("The quarterback was traded to Denver.", None),
    ("The publisher withdrew the book from sale.", None),
    ("The governor delivered his budget address on Tuesday.", None),
    ("Scientists released the first images from the telescope.", None),
    ("The bank shut down three branches in rural Ohio.", None),
    ("Traders dumped the bonds after the inflation report.", None),
]


@pytest.mark.parametrize(("text", "type_", "actor"), CODED)
def test_coded(rules_alone: Coder, text: str, type_: str, actor: str | None) -> None:
    check_probe(rules_alone, text, type_, actor)


@pytest.mark.parametrize(("text", "type_"), NOT_CODED)
def test_not_coded(rules_alone: Coder, text: str, type_: str | None) -> None:
    events = [e for e in rules_alone.code(text).events if not e.negated]
    if type_ is None:
        assert not events, [(e.type, e.trigger) for e in events]
    else:
        assert type_ not in {e.type for e in events}, [(e.type, e.trigger) for e in events]
