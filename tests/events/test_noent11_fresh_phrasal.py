"""Fresh probe for noent11 phrasal verbs (own words, written after the entries, not used to tune
them): passives and other senses (water mopped up, a loan taken out, prices falling back, a hawk
swooping, windows rattled).  Rules alone."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text).events if not e.negated}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Syrian government troops mopped up the remaining rebel fighters in Daraa.", "ASSAULT"),
        ("An Israeli strike took out a Hezbollah commander in Tyre.", "ASSAULT"),
        ("Whole neighbourhoods of Bakhmut were flattened by Russian artillery.", "ASSAULT"),
        (
            "The convoy of the Mexican police chief was riddled with bullets by cartel gunmen.",
            "ASSAULT",
        ),
        ("Greek police swooped on a people-smuggling ring in Thessaloniki.", "COERCE"),
        ("Beijing locked down the whole province of Jilin.", "COERCE"),
        ("Thousands of French gendarmes fanned out across New Caledonia.", "MOBILIZE"),
        ("Congolese militiamen fell back from the outskirts of Bunia.", "RETREAT"),
        ("Kyrgyzstan backed out of the gas deal with Uzbekistan.", "SANCTION"),
        ("Russia shut down the Estonian consulate in Pskov.", "SANCTION"),
        (
            "The Ugandan government pulled the plug on its deal with the Chinese rail firm.",
            "SANCTION",
        ),
        ("Israel and Turkey patched up their relations after years of hostility.", "SUPPORT"),
        ("Ethiopia and Kenya patched up their dispute over the border wells.", "AGREE"),
        ("Brussels leaned on Belgrade to normalise ties with Pristina.", "REQUEST"),
        ("The Chinese navy rattled its sabre at Taiwan with a large drill.", "THREATEN"),
    ],
)
def test_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in _types(rules_alone, text)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The cleaners mopped up the water after the flood.", "ASSAULT"),
        ("The Kenyan farmer took out a loan to buy seeds.", "ASSAULT"),
        ("The new tax flattened growth in the second quarter.", "ASSAULT"),
        ("The report was riddled with errors.", "ASSAULT"),
        ("The fishermen hauled in a huge catch off Mauritania.", "COERCE"),
        ("The hawk swooped on a rabbit in the field.", "COERCE"),
        ("Tourists fanned out across the old town of Dubrovnik.", "MOBILIZE"),
        ("Oil prices fell back after the announcement.", "RETREAT"),
        ("The old man leaned on his walking stick.", "REQUEST"),
        ("The shop shut down after the owner retired.", "SANCTION"),
        ("The earthquake rattled windows in Istanbul.", "THREATEN"),
    ],
)
def test_near_miss_not_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ not in _types(rules_alone, text)
