"""Who does an event noun (keep10): the subject of the clause that governs the noun,
through its verb or a preposition on that verb, does the act; unless the verb is one whose
object is someone else's act (welcoming, condemning, asking, awaiting, learning of it).

Own-words probe sentences: each names the trigger word, the actor country that must do it
(``doer``) or the one that must not (``not_doer``).
"""

from __future__ import annotations

import pytest
from scoring import country

from newsgraph.events.coder import Coder


def XFAIL(reason: str) -> pytest.MarkDecorator:
    """A probe sentence the change does not yet get right (kept, reported, strict)."""
    return pytest.mark.xfail(strict=True, reason=reason)


# (sentence, trigger word, the actor country that must do the act)
DOERS: list[object] = [
    (
        "Ankara began the withdrawal of its troops from the border region on Tuesday.",
        "withdrawal",
        "TUR",
    ),
    ("Houthi rebels pressed ahead with attacks on Saudi oil facilities.", "attacks", "YEM"),
    (
        "The Kenyan interior ministry carried out the deportation of 40 migrants last week.",
        "deportation",
        "KEN",
    ),
    ("The Sudanese army went on with its shelling of the western districts.", "shelling", "SDN"),
    ("Ethiopian forces stepped up their bombardment of rebel positions.", "bombardment", "ETH"),
    (
        "The Nigerian police resumed their arrests of opposition supporters in Lagos.",
        "arrests",
        "NGA",
    ),
    ("Israel ordered the demolition of twelve Palestinian homes near Hebron.", "demolition", "ISR"),
    ("Venezuela kept up its detention of opposition activists in Caracas.", "detention", "VEN"),
    ("The Thai army pursued its crackdown on insurgents in the south.", "crackdown", "THA"),
    ("Chinese authorities escalated their detention of Tibetan monks.", "detention", "CHN"),
    ("Sudanese paramilitaries renewed their shelling of the city of Nyala.", "shelling", "SDN"),
    ("Kenyan police were behind the killing of two protesters in Kisumu.", "killing", "KEN"),
    (
        "The Congolese army was engaged in heavy shelling of rebel positions near Goma.",
        "shelling",
        "COD",
    ),
    (
        "Colombia pushed forward with the extradition of the cartel boss to the United States.",
        "extradition",
        "COL",
    ),
    ("The Iraqi army played a leading role in the shelling of the town.", "shelling", "IRQ"),
    (
        "Chinese coast guard ships took part in the blockade of the Philippine outpost.",
        "blockade",
        "CHN",
    ),
    ("Hungary completed the expulsion of three Russian diplomats on Friday.", "expulsion", "HUN"),
    ("The Burmese junta widened its arrests of journalists after the coup.", "arrests", "MMR"),
    ("Algerian police started a wave of arrests of activists in the capital.", "arrests", "DZA"),
    (
        "Polish border guards conducted the expulsion of dozens of migrants to Belarus.",
        "expulsion",
        "POL",
    ),
    ("The Syrian army persisted in its bombing of rebel-held villages in Idlib.", "bombing", "SYR"),
    (
        "Pakistani troops mounted a fresh offensive against militants in Waziristan.",
        "offensive",
        "PAK",
    ),
    (
        "Hamas, which seized two Israeli soldiers in the raid, said it would free them.",
        "seized",
        "PSE",
    ),
    (
        "The Malian junta, which later released the French hostages, denied any deal.",
        "released",
        "MLI",
    ),
    ("Venezuela kept up the detention of opposition activists in Caracas.", "detention", "VEN"),
    ("Chinese authorities intensified the detention of Tibetan monks.", "detention", "CHN"),
    ("Israeli jets killed two militants in an air strike on a camp near Rafah.", "strike", "ISR"),
    ("Ugandan police detained thirty people in raids on opposition offices.", "raids", "UGA"),
    pytest.param(
        "The Somali army recaptured the town after an offensive against al-Shabaab.",
        "offensive",
        "SOM",
        marks=XFAIL("time and grounds phrases (after, during) are not read as the subject's act"),
    ),
    (
        "Indian troops repeated the shelling of Pakistani posts across the line of control.",
        "shelling",
        "IND",
    ),
    ("The Turkish navy joined the evacuation of civilians from the port.", "evacuation", "TUR"),
    pytest.param(
        "The Ethiopian government moved to the expulsion of seven United Nations officials.",
        "expulsion",
        "ETH",
        marks=XFAIL("not yet covered: an adjective or a 'to' phrase governs the noun"),
    ),
    pytest.param(
        "Belgian police were busy with the arrest of dozens of hooligans in Brussels.",
        "arrest",
        "BEL",
        marks=XFAIL("not yet covered: an adjective or a 'to' phrase governs the noun"),
    ),
    (
        "Moroccan authorities went through with the deportation of the Spanish activists.",
        "deportation",
        "MAR",
    ),
    pytest.param(
        "Iranian forces sank a boat during the seizure of a tanker in the Gulf.",
        "seizure",
        "IRN",
        marks=XFAIL("time and grounds phrases (after, during) are not read as the subject's act"),
    ),
    ("The Libyan coast guard prolonged the detention of the rescued migrants.", "detention", "LBY"),
    # a relative pronoun stands for its noun, read as a subject is (a group's "of")
    ("A unit of Malian soldiers that raided the village on Sunday was withdrawn.", "raided", "MLI"),
    ("A squad of Colombian police that raided the farm found weapons.", "raided", "COL"),
]

# (sentence, trigger word, the country that must not be coded as doing it)
NOT_DOERS: list[object] = [
    ("Paris welcomed the release of the hostages held in the Sahel.", "release", "FRA"),
    ("Moscow condemned the bombing of the Russian embassy in Kabul.", "bombing", "RUS"),
    ("Washington criticised the arrest of the journalists in Cairo.", "arrest", "USA"),
    (
        "The European Union called for the release of political prisoners in Belarus.",
        "release",
        "EU",
    ),
    pytest.param(
        "Japan praised the withdrawal of the foreign troops from the island.",
        "withdrawal",
        "JPN",
        marks=XFAIL(
            "an 'of' complement takes the sentence's one country (coder context), not this rule"
        ),
    ),
    ("Turkey opposed the deployment of American troops in northern Syria.", "deployment", "TUR"),
    ("India feared attacks on its border posts in Kashmir.", "attacks", "IND"),
    ("Seoul protested the detention of two South Korean fishermen.", "detention", "KOR"),
    ("Germany awaited the release of the kidnapped aid worker in Mali.", "release", "DEU"),
    ("Canada learned of the arrest of one of its citizens in Shanghai.", "arrest", "CAN"),
    ("Australia asked about the detention of its nationals in Beijing.", "detention", "AUS"),
    ("Norway urged an end to the bombing of civilians in Gaza.", "bombing", "NOR"),
    ("Brazil supported the withdrawal of the peacekeepers from Haiti.", "withdrawal", "BRA"),
    ("Mexico reported an attack on its consulate in Guatemala.", "attack", "MEX"),
    ("Kenya described the killing of the protesters as unlawful.", "killing", "KEN"),
    ("Ghana investigated the killing of a journalist in Accra.", "killing", "GHA"),
    ("Iran blamed Israel for the killing of the nuclear scientist.", "killing", "IRN"),
    ("Poland condemned the shelling of Ukrainian cities.", "shelling", "POL"),
    ("Egypt mediated the release of the Israeli hostages held in Gaza.", "release", "EGY"),
    ("Qatar secured the release of four American prisoners held in Iran.", "release", "QAT"),
    ("Nigeria denied the abduction of the schoolgirls in Kebbi.", "abduction", "NGA"),
    ("Sweden demanded an inquiry into the shooting of its diplomat in Iraq.", "shooting", "SWE"),
    ("The Philippines watched the blockade of its outpost with alarm.", "blockade", "PHL"),
    ("Indonesia waited for the withdrawal of the foreign fishing fleets.", "withdrawal", "IDN"),
    ("The Iraqi army repelled an attack on its base near Kirkuk.", "attack", "IRQ"),
    ("Pakistani police foiled a bombing of a market in Peshawar.", "bombing", "PAK"),
    ("Lebanon faced attacks on villages in the south.", "attacks", "LBN"),
    ("Cuba suffered the seizure of two fishing boats off its coast.", "seizure", "CUB"),
    ("Kenya rejected the killing of the protesters as an internal matter.", "killing", "KEN"),
    (
        "The Dutch government feared the expulsion of its journalists from Moscow.",
        "expulsion",
        "NLD",
    ),
    ("Chile expected the release of its citizens held in Venezuela.", "release", "CHL"),
    ("Austria confirmed the arrest of an Austrian woman in Tehran.", "arrest", "AUT"),
    pytest.param(
        "Italy negotiated the release of an Italian aid worker kidnapped in Kenya.",
        "release",
        "ITA",
        marks=XFAIL(
            "an 'of' complement takes the sentence's one country (coder context), not this rule"
        ),
    ),
    ("Lithuania documented the deportation of Ukrainian children to Russia.", "deportation", "LTU"),
    ("Senegal looked into the shooting of the protesters in Dakar.", "shooting", "SEN"),
    ("Hungary mourned the killing of two Hungarian tourists in Egypt.", "killing", "HUN"),
    ("China tallied the killing of 20 soldiers in the clash with India.", "killing", "CHN"),
    ("Human Rights Watch counted the killing of 300 civilians in Sudan.", "killing", "NGO"),
    ("Israel underlined the withdrawal of Hezbollah fighters as a condition.", "withdrawal", "ISR"),
]

_CACHE: dict[str, list[tuple[str, tuple[str | None, ...]]]] = {}


def coded(coder: Coder, text: str) -> list[tuple[str, tuple[str | None, ...]]]:
    """(trigger, actors' countries) of each event the rules code in ``text``."""
    if text not in _CACHE:
        _CACHE[text] = [
            (e.trigger.lower(), tuple(country(a) for a in e.source))
            for e in coder.code(text).events
        ]
    return _CACHE[text]


def done_by(coder: Coder, text: str, word: str, code: str) -> bool:
    """Is an event on ``word`` coded with ``code`` among its actors?"""
    return any(word in trig.split() and code in actors for trig, actors in coded(coder, text))


@pytest.mark.parametrize(("text", "word", "code"), DOERS)
def test_subject_of_governing_clause_does_the_act(
    rules_alone: Coder, text: str, word: str, code: str
) -> None:
    assert done_by(rules_alone, text, word, code), coded(rules_alone, text)


@pytest.mark.parametrize(("text", "word", "code"), NOT_DOERS)
def test_attitude_and_asking_verbs_take_anothers_act(
    rules_alone: Coder, text: str, word: str, code: str
) -> None:
    assert not done_by(rules_alone, text, word, code), coded(rules_alone, text)
