"""Second round on news written by others (issue 11): what is said around an act.

Refusals, obligations put on others, texts that speak for their issuer, doers named by
the phrase that holds the act, denied accusations, conditions, considered help, purpose
clauses, peace missions and which event is the sentence's news.  Real resolver,
invented sentences.
"""

from __future__ import annotations

from scoring import countries as _countries

from newsgraph.events.coder import Coder
from newsgraph.records import Event


def _events(coder: Coder, text: str) -> list[Event]:
    return [e for e in coder.code(text).events if not e.negated]


def _one(coder: Coder, text: str, type_: str) -> Event:
    found = [e for e in _events(coder, text) if e.type == type_]
    assert found, f"no {type_} in {text!r}: {[e.type for e in _events(coder, text)]}"
    return found[0]


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in _events(coder, text)}


# ---------------------------------------------------------------- refusals
def test_will_not_accept_refugees_is_a_refusal_of_them(coder: Coder) -> None:
    text = "Lebanon said it will not accept more Syrian refugees."
    event = _one(coder, text, "REJECT")
    assert _countries(event.source) == ["LBN"] and _countries(event.target) == ["SYR"]
    assert "AID" not in _types(coder, text)


def test_cannot_accept_a_proposal_is_a_refusal(coder: Coder) -> None:
    event = _one(coder, "Britain cannot accept the proposal of the European Commission.", "REJECT")
    assert _countries(event.source) == ["GBR"]


def test_will_not_end_a_strike_is_a_refusal(coder: Coder) -> None:
    _one(coder, "Kenyan nurses said they will not end their strike.", "REJECT")


def test_the_act_in_an_unless_clause_is_a_condition_not_an_act(coder: Coder) -> None:
    text = "Hezbollah will not release the soldiers unless Israel frees the Lebanese detainees."
    assert "REJECT" in _types(coder, text)
    assert "RETREAT" not in _types(coder, text) and "THREATEN" not in _types(coder, text)


# ---------------------------------------------------------------- demands
def test_must_said_of_another_party_is_a_demand(coder: Coder) -> None:
    text = "Russia said Israel must withdraw its troops from Syria."
    event = _one(coder, text, "REQUEST")
    assert _countries(event.source) == ["RUS"] and _countries(event.target) == ["ISR"]
    assert "RETREAT" not in _types(coder, text)  # the act demanded is not done
    assert "REQUEST" not in _types(coder, "We must act now, the French president said.")


def test_called_on_a_leader_to_act_is_an_appeal(coder: Coder) -> None:
    text = "The European Union called on the Serbian president to respect the vote."
    event = _one(coder, text, "REQUEST")
    assert _countries(event.target) == ["SRB"]
    assert "CONCEDE" not in _types(coder, text)  # no elections called


def test_a_statement_speaks_for_its_issuer(coder: Coder) -> None:
    text = "The Kenyan government issued a statement urging Uganda to reopen the border."
    event = _one(coder, text, "REQUEST")
    assert _countries(event.source) == ["KEN"] and _countries(event.target) == ["UGA"]


# ---------------------------------------------------------------- doers said around the act
def test_claimed_responsibility_names_the_attacker(coder: Coder) -> None:
    event = _one(coder, "The Pakistani Taliban claimed responsibility for the bombing.", "ASSAULT")
    assert _countries(event.source) == ["PAK"]


def test_guilty_of_violating_names_the_violator(coder: Coder) -> None:
    event = _one(coder, "Sudanese troops were guilty of violating the ceasefire.", "ASSAULT")
    assert _countries(event.source) == ["SDN"]


def test_blamed_for_an_attack_reports_the_attack_by_the_blamed(coder: Coder) -> None:
    text = "Turkey blamed the Syrian government for the chemical attack."
    assert _countries(_one(coder, text, "ACCUSE").source) == ["TUR"]
    assert _countries(_one(coder, text, "ASSAULT").source) == ["SYR"]


def test_a_rejected_accusation_was_made_against_the_one_rejecting_it(coder: Coder) -> None:
    text = "The Greek government rejected accusations of abuse at the border."
    event = _one(coder, text, "ACCUSE")
    assert event.source == () and _countries(event.target) == ["GRC"]
    assert "REJECT" in _types(coder, text)
    denied = _one(coder, "The Greek minister denied charges that he sold state land.", "ACCUSE")
    assert not denied.negated  # the denial negates the charge's content, not its being made


# ---------------------------------------------------------------- intent and purpose
def test_considering_sending_aid_is_an_intent_to_help(coder: Coder) -> None:
    text = "Japan is considering sending aid to North Korea."
    event = _one(coder, text, "AGREE")
    assert _countries(event.source) == ["JPN"] and _countries(event.target) == ["PRK"]
    assert "AID" not in _types(coder, text)


def test_the_purpose_of_an_act_names_its_recipient(coder: Coder) -> None:
    event = _one(coder, "Japan donated $3 million last year to help Haitian families.", "AID")
    assert _countries(event.target) == ["HTI"]


def test_refugees_taken_in_are_the_recipients(coder: Coder) -> None:
    event = _one(coder, "Canada accepted Syrian refugees.", "AID")
    assert _countries(event.target) == ["SYR"]


def test_an_investigation_into_people_is_aimed_at_them(coder: Coder) -> None:
    text = "Cypriot police opened an investigation into two bank employees."
    assert _countries(_one(coder, text, "ACCUSE").target) == ["CYP"]


def test_a_deployment_on_a_peace_mission_is_aid(coder: Coder) -> None:
    text = "Nigeria sent 200 troops to Liberia on a peacekeeping mission."
    event = _one(coder, text, "AID")
    assert event.cameo == "074"
    assert _countries(event.source) == ["NGA"] and _countries(event.target) == ["LBR"]
    assert "MOBILIZE" not in _types(coder, text)


# ---------------------------------------------------------------- the sentence's news
def test_the_news_is_more_confident_than_its_circumstances(coder: Coder) -> None:
    text = "After Hamas fired rockets at Israel, Egypt closed the Rafah crossing."
    events = _events(coder, text)
    main = max(events, key=lambda e: e.confidence)
    assert main.type == "COERCE", [(e.type, e.confidence) for e in events]
    assert "ASSAULT" in {e.type for e in events}
