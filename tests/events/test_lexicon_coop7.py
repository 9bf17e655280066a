"""Verbal cooperation and yielding from the CAMEO codebook (issue 11, seventh pass):
AGREE (03x), CONSULT (04x), SUPPORT (05x), CONCEDE (0812, 083) and ACCUSE as
investigation (09x), in verbs, verb + particle or preposition, light verb + noun and
nominal forms; each entry fires on wording written for this test and keeps to its
constraint.  The rules alone (no learned head) are checked, so the head cannot hide a gap.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # AGREE 03x: accords named with their parties, disputes settled, truces concluded
        ("The accord between Ethiopia and Eritrea ended twenty years of war.", "AGREE"),
        ("Chad's accord with Sudan reopened the border crossings.", "AGREE"),
        ("Greece and North Macedonia settled their dispute over the name.", "AGREE"),
        ("Colombia and Venezuela resolved their differences over the border.", "AGREE"),
        ("The Sudanese rivals concluded a truce in Jeddah.", "AGREE"),
        ("The Ethiopian prime minister offered an olive branch to Eritrea.", "AGREE"),
        ("The Turkish president extended an olive branch to the Greek government.", "AGREE"),
        ("Algeria appointed a mediator for the crisis in Mali.", "AGREE"),
        ("Kenya committed troops to the mission in Haiti.", "AGREE"),
        ("Ukraine said it remained committed to peace talks with Russia.", "AGREE"),
        ("The American Congress gave the green light to the sale of jets to Turkey.", "AGREE"),
        # CONSULT 04x: mediators, shuttle diplomacy, calls paid or made, tours, welcomes
        ("Qatar acted as mediator between Washington and Kabul.", "CONSULT"),
        ("Norway served as a mediator between Colombia and the rebels.", "CONSULT"),
        ("The American envoy shuttled between Israel and Lebanon.", "CONSULT"),
        ("The Emir of Qatar paid a courtesy call on the Indian president.", "CONSULT"),
        ("The Thai foreign minister made a phone call to his Cambodian counterpart.", "CONSULT"),
        ("The Chinese premier embarked on a tour of Africa.", "CONSULT"),
        ("The French president welcomed the Nigerian president to the Elysee Palace.", "CONSULT"),
        ("The Chinese president welcomed the Brazilian president at the airport.", "CONSULT"),
        ("The Japanese foreign minister exchanged views with his Chinese counterpart.", "CONSULT"),
        ("The French president held a video conference with the German chancellor.", "CONSULT"),
        ("The Saudi crown prince received a phone call from the American president.", "CONSULT"),
        ("Kenya bargained with Somalia over the maritime border.", "CONSULT"),
        ("The two presidents exchanged messages on the anniversary of their ties.", "CONSULT"),
        ("The French government established contact with the Malian junta.", "CONSULT"),
        # SUPPORT 05x: weight behind, regret and remorse to a party, satisfaction,
        # credentials presented, ambassadors sent, ties repaired, leaders honoured
        ("Kenya threw its weight behind the Ethiopian peace deal.", "SUPPORT"),
        ("Egypt threw its support behind the Saudi plan.", "SUPPORT"),
        ("France expressed regret to Algeria for the massacre.", "SUPPORT"),
        ("The Japanese prime minister expressed remorse to China.", "SUPPORT"),
        ("Japan expressed satisfaction with China's decision.", "SUPPORT"),
        ("The Chinese ambassador presented his credentials to the Nigerian president.", "SUPPORT"),
        ("Greece sent a new ambassador to Turkey.", "SUPPORT"),
        ("Mexico and Peru repaired their diplomatic relations.", "SUPPORT"),
        ("The Russian president honoured the Chinese president with an award.", "SUPPORT"),
        (
            "The Chinese president sent a congratulatory message to the Vietnamese leader.",
            "SUPPORT",
        ),
        # CONCEDE 0812 (parties let organise) and 083 (a demand granted)
        ("The Ethiopian government allowed opposition parties to register.", "CONCEDE"),
        ("The Chilean government granted the protesters' demand for a referendum.", "CONCEDE"),
        (
            "The Turkish appeals court overturned the conviction of the German journalist.",
            "CONCEDE",
        ),
        ("The Iranian authorities commuted the death sentence of the French tourist.", "CONCEDE"),
        ("The Hong Kong government scrapped the extradition bill.", "CONCEDE"),
        ("The Georgian government shelved the foreign agents bill.", "CONCEDE"),
        # ACCUSE 09x: questioning, interrogation, allegations examined, inquiries
        ("The French police interrogated the Rwandan suspect.", "ACCUSE"),
        ("The Ukrainian security service questioned the Russian soldier.", "ACCUSE"),
        ("The French judges examined the role of the Rwandan army in the genocide.", "ACCUSE"),
        ("Dutch investigators scrutinized the allegations against the Russian army.", "ACCUSE"),
        (
            "The Swedish prosecutor reopened the investigation into the Australian activist.",
            "ACCUSE",
        ),
        ("The Dutch government commissioned an inquiry into the Srebrenica massacre.", "ACCUSE"),
        ("The OPCW launched a fact-finding mission into the attack in Douma.", "ACCUSE"),
        ("The UN set up a commission of inquiry into abuses in Eritrea.", "ACCUSE"),
        ("The Turkish prosecutors pursued an investigation into the Saudi agents.", "ACCUSE"),
    ],
)
def test_codebook_forms(rules: Coder, text: str, wanted: str) -> None:
    assert wanted in types(rules, text)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The French president reaffirmed his support for Lebanon.", "SUPPORT"),
        (
            "The Japanese prime minister reaffirmed his commitment to the defence of Taiwan.",
            "AGREE",
        ),
        ("The German chancellor restated her backing for Ukraine.", "SUPPORT"),
    ],
)
def test_reaffirmed_acts_are_the_speakers(rules: Coder, text: str, wanted: str) -> None:
    """A support or commitment reaffirmed, restated or reasserted (CAMEO 030, 051) is the
    act of whoever reaffirms it, as one expressed or renewed is ("his support": the
    pronoun alone names no one)."""
    assert wanted in types(rules, text)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # an accord named without its parties is a topic, not the news
        ("The Paris accord was discussed at length by the Irish parliament.", "AGREE"),
        ("The Irish farmers settled their bills in cash.", "AGREE"),
        ("The Dutch court concluded its hearing on Tuesday.", "AGREE"),
        ("The olive harvest in Spain fell by a third.", "AGREE"),
        # a mediator who is only described, a bus line, a call that is an appeal
        ("The mediator from Norway was born in Oslo.", "CONSULT"),
        ("The Swiss buses shuttled tourists from the airport.", "CONSULT"),
        ("The French president made a call for calm in New Caledonia.", "CONSULT"),
        ("The Spanish tennis player embarked on a long career.", "CONSULT"),
        ("The Pope welcomed the Irish decision.", "CONSULT"),
        # a welcome "in a statement" is praise of a new leader, not hosting one
        ("The United States welcomed the new Iraqi prime minister in a statement.", "CONSULT"),
        ("The Indian press conference was held in Delhi.", "CONSULT"),
        ("The Irish government received a call for help from the charity.", "CONSULT"),
        ("Qatar played host to the football World Cup.", "CONSULT"),
        ("The Pakistani prime minister made a tour of the flooded districts.", "CONSULT"),
        # regret about another's act is no apology; a present, a sent envoy of war
        ("China expressed regret over the American decision.", "SUPPORT"),
        ("The Irish team presented its new kit.", "SUPPORT"),
        ("The Dutch government honoured its commitments.", "SUPPORT"),
        ("The Polish army strengthened its defences on the border.", "SUPPORT"),
        ("The Italian government improved the economy.", "SUPPORT"),
        # letting aid in stays RETREAT; a party with no ban is no concession
        ("Syria allowed UN aid convoys into Idlib.", "CONCEDE"),
        ("The Chilean government granted asylum to the Peruvian journalist.", "CONCEDE"),
        # questioning a decision, examining a proposal, a film commissioned
        ("The Irish minister examined the proposal of the European Commission.", "ACCUSE"),
        ("The Danish museum commissioned a portrait of the queen.", "ACCUSE"),
        ("The Swiss mission to the United Nations moved to a new building.", "ACCUSE"),
        ("The Dutch government pursued a policy of austerity.", "ACCUSE"),
        ("The Japanese committee appointed a new chairman.", "AGREE"),
        ("The Kenyan gunmen committed atrocities in the village.", "AGREE"),
        ("The Irish government committed two billion euros to new housing.", "AGREE"),
        ("The crimes were committed by Russian soldiers.", "AGREE"),
        ("The Irish traffic light turned green.", "AGREE"),
        ("The Greek court overturned the ban on the Turkish ferry.", "CONCEDE"),
        ("The Sri Lankan government scrapped plans for a new airport.", "CONCEDE"),
        ("The Irish tattoo artist inked a portrait of the Danish king.", "SUPPORT"),
    ],
)
def test_constraints_hold(rules: Coder, text: str, unwanted: str) -> None:
    assert unwanted not in types(rules, text)
