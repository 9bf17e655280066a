"""The dashboard and REST API: ``create_app(db_path)`` and ``serve(db, host, port)``.

Imported lazily: ``newsgraph.web.client`` (used by ingest) needs no web framework.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "serve"]


def create_app(db_path: str, read_only: bool = False) -> FastAPI:
    """The FastAPI app over the store at ``db_path`` (see ``newsgraph.web.app``)."""
    from .app import create_app as make

    return make(db_path, read_only=read_only)


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    read_only: bool = False,
    cache: bool = True,
    allowed_hosts: str | None = None,
) -> None:
    """Serve the dashboard until interrupted; prints the URL (see ``newsgraph.web.serve``)."""
    from .serve import serve as run

    run(db, host=host, port=port, read_only=read_only, cache=cache, allowed_hosts=allowed_hosts)
