"""A learned argument linker where the recipient rules stop.

For each event the rule coder drafts (its trigger and type known), the candidates are
the actor mentions the resolver found in the sentence, the places there the gazetteer
knows ("talks in Baku", read as their country) and the speaker the act is reported by.
Two logistic regressions over feature strings of the parse (the dependency path from the
trigger to the candidate's head, its prepositions, linear distance and side, voice,
event type, the candidate's kind, whether the rules chose it, whether it shares the
actor's country) give each candidate a probability of being the event's actor and its
recipient.  Then:

* a draft with no recipient takes the best candidate that is not its actor when its
  probability is at least ``fill`` (a party of the actor's own country that is not the
  actor's mention may be: a domestic act);
* a draft whose recipient the rules chose is given another candidate instead when that
  one's probability is at least ``swap`` and beats the rules' choice by ``margin``.

* a draft with no actor (an agentless passive, an event noun with no doer) takes the
  best candidate as actor when its actor probability is at least ``actor``, and loses
  it as recipient.

The actors the rules found stay.  Weights, thresholds and the training scores are one small
``.npz`` (``data/events/linker.npz``, ``LINKER_CARD.md`` beside it) rebuilt by
``scripts/train_linker.py`` from the train part of the PLOVER development set.
It reads only the parse the coder already has: a few dozen dictionary look-ups a draft.
Candidates and features: ``features.py``; the weights file: ``model.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...records import Actor
from ..phrases import without
from .features import (
    Candidate,
    among,
    candidates,
    features,
    path,
    sentence_features,
)
from .model import LINKER_DIR, ROLES, WEIGHTS, LinkerWeights, load_weights, save_weights

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..roles import Roles

__all__ = ["LINKER_DIR", "ROLES", "WEIGHTS", "Candidate", "Linker", "LinkerWeights",
           "candidates", "features", "load_linker", "load_weights", "path", "save_weights",
           "sentence_features"]  # fmt: skip

Observer = Callable[["Token", str, list[Candidate], list[list[str]]], None]


class Linker:
    """Fills and re-ranks the recipients of the rule coder's drafts.

    With ``weights`` None the drafts pass unchanged; ``observer``, if any, still sees
    every draft's candidates and features (the training script's way in).
    """

    def __init__(self, weights: LinkerWeights | None, observer: Observer | None = None) -> None:
        self.weights = weights
        self.observer = observer
        # the last sentence's candidates (its drafts ask in turn); the objects themselves
        # are kept, so a freed one's id cannot stand for a new one
        self._cache: tuple[Any, int, Actor | None, list[Candidate]] | None = None

    def _candidates(self, span: Span, roles: Roles, speaker: Actor | None) -> list[Candidate]:
        cached = self._cache
        if (
            cached is not None
            and cached[0] is roles
            and cached[1] == span.start
            and cached[2] is speaker
        ):
            return cached[3]
        found = candidates(span, roles, speaker)
        self._cache = (roles, span.start, speaker, found)
        return found

    def link(
        self,
        tok: Token,
        type_: str,
        kind: str,
        span: Span,
        roles: Roles,
        source: list[Actor],
        target: list[Actor],
        speaker: Actor | None = None,
    ) -> tuple[list[Actor], list[Actor]]:
        """The draft's actors and recipients: the rules' ``source`` (filled when empty)
        and ``target`` (filled or replaced)."""
        w = self.weights
        if w is None and self.observer is None:
            return source, target
        found = [
            c for c in self._candidates(span, roles, speaker) if c.head is None or c.head.i != tok.i
        ]
        if self.observer is None and w is not None:
            # only the parties a decision reads: with a country or organisation, and
            # the rules' recipients or not already an actor (unless one may be filled)
            may_fill = not source and w.thresholds["actor"] < 1
            found = [c for c in found if (c.actor.code or c.actor.country) and (
                     may_fill or among(c.actor, target) or not among(c.actor, source))]  # fmt: skip
        if not found:
            return source, target
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        rows = [
            [*features(tok, type_, kind, c, source, target, passive), *extra]
            for c, extra in zip(found, sentence_features(found, source, tok, target), strict=True)
        ]
        if self.observer is not None:
            self.observer(tok, type_, found, rows)
        if w is None:
            return source, target
        th = w.thresholds
        coded = [n for n, c in enumerate(found) if c.actor.code or c.actor.country]
        if not source and coded and th["actor"] < 1:
            # an act whose doer the rules did not find ("sanctions were lifted")
            probs = w.probabilities(rows)
            doer = max(coded, key=lambda n: probs[n, 0])
            if probs[doer, 0] >= th["actor"]:
                source = [found[doer].actor]
                target = without(target, source)
        return source, self._recipient(found, w.recipient(rows), coded, source, target, th)

    @staticmethod
    def _recipient(
        found: list[Candidate],
        p: Sequence[float],
        coded: list[int],
        source: list[Actor],
        target: list[Actor],
        th: dict[str, float],
    ) -> list[Actor]:
        free = [n for n in coded if not among(found[n].actor, source)]
        if not free:
            return target
        best = max(free, key=lambda n: p[n])
        chosen = found[best].actor
        if not target:
            return [chosen] if p[best] >= th["fill"] else target
        if among(chosen, target) or p[best] < th["swap"]:
            return target
        rules = max((p[n] for n, c in enumerate(found) if among(c.actor, target)), default=0.0)
        return [chosen] if p[best] - rules >= th["margin"] else target


def load_linker(path: Path = WEIGHTS) -> Linker:
    """The linker with the shipped weights (``DataFileError`` if they are malformed)."""
    return Linker(load_weights(path))
