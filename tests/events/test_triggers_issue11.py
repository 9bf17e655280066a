"""Issue 11's missed triggers and the type conventions of ANNOTATION.md / CAMEO2PLOVER,
each in a sentence written here (none is taken from a gold set)."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text, "2024-01-15").events if not e.negated}


MISSED = [
    ("Turkish police blew up a car bomb belonging to Kurdish militants.", "ASSAULT"),
    ("Indian police beat up Kashmiri students in Srinagar.", "ASSAULT"),
    ("Israeli forces demolished the house of a Palestinian gunman.", "COERCE"),
    ("The Egyptian government outlawed the Muslim Brotherhood.", "COERCE"),
    ("An American court indicted two Russian intelligence officers.", "ACCUSE"),
    ("The Brazilian Senate opened a hearing into the Venezuelan bribes.", "ACCUSE"),
    ("Hanoi gave the Chinese president a warm welcome.", "CONSULT"),
    ("The Indian prime minister attended the summit in Beijing.", "CONSULT"),
    ("The French president telephoned the Iranian president on Friday.", "CONSULT"),
    ("The United States handed over food aid to Ethiopia.", "AID"),
    ("Jordanian helicopters evacuated the wounded from Gaza.", "AID"),
    ("Colombian FARC rebels laid down their arms.", "RETREAT"),
    ("French rail unions called off their strike.", "RETREAT"),
    ("Jordan eased the curfew in Amman.", "RETREAT"),
    ("The United States reneged on its pledge to Iraq.", "SANCTION"),
    ("Greek forces remained on alert along the border with Turkey.", "MOBILIZE"),
    ("Palestinian youths threw stones at Israeli police.", "ASSAULT"),
    ("Boko Haram militants set fire to a Nigerian village.", "ASSAULT"),
    ("North Korean hackers hacked into South Korean bank networks.", "COERCE"),
    ("A Turkish court issued arrest warrants for Greek soldiers.", "COERCE"),
    ("Iraqi troops retook Ramadi from the Islamic State.", "ASSAULT"),
    ("A firefight between Afghan troops and Taliban fighters lasted hours.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "wanted"), MISSED, ids=[w for w, _ in MISSED])
def test_the_missed_triggers_of_issue_11(coder: Coder, text: str, wanted: str) -> None:
    types = _types(coder, text)
    assert wanted in types, f"{text!r} gave {sorted(types)}"


CONVENTIONS = [
    # CAMEO2PLOVER 0871: declaring a ceasefire is RETREAT, never CONCEDE
    ("The Houthis declared a ceasefire in Yemen.", "RETREAT", "CONCEDE"),
    ("The Tigrayan rebels announced a truce with Ethiopia.", "RETREAT", "CONCEDE"),
    # ANNOTATION: indictments, charges, inquiries -> ACCUSE
    ("An American grand jury indicted a Chinese hacker.", "ACCUSE", "COERCE"),
    ("The British inquiry into the Iraqi detentions found abuses.", "ACCUSE", None),
    # arrests, bans, demolitions, curfews -> COERCE
    ("The Pakistani government imposed a curfew in Karachi.", "COERCE", None),
    ("Thai police bulldozed the opposition camp.", "COERCE", "ASSAULT"),
    # convictions and sentences -> SANCTION
    ("An Iranian court upheld the prison sentence of a French researcher.", "SANCTION", None),
    # cancelling visits or talks, expelling inspectors, cutting aid -> SANCTION
    ("The Mexican president cancelled his visit to the United States.", "SANCTION", None),
    ("North Korea expelled the UN inspectors.", "SANCTION", None),
    ("The United States slashed aid to the Palestinian Authority.", "SANCTION", None),
    # strikes and boycotts by civilians -> PROTEST
    ("South Korean doctors went on strike against the government.", "PROTEST", None),
    # alerts, reinforcements and weapons tests -> MOBILIZE
    ("North Korea tested a ballistic missile near Japan.", "MOBILIZE", None),
    # lifting or easing a ban or sanction -> RETREAT
    ("The European Union removed sanctions on Belarusian potash.", "RETREAT", "COERCE"),
    # cyber attacks -> COERCE (PLOVER mode cyber)
    ("Russia launched cyber attacks on Estonian ministries.", "COERCE", None),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), CONVENTIONS)
def test_the_type_conventions(coder: Coder, text: str, wanted: str, unwanted: str | None) -> None:
    types = _types(coder, text)
    assert wanted in types, f"{text!r} gave {sorted(types)}"
    if unwanted:
        assert unwanted not in types, f"{text!r} gave {sorted(types)}"
