"""The linker's clause and sentence features (newsgraph.events.linker.features): the
party's role in the clause it stands in, and its place among the other parties.

Sentences written for these tests."""

from __future__ import annotations

from newsgraph.events.coder import Coder
from newsgraph.events.linker import candidates, features, sentence_features
from newsgraph.events.roles import Roles


def _rows(coder: Coder, text: str, trigger: str, type_: str) -> dict[str, list[str]]:
    """Each candidate's features (sentence features included) for the draft on
    ``trigger``, by the candidate's words; the first candidate is the actor."""
    doc = coder.nlp(text)
    roles = Roles(doc, coder.resolver.mentions(doc), place_country=coder.places.place_country)
    tok = next(t for t in doc if t.lower_ == trigger)
    found = [c for c in candidates(doc[:], roles) if c.head is None or c.head.i != tok.i]
    source = [found[0].actor]
    extra = sentence_features(found, source, tok)
    return {
        c.actor.text: [*features(tok, type_, "noun" if tok.pos_ == "NOUN" else "verb", c,
                                 source, [], False), *more]
        for c, more in zip(found, extra, strict=True)
    }  # fmt: skip


def test_the_possessor_of_the_event_noun(coder: Coder) -> None:
    rows = _rows(coder, "Germany condemned Russia's invasion of Ukraine.", "invasion", "ASSAULT")
    assert "poss=trigger" in rows["Russia"]
    assert not any(f.startswith("poss=") for f in rows["Ukraine"])
    assert "lem=invasion|prep=of" in rows["Ukraine"]


def test_the_possessor_of_the_trigger_s_object(coder: Coder) -> None:
    rows = _rows(coder, "Putin defended Russia's role in Syria.", "defended", "SUPPORT")
    assert "poss=object" in rows["Russia"]


def test_the_subject_of_a_purpose_clause(coder: Coder) -> None:
    rows = _rows(coder, "France urged Spain to press Morocco on the border.", "urged", "REQUEST")
    assert "role=dobj|in=main" in rows["Spain"]
    assert any(f.startswith("role=dobj|in=xcomp") or f.startswith("role=dobj|in=advcl")
               for f in rows["Morocco"]), rows["Morocco"]  # fmt: skip
    assert "clauses=1" in rows["Morocco"] and "clauses=0" in rows["Spain"]


def test_the_parties_left_once_the_actor_is_set_aside(coder: Coder) -> None:
    rows = _rows(coder, "Russia supplied weapons to Armenia.", "supplied", "AID")
    assert "nfree=1" in rows["Armenia"] and "near=0" in rows["Armenia"]
    assert "near=none" in rows["Russia"]  # the actor is not free
    rows = _rows(coder, "Japan sent aid to Nepal and to Bhutan.", "sent", "AID")
    assert "nfree=2" in rows["Nepal"]
    assert "near=0" in rows["Nepal"] and "near=1" in rows["Bhutan"]


def test_a_party_the_linker_adds_takes_the_sentence_s_country(coder: Coder) -> None:
    from test_linker import _hand_weights

    from newsgraph.events.linker import Linker

    # hand weights that take any party with no country of its own as the recipient
    weights = _hand_weights({}, {"m=nocountry": 8.0, "m=group": 8.0})
    linked = Coder(resolver=coder.resolver, linker=Linker(weights))
    text = "Kenya expressed concern after the protesters marched."
    event = next(e for e in linked.code(text).events if e.type == "ACCUSE")
    assert [(a.text, a.country) for a in event.target] == [("protesters", "KEN")]
