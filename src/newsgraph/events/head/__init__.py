"""A learned trigger head where the rules stop.

The rule coder drafts events on the tokens its lexicon fires on (``coder.py``).
The head asks, for every verb, noun and adjective of the sentence and for every
token the rules drafted on, which PLOVER type it triggers, if any: a logistic
regression over feature strings (``features.py``: the word, its arcs, its
modality, what the rules made of it), trained on the train part of the PLOVER
development set (``scripts/train_event_head.py``; ``data/events/head/MODEL_CARD.md``).

Then, per sentence:

* a negated rule event, or an embedded act the settings ask to keep, stands as the
  rules read it;
* a rule event the head strongly disbelieves (``P(NONE) >= drop``) is dropped, unless
  the rules flagged it hypothetical (a possible act is an event, flagged as such);
* a rule event whose token the head gives another type with ``P >= retype`` takes
  that type (its actors and recipients stay the rules');
* a token the rules drafted nothing on, whose best type has ``P >= add`` (``P >=
  add_class`` for a word asked about for its CAMEO verb class alone: neither in the rule
  lexicon nor a trigger in training; only such words read their class) and is not
  yet in the sentence, gets an event of that type, its actors and recipients read
  by the rule machinery (``Coder._draft``: ``arguments``, ``Roles``) from that token;
* every event's confidence is the head's probability of its type at its token, less
  a step for an act that another event of the sentence holds ("rejected accusations
  that ...": ``Coder._event``), so the sentence's main event is the one the head
  believes most among the acts that stand on their own.

The thresholds were chosen by cross-validation on the train part and ship with
the weights.  ``Coder(head=False)`` codes with the rules alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ..arguments import arguments
from ..embed import Draft
from ..lexicon import Lexicon, Trigger
from ..match import form
from ..modality import modality
from ..roles import dedupe
from .cameo import CameoVerb, CameoVerbs, load_cameo_verbs
from .features import Candidates, event_word_types, token_features
from .model import WEIGHTS, HeadWeights, load_weights

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ...records import Event, Quote, Sentence
    from ..roles import Roles
    from ..when import SentenceDates

__all__ = ["EventHead", "HeadWeights", "SentenceDrafts", "load_head", "load_weights"]

Observer = Callable[["Span", list[int], list[list[str]]], None]
KINDS = {"VERB": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "pred"}


@dataclass(frozen=True, slots=True)
class SentenceDrafts:
    """What the rules decided for one sentence, handed to the head."""

    sentence: Sentence
    span: Span
    roles: Roles
    quotes: Sequence[Quote]
    according: Token | None
    dates: SentenceDates
    matched: dict[int, tuple[Trigger, str]]  # token -> lexicon entry fired, form
    drafts: dict[int, Draft]  # token -> draft (``folded`` marks embedded acts)
    kept: list[Draft]  # the drafts the rules would emit, in order


class EventHead:
    """Revises a sentence's rule drafts with the learned trigger classifier.

    With ``weights`` None the rules pass through unchanged (``observer``, if any,
    still sees every sentence's candidates and features: the training script's way
    in).
    """

    def __init__(
        self,
        weights: HeadWeights | None,
        lexicon: Lexicon,
        speech: frozenset[str],
        observer: Observer | None = None,
    ) -> None:
        self.weights = weights
        self.lexicon = lexicon
        self.speech = speech
        self.observer = observer
        self.lexicon_types = {
            lemma: tuple(sorted({t.type for t in entries}))
            for lemma, entries in lexicon.triggers.items()
        }
        self.default_cameo = _default_cameo(lexicon)
        # the CAMEO verb classes are read only by weights trained with them (their meta
        # says so); the training script's watcher sets them itself
        self.classes = (
            load_cameo_verbs(lexicon.cameo)
            if weights is not None and weights.meta.get("cameo_classes")
            else {}
        )
        # the neighbour features (features.neighbour_features) are computed only for the
        # groups the weights were trained with (their meta lists them); all of them for
        # the training script's watcher (None)
        self.groups: frozenset[str] | None = (
            None if weights is None else frozenset(weights.meta.get("neighbour_groups", ()))
        )
        self.neighbours = self.groups is None or bool(self.groups)
        self.candidates = Candidates(weights.lemmas if weights is not None else None)
        # the words asked about only for their CAMEO class (neither in the rule lexicon
        # nor triggers in training): an event is added on one at ``P >= add_class``
        learned = frozenset(weights.meta.get("trigger_lemmas", ())) if weights else frozenset()
        self.class_only = frozenset(
            lemma for (lemma, _), row in self.classes.items()
            if row.type and lemma not in lexicon.triggers and lemma not in learned
        )  # fmt: skip

    @property
    def classes(self) -> CameoVerbs:
        """The CAMEO verb classes the head reads (set, the event words' types follow)."""
        return self._classes

    @classes.setter
    def classes(self, classes: CameoVerbs) -> None:
        self._classes = classes
        # each event word's types (lexicon and CAMEO class): what a neighbour is
        self.word_types = event_word_types(self.lexicon_types, classes)

    # ------------------------------------------------------------------ sentences
    def revise(self, coder: Any, s: SentenceDrafts) -> list[Event]:
        """The events of one sentence."""
        return self.revise_many(coder, [s])[0]

    def revise_many(self, coder: Any, sentences: Sequence[SentenceDrafts]) -> list[list[Event]]:
        """The events of each sentence (of one doc), the probabilities of all their
        candidate tokens computed at once."""
        asked = [self._ask(s) for s in sentences]
        if self.weights is None:
            return [_events(coder, s, [(d, None) for d in s.kept]) for s in sentences]
        probs = self.weights.probabilities([row for _, rows in asked for row in rows])
        out: list[list[Event]] = []
        at = 0
        for s, (ids, _) in zip(sentences, asked, strict=True):
            out.append(self._decide(coder, s, ids, probs[at : at + len(ids)]))
            at += len(ids)
        return out

    def _ask(self, s: SentenceDrafts) -> tuple[list[int], list[list[str]]]:
        """The sentence's candidate tokens and their features (shown to ``observer``)."""
        doc = s.span.doc
        kept_ids = {d.tok.i for d in s.kept}
        rule: dict[int, dict[str, str]] = {
            i: {"match": t.type, "kind": kind} for i, (t, kind) in s.matched.items()
        }
        for i, d in s.drafts.items():
            state = (
                ("F" if d.folded else "K" if i in kept_ids else "P")
                + ("T" if d.target else "")
                + ("H" if d.hypothetical else "")
                + ("N" if d.negated else "")
            )
            rule.setdefault(i, {}).update(draft=d.type, state=state)
        ids = self.candidates(s.span, rule)
        # a word's CAMEO class is read only where its lemma tells nothing: a word asked
        # about for its class alone (and every word, for the training script's observer)
        every = self.weights is None
        rows = [token_features(doc[i], self.lexicon_types, rule.get(i, {}), self.speech,
                               self.classes if every or doc[i].lemma_.lower() in self.class_only
                               else None, self.word_types if self.neighbours else None, rule,
                               s.roles.by_token, self.groups) for i in ids]  # fmt: skip
        if self.observer is not None:
            self.observer(s.span, ids, rows)
        return ids, rows

    def _decide(self, coder: Any, s: SentenceDrafts, ids: list[int], probs: Any) -> list[Event]:
        """Keep, retype, drop and add the sentence's events by the head's ``probs`` (a
        row per token of ``ids``)."""
        doc = s.span.doc
        kept_ids = {d.tok.i for d in s.kept}
        w = self.weights
        assert w is not None
        at = {i: n for n, i in enumerate(ids)}
        column = {c: k for k, c in enumerate(w.classes)}
        th = w.thresholds
        out: list[tuple[Draft, float | None]] = []
        for d in s.kept:
            if d.negated or d.folded:  # said not to happen, or an embedded act kept on
                # request (``events_keep_embedded``): the rules' reading stands
                out.append((d, None))
                continue
            p = probs[at[d.tok.i]]
            if p[0] >= th["drop"] and not d.hypothetical:  # a possible act stays, flagged
                continue
            best = int(np.argmax(p[1:])) + 1
            others = {k.type for k in s.kept if k is not d}
            if (
                w.classes[best] != d.type
                and p[best] >= th["retype"]
                and w.classes[best] not in others
            ):
                d = self._retyped(
                    d, w.classes[best]
                )  # (a type the sentence has already adds nothing)
            out.append((d, float(p[column[d.type]]) if d.type in column else None))
        present = {d.type for d, _ in out}
        folded = {i for i, d in s.drafts.items() if d.folded}
        new: dict[str, tuple[int, float]] = {}
        for n, i in enumerate(ids):
            if i in kept_ids or i in folded:
                continue
            best = int(np.argmax(probs[n, 1:])) + 1
            type_, p = w.classes[best], float(probs[n, best])
            if i not in s.matched and self._entry(doc[i], type_) is not None:
                continue  # the lexicon's entries of that type were tried and their
                # constraints refused the word ("returned to Rome"): a reading kept
            need = (
                th.get("add_class", 1.0) if doc[i].lemma_.lower() in self.class_only else th["add"]
            )
            if p >= need and type_ not in present and p > new.get(type_, (0, 0.0))[1]:
                new[type_] = (i, p)
        for type_, (i, p) in new.items():
            draft = self._new_draft(coder, s, doc[i], type_, p >= th.get("bare", 1.0))
            if draft is not None:
                out.append((draft, p))
        return _events(coder, s, out)

    # ------------------------------------------------------------------ drafts
    def _entry(self, tok: Token, type_: str) -> Trigger | None:
        """A lexicon entry of ``type_`` for the token's lemma or form, if any."""
        for key in (tok.lemma_.lower(), tok.lower_):
            for t in self.lexicon.triggers.get(key, ()):
                if t.type == type_:
                    return t
        return None

    def _code(self, tok: Token, type_: str) -> str:
        """The CAMEO code of an added event: the word's CAMEO class when it is of that
        type, else the type's most general code."""
        row: CameoVerb | None = self.classes.get((tok.lemma_.lower(), ""))
        if row is not None and row.type == type_ and row.cameo in self.lexicon.cameo:
            return row.cameo
        return self.default_cameo[type_]

    def _retyped(self, d: Draft, type_: str) -> Draft:
        entry = self._entry(d.tok, type_)
        cameo = entry.cameo if entry is not None else self.default_cameo[type_]
        return replace(d, type=type_, cameo=cameo, mode=entry.mode if entry else None)

    def _new_draft(
        self, coder: Any, s: SentenceDrafts, tok: Token, type_: str, bare: bool
    ) -> Draft | None:
        """A draft of ``type_`` on ``tok``, its arguments read by the rules; with ``bare``
        also when no actor is found ("was killed by an IED": actor unknown)."""
        matched = s.matched.get(tok.i)
        if matched is not None:
            kind = matched[1]
        else:
            shape = form(tok, coder.judging)
            kind = "noun" if shape == "gerund" else shape or KINDS.get(tok.pos_, "noun")
        entry = self._entry(tok, type_)
        trigger = entry if entry is not None else _synthetic(tok, type_, kind, self.lexicon,
                                                              self._code(tok, type_))  # fmt: skip
        draft: Draft | None = coder._draft(tok, trigger, kind, s.span, s.roles, s.quotes,
                                           s.according, coder._sole_country(s.span, s.roles))  # fmt: skip
        if draft is None and bare and not coder.not_an_event(tok, trigger, kind, s.roles):
            draft = _bare(coder, s, tok, trigger, kind)  # no actor found, yet an act
        if draft is None:
            return None
        return replace(draft, type=type_, cameo=trigger.cameo, mode=trigger.mode)


def _bare(coder: Any, s: SentenceDrafts, tok: Token, trigger: Trigger, kind: str) -> Draft:
    """A draft with no actor: its recipients and modality as the rules read them."""
    reported, speaker = coder._speaker(tok, s.roles, s.quotes, s.according)
    args = arguments(tok, trigger, kind, s.roles, None, coder.light, None, coder.judging)
    mood = modality(tok, coder.words, coder.speech, reported)
    return Draft(tok, trigger, kind, [], dedupe(args.target), False, trigger.type, trigger.cameo,
                 trigger.mode, mood.negated, mood.hypothetical, reported, speaker)  # fmt: skip


def _synthetic(tok: Token, type_: str, kind: str, lexicon: Lexicon, cameo: str) -> Trigger:
    code = lexicon.cameo[cameo]
    return Trigger(lemma=tok.lemma_.lower(), pos=kind, type=type_, mode=code.mode,
                   cameo=cameo, context=code.context, example="")  # fmt: skip


def _default_cameo(lexicon: Lexicon) -> dict[str, str]:
    """Per type, the most general CAMEO code of the table (the shortest, first)."""
    out: dict[str, str] = {}
    for code, row in lexicon.cameo.items():
        if row.type not in out or len(code) < len(out[row.type]):
            out[row.type] = code
    return out


def _codes(actors: Sequence[Any]) -> tuple[str, ...]:
    return tuple(sorted((a.code or a.text.lower()) for a in actors))


def _events(
    coder: Any, s: SentenceDrafts, drafts: Sequence[tuple[Draft, float | None]]
) -> list[Event]:
    """Events of the drafts (the coder's dedupe), confidence from the head when given
    (less for an act another draft of the sentence holds)."""
    seen: set[tuple[Any, ...]] = set()
    out: list[Event] = []
    acts = {d.tok.i for d, _ in drafts}
    for draft, p in drafts:
        key = (draft.type, _codes(draft.source), _codes(draft.target), draft.negated,
               draft.hypothetical)  # fmt: skip
        if key in seen:
            continue
        seen.add(key)
        out.append(coder._event(draft, s.sentence, s.dates, p, acts))
    return out


def load_head(lexicon: Lexicon, speech: frozenset[str], path: Any = WEIGHTS) -> EventHead:
    """The head with the shipped weights (``DataFileError`` if they are malformed)."""
    return EventHead(load_weights(path), lexicon, speech)
