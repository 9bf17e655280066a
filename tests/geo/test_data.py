"""The gazetteer's data files and its compact city index load and validate."""

from __future__ import annotations

from array import array
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsgraph.geo import cityindex, default_gazetteer
from newsgraph.geo.names import normalize

DATA = resources.files("newsgraph") / "data" / "gazetteer"


def _divisions() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA / "divisions.yaml").read_text(encoding="utf-8"))
    return data


def test_divisions_file_is_valid() -> None:
    data = _divisions()
    names: list[str] = []
    for item in data["divisions"]:
        assert set(item) == {"name", "country", "capital", "lat", "lon", "aliases"}, item
        assert len(item["country"]) == 3 and item["country"].isupper(), item
        assert -90 <= item["lat"] <= 90 and -180 <= item["lon"] <= 180, item
        names += [normalize(n) for n in [item["name"], *item["aliases"]]]
    for item in data["regions"]:
        assert set(item) == {"name", "aliases", "country", "lat", "lon"}, item
        names += [normalize(n) for n in [item["name"], *item["aliases"]]]
    assert len(names) == len(set(names)), "a division or region is listed twice"


def test_every_division_gets_its_geonames_code_from_its_capital() -> None:
    gaz = default_gazetteer()
    for item in _divisions()["divisions"]:
        entry = gaz.best(item["name"], item["country"])
        assert entry is not None and entry.fcode == "ADM1", item["name"]
        assert entry.admin1, f"{item['name']}: capital {item['capital']} not found in it"


def test_index_round_trip(tmp_path: Path) -> None:
    index = cityindex.CityIndex(
        array("i", [1, 2]), ["Paris", "Paris"], ["FR", "US"], ["11", "TX"],
        array("f", [48.85, 33.66]), array("f", [2.35, -95.55]), array("i", [2_000_000, 25_000]),
        {"paris": (0, 1), "lutece": ~0},
    )  # fmt: skip
    path = tmp_path / "index.marshal"
    cityindex.save(index, path)
    back = cityindex.read(path)
    assert back.names == index.names and back.admin1 == ["11", "TX"]
    assert back.rows("paris") == [(0, False), (1, False)] and back.rows("lutece") == [(0, True)]
    assert back.rows("nowhere") == []


def test_a_stale_index_is_refused(tmp_path: Path) -> None:
    import marshal

    path = tmp_path / "old.marshal"
    path.write_bytes(marshal.dumps((cityindex.FORMAT - 1, b"")))
    with pytest.raises(ValueError, match="rebuild"):
        cityindex.read(path)


def test_state_abbreviations_and_demonyms() -> None:
    gaz = default_gazetteer()
    for text, state in [("La.", "Louisiana"), ("N.C.", "North Carolina"), ("OH", "Ohio")]:
        entry = gaz.abbreviation(text)
        assert entry is not None and entry.name == state
    assert gaz.demonym("Palestinians") == "PSE" and gaz.demonym("Russian") == "RUS"
    assert gaz.demonym("Tuesday") is None
