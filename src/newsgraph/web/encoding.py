"""``dumps(value) -> bytes``: the JSON of every API answer.

orjson when it is installed (several times faster than the standard library on event
pages), else ``json``; both give the same document: UTF-8, dates as ISO strings,
Decimals as numbers, bytes as null, anything else as its ``str``.  A value orjson
refuses (an integer beyond 64 bits) goes through ``json``.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; json is the fallback
    orjson = None  # type: ignore[assignment]

ENGINE = "orjson" if orjson is not None else "json"


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return None
    return str(value)


def _stdlib(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, default=_default, allow_nan=False).encode("utf-8")


if orjson is not None:
    _OPTIONS = orjson.OPT_NON_STR_KEYS

    def dumps(value: Any) -> bytes:
        """The JSON document of ``value``, UTF-8."""
        try:
            return orjson.dumps(value, default=_default, option=_OPTIONS)
        except orjson.JSONEncodeError:
            return _stdlib(value)

else:  # pragma: no cover

    def dumps(value: Any) -> bytes:
        """The JSON document of ``value``, UTF-8."""
        return _stdlib(value)
