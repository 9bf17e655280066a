"""`export --format gdelt` writes exactly GDELT 2.0's 61 event columns by default,
tab-separated with no header (a strict loader reads it); NG_* columns only on request."""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import GDELT_WIDTH, gdelt_columns
from newsgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def shared_codebook() -> Path | None:
    """../shared/ontology/GDELT2_EVENT_COLUMNS.md (or under $NEWSGRAPH_SHARED)."""
    shared = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
    path = shared / "ontology" / "GDELT2_EVENT_COLUMNS.md"
    return path if path.is_file() else None


def common_prefix(names: list[str]) -> str:
    """The characters every name starts with ("Actor1Code", "Actor1Name" -> "Actor1")."""
    first = min(names)
    last = max(names)
    size = next(
        (i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first)
    )
    return first[:size]


def codebook_names(text: str) -> list[str]:
    """The column names of the codebook's table, in order: a row names one column, a
    range lists them ("6-15 | Actor1Code, Actor1Name, ...") or repeats an earlier group
    under another prefix ("Actor2Code ... Actor2Type3Code", "ActionGeo_*")."""
    names: list[str] = []
    groups: list[list[str]] = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not re.fullmatch(r"\d+(-\d+)?", cells[0]):
            continue
        first, _, last = cells[0].partition("-")
        size = int(last) - int(first) + 1 if last else 1
        cell = cells[1]
        if size == 1:
            group = [cell]
        elif "," in cell:
            group = [c.strip() for c in cell.split(",")]
        else:
            if cell.endswith("_*"):
                new = cell[:-1]
            else:
                a, b = (x.strip() for x in cell.split("..."))
                new = common_prefix([a, b])
            model = next(g for g in reversed(groups) if len(g) == size)
            old = common_prefix(model)
            group = [new + name[len(old) :] for name in model]
        assert len(group) == size and len(names) + 1 == int(first), line
        groups.append(group)
        names += group
    return names


@pytest.fixture(scope="module")
def exported(seeds_db: Settings, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("gdelt61")
    files = {}
    for name, extra in (("plain", []), ("ng", ["--ng-columns"])):
        out = folder / f"{name}.tsv"
        args = ["export", "--db", seeds_db.db, "--format", "gdelt", "--out", str(out), *extra]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        files[name] = out
    return files


def test_default_export_has_exactly_the_61_columns_the_project_keeps(
    exported: dict[str, Path],
) -> None:
    names = [n for n, _ in gdelt_columns(ng_columns=False)]
    assert len(names) == GDELT_WIDTH == 61 and not any(n.startswith("NG_") for n in names)
    lines = exported["plain"].read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    assert not lines[0].startswith("GLOBALEVENTID")  # no header, as GDELT's own files
    types = dict(gdelt_columns(ng_columns=False))
    rows = duckdb.sql(
        f"SELECT * FROM read_csv('{exported['plain']}', delim='\t', header=false, quote='', "
        f"escape='', columns={types!r}, strict_mode=true)"
    ).fetchall()
    assert len(rows) == len(lines)


def test_ng_columns_only_on_request(exported: dict[str, Path]) -> None:
    plain = exported["plain"].read_text(encoding="utf-8").splitlines()
    ng = exported["ng"].read_text(encoding="utf-8").splitlines()
    width = len(gdelt_columns())
    assert width > 61 and all(len(line.split("\t")) == width for line in ng)
    assert [line.split("\t")[:61] for line in ng] == [line.split("\t") for line in plain]


def test_the_61_columns_match_the_gdelt_codebook(exported: dict[str, Path]) -> None:
    path = shared_codebook()
    if path is None:
        pytest.skip("../shared/ontology/GDELT2_EVENT_COLUMNS.md is absent (no shared folder)")
    names = codebook_names(path.read_text(encoding="utf-8"))
    assert len(names) == 61
    assert [n for n, _ in gdelt_columns(ng_columns=False)] == names
    assert "tab-separated" in path.read_text(encoding="utf-8")
    lines = exported["plain"].read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == len(names) for line in lines)
