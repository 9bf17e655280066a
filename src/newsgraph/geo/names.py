"""Place-name keys: one folding for the index and for the text."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_DASHES = re.compile(r"[\-‐–—_/]")
_JUNK = re.compile(r"[^\w' .]")
# Abbreviations of name words, folded both ways ("St. Louis" = "Saint Louis").
_WORDS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}


def normalize(name: str) -> str:
    """Fold a place name to its index key: no accents, case, leading 'the', hyphens,
    possessive; "St."/"Ft."/"Mt." spelt out."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in name if not unicodedata.combining(ch)).translate(_QUOTES)
    text = name.casefold().strip()
    if text.endswith("'s"):
        text = text[:-2]
    text = _JUNK.sub("", _DASHES.sub(" ", text))
    words = text.replace(".", ". ").split()
    if words and words[0] == "the":
        words = words[1:]
    out = []
    for word in words:
        bare = word.rstrip(".")
        out.append(_WORDS.get(bare, word))
    return " ".join(out).strip(" .").replace(". ", ".").replace(" .", ".")
