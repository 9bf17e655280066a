"""The S/T spans of ../shared/gold/cameo_spans_dev.txt, split like plover_news_dev.jsonl.

Each sentence of the spans file is one token and tag a line (``B-S``/``I-S`` the
source, ``B-T``/``I-T`` the target), a blank line between sentences.  A spans sentence
belongs to the dev set's part whose sentence has the same text once lowercased with
every non-word character removed.  ``extra()`` gives the ones matching neither part,
less any near-duplicate of a held-out sentence (token Jaccard at least ``NEAR``): the
held-out texts are read only to be compared, never printed or kept.  A near-duplicate of a
train sentence is kept with that sentence's id, so that cross-validation keeps it in
that sentence's fold.

Imported by ``span_misses.py`` and ``train_linker.py`` (beside this file).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devsets import SHARED

SPANS = SHARED / "gold" / "cameo_spans_dev.txt"
NEAR = 0.6  # token Jaccard at or above which an unmatched sentence counts as a held-out one
_GLUE_LEFT = re.compile(r" ([,.;:!?%)\]]|'s|’s|n't|'|’)(?=\s|$)")


@dataclass(frozen=True, slots=True)
class SpanSentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def text(self) -> str:
        """The tokens joined back into text ("Syria 's" -> "Syria's", "a , b" -> "a, b")."""
        text = " ".join(self.tokens)
        text = _GLUE_LEFT.sub(r"\1", text)
        text = re.sub(r"([(\[$]) ", r"\1", text)
        return re.sub(r"(\w) - (\w)", r"\1-\2", text)

    def spans(self, label: str) -> list[str]:
        """The words of each ``label`` span ("S" or "T")."""
        out: list[list[str]] = []
        inside = False
        for word, tag in zip(self.tokens, self.tags, strict=True):
            if tag == f"B-{label}" or (tag == f"I-{label}" and not inside):
                out.append([word])
                inside = True
            elif tag == f"I-{label}":
                out[-1].append(word)
            else:
                inside = False
        return [" ".join(words) for words in out]


def norm(text: str) -> str:
    """The key two copies of one sentence share: lowercase, no non-word characters."""
    return re.sub(r"\W+", "", text.lower())


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def read_spans() -> list[SpanSentence]:
    out: list[SpanSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*SPANS.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if tokens:
                out.append(SpanSentence(tuple(tokens), tuple(tags)))
            tokens, tags = [], []
            continue
        word, _, tag = line.rpartition(" ")
        tokens.append(word)
        tags.append(tag)
    return out


def matched(records: list[dict[str, Any]], part: str) -> list[tuple[dict[str, Any], SpanSentence]]:
    """The spans sentences of the dev set's ``part`` with their record (only "train" is
    ever asked for: held-out ones are not read)."""
    assert part == "train", "held-out sentences are scored, never read"
    by_key = {norm(r["text"]): r for r in records if r["split"] == part}
    return [(by_key[norm(s.text)], s) for s in read_spans() if norm(s.text) in by_key]


def extra(records: list[dict[str, Any]]) -> tuple[list[tuple[SpanSentence, str | None]], int]:
    """The spans sentences of neither part, each with the id of the train sentence it
    nearly repeats (None if none: such a sentence must share that sentence's fold),
    less near-duplicates of held-out sentences (which must not train), and how many
    of these were dropped."""
    keys = {norm(r["text"]) for r in records}
    held = [words(r["text"]) for r in records if r["split"] == "heldout"]
    train = [(str(r["id"]), words(r["text"])) for r in records if r["split"] == "train"]
    out: list[tuple[SpanSentence, str | None]] = []
    dropped = 0
    for s in read_spans():
        if norm(s.text) in keys:
            continue
        mine = words(s.text)
        if any(_jaccard(mine, h) >= NEAR for h in held):
            dropped += 1
            continue
        near = max(train, key=lambda t: _jaccard(mine, t[1]))
        out.append((s, near[0] if _jaccard(mine, near[1]) >= NEAR else None))
    return out, dropped


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, len(a | b))
