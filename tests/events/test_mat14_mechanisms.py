"""mat14: the mechanisms behind the material-act changes, on own sentences.  Rules alone.

- people handed back or repatriated, with no party they go to named, are the party the
  release is aimed at ("handed back 90 Ukrainian prisoners": UKR), as with "released";
- an aid act whose recipient is told only in its purpose ("shipped buses that serve
  Bolivian schools", "to help Haitian families") is aimed at the party the purpose helps;
- people given help are read by their kind, not by a list of nouns ("rescued eleven divers");
- what is delivered or provided in words is no aid ("delivered a eulogy", "provided an
  explanation"), "first aid" is care, not an aid event, a confession released is no
  release of a person, and leaving a market traded in is no retreat;
- aid told by its vehicle ("relief flights"), paid for ("footed the bill", "chipped in"),
  a curfew called off, and training alongside another force."""

from __future__ import annotations

import pytest
from scoring import affirmed, country

from newsgraph.events.coder import Coder


def _targets(coder: Coder, text: str, type_: str) -> set[str | None]:
    return {country(a) for e in coder.code(text).events if e.type == type_ and not e.negated
            for a in e.target}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Finland shipped forty buses that serve Bolivian schools in the highlands.", "BOL"),
        ("Canada gave ten million dollars to help Haitian families rebuild their homes.", "HTI"),
        ("Austria donated 40 tents to help Afghan families who lost their homes.", "AFG"),
    ],
)
def test_recipient_from_purpose(rules_alone: Coder, text: str, recipient: str) -> None:
    assert recipient in _targets(rules_alone, text, "AID"), text


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("The Maltese navy rescued eleven Libyan divers off the coast.", "AID", "MLT"),
        (
            "Spanish soldiers evacuated forty Ecuadorian nurses from the besieged town.",
            "AID",
            "ESP",
        ),
        ("Irish relief flights reached the stricken island on Monday.", "AID", "IRL"),
        ("Kuwait footed the bill for the rebuilding of the Mosul hospital.", "AID", "KWT"),
        ("Norway chipped in $5 million towards the Somali famine response.", "AID", "NOR"),
        ("The Peruvian authorities called off the curfew in Lima.", "RETREAT", "PER"),
        ("The Estonian army trained with the Finnish army last month.", "COOPERATE", "EST"),
        ("The World Bank disbursed the second tranche to Zambia.", "AID", None),
    ],
)
def test_coded(rules_alone: Coder, text: str, type_: str, actor: str | None) -> None:
    found = affirmed(rules_alone, text)
    assert any(t == type_ and (actor is None or actor in doers) for t, doers in found), found


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The mayor delivered a eulogy at the firefighter's funeral.", "AID"),
        ("The sheriff provided an explanation for the delay.", "AID"),
        ("Paramedics gave the injured cyclist first aid at the scene.", "AID"),
        ("Prosecutors released the suspect's confession on Monday.", "RETREAT"),
        ("The hospital said the singer was being treated for exhaustion.", "AID"),
        ("Everyone chipped in for the office party.", "AID"),
        ("Apple pulled the app from its store.", "RETREAT"),
        ("Pension funds withdrew from emerging markets in March.", "RETREAT"),
    ],
)
def test_not_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ not in {t for t, _ in affirmed(rules_alone, text)}, affirmed(rules_alone, text)


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Baku handed back fourteen Armenian prisoners of war on Tuesday.", "ARM"),
        ("Kyiv repatriated Belarusian prisoners of war last week.", "BLR"),
    ],
)
def test_freed_people_are_the_recipient(rules_alone: Coder, text: str, recipient: str) -> None:
    assert recipient in _targets(rules_alone, text, "RETREAT"), text
