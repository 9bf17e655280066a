"""Who does an event (args11): the doer of an act expressed other than as the subject of
the trigger verb, on the event noun itself (a demonym, an initialism, a possessor, a "by",
"of" or "from" phrase, "between A and B"), in a preposition phrase of another clause, in
relative and participle clauses, coordinated verbs and nouns, and complements; and the
recipient, where the act moves the doer's own people or goods somewhere.

The first own-words probe, written before the changes.  Each entry: (sentence, trigger
word, the actor country that must do the act, the recipient country or None).  Near
misses: (sentence, trigger word, the country that must NOT be coded as doing it).
Sentences the rules still miss are strict xfails with the reason.
"""

from __future__ import annotations

import pytest
from args11_check import check_doer, check_not_doer, params

from newsgraph.events.coder import Coder

# the doer on the event noun itself
ON_NOUN: list[tuple[str, str, str, str | None]] = [
    (
        "Turkish air strikes on Kurdish positions in northern Iraq killed six fighters.",
        "strikes",
        "TUR",
        "IRQ",
    ),
    ("Israeli raids in Jenin left three people dead on Thursday.", "raids", "ISR", None),
    ("Russian shelling of Kharkiv continued through the night.", "shelling", "RUS", "UKR"),
    ("Police raids on opposition offices in Harare drew wide criticism.", "raids", "ZWE", None),
    (
        "Army shelling of villages near the Sudanese border displaced thousands.",
        "shelling",
        "SDN",
        None,
    ),
    ("The withdrawal of Ethiopian troops from Tigray began on Monday.", "withdrawal", "ETH", None),
    ("The visit of the Iranian foreign minister to Baghdad was postponed.", "visit", "IRN", "IRQ"),
    (
        "The arrest of two reporters by Egyptian security forces angered press groups.",
        "arrest",
        "EGY",
        None,
    ),
    (
        "Kenya's deployment of police officers to Haiti was delayed again.",
        "deployment",
        "KEN",
        "HTI",
    ),
    ("A Saudi-led strike hit a wedding party in Yemen.", "strike", "SAU", "YEM"),
    ("Clashes between the Malian army and Tuareg rebels spread to Kidal.", "clashes", "MLI", None),
    ("Talks between Seoul and Tokyo on the export dispute resumed.", "talks", "KOR", "JPN"),
    ("Aid from Japan arrived in Dhaka after the floods.", "aid", "JPN", "BGD"),
    (
        "Pakistan's expulsion of Afghan refugees drew protests from Kabul.",
        "expulsion",
        "PAK",
        "AFG",
    ),
    (
        "Chinese sanctions on American defence firms took effect on Friday.",
        "sanctions",
        "CHN",
        "USA",
    ),
    ("The French withdrawal from Niger was completed in December.", "withdrawal", "FRA", None),
    (
        "A Nigerian air strike on a village in Borno killed dozens of civilians.",
        "strike",
        "NGA",
        None,
    ),
    (
        "The Ugandan army's offensive against rebels in Congo entered its third week.",
        "offensive",
        "UGA",
        None,
    ),
    (
        "The release of three Thai hostages by Hamas was welcomed in Bangkok.",
        "release",
        "PSE",
        "THA",
    ),
    ("Government troops' withdrawal from Goma left the city exposed.", "withdrawal", "COD", None),
    ("An Indian crackdown on protesters in Manipur left several dead.", "crackdown", "IND", None),
    ("The Venezuelan seizure of an oil tanker alarmed Washington.", "seizure", "VEN", None),
    (
        "Moroccan police's arrest of a Spanish journalist sparked a row with Madrid.",
        "arrest",
        "MAR",
        "ESP",
    ),
    (
        "Fighting between Armenian and Azerbaijani forces erupted along the border.",
        "fighting",
        "ARM",
        "AZE",
    ),
    ("A Qatari-brokered deal between Israel and Hamas took effect.", "deal", "ISR", None),
    ("US sanctions against Cuba were tightened last year.", "sanctions", "USA", "CUB"),
    ("The blockade of Gaza by Israel entered its tenth year.", "blockade", "ISR", None),
    (
        "Greek coast guard expulsions of migrants to Turkey drew criticism.",
        "expulsions",
        "GRC",
        "TUR",
    ),
    ("An offer of help from Norway was accepted by the Nepali government.", "help", "NOR", "NPL"),
    ("Threats from Pyongyang against Seoul grew sharper this week.", "threats", "PRK", "KOR"),
    (
        "Thai army checkpoints and the curfew imposed by Bangkok stayed in place.",
        "imposed",
        "THA",
        None,
    ),
    ("Egyptian mediation between Israel and Hamas produced a ceasefire.", "mediation", "EGY", None),
    ("The Kenyan-led mission in Haiti received new armoured vehicles.", "mission", "KEN", "HTI"),
    ("Uzbek police detentions of activists rose sharply in the spring.", "detentions", "UZB", None),
    (
        "The Sudanese military's bombing of Khartoum suburbs killed forty people.",
        "bombing",
        "SDN",
        None,
    ),
]

# the event noun inside a prepositional phrase of a clause whose subject is not an actor
IN_PREP: list[tuple[str, str, str, str | None]] = [
    ("Dozens died in Russian shelling of Kherson.", "shelling", "RUS", "UKR"),
    ("Markets fell after the Chinese ban on Australian wine.", "ban", "CHN", "AUS"),
    (
        "Fighting broke out after the arrest of an opposition leader by Senegalese police.",
        "arrest",
        "SEN",
        None,
    ),
    ("Three children were hurt in an Israeli air strike on Khan Younis.", "strike", "ISR", None),
    ("Prices rose sharply after the Indian ban on rice exports.", "ban", "IND", None),
    (
        "Two fishermen drowned during a Chinese coast guard raid near the Spratlys.",
        "raid",
        "CHN",
        None,
    ),
    (
        "Oil prices jumped on news of a Ukrainian drone attack on a Russian refinery.",
        "attack",
        "UKR",
        "RUS",
    ),
    ("The town emptied after Turkish shelling of Kurdish villages.", "shelling", "TUR", None),
    ("Tensions eased after the visit of the Chinese premier to Canberra.", "visit", "CHN", "AUS"),
    ("Several homes burned in a police raid on the Rio favela.", "raid", "BRA", None),
    ("Trade slowed after Russia's blockade of Ukrainian ports.", "blockade", "RUS", "UKR"),
    (
        "Hundreds fled their homes during the Ethiopian offensive in Amhara.",
        "offensive",
        "ETH",
        None,
    ),
    (
        "Many schools closed because of the Burmese army's bombing of Sagaing.",
        "bombing",
        "MMR",
        None,
    ),
    (
        "The death toll rose to twelve in the Pakistani strike on Afghan border villages.",
        "strike",
        "PAK",
        "AFG",
    ),
    (
        "Shares in the mining firm dropped following the Malian junta's seizure of its gold.",
        "seizure",
        "MLI",
        None,
    ),
]

# relative and participle clauses, coordinated verbs, complements
CLAUSES: list[tuple[str, str, str, str | None]] = [
    (
        "The rebels, who seized the town of Bunia last week, were pushed back by Congolese troops.",
        "seized",
        "COD",
        None,
    ),
    ("Soldiers deployed by Kenya to Somalia came under attack.", "deployed", "KEN", "SOM"),
    ("A convoy sent by the Red Cross to Gaza was turned back.", "sent", "ICRC", None),
    ("The Colombian army shelled and then stormed the rebel camp.", "stormed", "COL", None),
    ("Ghana agreed to send troops to Mali.", "agreed", "GHA", "MLI"),
    ("Chad moved to close its border with Sudan.", "close", "TCD", "SDN"),
    ("Jordan, which hosted the talks last month, will host a second round.", "talks", "JOR", None),
    (
        "Polish police, who detained four Belarusian men on Tuesday, said they were spies.",
        "detained",
        "POL",
        "BLR",
    ),
    ("Egypt decided to expel the Turkish ambassador.", "expel", "EGY", "TUR"),
    ("Kenya tried to mediate between Ethiopia and Egypt.", "mediate", "KEN", None),
    ("The Malian army attacked and burned a village near Mopti.", "burned", "MLI", None),
    ("Troops sent by Rwanda fought alongside the government in Mozambique.", "sent", "RWA", "MOZ"),
    ("Indonesia pledged to deploy 4,000 peacekeepers to Gaza.", "pledged", "IDN", None),
    ("Brazil began to withdraw its diplomats from Caracas.", "withdraw", "BRA", None),
    (
        "The Iraqi government, which arrested the ministers in May, released them on bail.",
        "arrested",
        "IRQ",
        None,
    ),
    ("Weapons supplied by Iran to the Houthis were seized at sea.", "supplied", "IRN", "YEM"),
    ("Nigeria threatened to expel and prosecute the foreign miners.", "threatened", "NGA", None),
    (
        "Algeria recalled its ambassador to Madrid and suspended the friendship treaty with Spain.",
        "suspended",
        "DZA",
        "ESP",
    ),
    ("Vietnam sought to expand defence ties with Australia.", "expand", "VNM", None),
    (
        "The Philippine navy, which escorted the supply boats, said Chinese ships blocked them.",
        "blocked",
        "CHN",
        "PHL",
    ),
    (
        "Sri Lankan sailors, who arrested twelve Indian fishermen on Monday, towed their boats to Jaffna.",
        "arrested",
        "LKA",
        "IND",
    ),
    (
        "Kazakh troops, dispatched by Astana to the southern city, fired on the crowd.",
        "fired",
        "KAZ",
        None,
    ),
    (
        "Bolivian police, who detained the former minister in La Paz, handed him to prosecutors.",
        "detained",
        "BOL",
        None,
    ),
    ("Peru's congress voted to impeach the president.", "impeach", "PER", None),
    (
        "Senegal and Gambia signed a deal and agreed to patrol their shared border jointly.",
        "agreed",
        "SEN",
        None,
    ),
]

# near misses: the clause subject does not do the noun's act
NEAR: list[tuple[str, str, str]] = [
    ("Paris condemned the raids on Palestinian villages.", "raids", "FRA"),
    ("Reporters from Ghana covered the clashes in the north of Togo.", "clashes", "GHA"),
    ("Britain deplored the Russian shelling of Odesa.", "shelling", "GBR"),
    ("Canada welcomed the withdrawal of Eritrean troops from Tigray.", "withdrawal", "CAN"),
    ("Spain called for an end to the Israeli blockade of Gaza.", "blockade", "ESP"),
    ("Australia expressed concern over Chinese military drills near Taiwan.", "drills", "AUS"),
    ("Germany mourned the Syrian air strike victims.", "strike", "DEU"),
    ("Norway protested the arrest of its diplomat by Iranian police.", "arrest", "NOR"),
    ("Japan noted the North Korean missile launches with alarm.", "launches", "JPN"),
    ("Uganda denied involvement in the killing of the Congolese general.", "killing", "UGA"),
    ("Mexico investigated the kidnapping of six students in Guerrero.", "kidnapping", "MEX"),
    (
        "Ireland criticized the expulsion of Palestinian families from Sheikh Jarrah.",
        "expulsion",
        "IRL",
    ),
    ("India raised the detention of its sailors with Tehran.", "detention", "IND"),
    ("The Czech Republic documented Russian attacks on power plants.", "attacks", "CZE"),
    ("Belgium regretted the Rwandan deployment in eastern Congo.", "deployment", "BEL"),
]

CIRCUMSTANCE = "the noun 'ban' fails its governor constraint in a time phrase (lexicon)"
NO_TRIGGER = "the word is not (yet) a trigger in this use (lexicon)"
GAPS: dict[str, str] = {
    "A Saudi-led strike hit a wedding party in Yemen.": NO_TRIGGER,
    "A Qatari-brokered deal between Israel and Hamas took effect.": NO_TRIGGER,
    "An offer of help from Norway was accepted by the Nepali government.": NO_TRIGGER,
    "The Kenyan-led mission in Haiti received new armoured vehicles.": NO_TRIGGER,
    "A convoy sent by the Red Cross to Gaza was turned back.": NO_TRIGGER,
    "Weapons supplied by Iran to the Houthis were seized at sea.": NO_TRIGGER,
    "Vietnam sought to expand defence ties with Australia.": NO_TRIGGER,
    "The Philippine navy, which escorted the supply boats, said Chinese ships blocked them.": NO_TRIGGER,
    "Markets fell after the Chinese ban on Australian wine.": CIRCUMSTANCE,
    "Prices rose sharply after the Indian ban on rice exports.": CIRCUMSTANCE,
    "Several homes burned in a police raid on the Rio favela.": "a city name alone does not place the police",
    "Talks between Seoul and Tokyo on the export dispute resumed.": "a joint act: both parties are actors, none a recipient",
    "Greek coast guard expulsions of migrants to Turkey drew criticism.": "the migrants expelled are the recipient, not where they are sent",
    "Troops sent by Rwanda fought alongside the government in Mozambique.": "the recipient is named only in the next clause",
}
NEAR_GAPS: dict[str, str] = {
    "India raised the detention of its sailors with Tehran.": "'raise an act with a party' takes another's act",
}


@pytest.mark.parametrize(
    ("text", "word", "doer", "recipient"), params(ON_NOUN + IN_PREP + CLAUSES, GAPS)
)
def test_doer_and_recipient(
    rules_alone: Coder, text: str, word: str, doer: str, recipient: str | None
) -> None:
    check_doer(rules_alone, text, word, doer, recipient)


@pytest.mark.parametrize(("text", "word", "party"), params(NEAR, NEAR_GAPS))
def test_not_the_clause_subject(rules_alone: Coder, text: str, word: str, party: str) -> None:
    check_not_doer(rules_alone, text, word, party)
