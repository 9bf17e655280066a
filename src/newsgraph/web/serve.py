"""``serve(db, host, port)``: run the dashboard with uvicorn until interrupted."""

from __future__ import annotations

import ipaddress
import socket
import sys

from ..errors import StoreError


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must say TCP: asyncio sets TCP_NODELAY on accepted sockets only then (without
    # it, keep-alive responses written in two parts wait ~40 ms for a delayed ACK)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise StoreError(
            f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port"
        ) from exc
    sock.listen(256)
    sock.set_inheritable(True)
    return sock


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    read_only: bool = False,
    cache: bool = True,
) -> None:
    """Serve the dashboard and API over the store ``db`` on ``host:port`` (0: a free port).

    Prints the URL, announces the server in ``<db>.server.json`` for ``newsgraph
    ingest``, and returns when interrupted (Ctrl-C).  Raises ``StoreError`` when the
    store cannot be opened (for instance while an ingest process holds it).
    ``cache=False`` serves without the response cache (for measurements).

    uvicorn runs on uvloop and parses HTTP with httptools when they are installed
    (its "auto" choice), else on asyncio with h11.
    """
    import uvicorn

    from .app import create_app

    sock = _bind(host, port)
    try:
        real_port = int(sock.getsockname()[1])
        local = host if _is_loopback(host) else ("::1" if ":" in host else "127.0.0.1")
        app = create_app(db, read_only=read_only, announce=(local, real_port), cache=cache)
        app.state.host.open()  # fail here, with a clear message, if the store is held
        shown = f"[{host}]" if ":" in host else host
        print(
            f"newsgraph dashboard: http://{shown}:{real_port}/  (store {db}; Ctrl-C to stop)",
            flush=True,
        )
        if not _is_loopback(host):
            print(
                f"warning: listening on {host}, not loopback only: anyone who can reach this "
                "machine can read the store",
                file=sys.stderr,
                flush=True,
            )
        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            timeout_keep_alive=30,
            loop="auto",
            http="auto",
        )
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
