"""The constructions args11 reads (own-words sentences, one or two per rule), each of
which the rules coded wrong or not at all before:

- a country written as its initials before an event noun does the act ("U.S. sanctions
  on", "UK air strikes"), as its adjective would; not the place of a visit;
- a bare coordinated event noun shares the doer named on the first ("Turkish raids and
  arrests"); not one that opens a phrase of its own ("the arrests of ...");
- an act that moves the doer's own people or goods (a deployment, a delivery, a visit)
  is aimed where they go ("to Haiti"), on the noun, a participle ("deployed by Kenya to
  Somalia") or a promised act ("agreed to send troops to Mali");
- a phrase the parse hangs on the complement naming the doer is the noun's ("the visit
  of the minister to Baghdad", "threats from Pyongyang against Seoul");
- "between A and B" names A first as the one acting on B.
"""

from __future__ import annotations

import pytest
from args11_check import check_doer, check_not_doer

from newsgraph.events.coder import Coder

DOERS = [
    # initials
    ("US sanctions on Venezuelan oil firms cut exports by half.", "sanctions", "USA", "VEN"),
    ("U.K. air strikes on the rebel depots destroyed two warehouses.", "strikes", "GBR", None),
    # a bare coordinated noun
    ("Egyptian raids and arrests in Alexandria targeted bloggers.", "arrests", "EGY", None),
    ("Serbian shelling and blockade of the enclave went on for weeks.", "blockade", "SRB", None),
    # where the doer's own people or goods go
    (
        "Chile's deployment of marines to Haiti was approved by its senate.",
        "deployment",
        "CHL",
        "HTI",
    ),
    ("Police officers deployed by Benin to Haiti arrived on Sunday.", "deployed", "BEN", "HTI"),
    ("Senegal agreed to send soldiers to Gambia.", "agreed", "SEN", "GMB"),
    # a phrase hung on the doer's complement
    ("The visit of the Qatari emir to Tehran was cancelled.", "visit", "QAT", "IRN"),
    # the side named first
    (
        "Fighting between Sudanese and Chadian troops broke out on the border.",
        "fighting",
        "SDN",
        "TCD",
    ),
]

NOT_DOERS = [
    ("President Lula's first US visit was postponed.", "visit", "USA"),
    ("Chinese strikes and the arrests of fishermen raised tension.", "arrests", "CHN"),
]


@pytest.mark.parametrize(("text", "word", "doer", "recipient"), DOERS)
def test_constructions_name_doer_and_recipient(
    rules_alone: Coder, text: str, word: str, doer: str, recipient: str | None
) -> None:
    check_doer(rules_alone, text, word, doer, recipient, strict=True)


@pytest.mark.parametrize(("text", "word", "party"), NOT_DOERS)
def test_constructions_leave_others(rules_alone: Coder, text: str, word: str, party: str) -> None:
    check_not_doer(rules_alone, text, word, party)
