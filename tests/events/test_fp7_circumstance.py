"""Events coded where the sentence reports none (issue 11): an event noun that names the
time or the topic of the news is not an act of its own.  Every sentence is written for
the test; the rules alone (no learned head) are checked.

- The object of a preposition of time ("during the visit", "following his visit",
  "ahead of the talks", "after their nuclear tests").
- The object of a noun that takes a topic ("a precondition for talks", "a ban on the
  deployment of workers", "the danger of attacks", "an agreement on cooperation").
- Unless the noun names parties of its own: a possessor that is not a pronoun, or a
  "by", "from", "between" or "to" phrase ("after Russia's invasion", "following an
  invitation from Nigeria", "during a visit to Ramallah").
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Following his visit, the Turkish president will meet the Italian prime minister in "
         "Rome.", "CONSULT"),
        ("During a closed-door meeting, French diplomats called for a ceasefire in Yemen.",
         "CONSULT"),
        ("Ahead of the talks, Russian diplomats criticised the American sanctions.", "CONSULT"),
        ("Japan partly lifted the sanctions it imposed on Pakistan after their nuclear tests.",
         "MOBILIZE"),
    ],
)  # fmt: skip
def test_event_noun_naming_the_time(rules: Coder, text: str, absent: str) -> None:
    assert absent not in types(rules, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Kurdish leaders rejected the demand as a precondition for talks to end the dispute.",
         "CONSULT"),
        ("The government will not lift the ban as a precondition for starting negotiations.",
         "CONSULT"),
        ("Manila kept its ban on the deployment of workers to Kuwait.", "MOBILIZE"),
        ("The United States reinforced its fleet in the Gulf, citing the danger of Iranian "
         "attacks.",
         "ASSAULT"),
        ("Japan and Vietnam signed an agreement on economic cooperation.", "COOPERATE"),
    ],
)  # fmt: skip
def test_event_noun_naming_the_topic(rules: Coder, text: str, absent: str) -> None:
    assert absent not in types(rules, text)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Modi pledged support to the Palestinians during a visit to Ramallah.", "CONSULT"),
        ("Police imposed a curfew in the city after clashes between Armenian and Azerbaijani "
         "troops.", "ASSAULT"),
        ("The American army trained Nigerian troops following an invitation from the Nigerian "
         "government.", "REQUEST"),
    ],
)  # fmt: skip
def test_event_noun_with_parties_of_its_own(rules: Coder, text: str, wanted: str) -> None:
    assert wanted in types(rules, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a participle that only describes a place: who holds it, not what happened
        ("Syrian troops shelled a village near the Israeli-occupied Golan Heights.", "COERCE"),
        # "meet" a target or a deadline is to satisfy it, not to meet someone
        ("The Greek government said it would meet its budget targets this year.", "AGREE"),
        # talks that are only the topic of an opinion
        ("The Iranian leader expressed pessimism over holding negotiations with the United "
         "States.", "CONSULT"),
        ("Iran's leader expressed pessimism about talks with the United States.", "CONSULT"),
    ],
)  # fmt: skip
def test_no_act_of_its_own(rules: Coder, text: str, absent: str) -> None:
    assert absent not in types(rules, text)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Russia occupied Crimea in 2014.", "COERCE"),
        ("The Greek prime minister met the Turkish president on Monday.", "CONSULT"),
    ],
)
def test_the_acts_themselves_stay(rules: Coder, text: str, wanted: str) -> None:
    assert wanted in types(rules, text)


def test_a_labour_strike_is_no_attack(rules: Coder) -> None:
    # a bare "strike" is an attack only when it is aimed at someone ("a strike on ...")
    text = "Kenyan nurses walked off the job, with the strike set to last a week."
    assert "ASSAULT" not in types(rules, text)
    assert "ASSAULT" in types(rules, "Israel's strike on Iran damaged a base.")


def test_a_welcomed_invitation_is_the_answer_s_topic(rules: Coder) -> None:
    # welcoming a proposal answers it, as accepting or rejecting it does: the answer is news
    text = "The German chancellor welcomed the American president's invitation to the Russian "
    found = types(rules, text + "president.")
    assert "SUPPORT" in found
    assert "REQUEST" not in found


def test_every_conjunct_of_a_condition_is_a_condition(rules: Coder) -> None:
    text = ("Indian taxi unions will not end their strike until the fares are raised and the "
            "foreign apps are banned by the government.")  # fmt: skip
    assert "COERCE" not in types(rules, text)


def test_concern_about_a_state_of_affairs_is_a_statement(rules: Coder) -> None:
    # worry about risks, an impact or a situation names no act to object to
    text = "The French minister expressed deep concern about the risks to the situation in Yemen."
    assert "ACCUSE" not in types(rules, text)
    text = "The UN envoy expressed concern about the use of force by Israeli police."
    assert "ACCUSE" in types(rules, text)


def test_would_without_a_condition_announces_an_intent(rules: Coder) -> None:
    # ANNOTATION.md: an intent to meet or cooperate is AGREE; "would" in a sentence with
    # no condition is the future of the past
    found = types(rules, "The European Union would hold talks with the Palestinian president "
                         "next month.")  # fmt: skip
    assert "AGREE" in found
    assert "CONSULT" not in found
    conditional = "The European Union would hold talks with the Palestinian president if Hamas "
    assert "AGREE" not in types(rules, conditional + "disarmed.")


def test_a_release_of_money_is_aid(rules: Coder) -> None:
    # as the verb's entry has it ("released $1 billion to Pakistan"): money let go is given
    found = types(rules, "Washington authorized the release of $1.2 billion in military "
                         "assistance to Egypt.")  # fmt: skip
    assert "AID" in found
    assert "RETREAT" not in found
    assert "RETREAT" in types(rules, "Iran's release of two French citizens was welcomed.")


def test_coordinated_verbs_share_their_auxiliary(rules: Coder) -> None:
    # "would give ... and provide ...": both are announced, both an intent to aid (AGREE)
    found = types(rules, "South Africa said it would give Nigeria technical assistance and "
                         "provide spare parts for its navy.")  # fmt: skip
    assert found == {"AGREE"}
