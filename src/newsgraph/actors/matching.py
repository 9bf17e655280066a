"""Token keys and longest-match scanning of token sequences against the phrase table.

Dictionary phrases and texts are cut by the same spaCy English tokenizer, so that
``al-Assad``, ``U.S.`` and ``Turkey's`` split the same way on both sides.  A token's key
is its text case-folded, without diacritics or dots; hyphen tokens have no key and are
skipped, so ``al-Assad`` matches ``al Assad`` and ``Russian-backed`` ``Russian backed``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dictionary import Dictionary, Entry

HYPHENS = frozenset({"-", "‐", "‑", "–"})


def fold(text: str) -> str:
    """Case-fold, strip diacritics and dots, unify apostrophes."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("’", "'").replace("‘", "'").replace(".", "").casefold()


@lru_cache(maxsize=65536)
def token_key(text: str) -> str | None:
    if text in HYPHENS or not text.strip():
        return None
    return fold(text) or None


@lru_cache(maxsize=1)
def _tokenizer() -> Callable[[str], Any]:
    import spacy

    return spacy.blank("en").tokenizer


@lru_cache(maxsize=1)
def _special_cases() -> frozenset[str]:
    rules: dict[str, Any] = getattr(_tokenizer(), "rules", None) or {}
    return frozenset(rules)


@lru_cache(maxsize=131072)
def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    if chunk.isalpha() and chunk not in _special_cases():
        return (chunk,)  # letters alone: no prefix, suffix or infix rule applies
    return tuple(t.text for t in _tokenizer()(chunk) if not t.is_space)


def tokenize(text: str) -> list[str]:
    """Token texts of a phrase, cut as the English spaCy pipelines cut them.

    The tokenizer cuts each whitespace-separated chunk on its own (none of its special
    cases holds a space), so chunks are cut once and remembered; a chunk of letters alone
    that is no special case ("cannot") is one token, without asking the tokenizer.
    """
    out: list[str] = []
    for chunk in text.split():
        out.extend(_chunk_tokens(chunk))
    return out


def phrase_keys(text: str) -> tuple[tuple[str, ...], list[str]]:
    """The key tuple of a dictionary phrase and the token texts that carry a key."""
    keys: list[str] = []
    texts: list[str] = []
    for tok in tokenize(text):
        key = token_key(tok)
        if key is not None:
            keys.append(key)
            texts.append(tok)
    return tuple(keys), texts


@dataclass(frozen=True, slots=True)
class Hit:
    """A dictionary phrase found at tokens ``start``..``end`` (end exclusive)."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(e.kind for e in self.entries)


def _case_ok(entry: Entry, texts: Sequence[str], relax: bool) -> bool:
    if entry.exact is not None:
        surface = "".join(t.replace(".", "") for t in texts)
        return surface == entry.exact or (
            relax and len(entry.exact) > 3 and surface.lower() == entry.exact.lower()
        )
    if not entry.caps:
        return True
    return all(t[:1].isupper() or not need for t, need in zip(texts, entry.caps, strict=False))


def scan(
    d: Dictionary, texts: Sequence[str], relax: bool = False, names: Sequence[bool] | None = None
) -> list[Hit]:
    """Longest non-overlapping matches, left to right.

    ``relax`` lets a phrase given all in lower case match acronyms of four letters or more
    ("nato"); names still need their capitals ("turkey" is not Turkey).
    A surname alone ("Assad") right after an unknown capitalised word ("Germano Assad")
    is not taken for the known person; ``names`` (from a tagger: is the token a proper
    noun?) narrows "capitalised word" so that "Then Putin" still finds Putin.
    """
    keys = [token_key(t) for t in texts]
    table, prefixes = d.table, d.prefixes
    hits: list[Hit] = []
    i, n = 0, len(texts)
    # the tokens where a phrase may start, and the hyphenated ones: the rest are passed
    starts = [
        k
        for k, (key, text) in enumerate(zip(keys, texts, strict=True))
        if (key is not None and ((key,) in prefixes or (key,) in table)) or "-" in text
    ]
    for at in starts:
        if at < i:
            continue  # inside the last phrase found
        i = at
        key = keys[i]
        if key is None or ((key,) not in prefixes and (key,) not in table):
            # only a hyphenated token may glue a name to a modifier
            hits.extend(_glued(d, texts[i], i, relax))
            i += 1
            continue
        # the tokens of the longest run whose keys are still a prefix of some phrase
        idx: list[int] = [i]
        path: list[str] = [key]
        j = i + 1
        while j < n and len(idx) < d.maxlen and tuple(path) in prefixes:
            k = keys[j]
            if k is not None:
                idx.append(j)
                path.append(k)
            elif texts[j] not in HYPHENS:
                break
            j += 1
        found: Hit | None = None
        for size in range(len(idx), 0, -1):
            entries = table.get(tuple(path[:size]))
            if not entries:
                continue
            span = [texts[k] for k in idx[:size]]
            ok = tuple(e for e in entries if _case_ok(e, span, relax))
            if ok:
                found = Hit(i, idx[size - 1] + 1, ok)
                break
        if found is None or _starts_a_name(d, texts, keys, found):
            i += 1
            continue
        if found.kinds == {"short"} and (
            (_unknown_given_name(d, texts, keys, i) and (names is None or names[i - 1]))
            or (
                _unknown_given_name(d, texts, keys, found.end, after=True)
                and (names is None or names[found.end])
            )
        ):
            i = found.end
            continue
        hits.append(found)
        i = found.end
    return hits


_MODIFIERS = frozenset({"backer", "leader", "against"})
_COMPASS = frozenset({"west", "east", "north", "south"})


def _starts_a_name(
    d: Dictionary, texts: Sequence[str], keys: Sequence[str | None], hit: Hit
) -> bool:
    """A phrase that is only part of a longer name: a compass word followed by a
    capitalised word ("the West" of "the West Bank", "the West African country"), or a
    surname glued by a hyphen to an unknown word before it ("Mazar-i-Sharif"; not
    "pro-Assad" or "the Putin-Trump summit")."""
    last, after = keys[hit.end - 1], hit.end
    if last in _COMPASS and after < len(texts):
        word = texts[after]
        if word[:1].isupper() and word.isalpha() and keys[after] not in _NOT_NAMES:
            return True
    i = hit.start
    if hit.kinds == {"short"} and i >= 2 and texts[i - 1] in HYPHENS:
        key = keys[i - 2]
        return (
            key is not None
            and texts[i - 2].isalpha()
            and key not in _GLUE_OK
            and (key,) not in d.table
        )
    return False


# words a surname may be glued to by a hyphen and still be the person ("pro-Assad")
_GLUE_OK = frozenset({"pro", "anti", "post", "pre", "non", "ex", "neo"})


def _glued(d: Dictionary, text: str, i: int, relax: bool) -> list[Hit]:
    """One token that glues a name to a modifier ("U.S.-led", "U.S.-backed": the tokenizer
    keeps an abbreviation with dots whole): a hit for each part, both on the token."""
    left, sep, right = text.rpartition("-")
    if not sep or not left or not right:
        return []
    mod = d.table.get((token_key(right) or "",), [])
    if not any(e.kind in _MODIFIERS for e in mod):
        return []
    keys = tuple(k for k in (token_key(t) for t in tokenize(left)) if k)
    entries = tuple(e for e in d.table.get(keys, []) if _case_ok(e, [left], relax))
    if not entries:
        return []
    return [Hit(i, i + 1, entries), Hit(i, i + 1, tuple(e for e in mod if e.kind in _MODIFIERS))]


_NOT_NAMES = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    }
)  # fmt: skip


def _unknown_given_name(
    d: Dictionary, texts: Sequence[str], keys: Sequence[str | None], i: int, after: bool = False
) -> bool:
    """Is the word before ``i`` (``after``: the word at ``i``, after a surname) an unknown
    capitalised name, so that the surname belongs to someone else ("Moussa Tchangari")?"""
    j = i if after else i - 1
    if j < 0 or j >= len(texts):
        return False
    if after and j + 1 < len(texts) and texts[j + 1][:1].isupper():
        return False  # Title Case ("Obama Increases Number of ..."): no telling
    word, key = texts[j], keys[j]
    if key is None or not word[:1].isupper() or not word.isalpha() or key in _NOT_NAMES:
        return False
    return key not in d.honorifics and (key,) not in d.table and (key,) not in d.prefixes
