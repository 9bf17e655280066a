"""Page outcomes to JSON and back, for ingest batches sent to a running server.

Records are frozen dataclasses; a dataclass becomes ``{"@": "Name", field: value...}``,
bytes become ``{"@bytes": base64}``, tuples JSON arrays.  Decoding builds only the
classes of the allow-list below (never an arbitrary type named by the sender) and
turns arrays back into tuples, as the records hold them.
"""

from __future__ import annotations

import base64
import json
from dataclasses import fields, is_dataclass
from typing import Any

from .. import records
from .outcomes import ArticleOutcome, DuplicateOutcome, FailureOutcome, Outcome, PageState

_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        records.Actor,
        records.Article,
        records.ArticleTone,
        records.Coding,
        records.Event,
        records.Mention,
        records.Place,
        records.Quote,
        records.Sentence,
        records.Toponym,
        ArticleOutcome,
        DuplicateOutcome,
        FailureOutcome,
        PageState,
    )
}


class CodecError(ValueError):
    """A JSON document that is not a serialised record."""


def encode(value: Any) -> Any:
    """A JSON-ready form of records, tuples, lists, dicts, bytes and scalars."""
    if is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if name not in _CLASSES:
            raise CodecError(f"cannot serialise a {name}; known records: {sorted(_CLASSES)}")
        out: dict[str, Any] = {"@": name}
        for f in fields(value):
            out[f.name] = encode(getattr(value, f.name))
        return out
    if isinstance(value, bytes):
        return {"@bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise CodecError(f"cannot serialise a {type(value).__name__}")


def decode(value: Any) -> Any:
    """The inverse of ``encode`` (arrays inside records come back as tuples)."""
    if isinstance(value, list):
        return tuple(decode(v) for v in value)
    if isinstance(value, dict):
        if "@bytes" in value:
            try:
                return base64.b64decode(value["@bytes"], validate=True)
            except (ValueError, TypeError) as exc:
                raise CodecError(f"bad base64 bytes: {exc}") from exc
        if "@" in value:
            name = value["@"]
            cls = _CLASSES.get(name) if isinstance(name, str) else None
            if cls is None:
                raise CodecError(f"unknown record type {name!r}; known: {sorted(_CLASSES)}")
            kwargs = {k: decode(v) for k, v in value.items() if k != "@"}
            try:
                return cls(**kwargs)
            except TypeError as exc:
                raise CodecError(f"bad {name} record: {exc}") from exc
        return {k: decode(v) for k, v in value.items()}
    return value


def dumps_outcomes(outcomes: list[Outcome]) -> str:
    return json.dumps([encode(o) for o in outcomes], ensure_ascii=False)


def loads_outcomes(data: Any) -> list[Outcome]:
    """Outcomes from a decoded JSON array; anything else raises ``CodecError``."""
    if not isinstance(data, list):
        raise CodecError("expected a JSON array of outcomes")
    found = [decode(item) for item in data]
    bad = [
        type(o).__name__
        for o in found
        if not isinstance(o, ArticleOutcome | DuplicateOutcome | FailureOutcome)
    ]
    if bad:
        raise CodecError(f"expected page outcomes, got {bad[0]}")
    return found
