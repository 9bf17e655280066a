"""The linker of issue 11 (link7): the one party of another country than the
actors', the path with its prepositions unnamed, a mention the rules placed in its
context's country counted as their choice, and a party of the actor's own country that
may be a domestic act's recipient.

Sentences written for these tests."""

from __future__ import annotations

from newsgraph.events.coder import Coder
from newsgraph.events.linker import candidates, features, sentence_features
from newsgraph.events.phrases import with_country
from newsgraph.events.roles import Roles
from newsgraph.records import Actor

# filled by the linker retrained with these features, not by the one before them (a
# party in a relative clause on the object, a city of another country): a learned
# model's single decisions move with its data; if a retrain stops filling one, replace
# it with another sentence of the same kind and say so here
FILLED = [
    ("Britain supplied most of the weapons Nigeria has bought in the past decade.", "NGA"),
    ("China has supplied most of the arms that Zambia has obtained since 2010.", "ZMB"),
    ("The Czech prime minister attended a ceremony in Bratislava to mark the anniversary.",
     "SVK"),
]  # fmt: skip

# a domestic act: the party of the actor's own country that the rules set aside as the
# actor ("USA" beside an American group) may be the recipient the linker fills
DOMESTIC = [
    ("An American militia claimed responsibility for an act of sabotage at a power station "
     "in Idaho.", "USA"),
    ("A Canadian eco-group claimed an act of sabotage at a pipeline site in Alberta.", "CAN"),
]  # fmt: skip


def _rows(coder: Coder, text: str, trigger: str, type_: str,
          target: list[Actor] | None = None) -> dict[str, list[str]]:  # fmt: skip
    """Each candidate's features for the draft on ``trigger`` (the first candidate is
    the actor; ``target`` the rules' recipients), by the candidate's words."""
    doc = coder.nlp(text)
    roles = Roles(doc, coder.resolver.mentions(doc), place_country=coder.places.place_country)
    tok = next(t for t in doc if t.lower_ == trigger)
    found = [c for c in candidates(doc[:], roles) if c.head is None or c.head.i != tok.i]
    source, target = [found[0].actor], target or []
    kind = "noun" if tok.pos_ == "NOUN" else "verb"
    extra = sentence_features(found, source, tok, target)
    return {c.actor.text: [*features(tok, type_, kind, c, source, target, False), *more]
            for c, more in zip(found, extra, strict=True)}  # fmt: skip


def test_the_one_party_of_another_country(coder: Coder) -> None:
    rows = _rows(coder, "Russia vetoed a resolution that Japan had drafted.", "vetoed", "REJECT")
    assert "foreign=True|countries=1" in rows["Japan"], rows["Japan"]
    rows = _rows(coder, "Russian troops attacked Russian rebels and Georgian police.",
                 "attacked", "ASSAULT")  # fmt: skip
    assert not any(f.startswith("foreign=True") for f in rows["Russian rebels"])
    assert "foreign=True|countries=1" in rows["Georgian police"]


def test_only_a_draft_with_no_recipient_weighs_the_foreign_party(coder: Coder) -> None:
    japan = Actor(text="Japan", code="JPN", country="JPN")
    rows = _rows(coder, "Russia vetoed a resolution that Japan had drafted.", "vetoed", "REJECT",
                 [japan])  # fmt: skip
    assert not any(f.startswith("foreign=") for f in rows["Japan"])


def test_the_path_with_its_prepositions_unnamed(coder: Coder) -> None:
    rows = _rows(coder, "France sent troops to Mali.", "sent", "MOBILIZE")
    assert "cpath=vprep vpobj" in rows["Mali"]
    assert "path=vprep:to vpobj" in rows["Mali"]


def test_a_mention_the_rules_placed_is_their_choice(coder: Coder) -> None:
    text = "Syrian troops shelled rebel positions near Idlib."
    rows = _rows(coder, text, "shelled", "ASSAULT")
    assert "rule=none" in rows["rebel"]
    placed = with_country(Actor(text="rebel", code="REB", sector="REB"), "SYR")
    rows = _rows(coder, text, "shelled", "ASSAULT", [placed])
    assert "rule=tgt" in rows["rebel"], [f for f in rows["rebel"] if f.startswith("rule=")]


def test_the_linker_fills_these_recipients(coder: Coder) -> None:
    for text, country in FILLED:
        events = coder.code(text).events
        assert any(country in {a.country for a in e.target} for e in events), (
            text, [(e.type, [a.code for a in e.target]) for e in events])  # fmt: skip
    rules = Coder(resolver=coder.resolver, linker=False)
    assert not any(
        country in {a.country for e in rules.code(text).events for a in e.target}
        for text, country in FILLED
    )  # the linker's, not the rules'


def test_the_rules_purpose_recipient_stands(coder: Coder) -> None:
    # the foreign-party features, applied to drafts that have a recipient, swapped the
    # rebels of the purpose clause for Ankara (in the main clause)
    text = ("A Syrian government offensive to crush the rebel strongholds in northern Syria "
            "led to clashes between Ankara and Damascus.")  # fmt: skip
    offensive = [e for e in coder.code(text).events if e.trigger == "offensive"]
    assert offensive and all({a.country for a in e.target} == {"SYR"} for e in offensive)


def test_a_domestic_act_takes_a_party_of_the_actor_s_country(coder: Coder) -> None:
    for text, country in DOMESTIC:
        events = [e for e in coder.code(text).events if e.type == "ASSAULT"]
        assert events and all({a.country for a in e.source} == {country} for e in events)
        assert any(country in {a.country for a in e.target} for e in events), (
            text, [[a.code for a in e.target] for e in events])  # fmt: skip
