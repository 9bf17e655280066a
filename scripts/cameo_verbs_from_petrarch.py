"""Rebuild src/newsgraph/data/events/cameo_verbs.tsv from PETRARCH-2's CAMEO verbs (MIT).

    .venv/bin/python scripts/cameo_verbs_from_petrarch.py [PETRARCH_DIR]

Reads ``CAMEO.2.0.txt`` (../shared/reference/petrarch2 by default) as a source of facts
and re-expresses one of them in newsgraph's own format: the usual CAMEO code of a verb.
The learned event head (``newsgraph.events.head``) reads it as a word class ("a verb
of the 19x family"), so that what it learned about one verb of a class carries to the
others, words the training sentences never showed.

* which verbs: those of the verb synonym blocks (``--- NAME [CODE] ---``) with a code
  of their own (``BOMBARD [190]``) or their block's; blocks and verbs with the null code
  ``---`` (only their patterns code events) are left out, and so are the patterns
  themselves (a verb's object or preposition narrowing the code);
* multi-word verbs: kept when the words after the verb are one particle or preposition
  (``+CALL_OFF`` -> ``call`` ``off``); others (``+TAKE_SHAPE``, ``WIRE_+TAP``, forms of
  ``be``) are left out;
* paired codes (``042:043``, source and target readings) keep the first; a verb listed
  in several blocks keeps its first non-null code;
* nominalisations (``nominal`` rows): derived by regular English suffixes
  (repatriate -> repatriation, mobilize -> mobilization, convict -> conviction,
  bombard -> bombardment, withdraw -> withdrawal), only where the source does not list
  that word itself; a derived word is never checked against a dictionary, so a few
  will name no real noun (harmless: no text has them) and those in ``NOT_ACTS`` (real
  nouns that name a thing or a body, not the act: "department", "government") are
  left out.

The PLOVER type is not written: the loader derives it from ``cameo_plover.csv``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newsgraph" / "data" / "events" / "cameo_verbs.tsv"
SOURCE = (
    Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference" / "petrarch2"
)


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PARTICLES = words(
    "about across after against along apart around aside at away back behind by down for "
    "forth forward from in into off on onto out over through to together under up upon "
    "with"
)
BE_HAVE = frozenset({"is", "are", "was", "were", "be", "been", "am", "has", "have", "had"})
# derived nouns that name a thing, a body or a state rather than the act
NOT_ACTS = words(
    "department government information foundation movement station ration nation "
    "treatment apartment compartment installment complement supplement implement "
    "settlement statement position relation observation deposition situation "
    "administration organization organisation institution constitution population "
    "presentation location operation generation regulation direction establishment "
    "legislation distribution association affection congregation constellation"
)
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
VERB = re.compile(r"^(\S+)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*$")


def code_of(raw: str) -> str | None:
    """The first non-empty part of a ``[...]`` code; None for the null code."""
    for part in raw.split(":"):
        part = part.strip()
        if re.fullmatch(r"\d{2,4}", part):
            return part
    return None


def verbs(text: str) -> list[tuple[str, str, str, str]]:
    """(lemma, particle, code, block) of every verb with a code, in file order."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    block, block_code = "", None
    out = []
    for line in lines[start + 1 :]:
        s = line.split("#")[0].split(";")[0].strip()
        if not s:
            continue
        m = BLOCK.match(s)
        if m:
            block, block_code = m.group(1), code_of(m.group(2))
            continue
        if s[0] in "-~&":
            continue  # patterns, transformations, synonym sets
        m = VERB.match(s)
        if not m:
            continue
        words, own = m.group(1), m.group(2)
        code = code_of(own) if own is not None else block_code
        if code is None:
            continue
        parts = words.lower().split("_")
        if parts[0].startswith("+"):
            parts[0] = parts[0][1:]
        elif len(parts) > 1:
            continue  # the verb is not the first word ("WIRE_+TAP")
        lemma, rest = parts[0], parts[1:]
        if lemma in BE_HAVE or not re.fullmatch(r"[a-z][a-z-]*[a-z]", lemma):
            continue
        if lemma.endswith(("ed", "ing")) and rest:
            continue  # a form, not a lemma ("+ANGERED_BY")
        if len(rest) > 1 or (rest and rest[0] not in PARTICLES):
            continue
        out.append((lemma, rest[0] if rest else "", code, block.lower()))
    return out


def nominals(lemma: str) -> list[str]:
    """Regular nominalisations of a verb (may name no real word)."""
    out = []
    if lemma.endswith("ate") and len(lemma) >= 6:
        out.append(lemma[:-1] + "ion")  # repatriate -> repatriation
    elif lemma.endswith(("ize", "ise")):
        out.append(lemma[:-1] + "ation")  # mobilize -> mobilization
    elif lemma.endswith("ify"):
        out.append(lemma[:-1] + "ication")  # notify -> notification
    elif lemma.endswith("ute"):
        out.append(lemma[:-1] + "ion")  # execute -> execution
    elif lemma.endswith("ct"):
        out.append(lemma + "ion")  # convict -> conviction
    elif lemma.endswith(("rd", "sh", "ss", "oy", "on", "nd")) and len(lemma) >= 5:
        out.append(lemma + "ment")  # bombard -> bombardment, imprison -> imprisonment
    elif lemma.endswith(("raw", "ove", "ive", "use")) and len(lemma) >= 5:
        out.append(lemma.removesuffix("e") + "al")  # withdraw -> withdrawal, refuse -> refusal
    elif lemma.endswith(("mn", "rt", "lt")) and len(lemma) >= 5:
        out.append(lemma + "ation")  # condemn -> condemnation, deport -> deportation
    return [n for n in out if n not in NOT_ACTS]


def build(text: str) -> list[tuple[str, str, str, str, str]]:
    """Rows (lemma, particle, pos, cameo, source) sorted by lemma."""
    rows: dict[tuple[str, str], tuple[str, str, str]] = {}
    for lemma, particle, code, block in verbs(text):
        rows.setdefault((lemma, particle), ("verb", code, block))
    listed = {lemma for lemma, _ in rows}
    for (lemma, particle), (_, code, _) in list(rows.items()):
        if particle:
            continue
        for noun in nominals(lemma):
            if noun not in listed:
                rows.setdefault((noun, ""), ("nominal", code, lemma))
    return sorted((lemma, particle, pos, code, src) for (lemma, particle), (pos, code, src)
                  in rows.items())  # fmt: skip


HEADER = """\
# The usual CAMEO code of English event verbs, and of their regular nominalisations.
# Facts from PETRARCH-2's CAMEO verb dictionary (CAMEO.2.0.txt, MIT, (c) 2015 Open Event
# Data Alliance), selected and re-expressed; rebuilt by
# scripts/cameo_verbs_from_petrarch.py (its docstring says what is kept).
# Columns: lemma, particle (or empty), pos (verb | nominal: derived from the verb named
# in source), cameo (its code; the PLOVER type follows from cameo_plover.csv, 02x appeals
# are REQUEST, 01x statements are no event), source (the CAMEO verb block, or the verb).
"""


def main() -> int:
    path = SOURCE / "CAMEO.2.0.txt"
    if not path.exists():
        print(f"no CAMEO.2.0.txt in {SOURCE}", file=sys.stderr)
        return 2
    rows = build(path.read_text(encoding="latin-1"))
    lines = [HEADER + "lemma\tparticle\tpos\tcameo\tsource"]
    lines += ["\t".join(row) for row in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    verbs_n = sum(r[2] == "verb" for r in rows)
    print(f"wrote {OUT} ({verbs_n} verbs, {len(rows) - verbs_n} nominalisations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
