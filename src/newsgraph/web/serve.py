"""``serve(db, host, port)``: run the dashboard with uvicorn until interrupted."""

from __future__ import annotations

import ipaddress
import socket
import sys
from collections.abc import Sequence

from ..errors import StoreError
from ..settings import Settings


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


WILDCARDS = ("", "0.0.0.0", "::")


def served_names(host: str, extra: str | Sequence[str] = ()) -> list[str]:
    """The Host header names a server bound to ``host`` answers: the loopback names, the
    bound host (this machine's names when bound to every interface), and ``extra``
    (the ``allowed_hosts`` setting, comma-separated; ``*`` answers any)."""
    from .app import LOOPBACK_NAMES

    names = [*LOOPBACK_NAMES]
    if host in WILDCARDS:
        names += [socket.gethostname(), socket.getfqdn()]
    else:
        names.append(host)
    given = extra.split(",") if isinstance(extra, str) else list(extra)
    return names + [name.strip() for name in given if name.strip()]


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
    allowed_hosts: str | Sequence[str] | None = None,
) -> None:
    """Serve the dashboard and API over the store ``db`` on ``host:port`` (0: a free port).

    Prints the URL, announces the server in ``<db>.server.json`` for ``newsgraph
    ingest``, and returns when interrupted (Ctrl-C).  Raises ``StoreError`` when the
    store cannot be opened (for instance while an ingest process holds it).
    ``cache=False`` serves without the response cache (for measurements).
    A request whose Host header names neither loopback, ``host`` nor one of
    ``allowed_hosts`` (default: the setting) gets 400 (``served_names``).

    uvicorn runs on uvloop and parses HTTP with httptools when they are installed
    (its "auto" choice), else on asyncio with h11.
    """
    import uvicorn

    from .app import create_app

    sock = _bind(host, port)
    try:
        real_port = int(sock.getsockname()[1])
        local = host if _is_loopback(host) else ("::1" if ":" in host else "127.0.0.1")
        if allowed_hosts is None:
            allowed_hosts = Settings.load().allowed_hosts
        names = served_names(host, allowed_hosts)
        app = create_app(
            db, read_only=read_only, announce=(local, real_port), cache=cache, allowed_hosts=names
        )
        app.state.host.open()  # fail here, with a clear message, if the store is held
        shown = f"[{host}]" if ":" in host else host
        print(
            f"newsgraph dashboard: http://{shown}:{real_port}/  (store {db}; Ctrl-C to stop)",
            flush=True,
        )
        if not _is_loopback(host):
            print(
                f"warning: listening on {host}, not loopback only: anyone who can reach this "
                "machine can read the store (Host names answered: "
                f"{', '.join(dict.fromkeys(names))}; add others with the allowed_hosts setting)",
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
