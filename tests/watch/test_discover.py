"""What a watched source lists: feeds, sitemaps, OPML, URL lists, and what is not one."""

from __future__ import annotations

from newsgraph.sources.discover import discover

BASE = "http://news.test/feeds/main.xml"


def test_rss_entries_give_links_with_their_metadata_resolved_against_the_feed() -> None:
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>
      <item><title>Pier reopens</title><link>/news/1.html</link>
        <pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>
      <item><title>No link</title></item>
      <item><guid>http://news.test/news/2.html</guid><title>By guid</title></item>
    </channel></rss>"""
    found = discover(body, BASE)
    assert found.kind == "feed" and found.error is None
    assert [(x.url, x.title, x.published, x.outlet) for x in found.links] == [
        ("http://news.test/news/1.html", "Pier reopens", "2026-03-03", "Harbour Post"),
        ("http://news.test/news/2.html", "By guid", None, "Harbour Post"),
    ]


def test_atom_feed() -> None:
    body = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley News</title>
      <entry><title>Bridge</title><link rel="alternate" href="http://v.test/b"/>
      <published>2026-03-02T08:00:00+02:00</published><author><name>Ana</name></author></entry>
    </feed>"""
    (link,) = discover(body, BASE).links
    assert (link.url, link.published, link.author, link.outlet) == (
        "http://v.test/b", "2026-03-02", "Ana", "Valley News",
    )  # fmt: skip


def test_news_sitemap_and_sitemap_index() -> None:
    body = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>http://n.test/a</loc><news:news><news:publication><news:name>North Times
      </news:name></news:publication><news:publication_date>2026-03-01</news:publication_date>
      <news:title>Talks</news:title></news:news></url>
      <url><loc>http://n.test/b</loc><lastmod>2026-02-27</lastmod></url></urlset>"""
    found = discover(body, BASE)
    assert found.kind == "sitemap"
    assert [(x.url, x.title, x.published, x.outlet) for x in found.links] == [
        ("http://n.test/a", "Talks", "2026-03-01", "North Times"),
        ("http://n.test/b", None, "2026-02-27", None),
    ]
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/s1.xml</loc></sitemap><sitemap><loc>http://n.test/s2.xml</loc></sitemap>
    </sitemapindex>"""
    assert discover(index, BASE).children == ["http://news.test/s1.xml", "http://n.test/s2.xml"]


def test_opml_lists_feeds_as_sources_and_a_url_list_lists_links() -> None:
    opml = b"""<opml version="2.0"><body><outline text="x">
      <outline text="a" xmlUrl="http://a.test/rss"/><outline text="b" xmlUrl="feed.xml"/>
    </outline></body></opml>"""
    found = discover(opml, BASE)
    assert (found.kind, found.children) == (
        "opml",
        ["http://a.test/rss", "http://news.test/feeds/feed.xml"],
    )
    urls = discover(b"# comment\nhttp://a.test/1\n\nftp://x\nhttp://a.test/2 # two\n", BASE)
    assert (urls.kind, [x.url for x in urls.links]) == (
        "urls",
        ["http://a.test/1", "http://a.test/2"],
    )


def test_what_is_not_a_source_is_an_error_not_a_crash() -> None:
    assert "malformed XML" in (discover(b"<rss><channel><item>", BASE).error or "")
    assert "HTML page" in (discover(b"<!DOCTYPE html><html></html>", BASE).error or "")
    assert "not a feed" in (discover(b"<svg/>", BASE).error or "")
    assert discover(b"", BASE).error == "empty source"
    entity = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><link>&x;</link></item></channel></rss>'
    assert all("root:" not in x.url for x in discover(entity, BASE).links)
