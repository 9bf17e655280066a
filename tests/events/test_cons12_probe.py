"""cons12 probe (written before the change): verbs whose entries take objects of a kind
(people held or moved, armed forces, measures) with words of that kind that no list of the
lexicon names, and near misses of another sense of the same verbs.  Rules alone: before the change
20/45 coded and 32/33 near misses kept, after it 40/45 and 32/33 (the three "hit" cases
and five of their near misses were added with the "@site" kind: 1/3 and 5/5 before).

``CODE``: the type must be coded.  ``NOT``: the type must not be coded.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import probe_score, types

from newsgraph.events.coder import Coder

CODE: list[Any] = [
    # people held, freed, handed back, swapped (RETREAT / COOPERATE)
    ("Moscow returned 45 Ukrainian conscripts to Kyiv on Tuesday.", "RETREAT"),
    ("Azerbaijan handed over nine Armenian sappers to Yerevan.", "RETREAT"),
    ("Belarus repatriated twelve Lithuanian truckers on Friday.", "RETREAT"),
    ("Iran returned the two Danish yachtsmen to Copenhagen.", "RETREAT"),
    ("The militia handed over 14 Chinese engineers to the Red Cross in Juba.", "RETREAT"),
    ("Caracas returned six American oil executives to Washington.", "RETREAT"),
    ("The Houthis handed over three Saudi pilots to Riyadh.", "RETREAT"),
    ("North Korea repatriated four South Korean fishermen across the sea border.", "RETREAT"),
    ("Kyiv and Moscow swapped 75 conscripts each on Saturday.", "COOPERATE"),
    ("Armenia and Azerbaijan exchanged 12 herders at the border.", "COOPERATE"),
    ("Russia and Ukraine exchanged dozens of paramedics captured in Mariupol.", "COOPERATE"),
    ("Israel and Hamas swapped 30 Palestinians for ten Israelis.", "COOPERATE"),
    ("Ethiopia returned 120 Eritrean militiamen to Asmara.", "RETREAT"),
    ("Pakistan handed back 200 Indian seafarers at the Wagah crossing.", "RETREAT"),
    ("The kidnappers in Mali freed eight missionaries on Sunday.", "RETREAT"),
    ("The junta released 300 political detainees ahead of the holiday.", "RETREAT"),
    # people driven out (COERCE) or taken out of danger (AID)
    ("Turkey expelled 40 Afghan labourers last week.", "COERCE"),
    ("Malaysia expelled dozens of Myanmar fishermen.", "COERCE"),
    ("The navy evacuated 600 holidaymakers from the burning island.", "AID"),
    ("Soldiers evacuated hundreds of pensioners from the flooded town.", "AID"),
    ("The Indian air force evacuated 250 pilgrims and nurses from Kabul.", "AID"),
    ("Algeria expelled hundreds of Nigerien traders across the desert border.", "COERCE"),
    ("Greece evacuated 90 Greek seafarers from the Red Sea port.", "AID"),
    # armed forces sent and moved (MOBILIZE)
    ("Ankara dispatched 1,500 commandos to the Syrian border.", "MOBILIZE"),
    ("Moscow moved 40,000 servicemen near the Finnish frontier.", "MOBILIZE"),
    ("Beijing moved paratroopers to the coast facing Taiwan.", "MOBILIZE"),
    pytest.param(
        "Nigeria sent 500 gunmen of a vigilante militia to the north.",
        "MOBILIZE",
        marks=pytest.mark.xfail(reason="gunmen of a militia: the resolver reads no force"),
    ),
    ("Washington sent two Marine expeditionary units to the Gulf.", "MOBILIZE"),
    ("Kenya sent 600 policemen to Haiti on Monday.", "MOBILIZE"),
    pytest.param(
        "Paris sent Foreign Legion legionnaires to Chad after the coup.",
        "MOBILIZE",
        marks=pytest.mark.xfail(reason="legionnaires: no kind the code reads"),
    ),
    ("Chad dispatched 300 gendarmes to the Cameroon border.", "MOBILIZE"),
    ("India moved 15,000 Indian soldiers to Ladakh.", "MOBILIZE"),
    # measures lifted and eased (RETREAT)
    ("Beijing lifted the quarantine on Shanghai after two months.", "RETREAT"),
    ("Sri Lanka lifted its travel curbs on foreign visitors.", "RETREAT"),
    ("The junta eased the night-time curfew in Bamako.", "RETREAT"),
    ("Israel eased its import restrictions on Gaza.", "RETREAT"),
    ("Washington lifted the export controls on Turkish steel.", "RETREAT"),
    ("Jordan lifted its ban on Syrian trucks.", "RETREAT"),
    # a place named, hit by an armed force (ASSAULT; added with "@site", tuned on these)
    ("Israeli jets hit Khan Younis on Tuesday.", "ASSAULT"),
    ("Sudanese army warplanes hit Nyala on Monday.", "ASSAULT"),
    ("Kharkiv was hit by Russian drones on Sunday.", "ASSAULT"),
    # strikes by workers (PROTEST)
    # no party named: coded since sentences naming no actor are coded for such acts (act13)
    ("The dockworkers' strike in Antwerp entered its third day.", "PROTEST"),
    ("A miners' strike shut down production in Potosi.", "PROTEST"),
    pytest.param(
        "Pilots' strikes grounded flights across Italy on Friday.",
        "PROTEST",
        marks=pytest.mark.xfail(reason="pilots: neither an agent noun nor a resolved group"),
    ),
    pytest.param(
        "The bus drivers' strike paralysed Lagos.",
        "PROTEST",
        marks=pytest.mark.xfail(reason="matched, then no actor found (arguments)"),
    ),
]

NOT: list[Any] = [
    ("Washington hit Beijing with new tariffs.", "ASSAULT"),
    ("The EU hit Moscow with fresh sanctions on Friday.", "ASSAULT"),
    ("The opposition hit Ankara over the arrests.", "ASSAULT"),
    ("The Russian team hit a home run in Tokyo.", "ASSAULT"),
    ("The storm hit Florida on Monday.", "ASSAULT"),
    ("The band released a new album on Friday.", "RETREAT"),
    ("The ministry released a statement on Monday.", "RETREAT"),
    ("The carmaker released a cheaper electric model in Seoul.", "RETREAT"),
    ("The customer withdrew money from the bank in Lima.", "RETREAT"),
    ("The mayor sent a letter to the governor.", "AID"),
    ("The mayor sent a letter to the governor.", "MOBILIZE"),
    ("The family opened a bakery in Lyon.", "RETREAT"),
    ("The family opened a bakery in Lyon.", "AID"),
    ("The factory returned 300 containers to the supplier in Busan.", "RETREAT"),
    ("The school returned the exam papers to the pupils.", "RETREAT"),
    ("The shop returned the faulty computers to the maker.", "RETREAT"),
    ("The library exchanged 40 books with a school in Oslo.", "COOPERATE"),
    ("The two collectors swapped stamps at the fair.", "COOPERATE"),
    ("The two teams exchanged jerseys after the final.", "COOPERATE"),
    ("The club sent its players to a training camp in Spain.", "MOBILIZE"),
    ("The company moved its engineers to a new office in Pune.", "MOBILIZE"),
    ("The publisher sent reporters to cover the elections.", "MOBILIZE"),
    ("The airline evacuated the terminal after a fire alarm.", "AID"),
    ("The referee expelled two players from the match.", "COERCE"),
    ("The school expelled three pupils for cheating.", "COERCE"),
    ("The coach handed over the captaincy to a younger player.", "RETREAT"),
    ("The couple lifted their glasses to the guests.", "RETREAT"),
    ("The painkiller eased the pain in his back.", "RETREAT"),
    ("The lucky-strike cigarette brand was sold in 2020.", "PROTEST"),
    ("The bowler's strike rate improved this season.", "PROTEST"),
    ("The hotel returned 40 guests' passports.", "RETREAT"),
    pytest.param(
        "The firm released 200 workers from their contracts.",
        "RETREAT",
        marks=pytest.mark.xfail(reason="release has no object constraint (before and after)"),
    ),
    ("The zoo released two rescued eagles into the wild.", "RETREAT"),
]


@pytest.mark.parametrize(("text", "type_"), CODE)
def test_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in types(rules_alone, text)


@pytest.mark.parametrize(("text", "type_"), NOT)
def test_not_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ not in types(rules_alone, text)


if __name__ == "__main__":
    probe_score(Coder(head=False, linker=False), CODE, NOT)  # print the misses and the score
