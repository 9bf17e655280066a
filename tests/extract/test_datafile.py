"""The extraction stage's data files: one that cannot be read or parsed is a
DataFileError naming the file and what it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import DataFileError
from newsgraph.extract.furniture_rules import load_model
from newsgraph.extract.outlet import load_catalog


def test_a_missing_or_malformed_data_file_names_itself_and_what_it_holds(tmp_path: Path) -> None:
    missing = tmp_path / "none.yaml"
    with pytest.raises(DataFileError, match=r"none\.yaml: cannot read outlets: "):
        load_catalog(missing)
    broken = tmp_path / "broken.yaml"
    broken.write_text("rules: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken\.yaml: cannot read furniture rules: "):
        load_model(broken)
