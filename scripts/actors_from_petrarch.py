"""Rebuild src/newsgraph/data/actors/office_holders.tsv from PETRARCH-2's people (MIT).

    .venv/bin/python scripts/actors_from_petrarch.py [PETRARCH_DIR]

Reads ``Phoenix.Countries.actors.txt`` (../shared/reference/petrarch2 by default) as a
source of facts and selects, checks and re-expresses them in newsgraph's own format:

* who: people with a dated government term (``XXXGOV``, ``XXXGOVMIL``, ``XXXGOVJUD``,
  ``XXXGOVCOP``, ``XXXGOVSPY``, ``XXXSPY``, ``XXXMIL``) that ends in 1980 or later, of a
  country in countries.yaml; portfolios of little news weight (agriculture, education,
  health, trade, ...) are left out, and so is anyone the hand-written people.yaml has;
  also, by their full names and the source's multi-word aliases only (no short form),
  the historical office holders whose terms all ended between 1945 and 1980 ("Gamal
  Abdel Nasser", "Nur Mohammad Taraki", "Agostinho Neto": news retells their acts);
* roles: ``leader`` (head of state or government: the source's leader lists, told by a
  dated career period before the term, or a president/prime-minister alias), or by the
  code's sector ``government_member`` (a minister or envoy of the source's government
  rosters, portfolio not given),
  ``defence_minister``, ``justice_minister``, ``interior_minister``,
  ``intelligence_chief``, ``military_chief``;
* checked: Mauritania's leaders, coded as Mauritius' (MUS) in the source, are moved to
  MRT (the Mauritanian patronymic "Ould" tells them);
* open terms (still held when the source was compiled, 2014-2015) end at 2015-12-31;
* names: titles dropped, particles (al, bin, de, van, ...) in lower case; a surname alone
  (``short``) only for leaders and for single-word aliases the source gives, and only
  where it is distinctive (not a given name of anyone listed, not an English word of the
  stop list below, not already a dictionary phrase, not shared with someone of another
  country).
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsgraph" / "data" / "actors"
SOURCE = (
    Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference" / "petrarch2"
)
OUT = DATA / "office_holders.tsv"
OPEN_END = "2015-12-31"
SINCE = "1980"
HISTORICAL = "1945"  # terms ending from here to SINCE: full names only
ROLE_OF = {
    "GOV": "government_member",
    "GOVMIL": "defence_minister",
    "GOVJUD": "justice_minister",
    "GOVCOP": "interior_minister",
    "GOVSPY": "intelligence_chief",
    "SPY": "intelligence_chief",
    "MIL": "military_chief",
}
COUNTRY_FIX = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
TITLES = {
    "PRESIDENT", "PRIME", "MINISTER", "VICE", "KING", "QUEEN", "PRINCE", "PRINCESS",
    "SHEIKH", "SHAIKH", "SHEIKHA", "EMIR", "AMIR", "SULTAN", "CHANCELLOR", "GENERAL", "GEN.",
    "GEN", "DR.", "DR", "SIR", "LORD", "LADY", "AYATOLLAH", "MULLAH", "MAWLAWI", "MR", "MR.",
    "MRS", "MRS.", "MS", "MS.", "COLONEL", "COL.", "COL", "LT.", "MARSHAL", "FIELD",
    "ADMIRAL", "CAPTAIN", "CAPT.", "MAJOR", "SECRETARY", "DEFENSE", "DEFENCE", "FOREIGN",
    "STATE", "OF", "CIA", "DIRECTOR", "H.E.", "HE", "GRAND", "DUKE", "CROWN", "PREMIER",
    "GENERAL-SECRETARY", "SECRETARY-GENERAL", "SENATOR", "AMBASSADOR", "SHAH",
}  # fmt: skip
PARTICLES = {
    "al", "el", "bin", "ibn", "bint", "ben", "de", "da", "do", "dos", "das", "del", "della",
    "di", "du", "van", "von", "der", "den", "la", "le", "ul", "ud", "y", "e", "et", "ter",
}  # fmt: skip
INSTITUTION = {
    "ARMY", "MINISTRY", "PARTY", "FRONT", "GOVERNMENT", "COUNCIL", "FORCES", "POLICE",
    "REPUBLIC", "COMMITTEE", "NATIONAL", "UNION", "ASSEMBLY", "MOVEMENT", "COALITION",
    "OBSERVATORY", "COURT", "BUREAU", "AGENCY", "OFFICE", "DEPARTMENT", "ORGANIZATION",
    "ORGANISATION", "SERVICE", "SERVICES", "BANK", "CONGRESS", "PARLIAMENT", "SENATE",
    "BRIGADE", "BRIGADES", "GUARD", "KINGDOM", "EMPIRE", "STATES", "ISLANDS", "CITY",
    "DEMOCRATIC", "PEOPLE'S", "SOVIET", "FEDERATION", "COMMUNIST", "COMMISSION",
}  # fmt: skip
# English words that are also surnames: never a short form on their own.
ENGLISH_WORDS = """
able about after against also amin and any are baker bell best bird black
blair bond born bright brown bush but can card cash chance church clay cook
cost crane cross dark day dear deal dean deep early east english field fine
fish fisher ford fort fox frank free french friend fry gay gibbs gold good
grace grant gray green grey guy hall hand hard hart hay head heart hill
holy home hood hope house hunt hunter jordan just keen kind king knight lamb
land lane law lee left little long lord love low major mark marsh martin
mason may mill miller moon moore more morning new newman noble north page park
parker peace pearl pope power price pride prince rain rich rice ring rock rose
ross rush sale sharp shaw short silver small smart smith snow south spring stone
strong swan swift taylor temple thomas tower true turner union vance wade walker wall
ward waters west white wise wolf wood woods young reform united social liberty victory
unity justice
"""
ENGLISH = set(ENGLISH_WORDS.split())


def parse_date(s: str) -> str | None:
    s = s.strip()
    if len(s) == 6 and s.isdigit():
        s = ("20" if int(s[:2]) <= 25 else "19") + s
    if len(s) != 8 or not s.isdigit():
        return None
    y, m, d = s[:4], s[4:6], s[6:8]
    m = "01" if m == "00" else m
    d = "01" if d == "00" else d
    return f"{y}-{m}-{d}"


def read_entries(path: Path) -> list[dict]:
    entries: list[dict] = []
    cur: dict | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        body, _, comment = raw.partition("#")
        s = body.strip()
        if not s:
            continue
        if s.startswith("+"):
            if cur is not None:
                cur["names"].append(s[1:].strip())
            continue
        codes = re.findall(r"\[([^\]]*)\]", s)
        if s.startswith("["):
            if cur is not None:
                cur["codes"].extend(codes)
            continue
        cur = {"names": [re.sub(r"\s*\[.*$", "", s).strip()], "codes": codes,
               "comment": comment.strip()}  # fmt: skip
        entries.append(cur)
    return entries


def periods(codes: list[str]) -> list[tuple[str, str | None, str | None, bool]]:
    """(code, start, end, dated) per restriction; an open end is None."""
    out = []
    for c in codes:
        parts = c.split()
        if not parts:
            continue
        code, date = parts[0], parts[1] if len(parts) > 1 else ""
        if not date:
            out.append((code, None, None, False))
        elif date.startswith(">"):
            out.append((code, parse_date(date[1:]), None, True))
        elif date.startswith("<"):
            out.append((code, None, parse_date(date[1:]), True))
        elif "-" in date:
            a, b = date.split("-", 1)
            out.append((code, parse_date(a), parse_date(b), True))
    return out


def _cap(word: str) -> str:
    low = word.lower()
    if low in PARTICLES:
        return low
    if "-" in word:
        return "-".join(_cap(p) for p in word.split("-"))
    if low.startswith("mc") and len(low) > 2:
        return "Mc" + low[2:].capitalize()
    if low.startswith("o'") and len(low) > 2:
        return "O'" + low[2:].capitalize()
    return low.capitalize()


def clean_name(raw: str) -> list[str]:
    """Tokens of a name with leading titles dropped (``PRESIDENT_HAMID_KARZAI_`` ->
    ``Hamid Karzai``); [] when it is not a plain name."""
    words = [w for w in raw.strip("_ ").split("_") if w]
    if not words or any(w in INSTITUTION for w in words):
        return []
    while words and words[0].upper() in TITLES:
        words = words[1:]
    if not words or any(not re.fullmatch(r"[A-Z][A-Z.'\-]*", w) for w in words):
        return []
    return [_cap(w) for w in words]


def main() -> None:
    countries = {
        str(r["code"]) for r in yaml.safe_load((DATA / "countries.yaml").read_text())["countries"]
    }
    curated = yaml.safe_load((DATA / "people.yaml").read_text())["people"]
    curated_keys = {_norm(n) for r in curated for n in [r["name"], *r.get("aliases", [])]}
    curated_last = {(r["country"], r["name"].split()[-1].lower()) for r in curated}
    entries = read_entries(SOURCE / "Phoenix.Countries.actors.txt")
    given: Counter[str] = Counter()
    for e in entries:
        for n in e["names"]:
            toks = clean_name(n)
            if len(toks) >= 2:
                given[toks[0].lower()] += 1
    for r in curated:
        given[r["name"].split()[0].lower()] += 1
    people: dict[str, dict] = {}
    for e in entries:
        ps = periods(e["codes"])
        name = clean_name(e["names"][0])
        if len(name) < 2 or len(name) > 6:
            continue
        career = any(c.endswith("ELI") and s and end for c, s, end, _ in ps)
        titled = any(re.match(r"(PRESIDENT|PRIME_MINISTER|KING|CHANCELLOR|EMIR|SULTAN)_", n)
                     for n in e["names"])  # fmt: skip
        terms = []
        for code, start, end, dated in ps:
            country = COUNTRY_FIX.get(code[:3], code[:3])
            kind = code[3:]
            if not dated or country not in countries or kind not in ROLE_OF or not start:
                continue
            if end is not None and end < HISTORICAL:
                continue
            role = ROLE_OF[kind]
            if role == "government_member" and (career or titled):
                role = "leader"
            terms.append((country, role, start, end))
        if not terms:
            continue
        country = Counter(t[0] for t in terms).most_common(1)[0][0]
        if country == "MUS" and "OULD" in e["names"][0].split("_"):
            country = "MRT"  # the source codes Mauritania's leaders as Mauritius'
            terms = [("MRT", *t[1:]) for t in terms]
        terms = [t for t in terms if t[0] == country]
        full = " ".join(name)
        if _norm(full) in curated_keys or (country, name[-1].lower()) in curated_last:
            continue
        aliases, singles = [], []
        for n in e["names"][1:]:
            toks = clean_name(n)
            if len(toks) == 1:
                singles.append(toks[0])
            elif (
                len(toks) >= 2
                and " ".join(toks) != full
                and _norm(" ".join(toks)) not in curated_keys
            ):
                aliases.append(" ".join(toks))
        p = people.setdefault(
            full,
            {"country": country, "terms": set(), "aliases": [], "singles": [], "leader": False},
        )
        if p["country"] != country:
            continue
        p["terms"].update(terms)
        p["aliases"].extend(a for a in aliases if a not in p["aliases"])
        p["singles"].extend(singles)
        p["leader"] |= any(t[1] == "leader" for t in terms)
    # a full name two countries' people share is kept by the one with the latest term
    owner: dict[str, tuple[str, str]] = {}
    for full, p in people.items():
        latest = max(t[2] for t in p["terms"])
        for n in [full, *p["aliases"]]:
            key = n.lower()
            if key not in owner or owner[key][1] < latest:
                owner[key] = (full, latest)
    for full in list(people):
        if owner[full.lower()][0] != full:
            del people[full]
    for full, p in people.items():
        p["aliases"] = [a for a in p["aliases"] if owner[a.lower()][0] == full]
    # short forms
    surname_countries: dict[str, set[str]] = defaultdict(set)
    for full, p in people.items():
        if not _historical(p["terms"]):  # (the short forms of today's names stay as they were)
            surname_countries[full.split()[-1].lower()].add(p["country"])
    for r in curated:
        surname_countries[r["name"].split()[-1].lower()].add(r["country"])
    reserved = _dictionary_words()
    rows = []
    for full, p in sorted(people.items(), key=lambda kv: (kv[1]["country"], kv[0])):
        shorts = set()
        historical = _historical(p["terms"])
        candidates = set() if historical else set(p["singles"])
        if p["leader"] and not historical:
            last = full.split()[-1]
            if last[0].isupper():
                candidates.add(last)
        for s in candidates:
            key = s.lower()
            bare = re.sub(r"^(al|el)-", "", key)
            if (
                len(bare) >= 4
                and given[bare] == 0
                and given[key] == 0
                and bare not in ENGLISH
                and bare not in reserved
                and len(surname_countries.get(key, {p["country"]}) | {p["country"]}) == 1
            ):
                shorts.add(s)
        terms = _merge(p["terms"])
        roles = ";".join(f"{role}:{start}:{end or OPEN_END}" for role, start, end in terms)
        rows.append(
            "\t".join([full, p["country"], roles, "|".join(p["aliases"]), "|".join(sorted(shorts))])
        )
    header = OUT.read_text(encoding="utf-8").split("name\tcountry", 1)[0] if OUT.exists() else ""
    OUT.write_text(
        header + "name\tcountry\troles\taliases\tshort\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    print(f"{len(rows)} people written to {OUT}")


def _historical(terms: set[tuple[str, str, str, str | None]]) -> bool:
    """Every term ended before SINCE."""
    return all(end is not None and end < SINCE for *_, end in terms)


def _norm(name: str) -> str:
    """A name without case, hyphens and particles: "Ibrahim al-Assaf" = "Ibrahim Assaf"."""
    words = name.lower().replace("-", " ").replace(".", "").split()
    return " ".join(w for w in words if w not in PARTICLES)


def _merge(terms: set[tuple[str, str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    """Overlapping or touching terms of one role become one."""
    by_role: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for _, role, start, end in terms:
        by_role[role].append((start, end))
    out = []
    for role, spans in by_role.items():
        spans.sort(key=lambda s: (s[0], s[1] or "9999"))
        merged: list[list[str | None]] = []
        for start, end in spans:
            if merged and (merged[-1][1] is None or start <= merged[-1][1]):
                last_end = merged[-1][1]
                merged[-1][1] = None if end is None or last_end is None else max(end, last_end)
            else:
                merged.append([start, end])
        out.extend((role, s, e) for s, e in merged)
    return sorted(out, key=lambda t: (t[1], t[0]))


def _dictionary_words() -> set[str]:
    """Single words the hand-written actor files already give a meaning."""
    words: set[str] = set()
    for name in ("countries.yaml", "sectors.yaml", "metonyms.yaml", "organisations.yaml"):
        text = (DATA / name).read_text(encoding="utf-8")
        words.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", text))
    return words


if __name__ == "__main__":
    main()
