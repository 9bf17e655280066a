"""Unicode and white-space normalisation shared by every stage that reads text."""

from __future__ import annotations

import re
import unicodedata

# Every Unicode space separator (no-break, thin, ideographic, ...) and tab become a space.
# (a single plain space is left alone: most text has nothing to fold)
_SPACES = re.compile(r" [^\S\n]+|[^\S\n ][^\S\n]*")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# C0 and C1 control characters that are not white space (stray ones come from bad
# conversions); the white-space ones (tab, vertical tab, separators) fold as spaces.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# Unicode line and paragraph separators, NEL and form feed are line breaks.
_ODD_BREAKS = re.compile("[\u2028\u2029\x85\x0c]")
_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n\n", "\x85": "\n", "\x0c": "\n\n"})
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC-normalise, fold space runs (no-break spaces included) and line endings.

    Unicode line/paragraph separators become line breaks; zero-width characters, the
    soft hyphen and stray control characters are dropped.  Paragraph breaks (blank
    lines) are kept; runs of more than one blank line become one.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_BREAKS.search(text):
        text = text.translate(_LINE_BREAKS)
    text = _ZERO_WIDTH.sub("", _CONTROLS.sub("", text))
    text = _SPACES.sub(" ", text)
    # after the fold a line has at most one space at either end
    text = text.replace(" \n", "\n").replace("\n ", "\n")
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def fold_spaces(text: str) -> str:
    """Fold every run of white space into one plain space (for comparing snippets)."""
    return " ".join(text.split())
