"""Cheap necessary conditions for the furniture rules, so a line runs only the regexes it can match.

Each rule's pattern is read once (with the standard library's regex parser) and each
of its top-level alternatives gets a ``Gate``:

* ``literals``: strings, one of which every match contains (lower-cased; a line is
  tested by ``in`` on its lower-cased form), or None when the alternative has no such
  literal;
* ``max_len``: for an alternative anchored at both ends (``^...$``, or ``^(?=.{0,N}$)``),
  the longest line it can match, else None.

A line is searched with a rule's pattern only when one of the rule's gates lets it
through, so the verdict is exactly the pattern's: a gate only ever skips a search
that could not have matched.  ``PatternSet`` finds the literals of all the rules at once,
in one scan of the line (``LiteralScan``).

Case: lines and literals are compared in lower case, which holds for patterns with
or without ``re.IGNORECASE``.  Gate literals are made of ASCII characters and
characters without case only, and the few non-ASCII letters that ``re.IGNORECASE``
matches with ASCII ones (Kelvin sign, long s, dotted and dotless i) make a line skip
the gates and run every pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from typing import Any

try:  # optional: a faster scan for the literals of every rule at once
    import ahocorasick
except ImportError:  # pragma: no cover - exercised by forcing automaton=False in tests
    ahocorasick = None

_parser: Any = import_module("re._parser")
_c: Any = import_module("re._constants")

_EXACT_LIMIT = 64  # largest set of exact strings followed through a pattern
_UNBOUNDED = 1 << 30
# Non-ASCII characters that re.IGNORECASE matches against ASCII letters (İ ı ſ K).
FOLD_RISK = frozenset("\u0130\u0131\u017f\u212a")

_Info = tuple[frozenset[str] | None, frozenset[str] | None]  # (exact strings, required literals)


@dataclass(frozen=True, slots=True)
class Gate:
    """When one alternative of a pattern can match a line (see the module docstring)."""

    literals: frozenset[str] | None
    max_len: int | None


def _usable(ch: str) -> bool:
    return ch.isascii() or (ch.lower() == ch == ch.upper())


def _best(candidates: Iterable[frozenset[str]]) -> frozenset[str] | None:
    """The most selective literal set: longest shortest string, then fewest strings."""
    best: frozenset[str] | None = None
    for cand in candidates:
        if not cand or "" in cand:
            continue
        key = (min(map(len, cand)), -len(cand))
        if best is None or key > (min(map(len, best)), -len(best)):
            best = cand
    return best


def _sequence(items: Sequence[Any]) -> _Info:
    candidates: list[frozenset[str]] = []
    product: frozenset[str] = frozenset({""})
    closed = False
    for item in items:
        exact, required = _node(item)
        if required is not None:
            candidates.append(required)
        if exact is not None and len(product) * len(exact) <= _EXACT_LIMIT:
            product = frozenset(p + x for p in product for x in exact)
        else:
            candidates.append(product)
            closed = True
            product = exact if exact is not None else frozenset({""})
    candidates.append(product)
    return (None if closed else product), _best(candidates)


def _node(node: tuple[Any, Any]) -> _Info:
    op, arg = node
    if op is _c.LITERAL:
        ch = chr(arg)
        if not _usable(ch):
            return None, None
        one = frozenset({ch.lower()})
        return one, one
    if op is _c.IN:
        chars = [chr(a) for o, a in arg if o is _c.LITERAL]
        if len(chars) != len(arg) or len(chars) > 8 or not all(map(_usable, chars)):
            return None, None
        chosen = frozenset(ch.lower() for ch in chars)
        return chosen, chosen
    if op in (_c.AT, _c.ASSERT_NOT):
        return frozenset({""}), None
    if op is _c.ASSERT:
        return frozenset({""}), _sequence(arg[1])[1]
    if op is _c.SUBPATTERN:
        return _sequence(arg[3])
    if op is _c.ATOMIC_GROUP:
        return _sequence(arg)
    if op is _c.BRANCH:
        return _branch([_sequence(alt) for alt in arg[1]])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = arg
        inner, needed = _sequence(sub)
        if low == 0:
            return ((inner | {""}) if inner is not None and high == 1 else None), None
        return (inner if low == high == 1 else None), needed
    return None, None


def _branch(infos: list[_Info]) -> _Info:
    """An alternation: exact strings of all its arms (if few), literals of every arm."""
    exact: frozenset[str] | None = None
    exacts = [e for e, _ in infos]
    if all(e is not None for e in exacts):
        union: frozenset[str] = frozenset().union(*(e for e in exacts if e is not None))
        exact = union if len(union) <= _EXACT_LIMIT else None
    needed = [r for _, r in infos]
    if any(r is None for r in needed):
        return exact, None
    return exact, frozenset().union(*(r for r in needed if r is not None))


def _alternatives(parsed: Any) -> list[Any]:
    """The top-level alternatives of a parsed pattern (through enclosing groups)."""
    items = list(parsed)
    while len(items) == 1 and items[0][0] is _c.SUBPATTERN:
        items = list(items[0][1][3])
    if len(items) == 1 and items[0][0] is _c.BRANCH:
        return [list(alt) for alt in items[0][1][1]]
    return [items]


def _width(items: Sequence[Any]) -> int:
    sub = _parser.SubPattern(_parser.State(), list(items))
    return int(sub.getwidth()[1])


def _max_len(items: Sequence[Any]) -> int | None:
    """Longest line an alternative anchored at both ends can match (+1 for a final newline)."""
    begins = (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING)
    ends = (_c.AT_END, _c.AT_END_STRING)
    if not items or items[0][0] is not _c.AT or items[0][1] not in begins:
        return None
    width: int | None = None
    if items[-1][0] is _c.AT and items[-1][1] in ends:
        width = _width(items)
    elif len(items) > 1 and items[1][0] is _c.ASSERT and items[1][1][0] == 1:
        inner = list(items[1][1][1])
        if inner and inner[-1][0] is _c.AT and inner[-1][1] in ends:
            width = _width(inner)
    return width + 1 if width is not None and width < _UNBOUNDED else None


@lru_cache(maxsize=512)
def gates(pattern: re.Pattern[str]) -> tuple[Gate, ...]:
    """One gate per top-level alternative of ``pattern``; a line none admits cannot match."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    out = []
    for alt in _alternatives(parsed):
        out.append(Gate(_sequence(alt)[1], _max_len(alt)))
    return tuple(out)


class PatternSet:
    """Tells, for a line, which of a list of patterns may match it (a superset of those
    that do), from one literal scan and the length bounds of their gates."""

    def __init__(self, patterns: Sequence[re.Pattern[str]], automaton: bool = True) -> None:
        self.size = len(patterns)
        self._free = 0  # gates without a literal condition
        by_literal: dict[str, int] = {}
        self._too_long: dict[int, int] = {}  # max_len -> gates that refuse longer lines
        self._owner: list[int] = []  # gate bit -> pattern index
        for index, pattern in enumerate(patterns):
            for gate in gates(pattern):
                one = 1 << len(self._owner)
                self._owner.append(index)
                if gate.literals is None:
                    self._free |= one
                for lit in gate.literals or ():
                    by_literal[lit] = by_literal.get(lit, 0) | one
                if gate.max_len is not None:
                    self._too_long[gate.max_len] = self._too_long.get(gate.max_len, 0) | one
        self._scan = LiteralScan(by_literal, automaton)
        self._lengths = sorted(self._too_long)

    def candidates(self, line: str) -> list[int]:
        """Indices, in order, of the patterns that may match ``line``."""
        if not line.isascii() and not FOLD_RISK.isdisjoint(line):
            return list(range(self.size))  # case folding could match what the gates miss
        mask = self._free | self._scan.mask(line.lower())
        n = len(line)
        for limit in self._lengths:
            if limit >= n:
                break
            mask &= ~self._too_long[limit]
        out: list[int] = []
        owner = self._owner
        last = -1
        while mask:
            low = mask & -mask
            index = owner[low.bit_length() - 1]
            if index != last:
                out.append(index)
                last = index
            mask ^= low
        return out


class LiteralScan:
    """ORs the bit masks of the literals that occur in a text, in one pass.

    With ``pyahocorasick`` installed the pass is an Aho-Corasick automaton; without it,
    a trie-shaped regex inside a lookahead yields the longest literal starting at each
    position, and the literals that are its prefixes occur there too.  Both give the
    same masks.
    """

    def __init__(self, masks: Mapping[str, int], automaton: bool = True) -> None:
        words = sorted(w for w in masks if w)
        self._automaton: Any = None
        self._findall: Any = None
        if automaton and ahocorasick is not None and words:
            auto = ahocorasick.Automaton()
            for w in words:
                auto.add_word(w, masks[w])
            auto.make_automaton()
            self._automaton = auto
            return
        # the longest literal found at a position -> its mask and its prefixes' masks
        self._covering: dict[str, int] = {}
        for w in words:
            covering = 0
            for p in words:
                if w.startswith(p):
                    covering |= masks[p]
            self._covering[w] = covering
        trie: dict[str, Any] = {}
        for w in words:
            node = trie
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = {}
        body = _trie_regex(trie)
        self._findall = re.compile(f"(?=({body}))", re.S).findall if body else None

    def mask(self, lowered: str) -> int:
        """The OR of the masks of every literal occurring in ``lowered`` (lower-cased)."""
        out = 0
        if self._automaton is not None:
            for _end, value in self._automaton.iter(lowered):
                out |= value
        elif self._findall is not None:
            covering = self._covering
            for longest in self._findall(lowered):
                out |= covering[longest]
        return out


def _trie_regex(node: dict[str, Any]) -> str:
    terminal = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:
        return f"(?:{inner})?"
    return inner
