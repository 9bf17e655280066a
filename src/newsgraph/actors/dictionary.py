"""The actor dictionary: countries, organisations, people with dated roles, agent nouns.

Everything is read from the data files under ``newsgraph/data/actors`` (YAML and CSV)
once, and turned into one phrase table keyed by folded token sequences (see
:mod:`newsgraph.actors.matching`).  ``load_dictionary`` raises ``DataFileError`` naming
the file and the bad value when a file is malformed.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from ..errors import DataFileError
from .matching import phrase_keys

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

EntryKind = Literal[
    "country",
    "demonym",
    "capital",
    "metonym",
    "org",
    "person",
    "short",
    "noun",
    "block",
    "backer",
    "leader",
    "against",
]
_ACRONYM = re.compile(r"[A-Z0-9+]{2,}s?")
_INSTITUTION = frozenset(
    {
        "organisation", "organization", "court", "council", "union", "agency", "fund", "bank",
        "commission", "programme", "program", "committee", "league", "tribunal", "community",
        "assembly", "association", "federation",
    }
)  # fmt: skip
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_GLUED_NAME = re.compile(r"[A-Z][a-z]{2,}[^s]")  # one capitalised word, not ending in s
ROLE_RANK = {
    "head_of_state": 0,
    "supreme_leader": 0,
    "head_of_government": 1,
    "leader": 1,
    "crown_prince": 2,
    "vice_president": 2,
    "secretary_general": 3,
    "foreign_policy_chief": 3,
    "foreign_minister": 3,
    "defence_minister": 4,
    "party_leader": 4,
    "military_chief": 5,
    "intelligence_chief": 5,
    "spokesperson": 5,
    "justice_minister": 6,
    "interior_minister": 6,
    "government_member": 7,
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of a phrase in the table."""

    kind: EntryKind
    ref: str  # country code, org code, person name or noun text
    country: str | None = None
    sector: str | None = None
    exact: str | None = None  # acronyms: the surface (dots removed) must match exactly
    caps: tuple[bool, ...] = ()  # per token: must the text start with a capital?
    flags: frozenset[str] = frozenset()
    source: str = ""  # the alias as written in the data file


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    un: bool


@dataclass(frozen=True, slots=True)
class Era:
    start: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class Org:
    code: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    eras: tuple[Era, ...] = ()
    parent: str | None = None  # an organ's organisation ("UNSC" -> "UN")
    branches: tuple[str, ...] = ()  # countries where a namesake branch acts ("Taliban": PAK)


@dataclass(frozen=True, slots=True)
class Role:
    person: str
    country: str
    sector: str
    role: str
    start: str
    end: str | None
    org: str | None = None  # the role is in an organisation (a UN or NATO secretary-general)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str
    roles: tuple[Role, ...] = ()


@dataclass(slots=True)
class Dictionary:
    """The loaded tables; ``table`` maps folded token tuples to their meanings."""

    countries: dict[str, Country] = field(default_factory=dict)
    orgs: dict[str, Org] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    table: dict[tuple[str, ...], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    office_roles: dict[str, str] = field(default_factory=dict)  # role -> sector
    honorifics: frozenset[str] = frozenset()
    pronouns: dict[str, str] = field(default_factory=dict)  # word -> person|group|possessive_*
    definite: frozenset[str] = frozenset()
    named_after_places: frozenset[str] = frozenset()  # "the Paris Agreement": no actor
    maxlen: int = 1
    prefixes: set[tuple[str, ...]] = field(default_factory=set)  # every proper prefix of a key

    def add(self, alias: str, entry: Entry) -> None:
        alias = alias.strip()
        keys, texts = phrase_keys(alias)
        if not keys:
            return
        bare = alias.replace(".", "").replace(" ", "").replace("-", "")
        exact = bare if _ACRONYM.fullmatch(bare) else None
        caps = tuple(t[:1].isupper() for t in texts)
        if entry.kind == "org" and len(keys) >= 3 and _INSTITUTION.intersection(keys):
            caps = ()  # "the international criminal court": a long name needs no capitals
        extra = Entry(
            entry.kind, entry.ref, entry.country, entry.sector, exact, caps, entry.flags, alias
        )
        bucket = self.table[keys]
        if extra not in bucket:
            bucket.append(extra)
        self.maxlen = max(self.maxlen, len(keys))
        self.prefixes.update(keys[:n] for n in range(1, len(keys)))


def parse_date(value: Any, where: str) -> str:
    text = str(value).strip()
    if not _DATE.fullmatch(text):
        raise DataFileError(f"{where}: date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed


def _yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read actor data file {path}: {exc}") from exc


def _name_variants(name: str) -> set[str]:
    """``Bashar al-Assad`` -> also ``Bashar Assad``, ``Bashar el-Assad``, ``Bashar al Assad``."""
    out = {name}
    for pre in ("al-", "el-", "Al-", "El-", "ad-", "as-", "an-"):
        if pre in name:
            out.add(name.replace(pre, ""))
            out.add(name.replace(pre, "al-"))
            out.add(name.replace(pre, "el-"))
    return out


def _short_forms(name: str) -> set[str]:
    last = name.split()[-1]
    out = {last}
    for pre in ("al-", "el-", "Al-", "El-", "ad-", "as-", "an-"):
        if last.startswith(pre):
            out.add(last[len(pre) :])
    return out


def load_dictionary(data_dir: Path | None = None) -> Dictionary:
    """Read every actor data file and build the phrase table."""
    base = Path(data_dir) if data_dir else DATA_DIR
    d = Dictionary()
    _load_sectors(d, base / "sectors.yaml")
    _load_countries(d, base / "countries.yaml", base / "ambiguous.yaml")
    _load_metonyms(d, base / "metonyms.yaml")
    _load_orgs(d, base / "organisations.yaml")
    _load_people(d, base / "people.yaml", base / "roles.csv")
    _load_office_holders(d, base / "office_holders.tsv")
    return d


def _load_sectors(d: Dictionary, path: Path) -> None:
    data = _yaml(path)
    d.sectors = {str(k): str(v) for k, v in data["sectors"].items()}
    for row in data["nouns"]:
        if not isinstance(row, list) or len(row) != 3 or row[1] not in d.sectors:
            raise DataFileError(f"{path}: bad noun row {row!r}; expected [text, SECTOR, flags]")
        flags = frozenset(str(row[2]).split())
        d.add(str(row[0]), Entry("noun", str(row[0]).lower(), sector=str(row[1]), flags=flags))
    for kind, words in data["modifiers"].items():
        if kind not in ("backer", "leader", "against"):
            raise DataFileError(f"{path}: unknown modifier kind {kind!r}")
        for w in words:
            d.add(str(w), Entry(kind, str(w)))
    d.office_roles = {str(k): str(v) for k, v in data.get("office_roles", {}).items()}
    bad = sorted(s for s in d.office_roles.values() if s not in d.sectors)
    if bad:
        raise DataFileError(f"{path}: office_roles name unknown sectors {bad}")
    d.honorifics = frozenset(phrase_keys(str(h))[0][0] for h in data["honorifics"])
    d.pronouns = {str(w): kind for kind, words in data["pronouns"].items() for w in words}
    d.definite = frozenset(str(w) for w in data["definite"])


def _load_countries(d: Dictionary, path: Path, ambiguous_path: Path) -> None:
    data = _yaml(path)
    plural = frozenset(map(str, data.get("glued_s_exceptions", [])))
    glued: list[tuple[str, str]] = []
    for row in data["countries"]:
        _fields(path, row, COUNTRY_FIELDS)
        code = str(row["code"])
        d.countries[code] = Country(code, str(row["name"]), bool(row.get("un", True)))
        for alias in [row["name"], *row.get("official", []), *row.get("aliases", [])]:
            d.add(str(alias), Entry("country", code, country=code))
            if _GLUED_NAME.fullmatch(str(alias)) and str(alias) not in plural:
                glued.append((str(alias) + "s", code))
        for dem in row.get("demonyms", []):
            dem = str(dem)
            d.add(dem, Entry("demonym", code, country=code))
            if re.search(r"(an|i|ot|ite)$", dem):
                d.add(dem + "s", Entry("demonym", code, country=code, flags=frozenset({"plural"})))
        for cap in row.get("capitals", []):
            d.add(str(cap), Entry("capital", code, country=code, sector="GOV"))
        for region in row.get("regions", []):  # a place like a capital, with no sector
            d.add(str(region), Entry("capital", code, country=code))
    named = {str(a) for r in data["countries"] for a in [r["name"], *r.get("aliases", [])]}
    stray = sorted(plural - named)
    if stray:
        raise DataFileError(f"{path}: glued_s_exceptions {stray} are no country's name or alias")
    for alias, code in glued:  # "Israels border": after every other name, never over one
        if phrase_keys(alias)[0] not in d.table:
            d.add(alias, Entry("country", code, country=code, flags=frozenset({"glued"})))
    amb = _yaml(ambiguous_path)["ambiguous"]
    for alias, codes in amb.items():
        d.ambiguous[str(alias)] = tuple(str(c) for c in codes)
        d.add(
            str(alias),
            Entry("country", str(codes[0]), country=str(codes[0]), flags=frozenset({"ambiguous"})),
        )


def _fields(path: Path, row: dict[str, Any], allowed: frozenset[str]) -> None:
    """A row names only known fields (an unquoted comma in a flow mapping, as in
    ``{text: Foreign, Commonwealth and Development Office}``, makes a stray one)."""
    stray = sorted(str(k) for k in row if k not in allowed)
    if stray:
        raise DataFileError(f"{path}: unknown fields {stray} in {row!r} (quote text with commas)")


METONYM_FIELDS = frozenset({"text", "country", "sector", "org"})
COUNTRY_FIELDS = frozenset({"code", "name", "official", "aliases", "demonyms", "capitals",
                            "regions", "un"})  # fmt: skip


def _load_metonyms(d: Dictionary, path: Path) -> None:
    data = _yaml(path)
    for row in data["metonyms"]:
        _fields(path, row, METONYM_FIELDS)
        if "org" in row:
            d.add(str(row["text"]), Entry("org", str(row["org"])))
        else:
            c = str(row["country"])
            d.add(str(row["text"]), Entry("metonym", c, country=c, sector=str(row["sector"])))
    for text in data["not_actors"]:
        d.add(str(text), Entry("block", str(text)))
    words = [str(w) for w in data.get("named_after_places", [])]
    bad = sorted(w for w in words if not w.isalpha() or w != w.lower())
    if bad:
        raise DataFileError(f"{path}: named_after_places {bad} are not lower-case words")
    d.named_after_places = frozenset(words)


ORG_KINDS = ("igo", "ngo", "armed", "party", "agency", "mnc", "media", "pseudo")


def _load_orgs(d: Dictionary, path: Path) -> None:
    for row in _yaml(path)["organisations"]:
        code = str(row["code"])
        eras = tuple(
            Era(parse_date(e["start"], f"{path} {code}"), e.get("country"), e.get("sector"))
            for e in row.get("eras", [])
        )
        kind = str(row["kind"])
        if kind not in ORG_KINDS:
            raise DataFileError(f"{path} {code}: kind {kind!r}; expected one of {ORG_KINDS}")
        parent = row.get("parent")
        branches = tuple(str(c) for c in row.get("branches", []))
        unknown = sorted(c for c in branches if c not in d.countries)
        if unknown:
            raise DataFileError(f"{path} {code}: branches {unknown} are no country codes")
        org = Org(code, str(row["name"]), kind, row.get("country"), row.get("sector"), eras,
                  str(parent) if parent else None, branches)  # fmt: skip
        d.orgs[code] = org
        for alias in {str(row["name"]), *map(str, row.get("aliases", []))}:
            d.add(alias, Entry("org", code, country=org.country, sector=org.sector))
    orphans = sorted(o.code for o in d.orgs.values() if o.parent and o.parent not in d.orgs)
    if orphans:
        raise DataFileError(f"{path}: parent not an organisation code for {orphans}")


def _load_people(d: Dictionary, people_path: Path, roles_path: Path) -> None:
    roles: dict[str, list[Role]] = defaultdict(list)
    with roles_path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            where = f"{roles_path}:{i}"
            try:
                role = Role(
                    row["person"].strip(),
                    row["country"].strip(),
                    row["sector"].strip(),
                    row["role"].strip(),
                    parse_date(row["start"], where),
                    parse_date(row["end"], where) if row["end"].strip() else None,
                    (row.get("org") or "").strip() or None,
                )
            except (KeyError, AttributeError) as exc:
                raise DataFileError(f"{where}: missing column {exc}") from exc
            roles[role.person].append(role)
    for row in _yaml(people_path)["people"]:
        name = str(row["name"])
        person = Person(
            name, str(row["country"]), tuple(sorted(roles.get(name, []), key=lambda r: r.start))
        )
        d.people[name] = person
        full = {name, *map(str, row.get("aliases", []))}
        for alias in {v for a in full for v in _name_variants(a)}:
            d.add(alias, Entry("person", name, country=person.country))
        shorts = set(map(str, row["short"])) if "short" in row else _short_forms(name)
        for short in list(shorts):  # "Sharaa" -> also "al-Sharaa" when the name has it
            shorts.update(
                f"{p}{short}" for p in ("al-", "el-") if any(f"{p}{short}" in a for a in full)
            )
        for alias in {v for a in shorts for v in _name_variants(a)}:
            d.add(alias, Entry("short", name, country=person.country))
    bad_orgs = sorted({r.org for rs in roles.values() for r in rs if r.org and r.org not in d.orgs})
    if bad_orgs:
        raise DataFileError(f"{roles_path}: unknown organisation codes {bad_orgs}")
    missing = sorted(set(roles) - set(d.people))
    if missing:
        raise DataFileError(f"{roles_path}: roles for people not in people.yaml: {missing[:5]}")


OFFICE_COLUMNS = ["name", "country", "roles", "aliases", "short"]


def _load_office_holders(d: Dictionary, path: Path) -> None:
    """The compact table of office holders (one person a line, tab-separated).

    Columns: name, country, roles (``role:start:end`` joined by ``;``), aliases and
    short forms (joined by ``|``).  Only the listed names and short forms are added.
    """
    if not path.exists():
        return
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln[:1] != "#"]
    except OSError as exc:
        raise DataFileError(f"cannot read actor data file {path}: {exc}") from exc
    if not lines or lines[0].split("\t") != OFFICE_COLUMNS:
        raise DataFileError(f"{path}: the first line must be the columns {OFFICE_COLUMNS}")
    for n, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        where = f"{path} row {n}"
        if len(cols) != 5:
            raise DataFileError(f"{where}: {len(cols)} columns, expected {OFFICE_COLUMNS}")
        name, country, role_text, alias_text, short_text = cols
        if country not in d.countries:
            raise DataFileError(f"{where}: unknown country {country!r}")
        if name in d.people:
            raise DataFileError(f"{where}: {name!r} is already in people.yaml")
        roles = []
        for item in role_text.split(";"):
            role, _, span = item.partition(":")
            start, _, end = span.partition(":")
            sector = d.office_roles.get(role)
            if sector is None:
                raise DataFileError(f"{where}: role {role!r} not in office_roles of sectors.yaml")
            roles.append(
                Role(name, country, sector, role, parse_date(start, where),
                     parse_date(end, where) if end else None)
            )  # fmt: skip
        d.people[name] = Person(name, country, tuple(sorted(roles, key=lambda r: r.start)))
        for alias in [name, *(a for a in alias_text.split("|") if a)]:
            d.add(alias, Entry("person", name, country=country))
        for short in (s for s in short_text.split("|") if s):
            d.add(short, Entry("short", name, country=country))
