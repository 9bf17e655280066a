"""The dashboard and REST API: ``create_app(db_path)`` and ``serve(db, host, port)``.

Light to import: ``create_app`` imports the web framework on first use, and ``serve``
(``newsgraph.web.serve``) imports it and uvicorn only when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .serve import serve

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "serve"]


def create_app(db_path: str, read_only: bool = False) -> FastAPI:
    """The FastAPI app over the store at ``db_path`` (see ``newsgraph.web.app``)."""
    from .app import create_app as make

    return make(db_path, read_only=read_only)
