"""Checks shared by the args11 probe tests: who does an event and who receives it."""

from __future__ import annotations

from typing import Any

import pytest
from scoring import country

_CACHE: dict[tuple[int, str], list[Any]] = {}


def events(coder: Any, text: str) -> list[Any]:
    """The events ``coder`` codes in ``text`` (cached per coder)."""
    key = (id(coder), text)
    if key not in _CACHE:
        _CACHE[key] = coder.code(text).events
    return _CACHE[key]


def on_word(coder: Any, text: str, word: str, doer: str, strict: bool = False) -> list[Any]:
    """The affirmed events on ``word`` with ``doer`` among their actors; when no event is
    on ``word`` (merged with an identical event on another word of the clause: "shelled
    and stormed the camp"), any affirmed event of the sentence with that actor."""
    evs = [e for e in events(coder, text) if not e.negated]
    mine = [e for e in evs if word.lower() in e.trigger.lower().split()]
    pool = mine if mine or strict else evs
    return [e for e in pool if doer in {country(a) for a in e.source}]


def check_doer(
    coder: Any, text: str, word: str, doer: str, recipient: str | None, strict: bool = False
) -> None:
    """``doer`` does the act on ``word`` and, if given, ``recipient`` receives it."""
    found = on_word(coder, text, word, doer, strict)
    shown = [(e.type, e.trigger, [country(a) for a in e.source], [country(a) for a in e.target])
             for e in events(coder, text)]  # fmt: skip
    assert found, shown
    if recipient is not None:
        assert any(recipient in {country(a) for a in e.target} for e in found), shown


def check_not_doer(coder: Any, text: str, word: str, party: str) -> None:
    """``party`` is not coded as doing the act on ``word``."""
    evs = events(coder, text)
    assert not any(
        word.lower() in e.trigger.lower().split() and party in {country(a) for a in e.source}
        for e in evs
    ), [(e.type, e.trigger, [country(a) for a in e.source]) for e in evs]


def params(rows: list[Any], gaps: dict[str, str]) -> list[Any]:
    """``rows`` as pytest parameters, the sentences of ``gaps`` marked strict xfail with
    the reason the rules still miss them."""
    return [
        pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason=gaps[row[0]]))
        if row[0] in gaps
        else pytest.param(*row)
        for row in rows
    ]
