"""The language of an article body, by py3langid (a Naive Bayes model bundled with the package).

Two shortcuts keep it cheap (the model reads every byte of its sample, and on a short
page it costs as much as the rest of the extraction): a body whose opening is plainly
English by its function words is "en" without the model (data/language.yaml says
when); otherwise the model judges the opening few hundred characters, and reads the
longer sample only when that guess is not sure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from .datafile import read_yaml

# Enough text for a sure guess; longer bodies are cut here, which keeps it fast.
_SAMPLE_CHARS = 5000
# The guess is first made on the opening few hundred characters (the cost grows with
# the length); only when that guess is less sure than _SURE is the longer sample read.
_QUICK_CHARS = 600
_SURE = 0.999


_ASCII_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
_OTHER_LETTER = re.compile(r"[^\W\d_a-zA-Z]")


@dataclass(frozen=True, slots=True)
class Language:
    """An ISO 639-1 code with a confidence in [0, 1] (low for short or mixed text;
    1.0 when the English fast path decided)."""

    code: str
    confidence: float


@dataclass(frozen=True, slots=True)
class EnglishFastPath:
    """When a body's opening is plainly English (see data/language.yaml)."""

    sample_chars: int
    min_words: int
    min_share: float
    min_distinct: int
    max_non_ascii_letters: float
    function_words: frozenset[str]

    def holds(self, text: str) -> bool:
        sample = text[: self.sample_chars]
        words = _ASCII_WORD.findall(sample.lower())
        if len(words) < self.min_words:
            return False
        if not sample.isascii():
            other = len(_OTHER_LETTER.findall(sample))
            if other > self.max_non_ascii_letters * (other + sum(map(len, words))):
                return False
        hits = [w for w in words if w in self.function_words]
        return len(hits) >= self.min_share * len(words) and len(set(hits)) >= self.min_distinct


def data_path() -> Path:
    return Path(str(resources.files("newsgraph") / "data" / "language.yaml"))


def parse_fast_path(data: Any, path: Path) -> EnglishFastPath:
    """Validate the parsed language.yaml; DataFileError naming the bad entry."""
    raw = data.get("english_fast_path") if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        raise DataFileError(f"{path}: expected a mapping 'english_fast_path'")
    values: dict[str, Any] = {}
    for name, kind in (
        ("sample_chars", int),
        ("min_words", int),
        ("min_share", float),
        ("min_distinct", int),
        ("max_non_ascii_letters", float),
    ):
        value = raw.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise DataFileError(f"{path}: english_fast_path.{name} must be a number >= 0")
        values[name] = kind(value)
    words = raw.get("function_words")
    if not isinstance(words, str) or not words.split():
        raise DataFileError(f"{path}: english_fast_path.function_words must be words")
    values["function_words"] = frozenset(words.lower().split())
    return EnglishFastPath(**values)


@lru_cache(maxsize=1)
def fast_path() -> EnglishFastPath:
    path = data_path()
    return parse_fast_path(read_yaml(path, "the language settings"), path)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> Language | None:
    """Best guess of the language of ``text``; None when it holds no letters at all."""
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    if fast_path().holds(sample):
        return Language(code="en", confidence=1.0)
    identifier = _identifier()
    if len(sample) > _QUICK_CHARS:
        quick = sample[:_QUICK_CHARS]
        space = quick.rfind(" ", _QUICK_CHARS // 2)
        code, confidence = identifier.classify(quick[:space] if space > 0 else quick)
        if confidence >= _SURE:
            return Language(code=str(code), confidence=round(float(confidence), 3))
    code, confidence = identifier.classify(sample)
    return Language(code=str(code), confidence=round(float(confidence), 3))


def coded_languages(setting: str) -> frozenset[str]:
    """The ``languages`` setting ("en", "en,fr") as a set of codes."""
    return frozenset(part.strip().lower() for part in setting.split(",") if part.strip())


def language_note(code: str | None, coded: frozenset[str]) -> str | None:
    """The note an article gets when its language is not coded, else None."""
    if code is None or code in coded:
        return None
    if coded == frozenset({"en"}):
        return f"not English ({code}): stored, not coded"
    return (
        f"not in the coded languages ({code}; coded: {', '.join(sorted(coded))}): stored, not coded"
    )
