"""Material cooperation read by the kind of thing given up or sent (matc11, session 11):
a force withdrawn, recalled, brought home, pulled back or cut by whatever names it (a unit,
its people, its hardware: the ``units`` class), a presence ended, an armed body disbanded
(``armed_bodies``), a border opened, roadblocks lifted, a vehicle sent for the relief it
carries, the hyphenated nominal ("the pull-out of") read as the word the lexicon lists;
and near misses: money pulled out of a fund, a product released.  The first own-words
probe of the session (sentences written for the test, not from any news set).  Rules alone.
"""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder

MATERIAL = frozenset({"RETREAT", "AID", "CONCEDE", "COOPERATE"})


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text).events if not e.negated}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Belgium ended its military presence in Niger after ten years.", "RETREAT"),
        ("Italy completed the pull-out of its contingent from Lebanon.", "RETREAT"),
        ("Chinese troops moved back from the ridge after the talks.", "RETREAT"),
        ("Uganda brought home its soldiers from Somalia.", "RETREAT"),
        ("The junta recalled its troops from the frontier.", "RETREAT"),
        ("The Kurdish groups disbanded their militias.", "RETREAT"),
        ("The UAE dispatched a plane loaded with relief to Turkey.", "AID"),
    ],
)
def test_material_acts_by_class(rules_alone: Coder, text: str, type_: str) -> None:
    """The sentences this branch makes the rules code."""
    assert type_ in _types(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        "Investors pulled their money out of the fund.",
        "Apple released a new phone on Friday.",
    ],
)
def test_goods_and_products_are_no_retreat(rules_alone: Coder, text: str) -> None:
    """Money pulled out of a fund, a product put on sale: nothing given up."""
    assert not MATERIAL & _types(rules_alone, text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Poland pulled its last soldiers out of Chad on Tuesday.", "RETREAT"),
        ("Norway withdrew two battalions from the northern province.", "RETREAT"),
        ("Ethiopian troops were withdrawn from the disputed town of Humera.", "RETREAT"),
        ("The withdrawal of Rwandan units from eastern Congo began on Sunday.", "RETREAT"),
        ("Kenyan forces pulled back from the border villages overnight.", "RETREAT"),
        ("The rebels withdrew their fighters from the outskirts of Tripoli.", "RETREAT"),
        ("Serbian police left the northern villages on Friday.", "RETREAT"),
        ("Indonesian soldiers removed three checkpoints near Jayapura.", "RETREAT"),
        ("Police dismantled the roadblocks around the capital.", "RETREAT"),
        ("The army lifted the siege of the northern city of Kidal.", "RETREAT"),
        ("Egypt eased the blockade on the border town.", "RETREAT"),
        ("Uzbekistan reopened the crossing with Tajikistan.", "RETREAT"),
        ("The Sudanese army let aid convoys through to El Fasher.", "RETREAT"),
        ("Armenia allowed Red Cross trucks to cross into the enclave.", "RETREAT"),
        ("The siege of the city was lifted by government troops.", "RETREAT"),
        ("Turkey lifted its ban on Dutch flights.", "RETREAT"),
        ("Peru lifted the state of emergency in Lima.", "RETREAT"),
        ("The government relaxed the curfew in the southern provinces.", "RETREAT"),
        ("Mali's junta freed 40 detainees on Thursday.", "RETREAT"),
        ("The kidnappers released the Norwegian engineer unharmed.", "RETREAT"),
        ("Three Thai fishermen were released by Myanmar authorities.", "RETREAT"),
        ("Azerbaijan handed back the bodies of two Armenian soldiers.", "RETREAT"),
        ("Iran returned the seized tanker to its Greek owners.", "RETREAT"),
        ("The Houthis set free a group of Saudi prisoners.", "RETREAT"),
        ("Colombia's government released 12 jailed guerrillas as a gesture.", "RETREAT"),
        ("Russia gave back the captured fishing boats to Japan.", "RETREAT"),
        ("Hundreds of FARC fighters laid down arms in a ceremony.", "RETREAT"),
        ("The militants surrendered their weapons to the army.", "RETREAT"),
        ("The military council handed over power to a civilian cabinet.", "RETREAT"),
        ("The Guinean prime minister stepped down on Monday.", "RETREAT"),
        ("The governor resigned after the protests.", "RETREAT"),
        ("Sudan's army declared a unilateral ceasefire in Darfur.", "RETREAT"),
        ("The Netherlands evacuated wounded civilians from the port city.", "AID"),
        ("Canada airlifted food to the flooded region of Sindh.", "AID"),
        ("Germany shipped vaccines to Ghana.", "AID"),
        ("Saudi Arabia sent 50 tonnes of medical supplies to Sudan.", "AID"),
        ("Japan donated $5 million to the flood victims in Libya.", "AID"),
        ("The World Food Programme delivered food to 20,000 families in Tigray.", "AID"),
        ("China provided Cambodia with two million vaccine doses.", "AID"),
        ("Britain gave Malawi emergency funding after the cyclone.", "AID"),
        ("Aid from Qatar reached the camps in Idlib on Friday.", "AID"),
        ("The United States provided military assistance to Taiwan.", "AID"),
        ("Sweden granted asylum to the Belarusian activist.", "AID"),
        ("Algeria sent rescue teams to Morocco after the earthquake.", "AID"),
        ("The European Union disbursed 40 million euros to Lebanon.", "AID"),
        ("India supplied artillery shells to Armenia.", "AID"),
        ("The government bowed to pressure and dropped the fuel tax.", "CONCEDE"),
        ("The Kenyan parliament withdrew the finance bill after the protests.", "CONCEDE"),
        ("Tunisia's president gave in to the union's demands.", "CONCEDE"),
        ("Bolivia's government scrapped the controversial mining law.", "CONCEDE"),
        ("The court acquitted the Turkish journalist.", "CONCEDE"),
        ("Denmark shared intelligence with Sweden about the plot.", "COOPERATE"),
        ("Spain extradited the drug lord to Colombia.", "COOPERATE"),
        ("Kazakhstan and Kyrgyzstan held joint military drills.", "COOPERATE"),
        ("Ghana and Nigeria set up a joint commission on border security.", "COOPERATE"),
        ("Azerbaijan and Armenia exchanged prisoners on Wednesday.", "COOPERATE"),
        (
            "Chilean and Argentine police carried out a joint operation against smugglers.",
            "COOPERATE",
        ),
        ("Greek police handed the smuggling suspect over to Italy.", "COOPERATE"),
        ("Rwanda withdrew its tanks from the border area.", "RETREAT"),
        ("Greece withdrew its warships from the disputed waters.", "RETREAT"),
        (
            "The last French peacekeepers were pulled out of the Central African Republic.",
            "RETREAT",
        ),
        ("Rebel fighters withdrew from the town of Bambari.", "RETREAT"),
        ("The Algerian government lifted the travel restrictions on foreign reporters.", "RETREAT"),
        ("Pakistan freed the seized Indian fishing boat.", "RETREAT"),
        ("The rebels handed control of the airport to the army.", "RETREAT"),
        ("Myanmar allowed foreign journalists into Rakhine state.", "RETREAT"),
        ("Russia returned 20 Ukrainian children deported during the war.", "RETREAT"),
        ("A Moscow court released the American journalist on bail.", "RETREAT"),
        ("Belarus pardoned and freed the opposition blogger.", "RETREAT"),
        ("Hungary distributed food to refugees at the border.", "AID"),
        ("Oman flew medicines to the Yemeni city of Aden.", "AID"),
        ("The IMF approved a $3 billion loan for Egypt.", "AID"),
        ("Kuwait sent twenty ambulances to Gaza.", "AID"),
        ("Turkey opened its airspace to Armenian planes.", "RETREAT"),
        ("The Estonian navy rescued 30 migrants off the coast.", "AID"),
        ("Prosecutors dropped all charges against the Saudi activist.", "CONCEDE"),
        ("The Thai cabinet met the farmers' demands for higher rice prices.", "CONCEDE"),
        ("The regime legalised two opposition parties.", "CONCEDE"),
        ("Israel and Jordan signed a deal and began sharing water data.", "COOPERATE"),
    ],
)
def test_material_acts_kept(rules_alone: Coder, text: str, type_: str) -> None:
    """The rest of the probe, coded before and after the change."""
    assert type_ in _types(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        "The company withdrew the faulty product from stores.",
        "The central bank released its inflation figures on Monday.",
        "Oil prices eased on Tuesday.",
        "The band released a new album in March.",
        "The customer withdrew cash from the machine.",
        "The runner pulled out of the marathon with an injury.",
        "Tensions eased after the meeting.",
        "The firm lifted its profit forecast.",
        "The museum reopened after renovation.",
        "The film studio released the trailer online.",
        "The minister said the government would withdraw its troops next year.",
        "Shares of the airline returned to their previous level.",
        "The police released the names of the victims.",
        "The striker returned to training on Monday.",
        "The pressure on the currency eased in March.",
        "The bank withdrew its offer for the rival lender.",
        "The athlete withdrew from the Olympic team.",
        "The shop lifted prices on bread.",
    ],
)
def test_near_misses_kept(rules_alone: Coder, text: str) -> None:
    """Near misses of the probe: no material cooperation, before and after."""
    assert not MATERIAL & _types(rules_alone, text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # the draw-down, split by its hyphen, read as the noun the lexicon lists
        ("The draw-down of Dutch soldiers from Uruzgan ended in August.", "RETREAT"),
        # anything of the intelligence class shared or handed over
        ("The United States shared satellite imagery with Ukraine.", "COOPERATE"),
        ("Britain handed over the dossier to French prosecutors.", "COOPERATE"),
        # who and what is let in: one class for allow, permit and let
        ("The junta permitted foreign reporters into the capital.", "RETREAT"),
        ("Israel let the fuel deliveries into the strip.", "RETREAT"),
        # a force sent to hand out relief helps (AID), it shows no force
        ("The army sent troops to distribute food in the flooded areas.", "AID"),
        ("The Kenyan army sent soldiers to deliver food to villages cut off by floods.", "AID"),
    ],
)
def test_widened_classes(rules_alone: Coder, text: str, type_: str) -> None:
    """Classes shared by the entries of one act, so a new wording of it is read."""
    assert type_ in _types(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        "The airline pulled its flights from the route.",
        "The senator withdrew his candidacy on Monday.",
    ],
)
def test_services_and_bids_withdrawn(rules_alone: Coder, text: str) -> None:
    """A business's service or a candidate's bid withdrawn gives up no ground."""
    assert not MATERIAL & _types(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        "The insurgents laid down their guns.",
        "The separatists handed over their explosives to the army.",
        "Authorities lifted the internet shutdown in the province.",
        "Turkey permitted Swedish warships through the straits.",
    ],
)
def test_arms_given_up_and_shutdowns_lifted(rules_alone: Coder, text: str) -> None:
    """A side's own arms of any kind given up; a shutdown lifted; a ship let through."""
    assert "RETREAT" in _types(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        "The governor withdrew from the party's leadership race.",
        "The Kenyan runner pulled out of the championship with a knee injury.",
        "The businessman withdrew from the auction for the stadium.",
    ],
)
def test_contests_left_are_no_retreat(rules_alone: Coder, text: str) -> None:
    """A candidate or a player who leaves a contest gives up no ground (a withdrawal from
    a pact or talks has entries of its own)."""
    assert "RETREAT" not in _types(rules_alone, text)


def test_forces_leaving_a_town_still_retreat(rules_alone: Coder) -> None:
    """Only the contest stops the withdrawal: a force leaving a place still retreats."""
    assert "RETREAT" in _types(rules_alone, "Chadian troops withdrew from the border town.")


@pytest.mark.parametrize(
    "text",
    [
        "The removal of the barricades by the Peruvian police reopened the highway.",
        "The removal of Sudanese tanks from the square calmed the capital.",
        "The disarmament of the tribal militias began under African Union supervision.",
        "The Kenyan court annulled the curfew on the coastal county.",
    ],
)
def test_nouns_of_retreat_by_class(rules_alone: Coder, text: str) -> None:
    """The nouns of a retreat take the classes of their verbs."""
    assert "RETREAT" in _types(rules_alone, text)


def test_removal_of_a_person_is_no_retreat(rules_alone: Coder) -> None:
    """A removal of something outside the classes (an official) is no retreat."""
    assert "RETREAT" not in _types(rules_alone, "The removal of the minister angered the party.")
