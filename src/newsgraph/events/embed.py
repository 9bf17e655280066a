"""One event inside another: "threatened to attack", "agreed to hold talks",
"rejected Spain's request".

A trigger in the complement of another trigger ("to attack", "that the US
extradite", "calls for a ceasefire") is part of that event, not an event of its
own: it is folded into its governor.  When the governor only expresses intent
(agree, promise, vow, offer, ready), the folded act decides its type, as PLOVER
codes intentions: promising to cooperate, meet, support, aid or yield (release,
withdraw, lift) is AGREE, vowing force is THREATEN.
A verbal act that a call or visit is made for ("called Erdogan to apologize") is done
in it: it stays an event, by the caller to the called.
An event noun with its own actor ("Turkish shelling") stays an event.  A request,
offer or threat that the governor answers ("Algeria declined Spain's request") is the
answer's topic, an earlier act the sentence does not date: it is folded, and its actor
is the answer's recipient.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Actor, Place
from .lexicon import Lexicon, Trigger
from .modality import YIELD_CODES, by_prefix
from .roles import in_words

if TYPE_CHECKING:
    from spacy.tokens import Token

# prepositions that place a participle's act in time or circumstance ("arrested during a raid")
ACT_PREPS = frozenset({"during", "on", "after", "in", "at", "near", "since", "amid", "while"})
# acts done to people that a participle on them tells as news ("reporters jailed on Monday")
PEOPLE_ACTS = frozenset({"COERCE"})
COMPLEMENTS = frozenset({"xcomp", "ccomp", "acl", "acomp"})
COMPLEMENT_PREPS = frozenset({"of", "for", "to", "from"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
THREAT_INTENT = frozenset({"vow", "pledge", "promise", "swear", "warn"})
# readiness for force is announced force too ("said it was ready to use force",
# "is prepared to fight"): a THREATEN, as a vow is (ANNOTATION.md)
READY = frozenset({"ready", "prepared", "willing", "determined", "readiness", "willingness"})
YIELDING = frozenset({"RETREAT", "CONCEDE"})
PUNISHING = frozenset({"ACCUSE", "COERCE", "SANCTION"})  # blame, arrest, sentence one for
ANSWERING = frozenset({"respond", "react", "reply"})  # "vowed to respond (forcefully)"
FORCEFULLY = frozenset({"forcefully", "strongly", "firmly", "harshly", "decisively", "militarily",
                        "swiftly", "robustly", "severely", "resolutely", "forcibly", "fiercely"})  # fmt: skip
HOSTILE_WORDS = frozenset({"attack", "aggression", "strike", "provocation", "assault", "threat",
                           "violation", "incursion", "sanction", "killing", "bombing"})  # fmt: skip
RECKONING = frozenset({"accountable", "responsible"})  # "vowed to hold X accountable"
ANSWERS = frozenset({"REJECT", "CONCEDE", "AGREE"})
# welcoming a proposal answers it too, when the one who answers is named ("Merkel
# welcomed Trump's invitation to Putin"; not "Qatar's offer was welcomed"); backing
# one joins it, and the proposal stays news ("France backed Turkey's request")
WELCOMES = frozenset({"welcome", "hail"})
ADDRESSED = frozenset({"REQUEST", "AGREE"})
# proposals that a refusal or acceptance answers ("rejected Spain's request", "accepted
# the demands", "spurned offers of talks"): the answer is the news, the proposal its
# topic, an earlier act whose own date the sentence does not give (the dev set's train
# part codes the answer alone).  An accusation denied stays (``implied.denied``).
ANSWERED = frozenset({"REQUEST", "AGREE", "THREATEN"})
# verbal acts that a call or a visit is made for, done in it ("called Erdogan to
# apologize", "phoned Morrison to congratulate him", "visited Kabul to urge talks")
SAID_IN_MEETING = frozenset({"SUPPORT", "REQUEST", "ACCUSE", "AGREE", "REJECT", "THREATEN"})


@dataclass(slots=True)
class Draft:
    """An event being built for one trigger token."""

    tok: Token
    trigger: Trigger
    kind: str
    source: list[Actor]
    target: list[Actor]
    own: bool
    type: str
    cameo: str
    mode: str | None
    negated: bool
    hypothetical: bool
    reported: bool
    speaker: Actor | None
    location: Place | None = None
    folded: bool = False


def reduced_act(tok: Token) -> bool:
    """A past participle on the people it was done to, told with its own time or
    circumstance: "three activists detained last week", "students arrested during a
    raid": the act is news with an unknown doer (ANNOTATION.md); a bare participle
    ("the jailed activist", "a man convicted of murder") only describes them."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(
        c.dep_ in ("npadvmod", "advcl") or (c.dep_ == "prep" and c.lower_ in ACT_PREPS)
        for c in tok.children
    )


def governor(
    tok: Token, drafts: dict[int, Draft], light_verbs: frozenset[str], loose: bool = False
) -> tuple[Draft, str] | None:
    """The nearest trigger whose complement holds ``tok`` and the arc into it.

    ``loose`` also climbs through noun modifiers and the objects of any verb (for an
    event noun whose actor was borrowed from its clause: "agreed to set up a joint
    patrol corridor").
    """
    cur = tok
    for _ in range(6):
        head, dep = cur.head, cur.dep_
        if head.i == cur.i:
            return None
        if cur.i in drafts and drafts[cur.i].type in PEOPLE_ACTS and reduced_act(cur):
            return None  # "freed activists arrested last week": the arrest is an act of its own
        relation = dep
        if dep in ("pobj", "pcomp") and head.dep_ in ("prep", "dative") and head.head.i != head.i:
            if head.lower_ not in COMPLEMENT_PREPS:
                return None
            relation, head = head.lower_, head.head
        elif dep in ("dobj", "nsubjpass") and cur.pos_ not in ("VERB", "AUX"):
            if head.i not in drafts and not in_words(head, light_verbs) and not loose:
                return None
        elif dep == "conj":
            cur = head  # a conjunct shares its first conjunct's governor
            continue
        elif (
            dep not in COMPLEMENTS
            and not _purpose(cur)
            and not (
                loose and dep in ("compound", "amod", "nmod", "advcl") and not _own_clause(cur)
            )
        ):
            return None
        if head.i in drafts:
            return drafts[head.i], relation
        cur = head
    return None


def fold(drafts: dict[int, Draft], lexicon: Lexicon, light_verbs: frozenset[str]) -> None:
    """Fold complement events into their governors, in place (``folded`` marks them).

    An event noun with its own actor stays an event when it is what a free-standing
    trigger acts on ("slammed Turkish shelling", "declined Spain's request"); one
    that only gives a reason ("thanked them for their support"), repeats its
    governor ("hosted talks between A and B") or sits inside an embedded act
    ("threatened to suspend Tunisia's budget support") is folded.
    """
    links: dict[int, tuple[Draft, str]] = {}
    for i, draft in drafts.items():
        borrowed = draft.kind == "noun" and not draft.own
        found = governor(draft.tok, drafts, light_verbs, loose=borrowed)
        if found is not None:
            links[i] = found
    for i in sorted(links, key=lambda i: -_depth(drafts[i].tok)):
        inner, (outer, relation) = drafts[i], links[i]
        while outer.folded and outer.tok.i in links:
            outer = links[outer.tok.i][0]
        if (
            inner.kind == "noun"
            and inner.own
            and relation in ("dobj", "nsubjpass")
            and (outer.tok.i not in links and outer.type != inner.type)
        ):
            if inner.type in ADDRESSED and outer.type in ANSWERS and outer.source:
                inner.target = list(outer.source)  # a request is addressed to whoever answers it
            welcomed = (
                outer.tok.lemma_.lower() in WELCOMES and bool(outer.source) and relation == "dobj"
            )
            if not ((outer.type in ANSWERS or welcomed) and inner.type in ANSWERED):
                continue
            if not outer.target:  # the answer goes to whoever proposed
                outer.target = [a for a in inner.source if a not in outer.source]
        if (
            inner.kind == "noun"
            and inner.own
            and inner.source
            and relation in ("for", "of")
            and outer.type in PUNISHING
            and inner.type in HOSTILE
        ):
            # "blamed Syria for the attack": the attack is said to be Syria's; "arrested
            # two men for the killing of": the act punished is theirs, an event of its own
            continue
        if (
            relation in ("advcl", "xcomp")
            and outer.type == "CONSULT"
            and inner.type in SAID_IN_MEETING
            and outer.source
        ):
            # "called Erdogan to apologize": said in the call, by the caller to the called
            inner.source, inner.target = list(outer.source), list(outer.target or inner.target)
            inner.hypothetical = outer.hypothetical
            continue
        inner.folded = True
        if not outer.target:
            outer.target = [a for a in inner.target if a not in outer.source]
        if outer.type == "AGREE" and not outer.negated:
            _retype(outer, inner, lexicon)
    for draft in drafts.values():
        if draft.type == "AGREE" and not draft.negated and _vows_reckoning(draft.tok):
            # "vowed to hold Syria accountable", "pledged to bring the killers to justice":
            # an announced punishment, a THREATEN (ANNOTATION.md), not an intent to cooperate
            draft.type, draft.cameo, draft.mode = "THREATEN", "130", lexicon.cameo["130"].mode


def prune(drafts: list[Draft]) -> list[Draft]:
    """Drop an event that repeats another of the same type and actors with less:
    no recipient where the other names one ("met Hamas officials ... to discuss")."""
    out = []
    for d in drafts:
        if not d.target and any(
            o is not d and o.type == d.type and o.target and _same_actors(o.source, d.source)
            for o in drafts
        ):
            continue
        out.append(d)
    return out


def _same_actors(a: list[Actor], b: list[Actor]) -> bool:
    return {x.country or x.code for x in a} == {x.country or x.code for x in b}


def _retype(outer: Draft, inner: Draft, lexicon: Lexicon) -> None:
    """An intention takes its type from the act intended."""
    if inner.trigger.type in YIELDING:  # "agreed to release": an intent to yield (ANNOTATION.md)
        outer.cameo = by_prefix(YIELD_CODES, inner.cameo, "035")
    elif inner.type in HOSTILE and outer.tok.lemma_.lower() in THREAT_INTENT | READY:
        code = "138" if inner.type in ("ASSAULT", "MOBILIZE") else "130"
        outer.type, outer.cameo, outer.mode = "THREATEN", code, lexicon.cameo[code].mode
    elif inner.type in ("CONSULT", "SUPPORT", "COOPERATE", "AID"):
        outer.cameo = lexicon.future_agree.get(inner.cameo) or lexicon.future_agree.get(
            inner.type, "030"
        )


def _vows_reckoning(tok: Token) -> bool:
    """``tok`` vows (pledges, promises, swears) to hold someone accountable or
    responsible, or to bring them to justice."""
    if tok.lemma_.lower() not in THREAT_INTENT:
        return False
    for verb in tok.children:
        if verb.dep_ != "xcomp":
            continue
        lemma = verb.lemma_.lower()
        words = {w.lower_ for w in verb.subtree}
        if lemma == "hold" and words & RECKONING:
            return True
        if lemma == "bring" and "justice" in words:
            return True
        if lemma == "make" and any(c.lemma_.lower() == "pay" for c in verb.children):
            return True  # "vowed to make Syria pay"
        if lemma in ANSWERING and _answers_in_kind(verb):
            return True
    return False


def answers_in_kind(verb: Token) -> bool:
    """``verb`` (respond, retaliate...) answers in kind: forcefully, or to a hostile act,
    or with nothing said about what it answers."""
    return _answers_in_kind(verb)


def _answers_in_kind(verb: Token) -> bool:
    """ "vowed to respond", "to respond forcefully", "to respond to any attack": an
    answer in kind, not one to concerns or letters."""
    if any(c.dep_ == "advmod" and c.lower_ in FORCEFULLY for c in verb.children):
        return True
    objects = [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return not objects or any(o.lemma_.lower() in HOSTILE_WORDS for o in objects)


def _own_clause(tok: Token) -> bool:
    """A clause with a subject and a conjunction of its own ("as the militias started
    the killing", "after Hamas launched an offensive"): an act of its own, not a
    complement of the verb it hangs on."""
    return (
        tok.dep_ == "advcl"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and any(c.dep_ == "mark" for c in tok.children)
    )


def _purpose(tok: Token) -> bool:
    """An infinitival purpose clause: "sent troops to fight the cartels"."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth
