"""Story clustering on tests/data/stories/corpus.jsonl (invented articles, gold events)."""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from numpy.typing import NDArray

from newsgraph.errors import ConfigError, StoreError
from newsgraph.settings import Settings
from newsgraph.stories.bcubed import bcubed
from newsgraph.stories.cluster import ClusterOptions, StoryClusterer, StoryInput, split_sentences
from newsgraph.stories.embed import Encoder, cached_encoder

DATA = Path(__file__).resolve().parent.parent / "data" / "stories" / "corpus.jsonl"
FLOOR = Path(__file__).resolve().parent.parent / "floors" / "stories.json"


def load_corpus() -> tuple[list[StoryInput], dict[str, str], dict[str, dict[str, Any]]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    rows.sort(key=lambda r: (r["published"] or "9999", r["id"]))  # news arrives in time order
    items = [
        StoryInput(
            article_id=r["id"],
            title=r["title"],
            lead=r["lead"],
            published=r["published"],
            outlet=r["outlet"],
            actors=frozenset(r["actors"]),
            event_types=frozenset(r["event_types"]),
        )
        for r in rows
    ]
    return items, {r["id"]: r["event"] for r in rows}, {r["id"]: r for r in rows}


ITEMS, GOLD, ROWS = load_corpus()


class Memo:
    """Encodes each distinct text once: the tests cluster the same corpus many times."""

    def __init__(self, inner: Encoder) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.seen: dict[str, NDArray[np.float32]] = {}

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        missing = list(dict.fromkeys(t for t in texts if t not in self.seen))
        if missing:
            self.seen.update(zip(missing, self.inner.encode(missing), strict=True))
        return np.stack([self.seen[t] for t in texts]) if texts else self.inner.encode([])


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Memo(cached_encoder("auto"))  # the ONNX file when built, else torch: same vectors


@pytest.fixture(scope="module")
def clustered(encoder: Encoder) -> tuple[StoryClusterer, dict[str, str]]:
    clusterer = StoryClusterer(encoder)
    return clusterer, clusterer.add(ITEMS)


def test_corpus_is_what_the_gate_needs() -> None:
    events: dict[str, int] = {}
    for label in GOLD.values():
        events[label] = events.get(label, 0) + 1
    assert len(ITEMS) >= 60
    assert sum(1 for n in events.values() if n >= 3) >= 10
    assert sum(1 for n in events.values() if n == 1) >= 10
    for row in ROWS.values():
        assert row["title"] and 3 <= len(split_sentences(row["lead"])) <= 5, row["id"]
        multi = events[row["event"]] > 1
        assert multi != row["event"].startswith("single-"), row["id"]
    for label, n in events.items():
        outlets = {r["outlet"] for r in ROWS.values() if r["event"] == label}
        assert n == 1 or len(outlets) == n, f"{label}: one outlet per article"


def test_bcubed_f1_meets_the_floor(clustered: tuple[StoryClusterer, dict[str, str]]) -> None:
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    assert floor["metric"] == "story_bcubed_f1"
    score = bcubed(clustered[1], GOLD)
    assert score.f1 >= floor["floor"], f"B-cubed {score} below floor {floor['floor']}"


def test_hard_cases(clustered: tuple[StoryClusterer, dict[str, str]]) -> None:
    story = clustered[1]
    # Same actors, same kind of event, six months apart: two stories.
    assert story["armaze-mar-1"] != story["armaze-sep-1"]
    assert story["single-armaze-talks"] not in {story["armaze-mar-1"], story["armaze-sep-1"]}
    # Same event, very different words (no "earthquake" in quake-peru-4): one story.
    assert story["quake-peru-4"] == story["quake-peru-1"]
    assert story["tbilisi-protest-3"] == story["tbilisi-protest-1"]
    # Same kind of event in the same week, elsewhere: apart.
    assert story["single-crete-quake"] != story["quake-peru-1"]
    assert story["single-belgrade-protest"] != story["tbilisi-protest-1"]
    # An undated article is not gated by time and finds its story.
    assert story["dprk-missile-4"] == story["dprk-missile-1"]


def test_story_fields(clustered: tuple[StoryClusterer, dict[str, str]]) -> None:
    clusterer, _ = clustered
    stories = clusterer.stories()
    assert sorted(a for s in stories for a in s.article_ids) == sorted(GOLD)
    for s in stories:
        rows = [ROWS[a] for a in s.article_ids]
        assert s.title in {r["title"] for r in rows}
        dates = sorted(r["published"] for r in rows if r["published"])
        assert (s.first_date, s.last_date) == ((dates[0], dates[-1]) if dates else (None, None))
        assert set(s.outlets) == {r["outlet"] for r in rows}
        assert 1 <= len(s.summary) <= 3
        assert len({sentence for sentence, _ in s.summary}) == len(s.summary)
        for sentence, article_id in s.summary:
            assert article_id in s.article_ids
            assert sentence in " ".join(ROWS[article_id]["lead"].split())
    peru = next(s for s in stories if "quake-peru-1" in s.article_ids)
    assert peru.first_date == "2024-03-12" and peru.last_date == "2024-03-14"
    assert len(peru.outlets) == 5
    assert clusterer.stories([peru.story_id]) == [peru]


def test_chronological_halves_give_the_same_partition(
    encoder: Encoder, clustered: tuple[StoryClusterer, dict[str, str]]
) -> None:
    clusterer = StoryClusterer(encoder)
    first = clusterer.add(ITEMS[:36])
    second = clusterer.add(ITEMS[36:])
    assert {**first, **second} == clustered[1]  # story ids are stable too


def test_random_halves_through_save_and_load(
    encoder: Encoder, clustered: tuple[StoryClusterer, dict[str, str]]
) -> None:
    chosen = set(random.Random(0).sample(range(len(ITEMS)), len(ITEMS) // 2))
    clusterer = StoryClusterer(encoder)
    clusterer.add([it for i, it in enumerate(ITEMS) if i in chosen])
    buffer = io.BytesIO()
    clusterer.save(buffer)
    buffer.seek(0)
    restored = StoryClusterer.load(buffer, encoder)
    assert restored.stories() == clusterer.stories()
    restored.add([it for i, it in enumerate(ITEMS) if i not in chosen])
    predicted = {a: restored.story_of(a) or "" for a in GOLD}
    # Single-pass clustering depends on order: 0.978 for this split (0.978-1.0 over ten).
    assert bcubed(predicted, clustered[1]).f1 >= 0.95
    assert bcubed(predicted, GOLD).f1 >= 0.9


def test_near_duplicate_joins_its_twin(encoder: Encoder) -> None:
    clusterer = StoryClusterer(encoder)
    clusterer.add(ITEMS)
    before = clusterer.stories([clusterer.story_of("quake-peru-2") or ""])[0]
    copy = StoryInput(
        article_id="reprint-of-quake-peru-2",
        title="Markets: whisky exporters cheer trade pact",  # misleading on purpose
        lead="Distillers celebrated the tariff cut. Business groups welcomed the news.",
        published="2024-03-15",
        outlet="Reprint Daily",
        duplicate_of="quake-peru-2",
    )
    chain = replace(copy, article_id="reprint-of-reprint", duplicate_of=copy.article_id)
    result = clusterer.add([chain, copy])  # the copy of the copy comes first
    assert result == {chain.article_id: before.story_id, copy.article_id: before.story_id}
    after = clusterer.stories([before.story_id])[0]
    assert after.summary == before.summary and after.title == before.title
    assert after.last_date == "2024-03-15" and "Reprint Daily" in after.outlets


def test_duplicate_of_an_unknown_article_is_clustered_on_its_own(encoder: Encoder) -> None:
    clusterer = StoryClusterer(encoder)
    clusterer.add(ITEMS)
    orphan = replace(
        next(it for it in ITEMS if it.article_id == "swap-1"),
        article_id="orphan",
        duplicate_of="never-seen",
    )
    assert clusterer.add([orphan])["orphan"] == clusterer.story_of("swap-1")


def test_adding_known_articles_again_changes_nothing(
    encoder: Encoder, clustered: tuple[StoryClusterer, dict[str, str]]
) -> None:
    clusterer = StoryClusterer(encoder)
    clusterer.add(ITEMS)
    stories = clusterer.stories()
    assert clusterer.add(ITEMS[:10]) == {
        it.article_id: clustered[1][it.article_id] for it in ITEMS[:10]
    }
    assert clusterer.stories() == stories


class BagOfWords:
    """A stand-in encoder: hashed word counts, so shared words mean similar vectors."""

    name = "bag-of-words"

    def __init__(self, dim: int = 4096) -> None:
        self.dim = dim

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                rows[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)


def article(n: int, published: str | None, words: str) -> StoryInput:
    return StoryInput(f"a{n}", words, words + ".", published, f"outlet{n}")


def test_time_window_gates_candidates() -> None:
    clusterer = StoryClusterer(BagOfWords(), ClusterOptions(window_days=7))
    words = "rebels shell the river port"
    first = clusterer.add([article(1, "2024-01-01", words)])["a1"]
    assert clusterer.add([article(2, "2024-01-06", words)])["a2"] == first
    assert clusterer.add([article(3, "2024-01-20", words)])["a3"] != first  # 14 days after
    assert clusterer.add([article(4, None, words)])["a4"] in {first, clusterer.story_of("a3")}


def test_candidate_search_does_not_grow_with_the_store() -> None:
    clusterer = StoryClusterer(BagOfWords())
    start = np.datetime64("2021-01-01")
    for batch in range(6):  # 3,000 unrelated stories over three years
        clusterer.add(
            StoryInput(
                f"s{i}", f"topic{i} item{i}", f"word{i}.", str(start + i * 365 * 3 // 3000), "o"
            )
            for i in range(batch * 500, batch * 500 + 500)
        )
    assert len(clusterer) == 3000
    day = int(np.datetime64("2022-06-01").astype(object).toordinal())
    live = clusterer._window(day, day)
    assert 0 < len(live) <= 3 * 7 * 3000 // (3 * 365) + 2  # the articles within +-window


def test_linking_a_week_bucket_at_a_time_is_linking_one_row_at_a_time() -> None:
    """``_link_all`` sieves the rows dated to one day a bucket at a time; the stories
    are those of linking each row with its own candidates (dated, undated and spans)."""
    rng = random.Random(7)
    topics = [f"quake{t} town{t} rescue{t} toll{t} aftershock{t}".split() for t in range(12)]
    items = []
    for n in range(240):
        words = " ".join(topics[n % 12] + [f"extra{rng.randrange(40)}"])
        if n % 11 == 0:  # undated: compared with everything
            items.append(article(n, None, words))
        elif n % 17 == 0:  # a date the text implies, to the month
            items.append(article(n, None, f"{words} in March 2024"))
        else:
            items.append(article(n, f"2024-03-{1 + rng.randrange(28):02d}", words))

    def one_by_one(clusterer: StoryClusterer, rows: list[int]) -> None:
        for row in rows:
            clusterer._link(row, clusterer._candidates(row))

    items.sort(key=lambda it: it.published or "")  # the undated come first, in one batch
    options = ClusterOptions(threshold=0.7)
    bucketed, single = StoryClusterer(BagOfWords(), options), StoryClusterer(BagOfWords(), options)
    single._link_all = one_by_one.__get__(single)  # type: ignore[method-assign]
    for start in range(0, len(items), 30):
        bucketed.add(items[start : start + 30])
        single.add(items[start : start + 30])
    assert 12 <= len(bucketed) <= 80
    assert bucketed.stories() == single.stories()


def test_load_refuses_another_encoder(encoder: Encoder) -> None:
    clusterer = StoryClusterer(encoder)
    clusterer.add(ITEMS[:5])
    buffer = io.BytesIO()
    clusterer.save(buffer)
    buffer.seek(0)
    with pytest.raises(StoreError, match="same model"):
        StoryClusterer.load(buffer, BagOfWords())


def test_save_to_a_path(tmp_path: Path) -> None:
    clusterer = StoryClusterer(BagOfWords())
    clusterer.add([article(1, "2024-01-01", "one two three"), article(2, None, "four five")])
    clusterer.save(tmp_path / "state.bin")
    assert [p.name for p in tmp_path.iterdir()] == ["state.bin"]
    restored = StoryClusterer.load(tmp_path / "state.bin", BagOfWords())
    assert restored.stories() == clusterer.stories()
    assert restored.add([article(3, None, "four five")])["a3"] == clusterer.story_of("a2")
    narrow = StoryClusterer.load(str(tmp_path / "state.bin"), BagOfWords(), ClusterOptions(1.5))
    assert narrow.options.threshold == 1.5
    assert narrow.add([article(4, "2024-01-02", "one two three")])["a4"] != clusterer.story_of("a1")


def test_options() -> None:
    with pytest.raises(ConfigError, match="window_days"):
        ClusterOptions(window_days=0)
    with pytest.raises(ConfigError, match="threshold"):
        ClusterOptions(threshold=0.0)

    class Configured:
        story_threshold = 0.6
        story_window_days = 3

    assert ClusterOptions.from_settings(Configured()) == ClusterOptions(0.6, 3)
    assert ClusterOptions.from_settings(Settings()) == ClusterOptions()


def test_split_sentences() -> None:
    text = "Police fired tear gas. 'We will stay,' one said. The U.N. urged calm! Was it 3 p.m.?"
    assert split_sentences(text) == [
        "Police fired tear gas.",
        "'We will stay,' one said.",
        "The U.N. urged calm!",
        "Was it 3 p.m.?",
    ]


def test_bcubed_scores() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": "1", "b": "1", "c": "2"}, gold).f1 == 1.0
    lumped = bcubed({"a": "1", "b": "1", "c": "1"}, gold)
    assert lumped.recall == 1.0 and lumped.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
