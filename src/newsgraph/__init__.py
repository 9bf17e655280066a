"""newsgraph: scraped news pages in, political event data with evidence out.

The public API, all through ``__all__``::

    newsgraph.extract(path_or_html_or_text) -> Article
    newsgraph.code(text, published=None) -> list[Event]
    newsgraph.ingest(inputs, settings=None, manifest=None) -> RunReport
    newsgraph.open(db_path) -> Store (read-only)

Heavy parts (spaCy, DuckDB, trafilatura) are imported on first use.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .records import (
    Actor,
    Article,
    Coding,
    Event,
    Failure,
    Mention,
    Page,
    PageMeta,
    Place,
    Quote,
    Sentence,
)
from .settings import Settings
from .version import __version__ as __version__

if TYPE_CHECKING:
    from .ingest import RunReport
    from .store import Store

__all__ = [
    "Actor",
    "Article",
    "Coding",
    "Event",
    "Failure",
    "Mention",
    "Page",
    "PageMeta",
    "Place",
    "Quote",
    "Sentence",
    "Settings",
    "code",
    "extract",
    "ingest",
    "open",
]


_CALLABLE = ("extract", "ingest")  # packages that are also functions of the API


class _CallableModule(types.ModuleType):
    """The package ``newsgraph.extract`` (``newsgraph.ingest``), callable as the API's
    ``newsgraph.extract(...)`` (``newsgraph.ingest(...)``): its function of that name."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self, self.__name__.rsplit(".", 1)[-1])(*args, **kwargs)


class _Package(types.ModuleType):
    """``newsgraph`` itself: whenever the ``extract`` or ``ingest`` package is bound to it
    (by any import of ``newsgraph.extract...``), that package becomes callable."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _CALLABLE and type(value) is types.ModuleType:
            value.__class__ = _CallableModule
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name == "extract":  # first use: import the package (binding it makes it callable)
        import importlib

        return importlib.import_module(".extract", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def code(text: str, published: str | None = None) -> list[Event]:
    """Code a text into events (offsets are in ``text``)."""
    from .events import code as _code

    return list(_code(text, published))


def ingest(
    inputs: str | Path | list[str | Path],
    settings: Settings | None = None,
    manifest: str | Path | None = None,
) -> RunReport:
    """Ingest files or folders into the store at ``settings.db``."""
    from .ingest import ingest as _ingest

    return _ingest(inputs, settings, manifest=manifest)


def open(db_path: str | Path) -> Store:
    """A read-only handle on a store (use it as a context manager)."""
    from .store import Store

    return Store.open(db_path, read_only=True)
