"""newsgraph: scraped news pages in, political event data with evidence out."""

from __future__ import annotations

__all__: list[str] = []
__version__ = "0.1.0"
