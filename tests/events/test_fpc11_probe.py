"""First own-words probe for fpc11: verbal cooperation words (meet, visit, agree, back,
welcome, cooperate) that report an act, and near misses where the word only refers to a
meeting, a body's own sitting, a topic, a view or a courtesy (ANNOTATION.md: no event).
Rules alone.  Sentences written for this probe, not taken from any data set."""

from __future__ import annotations

import pytest
from scoring import affirmed

from newsgraph.events.coder import Coder

# (sentence, type that must be coded, a country or body among its actors); signing a
# formal agreement is SUPPORT (CAMEO 057)
# probe sentences the coder still gets wrong (left open, outside this change): "drills"
# not read as joint exercises, "support" parsed as a noun, praise of a thing
OPEN = pytest.mark.xfail(strict=True, reason="open probe miss")

MUST_CODE: list = [
    ("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa "
     "on Tuesday.", "CONSULT", "KEN"),
    ("The foreign ministers of Peru and Chile held talks in Lima on the maritime border.",
     "CONSULT", "PER"),
    ("Vietnam's defence minister visited Jakarta on Monday.", "CONSULT", "VNM"),
    ("Norway hosted envoys from the Colombian government and the ELN rebels in Oslo.",
     "CONSULT", "NOR"),
    ("The Polish president phoned his Lithuanian counterpart on Sunday.", "CONSULT", "POL"),
    ("Argentina and Uruguay discussed river pollution at a meeting in Montevideo.",
     "CONSULT", "ARG"),
    ("Pakistani officials have been negotiating with the IMF over a new loan since March.",
     "CONSULT", "PAK"),
    ("The Greek prime minister met Turkish President Erdogan on the sidelines of the NATO "
     "summit.", "CONSULT", "GRC"),
    ("At a meeting with the Japanese prime minister, the Australian leader signed a security "
     "pact.", "SUPPORT", "AUS"),
    ("Thai and Cambodian military commanders held border talks on Wednesday.", "CONSULT",
     "THA"),
    ("Egypt and Sudan agreed to share data on the Nile dam.", "AGREE", "EGY"),
    ("Israel and Lebanon signed a maritime border deal.", "SUPPORT", "ISR"),
    ("Germany pledged to send 20 more tanks to Ukraine.", "AGREE", "DEU"),
    ("The Malian junta promised to hold elections in February.", "AGREE", "MLI"),
    ("Serbia accepted an EU proposal to normalise ties with Kosovo.", "AGREE", "SRB"),
    ("The Sudanese army agreed to a week-long truce with the RSF.", "AGREE", "SDN"),
    ("The Indian prime minister will visit Washington next month.", "AGREE", "IND"),
    ("The Chinese and Russian foreign ministers will meet in Beijing next week.", "AGREE",
     "CHN"),
    ("Colombia offered to mediate between Venezuela and Guyana.", "AGREE", "COL"),
    ("Iran and Saudi Arabia reached an agreement to reopen their embassies.", "AGREE", "IRN"),
    ("France backed Morocco's autonomy plan for Western Sahara.", "SUPPORT", "FRA"),
    ("The African Union endorsed Kenya's bid to lead the force in Haiti.", "SUPPORT", "AU"),
    ("The Brazilian president praised China's peace proposal.", "SUPPORT", "BRA"),
    ("Egypt welcomed the ceasefire announced by Israel and Hamas.", "SUPPORT", "EGY"),
    ("The Spanish government voiced support for a Palestinian state.", "SUPPORT", "ESP"),
    ("Canada welcomed Sweden's accession to NATO.", "SUPPORT", "CAN"),
    ("Japan expressed support for the Philippines in its dispute with China.", "SUPPORT",
     "JPN"),
    ("The Nigerian president congratulated Ghana's new leader on his election victory.",
     "SUPPORT", "NGA"),
    ("India and France held joint naval exercises in the Arabian Sea.", "COOPERATE", "IND"),
    ("Kazakhstan and Uzbekistan signed a deal to cooperate on water management.", "SUPPORT",
     "KAZ"),
    ("Police in Spain and Morocco cooperated to dismantle a smuggling network.", "COOPERATE",
     "ESP"),
    ("Indonesia and Malaysia launched joint patrols in the Strait of Malacca.", "COOPERATE",
     "IDN"),
    pytest.param("The Philippines and Japan began joint coast guard drills off Manila.",
                 "COOPERATE", "PHL", marks=OPEN),
    ("The Hungarian prime minister received the Chinese foreign minister in Budapest.",
     "CONSULT", "HUN"),
    ("The Qatari emir hosted a Taliban delegation in Doha.", "CONSULT", "QAT"),
    ("South Korea and Japan resumed security talks after a five-year pause.", "CONSULT",
     "KOR"),
    ("The Ukrainian foreign minister travelled to Ankara for talks with Turkish officials.",
     "CONSULT", "UKR"),
    ("The Mexican president talked by phone with the US president about migration.",
     "CONSULT", "MEX"),
    ("Ghana promised the IMF it would cut spending.", "AGREE", "GHA"),
    ("The Bolivian government accepted a Brazilian offer to help fight the wildfires.",
     "AGREE", "BOL"),
    ("Rwanda welcomed the UN decision to send observers to eastern Congo.", "SUPPORT", "RWA"),
    ("The Estonian parliament endorsed the defence pact with Finland.", "SUPPORT", "EST"),
]  # fmt: skip

# sentences where no event must be coded at all
NEAR_MISSES: list = [
    "At a meeting in Geneva, the Swiss minister said the refugee crisis was worsening.",
    "Speaking at the summit in Nairobi, the Ugandan president said Africa needed more investment.",
    "The Italian cabinet meeting on Thursday lasted four hours.",
    "The ruling party congress opens in Hanoi on Monday.",
    "The autumn session of the Norwegian parliament begins next week.",
    "Thousands of tourists visited the Acropolis over the holiday weekend.",
    "A team from the car maker visited the factory in Bavaria to inspect the machines.",
    "The talks focus on fishing rights and shipping lanes.",
    "The negotiations cover tariffs on steel and aluminium.",
    "The Danish finance minister agreed that inflation was falling faster than expected.",
    "Support for the governing coalition fell to 25 percent in the latest poll in Slovakia.",
    "The bank's technical support desk in Dublin was closed over Christmas.",
    "The mayor of Porto welcomed guests at the opening of the new museum.",
    "The meeting in Vienna was described by diplomats as tense.",
    "During his visit to Seoul, the Filipino president said trade was growing.",
    "The summit in Jakarta will focus on climate finance.",
    "The Dutch prime minister said cooperation with Belgium had always been good.",
    "Analysts expect the two leaders to meet later this year.",
    "It is unclear whether the Chinese premier will visit Canberra.",
    pytest.param(
        "Most Finns support joining the bloc's defence fund, a survey showed.", marks=OPEN
    ),
    "The company's board of directors met in Zurich on Friday.",
    "The Kenyan senate held a session on the health bill.",
    "Fans welcomed the national football team at the airport in Buenos Aires.",
    "A conference on renewable energy opened in Madrid on Tuesday.",
    "The agreement signed in 2015 bars Iran from enriching uranium above 3.67 percent.",
    pytest.param(
        "The Brazilian senator praised the weather in Lisbon during her holiday.", marks=OPEN
    ),
    "Scientists agreed that the drought was the worst in a century.",
    "Journalists asked the spokesman about the coming talks with Peru.",
    "The minister declined to comment on the negotiations with the miners' union.",
    "The government's help line for farmers received 3,000 calls in a week.",
    "The Bulgarian president has long supported closer ties with Brussels.",
    "Hotel owners in Bali welcomed the rise in foreign visitors.",
    "The conference hall in Riyadh can hold 5,000 delegates.",
    "Ahead of the talks in Cairo, oil prices rose sharply.",
    "The city council meets every second Tuesday.",
    "Members of the Tunisian parliament met on Monday for the first session of the new term.",
    "A visit to the old town is a highlight for most travellers to Tallinn.",
    "The Venezuelan opposition's support among young voters has grown.",
    "The Ethiopian prime minister's meeting with reporters lasted two hours.",
    "The Peruvian president discussed the budget with reporters on Monday.",
    "Many Germans agreed with the chancellor's view on migration, the poll found.",
    "The Albanian premier spoke about the economy at the party conference in Tirana.",
    "Pilgrims from Indonesia visited Mecca in record numbers this year.",
]


def must_hit(coder: Coder, text: str, type_: str, actor: str) -> bool:
    """The coder codes ``type_`` with ``actor`` among its doers, not negated."""
    return any(t == type_ and actor in who for t, who in affirmed(coder, text))


@pytest.mark.parametrize(("text", "type_", "actor"), MUST_CODE)
def test_must_code(rules_alone: Coder, text: str, type_: str, actor: str) -> None:
    assert must_hit(rules_alone, text, type_, actor), affirmed(rules_alone, text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss(rules_alone: Coder, text: str) -> None:
    assert affirmed(rules_alone, text) == [], affirmed(rules_alone, text)
