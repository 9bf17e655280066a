"""Outlet framing on the seeds: naming of the armed opposition, tone, quotes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from analysis_factories import Conn
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.settings import Settings
from newsgraph.stories.outlets import OutletReport, load_framing, outlet_reports
from newsgraph.tone import article_tone, sentence_tone


@pytest.fixture(scope="module")
def reports(seeds_db: Settings) -> dict[str, OutletReport]:
    with Conn(Path(seeds_db.db)) as conn:
        return {r.outlet: r for r in outlet_reports(conn)}


def test_press_tv_and_southfront_say_terrorists_the_moscow_times_rebels(
    reports: dict[str, OutletReport],
) -> None:
    assert reports["Press TV"].top_term == "terrorists"
    assert reports["SouthFront"].top_term == "terrorists"
    assert reports["The Moscow Times"].top_term == "rebels"
    moscow_times = {term for term, _, _ in reports["The Moscow Times"].terms}
    assert "rebels" in moscow_times and "terrorists" not in moscow_times
    press_tv = dict((t, own) for t, own, _ in reports["Press TV"].terms)
    assert press_tv["terrorists"] >= 3


def test_quoted_uses_are_told_apart_from_the_outlets_own_voice(
    reports: dict[str, OutletReport],
) -> None:
    # SouthFront's 'militants' are both in a State Duma deputy's quotation
    southfront = {t: (own, quoted) for t, own, quoted in reports["SouthFront"].terms}
    assert southfront["militants"] == (0, 2)
    assert southfront["terrorists"][0] >= 1


def test_tone_and_quotes_per_outlet(reports: dict[str, OutletReport]) -> None:
    for report in reports.values():
        assert report.tone is not None and -10 <= report.tone <= 10
        assert report.event_tone is not None and report.event_sentences > 0
    assert reports["The Moscow Times"].articles == 2
    assert dict(reports["SouthFront"].speakers) == {"RUSLEG": 3}
    assert reports["The Moscow Times"].quotes >= 5


def test_outlets_for_one_actor(seeds_db: Settings) -> None:
    with Conn(Path(seeds_db.db)) as conn:
        found = {r.outlet: r for r in outlet_reports(conn, actor="TUR")}
    mt = found["The Moscow Times"]
    assert {t for t, _, _ in mt.terms} >= {"Turkey", "Ankara"}
    assert all(s.startswith("TUR") for s, _ in mt.speakers) and mt.quotes >= 1


def test_outlets_command(seeds_db: Settings) -> None:
    result = CliRunner().invoke(app, ["outlets", "--db", seeds_db.db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = {r["outlet"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert rows["Press TV"]["top_term"] == "terrorists"
    table = CliRunner().invoke(app, ["outlets", "--db", seeds_db.db])
    assert table.exit_code == 0 and "terrorists" in table.stdout


def test_framing_lexicon_loads_and_labels() -> None:
    framing = load_framing()
    assert set(framing.sectors) == {"REB", "OPP"}
    assert framing.label("terrorist groups", "noun") == "terrorists"
    assert framing.label("anti-Syria militants", "noun") == "militants"
    assert framing.label("Syrian opposition", "noun") == "opposition"
    assert framing.label("armed groups", "noun") == "armed groups"
    assert framing.label("Free Syrian Army", "org") == "Free Syrian Army"
    assert "terror" not in framing.scan and "terrorist" in framing.scan


def test_tone_scale() -> None:
    assert sentence_tone("Artillery shelled the town, killing 12 civilians.") < -3
    assert sentence_tone("The ministers agreed to a ceasefire and praised the talks.") > 3
    assert sentence_tone("The meeting took place on Monday.") == 0
    t = article_tone(["The talks failed and the attack killed five.", "They welcomed the deal.", ""])
    assert t.sentences == 2 and t.positive == 0.5 and t.negative == 0.5
    assert article_tone([]).sentences == 0
