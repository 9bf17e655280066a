"""A data row names only known fields: an unquoted comma in a YAML flow mapping
("{text: Foreign, Commonwealth and Development Office}") once made "Foreign" alone a
metonym of the British government, so that "the Senate Foreign Relations Committee"
read as British."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsgraph.actors import DATA_DIR, ActorResolver, load_dictionary
from newsgraph.errors import DataFileError


def test_foreign_alone_names_no_government(resolver: ActorResolver) -> None:
    assert resolver.lookup("Foreign") is None
    committee = resolver.lookup("the Senate Foreign Relations Committee")
    assert committee is None or committee.country != "GBR"
    office = resolver.lookup("Foreign, Commonwealth and Development Office")
    assert office is not None and office.code == "GBRGOV"


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("metonyms.yaml", "- {text: Foreign, Commonwealth Office, country: GBR, sector: GOV}\n"),
        (
            "countries.yaml",
            "- {code: ZZZ, name: Ruritania, Strelsau, demonyms: [], capitals: []}\n",
        ),
    ],
)
def test_a_row_with_a_stray_field_is_refused(tmp_path: Path, name: str, row: str) -> None:
    data = tmp_path / "actors"
    shutil.copytree(DATA_DIR, data)
    text = (data / name).read_text(encoding="utf-8")
    anchor = "metonyms:\n" if name == "metonyms.yaml" else "countries:\n"
    (data / name).write_text(text.replace(anchor, anchor + row, 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown fields"):
        load_dictionary(data)
