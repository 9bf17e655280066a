"""Threats, conditions, obligations and intents (thr11 first probe, own words, rules alone):
hostile acts announced, planned, conditioned, vowed, kept open ("did not rule out") or told
as a penalty another will face; refusals; cooperative intents ("is going to meet", "is to
host", "offered to mediate"); obligations said of another party ("has to", "needs to",
"must"); and near misses (forecasts, expectations, questions, habits, private hopes)."""

from __future__ import annotations

import pytest
from scoring import check_probe

from newsgraph.events.coder import Coder


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        (
            "Ankara said it would launch a ground offensive against Kurdish fighters in northern Syria.",
            "THREATEN",
            "TUR",
        ),
        ("Hungary plans to impose tariffs on Ukrainian grain.", "THREATEN", "HUN"),
        (
            "Venezuela will expel the Spanish ambassador unless Madrid apologises.",
            "THREATEN",
            "VEN",
        ),
        ("The rebels warned they would attack the capital if the talks failed.", "THREATEN", None),
        ("North Korea vowed to crush any invasion by South Korean forces.", "THREATEN", "PRK"),
        ("Beijing threatened to expel Australian journalists.", "THREATEN", "CHN"),
        (
            "Azerbaijan said it would strike Armenian positions unless the shelling stopped.",
            "THREATEN",
            "AZE",
        ),
        ("Serbia warned Kosovo of a tough response to any raid in the north.", "THREATEN", "SRB"),
        (
            "The Chinese foreign ministry said Manila would face consequences for its naval patrols.",
            "THREATEN",
            "CHN",
        ),
        (
            "Poland said it would close its border with Belarus if the migrant flows continued.",
            "THREATEN",
            "POL",
        ),
        ("Teachers' unions in Ghana said they will strike next week.", "THREATEN", "GHA"),
        (
            "The opposition in Togo will boycott the election, its leader announced.",
            "THREATEN",
            "TGO",
        ),
        ("Brussels is planning sanctions against Belarusian officials.", "THREATEN", None),
        (
            "The junta threatened to arrest journalists who reported on the protests.",
            "THREATEN",
            None,
        ),
        ("Morocco said it would recall its ambassador to Berlin.", "THREATEN", "MAR"),
        ("Kenya's government warned that it would deport foreign activists.", "THREATEN", "KEN"),
        ("Pakistan said it would retaliate against any Indian strike.", "THREATEN", "PAK"),
        (
            "The Houthi militia said it was prepared to fight Saudi forces to the last man.",
            "THREATEN",
            "YEM",
        ),
        ("Hezbollah vowed revenge for the killing of its commander.", "THREATEN", "LBN"),
        (
            "Ethiopia threatened Sudan with military action over the border dispute.",
            "THREATEN",
            "ETH",
        ),
        (
            "Iraq's prime minister said his forces would storm the city within days.",
            "THREATEN",
            "IRQ",
        ),
        (
            "Turkey will veto Sweden's membership bid unless Stockholm cracks down on militants.",
            "THREATEN",
            "TUR",
        ),
        (
            "Iran warned that it would close the Strait of Hormuz if it was attacked.",
            "THREATEN",
            "IRN",
        ),
        ("Somalia's government said it would sever ties with Kenya.", "THREATEN", "SOM"),
        (
            "Colombia threatened to suspend cooperation with the United States on drugs.",
            "THREATEN",
            "COL",
        ),
        ("The union said workers would go on strike if wages were not raised.", "THREATEN", None),
        ("The Kremlin warned of a harsh response to any new sanctions.", "THREATEN", "RUS"),
        (
            "Algeria will cut gas supplies to Spain unless Madrid reverses its stance.",
            "THREATEN",
            "DZA",
        ),
        (
            "The Thai army chief said he would not hesitate to impose martial law.",
            "THREATEN",
            "THA",
        ),
        (
            "Vietnam's coast guard said it would seize any foreign boat fishing in its waters.",
            "THREATEN",
            "VNM",
        ),
        ("Japan ruled out sending troops to the Middle East.", None, None),
        ("The Philippines said it would not use force in the disputed waters.", None, None),
        ("Germany ruled out sanctions against China for now.", None, None),
        ("Hamas said it would not attack civilians.", None, None),
        ("Armenia said it would not attend the summit in Baku.", "REJECT", "ARM"),
        ("Ukraine said it would not give up any territory.", "REJECT", "UKR"),
        ("The Indian prime minister will visit Dhaka next month.", "AGREE", "IND"),
        ("Qatar is to host talks between the Taliban and American envoys.", "AGREE", "QAT"),
        ("Japan plans to send emergency aid to Turkey.", "AGREE", "JPN"),
        ("The Colombian government pledged to free all political prisoners.", "AGREE", "COL"),
        ("Eritrea said it is ready to talk with Ethiopia.", "AGREE", "ERI"),
        ("Norway offered to host peace talks between the Sudanese factions.", "AGREE", "NOR"),
        ("Switzerland offered to mediate between Armenia and Azerbaijan.", "AGREE", "CHE"),
        (
            "Iran will release the detained French tourist, its foreign minister said.",
            "AGREE",
            "IRN",
        ),
        ("The Malian junta agreed to hand power to civilians within two years.", "AGREE", "MLI"),
        ("Chile's president said he would meet leaders of the Mapuche community.", "AGREE", "CHL"),
        ("Seoul is prepared to lift its ban on Japanese seafood imports.", "AGREE", "KOR"),
        (
            "The European Union will provide 50 million euros to flood victims in Libya.",
            "AGREE",
            "EU",
        ),
        ("Egypt promised to open the Rafah crossing for aid convoys.", "AGREE", "EGY"),
        ("Saudi Arabia intends to restore diplomatic ties with Syria.", "AGREE", "SAU"),
        (
            "The Kenyan president is going to meet his Ugandan counterpart on Friday.",
            "AGREE",
            "KEN",
        ),
        ("Russia said it would withdraw its troops from the border area.", "AGREE", "RUS"),
        (
            "The rebels in Mindanao said they were willing to hand over their weapons.",
            "AGREE",
            None,
        ),
        ("The Taliban said they will release the aid workers next week.", "AGREE", "AFG"),
        ("Iran must stop enriching uranium, the French foreign minister said.", "REQUEST", "FRA"),
        ("Turkey said Israel has to withdraw from Gaza.", "REQUEST", "TUR"),
        ("Britain said Russia needs to pull its forces back from the border.", "REQUEST", "GBR"),
        (
            "The UN chief said the warring parties must return to the negotiating table.",
            "REQUEST",
            "UN",
        ),
        ("China said the United States should stop arming Taiwan.", "REQUEST", "CHN"),
        ("Washington said Pyongyang has to return to talks.", "REQUEST", "USA"),
        ("Brazil said Venezuela needs to hold free elections.", "REQUEST", "BRA"),
        ("Analysts expect Moscow to launch a new offensive in the spring.", None, None),
        ("Greece could face sanctions if it breaks EU fiscal rules.", None, None),
        ("Will China invade Taiwan?", None, None),
        ("Mexico usually deports migrants from Central America by bus.", None, None),
        ("A farmer in Kansas hopes to visit his son in Berlin.", None, None),
        ("The storm is expected to hit the coast of Bangladesh on Monday.", None, None),
        ("It is unclear whether Ghana will send troops to Niger.", None, None),
        ("Economists predict the central bank will raise interest rates.", None, None),
        ("Residents worried that the rebels would return.", None, None),
        ("A Tunisian student plans to study in France.", None, None),
        ("Officials did not say whether Cairo would host the summit.", None, None),
        ("Peace talks may resume next year, observers believe.", None, None),
        ("The retired teacher hopes to meet the pope one day.", None, None),
    ],
)
def test_modality_probe(
    rules_alone: Coder, text: str, type_: str | None, actor: str | None
) -> None:
    """``type_`` is coded (by ``actor`` when given); None: no event at all."""
    check_probe(rules_alone, text, type_, actor)
