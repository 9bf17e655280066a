"""Start `python -m newsgraph.web DB --port 0` and find its port in <db>.server.json."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    db: Path
    host: str
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)


def start_server(db: Path, log: Path, extra: tuple[str, ...] = (), timeout: float = 30.0) -> Server:
    announce = db.with_name(db.name + ".server.json")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsgraph.web", str(db), "--port", "0", *extra],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env=env,
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            info = json.loads(announce.read_text())
            if info.get("pid") == proc.pid:
                server = Server(proc, db, info["host"], int(info["port"]), log)
                if httpx.get(server.url + "/api/health", timeout=2).status_code == 200:
                    return server
        except (OSError, ValueError, httpx.HTTPError):
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"server did not start in {timeout} s: {log.read_text()[-2000:]}")
