"""ActorResolver.lookup on the phrases the event coder relies on."""

from __future__ import annotations

from newsgraph.actors import ActorResolver
from newsgraph.records import Actor


def test_brief_examples(resolver: ActorResolver) -> None:
    assert resolver.lookup("Turkish troops") == Actor("Turkish troops", "TURMIL", "TUR", "MIL")
    assert resolver.lookup("Ankara") == Actor("Ankara", "TURGOV", "TUR", "GOV")
    kremlin = resolver.lookup("the Kremlin spokesman")
    assert kremlin is not None and kremlin.code == "RUSGOV"
    lavrov = resolver.lookup("Lavrov", when="2016-02-20")
    assert lavrov == Actor("Lavrov", "RUSGOV", "RUS", "GOV", name="Sergei Lavrov")
    backed = resolver.lookup("Russian-backed Syrian forces")
    assert backed is not None and (backed.code, backed.country) == ("SYRMIL", "SYR")
    anti = resolver.lookup("anti-Syria militants")
    assert anti is not None and (anti.code, anti.country, anti.sector) == ("REB", None, "REB")
    nato = resolver.lookup("NATO")
    assert nato is not None and (nato.code, nato.org) == ("NATO", "NATO")
    fabius = resolver.lookup("French Foreign Minister Laurent Fabius", when="2012-11-22")
    assert fabius is not None and fabius.code == "FRAGOV" and fabius.name == "Laurent Fabius"
    assert resolver.lookup("John Smith") is None


def test_roles_follow_the_date(resolver: ActorResolver) -> None:
    assert resolver.role("Erdogan", "2010-06-01") == "head_of_government"
    assert resolver.role("Erdogan", "2019-06-01") == "head_of_state"
    assert resolver.role("Lavrov", "2003-06-01") != "foreign_minister"
    assert resolver.role("Lavrov", "2016-02-20") == "foreign_minister"
    assassad = resolver.lookup("Assad", when="2025-06-01")
    assert assassad is not None and assassad.code == "SYRELI"


def test_acronyms_need_capitals(resolver: ActorResolver) -> None:
    assert resolver.lookup("us") is None
    assert resolver.lookup("who") is None
    us = resolver.lookup("US")
    assert us is not None and us.code == "USA"
    who = resolver.lookup("WHO")
    assert who is not None and who.code == "WHO"


def test_dated_organisations(resolver: ActorResolver) -> None:
    before = resolver.lookup("the Taliban", when="2015-01-01")
    after = resolver.lookup("the Taliban", when="2022-01-01")
    assert before is not None and before.code == "AFGREB"
    assert after is not None and after.code == "AFGGOV"
