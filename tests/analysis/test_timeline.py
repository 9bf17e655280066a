"""Dyad timelines: definitions on a hand-made store, and the seeds' RUS-TUR months."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest
from analysis_factories import RUS, SYR, TUR, TURMIL, Conn, event, write_store
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import ConfigError
from newsgraph.settings import Settings
from newsgraph.stories.timeline import Period, Timeline, dyad_timeline, plot, sparkline


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tl") / "made.duckdb"
    write_store(path, [
        ("a1", "Outlet A", "2020-01-05", (
            event("CONSULT", 1, 2.5, (RUS, TUR), (), "2020-01-05"),  # joint: undirected only
            event("ACCUSE", 3, -2.0, (RUS,), (TUR,), "2020-01-06"),
            event("ASSAULT", 4, -9.0, (TURMIL,), (RUS,), "2020-01-20"),
            event("AID", 2, 10.0, (RUS,), (TUR,), "2020-01-21", negated=True),
        )),
        ("a2", "Outlet B", "2020-03-02", (
            event("REQUEST", 3, 0.0, (RUS,), (TUR,), "2020-03"),  # month precision
            event("SUPPORT", 1, 5.0, (RUS,), (TUR,), "2020"),  # year precision only
            event("ASSAULT", 4, -9.0, (SYR,), (TUR,), "2020-03-01"),  # another dyad
        )),
    ])
    return path


def test_undirected_counts_quads_intensity_and_net_cooperation(made: Path) -> None:
    with Conn(made) as conn:
        tl = dyad_timeline(conn, "RUS", "TUR", by="month")
    rows = {p.period: p for p in tl.periods}
    assert list(rows) == ["2020-01", "2020-02", "2020-03"]  # February filled with zeros
    jan = rows["2020-01"]
    assert (jan.n, jan.quad) == (3, (1, 0, 1, 1))
    assert jan.intensity_sum == pytest.approx(-8.5)
    assert jan.intensity_mean == pytest.approx(-8.5 / 3, abs=1e-3)
    assert jan.net_coop_count == 1 - 2
    assert jan.net_coop_intensity == pytest.approx(2.5 - 2.0 - 9.0)
    assert rows["2020-02"].n == 0
    assert rows["2020-03"].quad == (0, 0, 1, 0) and rows["2020-03"].net_coop_intensity == 0.0
    assert tl.imprecise == 1  # the year-only event


def test_directed_negated_and_sector_codes(made: Path) -> None:
    with Conn(made) as conn:
        directed = dyad_timeline(conn, "RUS", "TUR", by="year", directed=True)
        negated = dyad_timeline(conn, "RUS", "TUR", by="year", include_negated=True)
        sector = dyad_timeline(conn, "TURMIL", "RUS", by="day", directed=True)
        reverse = dyad_timeline(conn, "TUR", "RUS", by="year", directed=True)
    assert [(p.period, p.n) for p in directed.periods] == [("2020", 3)]  # ACCUSE, REQUEST, SUPPORT
    # undirected with negated: + the joint CONSULT, TURMIL's ASSAULT and the negated AID
    assert negated.total == directed.total + 3
    assert [(p.period, p.n) for p in sector.periods] == [("2020-01-20", 1)]
    assert reverse.total == 1  # TURMIL -> RUS counts for TUR


def test_week_and_day_periods(made: Path) -> None:
    with Conn(made) as conn:
        weeks = dyad_timeline(conn, "RUS", "TUR", by="week", fill=False)
    assert [p.period for p in weeks.periods] == ["2019-12-30", "2020-01-06", "2020-01-20"]
    assert weeks.imprecise == 2
    with Conn(made) as conn, pytest.raises(ConfigError, match="period 'fortnight'"):
        dyad_timeline(conn, "RUS", "TUR", by="fortnight")


def test_seed_rus_tur_timeline_by_month(seeds_db: Settings) -> None:
    with Conn(Path(seeds_db.db)) as conn:
        tl = dyad_timeline(conn, "RUS", "TUR", by="month")
    months = {p.period for p in tl.periods if p.n}
    assert {"2016-02", "2016-08", "2020-02"} <= months


def test_seed_rus_tur_timeline_has_2012_11(seeds_db: Settings) -> None:
    with Conn(Path(seeds_db.db)) as conn:
        tl = dyad_timeline(conn, "RUS", "TUR", by="month")
    assert "2012-11" in {p.period for p in tl.periods if p.n}


def test_sparkline() -> None:
    assert sparkline([0, 1, 2, 4]) == " ▂▄█"
    assert sparkline([0, 0]) == "  "
    assert sparkline([]) == ""
    assert len(sparkline(list(range(200)), width=50)) == 50


def _tl() -> Timeline:
    periods = (Period("2020-01", 3, (1, 0, 1, 1), -2.8, -8.5, -1, -8.5),
               Period("2020-02", 0, (0, 0, 0, 0), None, 0.0, 0, 0.0))
    return Timeline("RUS", "TUR", "month", False, False, periods, 0)


def test_html_plot_is_a_self_contained_svg_page(tmp_path: Path) -> None:
    page = plot(_tl(), tmp_path / "plot.html").read_text(encoding="utf-8")
    assert "<svg" in page and "</html>" in page and "RUS - TUR" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page and "<script" not in page


def test_png_plot_without_matplotlib_names_the_install(tmp_path: Path, monkeypatch: Any) -> None:
    real = builtins.__import__

    def no_matplotlib(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("matplotlib"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    with pytest.raises(ConfigError, match="pip install matplotlib"):
        plot(_tl(), tmp_path / "plot.png")
    with pytest.raises(ConfigError, match=r"\.html or \.png"):
        plot(_tl(), tmp_path / "plot.svgz")


def test_timeline_command_prints_table_sparklines_and_plots(made: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.html"
    result = CliRunner().invoke(app, ["timeline", "RUS", "TUR", "--db", str(made), "--by", "month",
                                      "--plot", str(out)])
    assert result.exit_code == 0, result.output
    assert "2020-01" in result.stdout and "█" in result.stdout
    assert "1 dated too imprecisely" in result.stdout
    assert out.is_file()
    bad = CliRunner().invoke(app, ["timeline", "RUS", "TUR", "--db", str(made), "--by", "hour"])
    assert bad.exit_code == 2
