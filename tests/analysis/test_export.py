"""Exports: Parquet/CSV/JSONL folders, and GDELT 2.0 events read back with the codebook."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import (
    ExportFilters,
    export,
    gdelt_columns,
    gdelt_quad,
    global_event_id,
    iso3_to_fips,
)
from newsgraph.settings import Settings
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent.parent

# The GDELT 2.0 event table, codebook order (written out here to check the data file).
CODEBOOK = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{g}_{f}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")]
    + ["DATEADDED", "SOURCEURL"]
)


@pytest.fixture(scope="module")
def gdelt_file(seeds_db: Settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gdelt") / "events.tsv"
    result = CliRunner().invoke(app, ["export", "--db", seeds_db.db, "--format", "gdelt", "--out", str(out),
                                      "--ng-columns"])
    assert result.exit_code == 0, result.output
    return out


def _read(path: Path, names: list[str] | None = None) -> duckdb.DuckDBPyRelation:
    cols = dict(gdelt_columns())
    columns = {n: cols[n] for n in names} if names else cols
    conn = duckdb.connect()
    return conn.sql(
        f"SELECT * FROM read_csv('{path}', delim='\t', header=false, quote='', escape='', "
        f"columns={columns!r})"
    )


def test_gdelt_columns_file_starts_with_the_61_codebook_columns() -> None:
    names = [n for n, _ in gdelt_columns()]
    assert names[:61] == CODEBOOK and len(CODEBOOK) == 61
    assert all(n.startswith("NG_") for n in names[61:]) and "NG_Evidence" in names


def test_gdelt_export_round_trips_with_codebook_names_and_types(gdelt_file: Path, seeds_db: Settings) -> None:
    lines = gdelt_file.read_text(encoding="utf-8").splitlines()
    width = len(gdelt_columns())
    assert lines and all(line.count("\t") == width - 1 for line in lines)
    rel = _read(gdelt_file)
    assert rel.columns[:61] == CODEBOOK
    types = dict(zip(rel.columns, [str(t) for t in rel.types], strict=True))
    assert types["GLOBALEVENTID"] == "BIGINT" and types["SQLDATE"] == "INTEGER"
    assert types["QuadClass"] == "INTEGER" and types["GoldsteinScale"] == "DOUBLE"
    assert types["ActionGeo_Lat"] == "DOUBLE" and types["ActionGeo_Long"] == "DOUBLE"
    rows = rel.fetchall()
    with Store.open(seeds_db.db, read_only=True) as store:
        assert len(rows) == store.counts()["events"]
    col = {n: i for i, n in enumerate(rel.columns)}
    for row in rows:
        sqldate = row[col["SQLDATE"]]
        assert 19000101 <= sqldate <= 21001231 and row[col["MonthYear"]] == sqldate // 100
        assert row[col["Year"]] == sqldate // 10000
        assert row[col["QuadClass"]] in (1, 2, 3, 4)
        root = row[col["EventRootCode"]]
        if root:
            assert row[col["QuadClass"]] == gdelt_quad(root, 0)
        assert -10.0 <= row[col["GoldsteinScale"]] <= 10.0
        assert row[col["GLOBALEVENTID"]] == global_event_id(row[col["NG_EventId"]])
        assert row[col["EventRootCode"]] is None or len(row[col["EventRootCode"]]) == 2
        assert len(str(row[col["DATEADDED"]])) == 14
        assert "examples/seeds/" in row[col["SOURCEURL"]]
    located = [r for r in rows if r[col["ActionGeo_Lat"]] is not None]
    assert located and all(isinstance(r[col["ActionGeo_Long"]], float) for r in located)
    syria = [r for r in located if r[col["ActionGeo_FullName"]] == "Syria"]
    assert syria and all(r[col["ActionGeo_CountryCode"]] == "SY" and r[col["ActionGeo_Type"]] == 1
                         for r in syria)
    idlib = [r for r in located if str(r[col["ActionGeo_FullName"]]).startswith("Idlib")]
    assert all(r[col["ActionGeo_Type"]] == 4 for r in idlib)
    assert {r[col["Actor1CountryCode"]] for r in rows} >= {"RUS", "TUR"}


def test_gdelt_quad_class_follows_the_cameo_root_code() -> None:
    # GDELT's quad classes by root code, whatever the PLOVER quad says
    assert gdelt_quad("021", 3) == 1  # an appeal: PLOVER REQUEST (3), GDELT verbal cooperation
    assert gdelt_quad("0831", 1) == 2  # accede to reform: PLOVER CONCEDE (1), GDELT material
    assert gdelt_quad("141", 4) == 3  # a demonstration: PLOVER PROTEST (4), GDELT verbal
    assert gdelt_quad("190", 4) == 4 and gdelt_quad("10", 3) == 3 and gdelt_quad("057", 1) == 1
    assert gdelt_quad("", 2) == 2 and gdelt_quad("99", 3) == 3  # no root: the event's own


def test_gdelt_filters_apply_to_events(seeds_db: Settings, tmp_path: Path) -> None:
    with Store.open(seeds_db.db, read_only=True) as store:
        report = export(store, "gdelt", tmp_path / "g.tsv", ExportFilters(since="2020-02", actor="IRN"),
                        ng_columns=True)
    rows = _read(tmp_path / "g.tsv").fetchall()
    assert report.rows["g.tsv"] == len(rows) > 0
    names = [n for n, _ in gdelt_columns()]
    assert all(str(r[names.index("SQLDATE")]).startswith("2020") for r in rows)
    assert all("IRN" in (r[names.index("NG_Sources")] or "") + (r[names.index("NG_Targets")] or "")
               for r in rows)


def test_parquet_has_one_file_per_table_with_every_row(seeds_db: Settings, tmp_path: Path) -> None:
    with Store.open(seeds_db.db, read_only=True) as store:
        counts = store.counts()
        export(store, "parquet", tmp_path / "pq")
    files = {p.stem: p for p in (tmp_path / "pq").glob("*.parquet")}
    assert set(files) == set(counts)
    for table, n in counts.items():
        assert pq.read_table(files[table]).num_rows == n


def test_csv_and_jsonl_narrowed_to_an_outlet(seeds_db: Settings, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--db", seeds_db.db, "--format", "csv", "--out",
                                      str(tmp_path / "csv"), "--outlet", "Press TV"])
    assert result.exit_code == 0, result.output
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8") as handle:
        articles = list(csv.DictReader(handle))
    assert [a["outlet"] for a in articles] == ["Press TV"]
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8") as handle:
        assert {e["article_id"] for e in csv.DictReader(handle)} == {articles[0]["article_id"]}
    assert not (tmp_path / "csv" / "minhashes.csv").exists()
    with Store.open(seeds_db.db, read_only=True) as store:
        export(store, "jsonl", tmp_path / "jl", ExportFilters(since="2020", until="2020-12"))
    rows = [json.loads(x) for x in (tmp_path / "jl" / "articles.jsonl").read_text().splitlines()]
    assert sorted(r["published"] for r in rows) == ["2020-02-19", "2020-02-20"]
    stories = (tmp_path / "jl" / "stories.jsonl").read_text().splitlines()
    assert len(stories) == 1


def test_bad_format_and_file_target(seeds_db: Settings, tmp_path: Path) -> None:
    bad = CliRunner().invoke(app, ["export", "--db", seeds_db.db, "--format", "xml", "--out", str(tmp_path)])
    assert bad.exit_code == 2 and "parquet, csv, jsonl, gdelt" in bad.stderr
    (tmp_path / "file").write_text("x")
    clash = CliRunner().invoke(app, ["export", "--db", seeds_db.db, "--format", "csv", "--out",
                                     str(tmp_path / "file")])
    assert clash.exit_code == 2


def test_iso3_fips_covers_the_gazetteer_countries() -> None:
    fips = iso3_to_fips()
    text = (ROOT / "src/newsgraph/data/gazetteer/countries.csv").read_text(encoding="utf-8")
    countries = [row["iso3"] for row in csv.DictReader(text.splitlines())]
    assert sum(c in fips for c in countries) >= len(countries) - 5
    assert all(len(v) == 2 and v.isupper() for v in fips.values())
    assert (fips["TUR"], fips["RUS"], fips["SYR"], fips["DEU"], fips["GBR"]) == ("TU", "RS", "SY", "GM", "UK")
