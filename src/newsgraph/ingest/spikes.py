"""Is a day's count of a watched series far above its own recent baseline?

The model (no SQL here; ``alerting.py`` reads the counts):

* the events of a watched series on a day are a Poisson count whose mean is the day's
  article volume ``N`` (articles published that day in the store) times a per-article
  rate ``r``: a day with fewer articles is expected to have fewer events, so a
  baseline filled on days the watcher was down or feeds failed does not make a normal
  day look like a burst;
* ``r`` is not known: its posterior after the baseline window (``spike_baseline_days``
  days before the day, 28 by default: ``E`` events over ``A`` articles) under a weak
  Gamma(1/2, one median day of articles) prior is Gamma(E + 1/2, A + m);
* so the day's count has a negative binomial predictive distribution,
  NB(size = E + 1/2, p = (A + m) / (A + m + N)), which is right for small counts and
  wider than a Poisson when the baseline is short; the day is a spike when
  P(X >= count) < ``spike_p`` (0.001);
* guards: at least ``spike_min_events`` events (3); at least ``spike_min_days`` baseline
  days with articles (7: no history, no judgement); and the day's volume at least
  ``spike_min_volume`` (0.5) of the median daily volume of the baseline: a day with a
  handful of pages says nothing about a share, so it is not judged.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..settings import Settings

PRIOR_SHAPE = 0.5


@dataclass(frozen=True, slots=True)
class SpikeParams:
    baseline_days: int = 28
    p: float = 0.001
    min_events: int = 3
    min_volume: float = 0.5
    min_days: int = 7

    @classmethod
    def of(cls, settings: Settings) -> SpikeParams:
        return cls(
            settings.spike_baseline_days,
            settings.spike_p,
            settings.spike_min_events,
            settings.spike_min_volume,
            settings.spike_min_days,
        )


@dataclass(frozen=True, slots=True)
class DayCounts:
    """One day of a series: its events, the sum of their intensities, its articles."""

    events: int
    intensity: float
    articles: int


@dataclass(frozen=True, slots=True)
class Judgement:
    spike: bool
    reason: str
    count: int
    articles: int
    expected: float
    p_value: float
    baseline_days: int  # days with articles in the window
    baseline_events: int
    baseline_articles: int
    mean_intensity: float | None
    baseline_intensity: float | None


def nb_upper_tail(x: int, size: float, p: float) -> float:
    """P(X >= x) for X ~ NB(size, p): P(X = k) = C(k + size - 1, k) p^size (1 - p)^k."""
    if x <= 0:
        return 1.0
    if p >= 1.0:
        return 0.0
    log_p, log_q = math.log(p), math.log1p(-p)
    base = size * log_p - math.lgamma(size)
    below = sum(
        math.exp(base + math.lgamma(k + size) - math.lgamma(k + 1) + k * log_q) for k in range(x)
    )
    if below < 0.5:
        return 1.0 - below
    # the tail directly, when it is small (no cancellation): terms fall off geometrically
    tail, k = 0.0, x
    while True:
        term = math.exp(base + math.lgamma(k + size) - math.lgamma(k + 1) + k * log_q)
        tail += term
        k += 1
        if term < tail * 1e-12 or k > x + 100_000:
            return min(1.0, tail)


def judge(day: DayCounts, history: Sequence[DayCounts], params: SpikeParams) -> Judgement:
    """The day against its baseline (the days before it; see the module docstring)."""
    seen = [h for h in history if h.articles > 0]
    events = sum(h.events for h in history)
    articles = sum(h.articles for h in seen)
    intensity = sum(h.intensity for h in history)
    median = _median([h.articles for h in seen]) if seen else 0.0
    shape = events + PRIOR_SHAPE
    rate = articles + max(median, 1.0)
    expected = shape / rate * day.articles
    p_value = (
        nb_upper_tail(day.events, shape, rate / (rate + day.articles)) if day.articles else 1.0
    )

    def verdict(spike: bool, reason: str) -> Judgement:
        return Judgement(
            spike, reason, day.events, day.articles, expected, p_value, len(seen), events,
            articles, day.intensity / day.events if day.events else None,
            intensity / events if events else None,
        )  # fmt: skip

    if day.events < params.min_events:
        return verdict(False, f"fewer than {params.min_events} events")
    if len(seen) < params.min_days:
        return verdict(False, f"{len(seen)} baseline days with articles (need {params.min_days})")
    if day.articles < params.min_volume * median:
        return verdict(
            False,
            f"{day.articles} articles that day, under {params.min_volume:g} of the usual {median:g}",
        )
    if p_value >= params.p:
        return verdict(False, f"P = {p_value:.3g}, not below {params.p:g}")
    return verdict(True, f"P = {p_value:.3g} < {params.p:g}")


def _median(values: Sequence[int]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return float(ordered[mid]) if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
