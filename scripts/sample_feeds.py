"""Serve the sample outlets of examples/seeds as RSS feeds on 127.0.0.1, for `newsgraph watch`.

    python scripts/sample_feeds.py --port 8765

Each outlet of examples/seeds/manifest.jsonl gets a feed at /feeds/<outlet>.rss listing
its pages (served as text at /pages/<file>), and /feeds.opml lists every feed.  Feeds
answer conditional requests (ETag), as real outlets' feeds do.  A local stand-in for
the outlets' own feeds: nothing leaves this machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def routes(base: str, seeds: Path = SEEDS) -> dict[str, tuple[bytes, str]]:
    """Path -> (body, content type) of every feed, page and the OPML file."""
    rows = [
        json.loads(line) for line in (seeds / "manifest.jsonl").read_text().splitlines() if line
    ]
    found: dict[str, tuple[bytes, str]] = {}
    outlets: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        text = (seeds / row["path"]).read_text(encoding="utf-8")
        found[f"/pages/{row['path']}"] = (text.encode("utf-8"), "text/plain; charset=utf-8")
        outlets.setdefault(row["outlet"], []).append(row)
    for outlet, items in outlets.items():
        entries = "".join(
            f"<item><link>{base}/pages/{i['path']}</link>"  # the page gives its own title
            f"<pubDate>{_date(i['published'])}</pubDate></item>"
            for i in items
        )
        feed = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>{escape(outlet)}</title>{entries}</channel></rss>")  # fmt: skip
        found[f"/feeds/{slug(outlet)}.rss"] = (feed.encode("utf-8"), "application/rss+xml")
    outlines = "".join(
        f'<outline text={quoteattr(o)} type="rss" xmlUrl="{base}/feeds/{slug(o)}.rss"/>'
        for o in outlets
    )
    opml = f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'
    found["/feeds.opml"] = (opml.encode("utf-8"), "text/x-opml")
    return found


def _date(published: str) -> str:
    parts = [int(x) for x in published.split("-")] + [1, 1]
    return format_datetime(datetime(parts[0], parts[1], parts[2], 9, tzinfo=UTC), usegmt=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    served = routes(f"http://127.0.0.1:{args.port}")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *a: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path not in served:
                self.send_error(404)
                return
            body, kind = served[self.path]
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    print(f"serving {len(served)} paths; watch http://127.0.0.1:{args.port}/feeds.opml", flush=True)
    ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
