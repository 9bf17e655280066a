"""The trigger lexicon's constraints and word classes: each one fires where it should
and stays quiet where it should not (sentences written here, not taken from any set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import DataFileError
from newsgraph.events.coder import Coder
from newsgraph.events.lexicon import load_lexicon, load_triggers

LEXICON = load_lexicon()


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text, "2024-01-15").events if not e.negated}


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "triggers.yaml"
    path.write_text(body, encoding="utf-8")
    return path


# ------------------------------------------------------------------ loading


def test_a_class_expands_into_its_words(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "classes:\n  arms: [rifle, tank]\ntriggers:\n"
        "- {lemma: give, pos: verb, type: AID, cameo: '072', objects: ['@arms', drone],"
        " example: x}\n",
    )
    triggers, _, _ = load_triggers(LEXICON.cameo, path)
    assert triggers["give"][0].objects == frozenset({"rifle", "tank", "drone"})


def test_an_unknown_class_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "triggers:\n- {lemma: give, pos: verb, type: AID, cameo: '072',"
        " objects: ['@weapons'], example: x}\n",
    )
    with pytest.raises(DataFileError, match="unknown class '@weapons'"):
        load_triggers(LEXICON.cameo, path)


def test_state_is_reserved_for_the_matcher(tmp_path: Path) -> None:
    path = _write(tmp_path, "classes:\n  state: [country]\ntriggers: []\n")
    with pytest.raises(DataFileError, match="reserved"):
        load_triggers(LEXICON.cameo, path)


def test_the_new_constraints_are_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "triggers:\n- {lemma: return, pos: verb, type: RETREAT, cameo: '0842', transitive: true,"
        " prep_args: [to], unless: [favour], no_attributive: true, example: x}\n",
    )
    (entry,) = load_triggers(LEXICON.cameo, path)[0]["return"]
    assert entry.transitive and entry.no_attributive
    assert entry.prep_args == {"to"} and entry.unless == {"favour"}
    assert entry.specificity == 2


def test_the_shipped_classes_are_used() -> None:
    give = [t for t in LEXICON.triggers["give"] if t.type == "AID"]
    assert any("million" in t.objects for t in give)  # @material
    assert "declare" in next(t for t in LEXICON.triggers["ceasefire"]).governors  # @declaring


# ------------------------------------------------------------------ matching


CASES = [
    # transitive + prep_args: a thing handed back to its owner, not a trip home
    ("The United States returned the stolen paintings to Italy.", "RETREAT", None),
    ("The Italian ambassador returned to Rome on Monday.", None, "RETREAT"),
    # ... and where the parser hangs "to Peru" on the "of" noun of a quantity
    ("The German government returned dozens of bronzes to Nigeria.", "RETREAT", None),
    # prep_args on the verb: charged with a crime, not charged ahead
    ("A Turkish court charged a German journalist with espionage.", "ACCUSE", None),
    # unless: a spokesman declining to comment refuses nothing
    ("The Chinese embassy declined to comment on the Japanese report.", None, "REJECT"),
    ("Hungary declined Ukraine's request for weapons.", "REJECT", None),
    # unless on a noun: a lifted blockade is no new blockade
    ("Saudi Arabia lifted its blockade of Qatar.", "RETREAT", "COERCE"),
    # no_attributive: who backs whom, said in passing, is not news
    ("Russian-backed separatists attacked Ukrainian positions.", "ASSAULT", "SUPPORT"),
    ("Russia backed Serbia in its dispute with Kosovo.", "SUPPORT", None),
    # the object class of aid, and arms handed over by fighters (disarming)
    ("Japan gave $5 million to Sri Lanka.", "AID", None),
    ("The Colombian rebels have handed over their weapons to the army.", "RETREAT", "AID"),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), CASES)
def test_constraints(coder: Coder, text: str, wanted: str | None, unwanted: str | None) -> None:
    types = _types(coder, text)
    if wanted:
        assert wanted in types, f"{text!r} gave {sorted(types)}"
    if unwanted:
        assert unwanted not in types, f"{text!r} gave {sorted(types)}"


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # CAMEO 02: appeals ask ...
        ("Sudan appealed to Egypt for help.", "02"),
        ("The United Nations called on the Libyan government to disarm the militias.", "02"),
        ("China urged Japan to show restraint.", "02"),
        # ... CAMEO 10: demands insist
        ("Moscow has demanded Ankara close the border.", "10"),
    ],
)
def test_appeals_and_demands_keep_their_cameo_roots(coder: Coder, text: str, root: str) -> None:
    requests = [e for e in coder.code(text).events if e.type == "REQUEST"]
    assert requests and requests[0].cameo.startswith(root), [(e.type, e.cameo) for e in requests]
    assert requests[0].quad_class == 3  # both are PLOVER's verbal conflict
