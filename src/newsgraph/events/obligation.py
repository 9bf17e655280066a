"""Demands said as obligations: "Russia says Israel must end its attacks".

A speaker who says another party *must* do something demands it (ANNOTATION.md:
REQUEST by the speaker on that party), whatever the act is; the act itself is
not (yet) done, so it is folded into the demand rather than coded on its own.
The auxiliaries that carry the obligation are the lemmas of the lexicon's
``REQUEST`` entries whose part of speech is ``aux`` (``triggers.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..records import Actor
from .embed import Draft
from .lexicon import Trigger
from .roles import Roles, without

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Speaker = Callable[["Token"], tuple[bool, Actor | None]]
PREDICATES = frozenset({"acomp", "attr"})  # "must be ready to mediate": the copula's predicate
# auxiliaries that oblige only with an act: "should be" says what is right, not what to do
JUDGING_ONLY = frozenset({"should"})


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
    return out


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
