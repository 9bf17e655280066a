"""CAMEO verb classes: the usual CAMEO code of English event verbs (``cameo_verbs.tsv``).

A head trained with them (``scripts/train_event_head.py``; its weights' meta says
``cameo_classes``) asks about every word of a typed class, and reads the class ("cv=ASSAULT",
"cvr=19") of the words it is asked about for their class alone (neither in the rule
lexicon nor triggers in training), so what it learned about the known verbs of a class
carries to the class's other verbs (MODEL_CARD.md).

The file (rebuilt by ``scripts/cameo_verbs_from_petrarch.py`` from PETRARCH-2's CAMEO
dictionary, MIT) has one row per verb, or verb + particle, or regular nominalisation,
with its CAMEO code; the PLOVER type follows from ``cameo_plover.csv`` (a code not in
that table takes its nearest listed prefix); appeals (02x) are REQUEST, as
``ANNOTATION.md`` codes them; statements (01x) are no event (type None). A malformed
row raises ``DataFileError`` naming the file, the line and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ...errors import DataFileError
from ..lexicon import DATA_DIR, CameoCode

CAMEO_VERBS = DATA_DIR / "cameo_verbs.tsv"
COLUMNS = ("lemma", "particle", "pos", "cameo", "source")
POS = ("verb", "nominal")
STATEMENT, APPEAL = "01", "02"  # statements: no event; appeals: REQUEST
WORD = re.compile(r"[a-z][a-z-]*[a-z]")


@dataclass(frozen=True, slots=True)
class CameoVerb:
    """One row: a word's usual CAMEO code and the PLOVER type that follows (None for a
    statement)."""

    lemma: str
    particle: str
    nominal: bool
    cameo: str
    type: str | None

    @property
    def root(self) -> str:
        return self.cameo[:2]


CameoVerbs = Mapping[tuple[str, str], CameoVerb]  # (lemma, particle or "") -> row


def plover_type(code: str, cameo: Mapping[str, CameoCode]) -> str | None:
    """The PLOVER type of a CAMEO code (its nearest prefix in ``cameo``); raises
    ``KeyError`` when neither the code nor a prefix is known."""
    if code.startswith(STATEMENT):
        return None
    if code.startswith(APPEAL):
        return "REQUEST"
    for n in range(len(code), 1, -1):
        if code[:n] in cameo:
            return cameo[code[:n]].type
    raise KeyError(code)


def load_cameo_verbs(
    cameo: Mapping[str, CameoCode], path: Path = CAMEO_VERBS
) -> dict[tuple[str, str], CameoVerb]:
    """Read and validate the table."""

    def fail(n: int, problem: str) -> DataFileError:
        return DataFileError(
            f"{path.name}: line {n}: {problem}; fix the row or rebuild the file with "
            "`python scripts/cameo_verbs_from_petrarch.py`"
        )

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"{path.name}: cannot be read ({exc})") from exc
    out: dict[tuple[str, str], CameoVerb] = {}
    header = False
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            if tuple(cells) != COLUMNS:
                raise fail(n, f"header {cells}; expected {list(COLUMNS)}")
            header = True
            continue
        if len(cells) != len(COLUMNS):
            raise fail(n, f"{len(cells)} columns; expected {len(COLUMNS)} ({', '.join(COLUMNS)})")
        lemma, particle, pos, code, _ = cells
        if not WORD.fullmatch(lemma):
            raise fail(n, f"lemma {lemma!r} is not a lower-case word")
        if particle and not particle.isalpha():
            raise fail(n, f"particle {particle!r} is not a word")
        if pos not in POS:
            raise fail(n, f"pos {pos!r}; expected one of {list(POS)}")
        if pos == "nominal" and particle:
            raise fail(n, "a nominalisation takes no particle")
        if not re.fullmatch(r"\d{2,4}", code):
            raise fail(n, f"cameo {code!r} must be 2 to 4 digits")
        try:
            type_ = plover_type(code, cameo)
        except KeyError:
            raise fail(n, f"cameo {code!r} has no type in cameo_plover.csv") from None
        if (lemma, particle) in out:
            raise fail(n, f"{lemma} {particle} is listed twice".replace("  ", " "))
        out[(lemma, particle)] = CameoVerb(lemma, particle, pos == "nominal", code, type_)
    if not header:
        raise DataFileError(f"{path.name}: no header row {list(COLUMNS)}")
    return out
