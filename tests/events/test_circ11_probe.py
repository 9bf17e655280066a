"""circ11 first probe (own-words sentences, rules alone): event nouns in phrases of time,
cause and background ("after", "during", "following", "since", "amid", "in the wake of",
"in response to", "in retaliation for", "over", "in the face of", "despite").

The principle (ANNOTATION.md): an act by an identifiable actor is an event even when it
names the time or cause of other news, so an event noun in a phrase of time is coded when
it names its own doer: a demonym or actor modifier ("after Danish raids", "during a
police crackdown"), a possessor, or a "by" phrase (also on its "of" complement); a
pronoun possessor only with an "of" complement naming who undergoes it ("after its
invasion of ..."; "after her arrest" names who was arrested).  A bare act or setting
("after the fighting", "amid tensions", "during the holiday") stays uncoded, and so
does a meeting whose modifier names the sitting body ("ahead of the bank meeting").
"""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _types(coder: Coder, text: str, word: str) -> set[str]:
    """Types of the non-negated events whose trigger holds ``word``."""
    return {e.type for e in coder.code(text).events if not e.negated and word in e.trigger.lower()}


CODED = [
    (
        "Hospitals in Khan Younis filled up after Israeli strikes on the refugee camp.",
        "strikes",
        ("ASSAULT",),
    ),
    (
        "Oil prices jumped following the Iranian seizure of a British tanker.",
        "seizure",
        ("COERCE", "SANCTION"),
    ),
    (
        "Thousands fled the town during the Turkish offensive against Kurdish fighters.",
        "offensive",
        ("ASSAULT",),
    ),
    (
        "Trade between the two countries collapsed after the Russian invasion of Ukraine.",
        "invasion",
        ("ASSAULT",),
    ),
    ("Gas exports resumed despite the Ukrainian attack on the pipeline.", "attack", ("ASSAULT",)),
    (
        "Several villages emptied during the Ethiopian bombardment of Tigray.",
        "bombardment",
        ("ASSAULT",),
    ),
    (
        "Pakistan closed its airspace after Indian airstrikes on Balakot.",
        "airstrikes",
        ("ASSAULT",),
    ),
    (
        "The rebels regrouped in the hills after the army's raid on their camp.",
        "raid",
        ("ASSAULT", "COERCE"),
    ),
    (
        "Tourism fell in Jordan during Hezbollah's attacks on northern Israel.",
        "attacks",
        ("ASSAULT",),
    ),
    (
        "Youths rioted in Dakar after the arrest of the mayor by police.",
        "arrest",
        ("COERCE",),
    ),
    (
        "Trading was halted after the seizure of the bank's assets by Argentine regulators.",
        "seizure",
        ("COERCE", "SANCTION"),
    ),
    (
        "The family left Minsk following the detention of their son by Belarusian security officers.",
        "detention",
        ("COERCE",),
    ),
    (
        "Shops reopened in Nairobi after the lifting of the curfew by the Kenyan government.",
        "lifting",
        ("RETREAT",),
    ),
    (
        "Prices rose after the expulsion of the Dutch ambassador by Turkey.",
        "expulsion",
        ("SANCTION",),
    ),
    (
        "Students went back to class after a police raid on the university in Dhaka.",
        "raid",
        ("ASSAULT", "COERCE"),
    ),
    (
        "Two people died during a government crackdown on protesters in Harare.",
        "crackdown",
        ("ASSAULT", "COERCE"),
    ),
    (
        "Six people were injured during army shelling of the village in Idlib.",
        "shelling",
        ("ASSAULT",),
    ),
    (
        "Hundreds marched in Caracas in protest over the arrest of a journalist by military intelligence.",
        "arrest",
        ("COERCE",),
    ),
    (
        "Egyptian workers rallied over the dismissal of union leaders by the state company.",
        "rallied",
        ("PROTEST",),
    ),
    (
        "Israel struck targets in Gaza in retaliation for Hamas's rocket attack on Ashkelon.",
        "attack",
        ("ASSAULT",),
    ),
    (
        "Ukraine hit a Russian oil depot in retaliation for Russian strikes on Kharkiv.",
        "strikes",
        ("ASSAULT",),
    ),
    (
        "Moscow expelled two Estonian diplomats in response to Estonia's expulsion of a Russian envoy.",
        "expulsion",
        ("SANCTION",),
    ),
    (
        "Beijing cancelled the talks in response to the Philippine arrest of Chinese fishermen.",
        "arrest",
        ("COERCE",),
    ),
    (
        "The EU imposed sanctions on Minsk in the face of Belarus's crackdown on opposition groups.",
        "crackdown",
        ("ASSAULT", "COERCE"),
    ),
    (
        "Greek fishermen protested over Turkey's seizure of their boats.",
        "seizure",
        ("COERCE", "SANCTION"),
    ),
    ("Police arrested twelve students in Khartoum after the protest.", "arrested", ("COERCE",)),
    (
        "Kenya recalled its ambassador from Kampala following the incident.",
        "recalled",
        ("SANCTION",),
    ),
    ("Mali expelled the French envoy amid a row over troops.", "expelled", ("SANCTION",)),
    ("Serbian police detained four activists during the holiday.", "detained", ("COERCE",)),
    ("Violence flared in Jenin after an Israeli raid on the camp.", "raid", ("ASSAULT", "COERCE")),
    ("Residents fled after Sudanese army shelling of Omdurman.", "shelling", ("ASSAULT",)),
    (
        "The opposition boycotted parliament after the arrest of its leader by the police.",
        "arrest",
        ("COERCE",),
    ),
    (
        "Refugees crossed into Chad during Janjaweed attacks on villages in Darfur.",
        "attacks",
        ("ASSAULT",),
    ),
    (
        "Cairo summoned the Ethiopian envoy after Ethiopia's filling of the dam.",
        "summoned",
        ("ACCUSE", "CONSULT", "REQUEST", "SANCTION"),
    ),
    (
        "Clashes erupted in Tripoli following the kidnapping of a minister by a militia.",
        "kidnapping",
        ("ASSAULT",),
    ),
    ("The bridge was repaired after the Russian missile strike on Odesa.", "strike", ("ASSAULT",)),
    ("The parliament met amid the opposition's boycott of the session.", "boycott", ("PROTEST",)),
    (
        "The border stayed shut since the Algerian closure of the crossing.",
        "closure",
        ("COERCE", "SANCTION"),
    ),
    (
        "Bank shares fell after the Polish government's nationalisation of the lender.",
        "nationalisation",
        ("COERCE", "SANCTION"),
    ),
]
ABSENT = [
    ("Markets stayed calm amid tensions in the Taiwan Strait.", "tensions"),
    ("Many shops closed during the holiday in Dhaka.", "holiday"),
    ("Life slowly returned to Mosul after years of war.", "war"),
    ("Aid workers returned to the town after the fighting.", "fighting"),
    ("The road reopened in Goma following the attack.", "attack"),
    ("Prices soared during the blockade.", "blockade"),
    ("The curfew was lifted in Kandy after the unrest.", "unrest"),
    ("Schools in Kabul reopened after the violence.", "violence"),
    ("Investors grew nervous ahead of the talks.", "talks"),
    ("The minister spoke to reporters before the meeting.", "meeting"),
    ("The city was quiet during the ceasefire.", "ceasefire"),
    ("Many residents left the town since the war began.", "war"),
    ("Rescue teams reached the village in the aftermath of the bombing.", "bombing"),
    ("Trade slowed amid the sanctions.", "sanctions"),
    ("Tourists cancelled their trips amid the protests.", "protests"),
    ("The embassy stayed open despite the attacks.", "attacks"),
    ("The currency recovered after the invasion.", "invasion"),
    ("Farmers were compensated after the ban.", "ban"),
    ("Flights resumed following the strike.", "strike"),
    ("Students held a vigil in the wake of the shooting.", "shooting"),
    ("The summit went ahead in the face of threats.", "threats"),
    ("Prices rose over the weekend after the raids.", "raids"),
    ("The activist was freed on bail two weeks after his arrest.", "arrest"),
    ("The journalist left the country after her detention.", "detention"),
    ("The general retired after their invasion failed.", "invasion"),
    ("Vienna warned of the danger of Russian attacks on power plants.", "attacks"),
    ("The two ministers discussed the prospect of Kenyan talks with Somalia.", "talks"),
    ("The stock market fell before the Fed's interest rate decision.", "decision"),
    ("The ceremony was held after the Vatican's canonisation of the priest.", "ceremony"),
    ("The harvest was poor after a drought hit Kenya.", "drought"),
    ("Ambulances arrived after the explosion in Beirut.", "explosion"),
    ("The match was played after the death of the coach.", "death"),
    ("The region recovered slowly after the floods.", "floods"),
]


@pytest.mark.parametrize(("text", "word", "types"), CODED)
def test_timed_act_with_its_doer_is_coded(
    rules_alone: Coder, text: str, word: str, types: tuple[str, ...]
) -> None:
    assert _types(rules_alone, text, word) & set(types)


@pytest.mark.parametrize(("text", "word"), ABSENT)
def test_bare_setting_is_not_coded(rules_alone: Coder, text: str, word: str) -> None:
    assert not _types(rules_alone, text, word)
