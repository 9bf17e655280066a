"""The labels of whole ECB+ articles (tests/data/ecb_events.jsonl) load and point at real text.

The file holds offsets only; the text is in ../shared (``NEWSGRAPH_SHARED``), so the
offset checks skip with the reason in a clone without it.  The shape checks (PLOVER
types, modalities, known codes) need no ../shared.  No floors yet: the figures are
printed by ``scripts/score_ecb_events.py``.
"""

from __future__ import annotations

import itertools
import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsgraph.events.lexicon import PLOVER_TYPES
from newsgraph.stories.ecbplus import part_of

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT.parent / "shared")
DOCS = SHARED / "gold" / "stories" / "ecbplus_dev.jsonl"
LABELS = ROOT / "tests" / "data" / "ecb_events.jsonl"
ACTORS = ROOT / "src" / "newsgraph" / "data" / "actors"
MODALITIES = {"actual", "future", "hypothetical", "negated"}


def _labels() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELS.read_text("utf-8").splitlines() if line.strip()]


def _known_codes() -> set[str]:
    """ISO alpha-3 codes of the countries file, organisation codes, and NGO / MNC."""
    countries = yaml.safe_load((ACTORS / "countries.yaml").read_text("utf-8"))
    orgs = yaml.safe_load((ACTORS / "organisations.yaml").read_text("utf-8"))
    rows = [c for c in countries.get("countries", []) if isinstance(c, dict)]
    org_rows = orgs if isinstance(orgs, list) else orgs.get("organisations", [])
    return {str(c["code"]) for c in rows} | {str(o["code"]) for o in org_rows} | {"NGO", "MNC"}


def test_labels_have_plover_shape() -> None:
    rows = _labels()
    assert len(rows) >= 150
    codes = _known_codes()
    assert "USA" in codes and "UN" in codes
    for r in rows:
        assert set(r) == {"url", "field", "start", "end", "events"}, r
        assert r["field"] in ("title", "text") and 0 <= r["start"] < r["end"]
        for e in r["events"]:
            assert e["type"] in PLOVER_TYPES, e
            assert e["modality"] in MODALITIES, e
            assert e["confidence"] in ("high", "low"), e
            for a in e["actor"] + e["recipient"]:
                assert set(a) == {"code", "sector"}, a
                assert a["code"] is None or a["code"] in codes, a
                assert a["sector"] is None or (len(a["sector"]) == 3 and a["sector"].isupper()), a
            lo, hi = e["trigger"]
            assert r["start"] <= lo < hi <= r["end"], (r["url"], e)


def test_offsets_fall_on_fit_part_sentences() -> None:
    if not DOCS.exists():
        pytest.skip(f"no ECB+ documents at {DOCS} (../shared is not beside this clone)")
    rows = _labels()
    urls = {r["url"] for r in rows}
    docs: dict[str, dict[str, Any]] = {}
    for line in DOCS.read_text("utf-8").splitlines():
        d = json.loads(line)
        if d.get("url") in urls:
            assert part_of(str(d["story"])) == "fit", d["url"]  # never a scored-part document
            docs[d["url"]] = d
    assert set(docs) == urls
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for r in rows:
        text = docs[r["url"]][r["field"]]
        sentence = text[r["start"] : r["end"]]
        assert r["end"] <= len(text) and sentence.strip() == sentence != "", r
        for e in r["events"]:
            lo, hi = e["trigger"]
            trigger = text[lo:hi]
            assert trigger.strip() == trigger != "", (r["url"], e)
        spans[(r["url"], r["field"])].append((r["start"], r["end"]))
    for key, found in spans.items():
        found.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(found)), key  # no overlap
    assert {u for u, f in spans if f == "text"} == urls  # every document's text is labelled


def _score_script() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_ecb_events", ROOT / "scripts" / "score_ecb_events.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_parts_split_the_documents_by_topic() -> None:
    """No check-part document shares its ECB+ topic with a document the head trains on,
    and none is among the first documents, which rules were written from."""
    script = _score_script()
    rows = script.load_labels()
    urls = list(dict.fromkeys(r["url"] for r in rows))
    part = {p: set(dict.fromkeys(r["url"] for r in script.part_of(rows, p)))
            for p in ("write", "check", "train")}  # fmt: skip
    assert part["write"] | part["check"] == set(urls) and not part["write"] & part["check"]
    assert part["train"] <= part["write"] and part["check"]
    assert not {script.topic_of(u) for u in part["check"]} & {script.topic_of(u) for u in part["train"]}
    assert not part["check"] & set(urls[: script.READ_DOCUMENTS])
    assert script.part_of(rows, "all") == rows


def test_errors_are_never_listed_for_the_check_part(capsys: pytest.CaptureFixture[str]) -> None:
    assert _score_script().main(["--part", "check", "--errors"]) == 2
    assert "write part only" in capsys.readouterr().err
