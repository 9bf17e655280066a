"""Cooperation words that tell a situation, a topic or a background, not an act
(issue 11, precision; ANNOTATION.md: a situation without an acting actor, background
about what someone is, and a plain statement are no events).

- A force that "is stationed", "are based", "are deployed" (present passive, no doer,
  no destination) is where it stands; "were deployed", "are being sent to the border"
  stay deployments.
- Verbal cooperation told as a standing habit ("has always supported", "has long
  backed") is what the actor is; a material act kept up for long ("has long supplied
  arms") is still an act.
- Cooperation a thing may further or harm ("the visit will boost defence cooperation")
  is no act of the parties; the parties' own "will boost cooperation" stays an intent.
- An act noun in the phrase of an abstract noun ("the importance of cooperation", "the
  need for dialogue") or of a verb of topic ("focused on cooperation between X and Y")
  is a topic.
- An agreement told in a relative clause on a thing ("the deal, which Nepal agreed to in
  2019") is what the thing is, and one cited as a text ("the pullout laid down in the
  accord") is its terms, not an agreement made.

Every sentence is written for the test; the rules alone are checked.
"""

from __future__ import annotations

import pytest
from scoring import types

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("About 5,000 French troops are based in the Sahel.", "MOBILIZE"),
        ("American soldiers are deployed in Poland as part of a NATO mission.", "MOBILIZE"),
        ("Thousands of Nigerian troops are stationed in the northeast of the country.",
         "MOBILIZE"),
        ("Lithuania has always supported Ukraine's bid to join the EU.", "SUPPORT"),
        ("The visit will boost defence cooperation between Greece and Egypt.", "AGREE"),
        ("The new pipeline will deepen energy cooperation between Azerbaijan and Georgia.",
         "AGREE"),
        ("The scandal could damage security cooperation between Canada and India.",
         "COOPERATE"),
        ("Both leaders stressed the importance of cooperation in fighting terrorism.",
         "COOPERATE"),
        ("The forum focused on cooperation between Kenyan and Somali police.", "COOPERATE"),
        ("The deal, which Nepal agreed to in 2019, has never been implemented.", "AGREE"),
        ("The border pullout laid down in the 2018 accord between Ethiopia and Eritrea has "
         "not begun.", "AGREE"),
    ],
)  # fmt: skip
def test_situation_is_no_event(rules: Coder, text: str, absent: str) -> None:
    assert absent not in types(rules, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Two thousand Indian soldiers were deployed to the border on Monday.", "MOBILIZE"),
        ("More Turkish troops are being deployed to northern Iraq.", "MOBILIZE"),
        ("Lithuania supported Ukraine's bid to join the EU on Monday.", "SUPPORT"),
        ("Germany has long supplied arms to Saudi Arabia, but halted exports last year.",
         "AID"),
        ("Uzbekistan's president said he would expand cooperation with Kazakhstan.", "AGREE"),
        ("Iran, which agreed on Tuesday to free the sailors, said they were in good health.",
         "AGREE"),
        ("In a deal reached on Monday between Ethiopia and Eritrea, both sides agreed to a "
         "pullout.", "AGREE"),
    ],
)  # fmt: skip
def test_act_stays(rules: Coder, text: str, present: str) -> None:
    assert present in types(rules, text)
