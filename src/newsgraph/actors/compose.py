"""From the dictionary hits of one phrase to one reading (an actor, maybe still unresolved).

Rules, in order: a known person (their role at the date) > an organisation > a country
(name, demonym, capital or institution) > agent nouns alone.  A country followed by
``-backed``/``-funded`` or preceded by ``anti-``/``pro-`` is not the actor; one followed by
``-led`` is used only when no other country is named.  The sector comes from the head agent
noun ("Turkish troops" -> MIL); a generic noun ("spokesman", "official") yields to a more
specific one or to the institution's sector ("Pentagon officials" -> MIL).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from .dated import org_state, person_role
from .dictionary import Dictionary, Entry, Org, Person, Role
from .matching import Hit, phrase_keys

Kind = Literal[
    "name", "country", "demonym", "metonym", "org", "office", "person", "pronoun", "noun"
]
Need = Literal[
    "none", "person", "group", "inst", "org", "possessive_person", "possessive_group", "state"
]

_PRIORITY = {
    "person": 0,
    "short": 1,
    "org": 2,
    "metonym": 3,
    "capital": 4,
    "country": 5,
    "demonym": 6,
    "noun": 7,
    "backer": 8,
    "leader": 8,
    "against": 8,
    "block": 9,
}
_IDENTITY = frozenset({"person", "short", "org", "metonym", "capital", "country", "demonym"})


@dataclass(frozen=True, slots=True)
class Reading:
    """What a phrase says about its actor; ``need`` asks coreference for the rest."""

    code: str | None
    country: str | None
    sector: str | None
    org: str | None = None
    name: str | None = None
    kind: Kind = "noun"
    person_like: bool = False
    plural: bool = False
    identity: bool = False  # a country, organisation or person of its own
    need: Need = "none"
    generic: bool = False  # the sector came from a generic noun only
    head: str | None = None  # the head agent noun ("official"), for coreference
    bound: bool = False  # only "bound" nouns ("side", "member"): kept only if a country attaches


def make_code(country: str | None, sector: str | None) -> str | None:
    code = (country or "") + (sector or "")
    return code or None


def primary(hit: Hit) -> Entry:
    return min(hit.entries, key=lambda e: (_PRIORITY[e.kind], "ambiguous" not in e.flags))


def _pick_person(d: Dictionary, hit: Hit, when: str | None) -> Reading | None:
    """The reading of a name; a surname shared by several people needs the date to choose.

    Several people serving at the date, all of one country: that country, no name.
    """
    people = list(
        {e.ref: d.people[e.ref] for e in hit.entries if e.kind in ("person", "short")}.values()
    )
    roles: list[tuple[Person, Role | None]] = [(p, person_role(p, when)) for p in people]
    if len(roles) > 1:
        serving: list[tuple[Person, Role | None]] = [(p, r) for p, r in roles if r is not None]
        if len(serving) == 1:
            roles = serving
        elif len({p.country for p, _ in (serving or roles)}) == 1:
            country = (serving or roles)[0][0].country
            sector = "GOV" if serving else "ELI"
            return Reading(
                make_code(country, sector),
                country,
                sector,
                kind="person",
                person_like=True,
                identity=True,
            )
        else:
            return None
    person, role = roles[0]
    if role is not None and role.org is not None:
        r = _org_reading(d.orgs[role.org], when, None, True, False)
        return replace(r, name=person.name, kind="person")
    sector = role.sector if role else "ELI"
    return Reading(
        make_code(person.country, sector),
        person.country,
        sector,
        name=person.name,
        kind="person",
        person_like=True,
        identity=True,
    )


def _memberships_and_origins(hits: Sequence[Hit], prim: Sequence[Entry]) -> set[int]:
    """Identities that only qualify another one in the phrase.

    * an organisation before a "member" noun and a country: "NATO-member Norway", "the
      EU member state Poland" are the country;
    * the first of two demonyms joined by a hyphen: an "Egyptian-American" is American.
    """
    out: set[int] = set()
    kinds = [e.kind for e in prim]
    for i, e in enumerate(prim):
        if e.kind == "org":
            rest = range(i + 1, len(prim))
            member = next((j for j in rest if "member" in prim[j].flags), None)
            if member is not None and any(
                kinds[k] in ("country", "demonym", "capital") for k in range(member + 1, len(prim))
            ):
                out.add(i)
        elif (
            e.kind == "demonym"
            and i + 1 < len(prim)
            and kinds[i + 1] == "demonym"
            and hits[i + 1].start == hits[i].end + 1
            and prim[i + 1].country != e.country
        ):
            out.add(i)
    return out


def _titled(
    d: Dictionary,
    hits: Sequence[Hit],
    prim: Sequence[Entry],
    at: int,
    excluded: set[int],
    picked: Reading,
    when: str | None,
) -> Reading:
    """A person under a title that names whom they act for: "European Council President
    Donald Tusk" acts for the EU, "Mauritania's President ..." for Mauritania.

    The title is an organisation or country named before the person with an agent noun
    between them (so "the U.S. Husain Haqqani", a parse that glued two phrases, is not
    one); a country that is the person's own changes nothing.
    """
    for j in range(at):
        e = prim[j]
        if j in excluded or e.kind not in _IDENTITY or e.kind in ("person", "short"):
            continue
        if not any(prim[k].kind == "noun" for k in range(j + 1, at)):
            continue
        if e.kind == "org":
            r = _org_reading(d.orgs[e.ref], when, None, True, False)
            return replace(r, name=picked.name, kind="person", plural=False)
        if e.country is not None and e.country != picked.country:
            sector = picked.sector if picked.sector != "ELI" else None
            sector = sector or next(
                (prim[k].sector for k in range(j + 1, at) if prim[k].sector), None
            )
            return replace(picked, code=make_code(e.country, sector), country=e.country,
                           sector=sector)  # fmt: skip
        return picked
    return picked


def compose(
    d: Dictionary, hits: Sequence[Hit], when: str | None, det: str | None = None
) -> Reading | None:
    """One reading for the hits of one phrase; ``det`` is its determiner, lower-cased."""
    hits = [h for h in hits if "block" not in h.kinds]
    if not hits:
        return None
    prim = [primary(h) for h in hits]
    excluded: set[int] = set()
    weak: set[int] = set()
    for i, e in enumerate(prim):
        if e.kind not in _IDENTITY or e.kind in ("person", "short"):
            continue
        nxt = prim[i + 1] if i + 1 < len(prim) and hits[i + 1].start <= hits[i].end + 1 else None
        prv = prim[i - 1] if i > 0 and hits[i - 1].end >= hits[i].start - 1 else None
        if (nxt is not None and nxt.kind == "backer") or (
            prv is not None and prv.kind == "against"
        ):
            excluded.add(i)
        elif nxt is not None and nxt.kind == "leader":
            weak.add(i)
    qualifiers = _memberships_and_origins(hits, prim)
    member_of = any(prim[i].kind == "org" for i in qualifiers)
    excluded |= qualifiers
    # "NATO member Norway": the member noun only joins the two names
    nouns = [e for e in prim if e.kind == "noun" and not (member_of and "member" in e.flags)]
    specific = [e for e in nouns if "generic" not in e.flags]
    head = nouns[-1] if nouns else None
    noun_sector = (specific or nouns)[-1].sector if nouns else None
    generic = bool(nouns) and not specific
    person_like = head is not None and "person" in head.flags
    plural = head is not None and "plural" in head.flags
    if head is None and any("plural" in e.flags for e in prim):
        plural = True

    for i, h in enumerate(hits):
        if prim[i].kind in ("person", "short"):
            picked = _pick_person(d, h, when)
            if picked is not None:  # the title beside the name: "Chancellor Angela Merkel"
                picked = _titled(d, hits, prim, i, excluded, picked, when)
                return replace(picked, head=head.ref if head else None)
    usable = [
        i
        for i, e in enumerate(prim)
        if e.kind in _IDENTITY and e.kind not in ("person", "short") and i not in excluded
    ]
    strong = [i for i in usable if i not in weak] or usable
    for i in strong:
        e = prim[i]
        if e.kind == "org":
            return _org_reading(
                d.orgs[e.ref], when, noun_sector if specific else None, person_like, plural
            )
        sector = noun_sector
        inst = e.sector
        if inst is None:  # "Iran's Revolutionary Guards": the institution gives the sector
            inst = next(
                (prim[j].sector for j in usable if prim[j].country == e.country and prim[j].sector),
                None,
            )
        if inst is not None and (sector is None or generic):
            sector = inst
        kind: Kind = (
            "metonym"
            if e.kind in ("metonym", "capital")
            else ("country" if e.kind == "country" else "demonym")
        )
        if e.kind == "demonym" and head is not None:
            kind = "office" if person_like else "noun"
        if e.kind == "metonym" and head is None and _ends_in_a_person(d, e):
            person_like = True  # "State Senator Daniel Squadron": an office before a name
        need: Need = "person" if person_like and not plural and det in d.definite else "none"
        return Reading(
            make_code(e.country, sector),
            e.country,
            sector,
            kind=kind,
            person_like=person_like,
            plural=plural,
            identity=True,
            need=need,
            head=head.ref if head else None,
        )
    if head is None:
        return None
    real = [e for e in nouns if "bound" not in e.flags]
    if not real:
        return replace(
            _noun_reading(d, nouns, noun_sector, generic, person_like, plural, None), bound=True
        )
    return _noun_reading(d, real, noun_sector, generic, person_like, plural, det)


def _ends_in_a_person(d: Dictionary, e: Entry) -> bool:
    """Does the metonym's own phrase end in a noun for one person ("State Senator")?"""
    last = phrase_keys(e.source)[0][-1:]
    return any(n.kind == "noun" and "person" in n.flags for n in d.table.get(last, ()))


def _org_reading(
    org: Org, when: str | None, noun_sector: str | None, person_like: bool, plural: bool
) -> Reading:
    country, sector = org_state(org, when)
    plural = plural or org.kind == "armed"  # "the Houthis said they ..."
    if org.kind == "mnc" and noun_sector == "LAB":
        # "Amazon workers": labour of where they work, not of the company's home country
        return Reading("LAB", None, "LAB", kind="noun", person_like=person_like, plural=plural)
    if org.kind in ("igo", "pseudo", "ngo", "mnc") and country is None:
        # CAMEO style: an IGO by its short name (an organ by its parent's), an NGO or
        # business of no one country as NGO / MNC; org keeps the body's own name
        code = org.parent or org.code
        if org.kind == "ngo":
            code = "NGO"
        elif org.kind == "mnc":
            code = "MNC"
        return Reading(
            code,
            country,
            sector or noun_sector,
            org=org.code,
            kind="org",
            person_like=person_like,
            plural=plural,
            identity=True,
        )
    return Reading(
        make_code(country, sector),
        country,
        sector,
        org=org.code,
        kind="org",
        person_like=person_like,
        plural=plural,
        identity=True,
    )


def _noun_reading(
    d: Dictionary,
    nouns: Sequence[Entry],
    sector: str | None,
    generic: bool,
    person_like: bool,
    plural: bool,
    det: str | None,
) -> Reading:
    head = nouns[-1]
    need: Need = "none"
    if det in d.definite:
        if "coref" in head.flags:
            need = "org"
        elif person_like and not plural:
            need = "person"
        elif "inst" in head.flags or (person_like and not plural):
            need = "inst"
    elif det is not None and d.pronouns.get(det, "").startswith("possessive"):
        need = "possessive_person" if d.pronouns[det] == "possessive_person" else "possessive_group"
    if sector == "IGO":
        sector = None
    kind: Kind = "office" if person_like else "noun"
    return Reading(
        make_code(None, sector),
        None,
        sector,
        kind=kind,
        person_like=person_like,
        plural=plural,
        need=need,
        generic=generic,
        head=head.ref,
    )


def with_context(r: Reading, ante: Reading, own_sector: bool) -> Reading:
    """A coreferent reading: country (and org, name) from the antecedent."""
    sector = r.sector if own_sector and r.sector else ante.sector
    code = (
        ante.code
        if ante.org and ante.kind in ("org", "person") and ante.country is None and ante.code
        else make_code(ante.country, sector)
    )
    return replace(r, code=code, country=ante.country, sector=sector, org=ante.org)
