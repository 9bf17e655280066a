"""``newsgraph export``: the store as Parquet, CSV or JSONL files, or as GDELT 2.0 events.

* ``parquet``: a folder with one ``TABLE.parquet`` per table of the store (every table).
* ``csv``, ``jsonl``: the same folder layout, one file per table, without the two
  internal near-duplicate index tables (``minhashes``, ``lsh_bands``: binary).
* ``gdelt``: one file, one event a line, tab-separated, no header: exactly the 61
  columns of the GDELT 2.0 event table in codebook order, as GDELT's own files (a
  strict loader reads it); with ``ng_columns`` (``--ng-columns``) newsgraph's own
  (``NG_*``) follow them.  The column list, types and what each holds are in
  ``data/export/gdelt_columns.csv`` (the one place; ``gdelt_row`` gives the values in
  that order);
  geography uses FIPS 10-4 country codes (``data/export/iso3_fips.csv``).  Text is
  written as is, without quoting (tabs and line breaks become spaces): read it back
  with quoting off (DuckDB ``read_csv(..., delim='\\t', header=false, quote='')``).
  An event with no date at all (neither its own nor its article's) is left out.

Filters: for the table formats, ``since``/``until`` (article publication date),
``outlet`` and ``actor`` (an event actor or a mention of the article) select articles,
and every table keyed by article, event or story is narrowed to them.  For ``gdelt``,
``since``/``until`` apply to the event date and ``actor`` to the event's actors.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from .errors import ConfigError
from .store import export as sql
from .store.export import ExportFilters

__all__ = [
    "FORMATS",
    "GDELT_WIDTH",
    "ExportFilters",
    "ExportReport",
    "export",
    "gdelt_columns",
    "gdelt_quad",
    "iso3_to_fips",
]

FORMATS = ("parquet", "csv", "jsonl", "gdelt")
GDELT_WIDTH = 61  # the columns of the GDELT 2.0 event table; newsgraph's NG_* follow
_INTERNAL = ("minhashes", "lsh_bands")


@dataclass(slots=True)
class ExportReport:
    format: str
    out: Path
    rows: dict[str, int] = field(default_factory=dict)  # file name -> rows written
    skipped_undated: int = 0


def _data_rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("newsgraph") / "data" / "export" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


@functools.cache
def gdelt_columns(ng_columns: bool = True) -> tuple[tuple[str, str], ...]:
    """(name, DuckDB type) of the columns of the ``gdelt`` format, in order: the 61 of
    GDELT 2.0, then (``ng_columns``) newsgraph's own ``NG_*``."""
    found = tuple((r["name"], r["type"]) for r in _data_rows("gdelt_columns.csv"))
    if any(name.startswith("NG_") for name, _ in found[:GDELT_WIDTH]) or not all(
        name.startswith("NG_") for name, _ in found[GDELT_WIDTH:]
    ):  # pragma: no cover - a data file error, caught by the export tests
        raise ConfigError(f"gdelt_columns.csv: the first {GDELT_WIDTH} columns are GDELT's")
    return found if ng_columns else found[:GDELT_WIDTH]


@functools.cache
def iso3_to_fips() -> dict[str, str]:
    return {r["iso3"]: r["fips"] for r in _data_rows("iso3_fips.csv") if r["fips"]}


def export(
    store: Any,
    fmt: str,
    out: str | Path,
    filters: ExportFilters | None = None,
    ng_columns: bool = False,
) -> ExportReport:
    """Write the store (an open ``Store``) in format ``fmt`` to ``out`` (``ng_columns``:
    the ``gdelt`` format with newsgraph's ``NG_*`` columns after GDELT's 61)."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    conn = store.connection
    f = filters or ExportFilters()
    target = Path(out)
    report = ExportReport(fmt, target)
    if fmt == "gdelt":
        ids = sql.selected_articles(conn, ExportFilters(outlet=f.outlet))
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="") as handle:
            report.rows[target.name], report.skipped_undated = _write_gdelt(
                handle, sql.gdelt_events(conn, ids, f.actor, f.since, f.until), ng_columns
            )
        return report
    if target.exists() and not target.is_dir():
        raise ConfigError(f"--out {target} is a file; the {fmt} export writes a folder of files")
    target.mkdir(parents=True, exist_ok=True)
    ids = sql.selected_articles(conn, f)
    for table in sql.table_names(conn):
        if fmt != "parquet" and table in _INTERNAL:
            continue
        path = target / f"{table}.{fmt}"
        report.rows[path.name] = _write_table(sql.table_reader(conn, table, ids), fmt, path)
    return report


def _write_table(reader: Any, fmt: str, path: Path) -> int:
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    n = 0
    if fmt == "parquet":
        with pq.ParquetWriter(path, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
                n += batch.num_rows
    elif fmt == "csv":
        with pacsv.CSVWriter(path, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
                n += batch.num_rows
    else:
        with path.open("w", encoding="utf-8") as handle:
            for batch in reader:
                for row in batch.to_pylist():
                    handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
                n += batch.num_rows
    return n


# -- GDELT -------------------------------------------------------------------------------


def global_event_id(event_id: str) -> int:
    """A stable positive integer for an event id (the first 60 bits of its SHA-256)."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _day(when: str | None) -> date | None:
    if not when:
        return None
    text = when[:10]
    if len(text) == 7:
        text += "-01"
    elif len(text) == 4:
        text += "-01-01"
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return " ".join(str(value).replace("\t", " ").splitlines()).strip()


class _Geo:
    """GDELT geography of a stored event location: type, full name, FIPS country, ADM1
    (FIPS country + the division's code), latitude, longitude, GeoNames feature id.

    The event keeps its place's feature, GeoNames id and first-level division
    (``location_*``); a store written before it kept them is looked up by name."""

    def __init__(self) -> None:
        from .geo.gazetteer import default_gazetteer

        self.gazetteer = default_gazetteer()
        self.fips = iso3_to_fips()
        self.cache: dict[tuple[Any, ...], list[Any]] = {}

    def columns(self, row: dict[str, Any]) -> list[Any]:
        name, country = row["location_name"], row["location_country"]
        if name is None:
            return [""] * 8
        feature, geonameid = row.get("location_feature"), row.get("location_geonameid")
        admin1 = row.get("location_admin1")
        key = (name, country, feature, geonameid, admin1)
        if key not in self.cache:
            if feature is None:  # an event stored before its place's details were
                place = self.gazetteer.lookup(name, country)
                feature = place.feature if place else None
                geonameid = place.geonameid if place else None
                admin1 = place.admin1 if place else None
            country_place = self.gazetteer.country(country) if country else None
            country_name = country_place.name if country_place else (country or "")
            fips = self.fips.get(country or "", "")
            us = country == "USA"
            full = f"{name}, {country_name}".strip(", ")
            adm1 = f"{fips}{admin1}" if fips and admin1 else ""
            if feature == "country":
                kind, full, adm1 = 1, country_name or name, fips
            elif feature in ("region", "territory"):
                kind = 2 if us else 5
            else:
                kind = 3 if us else 4
            self.cache[key] = [kind, full, fips, adm1, "", None, None, geonameid or ""]
        values = list(self.cache[key])
        values[5], values[6] = row["location_lat"], row["location_lon"]
        return values


def _actor(row: dict[str, Any], p: str) -> list[Any]:
    name = row[f"{p}_name"] or row[f"{p}_text"]
    return [
        row[f"{p}_code"],
        name.upper() if name else None,
        row[f"{p}_country"],
        row[f"{p}_org"],
        None,
        None,
        None,
        row[f"{p}_sector"],
        None,
        None,
    ]


def gdelt_quad(cameo: str, quad_class: int) -> int:
    """GDELT's QuadClass: a function of the CAMEO root code (01-05 verbal cooperation,
    06-09 material cooperation, 10-14 verbal conflict, 15-20 material conflict).

    It can differ from the event's PLOVER quad (``quad_class``): an appeal (CAMEO 02) is
    a PLOVER REQUEST (quad 3) but GDELT files it as verbal cooperation, a protest (14) is
    PLOVER material conflict but GDELT verbal conflict. A code without a root keeps
    ``quad_class``."""
    root = cameo[:2]
    if not (root.isdigit() and 1 <= int(root) <= 20):
        return quad_class
    return 1 if int(root) <= 5 else 2 if int(root) <= 9 else 3 if int(root) <= 14 else 4


def gdelt_row(row: dict[str, Any], geo: _Geo) -> list[Any] | None:
    """One event as the values of ``gdelt_columns()`` (None when it has no date)."""
    day = _day(row["when_date"])
    if day is None:
        return None
    cameo = row["cameo"] or ""
    outlets = {o for o in [row["outlet"], *(row["copy_outlets"] or [])] if o}
    added = row["ingested_at"]
    values: list[Any] = [
        global_event_id(row["event_id"]),
        int(day.strftime("%Y%m%d")),
        int(day.strftime("%Y%m")),
        day.year,
        round(day.year + day.timetuple().tm_yday / 365, 4),
        *_actor(row, "a1"),
        *_actor(row, "a2"),
        1 if row["sentence_index"] < 3 else 0,
        cameo,
        cameo[:3],
        cameo[:2],
        gdelt_quad(cameo, int(row["quad_class"])),
        max(-10.0, min(10.0, float(row["intensity"]))),
        1 + int(row["copies"]),
        max(1, len(outlets)),
        1 + int(row["copies"]),
        None if row["tone"] is None else round(float(row["tone"]), 4),
        *([""] * 16),
        *geo.columns(row),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        row["url"] or row["article_location"],
        row["event_id"],
        row["article_id"],
        row["type"],
        row["mode"],
        row["context"],
        row["negated"],
        row["hypothetical"],
        row["reported"],
        row["date_precision"],
        round(float(row["confidence"]), 4),
        row["sources"],
        row["targets"],
        row["outlet"],
        row["trigger"],
        row["evidence"],
    ]
    return values


def _write_gdelt(
    handle: TextIO, rows: Sequence[dict[str, Any]], ng_columns: bool = False
) -> tuple[int, int]:
    width = len(gdelt_columns())
    keep = width if ng_columns else GDELT_WIDTH
    geo = _Geo()
    written = skipped = 0
    for row in rows:
        values = gdelt_row(row, geo)
        if values is None:
            skipped += 1
            continue
        if len(values) != width:
            raise AssertionError(f"a GDELT row has {len(values)} values; expected {width}")
        handle.write("\t".join(_clean(v) for v in values[:keep]) + "\n")
        written += 1
    return written, skipped
