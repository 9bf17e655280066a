"""Dates: which role a person holds, and what an organisation is, on a given day.

Dates are ISO strings of day, month or year precision (``2016-02-20``, ``2016-02``,
``2016``).  A role is held from its start up to (not including) its end; a text dated
only by month or year is taken at the middle of that month or year.
"""

from __future__ import annotations

from .dictionary import ROLE_RANK, Org, Person, Role


def pad_date(when: str, end: bool = False) -> str:
    """``2016`` -> ``2016-07-01`` (a date), or as a range bound with ``end``."""
    parts = when.split("-")
    if len(parts) == 3:
        return when
    if len(parts) == 2:
        return f"{when}-31" if end else f"{when}-01"
    return f"{when}-12-31" if end else f"{when}-01-01"


def _when_point(when: str) -> str:
    parts = when.split("-")
    if len(parts) == 2:
        return f"{when}-15"
    if len(parts) == 1:
        return f"{when}-07-01"
    return when


def person_role(person: Person, when: str | None) -> Role | None:
    """The role a person holds at a date (the highest-ranking one), or None.

    With no date, the current role (or the last one held) stands for the person.
    """
    if not person.roles:
        return None
    if when is None:
        current = [r for r in person.roles if r.end is None] or [person.roles[-1]]
        return min(current, key=lambda r: ROLE_RANK.get(r.role, 9))
    point = _when_point(when)
    active = [
        r
        for r in person.roles
        if pad_date(r.start) <= point and (r.end is None or point < pad_date(r.end))
    ]
    return min(active, key=lambda r: ROLE_RANK.get(r.role, 9)) if active else None


def person_state(person: Person, when: str | None) -> tuple[str, str | None]:
    """(sector, role name) of a person at a date; ELI when no listed role is held then."""
    role = person_role(person, when)
    return (role.sector, role.role) if role else ("ELI", None)


def org_state(org: Org, when: str | None) -> tuple[str | None, str | None]:
    country: str | None = org.country
    sector: str | None = org.sector
    if when is not None:
        point = _when_point(when)
        for era in org.eras:
            if pad_date(era.start) <= point:
                country, sector = era.country, era.sector
    return country, sector
