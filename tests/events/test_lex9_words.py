"""Words of general news English the lexicon lacked (issue 11, ninth pass), one test per
word family, with the uses of the same words that must stay quiet. Every sentence is
written for this test (names, places and wording of its own); the rules alone (no
learned head) are checked, so the head cannot hide a missing entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring import types

from newsgraph.events.coder import Coder
from newsgraph.events.lexicon import load_lexicon, load_triggers

LEXICON = load_lexicon()


def _check(rules: Coder, text: str, wanted: str) -> None:
    assert wanted in types(rules, text), (text, types(rules, text))


# ------------------------------------------------------------------ RETREAT


@pytest.mark.parametrize(
    "text",
    [
        # a leader who quits (no object: quitting office)
        "The Romanian prime minister quit on Thursday after losing a confidence vote.",
        # forces that move out of a place or leave it
        "Burundian soldiers moved out of the border town of Uvira.",
        "The last Italian troops left Lebanon in the spring.",
        # captives and remains handed back
        "Myanmar repatriated forty Thai fishermen across the border.",
        "Armenia handed the bodies of three Azerbaijani soldiers to Azerbaijan.",
        # ground given up
        "The militia gave up its positions on the hills above Tripoli.",
        # access restored after a shutdown
        "The Pakistani government restored internet access in Balochistan.",
        # a crossing reopened, forces evacuated, as nouns
        "Egypt's reopening of the crossing with Gaza let the wounded out.",
        "The evacuation of Armenian troops from the enclave was completed in May.",
        # control handed to another party
        "The Kenyan contingent handed control of the airport to Somali forces.",
    ],
)
def test_retreat_words(rules: Coder, text: str) -> None:
    _check(rules, text, "RETREAT")


@pytest.mark.parametrize(
    "text",
    [
        "The Finnish minister left Helsinki for Tallinn on Monday.",
        "The singer quit after the second song.",
        "Engineers restored power to the town after the storm.",
        "He gave up smoking in 2010.",
    ],
)
def test_retreat_words_stay_quiet(rules: Coder, text: str) -> None:
    assert "RETREAT" not in types(rules, text)


# ------------------------------------------------------------------ AID


@pytest.mark.parametrize(
    "text",
    [
        # money deposited in a central bank
        "Kuwait deposited $2 billion in Jordan's central bank.",
        # goods given or handed over besides money and relief supplies
        "South Korea gave Mongolia thirty tractors.",
        "The World Bank handed Malawi $80 million in emergency funds.",
        "Lithuania handed over armoured vehicles and ammunition to Ukraine.",
        # people flown out of danger
        "The Indian air force flew stranded Indian nationals home from Kabul.",
        # a deposit, as a noun
        "The Saudi deposit of $3 billion in Turkey's central bank steadied the lira.",
        # a field hospital set up, firefighters sent abroad
        "The Emirates set up a field hospital for the injured in Sudan.",
        "Greece sent fifty firefighters to North Macedonia.",
    ],
)
def test_aid_words(rules: Coder, text: str) -> None:
    _check(rules, text, "AID")


@pytest.mark.parametrize(
    "text",
    [
        "The bank deposited the cheques on Monday.",
        "The Danish airline flew two million passengers last year.",
    ],
)
def test_aid_words_stay_quiet(rules: Coder, text: str) -> None:
    assert "AID" not in types(rules, text)


# ------------------------------------------------------------------ COOPERATE


@pytest.mark.parametrize(
    "text",
    [
        # working with a state, a body or its forces
        "Japan worked with South Korea to track the North Korean missile.",
        "The French army worked alongside Malian troops near Gao.",
        # exports to a state
        "Kazakhstan exported uranium to China through Russia.",
        # resources pooled, joint production
        "Estonia and Latvia pooled their resources to buy air defence systems.",
        "India and Russia began the joint production of assault rifles.",
        # prisoners swapped, as nouns (as the verb "swap")
        "The prisoner swap between Belarus and Poland took place at the border.",
        "An exchange of detainees between the Sudanese army and the paramilitaries began.",
    ],
)
def test_cooperate_words(rules: Coder, text: str) -> None:
    _check(rules, text, "COOPERATE")


def test_working_with_a_coach_is_no_cooperation(rules: Coder) -> None:
    assert "COOPERATE" not in types(rules, "The Kenyan runner worked with a new coach.")


# ------------------------------------------------------------------ MOBILIZE


@pytest.mark.parametrize(
    "text",
    [
        # drills and exercises held with no modifier
        "Iran held exercises near the Strait of Hormuz.",
        "Taiwan conducted drills near the Penghu islands after the Chinese warnings.",
        # test firings
        "North Korea test-fired two cruise missiles into the Yellow Sea.",
        # warplanes moved or flown, soldiers recruited, warships sailed
        "China moved bombers to an island base near the Philippines.",
        "Russia flew two strategic bombers over the Sea of Japan.",
        "Sudan's army recruited thousands of fighters in the east.",
        "Canada sailed a frigate through the Taiwan Strait.",
    ],
)
def test_mobilize_words(rules: Coder, text: str) -> None:
    _check(rules, text, "MOBILIZE")


def test_joint_drills_stay_cooperation(rules: Coder) -> None:
    found = types(rules, "Egypt and Saudi Arabia held joint exercises in the Red Sea.")
    assert "COOPERATE" in found and "MOBILIZE" not in found


@pytest.mark.parametrize(
    "text",
    [
        "The yacht sailed through the Panama Canal.",
        "The festival recruited hundreds of volunteers.",
    ],
)
def test_mobilize_words_stay_quiet(rules: Coder, text: str) -> None:
    assert "MOBILIZE" not in types(rules, text)


# ------------------------------------------------------------------ SANCTION


@pytest.mark.parametrize(
    "text",
    [
        # leaving a treaty, a bloc or talks (the new prep_objects constraint)
        "Russia pulled out of the treaty on open skies.",
        "Guinea pulled out of ECOWAS.",
        "Hungary quit the regional alliance.",
        "The American withdrawal from the nuclear accord angered Tehran.",
        # ambassadors kicked out, pacts ended or torn up
        "Rwanda kicked out the Burundian ambassador.",
        "Mali ended its defence agreement with France.",
        "The Malian junta tore up the peace accord with the northern rebels.",
        "Ecuador abrogated its investment treaty with the United States.",
    ],
)
def test_sanction_words(rules: Coder, text: str) -> None:
    _check(rules, text, "SANCTION")


@pytest.mark.parametrize(
    "text",
    [
        # forces that leave a place still retreat, even near a treaty or a named body
        "Russian troops withdrew from the area covered by the ceasefire agreement.",
        "Israeli troops withdrew from the village near the UN base.",
        "American troops left Afghanistan in August.",
    ],
)
def test_troops_leaving_a_place_still_retreat(rules: Coder, text: str) -> None:
    found = types(rules, text)
    assert "RETREAT" in found and "SANCTION" not in found


def test_leaving_a_courtroom_is_no_event(rules: Coder) -> None:
    assert not types(rules, "The defendant left the court without speaking to reporters.")


# ------------------------------------------------------------------ REQUEST


@pytest.mark.parametrize(
    "text",
    [
        "Somalia told Ethiopia to pull its soldiers out of Baidoa.",
        "The Security Council told the warring factions to stop the fighting.",
        "Washington told Israel not to strike the Iranian oil fields.",
    ],
)
def test_telling_a_party_to_act_is_a_demand(rules: Coder, text: str) -> None:
    _check(rules, text, "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "Somalia told Ethiopia that its troops were not welcome.",
        "The Somali minister told reporters that the troops had left.",
    ],
)
def test_telling_a_fact_is_no_demand(rules: Coder, text: str) -> None:
    assert "REQUEST" not in types(rules, text)


# ------------------------------------------------------------------ COERCE and PROTEST


@pytest.mark.parametrize(
    "text",
    [
        "The United States slapped tariffs on Nicaraguan sugar.",
        "Tajikistan shut its border with Afghanistan.",
        "The Kyrgyz justice ministry deregistered the independent media group.",
        # restrictions tightened or introduced
        "Egypt tightened restrictions on Sudanese refugees.",
        "Poland introduced a ban on Russian trucks.",
        "Ghana introduced a curfew in the northern town of Bawku.",
    ],
)
def test_coerce_words(rules: Coder, text: str) -> None:
    _check(rules, text, "COERCE")


def test_shops_shut_early_are_no_coercion(rules: Coder) -> None:
    assert "COERCE" not in types(rules, "Shops in Lagos shut their doors early on Friday.")


def test_walking_off_the_job_is_a_strike(rules: Coder) -> None:
    _check(rules, "Nigerian doctors walked off the job over unpaid salaries.", "PROTEST")


@pytest.mark.parametrize(
    "text",
    [
        "The gunmen strangled a Nigerian priest in his home.",
        "The militia maimed hundreds of Liberian villagers.",
        "Islamist fighters mutilated the bodies of Burkinabe soldiers.",
    ],
)
def test_assault_words(rules: Coder, text: str) -> None:
    _check(rules, text, "ASSAULT")


def test_conscription_ordered_is_a_mobilisation(rules: Coder) -> None:
    _check(rules, "Ukraine ordered the conscription of men aged 25.", "MOBILIZE")


# ------------------------------------------------------------------ the loader


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "triggers.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_prep_objects_are_read_and_count_as_a_constraint(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "classes:\n  pacts: [treaty, pact]\ntriggers:\n"
        "- {lemma: withdraw, pos: verb, type: SANCTION, cameo: '160',"
        " prep_objects: ['@pacts', '@org', bloc], example: x}\n",
    )
    (entry,) = load_triggers(LEXICON.cameo, path)[0]["withdraw"]
    assert entry.prep_objects == {"treaty", "pact", "bloc", "@org"}
    assert entry.specificity == 1


def test_infinitive_is_read_and_counts_as_a_constraint(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "triggers:\n- {lemma: tell, pos: verb, type: REQUEST, cameo: '100',"
        " objects: [government], infinitive: true, example: x}\n",
    )
    (entry,) = load_triggers(LEXICON.cameo, path)[0]["tell"]
    assert entry.infinitive and entry.specificity == 2


def test_the_shipped_lexicon_uses_the_new_classes() -> None:
    pull = [t for t in LEXICON.triggers["pull"] if t.type == "SANCTION"]
    assert any("treaty" in t.prep_objects and "@org" in t.prep_objects for t in pull)
    give = [t for t in LEXICON.triggers["give"] if t.type == "AID"]
    assert any("tractor" in t.objects for t in give)  # @goods
