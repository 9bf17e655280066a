"""The event coder's data: CAMEO->PLOVER table, intensities and the trigger lexicon.

All three live under ``newsgraph/data/events/`` and are validated when loaded; a
malformed entry raises ``DataFileError`` naming the file, the entry and the fix.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"

PLOVER_TYPES: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
TRIGGER_POS = ("verb", "noun", "pred", "aux")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of ``cameo_plover.csv``."""

    cameo: str
    type: str
    mode: str | None
    context: str | None
    description: str
    quad_class: int


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger-lexicon entry: a word (with optional constraints) that signals an event.

    ``pos`` is ``verb`` (a predicate with subject and objects), ``noun`` (a
    nominal event: "the downing of X by Y") or ``pred`` (an evaluative predicate
    of a copula: "... would be unacceptable", said by a speaker) or ``aux`` (an
    auxiliary that makes the act it governs another event: "Russia says Israel
    must end its attacks" is a demand; never matched on its own, read by
    ``obligation.py``).  The
    constraints must all hold: ``particle`` any particle or preposition child,
    ``objects`` the lemma of the direct object (or of its ``of`` complement),
    ``modifiers`` a word left of the trigger in its phrase, ``governors`` the
    lemma of the word it hangs on; ``no_object`` an intransitive use.
    ``topic_object`` says the direct object is the thing moved or discussed
    ("deployed troops", "discussed Syria"), never the recipient.  ``transitive``
    needs a direct object (or a passive subject): "returned the paintings", not
    "returned home"; ``prep_args`` a prepositional phrase headed by one of its
    words anywhere on the word, after an object too ("gave rifles to the army",
    "charged him with fraud", "barred her from leaving").  ``unless`` names words
    that stop the entry when they are its object or complement, or the word it
    hangs on ("declined to comment", "lifted the blockade").  ``no_attributive``
    keeps a participle that only describes a noun from firing ("Russian-backed
    forces", "rebels armed by Iran": who they are, not what happened).
    ``refused`` fires the word only when it is refused: negated with "will", "would",
    "can" ("will not accept the results": a rejection, whatever is not accepted).
    ``prep_objects`` the lemma of the object of the preposition right after the word,
    through a particle too ("withdrew from the treaty", "pulled out of the deal"): what
    a word leaves or acts on is often no direct object.  ``infinitive`` needs an
    infinitive clause on the word ("told Iraq to withdraw", not "told reporters that").
    ``not_modifiers`` names words before the trigger in its phrase that stop it ("a
    campaign rally" is no protest).
    """

    lemma: str
    pos: str
    type: str
    mode: str | None
    cameo: str
    context: str | None
    example: str
    particle: frozenset[str] = field(default_factory=frozenset)
    objects: frozenset[str] = field(default_factory=frozenset)
    modifiers: frozenset[str] = field(default_factory=frozenset)
    governors: frozenset[str] = field(default_factory=frozenset)
    no_object: bool = False
    preps: frozenset[str] = field(default_factory=frozenset)
    topic_object: bool = False  # the object is moved or discussed, not the recipient
    transitive: bool = False
    prep_args: frozenset[str] = field(default_factory=frozenset)
    unless: frozenset[str] = field(default_factory=frozenset)
    no_attributive: bool = False
    prep_objects: frozenset[str] = field(default_factory=frozenset)
    infinitive: bool = False
    not_modifiers: frozenset[str] = field(default_factory=frozenset)
    refused: bool = False  # only said as a refusal ("will not accept", "cannot accept")

    @property
    def specificity(self) -> int:
        return sum(
            bool(x)
            for x in (
                self.particle,
                self.objects,
                self.modifiers,
                self.governors,
                self.no_object,
                self.transitive,
                self.prep_args,
                self.prep_objects,
                self.infinitive,
                self.refused,
            )
        )


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the coder looks up, loaded once."""

    cameo: dict[str, CameoCode]
    triggers: dict[str, tuple[Trigger, ...]]  # lemma -> entries, most specific first
    intensity: dict[str, dict[str, Any]]
    future_agree: dict[str, str]  # PLOVER type or CAMEO code -> AGREE CAMEO code
    words: dict[str, frozenset[str]]  # named word lists (speech verbs, modals, ...)

    def score(self, type_: str, mode: str | None) -> float:
        entry = self.intensity[type_]
        modes: dict[str, float] = entry.get("modes") or {}
        return float(modes.get(mode, entry["default"]) if mode else entry["default"])

    def all_triggers(self) -> list[Trigger]:
        seen: dict[int, Trigger] = {}
        for entries in self.triggers.values():
            for t in entries:
                seen[id(t)] = t
        return list(seen.values())


def _fail(path: Path, where: str, problem: str) -> DataFileError:
    return DataFileError(f"{path.name}: {where}: {problem}")


def load_cameo(path: Path = DATA_DIR / "cameo_plover.csv") -> dict[str, CameoCode]:
    """Read and validate the CAMEO->PLOVER table."""
    table: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            code, type_ = (row.get("cameo") or "").strip(), (row.get("plover_type") or "").strip()
            where = f"line {n} ({code or 'no code'})"
            if not code.isdigit() or not 2 <= len(code) <= 4:
                raise _fail(path, where, "cameo must be 2 to 4 digits")
            if code in table:
                raise _fail(path, where, "duplicate cameo code")
            if type_ not in PLOVER_TYPES:
                raise _fail(path, where, f"type {type_!r} is not one of {', '.join(PLOVER_TYPES)}")
            quad = int(row.get("quad_class") or 0)
            if quad != PLOVER_TYPES[type_]:
                raise _fail(
                    path, where, f"quad_class {quad} but {type_} is quad {PLOVER_TYPES[type_]}"
                )
            table[code] = CameoCode(
                cameo=code,
                type=type_,
                mode=(row.get("mode") or "").strip() or None,
                context=(row.get("context") or "").strip() or None,
                description=(row.get("description") or "").strip(),
                quad_class=quad,
            )
    return table


def _words(value: Any, path: Path | None = None, where: str = "") -> frozenset[str]:
    if value is None:
        return frozenset()
    items = [value] if isinstance(value, str) else list(value)
    for item in items:
        if not isinstance(item, str) and path is not None:
            raise _fail(
                path, where, f'{item!r} is not a word; quote YAML words such as "on" or "no"'
            )
    return frozenset(str(v).lower() for v in items)


# acts news tells of without their doer: force, arrest and detention, crowds in the
# street, and the acts of police and courts: investigations (CAMEO 09), accusations of
# a crime and charges (112, 1121), lawsuits (115), convictions and sentences (mode
# convict).  A sentence that names no actor is coded for these alone, the actor unknown
# ("a car bomb exploded", "he is being held", "was charged with arson"): what was done
# to whom is the news.  Criticism, complaints, cooperation, meetings, promises and the
# measures between states (ties, aid, envoys) with no party told are no news.
UNNAMED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
UNNAMED_CAMEO = ("09", "112", "1121", "115")  # a prefix (two digits) or a whole code
UNNAMED_MODES = frozenset({"convict"})


def told_without_doer(type_: str, cameo: str, mode: str | None) -> bool:
    """Is an act of this type, CAMEO code and mode news with no doer named?"""
    return (
        type_ in UNNAMED_TYPES
        or mode in UNNAMED_MODES
        or (type_ == "ACCUSE" and any(cameo == c or (len(c) == 2 and cameo.startswith(c))
                                      for c in UNNAMED_CAMEO))
    )  # fmt: skip


# resolved per token by the matcher, never expanded
DYNAMIC_CLASSES = frozenset({"@state", "@armed", "@person", "@place", "@org", "@held", "@humans",
                             "@civilians", "@security", "@imposed", "@workers", "@site",
                             "@term"})  # fmt: skip


def _classes(data: dict[str, Any], path: Path) -> dict[str, frozenset[str]]:
    """The named word classes (``classes:``), each usable as ``"@name"`` in a constraint."""
    raw = data.get("classes") or {}
    if not isinstance(raw, dict):
        raise _fail(path, "classes", "expected a mapping of class name -> list of words")
    out: dict[str, frozenset[str]] = {}
    for name, words in raw.items():
        key = "@" + str(name)
        if key in DYNAMIC_CLASSES:
            raise _fail(path, f"classes.{name}", f"{key} is reserved for the matcher")
        if not isinstance(words, list) or not words:
            raise _fail(path, f"classes.{name}", "expected a non-empty list of words")
        out[key] = _words(words, path, f"classes.{name}")
        if any(w.startswith("@") for w in out[key]):
            raise _fail(path, f"classes.{name}", "a class lists words, not other classes")
    return out


def _expand(
    words: frozenset[str], classes: dict[str, frozenset[str]], path: Path, where: str
) -> frozenset[str]:
    """``words`` with each ``"@name"`` replaced by the words of that class."""
    if not any(w.startswith("@") for w in words):
        return words
    out: set[str] = set()
    for w in words:
        if w.startswith("@") and w not in DYNAMIC_CLASSES:
            if w not in classes:
                raise _fail(path, where, f"unknown class {w!r}; known: {sorted(classes)}")
            out |= classes[w]
        else:
            out.add(w)
    return frozenset(out)


def load_triggers(
    cameo: dict[str, CameoCode], path: Path = DATA_DIR / "triggers.yaml"
) -> tuple[dict[str, tuple[Trigger, ...]], dict[str, str], dict[str, frozenset[str]]]:
    """Read and validate the trigger lexicon against the CAMEO table."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
        raise _fail(path, "top level", "expected a mapping with a 'triggers' list")
    classes = _classes(data, path)
    known = {"lemma", "pos", "type", "mode", "cameo", "example", "particle", "objects",
             "modifiers", "governors", "no_object", "preps", "topic_object", "transitive",
             "prep_args", "unless", "no_attributive", "prep_objects",
             "infinitive", "not_modifiers", "refused"}  # fmt: skip
    index: dict[str, list[Trigger]] = {}
    for n, raw in enumerate(data["triggers"], start=1):
        where = f"trigger {n} ({raw.get('lemma') if isinstance(raw, dict) else raw!r})"
        if not isinstance(raw, dict):
            raise _fail(path, where, "each trigger must be a mapping")
        if unknown := set(raw) - known:
            raise _fail(path, where, f"unknown keys {sorted(unknown)}; known: {sorted(known)}")
        for key in ("lemma", "pos", "type", "cameo", "example"):
            if not raw.get(key):
                raise _fail(path, where, f"missing {key!r}")
        code = str(raw["cameo"])
        if raw["pos"] not in TRIGGER_POS:
            raise _fail(path, where, f"pos {raw['pos']!r} is not one of {TRIGGER_POS}")
        if code not in cameo:
            raise _fail(path, where, f"cameo {code!r} is not in cameo_plover.csv")
        if cameo[code].type != raw["type"]:
            raise _fail(path, where, f"type {raw['type']} but cameo {code} is {cameo[code].type}")
        trigger = Trigger(
            lemma=str(raw["lemma"]).lower(),
            pos=raw["pos"],
            type=raw["type"],
            mode=raw.get("mode") or cameo[code].mode,
            cameo=code,
            context=cameo[code].context,
            example=str(raw["example"]),
            particle=_words(raw.get("particle"), path, where),
            objects=_expand(_words(raw.get("objects"), path, where), classes, path, where),
            modifiers=_expand(_words(raw.get("modifiers"), path, where), classes, path, where),
            governors=_expand(_words(raw.get("governors"), path, where), classes, path, where),
            no_object=bool(raw.get("no_object", False)),
            preps=_words(raw.get("preps"), path, where),
            topic_object=bool(raw.get("topic_object", False)),
            transitive=bool(raw.get("transitive", False)),
            prep_args=_words(raw.get("prep_args"), path, where),
            unless=_expand(_words(raw.get("unless"), path, where), classes, path, where),
            no_attributive=bool(raw.get("no_attributive", False)),
            prep_objects=_expand(
                _words(raw.get("prep_objects"), path, where), classes, path, where
            ),
            infinitive=bool(raw.get("infinitive", False)),
            not_modifiers=_words(raw.get("not_modifiers"), path, where),
            refused=bool(raw.get("refused", False)),
        )
        index.setdefault(trigger.lemma, []).append(trigger)
    future = {str(k): str(v) for k, v in (data.get("future_agree") or {}).items()}
    for key, code in future.items():
        if cameo.get(code) is None or cameo[code].type != "AGREE":
            raise _fail(path, f"future_agree {key}", f"{code!r} is not an AGREE code")
    # a ``words:`` list may name a class ("@disasters") shared with the constraints
    words = {
        str(k): _expand(_words(v, path, f"words.{k}"), classes, path, f"words.{k}")
        for k, v in (data.get("words") or {}).items()
    }
    ordered = {k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in index.items()}
    return ordered, future, words


def load_intensity(path: Path = DATA_DIR / "intensity.yaml") -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != set(PLOVER_TYPES):
        raise _fail(path, "top level", "expected one entry for each of the 16 PLOVER types")
    for type_, entry in data.items():
        if entry.get("quad") != PLOVER_TYPES[type_] or not isinstance(
            entry.get("default"), int | float
        ):
            raise _fail(path, type_, "needs quad (matching the type) and a numeric default")
        for mode, score in (entry.get("modes") or {}).items():
            if not isinstance(score, int | float) or not -10 <= score <= 10:
                raise _fail(path, f"{type_}.{mode}", f"score {score!r} not in [-10, 10]")
    return data


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and validate the three data files (cached per process)."""
    cameo = load_cameo()
    triggers, future, words = load_triggers(cameo)
    return Lexicon(cameo, triggers, load_intensity(), future, words)
