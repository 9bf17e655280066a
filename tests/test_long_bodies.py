"""A body longer than spaCy's limit is coded in pieces, with the offsets of the whole body.

The pieces are cut between paragraphs and coded one at a time: the events of a 2 MB
body are found from its first paragraph to its last, with a bounded peak memory
(measured as the ``VmHWM`` of a child process that runs the whole ingest).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.ingest.pieces import check_piece_chars, cut_pieces
from newsgraph.ingest.work import code_texts
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIRST = (
    "Russia condemned Turkey on Monday over the shelling of a border town, "
    "the foreign ministry in Moscow said."
)
LAST = "Police arrested dozens of protesters in Caracas on Sunday after a march on the palace."
CROPS = ["wheat", "barley", "maize", "rice", "sorghum", "beans", "potatoes", "coffee"]
PLACES = ["the northern valley", "the coastal plain", "the eastern hills", "the river delta"]
SPACY_MAX = 1_000_000


def filler(i: int) -> str:
    """A paragraph with no political event, different for every ``i``."""
    crop, place = CROPS[i % len(CROPS)], PLACES[(i // 8) % len(PLACES)]
    return (
        f"Farmers in {place} said the {crop} harvest of season {i} was smaller than the one "
        f"before, after {i % 17 + 3} weeks of late rain. Prices at the market rose by "
        f"{i % 9 + 1} percent, and traders expected them to stay high until the {crop} of the "
        f"next season arrives. A cooperative of {i % 40 + 12} families said it would share "
        "seed and tools this year."
    )


def long_body(chars: int) -> str:
    paragraphs = [FIRST]
    size = len(FIRST)
    while size < chars:
        paragraphs.append(filler(len(paragraphs)))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join([*paragraphs, LAST])


def test_pieces_end_between_paragraphs_and_cover_the_text() -> None:
    text = long_body(20_000)
    pieces = cut_pieces(text, 1_000)
    assert all(0 < end - start <= 1_000 for start, end in pieces)
    assert all(text[end:].startswith("\n\n") for _, end in pieces[:-1])
    assert pieces[-1][1] == len(text)
    covered = "".join(text[s:e] for s, e in pieces)
    assert "".join(covered.split()) == "".join(text.split())


def test_a_paragraph_longer_than_a_piece_is_cut_after_a_sentence() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(200))
    pieces = cut_pieces(text, 500)
    assert all(e - s <= 500 for s, e in pieces)
    assert all(text[s:e].endswith("here.") for s, e in pieces)


def test_piece_size_is_checked() -> None:
    with pytest.raises(ConfigError, match="coding_piece_chars"):
        check_piece_chars(SPACY_MAX)
    assert check_piece_chars(100_000) == 100_000


@pytest.fixture(scope="module")
def coder() -> object:
    from newsgraph.events import Coder
    from newsgraph.settings import Settings

    return Coder(Settings())


def test_pieces_give_the_whole_body_coding(coder: object) -> None:
    paragraphs = [FIRST, filler(1), "Kenya sent food aid to Somalia after weeks of drought.", LAST]
    text = "\n\n".join(paragraphs)
    whole = code_texts(coder, [(text, "2020-01-01")], 4)[0]
    pieces = code_texts(coder, [(text, "2020-01-01")], 4, piece_chars=400)[0]
    assert not isinstance(whole, Exception) and not isinstance(pieces, Exception)
    assert len(cut_pieces(text, 400)) == 3  # the third piece holds two paragraphs
    assert pieces == whole
    assert [e.type for e in pieces.events] == ["ACCUSE", "AID", "COERCE"]
    last = pieces.events[-1]
    assert text[last.start : last.end] == LAST and last.sentence_index == len(pieces.sentences) - 1


INGEST = """
import json, sys
from newsgraph.ingest.pipeline import ingest
from newsgraph.settings import Settings
report = ingest([sys.argv[2]], Settings(db=sys.argv[1]))
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"articles": report.articles, "events": report.events,
                  "failed": report.failed, "peak_kb": peak}))
"""


@pytest.mark.slow
def test_a_2_mb_body_is_coded_from_first_to_last_paragraph(tmp_path: Path) -> None:
    body = long_body(2_000_000)
    assert len(body) > 2 * SPACY_MAX
    page = tmp_path / "long.txt"
    page.write_text("A long report from the region\n\n" + body, encoding="utf-8")
    db = tmp_path / "long.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", INGEST, str(db), str(page)],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert (result["articles"], result["failed"]) == (1, 0)
    assert result["peak_kb"] < 1.5 * 2**20, f"peak memory {result['peak_kb'] / 2**10:.0f} MB"
    with Store.open(db, read_only=True) as store:
        (stored, coded, note), *_ = store.connection.execute(
            "SELECT body, coded, note FROM articles"
        ).fetchall()
        events = store.connection.execute(
            'SELECT type, start, "end" FROM events ORDER BY start'
        ).fetchall()
    assert coded and note is None
    assert events[0][0] == "ACCUSE" and stored[events[0][1] : events[0][2]] == FIRST
    assert events[-1][0] == "COERCE" and stored[events[-1][1] : events[-1][2]] == LAST
