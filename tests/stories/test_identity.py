"""An article's identity record, the pair score, and the dates a text implies."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
import yaml
from test_cluster import BagOfWords

from newsgraph.errors import DataFileError
from newsgraph.stories import identity as ident
from newsgraph.stories.cluster import ClusterOptions, StoryClusterer, StoryInput
from newsgraph.stories.identity import (
    Identity,
    compare,
    identity_of,
    implied_date,
    load_weights,
    text_names,
    text_numbers,
)
from newsgraph.stories.linkage import attach_singles, average_link


def test_weights_load_and_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    w = load_weights()
    assert 0 < w.names_overlap <= 2 and w.date_gate <= 0 and "monday" in w.not_names
    assert w.most == pytest.approx(
        w.names_overlap + w.names_jaccard + w.numbers + w.places + w.events + w.dates
    )
    raw = yaml.safe_load(
        (resources.files("newsgraph") / "data/analysis/story_identity.yaml").read_text("utf-8")
    )
    for broken in (
        {**raw, "weights": {**raw["weights"], "numbers": 5.0}},
        {**raw, "weights": {k: v for k, v in raw["weights"].items() if k != "places"}},
        {**raw, "date_gate": 0.5},
        {**raw, "not_names": ["Monday"]},
    ):
        folder = tmp_path / "newsgraph" / "data" / "analysis"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "story_identity.yaml").write_text(yaml.safe_dump(broken), encoding="utf-8")
        monkeypatch.setattr(ident.resources, "files", lambda _: tmp_path / "newsgraph")
        load_weights.cache_clear()
        with pytest.raises(DataFileError, match=r"story_identity\.yaml"):
            load_weights()
        monkeypatch.undo()
    load_weights.cache_clear()


def test_names_are_capitalised_words_past_the_start_of_a_sentence() -> None:
    text = (
        "After a long night, actress Tara Reid checked into Promises Treatment Center. "
        "Reid's rep said on Tuesday that The Armenian side fired first.\nPOLICE SAID"
    )
    names = text_names(text)
    assert {"tara", "reid", "promises", "treatment", "center"} <= names
    assert "ARM" in names  # a demonym meets its country
    assert not {"after", "tuesday", "police", "said", "the"} & names
    assert text_names("Armenia said. Troops from Armenia and Armenians") == {"ARM"}


def test_numbers_leave_out_years_small_counts_and_dates() -> None:
    text = "A magnitude 6.1 quake killed 23 people and 4 goats in 2013; 1,200 homes fell at 7:48."
    assert text_numbers(text) == {"6.1", "23", "1200"}


def test_implied_date_reads_a_dateline_not_a_relative_date() -> None:
    assert implied_date("May 03, 2013\nShare this", "Body.") == ("2013-05-03", "day")
    assert implied_date("", "WASHINGTON, April 28, 2009 - The rule was revoked.") == (
        "2009-04-28",
        "day",
    )
    assert implied_date("", "In March 2009 the rule changed.") == ("2009-03", "month")
    assert implied_date("", "She went to the clinic on Tuesday.") == (None, "unknown")
    far = "x " * 400 + "on June 8, 2012"
    assert implied_date("", far) == (None, "unknown")  # past the dateline: history, not a date


def test_identity_prefers_the_publication_date_and_keeps_precision() -> None:
    body = "Officials said the quake struck Peru. It killed 31 people."
    dated = identity_of("Quake", body, "May 03, 2013", published="2024-03-12")
    assert (dated.date, dated.precision, dated.date_source) == ("2024-03-12", "day", "published")
    month = identity_of("Quake", body, published="2016-08")
    assert (month.date, month.precision) == ("2016-08", "month")
    assert month.span() == (
        np.datetime64("2016-08-01").astype(object).toordinal(),
        np.datetime64("2016-08-31").astype(object).toordinal(),
    )
    implied = identity_of("Quake", body, "May 03, 2013")
    assert (implied.date, implied.precision, implied.date_source) == ("2013-05-03", "day", "text")
    undated = identity_of("Quake", body)
    assert (undated.date, undated.span(), undated.date_source) == (None, None, "none")
    url = identity_of("http: / / www. example. com / 2013 / lohan - rehab", "Lindsay Lohan left.")
    assert "example" not in url.names and "lohan" in url.names
    coded = identity_of("T", body, people=["Jack Ketsoyan"], places=["Syria"], actors=["PERMIL"])
    assert coded.people == {"ketsoyan"} and coded.places == {"SYR"} and "PER" in coded.names
    assert Identity.from_json(coded.to_json()) == coded


def test_compare_scores_shared_identity_and_gates_dates() -> None:
    a = Identity(
        names=frozenset({"reid", "promises", "ARM"}),
        people=frozenset({"reid"}),
        numbers=frozenset({"33"}),
        date="2008-12-02",
        precision="day",
    )
    b = Identity(names=frozenset({"reid", "ARM", "malibu"}), numbers=frozenset({"33"}))
    link = compare(a, b, 0.5, 7)
    w = load_weights()
    expected = 0.5 + w.names_overlap * 2 / 3 + w.names_jaccard * 2 / 4 + w.numbers / 3
    assert link.score == pytest.approx(expected)
    assert (link.people, link.places, link.numbers, link.dates) == (
        ("reid",),
        ("ARM",),
        ("33",),
        (),
    )
    same_day = Identity(names=frozenset({"reid"}), date="2008-12-03", precision="day")
    assert compare(a, same_day, 0.5, 7).dates == ("2008-12-02", "2008-12-03")
    later = Identity(names=frozenset({"reid"}), date="2013-05", precision="month")
    gated = compare(a, later, 0.99, 7)
    assert gated.gated and gated.score == w.date_gate


def test_average_link_and_lone_articles() -> None:
    sim = np.array(
        [
            [0, 1.2, 1.1, 0.2, 0.96],
            [1.2, 0, 1.0, 0.1, 0.3],
            [1.1, 1.0, 0, 0.3, 0.2],
            [0.2, 0.1, 0.3, 0, 0.1],
            [0.96, 0.3, 0.2, 0.1, 0],
        ]
    )
    labels = average_link(sim, 0.95)
    assert labels[0] == labels[1] == labels[2] and len({labels[0], labels[3], labels[4]}) == 3
    joined = attach_singles(sim, labels, 0.95)
    assert joined[4] == joined[0] and joined[3] != joined[0]  # one strong link is enough
    flipped = average_link(sim[::-1, ::-1], 0.95)[::-1]  # the same groups in another order
    assert partition(flipped) == partition(labels)


def partition(labels: Sequence[int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def test_the_time_window_applies_to_the_date_a_text_implies() -> None:
    words = "Fire destroys the historic dairy warehouse in Palmer, the fire chief said."
    clusterer = StoryClusterer(BagOfWords(512), ClusterOptions(threshold=0.95))

    def page(n: int, dateline: str | None, published: str | None = None) -> StoryInput:
        identity = identity_of("Dairy fire", words, dateline or "", published)
        return StoryInput(f"a{n}", "Dairy fire", words, published, f"o{n}", identity=identity)

    placed = clusterer.add(
        [
            page(1, None, "2012-08-07"),
            page(2, "August 8, 2012"),  # undated page, dateline in the window: joins
            page(3, "March 3, 2009"),  # undated page, dateline years before: apart
            page(4, None),  # no date at all: not gated, joins one of them
        ]
    )
    assert placed["a1"] == placed["a2"] != placed["a3"]
    assert placed["a4"] in {placed["a1"], placed["a3"]}
    why = clusterer.explain(placed["a1"])
    assert why["a2"][1] is not None and why["a2"][1].dates == ("2012-08-07", "2012-08-08")
    assert clusterer.identity("a3") is not None and clusterer.identity("a3").precision == "day"


def test_stories_do_not_depend_on_order_or_batches() -> None:
    rng = np.random.default_rng(7)
    topics = ["port shelling river", "quake valley homes", "vote count parliament", "swap captives"]
    items = [
        StoryInput(
            f"a{n}",
            f"{topics[n % 4]} report {n}",
            f"{topics[n % 4]} {' '.join(rng.choice(['dawn', 'night', 'town', 'army', 'aid'], 3))}.",
            None if n % 5 == 0 else f"2024-03-{1 + n % 9:02d}",
            f"o{n % 3}",
        )
        for n in range(40)
    ]
    whole = StoryClusterer(BagOfWords(512), ClusterOptions(threshold=0.9))
    expected = whole.add(items)
    for seed in range(3):
        order = list(items)
        np.random.default_rng(seed).shuffle(order)
        pieces = StoryClusterer(BagOfWords(512), ClusterOptions(threshold=0.9))
        got: dict[str, str] = {}
        for start in range(0, len(order), 7):
            got.update(pieces.add(order[start : start + 7]))
        final = {a: pieces.story_of(a) for a in expected}
        assert final == expected
        assert pieces.stories() == whole.stories()


def test_pair_scores_at_once_equal_one_pair_at_a_time() -> None:
    clusterer = StoryClusterer(BagOfWords(512), ClusterOptions(threshold=0.9))
    texts = [
        ("Quake kills 23 in Arequipa, Peru", "2024-03-12"),
        ("Peru quake toll rises to 31 in Arequipa", "2024-03-13"),
        ("Arequipa quake: Peru declares emergency", "2024-03"),
        ("Quake in Crete kills 2, Greece says", "2024-03-12"),
        ("Arequipa Peru quake 23 dead", None),
        ("Peru quake anniversary in Arequipa", "2025-03-12"),
    ]
    clusterer.add(
        StoryInput(f"a{n}", t, f"{t}. Officials in Lima said 23 died.", d, "o", actors=frozenset())
        for n, (t, d) in enumerate(texts)
    )
    rows = list(range(len(texts)))
    matrix = clusterer._matrix(rows)
    for i in rows:
        for j in rows:
            if i != j:
                cosine = float(clusterer._cosines(i, np.asarray([j]))[0])
                assert matrix[i, j] == clusterer._score(i, j, cosine), (i, j)
    assert matrix[clusterer._row["a0"], clusterer._row["a5"]] == load_weights().date_gate
