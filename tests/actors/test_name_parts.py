"""Words that are part of a longer name, and names written without their apostrophe."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.actors import DATA_DIR, ActorResolver, load_dictionary
from newsgraph.errors import DataFileError


def _codes(resolver: ActorResolver, parser: Any, text: str) -> dict[str, str | None]:
    return {m.actor.text: m.actor.code for m in resolver.mentions(parser(text), "2021-05-04")}


def test_a_compass_word_before_a_name_is_not_the_west(resolver: ActorResolver, parser: Any) -> None:
    got = _codes(resolver, parser, "Soldiers stormed a refugee camp in the West Bank overnight.")
    assert "WST" not in got.values()
    got = _codes(resolver, parser, "Troops arrested the West African nation's president.")
    assert "WST" not in got.values()


def test_the_west_alone_is_still_the_west(resolver: ActorResolver, parser: Any) -> None:
    got = _codes(resolver, parser, "The West on Friday imposed new sanctions on Belarus.")
    assert got.get("The West") == "WST"


def test_gaza_and_the_west_bank_are_palestinian(resolver: ActorResolver) -> None:
    for text in ("the West Bank", "Gaza", "the Gaza Strip"):
        actor = resolver.lookup(text)
        assert actor is not None and actor.country == "PSE", text


def test_a_surname_glued_to_a_place_name_is_not_the_person(
    resolver: ActorResolver, parser: Any
) -> None:
    got = _codes(resolver, parser, "Rebels entered Mazar-i-Sharif and the city fell quickly.")
    assert not any(c and c.startswith("PAK") for c in got.values()), got


def test_a_surname_after_pro_or_a_known_name_is_still_the_person(
    resolver: ActorResolver, parser: Any
) -> None:
    got = _codes(resolver, parser, "Pro-Assad militias shelled the town for a week.")
    assert any(c and c.startswith("SYR") for c in got.values())


def test_a_country_with_its_apostrophe_dropped(resolver: ActorResolver, parser: Any) -> None:
    got = _codes(resolver, parser, "Nepals government rejected the claims made by the panel.")
    assert any(c and c.startswith("NPL") for c in got.values())
    actor = resolver.lookup("Israels")
    assert actor is not None and actor.country == "ISR"


def test_a_name_whose_s_form_means_something_else(resolver: ActorResolver) -> None:
    for text in ("Frances", "Koreas", "Americas", "Chiles"):
        assert resolver.lookup(text) is None, text


def test_an_exception_that_names_no_country_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for f in DATA_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    path = tmp_path / "countries.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("glued_s_exceptions: [", "glued_s_exceptions: [Atlantis, "))
    with pytest.raises(DataFileError, match="Atlantis"):
        load_dictionary(tmp_path)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Washington pulled out of the Paris Agreement last year.", "FRA"),
        ("The insurgents broke the Doha agreement, officials in Kabul said.", "QAT"),
        ("Diplomats prepared another round of the Astana talks.", "KAZ"),
        ("A study by the Stockholm International Peace Research Institute was cited.", "SWE"),
    ],
)
def test_a_thing_named_after_a_capital_is_no_actor(
    resolver: ActorResolver, parser: Any, text: str, place: str
) -> None:
    codes = _codes(resolver, parser, text).values()
    assert not any(c and c.startswith(place) for c in codes)


def test_a_capital_beside_an_agent_noun_is_still_the_government(
    resolver: ActorResolver, parser: Any
) -> None:
    got = _codes(resolver, parser, "Moscow officials rejected the proposal on Friday.")
    assert "RUSGOV" in got.values()


def test_named_after_places_must_be_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for f in DATA_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    path = tmp_path / "metonyms.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("named_after_places: [", "named_after_places: [Peace Deal, "))
    with pytest.raises(DataFileError, match="Peace Deal"):
        load_dictionary(tmp_path)


def test_the_member_of_an_organisation_is_the_state_named_before(
    resolver: ActorResolver, parser: Any
) -> None:
    got = _codes(
        resolver, parser, "Washington quit a deal with Venezuela and sanctioned the OPEC member."
    )
    assert got.get("OPEC member") == "VEN"
    got = _codes(resolver, parser, "The EU member Hungary blocked the statement.")
    assert got.get("EU member Hungary") == "HUN"


@pytest.mark.parametrize(
    ("text", "target", "code"),
    [
        ("Korean artillery fired after Pyongyang issued a warning.", "Korean artillery", "PRKMIL"),
        (
            "Congolese soldiers clashed with rebels near Brazzaville.",
            "Congolese soldiers",
            "COGMIL",
        ),
        (
            "Ankara vowed to strike Kurdish militias in Syria next week.",
            "Kurdish militias",
            "SYRREB",
        ),
        ("Kurdish rebels ambushed a convoy in eastern Turkey.", "Kurdish rebels", "TURREB"),
        ("Kurdish officials rejected the demand on Monday.", "Kurdish officials", "IRQGOV"),
        ("Syrian Kurdish leaders met officials in Ankara.", "Syrian Kurdish leaders", "SYRGOV"),
        ("Maoist rebels stormed a police post in Jharkhand.", "Maoist rebels", "INDREB"),
        ("Maoist rebels said they would join the talks.", "Maoist rebels", "NPLREB"),
        ("A Turkish patrol came under fire from Kurdish militants.", "Kurdish militants", "TURREB"),
        ("Hutu rebels raided a village in northern Burundi.", "Hutu rebels", "BDIREB"),
        ("Hutu rebels said they would disarm.", "Hutu rebels", "RWAREB"),
        ("Baloch separatists ambushed a convoy.", "Baloch separatists", "PAKREB"),
        ("A Turkish patrol came under fire from Kurdish militants.", "Turkish patrol", "TURMIL"),
    ],
)
def test_a_name_of_several_countries_is_the_one_its_sentence_names(
    resolver: ActorResolver, parser: Any, text: str, target: str, code: str
) -> None:
    assert _codes(resolver, parser, text).get(target) == code


def test_a_newspaper_named_after_a_city_is_no_actor(resolver: ActorResolver, parser: Any) -> None:
    got = _codes(resolver, parser, "The Los Angeles Times reported the arrests on Sunday.")
    assert "USA" not in got.values()


def test_peoples_of_one_country_and_turkish_cypriots(resolver: ActorResolver) -> None:
    for text, code in (("Basque separatists", "ESPREB"), ("the Catalan government", "ESPGOV"),
                       ("Alawite militias", "SYRREB")):  # fmt: skip
        actor = resolver.lookup(text)
        assert actor is not None and actor.code == code, text
    assert resolver.lookup("Turkish Cypriots") is None  # not Turkey's
