"""jus13 probe (written before the change): domestic justice and accidents, in my own
words.  Charges, indictments, accusations (also in a reduced or full relative clause on the
accused), police inquiries and trials are ACCUSE; custody, detention, traffic stops COERCE;
convictions and sentences (prison terms, fines by a court) SANCTION (ANNOTATION.md,
tests/data/ECB_EVENTS.md).  Near misses: accidents (vehicles, crashes, mishaps) are no
ASSAULT unless the sentence says the harm was meant, and other senses of the justice words.

Rules alone: before the change 11/31 coded and 13/18 near misses kept; after it 22/31 and
16/18.  Session 13 (jus13b), with the undergone acts and the charges told in a clause
removed: main 12/31 and 13/18, jus13b 16/31 and 16/18.  ``CODE``: the type must be coded.  ``NOT``: the type must not be coded.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import types

from newsgraph.events.coder import Coder

# the acts undergone ("in custody", "on trial", "faces charges") and the charges told in a
# clause on the accused were removed in session 13 (their scope was chosen with the
# held-out gate): those cases are expected to fail
REMOVED = "removed in session 13: its scope was chosen with the held-out gate"

CODE: list[Any] = [
    # charges, indictments (ACCUSE)
    # coded since act13 (sentences with no resolved actor)
    ("A Houston man was charged with arson on Monday.", "ACCUSE"),
    ("Two Brazilian officials were charged with taking bribes in Recife.", "ACCUSE"),
    ("The Spanish nurse has been charged over the deaths of three patients.", "ACCUSE"),
    ("Ohio prosecutors charged the coach with assault.", "ACCUSE"),
    pytest.param(
        "The Nigerian senator faces charges of money laundering.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "The Canadian trucker will face charges of dangerous driving, police said.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    ("A Polish border guard was indicted for smuggling cigarettes.", "ACCUSE"),
    pytest.param(
        "A grand jury in Atlanta indicted the Georgia sheriff.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason="grand jury: no doer the resolver knows"),
    ),
    pytest.param(
        "The Mexican pilot accused of smuggling cocaine was extradited to Texas.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "A Belgian teenager accused of planning an attack on a Brussels synagogue appeared in court.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "The Italian banker, who is accused of fraud, denied wrongdoing.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "An Irish priest accused in the abuse of two boys was suspended.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    ("Kenyan police are investigating the death of a student in Kisumu.", "ACCUSE"),
    pytest.param(
        "The shooting in Denver is under investigation, Colorado police said.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    ("Swedish prosecutors opened an inquiry into the stabbing in Malmo.", "ACCUSE"),
    ("The trial of the former Peruvian president began in Lima on Monday.", "ACCUSE"),
    # the undergone state was removed; the kept trial-of-people entry codes it
    ("A Dutch man went on trial in Rotterdam for the killing of his neighbour.", "ACCUSE"),
    pytest.param(
        "Prosecutors in Arizona allege the Phoenix councilman took kickbacks.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason="the parse hangs allege on took"),
    ),
    # custody, detention (COERCE)
    pytest.param(
        "The Chicago man is in custody, Illinois police said.",
        "COERCE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "The French suspect was taken into custody in Marseille.",
        "COERCE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    ("The Australian fugitive is being held without bail in a Perth jail.", "COERCE"),
    ("The Florida teenager was jailed pending trial.", "COERCE"),
    pytest.param(
        "A Scottish woman was remanded in custody in Glasgow.",
        "COERCE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "Texas troopers pulled over the Dallas rapper on the interstate.",
        "COERCE",
        marks=pytest.mark.xfail(reason="rapper: no person the matcher knows"),
    ),
    ("Oregon deputies detained two Portland activists overnight.", "COERCE"),
    # convictions, sentences (SANCTION)
    pytest.param(
        "A Boston jury found the Massachusetts nurse guilty of manslaughter.",
        "SANCTION",
        marks=pytest.mark.xfail(reason="jury and nurse: no party the resolver knows"),
    ),
    ("The Russian blogger was sentenced to seven years in a penal colony.", "SANCTION"),
    ("A Seoul court jailed the South Korean tycoon for four years.", "SANCTION"),
    ("The former Israeli minister was convicted of bribery on Tuesday.", "SANCTION"),
    pytest.param(
        "A judge in Nairobi fined the Kenyan company for polluting the river.",
        "SANCTION",
        marks=pytest.mark.xfail(reason="a court's fine stays COERCE 172 (the conf11 probe)"),
    ),
    # deliberate use of a vehicle (ASSAULT)
    ("A Swedish man rammed his truck into a crowd in Stockholm.", "ASSAULT"),
]
NOT: list[Any] = [
    # accidents: no deliberate act
    ("A car hit a pedestrian in Houston on Friday, Texas police said.", "ASSAULT"),
    ("A Greyhound bus collided with a truck in Ontario, killing four Canadians.", "ASSAULT"),
    ("An Indonesian passenger jet crashed near Jakarta, killing 60.", "ASSAULT"),
    ("A mine collapse in Shanxi killed 23 Chinese miners.", "ASSAULT"),
    ("A Lisbon driver struck a cyclist on Tuesday and fled.", "ASSAULT"),
    ("The Kansas motorist hit two parked cars before police stopped him.", "ASSAULT"),
    pytest.param(
        "A blast at a chemical plant in Gujarat killed nine Indian workers.",
        "ASSAULT",
        marks=pytest.mark.xfail(reason="a blast may be a bomb: left as it is"),
    ),
    ("A train derailed in Bihar, injuring 40 Indian passengers.", "ASSAULT"),
    ("The boat capsized off the Libyan coast, drowning dozens of Syrians.", "ASSAULT"),
    ("A Toyota pickup struck a Mexican worker on the highway near Puebla.", "ASSAULT"),
    ("The Dutch cyclist was hit by a van in Utrecht.", "ASSAULT"),
    ("A fire destroyed a warehouse in Marseille overnight.", "ASSAULT"),
    # other senses of the justice words
    ("The French minister is in charge of the police in Paris.", "ACCUSE"),
    ("Tesla will charge Norwegian drivers more for its chargers.", "ACCUSE"),
    ("The British mother won custody of her two children in a London court.", "COERCE"),
    ("The Japanese firm began a trial of its new vaccine in Osaka.", "ACCUSE"),
    ("Ghana held talks with Togo on the border.", "COERCE"),
    pytest.param(
        "The Brazilian striker struck a late goal in Rio.",
        "ASSAULT",
        marks=pytest.mark.xfail(reason="the sports sense of strike: another class"),
    ),
]


@pytest.mark.parametrize(("text", "type_"), CODE)
def test_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in types(rules_alone, text)


@pytest.mark.parametrize(("text", "type_"), NOT)
def test_not_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ not in types(rules_alone, text)
