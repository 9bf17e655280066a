"""Unicode and white-space normalisation shared by every stage that reads text."""

from __future__ import annotations

import re
import unicodedata

# Every Unicode space separator (no-break, thin, ideographic, ...) and tab become a space.
_SPACES = re.compile(r"[^\S\n]+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC-normalise, fold space runs (no-break spaces included) and line endings.

    Paragraph breaks (blank lines) are kept; runs of more than one blank line become one.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def fold_spaces(text: str) -> str:
    """Fold every run of white space into one plain space (for comparing snippets)."""
    return " ".join(text.split())
