"""Parties the clause rules of ``arguments`` leave out: a recipient of the actor's own
country for a verbal act on its people or policy, and the owner of a measure or force
that an agentless passive lifts or sends ("EU sanctions against Belarus were lifted").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor
from .lexicon import Trigger
from .roles import Roles, in_words

if TYPE_CHECKING:
    from spacy.tokens import Token

# verbal acts whose recipient may be the actor's own country: "the union called on Nigerian
# leaders", "the minister defended Germany's decision", "Clinton defended US strategy"
DOMESTIC_VERBAL = frozenset({"SUPPORT", "REQUEST", "ACCUSE", "AGREE"})
# acts done to people: a passive subject that names a party is who it is done to, not a
# measure or force its owner moves ("French journalists were expelled", not France's act)
DONE_TO = frozenset({"COERCE", "SANCTION", "ASSAULT"})
# what a promised act is aimed at: "agreed to allow access to Darfur", "agreed to lift
# sanctions against the North"
AIMED_AT = ("to", "against", "on", "into", "for")


def domestic_target(tok: Token, trigger: Trigger, roles: Roles, source: list[Actor]) -> list[Actor]:
    """A recipient of the actor's own country, for a verbal act on its people or its
    policy: the object ("called on Nigerian leaders", "urged Americans to leave") or the
    owner of the object ("defended China's expansion", "defended US strategy").  The
    rules set aside a party that a country actor already names ("TUR" and "TURGOV" are
    one); here only the very same party is set aside, and only a party of the actor's
    country counts (any other would have been found already)."""
    countries = {a.country for a in source if a.country}
    if not countries or trigger.type not in DOMESTIC_VERBAL:
        return []
    keys = {(a.code, a.text.lower()) for a in source}
    objects = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    objects += roles.prep_objects(tok, ("on", "upon"))
    promised = complement_objects(tok, roles) if trigger.type == "AGREE" else []
    for obj in objects + promised:
        owners = [c for c in obj.children if c.dep_ in ("poss", "compound", "amod")]
        for head in (obj, *owners):
            if obj in promised and roles.at(head) is None:
                continue  # a name the resolver knows, not a gazetteer guess ("the North")
            found = [a for a in roles.phrase(head)
                     if a.country in countries and (a.code, a.text.lower()) not in keys]  # fmt: skip
            if found:
                return found
    return []


def complement_objects(tok: Token, roles: Roles) -> list[Token]:
    """The objects of the act a "to" complement promises, and the objects of their
    prepositions: "agreed to allow access to Darfur" (the government's own region: an
    AGREE on its people).  Only an agreement's complement counts, not its topic."""
    out: list[Token] = []
    for verb in (c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        direct = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        out += direct
        for obj in (verb, *direct):
            out += roles.prep_objects(obj, AIMED_AT)
    return out


def owned_measure(
    tok: Token, trigger: Trigger, roles: Roles
) -> tuple[list[Actor], list[Actor]] | None:
    """An agentless passive on a measure its owner names ("EU sanctions against Belarus
    were lifted", "the Japanese ban on beef imports was eased", "Ecowas peacekeepers are
    being deployed"): the owner acts, and the one the measure is aimed at receives."""
    if not Roles.is_passive(tok):
        return None
    for subj in (c for c in tok.children if c.dep_ == "nsubjpass"):
        if not in_words(subj, trigger.objects):
            continue
        if trigger.type in DONE_TO and any(a.country or a.org for a in roles.phrase(subj)):
            return None  # "Russian diplomats were expelled": the diplomats undergo it
        owners = roles.modifier_actors(subj) or roles.initialism_owner(subj)
        if not owners:
            return None
        target: list[Actor] = []
        for obj in roles.prep_objects(subj, ("against", "on", "upon", "to", "for")):
            if target := roles.search(obj, owners, max_depth=3):
                break
        # "a UN force was sent to Lebanon": else the verb's own recipients
        preps = trigger.preps | trigger.particle
        target = target or roles.target(tok, owners, preps, topic_object=trigger.topic_object)
        return owners, target
    return None
