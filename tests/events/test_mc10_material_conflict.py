"""Material conflict in own-words news sentences (mc10): PROTEST, SANCTION, MOBILIZE,
COERCE, ASSAULT.

What the change reads:
- "new" says nothing about whether an act happened ("slapped new sanctions", "launched
  new strikes"): it no longer makes an event noun hypothetical;
- "imposed curbs / controls / limits / duties" is a restriction (COERCE, CAMEO 163/172);
- a passive verb that declares its subject something ("was found guilty") is done to
  that subject, by the "by" phrase if there is one (SANCTION, mode convict);
- the "by" agent of a passive that the parser hung on the verb's prepositional object
  ("was convicted of fraud by a Quito court") does the act;
- a noun with no determiner under a preposition an entry names as its governor
  ("have been on strike") is the act (PROTEST);
- blocking or blockading by civilians (workers, farmers, villagers, students) is PROTEST
  (obstruct, CAMEO 144), as ANNOTATION.md says; by a state or its forces it stays COERCE.

Every sentence here was written for this file (own words, not from the dev set).
"""

from __future__ import annotations

import pytest
from scoring import country

from newsgraph.events.coder import Coder
from newsgraph.records import Event


def XFAIL(reason: str) -> pytest.MarkDecorator:
    """A probe sentence the change does not yet get right (kept, reported, strict)."""
    return pytest.mark.xfail(strict=True, reason=reason)


def actual(coder: Coder, text: str, type_: str) -> list[Event]:
    """The events of ``type_`` the coder finds in ``text`` as having happened."""
    return [
        e
        for e in coder.code(text).events
        if e.type == type_ and not e.negated and not e.hypothetical
    ]


def countries(actors: object) -> set[str | None]:
    return {country(a) for a in actors}  # type: ignore[attr-defined]


# (sentence, type, actor country or None, recipient country or None): each fails without
# the change (no event, a hypothetical one, or a party missing)
FIXED: list[object] = [
    ("Washington slapped new sanctions on Russian banks.", "COERCE", "USA", "RUS"),
    ("Ottawa piled new sanctions on Iranian generals on Friday.", "COERCE", "CAN", "IRN"),
    ("Japan Imposes Export Curbs On Chinese Chip Firms", "COERCE", "JPN", None),
    ("Beijing imposed export controls on Dutch chip makers.", "COERCE", "CHN", None),
    (
        "The former Peruvian president was convicted of corruption by a Lima court.",
        "SANCTION",
        "PER",
        "PER",
    ),
    (
        "The Senegalese opposition leader was found guilty of defamation by a Dakar court.",
        "SANCTION",
        "SEN",
        "SEN",
    ),
    ("Senegal's opposition leader was found guilty of defamation.", "SANCTION", None, "SEN"),
    ("The Kenyan minister was declared guilty of fraud.", "SANCTION", None, "KEN"),
    (
        "Chilean miners, who have been on strike since Monday, blocked access to the mine.",
        "PROTEST",
        "CHL",
        None,
    ),
    ("Rail workers in Lyon have been on strike since Monday.", "PROTEST", None, None),
    # a blockade by civilians is PROTEST (ANNOTATION.md), by a state COERCE (below)
    ("Chilean miners blocked access to the copper mine.", "PROTEST", "CHL", None),
    ("Peruvian villagers blocked access to the gold mine for a third day.", "PROTEST", "PER", None),
    ("Greek fishermen blocked access to the harbour in Piraeus.", "PROTEST", "GRC", None),
]

# blocking by a state or its forces stays COERCE (guards for the civilian rule)
STATE_BLOCKING: list[object] = [
    ("Turkish police blocked access to Taksim Square.", "TUR"),
    ("The Iranian government blocked access to Instagram.", "IRN"),
    ("Azerbaijan blockaded the Lachin corridor.", "AZE"),
]


@pytest.mark.parametrize(("text", "actor"), STATE_BLOCKING)
def test_blocking_by_a_state_stays_coerce(rules_alone: Coder, text: str, actor: str) -> None:
    events = actual(rules_alone, text, "COERCE")
    assert any(actor in countries(e.source) for e in events)
    assert not actual(rules_alone, text, "PROTEST")


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), FIXED)
def test_material_conflict_is_coded(
    rules_alone: Coder, text: str, type_: str, actor: str | None, recipient: str | None
) -> None:
    events = actual(rules_alone, text, type_)
    assert events, f"no actual {type_} in {text!r}"
    if actor is not None:
        assert any(actor in countries(e.source) for e in events)
    if recipient is not None:
        assert any(recipient in countries(e.target) for e in events)


# (sentence, the type it must NOT be coded as, as an actual event)
NEAR_MISSES: list[object] = [
    ("The union said it would consider its options next week.", "PROTEST"),
    ("The march of history favours democracy, the Bolivian president said.", "PROTEST"),
    ("Analysts expect protests to spread across Iran if fuel prices rise again.", "PROTEST"),
    ("The strike rate of the Indian bowler has improved this season.", "PROTEST"),
    ("The Kenyan minister commented on the strike by doctors.", "PROTEST"),
    ("Sanctions have hurt the Iranian economy for decades, economists say.", "SANCTION"),
    ("The bank said sanctions could cut oil exports next year.", "SANCTION"),
    ("Parliament sanctioned the new budget on Thursday.", "SANCTION"),
    ("The army has about 40,000 soldiers stationed in the region.", "MOBILIZE"),
    ("Experts said China could deploy more ships next year.", "MOBILIZE"),
    ("The detention centre in Libya holds about 500 migrants.", "COERCE"),
    ("The ban on plastic bags has cut waste in Rwanda.", "COERCE"),
    ("Analysts say arrests may rise ahead of the vote in Tanzania.", "COERCE"),
    ("The film depicts the bombing of Dresden.", "ASSAULT"),
    ("He was killed in a car accident near Accra.", "ASSAULT"),
    ("Experts warn that attacks on shipping may increase.", "ASSAULT"),
    ("The player struck the ball into the net.", "ASSAULT"),
    pytest.param(
        "The company deployed a new software update to its users.",
        "MOBILIZE",
        marks=XFAIL("deploy codes MOBILIZE whatever is deployed"),
    ),
    pytest.param(
        "The company launched an attack on its rivals' pricing.",
        "ASSAULT",
        marks=XFAIL("attack is not told from its figurative sense"),
    ),
]


@pytest.mark.parametrize(("text", "type_"), NEAR_MISSES)
def test_near_miss_is_not_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert not actual(rules_alone, text, type_)


# probe sentences still wrong after the change (strict: a later fix must move them up)
STILL_WRONG: list[object] = [
    pytest.param(
        "The rally in Yerevan, organised by the opposition, drew tens of thousands of people.",
        "PROTEST",
        marks=XFAIL("a bare 'rally' with its organiser in a participle is not read"),
    ),
    pytest.param(
        "Al-Shabaab Attacks Army Base In Somalia",
        "ASSAULT",
        marks=XFAIL("the title-case verb is parsed as a compound of the noun after it"),
    ),
]


@pytest.mark.parametrize(("text", "type_"), STILL_WRONG)
def test_still_wrong(rules_alone: Coder, text: str, type_: str) -> None:
    assert actual(rules_alone, text, type_)
