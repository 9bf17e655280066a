"""Tone: a lexicon-based score for a sentence, an article, or an outlet.

The lexicon and its rules are VADER's (``vaderSentiment`` on PyPI, MIT; the lexicon
ships inside the package, nothing is fetched).  VADER scores one sentence at a time
(its ``compound`` score, -1 .. +1); long texts saturate it, so an article is scored
sentence by sentence.

One scale everywhere in newsgraph, close to GDELT's AvgTone range:

* sentence tone = 10 x VADER compound, in [-10, +10];
* article tone = the mean tone of its sentences; ``positive``/``negative`` are the
  shares of its sentences scoring above +0.5 / below -0.5.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from .errors import ConfigError
from .records import ArticleTone

__all__ = ["ArticleTone", "article_tone", "sentence_tone", "sentence_tones"]

SCALE = 10.0
_POLAR = 0.5  # a sentence with |tone| above this counts as positive / negative


@functools.cache
def _analyzer() -> Any:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as exc:
        raise ConfigError(
            "tone scoring needs the VADER lexicon; install it with `pip install vaderSentiment`"
        ) from exc
    return SentimentIntensityAnalyzer()


def sentence_tone(text: str) -> float:
    """The tone of one sentence, -10 .. +10 (0 for a text without sentiment words)."""
    if not text.strip():
        return 0.0
    return round(SCALE * float(_analyzer().polarity_scores(text)["compound"]), 4)


def sentence_tones(texts: Iterable[str]) -> list[float]:
    return [sentence_tone(t) for t in texts]


def article_tone(sentences: Sequence[str]) -> ArticleTone:
    """The tone of a text given as sentences (empty ones are skipped)."""
    tones = [sentence_tone(s) for s in sentences if s.strip()]
    if not tones:
        return ArticleTone(0.0, 0, 0.0, 0.0)
    n = len(tones)
    return ArticleTone(
        tone=round(sum(tones) / n, 4),
        sentences=n,
        positive=round(sum(t > _POLAR for t in tones) / n, 4),
        negative=round(sum(t < -_POLAR for t in tones) / n, 4),
    )
