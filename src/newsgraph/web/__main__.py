"""``python -m newsgraph.web DB [--host H] [--port P] [--read-only] [--no-cache]``: serve a store."""

from __future__ import annotations

import argparse
import sys

from ..errors import NewsgraphError
from . import serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.web", description=__doc__)
    parser.add_argument("db", help="the DuckDB store (created if missing)")
    parser.add_argument("--host", default="127.0.0.1", help="interface (default: loopback only)")
    parser.add_argument("--port", type=int, default=8000, help="TCP port; 0 picks a free one")
    parser.add_argument("--read-only", action="store_true", help="open the store read-only")
    parser.add_argument(
        "--no-cache", action="store_true", help="no response cache (for measurements)"
    )
    args = parser.parse_args(argv)
    try:
        serve(
            args.db,
            host=args.host,
            port=args.port,
            read_only=args.read_only,
            cache=not args.no_cache,
        )
    except NewsgraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
