"""Parties the clause rules read from another clause or from a "from" phrase (issue 11,
link8): the party put out of a state or body by an agentless passive of removal ("were
expelled from Algeria"); the party whose proposal an answer refers to with "it" or
through a relative clause ("proposed a truce, but the rebels rejected it", "a resolution
that the envoy rejected").

Sentences written for these tests; the rules alone (no head, no linker) are tested."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules_only(coder: Coder) -> Coder:
    return Coder(resolver=coder.resolver, head=False, linker=False)


def _parties(coder: Coder, text: str, type_: str) -> list[tuple[set[str], set[str]]]:
    return [
        ({a.country or a.org or a.code or "" for a in e.source},
         {a.country or a.org or a.code or "" for a in e.target})
        for e in coder.code(text).events
        if e.type == type_
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        ("Two French journalists were expelled from Algeria last week.", "COERCE", "DZA", "FRA"),
        ("Three Russian diplomats have been expelled from Estonia.", "SANCTION", "EST", "RUS"),
        ("Syria was expelled from the Arab League in 2011.", "SANCTION", "ARL", "SYR"),
        ("The fugitive banker was extradited from Spain on Monday.", "COOPERATE", "ESP", None),
    ],
)  # fmt: skip
def test_removed_from_a_party(
    rules_only: Coder, text: str, type_: str, actor: str, recipient: str | None
) -> None:
    got = _parties(rules_only, text, type_)
    assert any(actor in s and (recipient is None or recipient in t) for s, t in got), got


def test_the_agent_still_removes(rules_only: Coder) -> None:
    got = _parties(rules_only, "Two Iranian diplomats were expelled from Berlin by Germany.",
                   "SANCTION")  # fmt: skip
    assert got and all(s == {"DEU"} for s, _ in got), got


def test_the_people_removed_are_not_their_own_remover(rules_only: Coder) -> None:
    got = _parties(rules_only, "Four British journalists were expelled on Friday.", "COERCE")
    assert got and not any("GBR" in s for s, _ in got), got


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        ("Saudi Arabia proposed a truce, but the Houthi rebels rejected it.", "REJECT", "YEM",
         "SAU"),
        ("Russia offered a deal, and Ukraine turned it down.", "REJECT", "UKR", "RUS"),
        ("Germany tabled a draft resolution on Monday and China criticised it.", "ACCUSE", "CHN",
         "DEU"),
        ("Japan unveiled new curbs on exports, and South Korea condemned them.", "ACCUSE", "KOR",
         "JPN"),
        ("The General Assembly condemned the abuses in a resolution that the Syrian envoy "
         "rejected.", "REJECT", "SYR", "UNGA"),
        ("The proposal that Iran rejected was drafted by France.", "REJECT", "IRN", "FRA"),
    ],
)  # fmt: skip
def test_the_answer_goes_to_who_put_it_forward(
    rules_only: Coder, text: str, type_: str, actor: str, recipient: str
) -> None:
    got = _parties(rules_only, text, type_)
    assert any(actor in s and recipient in t for s, t in got), got


def test_an_answer_with_an_object_of_its_own(rules_only: Coder) -> None:
    got = _parties(rules_only, "Russia offered a deal, and Ukraine rejected the Polish plan.",
                   "REJECT")  # fmt: skip
    assert got and not any("RUS" in t for _, t in got), got


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Japan will not lift the embargo on the firm until Iran pays its debts.", "JPN", "IRN"),
        ("Ghana refused to release the fishermen until Togo apologised.", "GHA", "TGO"),
        ("Kenya declined to sign the accord until Somalia withdrew its troops.", "KEN", "SOM"),
        ("Egypt will not reopen the crossing until Hamas hands over the prisoners.", "EGY",
         "PSE"),
    ],
)  # fmt: skip
def test_a_refusal_goes_to_the_party_it_waits_on(
    rules_only: Coder, text: str, actor: str, recipient: str
) -> None:
    got = _parties(rules_only, text, "REJECT")
    assert any(actor in s and any(recipient in p for p in t) for s, t in got), got


def test_an_act_that_lasts_until_another_is_no_refusal(rules_only: Coder) -> None:
    text = "Somali troops shelled the town until Kenya withdrew its forces."
    got = [t for type_ in ("ASSAULT", "REJECT") for _, t in _parties(rules_only, text, type_)]
    assert not any("KEN" in t for t in got), got


@pytest.mark.parametrize(
    ("text", "type_", "actors"),
    [
        ("Several European countries, including France and Italy, condemned the attack.",
         "ACCUSE", {"FRA", "ITA"}),
        ("The bloc's largest members, including Germany and Spain, agreed to share data.",
         "AGREE", {"DEU", "ESP"}),
        ("Western powers, including Britain, criticised Iran.", "ACCUSE", {"GBR"}),
        ("Five Gulf states such as Qatar and Oman signed the pact.", "SUPPORT", {"QAT", "OMN"}),
    ],
)  # fmt: skip
def test_the_parties_a_subject_includes_act(
    rules_only: Coder, text: str, type_: str, actors: set[str]
) -> None:
    got = _parties(rules_only, text, type_)
    assert any(actors <= s for s, _ in got), got


@pytest.mark.parametrize(
    ("text", "type_", "recipient"),
    [
        ("A roadside blast hit a truck belonging to the UN mission near Kidal.", "ASSAULT",
         "UN"),
        ("Rebels seized a ship belonging to Iran.", "COERCE", "IRN"),
        ("Somali gunmen torched three buses belonging to a Kenyan company.", "ASSAULT", "KEN"),
        ("Serbian protesters attacked cars belonging to the EU mission.", "ASSAULT", "EU"),
    ],
)  # fmt: skip
def test_what_is_done_to_a_thing_is_done_to_its_owner(
    rules_only: Coder, text: str, type_: str, recipient: str
) -> None:
    got = _parties(rules_only, text, type_)
    assert any(recipient in t for _, t in got), got


def test_a_named_party_before_the_owner_of_a_thing(rules_only: Coder) -> None:
    text = "Rebels attacked Malian soldiers escorting a convoy belonging to the UN."
    got = _parties(rules_only, text, "ASSAULT")
    assert got and all("MLI" in t and "UN" not in t for _, t in got), got


@pytest.mark.parametrize(
    ("text", "type_", "recipient"),
    [
        ("USAID had announced a freeze of aid to Yemen.", "SANCTION", "YEM"),
        ("USAID had pledged food aid to Malawi.", "AGREE", "MWI"),
        ("USAID has suspended aid to Niger.", "SANCTION", "NER"),
        ("USAID will provide food aid to Somalia.", "AGREE", "SOM"),
    ],
)  # fmt: skip
def test_a_subject_read_as_a_modifier_before_an_auxiliary(
    rules_only: Coder, text: str, type_: str, recipient: str
) -> None:
    got = _parties(rules_only, text, type_)
    assert any("USA" in s and recipient in t for s, t in got), got


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Many Rohingya families sought refuge in Bangladesh this year.", "MMR", "BGD"),
        ("Hundreds of Afghans sought asylum in Germany last year.", "AFG", "DEU"),
        ("Dozens of Myanmar soldiers fled and sought refuge in India's state of Mizoram.",
         "MMR", "IND"),
    ],
)  # fmt: skip
def test_refuge_is_asked_of_the_country_it_is_sought_in(
    rules_only: Coder, text: str, actor: str, recipient: str
) -> None:
    got = _parties(rules_only, text, "REQUEST")
    assert any(actor in s and recipient in t for s, t in got), got


def test_a_refuge_of_no_country(rules_only: Coder) -> None:
    got = _parties(rules_only, "Villagers sought shelter in nearby caves.", "REQUEST")
    assert all(not t for _, t in got), got


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        ("The UN set a deadline for Iran to respond to the offer.", "THREATEN", "UN", "IRN"),
        ("Japan renewed its appeal for China to release the fishermen.", "REQUEST", "JPN", "CHN"),
        ("Brazil issued a call for Venezuela to hold new elections.", "REQUEST", "BRA", "VEN"),
    ],
)  # fmt: skip
def test_the_subject_of_a_for_to_clause_on_an_event_noun(
    rules_only: Coder, text: str, type_: str, actor: str, recipient: str
) -> None:
    got = _parties(rules_only, text, type_)
    assert any(actor in s and recipient in t for s, t in got), got


@pytest.mark.parametrize(
    ("text", "type_", "actor", "recipient"),
    [
        ("Moscow said it was expelling envoys from Latvia, Estonia and Lithuania.",
         "SANCTION", "RUS", "LVA"),
        ("China announced that it had expelled two reporters from Australia.", "COERCE", "CHN",
         "AUS"),
        ("Venezuela expelled officials from Colombia after the border clash.", "SANCTION", "VEN",
         "COL"),
    ],
)  # fmt: skip
def test_the_people_removed_are_of_the_party_they_are_sent_back_to(
    rules_only: Coder, text: str, type_: str, actor: str, recipient: str
) -> None:
    got = _parties(rules_only, text, type_)
    assert any(actor in s and recipient in t for s, t in got), got
