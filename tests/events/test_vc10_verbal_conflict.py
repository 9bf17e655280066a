"""Verbal conflict read by principle (session 10, vc10), from sentences written for the
test: a warning of the warner's own answer is a threat; a refused acceptance is a
rejection whatever is refused; a party challenged or directed to act is asked to; a
party said to be responsible for a hostile act is accused of it; taken to court, sued.
Near misses: a routine told in the present with an adverb of frequency, a forecast told
with "will likely", an appeal in court, a warning about others or about the economy.
Rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder

GROUP = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text).events if not e.negated}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a warning that the warner itself would answer, or could strike, is a threat
        ("Rwanda warned that it would respond to any attack from Congo.", "THREATEN"),
        ("Iran warned it would take action against any ship entering its waters.", "THREATEN"),
        (
            "China warned that it would not tolerate any foreign interference in Hong Kong.",
            "THREATEN",
        ),
        ("Mexico warned it could suspend cooperation with the DEA.", "THREATEN"),
        ("Russia warned that it might expel the Moldovan ambassador.", "THREATEN"),
        # a refused acceptance is a rejection, whatever is not accepted
        ("Peru said it would not accept the outcome of the Bolivian vote.", "REJECT"),
        ("Kenya's opposition said it would not accept the results of the election.", "REJECT"),
        ("Greece said it will not allow Turkish survey ships near Crete.", "REJECT"),
        ("Ukraine cannot accept any deal that cedes territory, Zelensky said.", "REJECT"),
        ("The parliament voted down the peace accord with the guerrillas.", "REJECT"),
        ("Tehran brushed aside the Western demands to halt enrichment.", "REJECT"),
        # challenged or directed to act: asked to
        ("Colombia's president challenged the rebels to lay down their arms.", "REQUEST"),
        ("Nigeria's president directed the army to rescue the kidnapped schoolgirls.", "REQUEST"),
        # said to be responsible for a hostile act; taken to court
        ("Pakistan said India was responsible for the bombing in Quetta.", "ACCUSE"),
        (
            "Chile said Bolivian smugglers were responsible for the killing of two soldiers.",
            "ACCUSE",
        ),
        ("Ecuador took Colombia to court over the spraying of herbicides.", "ACCUSE"),
    ],
)
def test_verbal_conflict_by_principle(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in _types(rules_alone, text)


@pytest.mark.parametrize(
    "text",
    [
        # a routine, not news
        "The court usually rejects such appeals within a month.",
        "Iran's foreign ministry routinely summons British envoys.",
        # a forecast
        "Kenya will likely ask for a loan from the IMF next year, economists said.",
        # an appeal in court is no request
        "The lawyer for the Kenyan activist filed an appeal against the sentence on Tuesday.",
        # warnings about others, or of no hostile answer
        "Doctors in Spain warned that the heat could kill thousands.",
        "The IMF warned that Argentina would miss its targets.",
        "Kenya warned it would respond to the concerns of the farmers.",
        "Egypt's central bank warned it would act to protect the pound.",
        # acceptance told as a fact, refused or not, is no announced refusal
        "Kenya's opposition accepted the results of the election.",
        # responsible for a task, challenged in court
        "Kenya said the police are responsible for security in the north.",
        "Kenya's opposition challenged the election result in court.",
    ],
)
def test_near_misses_not_coded(rules_alone: Coder, text: str) -> None:
    assert not (_types(rules_alone, text) & GROUP)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("UNICEF launched an appeal for 50 million dollars for Sudanese children.", "REQUEST"),
        ("Iran often summoned British envoys last year.", "ACCUSE"),
        ("Rwanda warned it would strike back.", "THREATEN"),
    ],
)
def test_plain_cases_still_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in _types(rules_alone, text)
