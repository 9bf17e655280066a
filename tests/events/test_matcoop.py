"""Material cooperation from the CAMEO codebook (issue 11): COOPERATE (06x), AID (07x)
and RETREAT (084-087, 0813), in verbs, verb + particle, light verb + event noun, nouns
and passives; each family fires on wording written for this test and keeps to its
constraint.  The rules alone (no learned head) are checked, so the head cannot hide a gap.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # COOPERATE 06x: information given (064), arms bought (062), one side (062)
        ("The Dutch police provided information on the suspects to Belgium.", "COOPERATE"),
        ("Kenya handed over phone records to the American investigators.", "COOPERATE"),
        ("Egypt bought two frigates from Italy.", "COOPERATE"),
        ("Saudi Arabia purchased air defence systems from the United States.", "COOPERATE"),
        ("Iranian militias fought alongside the Iraqi army near Mosul.", "COOPERATE"),
        ("Pakistan held naval exercises with China.", "COOPERATE"),
        ("Kyrgyzstan gave the Russian air force access to its airfield.", "COOPERATE"),
        # made or worked on together (061, 060); a wanted man handed over (063)
        ("Brazil and Sweden jointly produce fighter jets.", "COOPERATE"),
        ("Italian and Albanian police worked together on the case.", "COOPERATE"),
        ("Peru handed over the drug kingpin to the United States.", "COOPERATE"),
        ("Britain and France swapped intelligence on the smugglers.", "COOPERATE"),
        # AID 07x: instructors, troops for a mission, refugees, debts, mines, money
        ("Canada sent military trainers to Latvia.", "AID"),
        ("Ghana contributed soldiers to the mission in Lebanon.", "AID"),
        ("Jordan received Iraqi refugees.", "AID"),
        ("Spain relocated African migrants from Italy.", "AID"),
        ("France has forgiven the debt of Haiti.", "AID"),
        ("Croatian deminers cleared mines in Bosnia.", "AID"),
        ("Turkish troops protected refugees in northern Syria.", "AID"),
        ("Qatar supported Lebanon with $60 million.", "AID"),
        ("The World Bank made $300 million available to Kenya.", "AID"),
        ("Spain deployed rescue teams to Morocco.", "AID"),
        ("The Emirati consignment of medicines to Sudan arrived.", "AID"),
        ("Italian medical supplies reached the hospital in Tripoli.", "AID"),
        # a noun the tagger reads as a bare verb at the head of the sentence
        ("Aid from Kuwait arrived in Sudan on Monday.", "AID"),
        ("Iran smuggled drones to the Houthis.", "AID"),
        ("Greek rescuers pulled survivors from the rubble in Albania.", "AID"),
        # every thing listed in the "of" phrase of the object counts
        ("Algeria sent a group of volunteers, tents and blankets to Libya.", "AID"),
        # a passive participle on a noun acts on that noun
        ("The civilians evacuated by Greece from Libya landed in Athens.", "AID"),
        # RETREAT 08x: let in, set free, handed over, left office, truce kept, eased
        ("Egypt let aid trucks into Gaza.", "RETREAT"),
        ("Syria let OPCW inspectors into Douma.", "RETREAT"),
        ("The Taliban set free two American hostages.", "RETREAT"),
        ("Iran set the Australian sailors free.", "RETREAT"),
        ("American troops handed over control of the base to the Afghan army.", "RETREAT"),
        ("The Bolivian president left office.", "RETREAT"),
        ("The Houthis honoured the truce with Saudi Arabia.", "RETREAT"),
        ("Turkey paused its strikes on Kurdish positions.", "RETREAT"),
        ("Egypt eased the blockade of Gaza.", "RETREAT"),
        ("Armenia unblocked the road to Azerbaijan.", "RETREAT"),
        ("The United States cut its troops in Germany.", "RETREAT"),
        ("Russia removed its troops from the border with Belarus.", "RETREAT"),
        ("Lebanon accepted UN peacekeepers in the south.", "RETREAT"),
        ("Canada revoked the sanctions on Libya.", "RETREAT"),
        ("The European Union rolled back sanctions on Belarus.", "RETREAT"),
        ("The lifting of the embargo on Cuba by the United States was welcomed.", "RETREAT"),
        ("The United States granted India a waiver from its sanctions on Russia.", "RETREAT"),
        ("The demobilization of the Liberian militias by the government began.", "RETREAT"),
        # the thing returned described by a participle that takes the recipient phrase
        ("Germany returned a mask carved with a lion to Cameroon.", "RETREAT"),
        ("Pakistan returned the captured Indian pilot.", "RETREAT"),
        ("The Nigerian minister tendered his resignation.", "RETREAT"),
    ],
)
def test_codebook_material_families_fire(rules: Coder, text: str, wanted: str) -> None:
    assert wanted in types(rules, text)


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # fighting alongside a party is on its side, not against it
        ("Russian troops fought alongside the Syrian army in Homs.", "COOPERATE", "ASSAULT"),
        # a team sent to investigate is an investigation, not aid
        ("Japan sent a team of experts to Sri Lanka to investigate the crash.", "ACCUSE", "AID"),
        # halting or pausing an offensive: the offensive is not the news
        ("Israel paused its offensive in Gaza.", "RETREAT", "ASSAULT"),
        # aid let through is access allowed, not aid given by the one allowing it (the
        # subject of an infinitive is what is allowed)
        ("Syria allowed aid to enter Idlib.", "RETREAT", "AID"),
        # troops and convoys sent are a deployment: a bare convoy is no aid
        ("Turkey sent thousands of troops and convoys to Idlib.", "MOBILIZE", "AID"),
        # a drug lord handed over is a suspect, not medicine given
        ("Peru handed over the drug lord to the United States.", "COOPERATE", "AID"),
        # supplies allowed through on a deal: the deal is the act, not the supplies
        (
            "Ethiopia struck a deal with the United Nations to allow medical supplies "
            "to reach Tigray.",
            "AGREE",
            "AID",
        ),
    ],
)
def test_material_families_keep_to_their_constraints(
    rules: Coder, text: str, wanted: str, unwanted: str
) -> None:
    found = types(rules, text)
    assert wanted in found
    assert unwanted not in found


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan team left the stadium.",  # no office left
        "The French company bought a factory from Siemens.",  # a factory is no arms
        "Hungary increased its exports to China.",  # trade grown, not aid
        "The storm cut power in the capital.",  # no troops cut
    ],
)
def test_the_same_words_in_other_uses_code_no_material_event(rules: Coder, text: str) -> None:
    found = types(rules, text)
    assert not found & {"COOPERATE", "AID", "RETREAT"}, found


def test_intent_to_give_or_release_stays_agree(rules: Coder) -> None:
    """ANNOTATION.md: an announced release or aid is AGREE, the act itself when it happens."""
    assert "AGREE" in types(rules, "Iran said it would set free the British sailors.")
    assert "RETREAT" in types(rules, "Iran set free the British sailors.")
