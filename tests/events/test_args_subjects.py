"""Subjects the parser misreads (real resolver, invented text): a capitalised agency
name read as a modifier of its verb, and the one "committed to" an act."""

from __future__ import annotations

from scoring import countries, one_event

from newsgraph.events.coder import Coder


def test_an_agency_read_as_a_modifier_is_the_subject(coder: Coder) -> None:
    rules = Coder(resolver=coder.resolver, linker=False)
    event = one_event(rules, "USAID provided tents to 20,000 families in Haiti.", "AID")
    assert countries(event.source) == ["USA"]


def test_the_one_committed_to_an_act_does_it(coder: Coder) -> None:
    rules = Coder(resolver=coder.resolver, linker=False)
    text = "The Kenyan minister said his government is committed to opening the border."
    event = one_event(rules, text, "AGREE")
    assert countries(event.source) == ["KEN"]


def test_an_agentless_passive_keeps_no_actor(coder: Coder) -> None:
    rules = Coder(resolver=coder.resolver, linker=False)
    event = one_event(rules, "Two journalists were arrested in Cairo.", "COERCE")
    assert event.source == ()


def test_a_title_names_the_people_in_apposition(coder: Coder) -> None:
    rules = Coder(resolver=coder.resolver, linker=False)
    text = "Presidents Vladimir Putin and Hassan Rouhani met Erdogan in Ankara."
    event = one_event(rules, text, "CONSULT")
    assert sorted(str(c) for c in countries(event.source)) == ["IRN", "RUS"]


def test_the_doer_of_coordinated_event_nouns_under_a_light_verb(coder: Coder) -> None:
    rules = Coder(resolver=coder.resolver, linker=False)
    text = "The Turkish army launched air and artillery strikes on Kurdish positions in Iraq."
    event = one_event(rules, text, "ASSAULT")
    assert countries(event.source) == ["TUR"]


def test_a_subject_the_parser_hung_on_the_auxiliary(coder: Coder) -> None:
    from spacy.tokens import Doc

    from newsgraph.events.roles import Roles
    from newsgraph.records import Actor, Mention

    # the parse of a real sentence of this shape: "Spain" the subject of "have", not "opposed"
    words = ["Spain", "however", "have", "opposed", "the", "quotas", "."]
    doc = Doc(coder.nlp.vocab, words=words, heads=[2, 2, 3, 3, 5, 3, 3],
              deps=["nsubj", "advmod", "aux", "ROOT", "det", "dobj", "punct"])  # fmt: skip
    spain = Actor(text="Spain", code="ESP", country="ESP")
    roles = Roles(doc, [Mention(0, 5, spain, "country")])
    assert roles.subject(doc[3]) == [spain]


def test_the_second_of_coordinated_verbs_shares_the_subject(coder: Coder) -> None:
    rules = Coder(resolver=coder.resolver, linker=False)
    text = "The Egyptian government, thus, rejects and condemns the Israeli decision."
    event = one_event(rules, text, "ACCUSE")
    assert countries(event.source) == ["EGY"]
