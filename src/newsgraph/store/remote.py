"""Writing through a running dashboard server instead of opening the store file.

While ``newsgraph serve`` holds a store, DuckDB lets no other process open it.  The
server announces itself in ``<db>.server.json``; ``remote_writer(db)`` reads that,
checks the server answers, and returns a ``RemoteStore`` that the pipeline uses in
place of ``Store``: its lookups and batch writes become loopback HTTP calls to
``/internal/*``, and the server writes each batch in one transaction through its own
connection, so the dashboard shows the new articles as soon as a batch is committed.

This module uses the standard library only (no web framework is imported to ingest).
"""

from __future__ import annotations

import http.client
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from ..closing import Closing
from ..errors import StoreError
from . import codec
from .outcomes import Outcome, PageState
from .store import RunInfo

TIMEOUT = 600.0  # seconds for one call (a batch of large pages can take a while)


def server_file(db_path: str | Path) -> Path:
    """Where a running server announces itself: ``<db>.server.json`` beside the store."""
    path = Path(db_path)
    return path.with_name(path.name + ".server.json")


class RemoteStore(Closing):
    """The part of ``Store`` the ingest pipeline uses, answered by a running server."""

    read_only = False

    def __init__(self, db_path: str | Path, host: str, port: int, token: str) -> None:
        self.path = Path(db_path)
        self.host = host
        self.port = port
        self._token = token

    def __repr__(self) -> str:
        return f"RemoteStore({str(self.path)!r} via http://{self.host}:{self.port})"

    # -- transport ---------------------------------------------------------------------

    def call(self, method: str, path: str, body: Any = None, timeout: float = TIMEOUT) -> Any:
        """One JSON call on a fresh loopback connection (nothing is ever sent twice)."""
        payload = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {"x-newsgraph-token": self._token, "content-type": "application/json"}
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, path, body=payload, headers=headers)
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            raise StoreError(
                f"the newsgraph server at {self.host}:{self.port} holding {self.path} "
                f"did not answer {path} ({exc}); restart it and run the ingest again"
            ) from exc
        finally:
            conn.close()
        if response.status != 200:
            try:
                message = json.loads(data).get("error", data[:200].decode(errors="replace"))
            except (ValueError, AttributeError):
                message = data[:200].decode(errors="replace")
            raise StoreError(f"the newsgraph server refused {path} ({response.status}): {message}")
        return json.loads(data)

    def close(self) -> None:
        """Nothing to release: every call opens and closes its own connection."""

    # -- writing -------------------------------------------------------------------------

    def new_run(self, inputs: list[str], settings: dict[str, Any]) -> RunInfo:
        found = self.call("POST", "/internal/run", {"inputs": inputs, "settings": settings})
        return RunInfo(
            run_id=int(found["run_id"]),
            inputs=inputs,
            settings=settings,
            started_at=datetime.fromisoformat(found["started_at"]),
        )

    def write_batch(self, run: RunInfo, outcomes: list[Outcome]) -> None:
        if not outcomes:
            return
        body = {"run_id": run.run_id, "outcomes": [codec.encode(o) for o in outcomes]}
        self.call("POST", "/internal/batch", body)
        run.recorded = True

    def finish_run(self, run: RunInfo, skipped: int, status: str = "done") -> None:
        self.call(
            "POST", "/internal/finish", {"run_id": run.run_id, "skipped": skipped, "status": status}
        )

    # -- what the pipeline asks ------------------------------------------------------------

    def _lookup(self, what: str, keys: list[Any]) -> Any:
        return self.call("POST", "/internal/lookup", {"what": what, "keys": keys})["result"]

    def page_states(self, page_ids: list[str]) -> dict[str, PageState]:
        found = self._lookup("page_states", page_ids)
        return {k: codec.decode(v) for k, v in found.items()}

    def has_page(self, location: str, content_hash: str) -> bool:
        return bool(self._lookup("has_page", [location, content_hash]))

    def articles_with_body_hash(self, hashes: list[str]) -> list[tuple[str, str, str]]:
        return [
            (str(h), str(a), str(loc))
            for h, a, loc in self._lookup("articles_with_body_hash", hashes)
        ]

    def band_matches(self, buckets: list[int]) -> list[tuple[int, int, str, str]]:
        found = self._lookup("band_matches", [int(b) for b in buckets])
        return [(int(b), int(k), str(a), str(loc)) for b, k, a, loc in found]

    def signatures(self, article_ids: list[str]) -> dict[str, bytes]:
        return {k: codec.decode(v) for k, v in self._lookup("signatures", article_ids).items()}


def read_announcement(db_path: str | Path) -> dict[str, Any] | None:
    """The contents of ``<db>.server.json``, or None when absent or unreadable."""
    try:
        info = json.loads(server_file(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def _alive(pid: Any) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remote_writer(db_path: str | Path) -> RemoteStore | None:
    """A ``RemoteStore`` when a live server holds ``db_path``, else None (open the file)."""
    info = read_announcement(db_path)
    if info is None or not _alive(info.get("pid")):
        return None
    try:
        remote = RemoteStore(db_path, str(info["host"]), int(info["port"]), str(info["token"]))
    except (KeyError, TypeError, ValueError):
        return None
    try:
        found = remote.call("GET", "/internal/ping", timeout=5.0)
    except StoreError:
        return None
    if Path(str(found.get("db", ""))).resolve() != Path(db_path).resolve():
        return None
    return remote
