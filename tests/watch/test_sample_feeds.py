"""The README's local example: scripts/sample_feeds.py serves the sample outlets' feeds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from newsgraph.sources.discover import discover

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "sample_feeds.py"


def test_every_sample_page_is_in_its_outlets_feed_listed_by_the_opml() -> None:
    spec = importlib.util.spec_from_file_location("sample_feeds", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    base = "http://127.0.0.1:8765"
    served = module.routes(base)
    opml = discover(served["/feeds.opml"][0], base + "/feeds.opml")
    assert opml.kind == "opml" and len(opml.children) == 4
    links = []
    for feed in opml.children:
        found = discover(served[feed.removeprefix(base)][0], feed)
        assert found.kind == "feed" and found.error is None
        links += found.links
    assert len(links) == 5 and all(link.url.removeprefix(base) in served for link in links)
    assert {link.outlet for link in links} == {
        "The Moscow Times",
        "Tsarizm",
        "Press TV",
        "SouthFront",
    }
    assert all(link.published for link in links)
