"""act13 probe (written before the change): sentences that name no actor the resolver
knows, holding an act news tells without its doer (force, arrest and detention, charges
and inquiries, court penalties, crowds), and near misses that must stay uncoded (sports,
business, celebrity news, nature, accidents, acts that need a party).  Rules alone:
before the change 17/40 coded and 30/32 near misses kept, after it 36/40 and 29/32 (the
sentence left out before, "the rocket was launched into orbit", is now read as a launch
at a target).

``CODE``: the type must be coded.  ``NOT``: the type must not be coded.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import probe_score, types

from newsgraph.events.coder import Coder

CODE: list[Any] = [
    # force with no named doer (ASSAULT)
    ("A car bomb exploded outside the finance ministry on Tuesday morning.", "ASSAULT"),
    ("Bombs were dropped on a crowded market in the northern town.", "ASSAULT"),
    ("Two officers were shot while answering a call on Elm Street.", "ASSAULT"),
    ("Rockets were fired at the airport overnight.", "ASSAULT"),
    ("Four journalists were kidnapped on the road to the border.", "ASSAULT"),
    ("A teenager was stabbed to death outside a nightclub on Saturday.", "ASSAULT"),
    ("A grenade was thrown into the crowd at the rally.", "ASSAULT"),
    ("Shots were fired at a patrol car late on Sunday.", "ASSAULT"),
    ("A mortar shell slammed into a school, wounding eleven pupils.", "ASSAULT"),
    ("Gunmen ambushed a convoy near the pass, killing two guards.", "ASSAULT"),
    ("Masked attackers torched a polling station overnight.", "ASSAULT"),
    ("A suicide bomber blew himself up at a checkpoint, killing six.", "ASSAULT"),
    ("The village was shelled for three hours on Wednesday.", "ASSAULT"),
    ("Nine miners were abducted from their camp before dawn.", "ASSAULT"),
    ("An airstrike hit a wedding party in the valley.", "ASSAULT"),
    ("The clinic was set on fire in the middle of the night.", "ASSAULT"),
    ("A bus carrying pilgrims was attacked on the highway.", "ASSAULT"),
    ("Three aid workers were killed in an ambush on Thursday.", "ASSAULT"),
    # arrests and detention with no named doer (COERCE)
    ("He is being held in the county jail without bail.", "COERCE"),
    ("She was arrested at her home late Friday.", "COERCE"),
    ("Three men were detained after the raid.", "COERCE"),
    ("The 45-year-old was taken into custody without incident.", "COERCE"),
    ("Dozens of students were rounded up near the campus.", "COERCE"),
    pytest.param(
        "The newspaper's offices were raided at dawn.",
        "COERCE",
        marks=pytest.mark.xfail(reason="raided reads as an assault (before and after)"),
    ),
    pytest.param(
        "The suspect remains in custody.",
        "COERCE",
        marks=pytest.mark.xfail(reason="custody's entry takes no 'remain' (a lexicon gap)"),
    ),
    ("Arrests made after a jewellery store robbery", "COERCE"),
    # charges, investigations (ACCUSE)
    ("The suspect was charged with arson and reckless endangerment.", "ACCUSE"),
    ("Both men face charges of attempted murder.", "ACCUSE"),
    ("The woman is accused of poisoning her neighbour's dogs.", "ACCUSE"),
    ("An investigation into the shooting has been opened.", "ACCUSE"),
    ("The blast is being investigated as a possible act of sabotage.", "ACCUSE"),
    ("The teenager was indicted on two counts of assault.", "ACCUSE"),
    ("He was charged on Monday with leaving the scene of a crash.", "ACCUSE"),
    # court penalties (SANCTION)
    ("The driver was sentenced to twelve years in prison.", "SANCTION"),
    ("The man was found guilty of murder on Thursday.", "SANCTION"),
    ("He was convicted of fraud and fined heavily.", "SANCTION"),
    # crowds (PROTEST)
    (
        "Hundreds of protesters marched through the city centre demanding lower fuel prices.",
        "PROTEST",
    ),
    pytest.param(
        "Thousands rallied in the main square against the new tax.",
        "PROTEST",
        marks=pytest.mark.xfail(reason="a number for a crowd: no kind of actor read"),
    ),
    ("Demonstrators blocked the highway for a second day.", "PROTEST"),
    pytest.param(
        "Farmers dumped manure outside the regional assembly in protest.",
        "PROTEST",
        marks=pytest.mark.xfail(reason="'in protest' of a named group's act (not this class)"),
    ),
]

NOT: list[Any] = [
    # sports, business, celebrity
    ("The quarterback was placed on injured reserve after the game.", "COERCE"),
    ("The coach was fired after a losing season.", "ASSAULT"),
    ("The coach was fired after a losing season.", "SANCTION"),
    ("The striker shot the ball past the keeper in the final minute.", "ASSAULT"),
    ("The home side was beaten 3-0 on Saturday.", "ASSAULT"),
    ("The defender was sent off for a late tackle.", "COERCE"),
    ("The singer checked into a rehab clinic last week.", "COERCE"),
    ("The album was released on Friday.", "RETREAT"),
    ("The batteries were charged overnight.", "ACCUSE"),
    ("Customers were charged a higher fee for the service.", "ACCUSE"),
    ("Shares were hammered after the earnings report.", "ASSAULT"),
    ("The meeting was held in the town hall.", "COERCE"),
    ("The patient was held overnight for observation.", "COERCE"),
    pytest.param(
        "The rocket was launched into orbit from the coast.",
        "ASSAULT",
        marks=pytest.mark.xfail(reason="'into' reads as a launch at a target"),
    ),
    pytest.param(
        "Fireworks were fired over the harbour at midnight.",
        "ASSAULT",
        marks=pytest.mark.xfail(reason="fire's entry takes any object (before and after)"),
    ),
    # nature and accidents
    ("An earthquake killed at least forty people in the mountain villages.", "ASSAULT"),
    ("Floodwaters destroyed hundreds of homes along the river.", "ASSAULT"),
    ("Two people died when their car hit a tree on the motorway.", "ASSAULT"),
    ("A tanker truck exploded after colliding with a bus.", "ASSAULT"),
    ("The storm knocked out power to thousands of homes.", "ASSAULT"),
    ("The old factory burned down in a fire that started in the kitchen.", "ASSAULT"),
    ("A woman was injured when a wall collapsed during the storm.", "ASSAULT"),
    ("The wildfire forced thousands to flee their homes.", "COERCE"),
    ("A gas explosion tore through an apartment block, killing three.", "ASSAULT"),
    ("Firefighters attacked the blaze from three sides.", "ASSAULT"),
    ("Crews fought the flames for most of the night.", "ASSAULT"),
    ("The pedestrian was hit by a delivery van at the crossing.", "ASSAULT"),
    ("The quake struck off the coast early on Monday.", "ASSAULT"),
    # no act, or an act of a kind that needs its doer
    ("Three thousand people have died since the outbreak began.", "ASSAULT"),
    ("Talks were held in the capital on Monday.", "CONSULT"),
    ("The new rules will take effect next month.", "AGREE"),
    pytest.param(
        "Aid was delivered to the flooded villages.",
        "AID",
        marks=pytest.mark.xfail(reason="a sentence the resolver reads a party in (before too)"),
    ),
]


@pytest.mark.parametrize(("text", "type_"), CODE)
def test_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ in types(rules_alone, text)


@pytest.mark.parametrize(("text", "type_"), NOT)
def test_not_coded(rules_alone: Coder, text: str, type_: str) -> None:
    assert type_ not in types(rules_alone, text)


if __name__ == "__main__":
    probe_score(Coder(head=False, linker=False), CODE, NOT)  # print the misses and the score
