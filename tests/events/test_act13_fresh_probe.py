"""act13 fresh probe (written after the change, not used to tune it): own sentences that
name no actor the resolver knows.  Rules alone: before the change 4/16 coded and 12/12
near misses kept, after it 13/16 and 10/12.

``CODE``: the type must be coded.  ``NOT``: the type must not be coded.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import types

from newsgraph.events.coder import Coder

CODE: list[Any] = [
    pytest.param(
        "A roadside bomb tore through a minibus near the river crossing on Sunday.",
        "ASSAULT",
        marks=pytest.mark.xfail(reason="'tear through' is no trigger (lexicon)"),
    ),
    ("Two nurses were abducted from the clinic at gunpoint.", "ASSAULT"),
    ("The mosque was torched hours after the vote.", "ASSAULT"),
    pytest.param(
        "An elderly shopkeeper was beaten to death during the robbery.",
        "ASSAULT",
        marks=pytest.mark.xfail(reason="'beaten to death': the entry refuses it (lexicon)"),
    ),
    ("Petrol bombs were hurled at the courthouse overnight.", "ASSAULT"),
    ("The teenager was detained at the airport on his return.", "COERCE"),
    ("Seven men were arrested after the brawl outside the stadium.", "COERCE"),
    pytest.param(
        "He remains jailed pending trial.",
        "COERCE",
        marks=pytest.mark.xfail(reason="jail's entry wants a term (a sentence, SANCTION)"),
    ),
    ("The 52-year-old was charged with manslaughter on Tuesday.", "ACCUSE"),
    ("The landlord faces charges of fraud and forgery.", "ACCUSE"),
    ("A criminal inquiry was launched into the collapse of the bridge.", "ACCUSE"),
    ("She was accused of embezzling funds from the charity.", "ACCUSE"),
    ("The nurse was convicted of manslaughter last spring.", "SANCTION"),
    ("The gang leader was sentenced to life in prison.", "SANCTION"),
    ("Protesters torched tyres and blocked the ring road.", "PROTEST"),
    ("An arson attack gutted the community hall.", "ASSAULT"),
]

NOT: list[Any] = [
    ("The goalkeeper was suspended for two matches after the red card.", "SANCTION"),
    pytest.param(
        "The midfielder was arrested by a stunning save in the final minute.",
        "COERCE",
        marks=pytest.mark.xfail(reason="a figure of speech read as an arrest"),
    ),
    pytest.param(
        "A hiker was killed by a falling rock on the trail.",
        "ASSAULT",
        marks=pytest.mark.xfail(reason="a thing as the doer of a passive killing"),
    ),
    ("The bakery burned down after an oven overheated.", "ASSAULT"),
    ("Three sailors drowned when the trawler capsized in the storm.", "ASSAULT"),
    ("The battery was charged in under an hour.", "ACCUSE"),
    ("The documentary recalls the shelling of the old town.", "ASSAULT"),
    ("The motorcyclist was injured in a collision at the junction.", "ASSAULT"),
    ("Crews battled the wildfire through the night.", "ASSAULT"),
    ("The charges against the driver were dropped.", "ACCUSE"),
    ("The concert was postponed because of the heat.", "SANCTION"),
    ("The winger was fined a week's wages for arriving late.", "SANCTION"),
]


@pytest.mark.parametrize(("text", "type_"), CODE)
def test_fresh_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in types(rules_alone, text)


@pytest.mark.parametrize(("text", "type_"), NOT)
def test_fresh_not_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ not in types(rules_alone, text)
