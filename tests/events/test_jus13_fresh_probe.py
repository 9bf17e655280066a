"""jus13 fresh probe: written after the change and not used to tune it (my own words),
the stand-in for unseen text.  Justice acts told in a relative clause, as a state one is
in or meets, trials, prison terms by a court; accidents that must not be ASSAULT and other
senses of the justice words.

Rules alone: before the change 3/15 coded and 7/12 near misses kept; after it 12/15 and
12/12.  Session 13 (jus13b), with the undergone acts and the charges told in a clause
removed: main 3/15 and 7/12, jus13b 4/15 and 12/12.  ``CODE``: the type must be coded.  ``NOT``: the type must not be coded.
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
    pytest.param(
        "A Ugandan opposition MP accused of inciting violence was denied bail in Kampala.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "The Austrian doctor, who is charged with manslaughter, returned to Vienna.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "Two Pakistani bankers charged with fraud fled to Dubai.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "The former Argentine minister faces charges of embezzlement.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "A Chilean policeman will stand trial in Valparaiso for the beating of a student.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "The Danish sailor went on trial in Aarhus on Wednesday.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "The trial of the Ghanaian MP opened in Accra.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason="MP: no person or resolved party the trial's objects know"),
    ),
    pytest.param(
        "The Moroccan activist remains in custody in Rabat.",
        "COERCE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    # coded without the removed undergone state, by the custody entry with its "by" agent
    ("Three Filipino fishermen were taken into custody by the Chinese coast guard.", "COERCE"),
    pytest.param(
        "The Venezuelan general was placed under arrest in Caracas.",
        "COERCE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    pytest.param(
        "The Slovak mayor is under investigation for bribery, Bratislava prosecutors said.",
        "ACCUSE",
        marks=pytest.mark.xfail(reason=REMOVED),
    ),
    ("A Hanoi court jailed the Vietnamese blogger for nine years.", "SANCTION"),
    ("The Iranian court sentenced the British-Iranian engineer to ten years.", "SANCTION"),
    ("A Kyrgyz judge convicted the former mayor of Osh of abuse of office.", "SANCTION"),
    pytest.param(
        "A Norwegian man deliberately drove his car into a crowd of Oslo shoppers.",
        "ASSAULT",
        marks=pytest.mark.xfail(reason="drive into: no trigger of the lexicon"),
    ),
]
NOT: list[Any] = [
    ("A minibus collided with a lorry near Nakuru, killing eleven Kenyans.", "ASSAULT"),
    ("A taxi struck two Vietnamese tourists in Hanoi on Sunday.", "ASSAULT"),
    ("The Peruvian teenager was killed by a bus in Cusco.", "ASSAULT"),
    ("A Nepali airliner crashed in the mountains, killing all 72 aboard.", "ASSAULT"),
    ("Three Polish miners were killed in a collapse at a coal mine in Silesia.", "ASSAULT"),
    ("The ferry capsized on Lake Victoria, drowning 40 Tanzanians.", "ASSAULT"),
    ("A Belgian motorist killed a cyclist near Ghent and drove off.", "ASSAULT"),
    ("The Irish singer is in charge of the charity in Cork.", "ACCUSE"),
    ("The Scottish father was given custody of his son by a court in Aberdeen.", "COERCE"),
    ("Pfizer began a trial of the malaria drug in Ghana.", "ACCUSE"),
    ("The Kenyan runner went on to win the Boston race.", "ACCUSE"),
    ("The Canadian firm charged higher fees to Mexican clients.", "ACCUSE"),
]


@pytest.mark.parametrize(("text", "type_"), CODE)
def test_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in types(rules_alone, text)


@pytest.mark.parametrize(("text", "type_"), NOT)
def test_not_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ not in types(rules_alone, text)
