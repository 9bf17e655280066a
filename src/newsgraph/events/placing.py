"""Actors and recipients an event takes from where it happens and from the rest of the
sentence, when its own clause names none (or names them with no country).

``placed`` gives actors of no country the country of the place the act happened in
(protesters are people of the place they protest in; non-state armed groups are not
placed); ``location_target`` makes that country the recipient of an act aimed at a
territory ("killed 20 people in southern Lebanon"); ``protest_target`` aims a protest
"against a bill" at the protesters' own government; ``patient`` names the unnamed party
an act is done to ("a military base"); ``in_context`` gives countryless actors the country
a careful coder reads off the sentence.
"""

from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING

from ..records import Actor, Place
from .arguments import PATIENT_TYPES, UNPLACED_SECTORS
from .lexicon import Trigger
from .roles import Roles, in_words, shared_object, with_country, without

if TYPE_CHECKING:
    from spacy.tokens import Token


def placed(
    source: list[Actor],
    target: list[Actor],
    type_: str,
    location: Place,
    located: frozenset[str],
    non_state: frozenset[str],
) -> tuple[list[Actor], list[Actor]]:
    """Use the place an act happened in for actors that name no country.

    Protesters are people of the place they protest in; a recipient that is the
    place itself ("shelled Kherson") or a state body or civilians there ("the
    university in Managua") takes the place's country; an act aimed at a
    territory with no recipient named is aimed at the country it happened in.
    Non-state armed groups ("Kurdish militants in Iraq") are not placed.
    """
    country = location.country
    if not country:
        return source, target
    if type_ == "PROTEST":
        source = [with_country(a, country) if _placeable(a, non_state) else a for a in source]
    if not any(a.country or a.org for a in target):
        if target:
            target = [
                with_country(a, country)
                if (a.code is None and a.text in location.name)
                or (a.code is not None and _placeable(a, non_state))
                else a
                for a in target
            ]
        elif type_.lower() in located:
            # the territory itself, also in the actor's own country ("Indian police
            # imposed a curfew in Kashmir"), unless the actor is that country
            place = Actor(text=location.name, code=country, country=country)
            return source, [] if any(a.code == country for a in source) else [place]
        target = without(target, source)
    return source, target


def _placeable(actor: Actor, non_state: frozenset[str]) -> bool:
    return actor.country is None and actor.org is None and actor.sector not in non_state


def protest_target(tok: Token, roles: Roles, source: list[Actor]) -> list[Actor]:
    """A protest "against a bill", "against the government" is aimed at the
    protesters' own government when no other recipient is named."""
    if not roles.prep_objects(tok, ("against",)):
        return []
    countries = {a.country for a in source if a.country}
    if len(countries) != 1:
        return []
    country = countries.pop()
    return [Actor(text="government", code=country + "GOV", country=country, sector="GOV")]


def location_target(
    tok: Token, roles: Roles, source: list[Actor], preps: frozenset[str]
) -> list[Actor]:
    """The country of the place an act happened in, for acts aimed at a territory
    ("killed 20 people in southern Lebanon", "massed troops near the Ukrainian border").
    A place in the actor's own country counts ("Indian police imposed a curfew in
    parts of Kashmir": a domestic act); the actor named again does not."""
    heads = [tok, *[c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]]
    if tok.dep_ == "nsubj":  # "Israeli air strikes killed 20 people in southern Lebanon"
        heads += [tok.head, *[c for c in tok.head.children if c.dep_ == "dobj"]]
    keys = {(a.code, a.text.lower()) for a in source}
    for head in heads:
        for obj in roles.prep_objects(head, preps):
            found = [a for a in roles.search(obj, max_depth=2)
                     if a.country is not None and (a.code, a.text.lower()) not in keys
                     and a.code != (source[0].code if source else None)]  # fmt: skip
            if found:
                return found
    return []


def patient(
    tok: Token, trigger: Trigger, kind: str, roles: Roles, events: Container[str] = ()
) -> Actor | None:
    """The unnamed party an act is done to ("a military base", "a 35-year-old inmate",
    "40 schoolchildren"), as an actor with no code, for a trigger with no recipient
    among the known actors.

    The passive subject or direct object of a verb (not an object the trigger only
    moves or discusses, nor the object word the entry requires: "imposed a curfew"),
    or the "of", "on" or "against" complement of an event noun; only for acts done
    to someone (not "rejected the proposal", "called up reservists").  An object that
    is itself an act gives its doer ("condemned the violations by North Korea").
    """
    if trigger.type not in PATIENT_TYPES:
        return None
    found: list[Token] = []
    if kind == "verb":
        if Roles.is_passive(tok):
            found = [c for c in tok.children if c.dep_ == "nsubjpass"]
        elif not trigger.topic_object:
            found = [c for c in tok.children if c.dep_ == "dobj"]
            if not found and (shared := shared_object(tok)) is not None:
                found = [shared]  # "arrested and released two journalists"
    elif kind == "noun":  # "an investigation into 70 employees"
        found = roles.prep_objects(tok, ("of", "on", "against", "into"))
    for obj in found:
        if in_words(obj, trigger.objects) or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        if obj.lemma_.lower() in events:
            # "condemned violations by North Korea": those who did the act condemned
            doers = roles.agent(obj) or roles.modifier_actors(obj)
            if doers or trigger.type != "ACCUSE":
                return doers[0] if doers else None  # "suspended talks": an act, no party
        words = obj.doc[obj.left_edge.i : obj.i + 1]
        return Actor(text=words.text, code=None)
    return None


def in_context(
    source: list[Actor],
    target: list[Actor],
    place: str | None,
    sole: str | None,
    domestic: bool,
    own_forces: bool = False,
    armed: frozenset[str] = frozenset(),
) -> tuple[list[Actor], list[Actor]]:
    """Give the actors that name no country the country a careful coder reads off
    the sentence: the country of the place named for the act ("gunmen ... in
    Kabul"), else the one country the sentence names, else, for an act a state
    does to its own people (arrests, releases, trials), the other party's country
    ("a Zimbabwean court freed a pastor").  Organisations keep no country, but for
    armed groups of ``armed`` sectors, which take the country they act in.  With
    ``own_forces`` (a deployment) the recipients are left as they are: the troops
    moved are the actor's own.
    """

    def fill(actors: list[Actor], others: list[Actor]) -> list[Actor]:
        country = place or sole or (_one_country(others) if domestic else None)
        if country is None:
            return actors
        return [with_country(a, country) if _unplaced(a, armed) else a for a in actors]

    filled = fill(source, target)
    return filled, target if own_forces else fill(target, filled)


def _unplaced(actor: Actor, armed: frozenset[str] = frozenset()) -> bool:
    """No country of its own: a group, or an armed group that fights in many
    ("Islamic State fighters attacked a camp in Kabul": AFG, as ANNOTATION.md codes
    a group by the country it acts in).  Aid agencies, charities and rights groups
    named with no country stay NGO (ANNOTATION.md: "NGO / MNC for non-governmental
    bodies"): they work where the act is, they are not of that country."""
    if actor.sector in UNPLACED_SECTORS and actor.org is None:
        return False
    return actor.country is None and (actor.org is None or actor.sector in armed)


def _one_country(actors: list[Actor]) -> str | None:
    countries = {a.country for a in actors if a.country}
    return countries.pop() if len(countries) == 1 else None
