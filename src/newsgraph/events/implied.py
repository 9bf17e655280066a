"""Parties and purposes an event word leaves to the words around it.

Who did an act is often said only by the phrase that holds its noun: "claimed
responsibility for the bombings", "claimed the bombing", "the sides responsible for
mass killings", "guilty of violating the ceasefire", "blamed Syria for the attack",
"indicted Mir for the attacks", "was involved in the beating", "committed an act of
arson", "torture at the hands of the police", "gunfire from Syrian troops", "drew
criticism from India" (ANNOTATION.md: a reported act counts, by whoever it is said
to be by).  And an accusation that someone denies was made against the one who
denies it: "Trump rejected accusations of racism" holds an ACCUSE on Trump, by
whoever accused him.  And a deployment on a peacekeeping mission is aid (CAMEO
074), not a show of force.  A restraint that a verb puts someone under, and a spree
one goes on, are done by that verb's subject: "the junta placed her under house
arrest", "summoned him for questioning", "police took two Canadians into custody",
"militiamen went on a killing spree", "used civilians as human shields"; an attack
one comes under is done by whoever it comes from ("came under fire from Taliban
fighters").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor
from .roles import Roles

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAIMED = frozenset({"responsibility", "credit"})  # "claimed responsibility for"
CULPABLE = frozenset({"responsible", "guilty", "culpable", "accountable"})
BLAMING = frozenset({"blame", "accuse", "suspect", "fault", "condemn", "punish", "sanction",
                     "indict", "charge", "convict", "sentence", "prosecute", "try", "arrest",
                     "jail", "detain"})  # fmt: skip
# "was involved in the beating", "officials implicated in the killings"
INVOLVED = frozenset({"involve", "implicate", "complicit", "participate"})
COMMITTING = frozenset({"commit", "perpetrate", "carry"})  # "committed an act of"
SHIELDING = frozenset({"use", "hold", "keep", "take"})  # "used civilians as human shields"
# verbs whose object comes to their subject from someone ("drew criticism from India")
RECEIVING = frozenset({"face", "draw", "receive", "attract", "earn", "get", "meet"})
ARMED = frozenset({"MIL", "REB", "COP", "SPY", "INS", "PRM", "UAF", "TER", "SEP"})
DENYING = frozenset({"deny", "reject", "dismiss", "refute", "rebuff", "deflect", "contest",
                     "dispute", "brush", "rebut", "counter"})  # fmt: skip
HOLDING = frozenset({"oprd", "ccomp", "xcomp"})  # "held Syria responsible for"
# verbs that put someone in a state of restraint: "placed X under house arrest", "took X
# into custody", "put X behind bars", "kept X under curfew"
CONFINING = frozenset({"place", "put", "keep", "take", "remand", "hold", "throw", "send"})
CONFINED_IN = frozenset({"under", "into", "behind", "in"})
# "put three journalists on trial", "brought the generals to trial": a trial one is put
# on is done by the one who puts (ACCUSE 1121, as "tried", "prosecuted")
TRIED = frozenset({"trial"})
TRIED_IN = frozenset({"on", "to"})
TRYING = frozenset({"put", "bring", "place"})
GROUNDS = ("over", "for")  # what one is criticised over
# "summoned for questioning" (not "called for sanctions": an appeal)
SUMMONING = frozenset({"summon", "detain", "hold", "take", "bring", "arrest"})
QUESTIONING = frozenset({"questioning", "interrogation"})


def culprit(tok: Token, roles: Roles) -> list[Actor]:
    """The party said to have done the act ``tok`` names, from the phrase that holds it."""
    if hands := _at_the_hands(tok, roles):
        return hands  # "the torture of detainees at the hands of the police"
    if tok.pos_ == "NOUN" and (armed := _armed_from(tok, roles)):
        return armed  # "gunfire from Syrian troops", "rocket fire from Hezbollah fighters"
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        holder = tok.head.lemma_.lower()
        if holder == "claim":
            return roles.subject(tok.head)  # "the Islamic State claimed the bombing"
        if holder in RECEIVING:
            # "Pakistan drew criticism from India", "faced accusations from Kyiv"
            return roles.prep_actors(tok.head, ("from",))
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.dep_ != "prep":
        return []
    prep, gov = tok.head, tok.head.head
    word, lemma = prep.lower_, gov.lemma_.lower()
    if word == "of" and lemma == "act" and gov.pos_ == "NOUN":
        # "an act of arson", "Russia's act of aggression": whoever does the act
        doers = roles.agent(gov) or roles.modifier_actors(gov) or culprit(gov, roles)
        if not doers and gov.dep_ == "dobj" and gov.head.lemma_.lower() in COMMITTING:
            doers = roles.subject(gov.head)  # "committed an act of arson"
        return doers
    if word == "in" and lemma in INVOLVED:
        return _involved(gov, roles)
    if word == "behind" and lemma == "be":
        return roles.subject(gov)  # "Iran was behind the attack"
    if word == "under" and lemma == "come" and gov.pos_ == "VERB":
        # "the convoy came under attack from Taliban fighters": the "from" phrase does
        # it; "came under attack from Germany over its policy" is criticism, not force
        if roles.prep_objects(tok, GROUNDS) or roles.prep_objects(gov, GROUNDS):
            return []
        return [a for t in (tok, gov) for a in roles.prep_actors(t, ("from",))]
    if word == "as" and lemma in SHIELDING and gov.pos_ == "VERB":
        return roles.subject(gov)  # "the militants used civilians as human shields"
    if word == "on" and lemma == "go" and gov.pos_ == "VERB":
        return roles.subject(gov)  # "went on a killing spree", "went on the offensive"
    if word == "for" and lemma in SUMMONING and tok.lower_ in QUESTIONING:
        # "prosecutors summoned the former president for questioning"
        return roles.agent(gov) if roles.is_passive(gov) else roles.subject(gov)
    if confining(tok) is not None:
        # "the junta placed her under house arrest": the one who places does it; in
        # the passive only a "by" phrase names them ("was taken into custody")
        return roles.agent(gov) if roles.is_passive(gov) else roles.subject(gov)
    if word not in ("for", "of"):
        return []
    if word == "for" and lemma in CLAIMED:
        verb = gov.head.head if gov.dep_ == "pobj" else gov.head
        return roles.subject(verb) if verb.pos_ in ("VERB", "AUX") else []
    if lemma in CULPABLE:
        if gov.dep_ in ("amod", "acl"):
            return roles.phrase(gov.head)  # "the militias responsible for the massacre"
        if gov.dep_ in HOLDING:  # "held Syria responsible for"
            held = [c for c in gov.head.children if c.dep_ == "dobj"]
            if held:
                return roles.phrase(held[0])
        return roles.subject(gov.head) if gov.dep_ == "acomp" else []
    if lemma in BLAMING and gov.pos_ == "VERB":
        blamed = [c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")]
        return roles.phrase(blamed[0]) if blamed else []
    return []


def confining(tok: Token) -> Token | None:
    """The verb that puts someone in ``tok`` ("placed under house arrest", "taken into
    custody", "thrown in jail", "put on trial")."""
    prep = tok.head
    if tok.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep":
        return None
    tried = tok.lemma_.lower() in TRIED and prep.lower_ in TRIED_IN
    if prep.lower_ not in CONFINED_IN and not tried:
        return None
    gov = prep.head
    verbs = TRYING if tried else CONFINING
    return gov if gov.pos_ == "VERB" and gov.lemma_.lower() in verbs else None


def _at_the_hands(tok: Token, roles: Roles) -> list[Actor]:
    """The X of "at the hands of X" on the event word."""
    for at in tok.children:
        if at.dep_ != "prep" or at.lower_ != "at":
            continue
        for hands in at.children:
            if hands.dep_ == "pobj" and hands.lower_ == "hands":
                return roles.prep_actors(hands, ("of",))
    return []


def _armed_from(tok: Token, roles: Roles) -> list[Actor]:
    """Armed or police forces in a "from" phrase on the event word: what comes from
    them is done by them (a place it comes from names nobody: "fire from Gaza")."""
    froms = roles.prep_actors(tok, ("from",))
    return [a for a in froms if a.sector in ARMED]


def _involved(word: Token, roles: Roles) -> list[Actor]:
    """Who ``word`` says took part: the subject of "X was involved in", "X is complicit
    in", "X participated in", or the noun "the officials implicated in"."""
    if word.dep_ in ("amod", "acl") and word.head.pos_ in ("NOUN", "PROPN"):
        return roles.phrase(word.head)
    for holder in (word, word.head):
        for child in holder.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return roles.phrase(child)
    return []


def denier(tok: Token, roles: Roles) -> list[Actor]:
    """Who rejects the accusation ``tok`` names ("denied charges", "rejected accusations")."""
    if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in DENYING:
        return []
    return roles.subject(tok.head)


def denied(tok: Token) -> bool:
    """``tok`` is the object of a verb that rejects it."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in DENYING


def peacekeeping(tok: Token, words: frozenset[str]) -> bool:
    """A deployment said to serve a peace mission: "sent a platoon to Kuwait, its
    first peacekeeping mission", "the deployment of 230 troops on a peacekeeping
    mission", "were deployed as peacekeeping forces", "deployed search-and-rescue
    teams"."""
    root = tok.head if tok.dep_ == "dobj" and tok.pos_ in ("NOUN", "PROPN") else tok
    # a word of the mission, not an act ("deployed troops to rescue the hostages")
    return any(t.lower_ in words and t.pos_ != "VERB" for t in root.subtree)
