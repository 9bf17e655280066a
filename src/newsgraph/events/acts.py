"""The shapes an act takes in the parse, read by the coder's stages.

Small predicates on one trigger token: an act counted by a noun of series ("a wave of
arrests"), an act weighed as an option ("is considering the possibility of sending
experts"), the act of a kind of people ("musicians lifted the boycott"), an act that
another act of its sentence holds ("rejected the accusations"); a verb that is no act
of its own ("ordered strikes"), an act kept with no named doer ("was arrested"), and how
sure the rules are of an act.  The words they test are data (``triggers.yaml``,
``words:``): the caller passes them in.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from ..records import Actor
from .arguments import ENGAGED, RELATIVES, doing_verb, passive_act, undergoing
from .embed import answers_in_kind
from .implied import denied
from .modality import CONSULTING_NOUNS, background, is_body
from .roles import SUBJECT_CONTROLLED, Roles, in_words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .embed import Draft
    from .lexicon import Trigger

# where an act noun stands with no doer ("the attack", "an arrest was made")
AGENTLESS_NOUN = frozenset({"nsubj", "ROOT", "attr"})
# what an act that another act of its sentence holds loses in confidence (``nested``)
NESTED = 0.1


def counted_act(tok: Token, series: frozenset[str]) -> bool:
    """An act counted by a noun of ``series`` that stands where an agentless act noun
    would ("a series of explosions struck", "a wave of arrests followed"): the act's
    own place."""
    of = tok.head
    return (
        tok.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.lemma_.lower() in series
        and of.head.dep_ in AGENTLESS_NOUN
    )


def struck(tok: Token, series: frozenset[str]) -> bool:
    """A counted act whose series hits something ("a series of explosions struck the
    country"): an act on what it hit, even when that is no named party."""
    return counted_act(tok, series) and any(c.dep_ == "dobj" for c in tok.head.head.head.children)


def hit_something(tok: Token, type_: str) -> bool:
    """An attack, or a weapon, that hit something ("mortar shells landed on a market",
    "the blast destroyed a school"): an act on what it hit, its doer and victim unnamed."""
    return (
        type_ == "ASSAULT"
        and tok.dep_ == "nsubj"
        and any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "onto", "into"))
            for c in tok.head.children
        )
    )


def used_weapon(tok: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """A weapon noun with a verb that tells its use ("rockets fired by Syria", "the
    missile that the rebels launched"): that verb, and the one the weapon is the subject
    of, tell the act; the weapon noun adds none of its own."""
    return tok.lemma_.lower() in words.get("weapons", frozenset()) and any(
        c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in tok.children
    )


def weighing(tok: Token, options: frozenset[str]) -> Token | None:
    """The verb that weighs the act a gerund names under an option noun: "considering"
    in "is considering the possibility of providing experts"."""
    of = tok.head
    if tok.dep_ != "pcomp" or of.lower_ != "of" or of.head.lemma_.lower() not in options:
        return None
    noun = of.head
    return noun.head if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") else None


def generic_subject(
    tok: Token, roles: Roles, people: frozenset[str], endings: tuple[str, ...]
) -> Actor | None:
    """The subject of an act that names a kind of people and no party ("anti-war groups
    called on", "musicians have lifted a boycott", "youths stoned a patrol and torched
    a car"): ANNOTATION.md keeps the act with the actor's text and a null code.  The
    subject is the verb's own, or that of the verb it is coordinated with or is the
    complement of ("tried to storm")."""
    verb = subject_holder(tok)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return kind_of_people(subj, roles, people, endings)


def subject_holder(verb: Token) -> Token:
    """The verb whose subject ``verb`` shares: itself, or up through coordinated verbs,
    "to" complements, participle clauses and gerunds after a preposition with no subject
    of their own ("stormed the office and torched cars", "tried to storm", "firing into
    the air, the men ...", "after storming the office, the men ...")."""
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            return verb
        head = verb.head
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            head = head.head  # "after storming the office"
        elif verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return verb  # "when attacked": no participle of the main clause's doer
        elif verb.dep_ not in ("conj", "xcomp", "advcl"):
            return verb
        if head.pos_ not in ("VERB", "AUX") or head.i == verb.i:
            return verb
        timed = verb.dep_ == "pcomp" and verb.head.lower_ in SUBJECT_CONTROLLED
        if (
            verb.dep_ in ("xcomp", "pcomp")
            and not timed
            and any(c.dep_ in ("dobj", "dative") for c in head.children)
        ):
            return verb  # "urged the youths to march", "accused them of rioting": the object
        verb = head
    return verb


def generic_doer(
    tok: Token,
    roles: Roles,
    light: frozenset[str],
    others_acts: frozenset[str],
    people: frozenset[str],
    endings: tuple[str, ...],
) -> Actor | None:
    """The kind of people that does what the event noun ``tok`` names, as the subject of
    the verb that makes its subject the doer (``doing_verb``): "hundreds of dockworkers
    took part in a strike", "masked men staged an ambush", "militiamen were involved in
    the killing of", "the youths who led the march"; not "residents feared an attack"."""
    verb = doing_verb(tok, light, others_acts, default=False)
    if verb is None:
        return None
    if Roles.is_passive(verb):
        if verb.lemma_.lower() not in ENGAGED:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return kind_of_people(subj, roles, people, endings) if subj is not None else None
    return generic_subject(verb, roles, people, endings) or generic_antecedent(
        verb, roles, people, endings
    )


# relative pronouns that only people take ("the men who", "those whom")
HUMAN_RELATIVES = frozenset({"who", "whom", "whose"})


def kind_of_people(
    noun: Token, roles: Roles, people: frozenset[str], endings: tuple[str, ...]
) -> Actor | None:
    """``noun`` names a kind of people and no party: a noun of ``people``, a plural
    agent noun (one of ``endings``: -ers, -ists, -ians), a compound of "man"
    ("gunmen", "tribesmen"), or a noun a "who" clause describes (only people take
    "who"); a quantity's "of" complement is read for it ("hundreds of dockworkers").
    The actor keeps the phrase's words with a null code (ANNOTATION.md)."""
    if noun.pos_ in ("NOUN", "NUM") and noun.i not in roles.by_token:
        counted = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        if counted and not (noun.pos_ == "NOUN" and people_noun(noun, people, endings)):
            noun = counted[0]  # "thousands of nurses": the nurses
    if noun.pos_ != "NOUN" or any(
        roles.by_token.get(i) for i in range(noun.left_edge.i, noun.i + 1)
    ):
        return None
    if not people_noun(noun, people, endings):
        return None
    words = [t for t in noun.subtree if noun.left_edge.i <= t.i <= noun.i]  # "masked men"
    return Actor(text=" ".join(t.text for t in words), code=None)


def people_noun(noun: Token, people: frozenset[str], endings: tuple[str, ...]) -> bool:
    """The common noun ``noun`` names people, by its word's kind: see ``kind_of_people``."""
    lemma = noun.lemma_.lower()
    if lemma in people or lemma.endswith("man") or (noun.tag_ == "NNS" and lemma.endswith(endings)):
        return True
    return any(
        c.dep_ == "relcl" and any(r.lower_ in HUMAN_RELATIVES for r in c.subtree if r.head.i == c.i)
        for c in noun.children
    )


def generic_antecedent(
    tok: Token, roles: Roles, people: frozenset[str], endings: tuple[str, ...], force: bool = True
) -> Actor | None:
    """The noun of people a relative clause or an active participle on it tells the act
    of: "the men who stormed the consulate", "masked youths, who torched a car",
    "gunmen firing from a car" (a kind of people, kept with a null code; a participle only
    for an act of force, ``force``); not a passive
    clause ("the women who were kidnapped": they undergo it) nor one with a subject of
    its own ("the men the police arrested")."""
    verb = subject_holder(tok)
    if verb.dep_ not in ("relcl", "acl") or Roles.is_passive(verb):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl":
        if len(subjects) != 1 or subjects[0].lower_ not in roles.relative:
            return None
    elif subjects or verb.tag_ != "VBG" or not force:
        # "a car bought by ...", "the plan to attack": no reduced relative; and a
        # participle of a verbal or peaceful act tells what the people are ("migrants
        # seeking asylum", "activists calling for reform"), one of force what they do
        return None
    return kind_of_people(verb.head, roles, people, endings)


def nested(tok: Token, acts: Collection[int]) -> bool:
    """Another act of ``acts`` (trigger token ids) holds ``tok``: it is one of ``tok``'s
    ancestors in the parse, reached by more than coordination ("rejected [the]
    accusations", "shelled the city, killing three"; not "condemned the coup and
    demanded ...": two acts side by side)."""
    cur, side_by_side = tok, True
    for _ in range(12):
        if cur.head.i == cur.i:
            return False
        side_by_side = side_by_side and cur.dep_ == "conj"
        cur = cur.head
        if cur.i in acts and not side_by_side:
            return True
    return False


def not_an_act(
    tok: Token,
    matched: Mapping[int, tuple[Trigger, str]],
    light: frozenset[str],
    judging: frozenset[str],
    speech: frozenset[str],
) -> bool:
    """A light verb whose object names the act ("ordered strikes"), a verb that
    judges ("considers it unacceptable"), or a speech verb reporting another
    actor's act ("US officials warned Iran could ...")."""
    lemma = tok.lemma_.lower()
    addressed = any(c.dep_ in ("dobj", "dative") for c in tok.children)
    if lemma in judging and any(
        c.dep_ == "oprd" or (c.pos_ == "ADJ" and c.dep_ in ("ccomp", "xcomp")) for c in tok.children
    ):
        return True  # "considers the veto unacceptable": a judgement, coded on the adjective
    for child in tok.children:
        if (
            in_words(tok, light)
            and child.dep_ == "dobj"
            and matched.get(child.i, (None, ""))[1] == "noun"
        ):
            return True
        if (
            lemma in speech
            and not addressed
            and child.dep_ == "ccomp"
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            and not warns_own_answer(tok, child, matched)
        ):
            return True
    return False


# verbs of warning, and the answers a warner can announce of itself ("warned it would
# respond", "would retaliate", "would take action", "would not hesitate to act")
WARNING = frozenset({"warn", "caution"})
ANSWERS_IN_KIND = frozenset({"respond", "retaliate", "react", "reply", "hit"})
ANSWER_OBJECTS = frozenset({"action", "measure", "countermeasure", "step"})
STANDING_FIRM = frozenset({"hesitate", "tolerate"})
SELF_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
ANNOUNCING = frozenset({"would", "will", "'ll", "'d", "wo"})
POSSIBLE = frozenset({"could", "may", "might", "can"})
# acts that a warner announcing them of itself threatens (CAMEO 13x)
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})


def warns_own_answer(
    tok: Token, clause: Token, matched: Mapping[int, tuple[Trigger, str]] | None = None
) -> bool:
    """``tok`` warns that its own subject would answer: "Rwanda warned that it would
    respond to any attack", "warned it would take measures", "warned they would not
    hesitate to act", "warned it could cut the gas" (a hostile act of ``matched``).
    The warner announces a hostile act of its own, a threat (ANNOTATION.md: "warned it
    would strike" is THREATEN), not a forecast about others ("doctors warned the heat
    could kill")."""
    if tok.lemma_.lower() not in WARNING:
        return False
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    own = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None or own is None:
        return False
    if subject.lower_ not in SELF_PRONOUNS and subject.lemma_.lower() != own.lemma_.lower():
        return False
    auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    hostile = matched is not None and clause.i in matched and matched[clause.i][0].type in HOSTILE
    if hostile and auxes & (ANNOUNCING | POSSIBLE):
        return True  # "warned it could suspend cooperation", "it might expel the envoy"
    if not auxes & ANNOUNCING:
        return False
    lemma = clause.lemma_.lower()
    if lemma in ANSWERS_IN_KIND:
        return answers_in_kind(clause)  # not "would respond to the concerns"
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in ANSWER_OBJECTS for c in clause.children)
    negated = any(c.dep_ == "neg" for c in clause.children)
    return negated and lemma in STANDING_FIRM


def agentless(
    tok: Token,
    kind: str,
    target: Sequence[Actor],
    light: frozenset[str],
    series: frozenset[str],
    marks: frozenset[str],
) -> bool:
    """An act whose doer is not named: keep it with an unknown actor.  ``marks``: the
    subordinators whose clause keeps none ("until aid is delivered")."""
    if kind == "verb":
        # "was arrested", "were killed by an IED"; not background ("who was jailed")
        # nor a condition ("until aid is delivered")
        return (
            Roles.is_passive(tok)
            and tok.dep_ not in ("relcl", "acl")
            and not any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)
        )
    if kind == "pred" and tok.dep_ == "oprd" and tok.head.pos_ == "VERB":
        # "was found guilty": the passive verb that declares it, as for "was convicted"
        return agentless(tok.head, "verb", target, light, series, marks)
    if kind == "noun":  # or an accusation that its target denies
        return (
            tok.dep_ in AGENTLESS_NOUN
            or counted_act(tok, series)
            or (bool(target) and denied(tok))
            or (bool(target) and undergoing(tok) is not None)  # "came under attack"
            # "the deportation of 200 migrants was carried out": a passive of doing
            or passive_act(tok, light) is not None
        )
    return False


def rule_confidence(draft: Draft, light: frozenset[str], marks: frozenset[str]) -> float:
    """How sure the rules are of ``draft``'s act, read off its shape: a verb more than a
    noun, a named recipient, its own actor, a real act, the news itself rather than its
    background (``marks``: "after Hollande accused Syria")."""
    # a noun under a doing verb ("launched an appeal") is as sure as the verb
    done = draft.kind == "noun" and draft.tok.dep_ == "dobj" and in_words(draft.tok.head, light)
    kind = "verb" if done else draft.kind
    confidence = {"verb": 0.6, "noun": 0.5, "pred": 0.45}[kind] + (0.15 if draft.target else 0.0)
    confidence -= (0.0 if draft.own or done else 0.15) + (0.1 if draft.hypothetical else 0.0)
    if background(draft.tok, marks):
        confidence -= 0.1
    return confidence


# verbs of travel that are a visit (CONSULT 042) only when those who go speak for a state
# or an international body ("the foreign minister travelled to Canberra")
JOURNEYS = frozenset({"travel"})
# sectors of those who go on a state's or a body's errand
ENVOY_SECTORS = frozenset({"GOV", "MIL", "LEG", "OPP", "PTY"})


def envoys(source: Sequence[Actor]) -> bool:
    """Some of ``source`` act for a state, a party or an international organisation."""
    return any(a.org or (a.country and (a.sector is None or a.sector in ENVOY_SECTORS))
               for a in source)  # fmt: skip


def hosted_before(tok: Token, kind: str) -> bool:
    """An event noun that is the object of a verb in a relative clause told in the past
    perfect ("the town, which had hosted peace talks", "a country that had brokered the
    deal"): background about what the thing the clause describes is, not news."""
    if kind != "noun" or tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = tok.head
    if verb.dep_ != "relcl":
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


# CONSULT verbs of one side coming together ("the board met"): with no one named on the
# other side, the sitting of one body, not a meeting of parties
SITTING_VERBS = frozenset({"meet"})
# phrases that name whom a meeting is with
PARTNER_PREPS = frozenset({"with", "between", "among"})
# CONSULT verbs of going somewhere ("visited Rome"), and of receiving someone
VISITING_VERBS = frozenset({"visit", "tour"})
HOSTING_VERBS = frozenset({"welcome", "receive", "host", "greet"})
# the sectors of those who speak for the press: a meeting with them is a press meeting
PRESS_SECTORS = frozenset({"JRN", "MED"})


def no_meeting(tok: Token, trigger: Trigger, kind: str, roles: Roles) -> bool:
    """A CONSULT word that reports no meeting of parties (ANNOTATION.md: a meeting,
    visit or reception is an act between two sides): a meeting with the press only (a
    setting for statements), a body sitting on its own, a journey by private people, or
    a host's courtesy to guests who are no party.  Read off the parse and the actors the
    sentence resolves, before the act's parties are drafted (so an act the learned head
    proposes on the word is held to it too)."""
    if trigger.type != "CONSULT":
        return False
    if press_meeting(tok, roles):
        return True
    if kind != "verb":
        return False
    lemma = tok.lemma_.lower()
    if lemma in VISITING_VERBS | SITTING_VERBS and partyless(tok, roles):
        return True  # "a sewing circle was meeting", "she was visiting a friend"
    if lemma in VISITING_VERBS:
        return private_journey(tok, roles.subject(tok))
    if lemma in SITTING_VERBS:
        return own_sitting(tok, roles.subject(tok))
    if lemma in HOSTING_VERBS:
        return courtesy(tok, roles.by_token)
    return False


def press_meeting(tok: Token, roles: Roles) -> bool:
    """``tok`` meets only with the press: every partner it names after "with" (or as its
    object, when it names none so) is resolved to journalists or media ("the premier's
    meeting with reporters", "discussed the budget with reporters")."""
    partners = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS
                for o in c.children if o.dep_ == "pobj"]  # fmt: skip
    if not partners and tok.pos_ in ("VERB", "AUX"):  # "discussed the budget with": a topic
        partners = [c for c in tok.children if c.dep_ == "dobj"]
    partners += [c for p in partners for c in p.subtree if c.dep_ == "conj"]
    found = [roles.by_token.get(p.i) for p in partners]
    return bool(found) and all(
        a is not None and a.sector in PRESS_SECTORS and not a.org for a in found
    )


def partyless(tok: Token, roles: Roles) -> bool:
    """``tok`` ("met", "visited") is private life: its doers resolve to no party (no
    country, sector or organisation: "a sewing circle", "she" of no known side) and it
    names no party as met or visited (its object, its "with" partners resolve to none:
    "visiting a friend", "met in the church hall").  A meeting is between parties
    (ANNOTATION.md: an act by an identifiable kind of actor); when no side of it is
    one, it is no CONSULT.  A verb with no subject leaves it to the other tests."""
    source = roles.subject(tok)
    if any(a.code or a.country or a.sector or a.org for a in source):
        return False
    if not source and not any(c.dep_ == "nsubj" for c in tok.children):
        return False
    partners = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    partners += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS
                 for o in c.children if o.dep_ == "pobj"]  # fmt: skip
    found = (roles.by_token.get(t.i) for p in partners for t in p.subtree)
    return not any(a is not None and (a.code or a.country or a.sector or a.org) for a in found)


def own_sitting(tok: Token, source: Sequence[Actor]) -> bool:
    """``tok`` ("met") has no partner (no object, no "with", "between", "among") and its
    subject is one body, or members of one body, of one country: "the board of directors
    met in Zurich", "members of the Tunisian parliament met on Monday", "the cabinet will
    meet on Sunday" (a body's own sitting, CAMEO has no code for it); not "Kenyan and
    Somali officials met", "the two leaders met", "EU ministers met" (a body of states)."""
    if any(
        c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in PARTNER_PREPS)
        for c in tok.children
    ):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or any(t.dep_ in ("conj", "nummod") for t in subjects[0].subtree):
        return False
    subject = subjects[0]
    members = [o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    if not (is_body(subject) or any(is_body(m) for m in members)):
        return False
    return not any(a.org for a in source) and len({a.country for a in source}) <= 1


def private_journey(tok: Token, source: Sequence[Actor]) -> bool:
    """``tok`` ("visited") is done by a crowd of private people: its subject is a plural
    common noun ("tourists", "pilgrims from Indonesia", "students") and none of its doers
    speaks for a state, a party or an organisation (``envoys``; a sector of the state):
    sightseeing or a pilgrimage, not a state visit (CAMEO 042).  "US lawmakers visited
    Taipei" and "the mayor visited Kyiv" stay visits."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].tag_ != "NNS":
        return False
    if any(c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in c.children)
           for c in tok.children):  # fmt: skip
        return False  # "farmers visited Brussels to lobby the commission": an errand
    if not source or any(a.org or a.sector in ENVOY_SECTORS for a in source):
        return False
    return all(a.sector is not None for a in source)


def courtesy(tok: Token, actors: Collection[int]) -> bool:
    """``tok`` ("welcomed", "received") has as object a plural noun of people that names
    no party (no actor in it): "the mayor welcomed guests at the opening", "the museum
    received thousands of visitors" (a courtesy, no meeting of parties); not "welcomed
    the Nigerian president", "received an Israeli delegation", "hosted the talks"."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].tag_ != "NNS":
        return False
    obj = objects[0]
    if obj.lemma_.lower() in CONSULTING_NOUNS:
        return False  # "hosted talks"
    return not any(t.i in actors for t in obj.subtree)


def natural_doer(tok: Token, hazards: frozenset[str]) -> bool:
    """The verb's doer is a natural hazard ("floods destroyed hundreds of homes", "the
    tsunami that killed thousands", "the typhoon battered the coast"): harm done by
    nature is news, and no party's act (a fire that someone set is coded on the
    setting: "set fire to the church")."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lower_ in RELATIVES and tok.dep_ == "relcl":
        subj = tok.head  # "the tsunami that killed": the noun the clause tells of
    return subj.lemma_.lower() in hazards


# harm verbs a mishap does: an act of force told with a vehicle or a mishap may be one
MISHAP_HARM = frozenset({"kill", "injure", "wound", "hurt", "hit", "strike", "run", "knock",
                         "slam", "smash", "crash", "drag", "crush", "maim", "damage",
                         "destroy", "drown", "burn"})  # fmt: skip
# relative pronouns that stand for the noun their clause is on ("the driver who hit")
RELATIVE_DOERS = frozenset({"that", "which", "who"})
# verbs of running into something
CONTACT = frozenset({"hit", "strike", "slam", "smash", "crash", "ram"})
# mishap nouns that are also gunfire ("came under fire"): a blaze only when told as one
BLAZES = frozenset({"fire", "blaze"})


def accident(tok: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """The harm the verb ``tok`` tells is a mishap, no party's act (ECB_EVENTS.md: a
    driver's crash is no event): its doer is a road or rail vehicle or its driver ("a van
    hit a cyclist", "killed by a motorist", "the driver who struck her"), or a mishap ("a
    crash killed four", "injured in the fire"); it is told as a mishap's outcome ("the jet
    crashed, killing 60"), or it runs into or with a vehicle ("hit two parked cars",
    "struck him with his car").  Not when the sentence says it was meant ("rammed his
    truck into the crowd", "deliberately ran them over")."""
    if tok.lemma_.lower() not in MISHAP_HARM:
        return False
    vehicles = words.get("vehicle_nouns", frozenset())
    makes = words.get("vehicle_makes", frozenset())
    mishaps = words.get("accident_nouns", frozenset())
    if any(t.lower_ in words.get("deliberate_marks", frozenset()) for t in tok.sent):
        return False
    verb = tok
    while verb.dep_ in ("conj", "advcl", "xcomp") and not _doers(verb):
        if verb.head.lemma_.lower() in words.get("mishap_verbs", frozenset()):
            return True  # "crashed near the airport, killing 60"
        verb = verb.head  # "gunned the engine and struck her": the first verb's doer
    for doer in _doers(verb) or _shared_doers(verb):
        if doer.lower_ in RELATIVE_DOERS and verb.dep_ == "relcl":
            doer = verb.head  # "the driver who killed a woman"
        if _mishap_doer(doer, vehicles, makes, mishaps):
            return True
    if not _doers(verb) and _accident_clause(verb, vehicles, makes, mishaps):
        return True  # "was killed when a speeding motorist struck him"
    if not (_doers(tok) or _shared_doers(tok)) and _struck_on_foot(tok, words):
        return True  # "was crossing the road when she was struck"
    outcome = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "with")
               for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    if any(
        p.lemma_.lower() in mishaps and _told_mishap(p) for p in outcome if p.head.lower_ == "in"
    ):
        return True  # "were hurt in the crash"
    if any(_vehicle(p, vehicles, makes) for p in outcome if p.head.lower_ == "with"):
        return True  # "struck the boy with his car"
    # "he hit two parked cars": one person's running into vehicles (a party's men or an
    # armed group hitting vehicles attack them)
    return (
        tok.lemma_.lower() in CONTACT
        and any(c.dep_ == "dobj" and c.lemma_.lower() in vehicles for c in tok.children)
        and any(d.lower_ in ("he", "she") or d.ent_type_ == "PERSON" for d in _doers(verb))
    )


# words of a clause that tells when or how the harm came about
WHEN_MARKS = frozenset({"when", "as", "after"})


def _vehicle(noun: Token, vehicles: frozenset[str], makes: frozenset[str]) -> bool:
    """``noun`` names a road vehicle or its driver: by its kind ("a van", "a motorist"),
    by its make and model ("a Toyota Camry", "a Ford": a make said as the noun or as a
    word compounded on it), or by a bare model year standing for it ("struck by a 2015":
    no party is a year)."""
    if noun.lemma_.lower() in vehicles or noun.lower_ in makes:
        return True
    if any(c.dep_ == "compound" and c.lower_ in makes for c in noun.children):
        return True
    if any(c.dep_ == "appos" and _vehicle(c, vehicles, makes) for c in noun.children):
        return True  # "a grey, a Toyota Camry" as the parser may split the make off
    return noun.tag_ == "CD" and len(noun.text) == 4 and noun.text[:2] in ("19", "20")


# prepositions that say where a scene was recorded ("captured on video", "in a photo")
RECORDED_IN = frozenset({"on", "in", "by"})


def recorded(tok: Token, recordings: frozenset[str]) -> bool:
    """A seizing verb told of a recording ("was captured on video", "captured in a
    surveillance tape", "captured by a security camera"): the scene was filmed, no one
    was seized."""
    return any(
        c.dep_ in ("prep", "agent") and c.lower_ in RECORDED_IN
        and any(o.dep_ == "pobj" and o.lemma_.lower() in recordings for o in c.children)
        for c in tok.children
    )  # fmt: skip


def arrival(tok: Token, phrasals: frozenset[str]) -> bool:
    """``tok`` is a phrasal verb of arriving, with no object and its particle or
    preposition right after it ("checked into a clinic", "pulled up to the gate", "showed
    up in court"): one's own coming somewhere, no act on a party."""
    if any(c.dep_ == "dobj" for c in tok.children):
        return False  # "pulled survivors from the rubble in Turkey": a thing moved
    lemma = tok.lemma_.lower()
    return any(
        c.dep_ in ("prt", "prep") and c.i == tok.i + 1 and f"{lemma} {c.lower_}" in phrasals
        for c in tok.children
    )


# the PLOVER types a game's dealings may be told in: signing, releasing, asking for,
# meeting or backing a player (force, arrests, charges and sentences stay acts)
GAME_TYPES = frozenset({"SUPPORT", "AGREE", "RETREAT", "REQUEST", "CONSULT", "AID",
                        "COOPERATE", "REJECT"})  # fmt: skip
# the sectors of a state: a state's act on a player is still a state's act
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# arguments of a verb: its subject, object, passive subject, objects of its prepositions
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})


def sports_dealing(tok: Token, type_: str, roles: Roles, sports: frozenset[str]) -> bool:
    """A cooperative or verbal act whose party is a player named by his place in a game
    ("Chelsea signed the Brazilian winger", "released the veteran forward", "asked to
    interview the quarterback"), with no state among its doers: a team's business,
    sports news (ECB_EVENTS.md: sports news holds no PLOVER event).  "Police released
    the striker" (a state's doer) and force, arrests, charges stay acts."""
    if type_ not in GAME_TYPES or not sports:
        return False
    args = [c for c in tok.children if c.dep_ in ARGUMENT_DEPS]
    args += [o for c in tok.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    args += [o for c in tok.children if c.dep_ == "xcomp" for o in c.children
             if o.dep_ == "dobj"]  # fmt: skip
    # the role may stand as a title before a name: "released veteran forward Dan Ortiz"
    titles = [c for a in args for c in a.children if c.dep_ in ("compound", "appos")]
    if not any(a.lemma_.lower() in sports for a in args + titles):
        return False
    return not any(a.sector in STATE_SECTORS for a in roles.subject(tok))


def hazard_warning(tok: Token, type_: str, hazards: frozenset[str]) -> bool:
    """A warning of a natural hazard ("warned of more aftershocks", "warned about
    flooding"): a forecast of nature, no threat of a party's act."""
    return type_ == "THREATEN" and any(
        c.dep_ == "prep" and c.lower_ in ("of", "about")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in hazards for o in c.children)
        for c in tok.children
    )  # fmt: skip


def _struck_on_foot(tok: Token, words: Mapping[str, frozenset[str]]) -> bool:
    """Someone "was struck" or "was hit", by no one named, as the end of a walk: in a
    "when" clause on a verb of walking ("was crossing the road when she was struck"), or
    struck on a walkway ("was struck in the crosswalk").  The walk is the scene and the
    blow cuts it short, as reports of road accidents tell them; an attack names its doer
    or weapon ("struck by a rubber bullet", "struck with a club"), and a blow told first
    ("was struck in the head as she walked") is left to the other tests."""
    if tok.lemma_.lower() not in CONTACT or not Roles.is_passive(tok):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return False  # "struck with a club": a weapon named
    on_foot = words.get("on_foot_words", frozenset())
    if tok.dep_ == "advcl" and tok.head.lemma_.lower() in on_foot:
        return any(m.lower_ in WHEN_MARKS for m in tok.children if m.dep_ in ("advmod", "mark"))
    return any(
        c.dep_ == "prep"
        and any(o.dep_ == "pobj" and o.lemma_.lower() in on_foot for o in c.children)
        for c in tok.children
    )


def _shared_doers(verb: Token) -> list[Token]:
    """The doers of a verb told with none of its own, that it shares with the verbs
    conjoined to it: "was struck and killed by a motorist" (the agent stands on the
    last verb, and is the doer of both)."""
    return [d for c in verb.children if c.dep_ == "conj" for d in _doers(c)]


def _mishap_doer(
    doer: Token, vehicles: frozenset[str], makes: frozenset[str], mishaps: frozenset[str]
) -> bool:
    """The doer of a harm is a road vehicle or its driver (``_vehicle``) or a mishap told as
    one ("a crash killed four")."""
    return _vehicle(doer, vehicles, makes) or (
        doer.lemma_.lower() in mishaps and _told_mishap(doer)
    )


def _accident_clause(
    verb: Token, vehicles: frozenset[str], makes: frozenset[str], mishaps: frozenset[str]
) -> bool:
    """Harm told with no doer, whose "when" ("as", "after") clause tells a vehicle's or a
    mishap's harm: "the boy was killed when a truck struck him", "she died after a car
    hit her" (the clause says how the harm came; no party's act is told)."""
    return any(
        c.dep_ == "advcl"
        and c.lemma_.lower() in MISHAP_HARM
        and any(m.lower_ in WHEN_MARKS for m in c.children if m.dep_ in ("advmod", "mark"))
        and any(_mishap_doer(d, vehicles, makes, mishaps) for d in _doers(c) or _shared_doers(c))
        for c in verb.children
    )


def _doers(verb: Token) -> list[Token]:
    """The subject of an active verb, the "by" agent of a passive one."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return subjects or agents


def _told_mishap(noun: Token) -> bool:
    """A mishap noun told as one.  "Fire" and "blaze" are a blaze only with an article and
    no owner ("a fire destroyed", "hurt in the fire"); bare or owned they are gunfire
    ("came under fire", "Israeli fire", "mortar fire", "their fire")."""
    if noun.lemma_.lower() not in BLAZES:
        return True
    kids = list(noun.children)
    owned = any(
        c.dep_ in ("poss", "compound") or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))
        for c in kids
    )
    return not owned and any(c.dep_ == "det" for c in kids)


# prepositions whose object is an act someone is put or kept in ("taken into custody",
# "held in detention", "is under investigation")
KEPT_IN = frozenset({"in", "into", "under"})
# verbs whose subject undergoes their object ("faces charges", "suffered an attack")
UNDERGOING_VERBS = frozenset({"face", "suffer", "undergo"})


def told_done(tok: Token, occurring: frozenset[str], light: frozenset[str]) -> bool:
    """A noun act told as done, or as undergone by the subject of its verb, so that it
    is news with no party named: "an inquiry was opened", "arrests made after the
    raid", "both men face charges", "was taken into custody", "the crash is under
    investigation".  Not the act's own course ("the shelling resumed": ``occurring``
    verbs), an act called off or dropped, nor one told of ("the film depicts the
    bombing", "dismissed the charges")."""
    head = tok.head
    if tok.dep_ == "pobj":  # "into custody", "under investigation"
        return head.lower_ in KEPT_IN and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX")
    if tok.dep_ == "nsubjpass":  # "an inquiry was opened" (by someone: a verb of doing)
        return passive_act(tok, light) is not None
    if tok.dep_ == "dobj":  # "face charges", "made arrests"; not "depicts the bombing"
        lemma = head.lemma_.lower()
        return lemma in UNDERGOING_VERBS or (lemma in light and lemma not in occurring)
    # a headline's participle: "arrests made after the robbery"
    return any(c.dep_ == "acl" and c.tag_ == "VBN" for c in tok.children)


def against_nature(tok: Token, hazards: frozenset[str]) -> bool:
    """Force aimed at a natural hazard, not a party ("firefighters attacked the blaze",
    "crews battled the flames"): the work of putting it out.  Not "fire", which is
    also gunfire ("troops returned fire")."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lemma_.lower() in hazards for o in objects)


def mishap_harm(tok: Token, mishaps: frozenset[str]) -> bool:
    """Harm told in the passive with no party for its doer, in a sentence that tells a
    disaster or an accident ("a woman was injured when a wall collapsed in the storm",
    "two men were killed in a crash", "homes were destroyed by the flood"): nature's or
    a mishap's harm, no one's act.  A doer named ("was shot by a neighbour") or an act
    of force named beside it keeps it (``Coder`` codes those)."""
    if not Roles.is_passive(tok):
        return False
    by = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if by:
        return all(o.lemma_.lower() in mishaps for o in by)
    return any(t.lemma_.lower() in mishaps for t in tok.sent)
