"""Spike alerts: a burst fires; the same counts spread over days, a day with few pages
ingested and a baseline thinned by days with few pages stay quiet."""

from __future__ import annotations

from pathlib import Path

import pytest
from alertdb import NOW, build_store

from newsgraph.ingest.alerting import scan
from newsgraph.ingest.spikes import DayCounts, SpikeParams, judge, nb_upper_tail
from newsgraph.store import Store
from newsgraph.store import alerts as alert_store


def _spikes(store: Store, params: SpikeParams | None = None) -> list[dict[str, object]]:
    scan(store.connection, NOW, [], params or SpikeParams())
    rows, _ = alert_store.alerts_page(store.connection, kind="spike", limit=100)
    return [r["payload"] for r in rows]


BASELINE = [(40, [1, 2, 1, 0, 2, 1, 1][d % 7]) for d in range(28)]  # 32 events in 28 days


def test_a_burst_fires_with_its_figures(tmp_path: Path) -> None:
    with build_store(tmp_path, [*BASELINE, (40, 9)]) as store:
        (spike,) = _spikes(store)
        matches = alert_store.alerts_page(store.connection, kind="match", limit=1)[1]
    assert spike["day"] == "2026-03-01" and spike["count"] == 9 and spike["articles"] == 40
    assert 1.0 < spike["expected"] < 1.3 and spike["p_value"] < 1e-4
    assert spike["baseline"]["days"] == 28 and spike["baseline"]["events"] == 32
    assert spike["link"] == "/events?dyad=RUS%2CTUR&since=2026-03-01&until=2026-03-01"
    assert matches == 32 + 9  # every new matching event is a match alert too


def test_the_same_counts_spread_over_the_days_stay_quiet(tmp_path: Path) -> None:
    total = sum(e for _, e in BASELINE) + 9  # 41 events over 29 days
    spread = [(40, total // 29 + (1 if d < total % 29 else 0)) for d in range(29)]
    with build_store(tmp_path, spread) as store:
        assert _spikes(store) == []


def test_a_day_with_few_pages_ingested_stays_quiet(tmp_path: Path) -> None:
    with build_store(tmp_path, [*BASELINE, (3, 3)]) as store:
        assert _spikes(store) == []


def test_without_the_volume_guard_a_thin_day_would_fire(tmp_path: Path) -> None:
    with build_store(tmp_path, [*BASELINE, (3, 3)]) as store:
        assert [s["day"] for s in _spikes(store, SpikeParams(min_volume=0.0))] == ["2026-03-01"]


def test_a_baseline_thinned_by_days_with_few_pages_makes_no_false_spike(tmp_path: Path) -> None:
    # the watcher was down for 20 days (4 pages a day), then 8 normal days, then a normal day
    days = [(4, 0)] * 20 + [(40, [1, 2, 1, 1, 2, 1, 1, 1][d]) for d in range(8)] + [(40, 4)]
    with build_store(tmp_path, days) as store:
        assert _spikes(store) == []
    # counted raw (every day as if it had the usual volume), the same day is a spike
    raw = [DayCounts(e, 0.0, 40) for _, e in days[:-1]]
    assert judge(DayCounts(4, 0.0, 40), raw, SpikeParams()).spike


def test_the_tail_matches_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    for x, size, p in [
        (0, 2.5, 0.3),
        (3, 0.5, 0.97),
        (9, 32.5, 0.97),
        (40, 4.0, 0.5),
        (1, 1.0, 0.9),
    ]:
        assert nb_upper_tail(x, size, p) == pytest.approx(
            stats.nbinom.sf(x - 1, size, p), rel=1e-6, abs=1e-300
        )
