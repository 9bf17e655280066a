"""The type conventions applied to a drafted act once its parties and mood are read.

``convention`` codes one act (ANNOTATION.md): a deployment to keep a peace or to help
is AID, joint exercises of allies COOPERATE, an order that shuts down or drives out
civilians a COERCE, a warning against an act addressed to no one a REQUEST, a state's
official protest an ACCUSE; then its reality: a decision taken is done, an act "set to"
come is announced, an act told as the cause of an effect is not promised, and an
announced or intended act is coded as PLOVER codes intentions (``modality.announced``).
The words it tests are data (``triggers.yaml``, ``words:``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..records import Actor
from .implied import denied, peacekeeping
from .lexicon import PLOVER_TYPES, Lexicon, Trigger
from .modality import Modality, announced, announced_with_would, would_do

if TYPE_CHECKING:
    from spacy.tokens import Token

Words = Mapping[str, frozenset[str]]

# verbal cooperation that, intended or announced, is a promise (AGREE)
INTENT_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
# yielding acts a decision takes ("has decided to lift the sanctions"): done, not promised
DECIDED_TYPES = frozenset({"RETREAT", "CONCEDE"})
# purposes that make a deployment help (CAMEO 074): "sent troops to help", "to protect
# civilians"; "to keep the peace", "to monitor the ceasefire"
PURPOSES = frozenset({"advcl", "xcomp"})
# sectors of a state: an order to them is a demand, not a coercion (``enforced``)
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# sectors of civilians: what they block is a protest (``civilian``)
CIVILIAN_SECTORS = frozenset({"CVL", "OPP", "LAB", "AGR", "EDU", "JRN", "REL", "REF", "SOC"})
# verbs and nouns of blocking ("blocked access", "a blockade of the port")
BLOCKING = frozenset({"block", "blockade", "barricade", "obstruct"})
# what an order makes those under it do (a word list) -> its CAMEO code: shut down (172
# restrictions), leave (174 expulsion), disperse (170)
ENFORCED = (("ordered_closures", "172"), ("ordered_departures", "174"),
            ("ordered_dispersals", "170"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Convention:
    """How an act is coded once the conventions are applied."""

    type: str
    cameo: str
    mode: str | None
    negated: bool
    hypothetical: bool


def _w(words: Words, name: str) -> frozenset[str]:
    return words.get(name, frozenset())


def convention(
    tok: Token,
    trigger: Trigger,
    kind: str,
    mood: Modality,
    source: Sequence[Actor],
    target: Sequence[Actor],
    conditioned: bool,
    reported: bool,
    lexicon: Lexicon,
) -> Convention:
    """The type, CAMEO code, mode and flags of the act of ``trigger`` on ``tok``, with
    its parties ``source`` and ``target`` and its ``mood``; ``conditioned``: an
    "unless" clause makes it hang on another side's act."""
    words = lexicon.words
    if trigger.type == "ACCUSE" and kind == "noun" and denied(tok):
        mood = replace(mood, negated=False, refused=False)  # denied, but made
    if trigger.refused:  # "will not accept the results": the refusal, said now, is the act
        mood = replace(
            mood, negated=False, refused=False, hypothetical=False, intended=False, future=False
        )
    type_, cameo, mode = retyped(tok, trigger, kind, source, target, lexicon)
    mood = _reality(tok, type_, mood, words)
    negated, hypothetical = mood.negated, mood.hypothetical
    if kind == "pred" and PLOVER_TYPES[type_] == 3:
        hypothetical = False  # the evaluation is made now, whatever it evaluates
    elif (
        type_ in INTENT_TYPES
        and not mood.negated
        and (mood.intended or would_do(tok))
        and not causing(tok, words)
    ):
        cameo = lexicon.future_agree.get(cameo) or lexicon.future_agree.get(type_, "030")
        type_, mode = "AGREE", None
    else:
        threat = mood.hypothetical and not reported and announced_with_would(tok)
        coded = announced(type_, cameo, mood, threat, conditioned, trigger.lemma, mode)
        type_, cameo, negated, hypothetical = (
            coded.type, coded.cameo, coded.negated, coded.hypothetical
        )  # fmt: skip
        if coded.retyped:
            mode = lexicon.cameo[cameo].mode if cameo in lexicon.cameo else None
    return Convention(type_, cameo, mode, negated, hypothetical)


def retyped(
    tok: Token,
    trigger: Trigger,
    kind: str,
    source: Sequence[Actor],
    target: Sequence[Actor],
    lexicon: Lexicon,
) -> tuple[str, str, str | None]:
    """The type, CAMEO code and mode of the act, by the conventions of ANNOTATION.md
    that retype a trigger's act from what the sentence says of it."""
    words, table = lexicon.words, lexicon.cameo
    type_, lemma = trigger.type, trigger.lemma
    if type_ == "MOBILIZE" and aiding(tok, words, abroad(source, target)):
        return "AID", "074", table["074"].mode  # peacekeepers sent, troops sent on request
    if type_ == "MOBILIZE" and lemma in _w(words, "exercise_nouns") and joint(source):
        # "Germany, Italy and the US took part in war games": joint exercises between
        # allies are COOPERATE (ANNOTATION.md), a show of force by one is MOBILIZE
        return "COOPERATE", "062", table["062"].mode
    if type_ == "REQUEST" and lemma in _w(words, "order_verbs"):
        code = enforced(tok, target, words)
        if code:
            # "ordered the broadcasters to go off the air", "ordered residents to
            # leave": an order that shuts down or drives out those under it is a
            # restriction or an expulsion (COERCE 172, 174), not a demand
            return "COERCE", code, table[code].mode
    if type_ == "THREATEN" and kind == "verb" and cautions(tok, words):
        # "the minister warned against any escalation": a call not to, addressed to no
        # one and with no consequence named, is an appeal (REQUEST), not a threat
        return "REQUEST", "100", table["100"].mode
    if type_ == "COERCE" and lemma in BLOCKING and civilian(source):
        # "miners blocked access to the mine": a blockade by civilians is PROTEST
        # (obstruct, CAMEO 144; ANNOTATION.md); by a state or its forces it is COERCE
        return "PROTEST", "144", table["144"].mode
    if type_ == "PROTEST" and lemma == "protest" and official(tok, source):
        # "China protested against the policy": a state complains officially (CAMEO
        # 114, ACCUSE); PROTEST is demonstrations by civilians (ANNOTATION.md)
        return "ACCUSE", "114", table["114"].mode
    if (
        type_ == "REQUEST"
        and lemma in _w(words, "order_verbs")
        and judicial(source)
        and served(tok)
    ):
        # "the court ordered him to serve six months": a term a court imposes is a sentence
        # (SANCTION, convict; ECB_EVENTS.md), not a demand
        return "SANCTION", "160", table["160"].mode
    if type_ == "COERCE" and lemma in PENALTIES and judicial(source):
        # "a Minsk court jailed the editor": a prison term a court hands down is a sentence
        # (SANCTION, convict; ANNOTATION.md), a jailing by police or a state a detention
        return "SANCTION", "160", table["160"].mode
    return type_, trigger.cameo, trigger.mode


# what a court orders one to do when it hands down a sentence: a term to serve ("to
# serve six months", "to spend a year in prison"; not "to pay compensation", a civil award)
SERVED = frozenset({"serve", "spend"})
# penalties that are sentences when a court imposes them (a court's fine is left COERCE
# 172, as the conf11 probe has it)
PENALTIES = frozenset({"jail", "imprison"})


def served(tok: Token) -> bool:
    """The order's infinitive is a term to serve ("ordered him to serve six months")."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in SERVED for c in tok.children)


def judicial(source: Sequence[Actor]) -> bool:
    """Every doer is a court or a judge (sector JUD)."""
    return bool(source) and all(a.sector == "JUD" for a in source)


def _reality(tok: Token, type_: str, mood: Modality, words: Words) -> Modality:
    """The act's mood, once what the sentence says of its coming is read."""
    if mood.intended and not mood.negated and type_ in DECIDED_TYPES and decided(tok, words):
        # "has decided to lift the ban": a decision taken is the act (ANNOTATION.md
        # keeps AGREE for promises and stated intents: "agreed to", "will release")
        return replace(mood, intended=False, future=False)
    if not mood.negated and scheduled(tok, words):  # "is set to release": to come
        return replace(mood, intended=True, future=True)
    if causing(tok, words):  # "the visit will boost trade": the future is the effect's
        possible = _w(words, "hypothetical_modifiers")
        flagged = any(c.dep_ == "amod" and c.lemma_.lower() in possible for c in tok.children)
        return replace(mood, intended=False, future=False, hypothetical=flagged)
    return mood


def official(tok: Token, source: Sequence[Actor]) -> bool:
    """The doers of ``tok`` are a state: its government, or the country named as such
    ("China protested"; not "Serbians", "Serbian students")."""
    if not source or any(a.sector not in (None, "GOV") or a.org for a in source):
        return False
    named = any(c.dep_ == "nsubj" and c.ent_type_ == "GPE" for c in tok.children)
    return named or all(a.sector == "GOV" for a in source)


def civilian(source: Sequence[Actor]) -> bool:
    """Every actor is a civilian group: people, workers, farmers, students, opposition
    supporters, clergy (not a state, its forces, an armed group or an organisation)."""
    return bool(source) and all(a.sector in CIVILIAN_SECTORS and not a.org for a in source)


def joint(source: Sequence[Actor]) -> bool:
    """Actors of two or more states or organisations act together."""
    return len({a.country or a.code for a in source if a.country or a.code}) >= 2


def cautions(tok: Token, words: Words) -> bool:
    """``tok`` warns against an act, addressed to no one: "warned against any
    escalation", "cautioned against haste" (not "warned Finland against joining",
    "warned that it would retaliate")."""
    if tok.lemma_.lower() not in _w(words, "cautioning_verbs"):
        return False
    if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in tok.children):
        return False
    consequence = _w(words, "consequence_words")
    if any(t.lower_ in consequence for t in tok.subtree):
        return False  # "warned against it, saying it would respond with force": a threat
    return any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children)


def enforced(tok: Token, ordered: Sequence[Actor], words: Words) -> str | None:
    """The CAMEO code of an order that shuts down or drives out those it is given to
    (``ENFORCED``), when they are no state ("ordered broadcasters to halt
    transmissions", "ordered the residents to leave"; not "ordered Ukraine to
    withdraw": a demand to a state)."""
    if any(a.org or a.sector in STATE_SECTORS for a in ordered):
        return None
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if (
        not objects
        or objects[0].pos_ != "NOUN"
        or objects[0].lemma_.lower() in _w(words, "state_nouns")
    ):
        return None  # "ordered Ukraine", "ordered the government", "ordered its troops"
    for verb in tok.children:
        if verb.dep_ == "xcomp" and verb.pos_ == "VERB":
            lemma = verb.lemma_.lower()
            for name, code in ENFORCED:
                if lemma in _w(words, name):
                    return code
    return None


def aiding(tok: Token, words: Words, crossing: bool = True) -> bool:
    """A deployment that provides protection or peacekeeping (CAMEO 074, AID), read
    from the whole clause, not from the verb: one made for a peace mission ("as part of
    the UN force", "under an AU mandate", "on a stabilisation mission"), with the
    consent of those it goes to ("at the request of", "at the invitation of"), or
    whose purpose is to help a party ("to help", "to bolster the government", "in
    support of the president").  Anything else (to a border, against an enemy, on
    alert, as a warning) stays a show of force (MOBILIZE, ANNOTATION.md).  A mandate or
    a consent makes help only of a deployment into another party's territory
    (``crossing``): a governor sending the guard to a city at its mayor's request
    deploys a force at home."""
    return (
        peacekeeping(tok, _w(words, "peace_missions"))
        or (crossing and (mandated(tok, words) or consented(tok, words)))
        or helping(tok, words)
    )


def abroad(source: Sequence[Actor], target: Sequence[Actor]) -> bool:
    """The act goes from its doers' country into another's, or the sentence does not
    tell (not "the governor sent the guard to Minneapolis": all its recipients are of
    the doers' own country)."""
    home = {a.country or a.code for a in source if a.country or a.code}
    there = {a.country or a.code for a in target if a.country or a.code}
    return not (home and there and there <= home)


def deployment_clause(tok: Token) -> list[Token]:
    """The words of the clause that tells the deployment of ``tok``: the verb's own
    phrases (objects, prepositions, purposes), or for an event noun those of the verb
    that governs it too; never a conjoined or reported clause, nor a finite clause with
    its own subject ("after rebels attacked the town")."""
    holders = [tok]
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "pobj", "nsubj"):
        holders.append(tok.head if tok.dep_ != "pobj" else tok.head.head)
    out: dict[int, Token] = {}
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("conj", "cc", "ccomp", "parataxis", "csubj", "punct"):
                continue
            if child.dep_ == "advcl" and any(c.dep_.startswith("nsubj") for c in child.children):
                continue
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != tok.i:
                continue
            for t in child.subtree:
                out[t.i] = t
    return [out[i] for i in sorted(out)]


def mandated(tok: Token, words: Words) -> bool:
    """The deployment serves a mission or mandate of peace, relief or stabilisation: a
    mission or mandate named in its clause ("under a UN mandate", "as part of the
    African Union mission", "on a relief mission"), a peace it carries out ("as part of
    the peace accord"), or a force of a body of states ("as part of the AU force"); not
    a combat mission ("on a combat mission")."""
    missions, forces = _w(words, "mission_nouns"), _w(words, "force_nouns")
    peace = _w(words, "peace_nouns")
    combat = _w(words, "combat_words") | _w(words, "fighting_verbs")
    for t in deployment_clause(tok):
        lemma = t.lemma_.lower()
        if t.pos_ not in ("NOUN", "PROPN") or lemma not in missions | forces | peace:
            continue
        if {w.lemma_.lower() for w in t.subtree} & combat:
            continue  # "on a combat mission", "a mission to fight the rebels"
        if lemma in missions or (lemma in peace and _terms_of(t)):
            return True  # "under the mandate", "as part of the peace accord"
        if lemma in forces and any(
            c.dep_ in ("compound", "amod", "poss") and c.ent_type_ == "ORG" for c in t.children
        ):
            return True  # "as part of the African Union force"
    return False


def _terms_of(noun: Token) -> bool:
    """``noun`` is named as what a deployment carries out: "under the accord", "as part
    of the ceasefire deal" (not "in violation of the truce")."""
    prep = noun.head
    if noun.dep_ != "pobj":
        return False
    if prep.lower_ == "under":
        return True
    return prep.lower_ == "of" and prep.head.lower_ == "part"


def consented(tok: Token, words: Words) -> bool:
    """The deployment is made with the consent of those it goes to: a phrase of request,
    invitation or consent on it ("at the request of Bamako", "at the government's
    invitation", "with the consent of Iraq")."""
    consent = _w(words, "consent_nouns")
    return any(
        t.dep_ == "pobj"
        and t.lemma_.lower() in consent
        and t.head.lower_ in ("at", "on", "upon", "with", "following", "after")
        for t in deployment_clause(tok)
    )


def helping(tok: Token, words: Words) -> bool:
    """A deployment whose purpose is to help, protect or rescue people, or to keep a
    peace: "sent soldiers to help rebuild", "deployed police to protect the villages",
    "the deployment of observers to oversee the truce" (ANNOTATION.md: material
    help, CAMEO 074, not a show of force); not a rescue of hostages from captors, a
    military operation ("deployed troops to rescue the hostages")."""
    holders = [tok]
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "pobj"):
        holders.append(tok.head if tok.dep_ != "pobj" else tok.head.head)
    clauses = [c for h in holders for c in h.children if c.dep_ in PURPOSES]
    clauses += [t for t in tok.subtree if t.dep_ in ("acl", "relcl") and t.i > tok.i]
    if any(_helps(c, words) for c in clauses):
        return True
    # "in support of the elected government": a help named by a noun
    return any(
        t.dep_ == "pobj" and t.lemma_.lower() == "support" and t.head.lower_ == "in"
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        for t in deployment_clause(tok)
    )  # fmt: skip


def _helps(verb: Token, words: Words) -> bool:
    """An infinitive of help ("to help", "to protect civilians", "to monitor the
    ceasefire")."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    objects = {o.lemma_.lower() for o in verb.children if o.dep_ == "dobj"}
    said = {t.lemma_.lower() for t in verb.subtree}
    if said & (_w(words, "frontier_nouns") | _w(words, "fighting_verbs")) and not _fights_disaster(
        verb, words
    ):
        return False  # "to protect its border", "to help the army fight the rebels"
    if lemma in _w(words, "helping_verbs"):
        return not objects & _w(words, "captive_nouns")
    if lemma in _w(words, "fighting_verbs"):
        return _fights_disaster(verb, words)  # "sent soldiers to battle the wildfires"
    if lemma in _w(words, "backing_verbs"):
        # "to bolster the government", "to support the president" (not "to bolster its
        # defences"): backing given to a party, not to the deployer's own force
        return any(o.dep_ == "dobj" and _party(o, words) for o in verb.children)
    return lemma in _w(words, "keeping_verbs") and bool(objects & _w(words, "peace_nouns"))


def _fights_disaster(verb: Token, words: Words) -> bool:
    """The only fighting in the purpose is against a disaster, not a party ("to help fight
    the cholera outbreak", "to battle the wildfires"): help, not a use of force."""
    fighting = [t for t in verb.subtree if t.lemma_.lower() in _w(words, "fighting_verbs")]
    if not fighting or _w(words, "frontier_nouns") & {t.lemma_.lower() for t in verb.subtree}:
        return False
    return all(
        (objs := [o for o in t.children if o.dep_ in ("dobj", "pobj", "obj")])
        and all(o.lemma_.lower() in _w(words, "disaster_nouns") for o in objs)
        for t in fighting
    )


def _party(tok: Token, words: Words) -> bool:
    """``tok`` names a party that can be helped: a named state, body or person, or a
    noun of a state or people, not the helper's own ("its forces")."""
    if any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in tok.children
    ):
        return False
    if tok.ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
        return True
    return tok.lemma_.lower() in _w(words, "state_nouns") | _w(words, "helped_nouns")


def causing(tok: Token, words: Words) -> bool:
    """An event noun told as the cause of what its verb says will follow ("the
    premier's visit will boost trade"): the verb's future is the effect's, not the
    act's; unless the verb tells the act's own course ("the visit will take place")."""
    verb = tok.head
    return (
        tok.dep_ == "nsubj"
        and tok.pos_ in ("NOUN", "PROPN")
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in _w(words, "occurring_verbs")
    )


def scheduled(tok: Token, words: Words) -> bool:
    """``tok`` is an act said to be set to come: the infinitive of "is set to", "is
    poised to", "is scheduled to", "is due to", "is about to", "is to" ("Eritrea is set
    to release the fishermen": an announced act, AGREE for a yield, THREATEN for force)."""
    if tok.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head
    lemma = head.lemma_.lower()
    if lemma == "be":
        return head.dep_ == "ROOT" and not any(c.dep_ in ("acomp", "attr") for c in head.children)
    being = _w(words, "being_forms")
    if lemma not in _w(words, "scheduling_words"):
        return False
    if head.dep_ == "acomp" and head.head.lower_ in being:
        return True  # "ministers are due to meet": "due" parsed as the copula's complement
    return any(c.lower_ in being for c in head.children)


def decided(tok: Token, words: Words) -> bool:
    """``tok`` is an act its doer has decided on, the decision taken and in force: the
    complement (or a participle that spells it out) of "has decided", "have decided";
    not of "will decide", "may decide", "has not decided" ("Japan has decided to lift
    the ban", "have decided to free the prisoners, releasing the sick first")."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("xcomp", "advcl", "conj"):
            return False
        if head.lemma_.lower() in _w(words, "deciding_verbs") and head.pos_ in ("VERB", "AUX"):
            return head.tag_ == "VBN" and _perfect(head, words)
        cur = head
    return False


def _perfect(verb: Token, words: Words) -> bool:
    """``verb`` is in the present perfect, affirmative ("has decided", not "has not
    decided", "will have decided", "may have decided")."""
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    negated = any(c.dep_ == "neg" for c in verb.children)
    taken = _w(words, "taken_aux")
    return bool(aux) and all(a in taken for a in aux) and not negated
