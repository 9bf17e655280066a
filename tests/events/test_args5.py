"""Recipients the rules find on text nobody trained on (real resolver, invented text, rules
only): a verbal act on the actor's own people or policy, the one who announces a release,
people moved "from" a place, twin-island states named by one island."""

from __future__ import annotations

from scoring import countries, one_event

from newsgraph.events.coder import Coder


def _rules(coder: Coder) -> Coder:
    return Coder(resolver=coder.resolver, linker=False)


def test_an_appeal_to_the_actors_own_people_has_them_as_recipient(coder: Coder) -> None:
    # the embassy reads as the bare country (CAN), which the rules took to be the
    # Canadians too: one party
    text = "The Canadian embassy urged Canadians in Haiti to leave the country."
    event = one_event(_rules(coder), text, "REQUEST")
    assert countries(event.source) == ["CAN"]
    assert countries(event.target) == ["CAN"]


def test_defending_ones_own_countrys_policy_has_that_country_as_recipient(coder: Coder) -> None:
    text = "The Brazilian foreign minister defended Brazil's new rainforest policy on Monday."
    event = one_event(_rules(coder), text, "SUPPORT")
    assert countries(event.source) == ["BRA"]
    assert countries(event.target) == ["BRA"]


def test_a_domestic_appeal_keeps_a_foreign_recipient_when_one_is_named(coder: Coder) -> None:
    # a guard: the actor's own country is looked for only when no other party is named
    event = one_event(_rules(coder), "The Kenyan teachers' union called on Uganda to reopen "
                      "the border.", "REQUEST")  # fmt: skip
    assert countries(event.target) == ["UGA"]


def test_the_one_announcing_a_release_releases(coder: Coder) -> None:
    text = "Peru's interior ministry announced the release of three Chilean fishermen."
    event = one_event(_rules(coder), text, "RETREAT")
    assert countries(event.source) == ["PER"]
    assert countries(event.target) == ["CHL"]


def test_an_announced_deployment_of_unnamed_troops_keeps_its_destination(coder: Coder) -> None:
    # a guard: troops of no country named are not the one the announcer acts on
    text = "Ghana announced the deployment of 400 troops to Mali on a peacekeeping mission."
    event = next(e for e in _rules(coder).code(text).events if e.type in ("AID", "MOBILIZE"))
    assert countries(event.source) == ["GHA"]
    assert countries(event.target) == ["MLI"]


def test_refugees_from_a_country_hung_on_the_verb_take_its_country(coder: Coder) -> None:
    text = "Kazakhstan says it will not accept refugees from Kyrgyzstan this winter."
    event = one_event(_rules(coder), text, "REJECT")
    assert countries(event.source) == ["KAZ"]
    assert countries(event.target) == ["KGZ"]


def test_an_island_of_a_twin_island_state_names_the_state(coder: Coder) -> None:
    assert coder.resolver.lookup("Tobago").country == "TTO"
    assert coder.resolver.lookup("Nevis").country == "KNA"


def test_a_report_that_calls_on_someone_speaks_for_its_issuer(coder: Coder) -> None:
    text = "The Dutch parliament issued a report that calls on the government to ban the sale."
    event = one_event(_rules(coder), text, "REQUEST")
    assert countries(event.source) == ["NLD"]


def test_who_calls_for_sanctions_is_the_subject_of_the_call(coder: Coder) -> None:
    text = "A Canadian parliamentary report called for sanctions against Belarus."
    event = one_event(_rules(coder), text, "REQUEST")
    assert countries(event.source) == ["CAN"]
    assert countries(event.target) == ["BLR"]


def test_an_agentless_lifting_of_an_owned_measure_is_the_owners(coder: Coder) -> None:
    event = one_event(_rules(coder), "EU sanctions against Belarus were lifted on Monday.",
                      "RETREAT")  # fmt: skip
    assert [a.code for a in event.source] == ["EU"]
    assert countries(event.target) == ["BLR"]


def test_an_owned_force_sent_somewhere_is_sent_by_its_owner(coder: Coder) -> None:
    text = "A Nigerian force was sent to Liberia last year."
    event = next(e for e in _rules(coder).code(text).events if e.type in ("AID", "MOBILIZE"))
    assert countries(event.source) == ["NGA"]
    assert countries(event.target) == ["LBR"]


def test_aid_agencies_named_with_no_country_stay_ngo(coder: Coder) -> None:
    # ANNOTATION.md codes non-governmental bodies NGO; the country of the sentence is
    # where they work, not theirs
    text = "The Chadian government expelled aid agencies from the east of the country."
    event = one_event(_rules(coder), text, "SANCTION")
    assert [a.code for a in event.target] == ["NGO"]
    assert countries(event.target) == [None]
