"""``not_modifiers``: words before a trigger in its phrase that stop its entry. A rally
held for a campaign or an election is no demonstration (PROTEST); one against a party is."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import DataFileError
from newsgraph.events.coder import Coder
from newsgraph.events.lexicon import load_cameo, load_triggers


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.mark.parametrize(
    "text",
    [
        "The Zambian opposition leader held a campaign rally in Ndola on Sunday.",
        "The Peruvian president staged an election rally in Cusco.",
    ],
)
def test_a_campaign_rally_is_no_protest(coder: Coder, text: str) -> None:
    assert "PROTEST" not in {e.type for e in coder.code(text).events}


def test_a_rally_against_a_party_stays_a_protest(coder: Coder) -> None:
    text = "Zambian students staged a rally against the government in Lusaka."
    assert "PROTEST" in {e.type for e in coder.code(text).events}


def test_the_field_is_read_from_the_lexicon_file(tmp_path: Path) -> None:
    cameo = load_cameo()
    path = tmp_path / "triggers.yaml"
    path.write_text(
        "triggers:\n"
        '- {lemma: rally, pos: noun, type: PROTEST, cameo: "141", '
        'not_modifiers: [campaign], example: "A rally."}\n',
        encoding="utf-8",
    )
    (entry,) = load_triggers(cameo, path)[0]["rally"]
    assert entry.not_modifiers == frozenset({"campaign"})
    path.write_text(
        "triggers:\n"
        '- {lemma: rally, pos: noun, type: PROTEST, cameo: "141", '
        'not_modifier: [campaign], example: "A rally."}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="unknown keys"):
        load_triggers(cameo, path)
