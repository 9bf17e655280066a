"""The CAMEO verb classes (data/events/cameo_verbs.tsv): the shipped table loads, its
types follow cameo_plover.csv, a malformed row is named, and the head reads a word's
class as features that carry to words it never saw."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph.errors import DataFileError
from newsgraph.events.coder import Coder
from newsgraph.events.head import EventHead
from newsgraph.events.head.cameo import CAMEO_VERBS, CameoVerb, load_cameo_verbs, plover_type
from newsgraph.events.head.features import class_features
from newsgraph.events.head.model import load_weights
from newsgraph.events.lexicon import PLOVER_TYPES, load_cameo

HEADER = "# a comment\nlemma\tparticle\tpos\tcameo\tsource\n"


def test_the_shipped_table_loads_with_types_from_the_cameo_table() -> None:
    cameo = load_cameo()
    table = load_cameo_verbs(cameo)
    assert len(table) > 1000
    assert table[("bombard", "")] == CameoVerb("bombard", "", False, "190", "ASSAULT")
    assert table[("call", "off")].type == "SANCTION"  # 160, a verb with its particle
    assert table[("mobilization", "")].nominal and table[("mobilization", "")].type == "MOBILIZE"
    assert table[("implore", "")].type == "REQUEST"  # an appeal (02x) is REQUEST
    assert table[("announce", "")].type is None  # a statement (01x) is no event
    assert {row.type for row in table.values()} - {None} <= set(PLOVER_TYPES)
    assert all(not (row.nominal and row.particle) for row in table.values())
    assert "PETRARCH" in CAMEO_VERBS.read_text(encoding="utf-8").split("\nlemma")[0]


def test_a_code_takes_its_nearest_listed_prefix() -> None:
    cameo = load_cameo()
    assert plover_type("1712", cameo) == cameo["1712"].type
    assert plover_type("0879", cameo) == cameo["087"].type
    assert plover_type("020", cameo) == "REQUEST" and plover_type("010", cameo) is None
    with pytest.raises(KeyError):
        plover_type("99", cameo)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("shell\t\tverb\t190\n", "4 columns; expected 5"),
        ("Shell\t\tverb\t190\tx\n", "not a lower-case word"),
        ("shell\t\tnoun\t190\tx\n", "pos 'noun'"),
        ("shelling\toff\tnominal\t190\tx\n", "takes no particle"),
        ("shell\t\tverb\t19a\tx\n", "2 to 4 digits"),
        ("shell\t\tverb\t99\tx\n", "no type in cameo_plover.csv"),
        ("shell\t\tverb\t190\tx\nshell\t\tverb\t193\tx\n", "listed twice"),
        ("shell\t1\tverb\t190\tx\n", "particle '1'"),
    ],
)
def test_a_malformed_row_is_named(tmp_path: Path, rows: str, message: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.tsv: line \d+") as err:
        load_cameo_verbs(load_cameo(), path)
    assert message in str(err.value) and "cameo_verbs_from_petrarch.py" in str(err.value)


def test_a_missing_header_or_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("lemma\tcameo\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="header"):
        load_cameo_verbs(load_cameo(), path)
    with pytest.raises(DataFileError, match="cannot be read"):
        load_cameo_verbs(load_cameo(), tmp_path / "absent.tsv")


def test_the_class_features_name_no_word() -> None:
    a = class_features(CameoVerb("bombard", "", False, "190", "ASSAULT"), ["VERB", "noobj"])
    b = class_features(CameoVerb("shell", "", False, "193", "ASSAULT"), ["VERB", "noobj"])
    assert "cv=ASSAULT" in a and "cvr=19" in a and "cv=ASSAULT|noobj" in a
    assert not any("bombard" in f for f in a)
    assert set(a) - set(b) == {"cvc=190"}  # two words of one class share all else


def test_the_head_reads_the_classes_only_with_weights_trained_on_them(coder: Coder) -> None:
    shipped = load_weights()
    trained_with = bool(shipped.meta.get("cameo_classes"))
    head = EventHead(shipped, coder.lexicon, coder.speech)
    assert bool(head.classes) == trained_with
    without = EventHead(replace(shipped, meta={**shipped.meta, "cameo_classes": False}),
                        coder.lexicon, coder.speech)  # fmt: skip
    with_ = EventHead(replace(shipped, meta={**shipped.meta, "cameo_classes": True}),
                      coder.lexicon, coder.speech)  # fmt: skip
    assert not without.classes and with_.classes[("bombard", "")].type == "ASSAULT"
    rows: dict[str, list[list[str]]] = {}
    for name, h in (("without", without), ("with", with_)):
        h.observer = lambda span, ids, feats, name=name: rows.setdefault(name, []).extend(feats)
        saved, coder.head = coder.head, h
        try:
            # "obliterate": a class word the lexicon lacks (read by its class); "bombard":
            # a lexicon word (read by its lemma only)
            coder.code("Russian artillery bombarded and obliterated the Ukrainian town.")
        finally:
            coder.head = saved
    assert any(f.startswith("cv=") for feats in rows["with"] for f in feats)
    assert not any(f.startswith("cv=") for feats in rows["with"] if "l=bombard" in feats
                   for f in feats)  # fmt: skip
    assert not any(f.startswith("cv") for feats in rows["without"] for f in feats)
