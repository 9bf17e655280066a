"""circ11 fresh probe (own-words sentences written after the change, not used to tune
it; rules alone): acts with their doer named in phrases of time and cause are coded;
bare settings are not.  Sentences the lexicon cannot code for other reasons (a noun
entry's governor constraint, a blockade's type) are left out and reported."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _types(coder: Coder, text: str, word: str) -> set[str]:
    """Types of the non-negated events whose trigger holds ``word``."""
    return {e.type for e in coder.code(text).events if not e.negated and word in e.trigger.lower()}


CODED = [
    (
        "Bond yields climbed after the Venezuelan seizure of an oil rig.",
        "seizure",
        ("COERCE", "SANCTION"),
    ),
    (
        "Rescuers searched the rubble following Russian shelling of Kherson.",
        "shelling",
        ("ASSAULT",),
    ),
    (
        "The border town emptied during the Eritrean incursion into Sudan.",
        "incursion",
        ("ASSAULT",),
    ),
    (
        "Most cafes in Yangon shut during the junta's crackdown on students.",
        "crackdown",
        ("ASSAULT", "COERCE"),
    ),
    (
        "The port was quiet after the detention of the ship's crew by Iranian guards.",
        "detention",
        ("COERCE",),
    ),
    (
        "Local media went silent after the closure of the newspaper by the Algerian authorities.",
        "closure",
        ("COERCE", "SANCTION"),
    ),
    (
        "Calm returned to Bamako following the release of the hostages by the jihadists.",
        "release",
        ("RETREAT",),
    ),
    ("The lira slid after Turkish airstrikes on northern Iraq.", "airstrikes", ("ASSAULT",)),
    (
        "Diplomats left the capital amid a Sudanese army offensive on the city.",
        "offensive",
        ("ASSAULT",),
    ),
    (
        "Aid convoys were stalled since the Israeli closure of the crossing.",
        "closure",
        ("COERCE", "SANCTION"),
    ),
    (
        "Greece sent warships to the island in response to Turkey's deployment of a survey vessel.",
        "deployment",
        ("MOBILIZE",),
    ),
    (
        "Moldova expelled a Russian diplomat in retaliation for Moscow's expulsion of its envoy.",
        "expulsion",
        ("SANCTION",),
    ),
    (
        "The opposition left the chamber in protest over the arrest of a deputy by police.",
        "arrest",
        ("COERCE",),
    ),
    (
        "Fishermen stayed ashore after the Chinese coast guard's seizure of two Vietnamese boats.",
        "seizure",
        ("COERCE", "SANCTION"),
    ),
    ("Unrest spread across Kenya after the police killing of a teacher.", "killing", ("ASSAULT",)),
    (
        "The mayor was re-elected despite his indictment by federal prosecutors.",
        "indictment",
        ("ACCUSE",),
    ),
    ("Ankara faced criticism after its bombing of Kurdish villages.", "bombing", ("ASSAULT",)),
]
ABSENT = [
    ("Stocks rebounded after the clashes.", "clashes"),
    ("Families gathered in Gaza during the truce.", "truce"),
    ("Traffic resumed in Lagos after the protests.", "protests"),
    ("The market reopened in Herat following the bombing.", "bombing"),
    ("Schools closed in Quito amid the unrest.", "unrest"),
    ("The pound steadied ahead of the negotiations.", "negotiations"),
    ("Prices have doubled since the embargo.", "embargo"),
    ("The festival was cancelled in the wake of the killings.", "killings"),
    ("Travellers were delayed during the strike.", "strike"),
    ("The tournament went ahead despite the boycott.", "boycott"),
    ("She was released from hospital a week after her abduction.", "abduction"),
    ("Crowds cheered after the summit.", "summit"),
    ("He returned to Beirut after decades of exile.", "exile"),
    ("The vineyard was replanted after years of conflict.", "conflict"),
]


@pytest.mark.parametrize(("text", "word", "types"), CODED)
def test_fresh_timed_act_is_coded(
    rules_alone: Coder, text: str, word: str, types: tuple[str, ...]
) -> None:
    assert _types(rules_alone, text, word) & set(types)


@pytest.mark.parametrize(("text", "word"), ABSENT)
def test_fresh_bare_setting_is_not_coded(rules_alone: Coder, text: str, word: str) -> None:
    assert not _types(rules_alone, text, word)
