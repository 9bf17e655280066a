"""Alerts from what was stored since the last look: watchlist matches and spikes.

``scan(conn, now, channels, params)`` runs where the store is (in the watcher's process,
or in the server that holds the store): for every watchlist, the events of articles
stored after its mark that match it become ``match`` alerts (the event and its
evidence), and each day those events fall on is judged against its baseline
(``spikes.judge``): a spike is a ``spike`` alert with the figures.  Alerts, their
outbox rows and the moved marks are written in one transaction (``store.alerts``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from ..store import alerts as alert_store
from ..store.sql import Conn
from .spikes import DayCounts, Judgement, SpikeParams, judge


@dataclass(frozen=True, slots=True)
class ScanReport:
    matches: int
    spikes: int
    new: int  # alerts stored now (the others were stored before)


def alert_id(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:20]


def scan(
    conn: Conn,
    now: datetime,
    channels: Sequence[tuple[str, str]],
    params: SpikeParams,
) -> ScanReport:
    upto = alert_store.max_ingested(conn)
    found: list[dict[str, Any]] = []
    marks: dict[str, datetime | None] = {}
    matches = spikes = 0
    created = now.isoformat(timespec="seconds")
    for watchlist in alert_store.watchlists(conn):
        name, filters, after = watchlist["name"], watchlist["filters"], watchlist["scanned_to"]
        if upto is None or (after is not None and upto <= after):
            continue
        events = alert_store.new_matches(conn, filters, after, upto)
        marks[name] = upto
        for event in events:
            found.append(match_alert(name, filters, event, created))
            matches += 1
        days = sorted(
            {str(e["when_date"])[:10] for e in events if len(str(e["when_date"] or "")) >= 10}
        )
        for day in days:
            verdict = judge_day(conn, filters, day, params)
            if verdict.spike:
                found.append(spike_alert(name, filters, day, verdict, created))
                spikes += 1
    new = alert_store.save_alerts(conn, found, channels, now, marks) if found or marks else 0
    return ScanReport(matches, spikes, new)


def judge_day(conn: Conn, filters: Mapping[str, Any], day: str, params: SpikeParams) -> Judgement:
    """A day of a watchlist's series against the ``params.baseline_days`` before it."""
    last = date.fromisoformat(day)
    first = last - timedelta(days=params.baseline_days)
    series = alert_store.daily_series(conn, filters, first.isoformat(), day)
    volume = alert_store.daily_volume(conn, first.isoformat(), day)

    def counts(d: str) -> DayCounts:
        n, intensity = series.get(d, (0, 0.0))
        return DayCounts(n, intensity, volume.get(d, 0))

    history = [counts((first + timedelta(days=i)).isoformat()) for i in range(params.baseline_days)]
    return judge(counts(day), history, params)


def _codes(actors: list[dict[str, Any]]) -> list[str]:
    return [str(a.get("code") or a.get("country") or a.get("text") or "?") for a in actors]


def _label(filters: Mapping[str, Any]) -> str:
    return " ".join(f"{k}={v}" for k, v in sorted(filters.items()) if k != "directed")


def match_alert(
    name: str, filters: Mapping[str, Any], event: dict[str, Any], created: str
) -> dict[str, Any]:
    source, target = _codes(event["source"]), _codes(event["target"])
    when = event.get("when_date")
    evidence = str(event["evidence"])
    who = f"{','.join(source) or '?'} -> {','.join(target) or '?'}"
    outlet = f" ({event['outlet']})" if event.get("outlet") else ""
    return {
        "alert_id": alert_id("match", name, str(event["event_id"])),
        "kind": "match",
        "watchlist": name,
        "filters": dict(filters),
        "created_at": created,
        "event_id": event["event_id"],
        "article_id": event["article_id"],
        "day": str(when)[:10] if when else None,
        "summary": f"{name}: {who} {event['type']} on {when or 'an unknown date'}{outlet}: "
        f"{evidence[:160]}",
        "event": {
            "event_id": event["event_id"],
            "type": event["type"],
            "mode": event.get("mode"),
            "date": when,
            "source": source,
            "target": target,
            "intensity": event.get("intensity"),
            "quad_class": event.get("quad_class"),
            "negated": event.get("negated"),
            "location": event.get("location"),
            "evidence": evidence,
        },
        "article": {
            "article_id": event["article_id"],
            "title": event.get("title"),
            "outlet": event.get("outlet"),
            "url": event.get("url"),
            "published": event.get("published"),
        },
        "link": f"/articles/{event['article_id']}",
    }


def spike_alert(
    name: str, filters: Mapping[str, Any], day: str, v: Judgement, created: str
) -> dict[str, Any]:
    query = {k: filters[k] for k in alert_store.EVENT_FILTERS if filters.get(k)}
    link = "/events?" + urlencode({**query, "since": day, "until": day})
    per_day = v.baseline_events / max(v.baseline_days, 1)
    return {
        "alert_id": alert_id("spike", name, day),
        "kind": "spike",
        "watchlist": name,
        "filters": dict(filters),
        "created_at": created,
        "day": day,
        "summary": f"{name} ({_label(filters)}): {v.count} events on {day} in {v.articles} "
        f"articles, {v.expected:.1f} expected (P = {v.p_value:.2g})",
        "count": v.count,
        "articles": v.articles,
        "expected": round(v.expected, 3),
        "p_value": v.p_value,
        "mean_intensity": v.mean_intensity,
        "baseline": {
            "days": v.baseline_days,
            "events": v.baseline_events,
            "articles": v.baseline_articles,
            "events_per_day": round(per_day, 3),
            "mean_intensity": v.baseline_intensity,
        },
        "link": link,
    }
