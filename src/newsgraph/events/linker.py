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
  probability is at least ``fill``;
* a draft whose recipient the rules chose is given another candidate instead when that
  one's probability is at least ``swap`` and beats the rules' choice by ``margin``.

* a draft with no actor (an agentless passive, an event noun with no doer) takes the
  best candidate as actor when its actor probability is at least ``actor``, and loses
  it as recipient.

The actors the rules found stay.  Weights, thresholds and the training scores are one small
``.npz`` (``data/events/linker.npz``, ``LINKER_CARD.md`` beside it) rebuilt by
``scripts/train_linker.py`` from the train part of the PLOVER development set.
It reads only the parse the coder already has: a few dozen dictionary look-ups a draft.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import DataFileError
from ..records import Actor
from .phrases import without

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .roles import Roles

LINKER_DIR = Path(__file__).resolve().parent.parent / "data" / "events"
WEIGHTS = LINKER_DIR / "linker.npz"
ROLES = ("actor", "recipient")
KEYS = ("features", "weights", "bias", "roles", "thresholds", "meta")
THRESHOLDS = ("fill", "swap", "margin", "actor")
MAX_PATH = 5
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
ARMED = frozenset({"REB", "MIL", "UAF", "INS", "CRM", "SPY"})

Observer = Callable[["Token", str, list["Candidate"], list[list[str]]], None]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One party an event may have: its actor, the token heading its words in the
    sentence (None for a context actor named elsewhere) and where it came from."""

    actor: Actor
    head: Token | None
    start: int
    end: int
    source: str  # "mention", "place" or "context"


@dataclass(frozen=True)
class LinkerWeights:
    """Loaded weights; ``probabilities`` scores feature lists (rows x roles)."""

    features: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    thresholds: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    table: dict[str, tuple[float, float]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # a feature's two weights as Python floats: a draft has a few candidates of a
        # few dozen features each, summed faster in Python than through numpy calls
        pairs = self.weights.tolist()
        table = {f: (pairs[i][0], pairs[i][1]) for f, i in self.features.items()}
        object.__setattr__(self, "table", table)

    def probabilities(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        table = self.table
        b0, b1 = (float(x) for x in self.bias)
        scores: list[tuple[float, float]] = []
        for feats in rows:
            s0, s1 = b0, b1
            for f in feats:
                w = table.get(f)
                if w is not None:
                    s0 += w[0]
                    s1 += w[1]
            scores.append((s0, s1))
        out: np.ndarray = 1.0 / (1.0 + np.exp(-np.array(scores, dtype=np.float64).reshape(-1, 2)))
        return out


def save_weights(
    path: Path,
    features: Sequence[str],
    weights: np.ndarray,
    bias: np.ndarray,
    thresholds: dict[str, float],
    meta: dict[str, Any],
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        np.savez_compressed(
            fh,
            features=np.array(list(features), dtype=str),
            weights=np.asarray(weights, dtype=np.float32),
            bias=np.asarray(bias, dtype=np.float32),
            roles=np.array(list(ROLES), dtype=str),
            thresholds=np.array(json.dumps(thresholds, sort_keys=True)),
            meta=np.array(json.dumps(meta, sort_keys=True)),
        )


def _fail(path: Path, problem: str) -> DataFileError:
    return DataFileError(
        f"{path.name}: {problem}; rebuild it with `python scripts/train_linker.py`"
    )


def load_weights(path: Path = WEIGHTS) -> LinkerWeights:
    """Read and validate a linker weights file."""
    try:
        with np.load(path, allow_pickle=False) as data:
            missing = [k for k in KEYS if k not in data.files]
            if missing:
                raise _fail(path, f"missing arrays {missing}; expected {list(KEYS)}")
            arrays = {k: data[k] for k in KEYS}
    except DataFileError:
        raise
    except FileNotFoundError as exc:
        raise _fail(path, "no such file") from exc
    except (OSError, ValueError) as exc:
        raise _fail(path, f"not a readable .npz file ({exc})") from exc
    features = [str(f) for f in arrays["features"].tolist()]
    roles = tuple(str(r) for r in arrays["roles"].tolist())
    weights, bias = arrays["weights"], arrays["bias"]
    if roles != ROLES:
        raise _fail(path, f"roles {roles}; expected {ROLES}")
    if weights.dtype != np.float32 or weights.shape != (len(features), len(ROLES)):
        raise _fail(path, f"weights are {weights.dtype} {weights.shape}; expected float32 "
                    f"({len(features)} features, {len(ROLES)} roles)")  # fmt: skip
    if bias.dtype != np.float32 or bias.shape != (len(ROLES),):
        raise _fail(path, f"bias is {bias.dtype} {bias.shape}; expected ({len(ROLES)},)")
    if not np.isfinite(weights).all() or not np.isfinite(bias).all():
        raise _fail(path, "weights hold a NaN or infinity")
    if len(set(features)) != len(features):
        raise _fail(path, "a feature string appears twice")
    try:
        thresholds = json.loads(str(arrays["thresholds"]))
        meta = json.loads(str(arrays["meta"]))
    except ValueError as exc:
        raise _fail(path, f"thresholds or meta are not JSON ({exc})") from exc
    if not isinstance(thresholds, dict) or any(
        not isinstance(thresholds.get(k), int | float) or not 0 <= thresholds[k] <= 1
        for k in THRESHOLDS
    ):
        raise _fail(path, f"thresholds {thresholds} need {list(THRESHOLDS)}, each in [0, 1]")
    return LinkerWeights(
        features={f: i for i, f in enumerate(features)},
        weights=weights,
        bias=bias,
        thresholds={str(k): float(v) for k, v in thresholds.items()},
        meta=meta if isinstance(meta, dict) else {},
    )


# ---------------------------------------------------------------------- candidates
def candidates(span: Span, roles: Roles, speaker: Actor | None = None) -> list[Candidate]:
    """The parties of a sentence: each resolved mention (its words' head), each place
    the gazetteer gives a country, and the speaker when named outside the sentence."""
    out: list[Candidate] = []
    by_token = roles.by_token
    i = span.start
    while i < span.end:
        actor = by_token.get(i)
        if actor is None:
            i += 1
            continue
        j = i + 1
        while j < span.end and by_token.get(j) is actor:
            j += 1
        words = span.doc[i:j]
        out.append(Candidate(actor, words.root, i, j, "mention"))
        i = j
    if roles.place_country is not None:
        for ent in span.ents:
            if ent.label_ not in PLACE_ENTS or any(t.i in by_token for t in ent):
                continue
            country = roles.place_country(ent.text)
            if country:
                place = Actor(text=ent.text, code=country, country=country)
                out.append(Candidate(place, ent.root, ent.start, ent.end, "place"))
    if (
        speaker is not None
        and (speaker.code or speaker.country)
        and not any(_key(c.actor) == _key(speaker) for c in out)
    ):
        out.append(Candidate(speaker, None, -1, -1, "context"))
    return out


def _key(actor: Actor) -> tuple[str | None, str]:
    return (actor.code, actor.text.lower())


def _kind(c: Candidate) -> str:
    a = c.actor
    if c.source == "place":
        return "place"
    if a.org:
        return "armed" if a.sector in ARMED else "org"
    if a.code is not None and a.code == a.country:
        return "country"
    if c.head is not None and c.head.ent_type_ == "PERSON":
        return "person"
    if a.sector in ARMED:
        return "armed"
    if a.sector == "GOV":
        return "gov"
    return "group" if a.country else "nocountry"


def path(tok: Token, head: Token) -> tuple[list[str], list[str]]:
    """The arcs from ``tok`` up to the lowest common ancestor (``^dep``) and down to
    ``head`` (``vdep``, a preposition with its word), and the prepositions passed."""
    up = [tok, *tok.ancestors]
    at = {t.i: n for n, t in enumerate(up)}
    down: list[Token] = []
    cur = head
    while cur.i not in at:
        down.append(cur)
        if cur.head.i == cur.i:
            return ["far"], []
        cur = cur.head
    arcs = [f"^{t.dep_}" for t in up[: at[cur.i]]]
    preps: list[str] = []
    for t in reversed(down):
        if t.dep_ in ("prep", "agent", "dative") and t.pos_ == "ADP":
            preps.append(t.lower_)
            arcs.append(f"v{t.dep_}:{t.lower_}")
        else:
            arcs.append(f"v{t.dep_}")
    if not arcs:
        return ["self"], []
    if len(arcs) > MAX_PATH:
        arcs = [*arcs[:2], "..", *arcs[-2:]]
    return arcs, preps


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-4" if n <= 4 else "5-8" if n <= 8 else "9+"


def features(
    tok: Token,
    type_: str,
    kind: str,
    c: Candidate,
    source: Sequence[Actor],
    target: Sequence[Actor],
    passive: bool,
) -> list[str]:
    """The feature strings of one (draft, candidate) pair."""
    k = _kind(c)
    ck = {_key(a) for a in source}
    tk = {_key(a) for a in target}
    rule = "src" if _key(c.actor) in ck else "tgt" if _key(c.actor) in tk else "none"
    same = bool(c.actor.country) and c.actor.country in {a.country for a in source}
    out = [
        "bias",
        f"t={type_}",
        f"k={kind}",
        f"m={k}",
        f"m={k}|t={type_}",
        f"rule={rule}",
        f"rule={rule}|t={type_}",
        f"rule={rule}|hastgt={bool(target)}",
        f"same={same}",
        f"same={same}|t={type_}",
        f"nsrc={min(len(source), 2)}|t={type_}",
        f"nsrc={min(len(source), 2)}|m={k}",
        f"voice={'pass' if passive else 'act'}",
        f"sector={c.actor.sector}",
    ]
    if c.head is None:
        return [*out, "path=ctx", f"path=ctx|t={type_}"]
    arcs, preps = path(tok, c.head)
    full = " ".join(arcs)
    side = "L" if c.end <= tok.i else "R" if c.start > tok.i else "in"
    dist = min(abs(tok.i - c.head.i), abs(tok.i - c.start), abs(tok.i - (c.end - 1)))
    out += [
        f"path={full}",
        f"path={full}|t={type_}",
        f"path={full}|voice={passive}",
        f"plen={_bucket(len(arcs))}",
        f"first={arcs[0]}",
        f"last={arcs[-1]}",
        f"last={arcs[-1]}|t={type_}",
        f"last={arcs[-1]}|m={k}",
        f"side={side}",
        f"side={side}|voice={passive}",
        f"side={side}|t={type_}",
        f"dist={_bucket(dist)}",
        f"dist={_bucket(dist)}|side={side}",
        f"up={sum(a.startswith('^') for a in arcs)}",
        f"hdep={c.head.dep_}",
        f"hdep={c.head.dep_}|k={kind}",
    ]
    out += [f"prep={p}" for p in preps] + [f"prep={p}|t={type_}" for p in preps]
    if not preps:
        out.append("noprep")
    return out


# ---------------------------------------------------------------------- the linker
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
            keys = {_key(a) for a in target}
            found = [c for c in found if (c.actor.code or c.actor.country) and (
                     may_fill or _key(c.actor) in keys or without([c.actor], source))]  # fmt: skip
        if not found:
            return source, target
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        rows = [features(tok, type_, kind, c, source, target, passive) for c in found]
        if self.observer is not None:
            self.observer(tok, type_, found, rows)
        if w is None:
            return source, target
        probs = w.probabilities(rows)
        th = w.thresholds
        coded = [n for n, c in enumerate(found) if c.actor.code or c.actor.country]
        if not source and coded and th["actor"] < 1:
            # an act whose doer the rules did not find ("sanctions were lifted")
            doer = max(coded, key=lambda n: probs[n, 0])
            if probs[doer, 0] >= th["actor"]:
                source = [found[doer].actor]
                target = without(target, source)
        return source, self._recipient(found, probs[:, 1], coded, source, target, th)

    @staticmethod
    def _recipient(
        found: list[Candidate],
        p: np.ndarray,
        coded: list[int],
        source: list[Actor],
        target: list[Actor],
        th: dict[str, float],
    ) -> list[Actor]:
        free = [n for n in coded if without([found[n].actor], source)]
        if not free:
            return target
        best = max(free, key=lambda n: p[n])
        chosen = found[best].actor
        if not target:
            return [chosen] if p[best] >= th["fill"] else target
        keys = {_key(a) for a in target}
        if _key(chosen) in keys or p[best] < th["swap"]:
            return target
        rules = max((p[n] for n, c in enumerate(found) if _key(c.actor) in keys), default=0.0)
        return [chosen] if p[best] - rules >= th["margin"] else target


def load_linker(path: Path = WEIGHTS) -> Linker:
    """The linker with the shipped weights (``DataFileError`` if they are malformed)."""
    return Linker(load_weights(path))
