"""Every actor data file loads and is well-formed."""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pytest
import yaml

from newsgraph.actors import DATA_DIR, load_dictionary
from newsgraph.actors.dated import pad_date
from newsgraph.actors.dictionary import Dictionary, parse_date
from newsgraph.actors.matching import phrase_keys
from newsgraph.errors import DataFileError

ISO3 = re.compile(r"[A-Z]{3}")
ORG_CODE = re.compile(r"[A-Z][A-Z0-9]{1,11}")
COUNTRY_KINDS = frozenset({"country", "demonym", "capital", "metonym"})
ROLES = frozenset(
    {
        "head_of_state", "head_of_government", "foreign_minister", "defence_minister",
        "spokesperson", "deputy_foreign_minister", "un_ambassador", "vice_president",
        "supreme_leader", "crown_prince", "deputy_head_of_government", "ambassador_usa",
        "minister_of_state_foreign_affairs", "climate_envoy", "chief_of_staff",
        "national_security_adviser", "intelligence_chief", "speaker", "interior_minister",
        "opposition_leader", "secretary_general", "party_leader", "foreign_policy_chief",
        "special_envoy", "high_commissioner", "military_chief", "government_member",
        "activist", "journalist",
    }
)  # fmt: skip


def _yaml(name: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def d() -> Dictionary:
    return load_dictionary()


def test_countries_cover_the_un_and_observers(d: Dictionary) -> None:
    rows = _yaml("countries.yaml")["countries"]
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)), "duplicate country code"
    assert all(ISO3.fullmatch(c) for c in codes)
    members = [r for r in rows if r.get("un", True)]
    assert len(members) == 193
    assert {"PSE", "XKX", "TWN", "VAT"} <= set(codes)
    for r in rows:
        assert r["name"], r


def test_org_codes_and_sectors(d: Dictionary) -> None:
    rows = _yaml("organisations.yaml")["organisations"]
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    for r in rows:
        assert ORG_CODE.fullmatch(r["code"]), r["code"]
        assert r["kind"] in {"igo", "armed", "ngo", "pseudo", "party", "agency", "mnc", "media"}
        assert r.get("parent") is None or r["parent"] in d.orgs, r
        assert r.get("country") is None or r["country"] in d.countries, r
        assert r.get("sector") is None or r["sector"] in d.sectors, r
        for era in r.get("eras", []):
            parse_date(era["start"], r["code"])
            assert era.get("sector") in d.sectors


def test_metonyms_and_nouns_use_known_codes(d: Dictionary) -> None:
    data = _yaml("metonyms.yaml")
    for m in data["metonyms"]:
        if "org" in m:
            assert m["org"] in d.orgs, m
        else:
            assert m["country"] in d.countries and m["sector"] in d.sectors, m
    sectors = _yaml("sectors.yaml")
    assert all(ISO3.fullmatch(s) for s in sectors["sectors"])
    flags = {"person", "plural", "generic", "inst", "coref", "bound", "member"}
    for text, sector, flag in sectors["nouns"]:
        assert sector in sectors["sectors"], text
        assert set(str(flag).split()) <= flags, text


def test_roles_are_dated_and_known(d: Dictionary) -> None:
    with (DATA_DIR / "roles.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 400, f"only {len(rows)} role rows"
    seen = set()
    for n, r in enumerate(rows, start=2):
        where = f"roles.csv:{n}"
        assert r["person"] in d.people, where
        assert r["country"] in d.countries and ISO3.fullmatch(r["country"]), where
        assert r["sector"] in d.sectors, where
        assert r["role"] in ROLES, f"{where}: unknown role {r['role']}"
        start = parse_date(r["start"], where)
        if r["end"]:
            end = parse_date(r["end"], where)
            assert pad_date(end, end=True) >= pad_date(start), f"{where}: ends before it starts"
        key = (r["person"], r["role"], r["start"])
        assert key not in seen, f"{where}: duplicate row"
        seen.add(key)


def test_people_have_roles_and_countries(d: Dictionary) -> None:
    for p in d.people.values():
        assert p.country in d.countries, p.name
        assert p.roles, f"{p.name} has no role row"
        assert all(r.country == p.country for r in p.roles), p.name


def test_no_alias_names_two_countries_unless_listed(d: Dictionary) -> None:
    allowed = {phrase_keys(a)[0] for a in d.ambiguous}
    clashes = []
    for key, entries in d.table.items():
        countries = {e.country for e in entries if e.kind in COUNTRY_KINDS}
        if len(countries) > 1 and key not in allowed:
            clashes.append((" ".join(key), sorted(c for c in countries if c)))
    assert not clashes, clashes[:10]


def test_person_aliases_do_not_clash_across_countries(d: Dictionary) -> None:
    by_key: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for key, entries in d.table.items():
        for e in entries:
            if e.kind == "person":
                by_key[key].add(e.country or "")
    assert not [k for k, v in by_key.items() if len(v) > 1]


def test_a_bad_date_is_refused() -> None:
    with pytest.raises(DataFileError, match="2016-2-3"):
        parse_date("2016-2-3", "roles.csv:9")


def test_a_malformed_file_names_itself(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for f in DATA_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "roles.csv").write_text(
        "person,country,sector,role,start,end\nNobody Known,RUS,GOV,spokesperson,2012,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="Nobody Known"):
        load_dictionary(tmp_path)


def test_office_holders_are_many_dated_and_known(d: Dictionary) -> None:
    lines = [
        ln
        for ln in (DATA_DIR / "office_holders.tsv").read_text(encoding="utf-8").splitlines()
        if not ln.startswith("#")
    ]
    rows = [ln.split("\t") for ln in lines[1:]]
    assert len(rows) >= 5000
    countries = {r[1] for r in rows}
    assert len(countries) >= 150, f"only {len(countries)} countries"
    leaders = {r[1] for r in rows if "leader:" in r[2]}
    assert len(leaders) >= 120, f"leaders of only {len(leaders)} countries"
    for r in rows:
        ends = []
        for item in r[2].split(";"):
            role, start, end = item.split(":")
            assert role in d.office_roles, r
            assert pad_date(end, end=True) >= pad_date(start), r
            assert end >= "1945", r
            ends.append(end)
        if max(ends) < "1980":  # a historical office holder: by the full name only
            assert r[4] == "", r
    roles = _yaml("sectors.yaml")["office_roles"]
    assert set(roles.values()) <= set(d.sectors)


def _copy_data(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for f in DATA_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Ann Example\tXXX\tleader:2001-01-01:2002-01-01\t\t", "unknown country 'XXX'"),
        ("Ann Example\tNOR\tjester:2001-01-01:2002-01-01\t\t", "role 'jester'"),
        ("Ann Example\tNOR\tleader:2001-1-1:2002-01-01\t\t", "2001-1-1"),
        ("Ann Example\tNOR\tleader:2001-01-01:2002-01-01\t", "4 columns"),
    ],
)
def test_a_bad_office_holder_row_names_itself(tmp_path, row: str, message: str) -> None:  # type: ignore[no-untyped-def]
    _copy_data(tmp_path)
    path = tmp_path / "office_holders.tsv"
    path.write_text("name\tcountry\troles\taliases\tshort\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(message)):
        load_dictionary(tmp_path)


def test_an_organ_needs_a_known_parent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _copy_data(tmp_path)
    path = tmp_path / "organisations.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("parent: UN,", "parent: UNO,", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="parent"):
        load_dictionary(tmp_path)


def test_phrase_tokens_match_the_tokenizer() -> None:
    """The word cache of ``tokenize`` cuts phrases as spaCy's tokenizer does."""
    import spacy

    from newsgraph.actors.matching import tokenize

    nlp = spacy.blank("en")
    for text in [
        "Hamid Karzai", "U.S.-led troops", "al-Assad's", "cannot", "Dont", "O'Brien",
        "Mohamed Ould Abdel Aziz", "Turkey's President", "Côte d'Ivoire", "Yar'Adua",
        "Jaish-e-Mohammed", "Kassym-Jomart  Tokayev", "don't stop", "Im here",
    ]:  # fmt: skip
        assert tokenize(text) == [t.text for t in nlp.tokenizer(text) if not t.is_space], text
