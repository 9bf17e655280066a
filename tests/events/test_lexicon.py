"""The coder's data files load, validate, and every trigger example codes as its type."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import DataFileError
from newsgraph.events.coder import Coder
from newsgraph.events.lexicon import (
    PLOVER_TYPES,
    load_cameo,
    load_intensity,
    load_lexicon,
    load_triggers,
)

LEXICON = load_lexicon()
TRIGGERS = sorted(LEXICON.all_triggers(), key=lambda t: (t.type, t.lemma, t.cameo))


def test_cameo_table_is_complete_and_consistent() -> None:
    table = LEXICON.cameo
    assert len(table) > 250
    for root in ["03", "04", "05", "06", "07", "08", "09", *map(str, range(10, 21))]:
        assert root in table, f"root {root} missing"
    assert {row.type for row in table.values()} == set(PLOVER_TYPES)
    for row in table.values():
        assert row.quad_class == PLOVER_TYPES[row.type]
        assert row.description, row.cameo
    assert table["129"].type == "REJECT"  # veto
    assert table["163"].type == "COERCE"  # embargo and sanctions
    assert table["0874"].type == "RETREAT"


def test_cameo_validation_rejects_a_bad_row(tmp_path: Path) -> None:
    bad = tmp_path / "cameo.csv"
    bad.write_text(
        "cameo,plover_type,mode,context,description,quad_class\n190,ASSAULT,,,fight,3\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="quad_class 3"):
        load_cameo(bad)
    bad.write_text(
        "cameo,plover_type,mode,context,description,quad_class\n190,FIGHT,,,fight,4\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="not one of"):
        load_cameo(bad)


def test_trigger_validation_rejects_a_type_that_contradicts_its_code(tmp_path: Path) -> None:
    bad = tmp_path / "triggers.yaml"
    bad.write_text(
        "triggers:\n- {lemma: attack, pos: verb, type: AID, cameo: '190', example: 'x'}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="cameo 190 is ASSAULT"):
        load_triggers(LEXICON.cameo, bad)


def test_intensity_covers_every_type_within_range() -> None:
    table = load_intensity()
    assert set(table) == set(PLOVER_TYPES)
    assert LEXICON.score("ASSAULT", "aerial") == -9.5
    assert LEXICON.score("CONSULT", None) == 2.5
    assert LEXICON.score("AID", "unknown-mode") == 10.0


def test_lexicon_covers_all_sixteen_types() -> None:
    assert {t.type for t in TRIGGERS} == set(PLOVER_TYPES)
    for t in TRIGGERS:
        assert LEXICON.cameo[t.cameo].type == t.type
        assert t.example.strip()


@pytest.mark.parametrize("trigger", TRIGGERS, ids=lambda t: f"{t.type}-{t.lemma}-{t.cameo}")
def test_every_example_codes_as_its_type(coder: Coder, trigger: object) -> None:
    from newsgraph.events.lexicon import Trigger

    assert isinstance(trigger, Trigger)
    events = coder.code(trigger.example, "2024-01-15").events
    types = {e.type for e in events}
    assert trigger.type in types, f"{trigger.example!r} gave {sorted(types)}"
