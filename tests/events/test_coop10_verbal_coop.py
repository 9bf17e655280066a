"""Verbal cooperation in own-words sentences (coop10): agreeing or conceding a stated fact
is a statement; dropping one's own policy measure concedes; a joint act's noun as the
subject of a passive names its parties by "between"; a state's envoy travelling to a state
visits it; a past-perfect relative clause and a level of popular support are background;
approving a treaty ratifies it; "keen to", "are due to" and "open to talks" tell an intent; "is not ready" denies it.  Sentences written for the test; rules alone."""

from __future__ import annotations

import pytest
from scoring import affirmed as _coded

from newsgraph.events.coder import Coder


@pytest.fixture(scope="module")
def rules(rules_alone: Coder) -> Coder:
    """The rules alone: neither the head nor the linker (so neither hides the rule)."""
    return rules_alone


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        # dropping one's own measure of policy (CONCEDE 0832)
        (
            "Facing mass protests, the Latvian government dropped the foreign media bill.",
            "CONCEDE",
            "LVA",
        ),
        (
            "The Kenyan government scrapped the planned tax rises after deadly protests.",
            "CONCEDE",
            "KEN",
        ),
        (
            "The Slovenian government abandoned its labour reform after a week of strikes.",
            "CONCEDE",
            "SVN",
        ),
        ("The Malawian government withdrew the proposed land law.", "CONCEDE", "MWI"),
        # the parties of a joint act told by a passive verb
        ("Talks between Ethiopia and Eritrea were held in Pretoria.", "CONSULT", "ERI"),
        ("An agreement between Sudan and South Sudan was reached on Friday.", "AGREE", "SSD"),
        ("A deal between Peru and Bolivia was signed in La Paz.", "SUPPORT", "BOL"),
        # a state's envoy travelling to a state
        ("The Indonesian foreign minister travelled to Canberra for talks.", "CONSULT", "IDN"),
        ("The French president will travel to Algiers next week.", "AGREE", "FRA"),
        ("A UN delegation travelled to Kabul on Sunday.", "CONSULT", "UN"),
        # approving a treaty ratifies it
        (
            "Lebanon's parliament approved a deal to demarcate the sea border with Israel.",
            "SUPPORT",
            "LBN",
        ),
        ("The Kyrgyz parliament approved the border treaty with Tajikistan.", "SUPPORT", "KGZ"),
        # an act one is keen or due to do is an intent (AGREE)
        ("The Nigerian president is keen to visit Ghana.", "AGREE", "NGA"),
        ("Ukrainian and Polish ministers are due to meet in Warsaw on Friday.", "AGREE", "UKR"),
        # open to talks: an intent to meet (AGREE)
        (
            "The Taliban said they were open to negotiations with the Tajik opposition.",
            "AGREE",
            "AFG",
        ),
        (
            "Bolivia is open to a prisoner swap with Peru, its foreign minister said.",
            "AGREE",
            "BOL",
        ),
        # kept: an agreement on what will be done, a yielding to demands, a stated backing
        ("Iran and Iraq agreed that the border crossing would reopen on Monday.", "AGREE", "IRQ"),
        ("Serbia conceded to Kosovo's demands.", "CONCEDE", "SRB"),
        ("Egypt expressed support for the Sudanese army.", "SUPPORT", "EGY"),
    ],
)
def test_coded(rules: Coder, text: str, type_: str, actor: str) -> None:
    assert any(t == type_ and actor in doers for t, doers in _coded(rules, text)), text


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a fact or a view granted (a statement, not an agreement or a concession)
        ("The minister conceded that unemployment had risen.", "CONCEDE"),
        ("Prices of rice rose after the floods, traders agreed.", "AGREE"),
        ("Most voters agree that corruption is the biggest problem facing Nigeria.", "AGREE"),
        # a journey that is no state visit
        ("Thousands of Syrian refugees travelled to Germany last year.", "CONSULT"),
        # background: what a place once hosted
        ("Rebel fighters seized the town, which had hosted peace talks in 2019.", "CONSULT"),
        # a level of popular support
        (
            "The government's support among young voters has fallen sharply, a poll showed.",
            "SUPPORT",
        ),
        ("Support for the ruling party dropped to 30 percent.", "SUPPORT"),
    ],
)
def test_not_coded(rules: Coder, text: str, type_: str) -> None:
    assert all(t != type_ for t, _ in _coded(rules, text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Iran is not ready for talks with the United States.",
        "The Serbian government said it was not open to talks with the Kosovo leadership.",
        "Eritrea said it was not willing to negotiate with Ethiopia.",
    ],
)
def test_denied_readiness(rules: Coder, text: str) -> None:
    """A readiness denied by the copula's "not" is a negated AGREE, not a live one."""
    events = [e for e in rules.code(text).events if e.type == "AGREE"]
    assert events and all(e.negated for e in events), text


@pytest.mark.parametrize(
    "text",
    ["The border crossing was open to trucks on Monday.", "The museum is open to the public."],
)
def test_open_places(rules: Coder, text: str) -> None:
    """Open to people or vehicles is not an intent to meet."""
    assert all(e.type != "AGREE" for e in rules.code(text).events), text
