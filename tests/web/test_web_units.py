"""The parts without a server: the outcome codec, body highlighting, the read queries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from webdb import build_db, planned_outcomes, xss_outcome

from newsgraph.store import Store, codec, stories, timelines
from newsgraph.store import events as reads
from newsgraph.store.outcomes import FailureOutcome
from newsgraph.web.highlight import safe_url, segments, trigger_span
from newsgraph.web.params import clean_form


def test_codec_round_trip() -> None:
    outcomes = [
        *planned_outcomes(),
        xss_outcome(),
        FailureOutcome("p1", "x.txt", "h", "empty file"),
    ]
    sent = json.loads(codec.dumps_outcomes(outcomes))
    back = codec.loads_outcomes(sent)
    assert back == outcomes  # dataclass equality: every field, bytes and tuples included
    assert isinstance(back[0].signature, bytes) and isinstance(back[0].bands, tuple)


@pytest.mark.parametrize(
    "payload",
    [
        {"not": "a list"},
        [{"@": "subprocess.Popen", "args": ["true"]}],
        [{"@": "Actor", "text": "x", "code": None, "evil": 1}],
        [{"@": "Actor", "text": "x", "code": None}],  # a record, but not an outcome
        [{"@bytes": "!!!"}],
    ],
)
def test_codec_refuses_what_is_not_an_outcome(payload: object) -> None:
    with pytest.raises(codec.CodecError):
        codec.loads_outcomes(payload)


def test_segments_cover_the_body_and_mark_offsets() -> None:
    body = "Russia condemned Turkey on Monday.\n\nOther text."
    mentions = [{"start": 0, "end": 6, "code": "RUS"}, {"start": 17, "end": 23, "code": "TUR"}]
    events = [{"event_id": "e0", "start": 0, "end": 34, "trigger": "condemn", "type": "ACCUSE"}]
    parts = segments(body, mentions, events)
    assert "".join(p.text for p in parts) == body
    assert [p.text for p in parts if "actor" in p.classes] == ["Russia", "Turkey"]
    assert [p.text for p in parts if "trigger" in p.classes] == ["condemned"]
    assert [p.anchor for p in parts if p.anchor] == ["e0"]
    assert "evidence" not in parts[-1].classes
    # offsets outside the body are ignored, not an error
    assert "".join(p.text for p in segments(body, [{"start": 40, "end": 99}], [])) == body
    assert trigger_span(body, {"start": 0, "end": 34, "trigger": "praised"}) is None


def test_safe_url() -> None:
    assert safe_url("https://example.test/a?b=1") == "https://example.test/a?b=1"
    for bad in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        'http://x" onclick="y',
        None,
    ):
        assert safe_url(bad) is None


def test_form_filters_are_checked() -> None:
    kept, errors = clean_form({"actor": "RUS", "since": "2020-13", "dyad": "RUS;TUR", "outlet": ""})
    assert kept == {"actor": "RUS"}
    assert len(errors) == 2 and errors[0].startswith("since")


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("reads") / "fixture.duckdb"
    build_db(db, seeds=False, stories=False)
    return db


def test_timeline_figures(fixture_store: Path) -> None:
    with Store.open(fixture_store, read_only=True) as store:
        conn = store._conn
        month = timelines.timeline(conn, "RUS", "TUR", by="month")
        assert [(p["period"], p["n"]) for p in month["periods"]] == [
            ("2020-02", 2),
            ("2020-03", 2),
            ("2020-04", 1),
        ]
        feb, mar, apr = month["periods"]
        assert (feb["quad1"], feb["quad3"], feb["intensity_sum"], feb["intensity_mean"]) == (
            1,
            1,
            2.0,
            1.0,
        )
        assert (feb["net_coop_count"], feb["net_coop_intensity"]) == (0, 2.0)  # |4.0| - |-2.0|
        assert (mar["net_coop_count"], mar["net_coop_intensity"]) == (0, 6.5)  # |10| - |-3.5|
        assert (apr["quad4"], apr["net_coop_count"], apr["net_coop_intensity"]) == (1, -1, -7.0)
        day = timelines.timeline(conn, "RUS", "TUR", by="day")
        assert day["imprecise"] == 1 and sum(p["n"] for p in day["periods"]) == 4
        week = timelines.timeline(conn, "RUS", "TUR", by="week")
        assert [p["period"] for p in week["periods"]][:2] == ["2020-02-17", "2020-02-24"]  # Mondays
        directed = timelines.timeline(conn, "RUS", "TUR", by="year", directed=True)
        assert directed["periods"] == [dict(directed["periods"][0], period="2020", n=3)]
        assert timelines.timeline(conn, "TUR", None, by="year")["total"] == 6  # every event with TUR
        assert timelines.timeline(conn, None, None, by="year")["total"] == 8


def test_stories_without_a_table(fixture_store: Path) -> None:
    with Store.open(fixture_store, read_only=True) as store:
        assert stories.stories_page(store._conn) == ([], 0)
        assert stories.story(store._conn, "any") is None


def test_event_sorting_is_an_allow_list(fixture_store: Path) -> None:
    with Store.open(fixture_store, read_only=True) as store:
        with pytest.raises(ValueError):
            reads.events_page(store._conn, sort="e.evidence; DROP TABLE events")
        rows, total = reads.events_page(store._conn, sort="type", order="asc", limit=3)
        assert total == 8 and [r["type"] for r in rows] == ["ACCUSE", "AID", "COERCE"]
