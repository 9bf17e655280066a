"""The store the web tests read: the seed corpus ingested, plus hand-made coded articles.

Hand-made articles (written through the Store API, with known events, places and
dates) make the assertions exact whether or not the event coder is ready; one of
them carries hostile markup to prove the pages render it inert.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsgraph.ingest.dedup import Deduper
from newsgraph.ingest.pipeline import ingest
from newsgraph.records import Actor, Article, Coding, Event, Mention, Place, Quote, Sentence
from newsgraph.settings import Settings
from newsgraph.store import ArticleOutcome, Store, page_id

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds"

RUS = Actor("Russia", "RUS", country="RUS")
TUR = Actor("Turkey", "TUR", country="TUR")
USA = Actor("Washington", "USAGOV", country="USA", sector="GOV")
CHN = Actor("Beijing", "CHNGOV", country="CHN", sector="GOV")
PLACES = {
    "Moscow": Place("Moscow", "RUS", 55.75, 37.62),
    "Ankara": Place("Ankara", "TUR", 39.93, 32.86),
    "Beijing": Place("Beijing", "CHN", 39.9, 116.4),
    "Geneva": Place("Geneva", "CHE", 46.2, 6.15),
}
# (source, target, type, quad, intensity, trigger, verb phrase, place, date)
PLAN = [
    (RUS, TUR, "ACCUSE", 3, -2.0, "condemned", "condemned", "Moscow", "2020-02-18"),
    (TUR, RUS, "CONSULT", 1, 4.0, "met", "met officials from", "Ankara", "2020-02-25"),
    (RUS, TUR, "AID", 2, 10.0, "sent aid", "sent aid to", "Moscow", "2020-03-03"),
    (TUR, RUS, "THREATEN", 3, -3.5, "warned", "warned", "Ankara", "2020-03-10"),
    (RUS, TUR, "COERCE", 4, -7.0, "seized", "seized ships from", None, "2020-04"),
    (USA, CHN, "SANCTION", 4, -6.0, "sanctioned", "sanctioned", "Geneva", "2021-06-01"),
    (CHN, USA, "REJECT", 3, -2.0, "rejected", "rejected demands from", "Beijing", "2021-06-02"),
]
XSS_TITLE = "<script>window.__pwned = 'title'</script>Talks stall"
XSS_BODY = (
    "Turkey rejected the offer. <script>window.__pwned = 'body'</script>\n\n"
    "Officials shared a picture <img src=x onerror=\"window.__pwned = 'img'\"> and a "
    "<a href=\"javascript:window.__pwned = 'link'\">link</a> in the statement.\n\n"
    "The talks will resume next month, a spokesman said."
)
XSS_URL = "javascript:window.__pwned='url'"
_DEDUP = Deduper(Settings())


def coder_ready() -> bool:
    """Whether the event coder can be imported yet (it is built in parallel)."""
    try:
        from newsgraph.events import Coder  # noqa: F401
    except ImportError:
        return False
    return True


def _outcome(location: str, article: Article, coding: Coding | None) -> ArticleOutcome:
    fp = _DEDUP.fingerprint(article.body)
    return ArticleOutcome(
        page_id=page_id(location),
        location=location,
        content_hash="fixture-1",
        article_id=f"fx-{page_id(location)}",
        article=article,
        body_hash=fp.body_hash,
        signature=fp.signature,
        bands=fp.bands,
        coding=coding,
    )


def _article(
    location: str, body: str, title: str, outlet: str, published: str, url: str | None
) -> Article:
    return Article(
        location=location,
        body=body,
        title=title,
        outlet=outlet,
        url=url,
        author=None,
        published=published,
        published_source="manifest",
        published_not_before=None,
        language="en",
        content_type="text",
        furniture="Share this story\nSubscribe to our newsletter",
    )


def planned_outcomes() -> list[ArticleOutcome]:
    out = []
    for i, (src, tgt, etype, quad, intensity, trigger, verb, place, date) in enumerate(PLAN):
        sentence = f"{src.text} {verb} {tgt.text} on {date}."
        body = f"{sentence}\n\nDiplomats said the dispute number {i} would be discussed again soon."
        mentions = (
            Mention(0, len(src.text), src, "country"),
            Mention(
                len(src.text) + len(verb) + 2,
                len(src.text) + len(verb) + 2 + len(tgt.text),
                tgt,
                "country",
            ),
        )
        event = Event(
            type=etype,
            mode=None,
            context=None,
            cameo=None,
            quad_class=quad,
            intensity=intensity,
            source=(src,),
            target=(tgt,),
            evidence=sentence,
            start=0,
            end=len(sentence),
            sentence_index=0,
            trigger=trigger,
            location=PLACES[place] if place else None,
            date=date,
            date_precision="day" if len(date) == 10 else "month",
            confidence=0.9,
        )
        coding = Coding(
            sentences=(Sentence(0, 0, len(sentence), sentence),),
            mentions=mentions,
            events=(event,),
            quotes=(Quote("We will not accept this", src, "said", 0, 0, 10),) if i == 0 else (),
        )
        outlet = "Harbour Post" if i % 2 == 0 else "Ridge Courier"
        loc = f"fixture/plan-{i}.txt"
        art = _article(
            loc,
            body,
            f"Dispute {i}: {src.code} and {tgt.code}",
            outlet,
            date[:10],
            f"https://example.test/{i}",
        )
        out.append(_outcome(loc, art, coding))
    return out


def xss_outcome() -> ArticleOutcome:
    sentence = "Turkey rejected the offer."
    event = Event(
        type="REJECT",
        mode=None,
        context=None,
        cameo=None,
        quad_class=3,
        intensity=-2.0,
        source=(TUR,),
        target=(),
        evidence=sentence,
        start=0,
        end=len(sentence),
        sentence_index=0,
        trigger="rejected",
        location=PLACES["Ankara"],
        date="2021-01-05",
        date_precision="day",
    )
    coding = Coding(
        sentences=(Sentence(0, 0, len(sentence), sentence),),
        mentions=(Mention(0, 6, TUR, "country"),),
        events=(event,),
        quotes=(),
    )
    loc = "fixture/hostile.txt"
    return _outcome(
        loc, _article(loc, XSS_BODY, XSS_TITLE, "<b>Bold Outlet</b>", "2021-01-05", XSS_URL), coding
    )


def xss_article_id() -> str:
    return f"fx-{page_id('fixture/hostile.txt')}"


STORY_ID = "story-rus-tur"


def add_fixture_story(path: Path) -> None:
    """A story over four fixture articles, written with the story hook's own writer."""
    from datetime import datetime

    from newsgraph.store.clustering import write_stories

    members = [o.article_id for o in planned_outcomes()[:4]]
    story = {
        "story_id": STORY_ID,
        "title": "Russia and Turkey trade words",
        "first_date": "2020-02-18",
        "last_date": "2020-03-10",
        "article_ids": members,
        "summary": [("Moscow condemned Ankara.", members[0]), ("Aid followed.", members[2])],
    }
    conn = duckdb.connect(str(path))
    try:
        write_stories(conn, [story], datetime(2026, 1, 1))
    finally:
        conn.close()


def build_db(path: Path, seeds: bool = True, stories: bool = True) -> dict[str, int]:
    """Ingest the seeds (coded when the coder is ready), then add the fixture articles."""
    if seeds:
        ingest(
            [SEEDS],
            Settings(db=str(path), code_events=coder_ready()),
            manifest=SEEDS / "manifest.jsonl",
        )
    with Store.open(path) as store:
        run = store.new_run(["tests/web fixtures"], {})
        store.write_batch(run, [*planned_outcomes(), xss_outcome()])
        store.finish_run(run, 0)
    if stories:
        add_fixture_story(path)
    with Store.open(path, read_only=True) as store:
        return store.counts()
