"""Fresh probe for noent11 (own words, written after the new entries and not used to tune them):
the new words in other constructions (passive, relative clause, noun, perfect) and near misses
in their other senses.  Rules alone.  A leader described in a relative clause as championing a
cause is background, not a SUPPORT event (ANNOTATION.md)."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text).events if not e.negated}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Zambia's creditors undertook to cut the interest on its bonds.", "AGREE"),
        (
            "Ghana's president dined with the Nigerian vice president on the sidelines of the summit.",
            "CONSULT",
        ),
        (
            "The Dutch defence minister was briefed by his Latvian counterpart on the drone incursions.",
            "CONSULT",
        ),
        (
            "King Abdullah granted an audience to the Palestinian prime minister in Amman.",
            "CONSULT",
        ),
        (
            "The South African foreign minister paid homage to the victims of the Rwandan genocide in Kigali.",
            "SUPPORT",
        ),
        ("Azerbaijan and Tajikistan reconciled with each other after the border row.", "SUPPORT"),
        ("Hungary embraced the Chinese peace plan for Ukraine.", "SUPPORT"),
        (
            "Thousands of Sudanese refugees were immunised against cholera by the World Health Organization.",
            "AID",
        ),
        (
            "The Bahraini activist was paroled by the authorities after ten years in prison.",
            "RETREAT",
        ),
        (
            "Dismissed Kurdish teachers were reinstated by the Turkish education ministry.",
            "CONCEDE",
        ),
        ("Oman coaxed the Houthis and the Saudis back to the negotiating table.", "REQUEST"),
        ("The Hungarian prime minister was heckled by opposition lawmakers in Brussels.", "ACCUSE"),
        (
            "The Brazilian central bank governor was grilled by senators over interest rates.",
            "ACCUSE",
        ),
        ("The Nigerian senate subpoenaed the head of the national oil company.", "ACCUSE"),
        ("Slovakia's new government disowned the arms pledge made to Kyiv.", "REJECT"),
        ("Chad's rebels renounced the peace agreement signed in Doha.", "REJECT"),
        ("The plan for a Cyprus settlement was scuttled by the Turkish Cypriot leader.", "REJECT"),
        ("Pakistani lawyers held a sit-in outside the supreme court in Islamabad.", "PROTEST"),
        ("Effigies of the Israeli prime minister were burned by protesters in Amman.", "PROTEST"),
        ("The Malian junta annulled the defence treaties with France.", "SANCTION"),
        ("The United Nations monitors were ejected from Myanmar by the generals.", "SANCTION"),
        ("Japan is rearming in the face of Chinese pressure.", "MOBILIZE"),
        (
            "An American destroyer was shadowed by Iranian fast boats in the Strait of Hormuz.",
            "MOBILIZE",
        ),
        ("The Eritrean regime has gagged the country's press for two decades.", "COERCE"),
        ("Uzbek police launched a manhunt for the escaped opposition leader.", "COERCE"),
        (
            "Thai riot police tear-gassed the student demonstrators near the royal palace.",
            "ASSAULT",
        ),
        ("Gunmen snatched a Catholic priest from his parish in Enugu.", "ASSAULT"),
        ("Far-right activists defaced the mosque in Tours with Nazi graffiti.", "ASSAULT"),
        ("Protesters in Dhaka were baton-charged by the police.", "ASSAULT"),
    ],
)
def test_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in _types(rules_alone, text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "The Chilean president, who has long championed Palestinian statehood, visited Ramallah.",
            "SUPPORT",
        ),
        ("The actress dined with friends in Cannes.", "CONSULT"),
        ("The audience booed the referee at the end of the match.", "CONSULT"),
        ("The coach briefed the players before the final.", "CONSULT"),
        ("The director has championed young actors for decades.", "SUPPORT"),
        ("Engineers scuttled the sunken ferry to clear the harbour.", "REJECT"),
        ("The singer disowned her early albums.", "REJECT"),
        ("The shop stockpiled flour before the holidays.", "MOBILIZE"),
        ("Doctors quarantined the sick patient in a separate ward.", "COERCE"),
        ("The film gagged audiences with its violent scenes.", "COERCE"),
        ("The goalkeeper snatched the ball from the striker's feet.", "ASSAULT"),
        ("The company charged customers for the new service.", "ASSAULT"),
        ("The fighter pilot ejected safely over the sea.", "SANCTION"),
        ("The firm undertook a survey of the Arctic seabed.", "AGREE"),
    ],
)
def test_near_miss_not_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ not in _types(rules_alone, text)
