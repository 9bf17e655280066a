"""Demands said as obligations: "Russia says Israel must end its attacks"; and threats
said by not excluding force: "Israel did not rule out strikes on Iran", or by telling
another what it will suffer: "China said Manila would face consequences".

A speaker who says another party *must* do something demands it (ANNOTATION.md:
REQUEST by the speaker on that party), whatever the act is; the act itself is
not (yet) done, so it is folded into the demand rather than coded on its own.
The auxiliaries that carry the obligation are the lemmas of the lexicon's
``REQUEST`` entries whose part of speech is ``aux`` (``triggers.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.attrs import LEMMA, LOWER

from ..records import Actor
from .embed import Draft
from .lexicon import Lexicon, Trigger
from .modality import HOSTILE_ACTS, THREAT_CODES, by_prefix
from .phrases import dedupe
from .roles import Roles, without

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Speaker = Callable[["Token"], tuple[bool, Actor | None]]
PREDICATES = frozenset({"acomp", "attr"})  # "must be ready to mediate": the copula's predicate
# auxiliaries that oblige only with an act: "should be" says what is right, not what to do
JUDGING_ONLY = frozenset({"should"})
# verbs that oblige through an infinitive, as "must" does: "Israel has to withdraw",
# "Russia needs to pull back", "Iran ought to stop" (a party said to have to act is asked
# to, ANNOTATION.md)
OBLIGING_VERBS = frozenset({"have", "need", "ought"})
# the obligation auxiliary whose trigger such a verb takes (REQUEST, CAMEO 100)
OBLIGING_AS = "must"


def cues(span: Span, words: dict[str, Trigger]) -> frozenset[str]:
    """Which of this module's stages a sentence may need, by its words alone (a set
    lookup per token, so the stages' parse walks run only where they can fire):
    "demands" (an obligation auxiliary or verb), "unexcluded" (a verb of excluding),
    "penalties" (a verb of suffering)."""
    strings = span.doc.vocab.strings
    rows = span.doc.to_array([LEMMA, LOWER])[span.start : span.end]
    forms = {strings[int(h)] for h in set(rows.ravel().tolist())}
    out = set()
    if not forms.isdisjoint(words.keys()) or (
        "to" in forms and not forms.isdisjoint(OBLIGING_VERBS)
    ):
        out.add("demands")  # "must", or "has / needs / ought to"
    if not forms.isdisjoint(EXCLUDING.keys()):
        out.add("unexcluded")
    if not forms.isdisjoint(SUFFERING):
        out.add("penalties")
    return frozenset(out)


def obliged(span: Span, words: dict[str, Trigger]) -> list[tuple[Token, Trigger]]:
    """The verbs of ``span`` with an obligation auxiliary and a subject of their own."""
    out = []
    for tok in span:
        trigger = words.get(tok.lower_) if tok.dep_ == "aux" else None
        verb = tok.head
        if trigger is None or (trigger.lemma in JUDGING_ONLY and verb.lemma_ == "be"):
            continue  # "the court should be the arbiter": a judgement, not a demand
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            out.append((verb, trigger))
    if OBLIGING_AS in words:
        out += [(tok, words[OBLIGING_AS]) for tok in span if obliging_verb(tok)]
    return out


def obliging_verb(tok: Token) -> bool:
    """ "has to withdraw", "needs to stop", "have to return": a verb of ``OBLIGING_VERBS``
    with a subject of its own and an act in an infinitive, said as an obligation (not "has
    to be", a judgement; not "will have to", a forecast of what one is forced to)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in OBLIGING_VERBS:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    if any(c.dep_ in ("aux", "neg") for c in tok.children):
        return False  # "will have to", "does not need to": no demand made
    acts = [
        c for c in tok.children
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() != "be"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]  # fmt: skip
    return bool(acts)


def demands(
    span: Span,
    words: dict[str, Trigger],
    roles: Roles,
    speaker_of: Speaker,
    drafts: dict[int, Draft],
) -> None:
    """Add to ``drafts`` (in place) a REQUEST for each obligation a speaker puts on
    another named party; the act demanded gives way to it (its draft is replaced,
    and a trigger under it is folded into the demand by ``embed.fold``)."""
    if not words:
        return
    for verb, trigger in obliged(span, words):
        reported, speaker = speaker_of(verb)
        if not reported or speaker is None or not (speaker.code or speaker.country):
            continue
        subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        addressed = without(roles.phrase(subject), [speaker])
        if not addressed:
            continue  # "we must act", said by us: a resolve, not a demand
        for i in [i for i, d in drafts.items() if d.tok.head == verb and d.tok.dep_ in PREDICATES]:
            del drafts[i]
        drafts[verb.i] = Draft(verb, trigger, "verb", [speaker], addressed, True, trigger.type,
                               trigger.cameo, trigger.mode, False, False, True, speaker)  # fmt: skip


# verbs of excluding an option ("ruled out", "excluded"): not excluding a hostile act
# keeps it on the table, a threat of it (CAMEO 13x); "rule" only with its particle "out"
EXCLUDING = {"rule": "out", "exclude": ""}
# verbs that refuse what follows: "refused to rule out strikes" does not exclude them
REFUSING = frozenset({"refuse", "decline"})
# the prepositions that name whom a hostile act is aimed at ("strikes on Iran")
AIMED = ("on", "against", "in", "into")


def not_excluded(verb: Token) -> bool:
    """``verb`` excludes an option and is itself negated or refused: "did not rule out",
    "would not exclude", "refused to rule out"."""
    particle = EXCLUDING.get(verb.lemma_.lower())
    if particle is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSING


def _options(verb: Token) -> list[Token]:
    """What ``verb`` excludes: its object, or the act of its gerund ("ruling out
    attacking"), and the objects coordinated with them."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "pcomp", "ccomp")]
    out += [c for o in out for c in o.conjuncts]
    return out


def unexcluded(
    span: Span,
    matched: dict[int, tuple[Trigger, str]],
    roles: Roles,
    speaker_of: Speaker,
    drafts: dict[int, Draft],
    lexicon: Lexicon,
) -> None:
    """Add to ``drafts`` (in place) a THREATEN for each hostile act a party does not
    exclude ("Israel did not rule out strikes on Iran", "Seoul would not exclude new
    sanctions"): the option kept open is announced, by the subject of the excluding
    verb (ANNOTATION.md: announced or conditional hostile acts are THREATEN); the act
    itself, not done, gives way to it."""
    for verb in span:
        if not not_excluded(verb):
            continue
        owner = verb.head if verb.dep_ == "xcomp" else verb
        source = dedupe(roles.subject(owner))
        if not source:
            continue
        for act in _options(verb):
            found = matched.get(act.i)
            if found is None or found[0].type not in HOSTILE_ACTS:
                continue
            trigger = found[0]
            old = drafts.pop(act.i, None)
            target = old.target if old is not None and old.target else _aimed_at(act, roles)
            target = without(dedupe(target), source)
            reported, speaker = speaker_of(verb)
            code = by_prefix(THREAT_CODES, trigger.cameo, "130")
            mode = lexicon.cameo[code].mode if code in lexicon.cameo else None
            if owner != verb:
                drafts.pop(owner.i, None)  # "refused to rule out": no refusal, a threat
            drafts[verb.i] = Draft(verb, trigger, "verb", source, target, True, "THREATEN",
                                   code, mode, False, False, reported, speaker)  # fmt: skip
            break


def _aimed_at(act: Token, roles: Roles) -> list[Actor]:
    """The parties a hostile act is aimed at: the objects of its prepositions of aim
    ("strikes on Iran", "action against the rebels") or its direct object."""
    out: list[Actor] = []
    for obj in roles.prep_objects(act, AIMED):
        out += roles.phrase(obj)
    for obj in (c for c in act.children if c.dep_ == "dobj"):
        out += roles.phrase(obj)
    return out


# verbs of suffering what another does ("would face consequences", "will pay a price")
SUFFERING = frozenset({"face", "suffer", "incur", "pay"})
# what one is told one will suffer at the speaker's hands: a threat of it
PENALTIES = frozenset({"consequence", "retaliation", "response", "reprisal", "punishment",
                       "retribution", "price", "wrath", "sanction", "action", "measure",
                       "countermeasure"})  # fmt: skip
FUTURE = frozenset({"will", "would", "'ll", "'d", "shall"})
# a price is a penalty only when told as a heavy one ("will pay a heavy price"; not
# "consumers will pay a higher price", a cost)
HEAVY = frozenset({"heavy", "steep", "dear", "terrible", "high", "painful", "bitter"})
WARNING = "130"  # CAMEO: threaten, not otherwise specified


def warned_penalty(verb: Token) -> bool:
    """ "would face consequences", "will pay a heavy price", "will face a firm response":
    a verb of ``SUFFERING`` in the future, with a subject and a penalty as its object
    (not "could face sanctions": a possibility, told by anyone)."""
    if verb.lemma_.lower() not in SUFFERING or verb.pos_ != "VERB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and _penalty(c) for c in verb.children) and any(
        c.dep_ == "nsubj" for c in verb.children
    )


def _penalty(noun: Token) -> bool:
    """``noun`` names a penalty ("consequences", "a firm response", "a heavy price")."""
    lemma = noun.lemma_.lower()
    if lemma != "price":
        return lemma in PENALTIES
    return any(c.dep_ == "amod" and c.lemma_.lower() in HEAVY for c in noun.children)


def penalties(
    span: Span,
    roles: Roles,
    speaker_of: Speaker,
    drafts: dict[int, Draft],
    lexicon: Lexicon,
) -> None:
    """Add to ``drafts`` (in place) a THREATEN by a named speaker on another party it
    says will suffer a penalty ("Beijing said Manila would face consequences", "Iran
    warned the US would pay a heavy price"): telling another what it will suffer is a
    threat (ANNOTATION.md: announced hostile acts), by the speaker on that party."""
    trigger = _threat_trigger(lexicon)
    if trigger is None:
        return
    for verb in span:
        if verb.i in drafts or not warned_penalty(verb):
            continue
        reported, speaker = speaker_of(verb)
        if not reported or speaker is None or not (speaker.code or speaker.country):
            continue
        subject = next(c for c in verb.children if c.dep_ == "nsubj")
        warned = [a for a in without(roles.phrase(subject), [speaker]) if a.code or a.country]
        if not warned:
            continue  # "we will pay a price", said by us: no threat
        mode = lexicon.cameo[WARNING].mode if WARNING in lexicon.cameo else None
        drafts[verb.i] = Draft(verb, trigger, "verb", [speaker], warned, True, "THREATEN",
                               WARNING, mode, False, False, True, speaker)  # fmt: skip


def _threat_trigger(lexicon: Lexicon) -> Trigger | None:
    """The lexicon's plain THREATEN verb entry ("threaten", CAMEO 130), the trigger a
    warned penalty is coded with."""
    for entry in lexicon.triggers.get("threaten", ()):
        if entry.type == "THREATEN" and entry.cameo == WARNING:
            return entry
    return None
