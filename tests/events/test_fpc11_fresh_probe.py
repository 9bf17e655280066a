"""Second, fresh probe for fpc11 (written after the changes, not used to tune them):
verbal cooperation that reports an act, and near misses where a cooperation word only
refers, describes, or names a courtesy or a body's own business.  Rules alone.  Own
sentences, not taken from any data set."""

from __future__ import annotations

import pytest
from scoring import affirmed

from newsgraph.events.coder import Coder

# (sentence, type that must be coded, a country or body among its actors)
MUST_CODE: list[tuple[str, str, str]] = [
    ("The Zambian president met his Malawian counterpart in Lusaka on Saturday.", "CONSULT",
     "ZMB"),
    ("Officials from Armenia and Azerbaijan met in Brussels to discuss the border.",
     "CONSULT", "ARM"),
    ("The Saudi foreign minister visited Damascus for the first time in a decade.",
     "CONSULT", "SAU"),
    ("The Emirati president received the Israeli prime minister in Abu Dhabi.", "CONSULT",
     "ARE"),
    ("Senegal hosted peace talks between the Gambian government and the opposition.",
     "CONSULT", "SEN"),
    ("The Austrian chancellor spoke by phone with the Serbian president on Thursday.",
     "CONSULT", "AUT"),
    ("The Algerian and Tunisian presidents will meet in Tunis next month.", "AGREE", "DZA"),
    ("The Lebanese prime minister will travel to Paris for talks on Monday.", "AGREE",
     "LBN"),
    ("Ecuador and Peru agreed to reopen their land border.", "AGREE", "ECU"),
    ("Japan promised to double its aid to Pacific island states.", "AGREE", "JPN"),
    ("Portugal signed a defence cooperation accord with Angola.", "SUPPORT", "PRT"),
    ("The Chilean government welcomed the release of the detained journalists by Bolivia.",
     "SUPPORT", "CHL"),
    ("The Arab League endorsed the Egyptian plan for the reconstruction of Gaza.",
     "SUPPORT", "ARL"),
    ("Finland praised Estonia for its handling of the cable sabotage inquiry.", "SUPPORT",
     "FIN"),
    ("Belgium and the Netherlands agreed to cooperate in fighting drug smuggling at their "
     "ports.", "AGREE", "BEL"),
    ("The Ugandan army and the Congolese army conducted joint operations against the ADF.",
     "COOPERATE", "UGA"),
    ("The Omani sultan hosted the Iranian president for talks in Muscat.", "CONSULT", "OMN"),
]  # fmt: skip

# sentences where no event must be coded at all
NEAR_MISSES: list = [
    "Speaking at a forum in Davos, the Irish premier said growth would slow.",
    "The Croatian cabinet met on Thursday to approve the spring budget.",
    "The national executive of the Labour party meets in London on Wednesday.",
    "Crowds of tourists visited the Taj Mahal during the festival.",
    "Schoolchildren from Latvia toured the European parliament on Friday.",
    pytest.param(
        "The meeting of Nordic environment ministers focuses on plastic waste.",
        marks=pytest.mark.xfail(strict=True, reason="open: a meeting as a topic"),
    ),
    "The Estonian finance minister agreed that the budget deficit was too high.",
    "Cooperation between the two ports has been smooth, the harbour master said.",
    "Support for the Slovenian prime minister dropped to 31 percent in June.",
    "The airline's customer support line in Athens stayed closed on Sunday.",
    "The governor of Bavaria welcomed visitors at the opening of the beer festival.",
    "The Moroccan prime minister's meeting with journalists lasted an hour.",
    "The visiting Kenyan minister said the drought had hit northern farmers hardest.",
    "Fishermen from Senegal attended a training course in Dakar.",
    "Analysts expect the two presidents to meet before the end of the year.",
    "The Ghanaian senate met for its last sitting before the recess.",
]


@pytest.mark.parametrize(("text", "type_", "actor"), MUST_CODE)
def test_must_code(rules_alone: Coder, text: str, type_: str, actor: str) -> None:
    found = affirmed(rules_alone, text)
    assert any(t == type_ and actor in who for t, who in found), found


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss(rules_alone: Coder, text: str) -> None:
    assert affirmed(rules_alone, text) == [], affirmed(rules_alone, text)
