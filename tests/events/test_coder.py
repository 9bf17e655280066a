"""Rules of the event coder, on invented sentences (stand-in actor resolver)."""

from __future__ import annotations

from newsgraph.events.coder import Coder
from newsgraph.records import Event


def _codes(actors: tuple[object, ...]) -> list[str | None]:
    return [getattr(a, "code", None) for a in actors]


def _events(coder: Coder, text: str, published: str | None = None) -> list[Event]:
    return list(coder.code(text, published).events)


def _one(coder: Coder, text: str, type_: str) -> Event:
    found = [e for e in _events(coder, text) if e.type == type_]
    assert found, f"no {type_} in {text!r}: {[e.type for e in _events(coder, text)]}"
    return found[0]


def test_negated_attack_is_flagged(fake_coder: Coder) -> None:
    events = _events(fake_coder, "Turkey did not attack Syria.")
    assert not [e for e in events if e.type == "ASSAULT" and not e.negated]
    assert [e for e in events if e.type == "ASSAULT" and e.negated]


def test_failed_to_and_refused_to_negate(fake_coder: Coder) -> None:
    event = _one(fake_coder, "Russia failed to attack Ukraine.", "ASSAULT")
    assert event.negated


def test_modal_makes_the_act_hypothetical(fake_coder: Coder) -> None:
    event = _one(fake_coder, "Turkey may close the border.", "COERCE")
    assert event.hypothetical and not event.negated
    assert _codes(event.source) == ["TUR"]


def test_conditional_clause_is_no_act_unless_embedded_acts_are_kept(fake_coder: Coder) -> None:
    text = "If Turkey attacks Syria, Russia will respond."
    assert not [e for e in _events(fake_coder, text) if e.type == "ASSAULT"]
    event = _one(_keeping_embedded(), text, "ASSAULT")
    assert event.hypothetical
    assert not event.reported


def _keeping_embedded() -> Coder:
    from dataclasses import dataclass

    from fakes import FakeResolver

    from newsgraph.settings import Settings

    @dataclass(frozen=True)
    class WithEmbedded(Settings):
        events_keep_embedded: bool = True

    return Coder(WithEmbedded(), resolver=FakeResolver())


def test_plain_act_is_neither_negated_nor_hypothetical(fake_coder: Coder) -> None:
    event = _one(fake_coder, "Turkey attacked Syria on Monday.", "ASSAULT")
    assert (event.negated, event.hypothetical) == (False, False)
    assert (_codes(event.source), _codes(event.target)) == (["TUR"], ["SYR"])
    assert event.quad_class == 4 and event.intensity < 0
    assert event.trigger == "attacked"


def test_passive_voice_swaps_roles(fake_coder: Coder) -> None:
    event = _one(fake_coder, "Syrian positions were attacked by Turkey.", "ASSAULT")
    assert (_codes(event.source), _codes(event.target)) == (["TUR"], ["SYR"])


def test_coordinated_actors_make_one_event(fake_coder: Coder) -> None:
    events = [
        e
        for e in _events(fake_coder, "The US and France rejected Russia's proposal.")
        if e.type == "REJECT"
    ]
    assert len(events) == 1
    assert _codes(events[0].source) == ["USA", "FRA"]
    assert _codes(events[0].target) == ["RUS"]


def test_nominal_trigger_with_agent_and_object(fake_coder: Coder) -> None:
    event = _one(fake_coder, "The downing of a Russian jet by Turkey strained ties.", "ASSAULT")
    assert (_codes(event.source), _codes(event.target)) == (["TUR"], ["RUS"])


def test_nominal_rejection_by_two_actors(fake_coder: Coder) -> None:
    text = "The development followed the rejection by the US and France of a Russian resolution."
    event = _one(fake_coder, text, "REJECT")
    assert _codes(event.source) == ["USA", "FRA"]
    assert _codes(event.target) == ["RUS"]


def test_possessive_is_the_actor_of_a_request(fake_coder: Coder) -> None:
    event = _one(fake_coder, "France backed Turkey's request that NATO deploy missiles.", "REQUEST")
    assert _codes(event.source) == ["TUR"]
    assert _codes(event.target) == ["NATO"]
    support = _one(
        fake_coder, "France backed Turkey's request that NATO deploy missiles.", "SUPPORT"
    )
    assert (_codes(support.source), _codes(support.target)) == (["FRA"], ["TUR"])


def test_threat_chain_reaches_the_threatened_party(fake_coder: Coder) -> None:
    text = "Turkey has threatened to use military power to drive back Syrian forces in Idlib."
    events = _events(fake_coder, text)
    threat = [e for e in events if e.type == "THREATEN"]
    assert threat and _codes(threat[0].source) == ["TUR"] and _codes(threat[0].target) == ["SYR"]


def test_threatened_act_is_folded_into_the_threat(fake_coder: Coder) -> None:
    events = _events(fake_coder, "Ankara threatened to attack Syrian forces.")
    assert [e.type for e in events] == ["THREATEN"]


def test_future_consult_becomes_agree(fake_coder: Coder) -> None:
    event = _one(fake_coder, "Iran plans to meet Israel next month.", "AGREE")
    assert (_codes(event.source), _codes(event.target)) == (["IRN"], ["ISR"])
    assert event.cameo == "036"
    assert not [
        e
        for e in _events(fake_coder, "Iran plans to meet Israel next month.")
        if e.type == "CONSULT"
    ]


def test_promised_release_is_an_agreement(fake_coder: Coder) -> None:
    # ANNOTATION.md: a stated intent to yield is AGREE (CAMEO 035x), not CONCEDE
    event = _one(fake_coder, "Iran promised to release the French prisoners.", "AGREE")
    assert event.cameo is not None and event.cameo.startswith("035")
    assert _codes(event.source) == ["IRN"]


def test_reported_speech_names_the_speaker(fake_coder: Coder) -> None:
    event = _one(fake_coder, "Moscow said that Turkey had attacked Syria.", "ASSAULT")
    assert event.reported and event.speaker is not None and event.speaker.code == "RUS"
    assert _codes(event.source) == ["TUR"]
    according = _one(fake_coder, "According to Moscow, Turkey attacked Syria.", "ASSAULT")
    assert according.reported and according.speaker is not None and according.speaker.code == "RUS"


def test_evaluation_is_an_accusation_by_the_speaker(fake_coder: Coder) -> None:
    text = "Russia said a Turkish offensive into Idlib would be the worst-case scenario."
    event = _one(fake_coder, text, "ACCUSE")
    assert (_codes(event.source), _codes(event.target)) == (["RUS"], ["TUR"])
    assert not event.hypothetical


def test_object_control_gives_the_actor(fake_coder: Coder) -> None:
    text = "The offensive has prompted Turkey to send thousands of troops to the border with Syria."
    event = _one(fake_coder, text, "MOBILIZE")
    assert _codes(event.source) == ["TUR"]


def test_offsets_point_at_the_evidence_sentence(fake_coder: Coder) -> None:
    text = "Markets were calm.\n\nTurkey attacked Syria on Monday. Prices rose."
    coding = fake_coder.code(text, "2020-02-19")
    [event] = coding.events
    assert text[event.start : event.end] == event.evidence == "Turkey attacked Syria on Monday."
    assert coding.sentences[event.sentence_index].text == event.evidence
    assert event.date is not None and event.date.startswith("2020-02")


def test_headings_do_not_merge_with_the_next_sentence(fake_coder: Coder) -> None:
    coding = fake_coder.code("Turkey May Close Border\n\nRussia attacked Ukraine.")
    assert [s.text for s in coding.sentences] == [
        "Turkey May Close Border",
        "Russia attacked Ukraine.",
    ]


def test_code_many_keeps_order_and_matches_code(fake_coder: Coder) -> None:
    items = [
        ("Turkey attacked Syria.", None),
        ("Nothing happened today.", None),
        ("Iran praised Qatar.", None),
    ]
    codings = list(fake_coder.code_many(items, batch_size=2))
    assert [[e.type for e in c.events] for c in codings] == [["ASSAULT"], [], ["SUPPORT"]]
    assert codings[2].events == fake_coder.code("Iran praised Qatar.").events


def test_no_actor_no_event(fake_coder: Coder) -> None:
    assert _events(fake_coder, "The storm attacked the coast and killed three.") == []


def test_public_code_function() -> None:
    from newsgraph.events import code, default_coder

    events = code(
        "Turkey's military shelled Syrian army positions near Idlib on Sunday.", "2020-02-19"
    )
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].source[0].country == "TUR" and events[0].target[0].country == "SYR"
    assert default_coder() is default_coder()


def test_embedded_acts_can_be_kept_as_hypothetical() -> None:
    coder = _keeping_embedded()
    events = _events(coder, "Ankara threatened to attack Syrian forces.")
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and assault[0].hypothetical and events[0].type == "THREATEN"


def test_empty_and_eventless_texts(fake_coder: Coder) -> None:
    empty = fake_coder.code("")
    assert (empty.sentences, empty.events, empty.quotes) == ((), (), ())
    plain = fake_coder.code("Turkey is a large country. Its capital is Ankara.")
    assert plain.events == () and len(plain.mentions) >= 2
