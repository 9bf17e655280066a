"""fp14: one test for each kind the change decides (own words).

The probes (``test_fp14_probe.py``, ``test_fp14_fresh_probe.py``) score the kinds; these pin
the modality and the parse shapes each rule reads.
"""

from __future__ import annotations

from newsgraph.events.coder import Coder
from newsgraph.events.modality import Modality, announced


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text, "2024-01-15").events if not e.negated}


def test_a_sentence_to_come_is_a_sanction_to_come(rules_alone: Coder) -> None:
    events = rules_alone.code("The Lagos pastor will be sentenced on June 9.").events
    (sentence,) = [e for e in events if e.type == "SANCTION"]
    assert sentence.hypothetical and not sentence.negated
    assert "THREATEN" not in {e.type for e in events}


def test_only_the_court_mode_escapes_the_threat() -> None:
    future = Modality(negated=False, hypothetical=False, intended=True, future=True)
    assert announced("SANCTION", "160", future, False, mode="convict").type == "SANCTION"
    assert announced("SANCTION", "160", future, False).type == "THREATEN"
    assert announced("COERCE", "173", future, False, mode="convict").type == "THREATEN"
    # said with "would" it is still a threat
    assert announced("SANCTION", "160", future, True, mode="convict").type == "THREATEN"


def test_a_vehicle_by_make_and_model_year(rules_alone: Coder) -> None:
    assert "ASSAULT" not in _types(rules_alone, "A cyclist was hit by a red Subaru Outback.")
    text = "The girl was struck by a black 2009 Kia Rio on Oak Street."
    assert "ASSAULT" not in _types(rules_alone, text)


def test_the_agent_of_the_last_verb_is_the_doer_of_both(rules_alone: Coder) -> None:
    text = "A retired teacher was struck and killed by a truck driver in Cork."
    assert "ASSAULT" not in _types(rules_alone, text)
    text = "A Yemeni fisherman was shot and wounded by Saudi border guards."
    assert "ASSAULT" in _types(rules_alone, text)


def test_harm_whose_when_clause_tells_a_vehicle(rules_alone: Coder) -> None:
    text = "A Romanian worker was killed when a van struck him near the depot."
    assert "ASSAULT" not in _types(rules_alone, text)
    text = "Three Iraqi police were killed when militants attacked their post."
    assert "ASSAULT" in _types(rules_alone, text)


def test_a_walker_struck_by_no_one_named(rules_alone: Coder) -> None:
    text = "Ana Ruiz was walking her dog near the park when she was struck late on Friday."
    assert "ASSAULT" not in _types(rules_alone, text)
    text = "A Sudanese protester was struck in the head as she walked toward the palace."
    assert "ASSAULT" in _types(rules_alone, text)


def test_a_named_person_running_into_vehicles(rules_alone: Coder) -> None:
    text = "Fleeing the scene, Dan Moore struck two parked trucks on Bay Road."
    assert "ASSAULT" not in _types(rules_alone, text)


def test_a_meeting_with_no_party_on_either_side(rules_alone: Coder) -> None:
    text = "A gardening club was meeting in the town hall when the roof fell in."
    assert "CONSULT" not in _types(rules_alone, text)
    text = "The Chilean president met Bolivian trade unionists in Santiago."
    assert "CONSULT" in _types(rules_alone, text)


def test_a_contract_signed_is_business(rules_alone: Coder) -> None:
    text = "The Argentine winger signed a four-year contract with the Spanish side."
    assert "SUPPORT" not in _types(rules_alone, text)
    assert "SUPPORT" in _types(rules_alone, "Kenya signed a trade pact with Ethiopia.")


def test_a_pre_noun_order_is_no_demand(rules_alone: Coder) -> None:
    text = "The rapper began a court-ordered anger management course in Atlanta."
    assert "REQUEST" not in _types(rules_alone, text)


def test_pulled_up_to_is_no_traffic_stop(rules_alone: Coder) -> None:
    text = "The Zambian envoy pulled up to the ministry in a white van."
    assert "COERCE" not in _types(rules_alone, text)


def test_a_scene_captured_on_camera_is_filmed(rules_alone: Coder) -> None:
    text = "The attack on the Turkish journalist was captured on a traffic camera."
    assert "COERCE" not in _types(rules_alone, text)
    assert "COERCE" in _types(rules_alone, "Houthi rebels captured the port of Mocha.")


def test_a_confession_released_is_published(rules_alone: Coder) -> None:
    text = "Texas police released a taped confession from the suspect."
    assert "RETREAT" not in _types(rules_alone, text)


def test_a_player_signed_is_a_teams_business(rules_alone: Coder) -> None:
    text = "Porto signed the Uruguayan midfielder from Nacional."
    assert "SUPPORT" not in _types(rules_alone, text)
    text = "Greek police released the Albanian goalkeeper after questioning."
    assert "RETREAT" in _types(rules_alone, text)


def test_a_warning_of_nature_is_no_threat(rules_alone: Coder) -> None:
    text = "Chilean officials warned of more aftershocks along the coast."
    assert "THREATEN" not in _types(rules_alone, text)
    text = "North Korea warned of a merciless strike on South Korea."
    assert "THREATEN" in _types(rules_alone, text)
