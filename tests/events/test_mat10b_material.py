"""Material cooperation by general principle (session 10, round 2, own-words probe):
an undertaking carried out jointly is cooperation whatever its field; a measured
quantity of goods, and money in any currency, is what is given; goods of any kind
handed out, distributed, gifted or dropped from the air are aid, and so is a field
hospital built or sent; ground an armed force vacates and weapons handed in are a
retreat, and evidence pooled is cooperation; restoring a cut service is a retreat;
withdrawing goods, money or remarks is none; the "to" phrase the parse hangs on the
thing given names the recipient of a noun of giving.  Sentences written for the test;
rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder

GROUP = {"COOPERATE", "AID", "RETREAT"}


def _events(coder: Coder, text: str) -> list[tuple[str, set[str], set[str]]]:
    return [
        (e.type, {a.country for a in e.source if a.country}, {a.country for a in e.target if a.country})
        for e in coder.code(text).events
        if not e.negated
    ]


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        # joint undertakings of any field
        ("Dutch and German police carried out a joint investigation into the arms smuggling network.", "COOPERATE", "NLD"),
        ("Germany and France launched a joint fighter jet programme.", "COOPERATE", "DEU"),
        ("Greece and Cyprus signed a defence pact and held their first joint manoeuvres on Monday.", "COOPERATE", "GRC"),
        ("Peruvian and Chilean coast guards began a joint search for the missing trawler.", "COOPERATE", "PER"),
        ("Albanian and Italian police staged a joint raid on a cannabis farm.", "COOPERATE", "ALB"),
        # quantities and currencies given
        ("Saudi Arabia handed 500 tonnes of dates to Yemeni families in Marib.", "AID", "SAU"),
        ("Norway pledged and then disbursed 30 million kroner to flood victims in Pakistan.", "AID", "NOR"),
        ("The European Union announced it had transferred 50 million euros in humanitarian aid to Afghanistan.", "AID", ""),
        # goods of any kind handed out, distributed or dropped; help as a noun of handing out
        ("Aid agencies distributed seeds and tools to farmers in Darfur.", "AID", ""),
        ("Indonesia dropped food parcels over northern Gaza from military planes.", "AID", "IDN"),
        ("The World Food Programme began food distributions in the camps of eastern Chad.", "AID", ""),
        ("The UN refugee agency sheltered thousands of families fleeing Khartoum.", "AID", ""),
        # a field hospital built
        ("The United Arab Emirates built a field hospital in Gaza for wounded civilians.", "AID", "ARE"),
        # ground an armed force vacates, whatever it is; weapons handed in; evidence pooled
        ("The army vacated the university campus it had occupied since the coup.", "RETREAT", ""),
        ("The rebels handed in their weapons to the army.", "RETREAT", ""),
        ("French and Belgian investigators pooled evidence on the attackers.", "COOPERATE", "FRA"),
        # a service cut off restored
        ("Ethiopia restored telephone services in the Tigray region after two years.", "RETREAT", "ETH"),
    ],
)
def test_coded(rules_alone: Coder, text: str, type_: str, actor: str) -> None:
    found = _events(rules_alone, text)
    assert any(t == type_ and (not actor or actor in src) for t, src, _ in found), found


def test_recipient_on_the_thing_given(rules_alone: Coder) -> None:
    text = "The United States approved a shipment of artillery shells to Israel, officials said."
    assert any(t == "AID" and "ISR" in rec for t, _, rec in _events(rules_alone, text))


@pytest.mark.parametrize(
    "text",
    [
        "The company withdrew its products from the market.",
        "Savers withdrew cash from their accounts as the bank wobbled.",
        "The senator withdrew his remarks after the outcry.",
        "The unequal distribution of wealth angered voters.",
        "The minister visited a field hospital in Kharkiv.",
        "The porter dropped a crate of oranges on the pavement.",
        "The tenants vacated the flat in May.",
        "Students handed in their essays on Friday.",
        "The two armies have a history of joint exercises in the desert.",
        "The ministers issued a joint statement after the meeting.",
    ],
)
def test_near_misses(rules_alone: Coder, text: str) -> None:
    assert not {t for t, _, _ in _events(rules_alone, text)} & GROUP
