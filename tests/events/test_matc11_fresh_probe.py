"""Fresh probes of matc11 (session 11), written after the changes and not used to tune them:
material cooperation in own-words sentences (forces withdrawn, recalled, scaled back, arms
given up, restrictions lifted, relief carried by vehicles or handed out by troops, intelligence
shared) and near misses (products, services, staff, committees).  Rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder

MATERIAL = frozenset({"RETREAT", "AID", "CONCEDE", "COOPERATE"})


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text).events if not e.negated}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Lithuania pulled two companies of infantry out of the training camp.", "RETREAT"),
        ("Tanzania withdrew 400 paratroopers from the mission area on Saturday.", "RETREAT"),
        ("The Pentagon recalled its marines from the Red Sea.", "RETREAT"),
        ("Hungarian police pulled back from the square after the talks.", "RETREAT"),
        ("The Georgian army scaled back its artillery near the boundary line.", "RETREAT"),
        ("Zambia brought back its peacekeeping soldiers from Sudan.", "RETREAT"),
        ("Azerbaijani forces ended their presence in the village of Aghdam.", "RETREAT"),
        (
            "The draw-down of Belgian troops from the northern valley was completed in May.",
            "RETREAT",
        ),
        ("Vietnam removed its warships from the disputed reef.", "RETREAT"),
        ("Pakistan reopened its border with Iran after two weeks.", "RETREAT"),
        ("Bolivian police lifted the barricades on the road to La Paz.", "RETREAT"),
        ("The rebels freed eleven Chinese miners held since March.", "RETREAT"),
        ("Nicaragua released 90 jailed opponents and flew them to Madrid.", "RETREAT"),
        ("The Somali government lifted the ban on the independent radio station.", "RETREAT"),
        ("Yemen's Houthis handed over the bodies of four Saudi pilots.", "RETREAT"),
        ("The Ethiopian prime minister resigned on Thursday.", "RETREAT"),
        ("Turkmenistan sent trucks loaded with flour to Afghanistan.", "AID"),
        ("Egypt dispatched ships carrying fuel and medicine to Lebanon.", "AID"),
        ("Kuwait airlifted tents and blankets to the Syrian town of Jableh.", "AID"),
        ("Norway gave $30 million to Somalia for drought relief.", "AID"),
        ("Poland sent a convoy of ambulances to Ukraine.", "AID"),
        ("Indonesian rescuers evacuated 300 villagers from the flooded district.", "AID"),
        ("Malaysia and Thailand launched joint patrols along their border.", "COOPERATE"),
        ("Argentina extradited the former officer to Spain.", "COOPERATE"),
        ("The Chilean government withdrew the pension bill after mass marches.", "CONCEDE"),
        ("The government caved in to the teachers' demands.", "CONCEDE"),
        ("Canada passed signals intelligence to the Polish army.", "COOPERATE"),
        ("Morocco shared the suspects' phone records with Belgian police.", "COOPERATE"),
        ("South Africa handed over the evidence to the Dutch court.", "COOPERATE"),
        ("The gang's former members laid down their rifles in Medellin.", "RETREAT"),
        ("The Maoist rebels turned in their explosives at the camp.", "RETREAT"),
        ("The junta lifted the nationwide internet blackout.", "RETREAT"),
        ("Guinea lifted the restrictions on public gatherings.", "RETREAT"),
        ("The government let cargo ships leave the blockaded port.", "RETREAT"),
        ("Greece allowed the stranded tanker to sail.", "RETREAT"),
        ("The Ugandan army pulled its tanks back from the frontier.", "RETREAT"),
        ("Britain reduced its garrison in Cyprus by 500 soldiers.", "RETREAT"),
        ("The commander recalled two brigades from the front.", "RETREAT"),
        ("The Libyan militia was dissolved by its own leaders.", "RETREAT"),
        ("Bangladesh sent navy ships loaded with rice to Myanmar.", "AID"),
        ("The Italian army deployed soldiers to distribute water after the earthquake.", "AID"),
        ("Kazakhstan sent trucks carrying wheat to Afghanistan.", "AID"),
        ("Eritrean forces ended their deployment in Tigray.", "RETREAT"),
    ],
)
def test_fresh_material_acts(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in _types(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        "The carmaker recalled 40,000 vehicles over faulty brakes.",
        "The airline pulled its flights from the route.",
        "The studio brought back the popular series for a new season.",
        "The club released its star striker at the end of the season.",
        "The company scaled back its investment in the mine.",
        "The club disbanded its youth team.",
        "The singer pulled out of the festival.",
        "The firm opened a new store in the city.",
        "Rainfall eased the drought in the south.",
        "The band dissolved after their last tour.",
        "The bank reduced its staff in Europe.",
        "The startup shared its data with advertisers.",
        "The retailer pulled the toys from its shelves.",
        "The publisher recalled the first edition of the book.",
        "The manager reduced the team's training load.",
        "The city reopened the swimming pools.",
        "The council dissolved the planning committee.",
        "The author released her second novel.",
        "The firm cut its workforce by a third.",
    ],
)
def test_fresh_near_misses(rules_alone: Coder, text: str) -> None:
    assert not MATERIAL & _types(rules_alone, text)


@pytest.mark.xfail(
    reason="still missed: an actor with no country; 'home' after the object", strict=True
)
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The tribal council disbanded its militia after the peace deal.", "RETREAT"),
        ("Serbia brought its soldiers home from the Congo mission.", "RETREAT"),
    ],
)
def test_fresh_still_missed(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in _types(rules_alone, text)
