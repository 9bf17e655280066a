"""Array helpers of the in-memory event index (``newsgraph.web.index``).

Columns come from pyarrow and become numpy arrays: integer codes of string columns,
object arrays of Python values, sort ranks, period buckets; and set operations on
sorted event positions that mark a scratch array instead of sorting (several times
faster than ``np.intersect1d`` or ``np.searchsorted`` at these sizes).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

Ints = np.ndarray[Any, np.dtype[np.int64]]
Bools = np.ndarray[Any, np.dtype[np.bool_]]
Objects = np.ndarray[Any, np.dtype[np.object_]]
EMPTY: Ints = np.zeros(0, dtype=np.int64)
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
_YEAR = re.compile(r"[0-9]{4}")


def codes(values: Any) -> tuple[Ints, dict[str, int]]:
    """Integer codes of a string column (-1 for NULL) and the code of each value."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    encoded = pc.dictionary_encode(values)
    found = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    return found, {str(v): i for i, v in enumerate(encoded.dictionary.to_pylist())}


def objects(values: Any) -> Objects:
    """A column as an object array of its Python values (repeated strings shared)."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        encoded = pc.dictionary_encode(values)
        lookup = np.empty(len(encoded.dictionary) + 1, dtype=object)
        lookup[:-1] = encoded.dictionary.to_pylist()  # the last one, code -1, is None
        index = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
        found: Objects = lookup[index]
        return found
    out = np.empty(len(values), dtype=object)
    out[:] = values.to_pylist()
    return out


def marks(n: int, *positions: Ints) -> Bools:
    """A mask of ``n`` with the given positions set."""
    mask = np.zeros(n, dtype=bool)
    for p in positions:
        mask[p] = True
    return mask


def intersect(n: int, a: Ints, b: Ints) -> Ints:
    """The positions (< ``n``) in both sorted arrays, sorted."""
    if not len(a) or not len(b):
        return EMPTY
    if len(a) > len(b):
        a, b = b, a
    found: Ints = a[marks(n, b)[a]]
    return found


def repeated(sorted_values: Ints) -> Ints:
    """The values that occur more than once in a sorted array."""
    found: Ints = sorted_values[1:][sorted_values[1:] == sorted_values[:-1]]
    return found


def string_ranks(values: list[Any]) -> tuple[Ints, Bools]:
    """Sort ranks of strings (binary order, as DuckDB's) and the NULL mask."""
    null = np.array([v is None for v in values], dtype=bool)
    text = np.array(["" if v is None else v for v in values], dtype=str)
    _, inverse = np.unique(text, return_inverse=True)
    return inverse.astype(np.int64), null


def inverse(order: Ints) -> Ints:
    """The rank of each position in a permutation."""
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    return rank


def _day(d: str) -> date | None:
    head = d[:10]
    if not DAY.fullmatch(head):
        return None
    try:
        return date.fromisoformat(head)
    except ValueError:
        return None


def bucket(by: str, d: str | None) -> str | None:
    """The period (day, week: its Monday, month, year) a date falls in, or None."""
    if d is None:
        return None
    if by in ("day", "week"):
        day = _day(d)
        if day is None:
            return None
        return (day - timedelta(days=day.weekday()) if by == "week" else day).isoformat()
    if by == "month":
        return d[:7] if _MONTH.fullmatch(d[:7]) else None
    return d[:4] if _YEAR.fullmatch(d[:4]) else None
