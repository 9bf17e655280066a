"""A question put is no appeal: "asked" that asks for nothing to be done or given (own words).

``modality.asked_nothing``: a quoted question after the verb, questions as its object, or the
person asked then told of in a clause of its own ("asked Ortiz, who said ..."). Appeals with
"to", "for" or a "that" clause stay REQUEST. The first list was written before the change, the
second after it (not used to tune it).
"""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder

BEFORE = [
    ("Egypt asked Israel to halt the strikes on Rafah.", True),
    ("Kenya asked the UN for food aid after the drought.", True),
    ("The mayor asked the governor's help with the flood.", True),
    ("Ghana asked France for the return of the bronzes.", True),
    ("Seoul asked Washington that the drills be postponed.", True),
    ("The families asked the court to reopen the case.", True),
    ("Peru was asked to extradite the banker.", True),
    ("Tunisia asked the IMF for a new loan.", True),
    ("Brazil's president asked Congress to approve the budget.", True),
    ("The rebels asked the Red Cross to mediate.", True),
    ('The defence lawyer asked the witness, "Did you see the gun that night?"', False),
    ("The judge asked Ortiz, who said he had never owned a car.", False),
    ("When asked about the fire, the pastor declined to speculate.", False),
    ("The senator asked whether the troops would stay in Niger.", False),
    ("Reporters asked the minister questions about the budget.", False),
    ('At one point the prosecutor asked Diaz, "Why did you run?"', False),
    ("The host asked the actor, who laughed and changed the subject.", False),
    ('"Where were you on Friday?" the detective asked Mr. Hale.', False),
]

AFTER = [
    ("Lebanon asked Cyprus to return the migrants' boat.", True),
    ("The Afghan envoy asked Pakistan for safe passage for the refugees.", True),
    ("Nurses asked the health ministry for higher pay.", True),
    ("Mali asked the Wagner fighters to leave the town.", True),
    ("The governor asked residents to stay indoors.", True),
    ("Chad asked Sudan's army to open the border crossing.", True),
    ('The anchor asked the general, "Is the war lost?"', False),
    ("Journalists asked the spokesman, who refused to answer.", False),
    pytest.param(
        '"Is this a coup?" a reporter asked the colonel.',
        False,
        marks=pytest.mark.xfail(
            reason="a quoted question before the verb is not read yet", strict=True
        ),
    ),
    ("The coroner asked the doctor several questions about the wounds.", False),
    (
        "The committee asked Mr. Baird, who had run the agency for a decade, about the missing files.",
        False,
    ),
    ('She asked the nurse, "How long will this take?"', False),
]


@pytest.mark.parametrize(("text", "appeal"), BEFORE + AFTER)
def test_an_appeal_asks_for_something(rules_alone: Coder, text: str, appeal: bool) -> None:
    types = {e.type for e in rules_alone.code(text, "2024-03-05").events if not e.negated}
    assert ("REQUEST" in types) is appeal
