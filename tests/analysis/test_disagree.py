"""Disagreements between outlets inside a story: figures, actors, dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from analysis_factories import RUS, SYR, TUR, Conn, event, write_store
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.ingest.after import update_stories
from newsgraph.settings import Settings
from newsgraph.store.stories import stories
from newsgraph.stories.disagree import disagreements, find_figures


def test_two_outlets_giving_different_refugee_figures(refugees_db: Settings) -> None:
    with Conn(Path(refugees_db.db)) as conn:
        found = stories(conn)
        assert len(found) == 1 and found[0]["outlets"] == ["Atlas Post", "Harbour Gazette"]
        result = disagreements(conn)
    figures = [d for d in result if d.kind == "figure" and d.subject == "refugees displaced"]
    assert len(figures) == 1
    claims = {c.outlet: c for c in (figures[0].a, figures[0].b)}
    assert "40,000" in claims["Harbour Gazette"].value
    assert "65,000" in claims["Atlas Post"].value
    assert claims["Harbour Gazette"].evidence.startswith("About 40,000 refugees crossed into Jordan")
    assert claims["Atlas Post"].evidence.startswith("More than 65,000 refugees have crossed")


def test_disagreements_command(refugees_db: Settings) -> None:
    with Conn(Path(refugees_db.db)) as conn:
        story_id = stories(conn)[0]["story_id"]
    result = CliRunner().invoke(app, ["disagreements", story_id, "--db", refugees_db.db])
    assert result.exit_code == 0, result.output
    assert "figure: refugees displaced" in result.stdout and "More than 65,000" in result.stdout
    lines = CliRunner().invoke(app, ["disagreements", "--db", refugees_db.db, "--format", "jsonl"])
    assert any(json.loads(x)["kind"] == "figure" for x in lines.stdout.splitlines())
    none = CliRunner().invoke(app, ["disagreements", "story-none", "--db", refugees_db.db])
    assert none.exit_code == 0 and "no disagreements" in none.stdout


def test_the_same_figure_in_both_outlets_is_no_disagreement(seeds_db: Settings) -> None:
    with Conn(Path(seeds_db.db)) as conn:
        assert disagreements(conn) == []  # the Idlib story: no conflicting claims


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    path = tmp_path_factory.mktemp("dis") / "made.duckdb"
    settings = write_store(path, [
        ("a1", "Outlet A", "2020-03-05", (
            event("ASSAULT", 4, -9.0, (TUR,), (SYR,), "2020-03-03", evidence="Turkish jets struck a convoy."),
            event("CONSULT", 1, 2.5, (RUS,), (TUR,), "2020-03-02", evidence="Putin met Erdogan on Monday."),
        )),
        ("a2", "Outlet B", "2020-03-05", (
            event("ASSAULT", 4, -9.0, (RUS,), (SYR,), "2020-03-03", evidence="Russian jets struck a convoy."),
            event("CONSULT", 1, 2.5, (RUS,), (TUR,), "2020-03-03", evidence="Putin met Erdogan on Tuesday."),
        )),
    ])
    update_stories(settings)  # the hook did not run: cluster them now
    return settings


def test_actor_and_date_disagreements(made: Settings) -> None:
    with Conn(Path(made.db)) as conn:
        assert len(stories(conn)) == 1
        found = {d.kind: d for d in disagreements(conn)}
    assert {found["actor"].a.value, found["actor"].b.value} == {"TUR", "RUS"}
    assert found["actor"].subject == "ASSAULT"
    assert {found["date"].a.value, found["date"].b.value} == {"2020-03-02", "2020-03-03"}
    assert "Monday" in found["date"].a.evidence + found["date"].b.evidence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 40,000 refugees crossed into Jordan.", [("refugees", "displaced", 40000.0, "About 40,000 refugees")]),
        ("Four Turkish soldiers were killed and twelve wounded.",
         [("soldiers", "killed", 4.0, "Four Turkish soldiers"), ("wounded", "wounded", 12.0, "twelve wounded")]),
        ("Turkey hosts 3.7 million Syrian refugees.", [("refugees", "displaced", 3_700_000.0, "3.7 million Syrian refugees")]),
        ("At least 23 people died in the blast.", [("people", "killed", 23.0, "At least 23 people")]),
        ("The talks in 2019 lasted two days.", []),
    ],
)
def test_find_figures(sentence: str, expected: list[tuple[str, str, float, str]]) -> None:
    assert [(f.unit, f.outcome, f.value, f.text) for f in find_figures(sentence)] == expected


def test_figures_lexicon_is_well_formed() -> None:
    from newsgraph.stories.disagree import _lexicon

    lex = _lexicon()
    assert lex.max_gap >= 1 and lex.units and lex.outcomes
    assert all(all(w == w.lower() for w in form) for form in lex.units)
    outcomes = {name for _, name in lex.outcomes}
    assert set(lex.unit_outcomes.values()) <= outcomes | {"casualties"}
    assert set(lex.unit_outcomes) <= set(lex.units.values())
    assert lex.numbers["twelve"] == 12 and lex.multipliers["million"] == 1_000_000
