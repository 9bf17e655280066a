"""The language of an article body, by py3langid (a Naive Bayes model bundled with the package)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Enough text for a sure guess; longer bodies are cut here, which keeps it fast.
_SAMPLE_CHARS = 5000


@dataclass(frozen=True, slots=True)
class Language:
    """An ISO 639-1 code with a confidence in [0, 1] (low for short or mixed text)."""

    code: str
    confidence: float


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> Language | None:
    """Best guess of the language of ``text``; None when it holds no letters at all."""
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    code, confidence = _identifier().classify(sample)
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
