"""Trigger coverage written from the CAMEO codebook for AGREE, CONSULT, SUPPORT,
COOPERATE, CONCEDE, REJECT, SANCTION and MOBILIZE, and a second pass on AID, COERCE,
ACCUSE, REQUEST, RETREAT and ASSAULT: each family fires on its own wording and is held
to its constraint (the same word in another use codes something else, or nothing).
Every sentence here is written for the test; the rules alone (no learned head) are
checked, so the head cannot hide a gap.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # AGREE 03x: commitments, guarantees, deals struck
        ("Poland reaffirmed its commitment to the security of Lithuania.", "AGREE"),
        ("The United States gave Kyiv security guarantees.", "AGREE"),
        ("Chile clinched a free trade deal with Indonesia.", "AGREE"),
        ("Ghana and Togo hammered out a compromise on the border.", "AGREE"),
        ("Colombia renewed its truce with the rebels.", "AGREE"),
        ("The Sudanese army signalled readiness for talks with the rebels.", "AGREE"),
        ("Qatar proposed a ceasefire plan to Israel and Hamas.", "AGREE"),
        # CONSULT 04x
        ("Turkey brokered a prisoner swap between Russia and Ukraine.", "CONSULT"),
        ("The Kenyan president held a video call with the Nigerian president.", "CONSULT"),
        ("The Swiss president had dinner with the Italian prime minister.", "CONSULT"),
        ("The Polish president's trip to Kenya was a success.", "CONSULT"),
        # SUPPORT 05x
        ("Chile expressed gratitude to Peru for its help.", "SUPPORT"),
        ("The Latvian president paid tribute to Ukraine's soldiers.", "SUPPORT"),
        ("Germany and France rallied behind Finland.", "SUPPORT"),
        ("Egypt and Qatar resumed diplomatic relations.", "SUPPORT"),
        ("Morocco opened an embassy in Israel.", "SUPPORT"),
        ("Peru concluded a trade agreement with Korea.", "SUPPORT"),
        # COOPERATE 06x
        ("Spain handed over three suspects to Morocco.", "COOPERATE"),
        ("Norway passed intelligence to Sweden.", "COOPERATE"),
        # CONCEDE 080-083
        ("The Chilean government acceded to the students' demands.", "CONCEDE"),
        ("Belarusian prosecutors dropped the charges against the Polish journalist.", "CONCEDE"),
        ("The Thai government withdrew the controversial bill.", "CONCEDE"),
        ("Serbia ceded territory to Kosovo.", "CONCEDE"),
        # REJECT 12x
        ("Iran disregarded the European calls for restraint.", "REJECT"),
        ("North Korea flouted the sanctions.", "REJECT"),
        ("Austria balked at the migration pact.", "REJECT"),
        # SANCTION 16x
        ("Egypt froze relations with Qatar.", "SANCTION"),
        ("Canada closed its embassy in Syria.", "SANCTION"),
        ("The United States stopped aid to Mali.", "SANCTION"),
        # MOBILIZE 15x
        ("Taiwan declared a high alert after the Chinese drills.", "MOBILIZE"),
        ("North Korea held a military parade in Pyongyang.", "MOBILIZE"),
        ("Kenya heightened security along the border with Somalia.", "MOBILIZE"),
        ("India rushed troops to the border with China.", "MOBILIZE"),
        ("The Pentagon ordered an aircraft carrier to the Mediterranean.", "MOBILIZE"),
        # second pass: AID, COERCE, ACCUSE, REQUEST, RETREAT, ASSAULT
        ("France sold fighter jets to Egypt.", "AID"),
        ("Japan sent a medical team to Turkey.", "AID"),
        ("The European Union bailed out Cyprus.", "AID"),
        ("The American agency spied on the Brazilian president.", "COERCE"),
        ("Bahrain revoked the citizenship of the activists.", "COERCE"),
        ("Authorities cut off internet access in the province.", "COERCE"),
        ("Britain attributed the hacking to Russia.", "ACCUSE"),
        ("Turkey held Syria responsible for the bombing.", "ACCUSE"),
        ("The Peruvian congress impeached the president.", "ACCUSE"),
        ("The European Commission launched legal proceedings against Poland.", "ACCUSE"),
        ("Britain said the Russian strike on the hospital was barbaric.", "ACCUSE"),
        ("The United States delisted the Venezuelan firms.", "RETREAT"),
        ("Uganda blocked the internet ahead of the election.", "COERCE"),
        ("Chilean students clamoured for free education.", "REQUEST"),
        ("The rebels set conditions for a ceasefire with the government.", "REQUEST"),
        ("The United States drew down its forces in Syria.", "RETREAT"),
        ("Libya dismantled its chemical weapons programme.", "RETREAT"),
        ("The Algerian president relinquished power.", "RETREAT"),
        ("Iran hanged three Kurdish dissidents.", "ASSAULT"),
        ("Unprovoked firing by Pakistani troops killed two Indian villagers.", "ASSAULT"),
    ],
)
def test_codebook_families_fire(rules: Coder, text: str, wanted: str) -> None:
    assert wanted in types(rules, text)


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # an embassy closed is a cut in relations, a border closed a blockade
        ("Canada closed its embassy in Syria.", "SANCTION", "COERCE"),
        ("Jordan closed its border with Syria.", "COERCE", "SANCTION"),
        # stopping aid is a sanction, stopping an offensive a retreat
        ("Turkey stopped its offensive in Syria.", "RETREAT", "SANCTION"),
        # fewer troops is a retreat, less aid a sanction
        ("China reduced aid to Tajikistan.", "SANCTION", "RETREAT"),
        ("Britain reduced its troops in Iraq.", "RETREAT", "SANCTION"),
        # a border sealed is no deal sealed
        ("Jordan sealed its border with Syria.", "COERCE", "AGREE"),
        # bombs dropped are an attack, charges dropped a concession
        ("Syrian helicopters dropped barrel bombs on Aleppo.", "ASSAULT", "CONCEDE"),
        # protesters rallying against a government protest; rallying behind an ally is support
        ("Israeli protesters rallied against the government.", "PROTEST", "SUPPORT"),
        # talks held are no accusation ("hold" judges its object only with a verdict)
        ("India held talks with China on the border.", "CONSULT", "ACCUSE"),
    ],
)
def test_each_family_keeps_to_its_constraint(
    rules: Coder, text: str, wanted: str, unwanted: str
) -> None:
    found = types(rules, text)
    assert wanted in found
    assert unwanted not in found


@pytest.mark.parametrize(
    "text",
    [
        "The German minister had lunch in Paris.",  # a meal with nobody
        "The French president's trip was cancelled because of the strike.",  # no destination
        "Russia sold its shares in the company.",  # shares are no arms
        "The painting hung in the Ukrainian museum.",  # a thing hung, nobody hanged
        "The Kenyan team won the match.",  # a team not sent anywhere
    ],
)
def test_the_same_words_in_other_uses_code_no_family_event(rules: Coder, text: str) -> None:
    found = types(rules, text)
    assert not found & {"CONSULT", "AID", "ASSAULT"}, found
