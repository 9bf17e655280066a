"""Actors and recipients of one trigger, by the way the trigger is used.

A verb takes its subject and objects; a bare participle ("Russian-backed forces")
its agent and the noun it modifies; an evaluative predicate ("... would be
unacceptable") the speaker and the copula's subject; an event noun ("the downing
of X by Y", "Turkey's request that NATO deploy") its agent, possessor or
modifier and its complements.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..records import Actor
from .implied import GROUNDS, RECEIVING, confining, culprit, denier
from .lexicon import PLOVER_TYPES, Trigger
from .match import copula as copula_of
from .match import judge, names_people
from .owners import domestic_target, owned_measure
from .roles import Roles, in_words, with_country, without

if TYPE_CHECKING:
    from spacy.tokens import Token

SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})
# acts done by a means a relative clause tells of ("launched strikes that killed ...")
MEANS_TYPES = frozenset({"ASSAULT"})
RELATIVES = frozenset({"that", "which"})
# aid given to people of no country named: they are of the country the sentence names
AIDED_TYPES = frozenset({"AID"})
PURPOSE_ARCS = frozenset({"advcl", "xcomp", "acl"})
# acts that free people: the people freed are the party the act is aimed at
FREEING = frozenset({"RETREAT"})
AIDED_SECTORS = frozenset({"CVL", "REF"})
# verbs of a purpose clause whose object is the party an aid act helps ("sent tents to help
# Kurdish villagers", "gave buses that serve Bolivian schools")
BENEFITING = frozenset({"help", "assist", "aid", "support", "benefit", "feed", "rebuild",
                        "reconstruct", "shelter", "house", "serve", "relieve", "rescue",
                        "protect", "treat", "save", "resettle", "care"})  # fmt: skip
# acts whose "from" complement names who does them ("aid from Japan", "threats from
# Russia"); not moves ("a withdrawal from Syria"), force or arrests
GIVEN_FROM = frozenset({"REQUEST", "AID", "ACCUSE", "THREATEN", "AGREE", "SUPPORT", "CONSULT"})
JOINT = frozenset({"CONSULT", "COOPERATE", "AGREE", "CONCEDE", "RETREAT"})  # "... between A and B"
# joint acts and the signing of a pact, told by a passive verb ("a deal between A and B was signed")
SIGNED_JOINTLY = JOINT | {"SUPPORT"}
INTRANSITIVE = frozenset({"MOBILIZE", "RETREAT", "PROTEST", "CONCEDE", "AID", "CONSULT"})
# types whose recipient is what is done to (not a topic, a proposal or one's own troops)
PATIENT_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT", "SANCTION", "ACCUSE", "AID"})
# verbs (beyond the lexicon's light verbs) whose subject does what their object names
DOER_VERBS = frozenset({"impose", "reimpose", "organize", "organise", "enforce", "commit",
                        "perpetrate", "inflict", "perform", "tighten", "extend", "expand",
                        "widen", "broaden", "maintain", "step", "plan", "stage", "call",
                        "threaten", "undertake", "execute", "orchestrate", "lead", "spearhead",
                        "mastermind", "coordinate", "initiate", "deliver", "send", "grant",
                        "slap", "clamp",
                        # verbs of using a weapon ("rockets fired by Hamas")
                        "fire", "lob", "drop", "detonate", "plant",
                        # verbs of running, hastening or finishing an operation ("oversaw
                        # the evacuation of", "accelerated the deportation of", "speeded up
                        # the delivery of")
                        "oversee", "supervise", "manage", "direct", "accelerate", "speed",
                        "expedite", "hasten", "quicken", "increase", "boost", "redouble",
                        "ramp", "scale", "complete", "finish", "finalize", "finalise",
                        "implement"})  # fmt: skip
# verbs of telling whose passive subject is an act that happened ("a wave of arrests was
# reported")
REPORTED = frozenset({"report", "confirm"})
OVERSEEING = frozenset({"oversee", "supervise", "monitor", "observe", "witness"})
# participles on an act that name who did it ("claimed by", "blamed on")
CLAIMING = frozenset({"claim", "order", "organize", "organise", "run", "commit"})
BLAMING_ON = frozenset({"blame", "pin"})
UNDERGOING = frozenset({"come", "fall"})
# verbs whose subject dies in the act their "in" phrase names ("died in an ambush")
DYING = frozenset({"die", "perish"})
UNDERGONE = frozenset({*(("under", v) for v in UNDERGOING), *(("in", v) for v in DYING)})
# verbs of arrival: what comes "from" a party is given by it, to where it comes
ARRIVING = frozenset({"come", "arrive", "pour", "flow", "reach", "flood", "land", "trickle"})
ARRIVED_AT = ("to", "into", "in", "at")  # "came under attack", "fell under fire"
# verbs that put someone out of a state or body: with no agent, the one named after "from"
# does it ("two journalists were expelled from Algeria", "Syria was expelled from the Arab
# League", "migrants deported from the United States")
REMOVING = frozenset({"expel", "deport", "extradite", "evict", "banish", "oust"})
# verbs whose subject does the act of their object noun of an intransitive type, the noun's
# "of" complement being what the act moves ("announced the release of two nationals")
ORDERING = frozenset(
    {
        "announce",
        "order",
        "complete",
        "begin",
        "start",
        "authorize",
        "authorise",
        "approve",
        "confirm",
        "carry",
        "conduct",
        # hastening, finishing, going on with what one does ("accelerated the release of
        # the prisoners"); not overseeing (the UN oversees another's withdrawal)
        "accelerate",
        "speed",
        "expedite",
        "hasten",
        "finish",
        "finalize",
        "finalise",
        "implement",
        "resume",
        "continue",
    }
)
# verbs whose subject does the act its object announces, however deep the event noun
# lies in the object ("announced $50 million in aid for", "approved a package of
# sanctions against", "unveiled a sixfold increase in funding")
# (not pledge or promise: a pledge is itself the act, AGREE, of which the noun is the topic)
ANNOUNCING = frozenset({"announce", "unveil", "approve", "authorize", "authorise", "order",
                        "declare", "earmark", "allocate"})  # fmt: skip
# the arcs an event noun climbs to the verb that announces it: object, preposition,
# its object, a coordinated or compound noun ("$50 million in humanitarian aid")
ANNOUNCED_ARCS = frozenset({"dobj", "pobj", "prep", "conj", "compound", "appos", "npadvmod"})
# the prepositions of an amount or a container that hold the act ("a package of
# sanctions", "$50 million in aid"); not "a moratorium on tests", "a ban on exports"
ANNOUNCED_PREPS = frozenset({"of", "in"})
# verbs whose subject takes part in what their "in" object names
PARTAKING = frozenset({"participate", "engage", "serve", "partake", "join", "take"})
# verbs whose "with" phrase is an act their subject goes on with, answers with or helps
# with ("went ahead with the demolition of", "pressed on with its offensive",
# "retaliated with air strikes", "answered the protests with arrests", "helped with the
# evacuation of"); not "agreed with", "met with", "cooperated with" (a party or another's
# act) nor "charged with" (what the object did)
WITH_DOING = frozenset({"go", "press", "push", "forge", "proceed", "continue", "carry",
                        "persist", "persevere", "move", "follow", "plough", "plow", "begin",
                        "start", "respond", "retaliate", "react", "reply", "answer", "counter",
                        "hit", "strike", "mark", "celebrate", "greet", "punish", "help",
                        "assist"})  # fmt: skip
# the same for the other prepositions: help given to an act ("assisted in the
# evacuation of", "contributed to the airlift of"), the means used in an act ("used drones
# in the attack on"), forces sent for an act ("deployed warships for the blockade of";
# not "prepared for an offensive": readiness is no act yet) and the state one is in
# ("troops were on the offensive", "workers remained on strike", "embarked on a campaign
# of arrests")
DOING_PREPS = {
    "with": WITH_DOING,
    "in": frozenset({"assist", "help", "collaborate", "use", "employ"}),
    "to": frozenset({"contribute"}),
    "for": frozenset({"send", "deploy", "dispatch", "mobilize", "mobilise", "mass", "position"}),
    "on": frozenset({"be", "remain", "stay", "embark"}),
}  # fmt: skip
# acts one is on that others do to one ("was on trial", "remained on bail")
UNDERGONE_ON = frozenset({"trial", "bail", "probation", "notice"})
# nouns that count acts and stand in their place ("with a wave of arrests")
COUNTING = frozenset({"series", "wave", "spate", "string", "round", "flurry", "rash", "spree",
                      "volley", "salvo", "barrage", "campaign"})  # fmt: skip
NOUN_PREPS = frozenset({"on", "against", "with", "to", "into", "toward", "towards", "at", "between",
                        "inside", "for"})  # fmt: skip
# what a grievance is over names whom it is aimed at ("protests continued over the election")
GRIEVANCES = frozenset({"ACCUSE", "PROTEST"})
GRIEVANCE_PREPS = frozenset({"about", "over", "regarding", "concerning"})
# acts that answer what another party said or did: "rejected it" names that party
ANSWERING = frozenset({"REJECT", "ACCUSE", "SUPPORT", "AGREE"})
# object pronouns that stand for what an earlier clause did or put forward
REFERRING = frozenset({"it", "them", "this"})
# what is sought or found in a country, which is then asked of it ("sought refuge in
# Bangladesh", "sought asylum in Germany")
REFUGE = frozenset({"refuge", "asylum", "sanctuary", "shelter", "haven"})
# verbs whose "to" complement they refuse ("refused to lift the ban until ...")
REFUSING = frozenset({"refuse", "decline"})
# "each other", "one another" (the word and the one before it)
RECIPROCAL = frozenset({("other", "each"), ("another", "one")})
# prepositions on a verb with an object whose object is the act the subject does in doing
# what the verb says ("killed two militants in an air strike", "crushed the revolt through
# a wave of arrests"); not time or grounds ("after", "during", "over", "for")
MEANS_PREPS = frozenset({"in", "through", "via"})
# nouns of a share in an act ("played a leading role in", "had a hand in")
SHARE_NOUNS = frozenset({"role", "part", "hand", "share"})
# verbs whose passive subject takes part in what their "in" phrase names ("the army was
# engaged in heavy shelling of", "officers were involved in the killing of")
ENGAGED = frozenset({"engage", "involve"})
# verbs whose subject gets away from or bears the act their object names ("refugees fled
# the shelling", "villagers braved the raids"): not its doer
FLEEING = frozenset({"flee", "dodge", "brave", "weather"})
# the word lists whose verbs take someone else's act as their object (``governing_doer``)
OTHERS_ACT_LISTS = (
    "others_acts",
    "speech_verbs",
    "judging_verbs",
    "deliberating",
    "topic_verbs",
    "negators",
)
# acts that move the doer's own people or goods somewhere ("the deployment of police
# officers to Haiti", "a delivery of vaccines to Peru"): where they go is the recipient
MOVING = frozenset({"MOBILIZE", "AID", "CONSULT"})
# acts told by a verb whose complement may move the doer's people or goods ("agreed to
# send troops to Mali", "threatened to send warships into the strait")
SENDING = MOVING | {"AGREE", "THREATEN"}
DESTINATIONS = ("to", "into")
# acts an initial's country may be the place or topic of ("a US visit", "US-bound talks")
INITIALS_NOT_DOERS = frozenset({"CONSULT"})
# sectors that the sentence's country context does not place ("aid agencies" stay NGO)
UNPLACED_SECTORS = frozenset({"NGO"})


@dataclass(slots=True)
class Arguments:
    """The actors (``source``), recipients (``target``) and whether the actor is the
    trigger's own (subject, agent, possessor) rather than borrowed from context."""

    source: list[Actor]
    target: list[Actor]
    own: bool
    domestic: bool = False  # a recipient of the actor's own country, kept (domestic_target)


def arguments(
    tok: Token,
    trigger: Trigger,
    kind: str,
    roles: Roles,
    speaker: Actor | None,
    light_verbs: frozenset[str],
    lookup: Callable[[str], Actor | None] | None = None,
    judging_verbs: frozenset[str] = frozenset(),
) -> Arguments:
    """Actors and recipients for ``tok`` firing ``trigger`` as ``kind``."""
    args = _arguments(tok, trigger, kind, roles, speaker, light_verbs, lookup, judging_verbs)
    if trigger.type in AIDED_TYPES and not args.target and args.source:
        args = replace(args, target=purposed_party(tok, roles, args.source))
    if kind == "verb" and trigger.type in FREEING and not args.target and trigger.topic_object:
        args = replace(args, target=freed_people(tok, roles, args.source))
    if trigger.type in AIDED_TYPES and args.target:
        return replace(args, target=aided_people(tok, roles, args.source, args.target))
    return args


def freed_people(tok: Token, roles: Roles, source: list[Actor]) -> list[Actor]:
    """People handed back, repatriated or handed over, with no party they go to named:
    the party freed is theirs, as with "released" ("Moscow handed back 90 Ukrainian
    prisoners": UKR).  Objects that name people by their kind only."""
    for obj in tok.children:
        if (
            obj.dep_ == "dobj"
            and names_people(obj, roles)
            and (found := without(roles.phrase(obj), source))
        ):
            return found
    return []


def purposed_party(tok: Token, roles: Roles, source: list[Actor]) -> list[Actor]:
    """The party an aid act helps, told only in its purpose: a "to" clause or a relative
    clause of helping on the act or on what it gives ("Austria gave forty tents to help
    Afghan families who lost their homes": AFG).  The first party of the clause that is
    not the giver; none when the clause helps no party named."""
    holders = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]
    for holder in holders:
        for clause in holder.children:
            if clause.pos_ != "VERB" or clause.lemma_.lower() not in BENEFITING:
                continue
            to_clause = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            if not (clause.dep_ == "relcl" or (clause.dep_ in PURPOSE_ARCS and to_clause)):
                continue
            for word in clause.subtree:
                if word.i > clause.i and (found := without(roles.phrase(word), source)):
                    return found
    return []


def aided_people(tok: Token, roles: Roles, source: list[Actor], target: list[Actor]) -> list[Actor]:
    """Civilians or refugees aided with no country of their own are of the one country
    their sentence names besides the giver's: "USAID provided shelter to 1.5 million
    people after the earthquake in Haiti" (HTI); with none or several, left as they are."""
    own = {a.country for a in source if a.country}
    if not own or not all(a.country is None and a.org is None and a.sector in AIDED_SECTORS
                          for a in target):  # fmt: skip
        return target
    sent = tok.sent
    named = {roles.by_token[i].country for i in range(sent.start, sent.end) if i in roles.by_token}
    others = {c for c in named if c and c not in own}
    if len(others) != 1:
        return target
    country = others.pop()
    return [with_country(a, country) for a in target]


def _arguments(
    tok: Token,
    trigger: Trigger,
    kind: str,
    roles: Roles,
    speaker: Actor | None,
    light_verbs: frozenset[str],
    lookup: Callable[[str], Actor | None] | None = None,
    judging_verbs: frozenset[str] = frozenset(),
) -> Arguments:
    preps = trigger.preps | trigger.particle
    if kind == "verb":
        if roles.reduced_passive(tok):
            # "Russian-backed forces", "backed by Iran": the agent and the noun it modifies
            source = roles.agent(tok) or _prefix_actors(tok, lookup) or roles.modifier_actors(tok)
            target = roles.phrase(tok.head) if tok.dep_ in ("amod", "acl") else []
            if trigger.type in MOVING and not foreign(target, source):
                # "soldiers deployed by Kenya to Somalia": the doer's own people go there
                target = roles.target(tok, source, preps) or target
            return Arguments(source, target, True)
        source = roles.subject(tok)
        if (
            not source
            and trigger.type in SIGNED_JOINTLY
            and (parties := passive_parties(tok, roles))
        ):
            return Arguments(parties, [], True)  # "talks between A and B were held"
        if not source and trigger.type in MEANS_TYPES:
            source = means_user(tok, roles)
        own = any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "agent") for c in tok.children)
        if len(source) > 1 and reciprocal(tok):
            # "India and Pakistan accused each other", "agreed to cooperate with one
            # another": every party is also a recipient
            return Arguments(source, list(source), own, domestic=True)
        if not source and trigger.objects and (lifted := owned_measure(tok, trigger, roles)):
            return Arguments(*lifted, True)
        if not source and (remover := removed_from(tok, roles)):
            # "two journalists were expelled from Algeria": Algeria expels them
            target = without(roles.target(tok, remover, preps), remover)
            return Arguments(remover, target, False)
        target = roles.target(tok, source, preps, topic_object=trigger.topic_object)
        if trigger.type in SENDING and not foreign(target, source):
            # "Ghana agreed to send troops to Mali": the doer's own people or goods are
            # what is moved, the place they go is the party aimed at
            target = destination(tok, roles, source) or target
        if not target and (first := shared_subject_verb(tok)) is not None:
            # "halted its grants to Honduras and threatened to cut its trade quota": the
            # second act of one actor is aimed where the first was
            target = roles.target(first, source, preps)
        if not target and (refuge := sheltering(tok, roles, source)):
            target = refuge  # "thousands sought refuge in Bangladesh": asked of Bangladesh
        if not target and trigger.type in ANSWERING:
            # "Saudi Arabia proposed a truce, but the rebels rejected it", "a resolution that
            # the envoy rejected": who put forward what the act answers
            target = answered(tok, roles, source)
        if tok.lemma_.lower() in REMOVING and not foreign(target, source):
            # "Minsk expelled envoys from Latvia and Lithuania": the people removed are of
            # the party they are sent back to, not of the actor's country
            target = removed_to(tok, roles, source) or target
        if (party := held_until(tok, roles, source)) and not foreign(target, source):
            # "will not lift the ban until ZTE pays a fine": the refusal is aimed at the
            # party the condition asks to act (before a party of the actor's own country)
            target = party
        home = [] if without(target, source) else domestic_target(tok, trigger, roles, source)
        if home:
            return Arguments(source, home, own, domestic=True)
        return Arguments(source, target, own)
    if kind == "pred":
        copula = copula_of(tok) or tok.head
        if tok.dep_ == "oprd" and copula.pos_ == "VERB" and roles.is_passive(copula):
            return found_as(copula, roles)
        judging = judge(tok, judging_verbs)
        if judging is not None and copula_of(tok) is None:
            # "called Turkey's remarks unacceptable": the judge and the judged
            source = roles.subject(judging)
            # "called the ambassador a stupid guy": the judged is the object, not the noun
            # the judgement qualifies
            noun = tok.head if tok.dep_ == "amod" else tok
            judged = [c for c in judging.children if c.dep_ == "dobj" and c.i < tok.i]
            if noun.dep_ == "appos":  # "called the ambassador, a stupid guy" as parsed
                judged = [noun.head]
            for obj in judged if noun.dep_ in ("oprd", "appos") and noun is not tok else []:
                if found := roles.search(obj, source):
                    return Arguments(source, found, True)
            return Arguments(
                source, roles.search(tok.head if tok.dep_ == "amod" else tok, source), True
            )
        if PLOVER_TYPES[trigger.type] == 3:
            # an evaluation ("would be unacceptable") is the speaker's act on the subject
            source = [speaker] if speaker is not None and speaker.code else []
            subj = [c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")]
            return Arguments(source, roles.search(subj[0], source) if subj else [], False)
        source = roles.subject(copula)
        return Arguments(source, roles.target(tok, source, preps), True)
    args = _nominal(tok, trigger, roles, preps, light_verbs)
    if len(args.source) > 1 and reciprocal(tok):  # "traded accusations with each other"
        return Arguments(args.source, list(args.source), args.own, domestic=True)
    return args


def found_as(verb: Token, roles: Roles) -> Arguments:
    """A passive verb that declares its subject something ("was found guilty by a
    Dakar court", "was declared guilty"): the one declared undergoes the act, the "by"
    phrase (if any) does it."""
    source = roles.subject(verb)
    return Arguments(source, roles.target(verb, source), True, domestic=True)


def means_user(tok: Token, roles: Roles) -> list[Actor]:
    """Who used the means that did the act a relative clause tells: "the army fired shells
    that killed three farmers", "rebels fired a rocket that
    hit a school" (the subject of the verb whose object the clause hangs on)."""
    if tok.dep_ != "relcl" or tok.head.pos_ != "NOUN":
        return []
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lower_ not in RELATIVES for c in subjects):
        return []  # "charges that it tortured a priest": the clause has a doer of its own
    noun = tok.head
    if noun.dep_ == "pobj" and noun.head.head.dep_ in ("dobj", "nsubjpass"):
        noun = noun.head.head  # "dozens of strikes"
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return []
    return roles.subject(noun.head)


def shared_subject_verb(tok: Token) -> Token | None:
    """The verb before ``tok`` whose subject it shares ("X announced ... and threatened
    ..."): ``tok`` a conjunct with no subject of its own."""
    if tok.dep_ != "conj" or tok.head.pos_ != "VERB" or tok.head.i > tok.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return None
    return tok.head


def sheltering(tok: Token, roles: Roles, source: list[Actor]) -> list[Actor]:
    """The country where the refuge or asylum ``tok``'s object names is sought: the
    "in" complement of the object or of the verb ("sought refuge in Bangladesh", "sought
    asylum in India's state of Mizoram"); none for a refuge of no country."""
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() not in REFUGE:
            continue
        for where in roles.prep_objects(obj, ("in",)) + roles.prep_objects(tok, ("in",)):
            found = [a for a in roles.search(where, source, max_depth=2) if a.country]
            if found:
                return found
    return []


def removed_to(tok: Token, roles: Roles, source: list[Actor]) -> list[Actor]:
    """The parties of another country than the actors' that an active verb of removal
    names after "from" ("expelled envoys from Latvia, Estonia and Lithuania")."""
    if Roles.is_passive(tok):
        return []
    own = {a.country for a in source if a.country}
    for obj in roles.prep_objects(tok, ("from",)):
        found = [a for a in roles.phrase(obj) if a.country and a.country not in own]
        if found:
            return found
    return []


def held_until(tok: Token, roles: Roles, source: list[Actor]) -> list[Actor]:
    """The party a refused act waits on: the subject of an "until" clause on a negated
    verb ("will not lift the ban until Iran pays"), on a refusal or the act it names
    ("refused to withdraw until the rebels disarm"), when it names a country or an
    organisation other than the actors."""
    verbs = [tok]
    if tok.lemma_.lower() in REFUSING:  # "refused to release them until Togo apologised"
        verbs += [c for c in tok.children if c.dep_ == "xcomp"]
    elif tok.dep_ == "xcomp" and tok.head.lemma_.lower() in REFUSING:
        verbs.append(tok.head)
    elif not any(c.dep_ == "neg" for c in tok.children):
        return []
    for verb in verbs:
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == "until" for c in clause.children
            ):
                found = [a for a in roles.subject(clause) if a.country or a.org]
                return without(found, source)
    return []


def foreign(target: list[Actor], source: list[Actor]) -> bool:
    """Does ``target`` name an organisation or a country that no actor is of?"""
    own = {a.country for a in source if a.country}
    return any(a.org or (a.country and a.country not in own) for a in target)


def answered(tok: Token, roles: Roles, source: list[Actor]) -> list[Actor]:
    """The party that put forward what ``tok`` answers, named in another clause: the
    subject of the clause before it when its object is "it" ("Russia offered a deal, and
    Ukraine turned it down"), or the maker of the noun its relative clause hangs on ("the
    resolution that the envoy rejected": who issued it, "in a resolution" of the
    assembly's, "the plan that Iran rejected was drafted by France").  The parties of ``source`` are set aside."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if tok.dep_ == "relcl":
        if any(o.lower_ not in roles.relative for o in objects):
            return []  # the clause has an object of its own
        noun = tok.head
        found = roles.agent(noun) or roles.modifier_actors(noun)
        if not found and noun.dep_ == "nsubjpass":  # "the plan ... was drafted by France"
            found = roles.agent(noun.head)
        if not found and (
            noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ == "in")
        ):
            # "tabled a plan that ...", "condemned the abuses in a resolution that ..."
            verb = noun.head if noun.dep_ == "dobj" else noun.head.head
            found = roles.subject(verb) if verb.pos_ in ("VERB", "AUX") else []
        return without(found, source)
    if tok.dep_ not in ("conj", "advcl") or tok.head.pos_ not in ("VERB", "AUX"):
        return []
    if not any(o.lower_ in REFERRING and o.tag_ in ("PRP", "DT") for o in objects):
        return []
    earlier = tok.head
    if earlier.i > tok.i or not any(c.dep_ == "dobj" for c in earlier.children):
        return []
    return without(roles.subject(earlier), source)


def removed_from(tok: Token, roles: Roles) -> list[Actor]:
    """The party an agentless passive of ``REMOVING`` says its subject was put out of
    ("were expelled from Algeria", "was deported from the United States"), when that
    party has a country or is an organisation; none with an agent or no "from"."""
    if tok.lemma_.lower() not in REMOVING or not Roles.is_passive(tok) or roles.agent(tok):
        return []
    for obj in roles.prep_objects(tok, ("from",)):
        found = [a for a in roles.phrase(obj) if a.country or a.org]
        if found:
            return found
    return []


def reciprocal(tok: Token) -> bool:
    """The object of ``tok`` (a verb, or an event noun and the verb it is the object of),
    of its prepositions, of its object's or of its "to" complement's is "each other" or
    "one another"."""
    heads = [tok, *(c for c in tok.children if c.dep_ in ("xcomp", "dobj"))]
    if tok.dep_ == "dobj":
        heads.append(tok.head)  # "traded accusations with each other"
    for head in heads:
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative", "pobj")]
        objects += [o for p in head.children if p.dep_ == "prep" for o in p.children
                    if o.dep_ == "pobj"]  # fmt: skip
        if _each(head):  # "each side rejected the other's proposals", "accused the other"
            objects += [c for o in objects for c in o.children if c.dep_ in ("poss", "amod")]
            if any(o.lower_ == "other" and o.i > 0 and o.nbor(-1).lower_ == "the" for o in objects):
                return True
        for obj in objects:
            before = obj.nbor(-1).lower_ if obj.i > 0 else ""
            after = obj.nbor(1).lower_ if obj.i + 1 < len(obj.doc) else ""
            if (obj.lower_, before) in RECIPROCAL or (after, obj.lower_) in RECIPROCAL:
                return True
    return False


def _each(verb: Token) -> bool:
    """The subject of ``verb`` is "each side", "either country" (each party in turn)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(d.dep_ == "det" and d.lower_ in ("each", "either") for d in c.children)
        for c in verb.children
    )


def _prefix_actors(tok: Token, lookup: Callable[[str], Actor | None] | None) -> list[Actor]:
    """The name before the hyphen of "Russian-backed", read alone (the resolver's
    mention may span the whole "Russian-backed Syrian forces")."""
    if lookup is None:
        return []
    for child in tok.lefts:
        if child.dep_ in ("npadvmod", "nmod", "compound", "amod") and child.pos_ in (
            "PROPN",
            "ADJ",
        ):
            actor = lookup(child.text)
            if isinstance(actor, Actor):
                return [actor]
    return []


def _nominal(
    tok: Token, trigger: Trigger, roles: Roles, preps: frozenset[str], light_verbs: frozenset[str]
) -> Arguments:
    of_objects = roles.prep_objects(tok, ("of",))
    own, used_of = True, False
    source = roles.agent(tok) or roles.modifier_actors(tok) or culprit(tok, roles)
    if not source and trigger.type not in INITIALS_NOT_DOERS:
        source = roles.initialism_owner(tok)  # "U.S. sanctions on", "UK air strikes"
    if not source:
        # "Russia's blockade and shelling of the port", "arrests and deportations of
        # migrants by the police": coordinated acts share the first one's doer
        source = shared_doer(tok, roles)
    if (undergoer := undergoing(tok)) is not None:
        # "the convoy came under attack (from Syrian troops)": the subject of "come
        # under" suffers the act; who does it is its modifier or "from" phrase (culprit);
        # "soldiers died in an ambush": the dead (when the act names none of its own)
        victims = without(roles.subject(undergoer), source)
        if victims or undergoer.lemma_.lower() in UNDERGOING:
            return Arguments(source, victims, True)
    if trigger.type == "ACCUSE" and (accused := denier(tok, roles)):
        # "rejected accusations from a senator": made against the one who rejects them
        source = source or roles.prep_actors(tok, ("from",))
        return Arguments(source, without(accused, source), True)
    if not source and (doer := with_doer(tok)) is not None:
        # "Kenya went ahead with the withdrawal of its troops", "Egypt retaliated with air
        # strikes": the subject of the verb does the act its "with" phrase names
        source, own = roles.subject(doer), False
        if in_protest(tok) and all(a.sector in (None, "GOV") and not a.org for a in source):
            source = []  # "Iran recalled its envoy in protest": a state's act, not a protest
        if source and trigger.type in INTRANSITIVE:
            own_kind = {a.country for a in source if a.country}
            of_actors = [a for o in of_objects[:1] for a in roles.phrase(o)]
            # the doer's own troops or people are what the act moves, no recipient
            used_of = bool(of_actors) and all(a.country in own_kind for a in of_actors)
    if not of_objects:  # "the endorsement by France of Morocco's plan": "of" parsed on the agent
        of_objects = [
            o for by in roles.prep_objects(tok, ("by",)) for o in roles.prep_objects(by, ("of",))
        ]
    if not source and of_objects:
        source = roles.agent(of_objects[0])  # "the assassination of a leader by Israel"
    if not source and of_objects and trigger.type in INTRANSITIVE:
        # "the withdrawal of Russian troops", "the delivery of Chinese vaccines"
        source = roles.phrase(of_objects[0]) or roles.modifier_actors(of_objects[0])
        used_of = bool(source)
        a_party = any(a.country or a.org for a in source)  # a party, not "230 troops"
        if a_party and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ORDERING:
            # "Egypt announced the release of three Sudanese traders": the one announcing
            # releases them; the "of" complement is who is released
            announcers = roles.subject(tok.head)
            if any(a.country or a.org for a in announcers):
                source, used_of, own = announcers, False, False
        if used_of and trigger.cameo.startswith("084"):
            # "welcomed the release of the hostages": who is released or returned, not
            # who releases them (a withdrawal's "of" troops do withdraw)
            source, used_of = [], False
    if not source and tok.dep_ == "pobj" and tok.head.lower_ == "of":
        outer = (
            tok.head.head
        )  # "the declaration of a truce by Ethiopia", "Russia's announcement of"
        if outer.pos_ in ("NOUN", "PROPN"):
            source = roles.agent(outer) or roles.modifier_actors(outer)
    told: list[Actor] = []
    if not source and (told := told_doers(tok, roles, light_verbs)):
        # "the attack, carried out by Boko Haram fighters", "a strike blamed on the
        # coalition": the participle on the noun names who did it
        source, own = told, False
    if not source and (done := passive_act(tok, light_verbs)) is not None:
        # "the deportation was carried out by the police": the agent of the passive
        source, own = roles.agent(done), False
    if not source:
        between = roles.prep_objects(tok, ("between", "among"))
        if not between and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
            # "clashes erupted between the army and the rebels": the phrase on the verb
            between = roles.prep_objects(tok.head, ("between", "among"))
        both = in_order(roles.phrase(between[0]), between[0], roles) if between else []
        if len(both) > 1:
            # "talks between Turkey and Russia": every party of a joint act is an actor
            if trigger.type in JOINT:
                return Arguments(both, [], True)
            return Arguments(both[:1], both[1:], True)
    given = False
    if not source and trigger.type in GIVEN_FROM:
        # "an invitation from the Nigerian government", "a visit from the Chinese
        # minister": the one the act comes from does it
        source = roles.prep_actors(tok, ("from",))
        if not source and (arrival := arriving(tok)) is not None:
            # "gifts of cash arrived in the camp from Oman": the "from" of the arrival
            source = roles.prep_actors(arrival, ("from",))
        given = any(a.country or a.org for a in source)
        source = source if given else []
    top = tok  # "launched air and artillery strikes": the first of coordinated objects
    while top.dep_ == "conj" and top.head.pos_ == "NOUN" and top.head.i != top.i:
        top = top.head
    light = top.dep_ == "dobj" and in_words(top.head, light_verbs)
    placeless = bool(source) and all(a.country is None and a.org is None for a in source)
    if (not source or placeless) and (light or _doer_verb(tok)):
        # "held talks", "launched an offensive", "organized a general strike", "reimposed
        # blockades", "took part in the protests": the verb's subject does the act (also
        # over a modifier of no country: "the U.S. military launched artillery strikes")
        verb = tok.head.head if tok.dep_ == "pobj" else top.head
        doers = roles.subject(verb)
        if not source or any(a.country or a.org for a in doers):
            source, own = doers, False
    if not source and (announcer := announcing(tok)) is not None:
        # "Japan announced $50 million in aid for Sudan": the announcer gives the aid
        source, own = roles.subject(announcer), False
    if not source and trigger.type == "REQUEST" and tok.dep_ == "pobj" and tok.head.lower_ == "for":
        # "a congressional report called for sanctions", "pushed for reforms": who calls
        verb = tok.head.head
        if verb.pos_ == "VERB":
            source, own = roles.subject(verb), False
    if not source:
        # the default: "Ankara began the pullout of its troops", "police detained dozens in
        # raids on opposition offices"; not "Paris welcomed the release of the hostages"
        source, own = governing_doer(top, roles), False
    if not source and trigger.type in SYMMETRIC:
        source, own = roles.clause_subject(tok), False  # "talks with Russia failed", said Erdogan
    target: list[Actor] = []
    if top.dep_ == "dobj" and top.head.pos_ == "VERB" and top.head.lemma_.lower() in RECEIVING:
        # "Pakistan drew criticism from India (for hosting ...)": who receives it
        target = without(roles.subject(top.head), source)
    if not target and (confiner := confining(tok)) is not None:
        # "dozens were taken into custody by the police": the confined are the subject
        # of the passive (the active's object is linked as any object is)
        held = [c for c in confiner.children if c.dep_ == "nsubjpass"]
        for whom in held[:1]:  # or the "of" phrase of a quantity ("dozens of protesters")
            inner = [o for o in roles.prep_objects(whom, ("of",)) if whom.pos_ in ("NOUN", "NUM")]
            named = roles.phrase(whom) or [a for o in inner for a in roles.phrase(o)]
            if any(a.country or a.org for a in named):  # a party, not "the president"
                target = without(named, source)
    moved: list[Actor] = []  # "the deployment of police officers": the doer's own people
    if not target and of_objects and not used_of:
        target = roles.search(of_objects[0], source, max_depth=3)
        if trigger.type in MOVING and not foreign(target, source):
            moved, target = target, []  # where they go comes first ("to Haiti")
    if not target:
        # "the visit of the minister to Baghdad", "threats from Pyongyang against Seoul":
        # a phrase the parse hangs on the complement that names the doer is the noun's
        froms = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"]
        holders = (of_objects[:1] if used_of else []) + (
            [*froms, *(o for f in froms for o in f.children if o.dep_ == "pobj")] if given else []
        )
        for obj in [*roles.prep_objects(tok, NOUN_PREPS | preps),
                    *(o for d in holders for o in roles.prep_objects(d, NOUN_PREPS | preps))]:  # fmt: skip
            if target := roles.search(obj, source, max_depth=3):
                break
    target = target or moved
    if not target and trigger.type in HANDED_ON:
        target = handed_on_to(of_objects, roles, source)
    if not target and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
        target = subject_noun_target(tok, trigger, roles, source)
    if not target and given and (arrival := arriving(tok)) is not None:
        # "aid from Japan arrived in Kabul", "gifts of cash arrived in the camp from Oman"
        for obj in roles.prep_objects(arrival, ARRIVED_AT):
            if target := roles.search(obj, source, max_depth=2):
                break
    if not target and given and top.dep_ == "dobj" and top.head.pos_ == "VERB":
        # "the ministry received a visit from the Chinese minister": the receiver
        target = without(roles.subject(top.head), source)
    if not target and light:
        # "offered concessions to Stockholm": the recipient hangs on the light verb
        target = roles.target(top.head, source, preps | {"to"}, topic_object=True)
    if not target and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" and trigger.preps:
        # "arrived in Tehran for a visit"
        for obj in roles.prep_objects(tok.head.head, trigger.preps):
            if target := roles.search(obj, source, max_depth=2):
                break
    if not target:
        # "set a deadline for Iran to respond": the "for" clause read on the verb
        after = [c for c in tok.head.children if c.i > tok.i] if tok.dep_ == "dobj" else []
        for child in [*tok.children, *(c for c in after if c.dep_ == "advcl" and for_to(c))]:
            clause = child.dep_ in ("acl", "relcl") or (child.dep_ == "advcl" and for_to(child))
            if told and child.dep_ in ("acl", "relcl"):
                continue  # "the raid, which was conducted by US forces": the doer's clause
            if clause and child.pos_ in ("VERB", "AUX"):
                # "Turkey's request that the alliance deploy ...", "a deadline for Iran to
                # respond": the clause's subject (also "for" read with it as its object)
                subj = [c for c in child.children if c.dep_ == "nsubj"] or [
                    o for m in child.children if m.dep_ == "mark" and m.lower_ == "for"
                    for o in m.children if o.dep_ == "pobj"
                ]  # fmt: skip
                target = without(roles.phrase(subj[0]), source) if subj else []
                target = target or roles.target(child, source, preps)
                if target:
                    break
    return Arguments(source, target, own)


def others_act_verbs(words: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """Verbs whose object is someone else's act (welcoming, condemning, asking about,
    awaiting, learning of, preventing it; speech, judging and deliberating verbs), from
    the lexicon's word lists ``words``."""
    return RECEIVING.union(*(words.get(name, frozenset()) for name in OTHERS_ACT_LISTS))


# types whose event noun names a thing handed on ("a shipment of shells to Israel")
HANDED_ON = frozenset({"AID", "COOPERATE"})


def handed_on_to(of_objects: list[Token], roles: Roles, source: list[Actor]) -> list[Actor]:
    """Whom a thing given goes to when the parse hangs the "to" phrase on the thing, not
    on the noun of giving: "a shipment of artillery shells to Israel", "the sale of jets
    to Egypt" (the recipient of the giving, as "to" on the noun itself would be)."""
    for thing in of_objects[:1]:
        for obj in roles.prep_objects(thing, ("to",)):
            if target := roles.search(obj, source, max_depth=2):
                return target
    return []


def governing_verb(tok: Token) -> Token | None:
    """The verb whose clause governs the event noun ``tok``: the verb it is the object of
    (also under a noun counting acts, "started a wave of arrests"), the verb with an object
    whose "in"/"through" phrase it is ("detained dozens in raids on"), the "be" of "was
    behind the attack", or the verb of "played a role in"; None otherwise, or for a
    passive verb (its subject undergoes the act)."""
    node = tok
    if (
        node.dep_ == "pobj"
        and node.head.lower_ == "of"
        and node.head.head.lemma_.lower() in COUNTING
    ):
        node = node.head.head
    head = node.head
    verb: Token | None = None
    if node.dep_ == "dobj":
        verb = head
    elif node.dep_ == "pobj" and head.dep_ == "prep":
        above, prep = head.head, head.lower_
        if above.pos_ in ("NOUN", "PROPN"):
            if prep == "in" and above.lemma_.lower() in SHARE_NOUNS and above.dep_ == "dobj":
                verb = above.head  # "played a key role in the capture of"
        elif prep == "behind" and above.lemma_.lower() == "be":
            verb = above  # "the police were behind the killing"
        elif (
            prep in MEANS_PREPS and counted(node) and any(c.dep_ == "dobj" for c in above.children)
        ):
            verb = above
        elif prep == "in" and above.lemma_.lower() in ENGAGED:
            return above  # "was engaged in the shelling of": its subject takes part
    if verb is None or verb.pos_ not in ("VERB", "AUX") or Roles.is_passive(verb):
        return None
    return verb


def destination(verb: Token, roles: Roles, source: list[Actor]) -> list[Actor]:
    """Where the verb ``verb`` or its "to" complement sends something: the party of
    another country (or an organisation) its "to"/"into" phrase, or its object's,
    names ("sent troops to Mali", "agreed to deliver vaccines to Peru"); none when
    the actors name no country (every party would be foreign to them)."""
    if not any(a.country for a in source):
        return []
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
    for head in verbs:
        holders = [head, *(c for c in head.children if c.dep_ in ("dobj", "dative"))]
        for obj in (o for h in holders for o in roles.prep_objects(h, DESTINATIONS)):
            found = [a for a in roles.search(obj, source, max_depth=2) if a.country or a.org]
            if found and foreign(found, source):
                return found
    return []


def in_order(parties: list[Actor], phrase: Token, roles: Roles) -> list[Actor]:
    """``parties`` in the order the phrase ``phrase`` names them: "fighting between
    Armenian and Azerbaijani forces" has the Armenian forces first, the side named
    first acting on the other (the phrase's head actor is read before its modifiers)."""
    first: dict[int, int] = {}
    for i in range(phrase.left_edge.i, phrase.right_edge.i + 1):
        actor = roles.by_token.get(i)
        if actor is not None:
            first.setdefault(id(actor), i)
    return sorted(parties, key=lambda a: first.get(id(a), phrase.right_edge.i + 1))


def shared_doer(tok: Token, roles: Roles) -> list[Actor]:
    """The doer named on the first of coordinated event nouns, for a later bare one that
    shares the first's left side ("Turkish raids and arrests", "the blockade and shelling
    of the port by Russian forces"): its agent, possessor or modifier.  Not for a
    conjunct with a determiner, possessor or name-like modifier of its own ("Russian
    strikes and Western sanctions", "his remarks on raids and the killing of farmers":
    a phrase of its own)."""
    if tok.dep_ != "conj":
        return []
    first = tok.head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.pos_ not in ("NOUN", "PROPN") or first.i > tok.i:
        return []
    if any(own_modifier(c) for c in tok.lefts):
        return []
    return roles.agent(first) or roles.modifier_actors(first) or roles.initialism_owner(first)


def own_doer(tok: Token, roles: Roles) -> list[Actor]:
    """The doer an event noun names by itself, read off the noun alone: a "by" phrase
    (also one the parse hangs on its "of" complement: "the expulsion of the envoy by
    Oslo"), or a modifier that names an actor ("Danish raids", "the navy's blockade",
    "a police raid", "U.S. sanctions").  Not a pronoun possessor ("after her arrest":
    the one arrested, or a doer named elsewhere) and never the subject of the clause
    that governs the noun: a noun in a phrase of time is not that subject's act.  A
    pronoun possessor is the doer only when an "of" complement names who undergoes the
    act ("after its invasion of Bhutan"; "after her arrest" names who was arrested).
    Only actors of a known country, body or sector count ("the Soviet occupation": a
    name of the past the resolver does not place is no identifiable doer)."""
    of_objects = roles.prep_objects(tok, ("of",))
    if not of_objects and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        return []
    found = (
        roles.agent(tok)
        or roles.modifier_actors(tok)
        or roles.initialism_owner(tok)
        or (roles.agent(of_objects[0]) if of_objects else [])
    )
    return [a for a in found if a.country or a.org or a.sector]


def own_modifier(child: Token) -> bool:
    """A modifier that opens a noun phrase of its own: a determiner, a possessor, or a
    capitalised adjective or noun ("Western", "Kurdish", "NATO")."""
    if child.dep_ in ("poss", "det"):
        return True
    return child.dep_ in ("amod", "compound", "nmod") and child.text[:1].isupper()


def counted(noun: Token) -> bool:
    """``noun`` names acts that happened, not a manner: plural, or with a determiner,
    number, possessive or adjective ("in raids", "in an air strike", "in heavy shelling";
    not the bare "in cooperation with", "in return for", "in response to")."""
    return noun.tag_ in ("NNS", "NNPS") or any(
        c.dep_ in ("det", "nummod", "poss", "amod") for c in noun.children
    )


def governing_doer(tok: Token, roles: Roles) -> list[Actor]:
    """Who does the event noun ``tok`` by default: the subject of the clause that governs
    it ("Ankara began the withdrawal of its troops", "Hungary finished the expulsion of
    three diplomats", "police detained dozens in raids on opposition offices"), unless
    the governing verb takes someone else's act as its object ("Paris welcomed the release
    of", "Moscow condemned the bombing of", "asked about the detention of")."""
    verb = governing_verb(tok)
    if verb is None or verb.lemma_.lower() in roles.others_acts | FLEEING:
        return []
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in (*verb.children, *tok.children)):
        return []  # "saw the pullout as a condition": a judgement of the act, not the act
    if Roles.is_passive(verb):  # "the army was engaged in": the passive's own subject
        return [a for c in verb.children if c.dep_ == "nsubjpass" for a in roles.phrase(c)]
    return roles.subject(verb)


def doing_verb(
    tok: Token, light_verbs: frozenset[str], others_acts: frozenset[str], default: bool = True
) -> Token | None:
    """The verb whose subject does the act the event noun ``tok`` names, by the shapes
    ``_nominal`` reads: a light verb or a verb of doing whose object it is ("held a
    rally", "staged an ambush"), a verb of taking part ("took part in", "were involved
    in"), of going on with ("pressed ahead with"), or (with ``default``) the verb that
    governs it; None where that verb takes another's act as its object ("condemned the
    killing", "fled the shelling") or judges it ("saw the raid as a warning")."""
    top = tok
    while top.dep_ == "conj" and top.head.pos_ == "NOUN" and top.head.i != top.i:
        top = top.head
    if (top.dep_ == "dobj" and in_words(top.head, light_verbs)) or _doer_verb(tok):
        return tok.head.head if tok.dep_ == "pobj" else top.head
    if (doer := with_doer(tok)) is not None:
        return doer
    verb = governing_verb(top)
    if not default and (verb is None or verb.lemma_.lower() not in ENGAGED):
        return None  # only a verb that says its subject does the act
    if verb is None or verb.lemma_.lower() in others_acts | FLEEING:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in (*verb.children, *top.children)):
        return None
    return verb


def for_to(clause: Token) -> bool:
    """A "for X to do" clause: a "to" infinitive marked by "for"."""
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "aux")}
    return "for" in marks and "to" in marks


def subject_noun_target(
    tok: Token, trigger: Trigger, roles: Roles, source: list[Actor]
) -> list[Actor]:
    """The recipient of an event noun that is the subject of its clause: what the act
    hit ("air strikes hit the enclave of Eastern Ghouta") or what it was over
    ("protests continued over the election of Kenyatta")."""
    verb = tok.head
    if trigger.type in PATIENT_TYPES and trigger.type != "ACCUSE":
        for obj in [c for c in verb.children if c.dep_ == "dobj"]:
            if found := roles.search(obj, source, max_depth=3):
                return found
    if trigger.type in GRIEVANCES:
        for obj in roles.prep_objects(verb, GRIEVANCE_PREPS | {"against"}):
            if found := roles.search(obj, source, max_depth=3):
                return found
    return []


def announcing(tok: Token, depth: int = 5) -> Token | None:
    """The verb of ``ANNOUNCING`` whose object holds the event noun ``tok``, up through
    objects, prepositions, coordinated and compound nouns ("announced $50 million in
    aid", "approved a package of sanctions"), at most ``depth`` arcs up; None if the
    first verb above is another."""
    node = tok
    for _ in range(depth):
        if node.dep_ not in ANNOUNCED_ARCS or node.head.i == node.i:
            return None
        if node.dep_ == "prep" and node.lower_ not in ANNOUNCED_PREPS:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            # or a verb whose subject does what its object names ("expanded the
            # distribution of food aid", "stepped up the supply of arms")
            lemma = node.lemma_.lower()
            return node if lemma in ANNOUNCING or lemma in DOER_VERBS else None
    return None


def undergoing(tok: Token) -> Token | None:
    """The verb of "came under attack", "fell under fire" whose subject suffers ``tok``,
    or of "died in an ambush", "perished in the shelling" whose subject is its victim;
    none where the act has grounds ("came under attack over its courts": criticism)."""
    head = tok.head
    if tok.dep_ != "pobj" or head.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = head.head
    if (head.lower_, verb.lemma_.lower()) not in UNDERGONE:
        return None
    grounds = [
        c for t in (tok, verb) for c in t.children if c.dep_ == "prep" and c.lower_ in GROUNDS
    ]
    return None if grounds else verb


def with_doer(tok: Token) -> Token | None:
    """The active verb of ``DOING_PREPS`` whose "with" (or "in", "to") phrase holds the
    event noun ``tok`` (also under a noun that counts acts: "with a wave of arrests";
    and with "with" hung on the verb's object: "answered the protests with arrests")."""
    node = tok
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN") and node.head.i < node.i:
        node = node.head  # "went ahead with the bombing and blockade of the port"
    if (
        node.dep_ == "pobj"
        and node.head.lower_ == "of"
        and node.head.head.lemma_.lower() in COUNTING
    ):
        node = node.head.head
    prep = node.head
    if in_protest(node):
        verb = prep.head  # "walked out of parliament in protest": the walkers protest
        return verb if verb.pos_ == "VERB" and not Roles.is_passive(verb) else None
    if node.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in DOING_PREPS:
        return None
    verb = prep.head
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj" and prep.lower_ in ("with", "for"):
        verb = verb.head  # "answered the protests with arrests", "sent jets for the raid"
    if verb.pos_ not in ("VERB", "AUX") or Roles.is_passive(verb):
        return None
    if prep.lower_ == "on" and node.lemma_.lower() in UNDERGONE_ON:
        return None
    return verb if verb.lemma_.lower() in DOING_PREPS[prep.lower_] else None


def passive_act(tok: Token, light_verbs: frozenset[str]) -> Token | None:
    """The passive verb of doing or telling whose subject is the event noun ``tok``, or a
    noun counting it: "the deportation of 200 migrants was carried out", "the evacuation
    was completed", "a wave of arrests was reported" (an act done, by its agent or by
    someone unnamed); not one called off."""
    node = tok
    if (
        node.dep_ == "pobj"
        and node.head.lower_ == "of"
        and node.head.head.lemma_.lower() in COUNTING
    ):
        node = node.head.head
    verb = node.head
    if node.dep_ != "nsubjpass" or verb.pos_ != "VERB":
        return None
    if any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return None  # "the strike was called off"
    lemma = verb.lemma_.lower()
    if lemma in OVERSEEING:
        return None  # "the handover was overseen by the Red Cross": a monitor, not a doer
    doing = lemma in DOER_VERBS or lemma in light_verbs or lemma in REPORTED
    return verb if doing else None


def arriving(tok: Token) -> Token | None:
    """The verb of arrival whose subject is the event noun ``tok`` ("aid from Japan
    arrived", "gifts of cash arrived in the camp from Oman", "relief poured into Sudan")."""
    node = tok
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "nsubj":
        node = node.head.head  # "thousands of parcels arrived"
    verb = node.head
    if node.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in ARRIVING:
        return None
    return verb


def in_protest(tok: Token) -> bool:
    """``tok`` is the bare "protest" of "in protest" ("walked out in protest against")."""
    return (
        tok.lemma_.lower() == "protest"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and not any(c.dep_ in ("det", "poss", "amod") for c in tok.children)
    )


def told_doers(tok: Token, roles: Roles, light_verbs: frozenset[str]) -> list[Actor]:
    """Who a participle or passive relative clause on the event noun ``tok`` says did
    it: the agent of a verb of doing or claiming ("the attack, carried out by Boko
    Haram", "the raid, which was conducted by US forces", "the bombing, claimed by the
    Islamic State"), or the "on" phrase of a verb of blaming ("a strike blamed on the
    coalition"); not a monitor or a broker ("overseen by", "brokered by Qatar")."""
    for verb in tok.children:
        if verb.dep_ not in ("acl", "relcl") or verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        if lemma in BLAMING_ON:
            found = [a for o in roles.prep_objects(verb, ("on",)) for a in roles.phrase(o)]
            if found:
                return found
            continue
        if verb.tag_ != "VBN" or lemma in OVERSEEING:
            continue
        doing = lemma in DOER_VERBS or lemma in light_verbs or lemma in CLAIMING
        if doing and (found := roles.agent(verb)):
            return found
    return []


def _doer_verb(tok: Token) -> bool:
    """``tok`` is the object of a verb whose subject does what it names ("imposed
    blockades", "organized a strike"; not "suffered attacks", "lifted sanctions")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB":
        return head.head.lemma_.lower() in PARTAKING  # "participated in peacekeeping operations"
    return tok.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in DOER_VERBS


def passive_parties(tok: Token, roles: Roles) -> list[Actor]:
    """The parties of a joint act told by a passive verb whose subject is the act's noun
    ("talks between Ethiopia and Eritrea were held in Pretoria", "a deal between the
    two unions was reached"): the noun's "between" or "among" phrase names them, as it
    does when the noun itself is the subject of an intransitive verb."""
    for subject in (c for c in tok.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"):
        between = roles.prep_objects(subject, ("between", "among"))
        both = roles.phrase(between[0]) if between else []
        if len(both) > 1:
            return both
    return []
