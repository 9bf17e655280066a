"""The one exception tree of newsgraph.

::

    NewsgraphError                 anything newsgraph raises on purpose
    ├── ConfigError                a setting is missing or malformed (fatal)
    ├── StoreError                 the DuckDB store cannot be opened or migrated (fatal)
    ├── DataFileError              a lexicon or dictionary under data/ is malformed (fatal)
    ├── QueryError                 a filter of a read is malformed (also a ValueError)
    ├── NoPagesError               the inputs hold no page at all (nothing is stored)
    └── PageError                  one document cannot be processed (per document:
        │                          recorded as a failure row, the run goes on)
        ├── SourceError            unreadable, empty, too large, binary, bad encoding
        └── ExtractionError        no article text could be found

Per-document errors carry a one-line ``reason`` that ends up in the store; fatal
ones stop the run with a message that names the bad value and how to fix it.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class ConfigError(NewsgraphError):
    """A setting is missing or malformed."""


class StoreError(NewsgraphError):
    """The store cannot be opened, migrated or written."""


class DataFileError(NewsgraphError):
    """A data file under ``newsgraph/data`` is malformed."""


class QueryError(NewsgraphError, ValueError):
    """A filter value is malformed (the message names it and what was expected)."""


class NoPagesError(NewsgraphError):
    """The inputs hold no page (an empty folder): a run stores nothing, not even a store."""


class PageError(NewsgraphError):
    """One document cannot be processed; ``reason`` is a single line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = " ".join(reason.split())


class SourceError(PageError):
    """The source could not be read or decoded."""


class ExtractionError(PageError):
    """The page holds no article text."""
