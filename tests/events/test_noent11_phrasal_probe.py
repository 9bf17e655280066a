"""First probe for noent11, phrasal verbs of wire news (own words, rules alone): forces mopping up,
fanning out or falling back, police swooping, places locked down, plugs pulled on accords.  Types
follow the lexicon conventions: pulling out of (or backing out of) an accord is SANCTION 160,
settling differences AGREE 037, crowd control ASSAULT 175.  Sentences the coder already coded
before are kept as guards."""

from __future__ import annotations

import pytest

from newsgraph.events.coder import Coder


def _types(coder: Coder, text: str) -> set[str]:
    return {e.type for e in coder.code(text).events if not e.negated}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The Colombian army mopped up the last rebel pockets in Cauca.", "ASSAULT"),
        ("Nigerian troops fanned out across Maiduguri after the attack.", "MOBILIZE"),
        ("Italian police swooped on mafia suspects in Palermo.", "COERCE"),
        ("The Azerbaijani government clamped down on independent media.", "COERCE"),
        ("Israel hit back at Hezbollah with air strikes.", "ASSAULT"),
        ("The Chinese embassy hit out at the Dutch government over the chip rules.", "ACCUSE"),
        ("Beijing lashed out at Washington over the visa bans.", "ACCUSE"),
        ("Russia pulled the plug on the Black Sea grain deal.", "SANCTION"),
        ("Iran backed out of the prisoner exchange.", "SANCTION"),
        ("Bolivia and Chile patched up their differences.", "AGREE"),
        ("Britain stepped up humanitarian aid to Sudan.", "AID"),
        ("Russian air defences shot down a Ukrainian drone over Kursk.", "ASSAULT"),
        ("Police broke up a rally of opposition supporters in Baku.", "COERCE"),
        ("Chinese authorities locked down the city of Chengdu.", "COERCE"),
        ("Israeli jets took out a Hamas rocket launcher in Rafah.", "ASSAULT"),
        ("Washington leaned on Israel to allow more aid into Gaza.", "REQUEST"),
        ("The Kenyan government backtracked on the tax increases.", "CONCEDE"),
        ("The junta kicked out the French ambassador.", "SANCTION"),
        ("Tanzania turned away Burundian refugees at the border.", "COERCE"),
        ("Police hauled in dozens of protesters in Caracas.", "COERCE"),
        ("The Sudanese general stepped aside in favour of a civilian.", "RETREAT"),
        ("The Thai opposition railed against the new constitution.", "ACCUSE"),
        ("Cuba lambasted the American embargo.", "ACCUSE"),
        ("Rebels shelled the outskirts of Goma overnight.", "ASSAULT"),
        ("A drone strike hit a wedding party in Yemen.", "ASSAULT"),
        ("The Indian government banned the Islamic charity.", "COERCE"),
        ("Russia shut down the German consulates.", "SANCTION"),
        ("Ukrainian troops fell back from Avdiivka.", "RETREAT"),
        ("Amnesty International called out Saudi Arabia over the executions.", "ACCUSE"),
        ("The European Union leaned on Serbia to recognise Kosovo.", "REQUEST"),
        ("North Korea rattled its sabre at Seoul.", "THREATEN"),
        ("India and Russia swapped intelligence on the militants.", "COOPERATE"),
        ("The Kenyan and Ugandan police joined forces against cattle rustlers.", "COOPERATE"),
        ("The World Bank bailed out Sri Lanka.", "AID"),
        ("Gunmen riddled the car of the Haitian judge with bullets.", "ASSAULT"),
        ("Militants torched three schools in Khyber.", "ASSAULT"),
        ("Police tasered the protester in Melbourne.", "ASSAULT"),
        ("Israeli bulldozers flattened homes in Jenin.", "ASSAULT"),
        ("Iranian truck drivers downed tools over fuel prices.", "PROTEST"),
        ("Greek rail workers walked off the job over safety.", "PROTEST"),
    ],
)
def test_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in _types(rules_alone, text)
