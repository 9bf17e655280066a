"""Delivering alerts from the outbox: a webhook POST (JSON) and a JSONL file.

Each alert has one outbox row per channel configured when it was found
(``watch_webhook``, ``watch_jsonl``).  ``deliver`` tries every row that is due: a webhook
answer 2xx, or a line appended and flushed to disk, marks the row sent; anything else
leaves it pending with its error and a later try (``watch_retry_seconds`` doubled per
attempt, at most ``watch_max_backoff``), so an alert is never lost.

Once: the webhook gets an ``Idempotency-Key`` header (the alert id) so a receiver can
drop a repeat (a watcher killed between the receiver's 2xx and marking the row sent
posts it again); the JSONL file is read for alert ids before appending, so a line is
never written twice.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from ..settings import Settings
from ..sources.fetch import USER_AGENT, Clock
from .watchstate import WatchState


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0
    failed: int = 0


def channels(settings: Settings) -> list[tuple[str, str]]:
    """The delivery channels of new alerts: (``webhook``, URL), (``jsonl``, path)."""
    found = []
    if settings.watch_webhook:
        found.append(("webhook", settings.watch_webhook))
    if settings.watch_jsonl:
        found.append(("jsonl", str(Path(settings.watch_jsonl).expanduser().absolute())))
    return found


def retry_delay(settings: Settings, attempts: int) -> float:
    """Seconds before the next try after ``attempts`` failed ones."""
    base = max(settings.watch_retry_seconds, 1.0)
    return float(min(base * 2 ** max(attempts - 1, 0), settings.watch_max_backoff))


def deliver(
    state: WatchState, settings: Settings, clock: Clock, client: httpx.Client | None = None
) -> DeliveryReport:
    report = DeliveryReport()
    rows = state.call("pending_deliveries", now=clock.now())
    if not rows:
        return report
    own = client is None
    http = client or httpx.Client(
        timeout=httpx.Timeout(settings.fetch_timeout), headers={"User-Agent": USER_AGENT}
    )
    written: dict[str, set[str]] = {}
    try:
        for row in rows:
            keys = {k: row[k] for k in ("alert_id", "channel", "target")}
            try:
                if row["channel"] == "webhook":
                    _post(http, row["target"], row["payload"])
                else:
                    seen = written.setdefault(row["target"], _ids_in(Path(row["target"])))
                    _append(Path(row["target"]), row["payload"], seen)
            except (OSError, httpx.HTTPError, _Refused) as exc:
                report.failed += 1
                attempts = int(row["attempts"]) + 1
                state.call(
                    "delivery_failed", **keys, error=f"{type(exc).__name__}: {exc}",
                    next_try=clock.now() + retry_delay(settings, attempts),
                )  # fmt: skip
                continue
            state.call("delivery_done", **keys, now=clock.now())
            report.sent += 1
    finally:
        if own:
            http.close()
    return report


class _Refused(Exception):
    pass


def _post(http: httpx.Client, url: str, payload: dict[str, Any]) -> None:
    response = http.post(
        url,
        content=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json", "Idempotency-Key": str(payload["alert_id"])},
    )
    if not 200 <= response.status_code < 300:
        raise _Refused(f"the webhook answered HTTP {response.status_code}")


def _ids_in(path: Path) -> set[str]:
    """Alert ids already in a JSONL file (a line cut short by a crash is skipped)."""
    found: set[str] = set()
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                try:
                    found.add(str(json.loads(line)["alert_id"]))
                except (ValueError, KeyError, TypeError):
                    continue
    except FileNotFoundError:
        pass
    return found


def _append(path: Path, payload: dict[str, Any], seen: set[str]) -> None:
    if str(payload["alert_id"]) in seen:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("ab") as handle:
        if handle.tell() > 0:  # a line cut short by a crash is ended before ours
            with path.open("rb") as tail:
                tail.seek(-1, os.SEEK_END)
                if tail.read(1) != b"\n":
                    handle.write(b"\n")
        handle.write(json.dumps(payload, ensure_ascii=False).encode("utf-8") + b"\n")
        handle.flush()
        os.fsync(handle.fileno())
    seen.add(str(payload["alert_id"]))
