"""Classify the lines of a plain-text page as article text or page furniture.

Passes, in the data's order:

1. split the page into blocks (blank-line paragraphs) and lines, re-joining hard-wrapped
   lines;
2. score each line with the weighted rules of data/furniture.yaml, plus structural
   features (short lines in runs look like lists of links, short lines in capitals
   like buttons);
3. context: a block that is mostly furniture takes its other short lines along; a line
   next to a photo credit is a caption; after a list marker (related, most read) the
   list runs until article prose resumes; after a comment-thread marker the rest of
   the page is comments;
4. the body span: the best-scoring run of prose lines (maximum-sum segment, where a
   prose line earns its length and the non-prose lines between two prose lines cost
   a capped amount).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsgraph.extract.furniture_rules import Features, FurnitureModel, LineMatch, match_line

_TERMINAL = re.compile(r"[.!?…][\"”’'»)\]]*$")
_QUOTES = re.compile(r"[\"“”«»]")
_WORD = re.compile(r"\w[\w’'.-]*")
_OPEN_END = re.compile(r"[,;–—-]$")


@dataclass(slots=True)
class Line:
    """One line of the page and what the classifier decided about it."""

    text: str
    block: int
    words: int
    prose: bool
    match: LineMatch
    weight: float
    furniture: bool = False
    reason: str = ""


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_prose(text: str, features: Features, words: int | None = None) -> bool:
    """A line that reads like article prose: a long enough sentence, or just long.

    ``words`` is ``word_count(text)`` when the caller has it already."""
    if words is None:
        words = word_count(text)
    if words >= features.long_line_words:
        return True
    return words >= features.sentence_min_words and bool(_TERMINAL.search(text))


def _is_wrapped(current: str, following: str, joiners: frozenset[str]) -> bool:
    """True when ``following`` continues ``current`` (a hard-wrapped paragraph)."""
    if len(current) < 40 or _TERMINAL.search(current) or current.endswith(":"):
        return False
    if following[:1].islower():
        return True
    last = current.rsplit(" ", 1)[-1].lower()
    return last in joiners or bool(_OPEN_END.search(current))


def split_blocks(text: str, joiners: frozenset[str] = frozenset()) -> Iterator[tuple[int, str]]:
    """Yield (block index, line) for every non-empty line, re-joining wrapped lines.

    A line continues the one before when it starts in lower case, or when the one
    before is long, has no sentence end and ends with a comma, dash or a ``joiners`` word.
    """
    for index, block in enumerate(re.split(r"\n\s*\n", text)):
        merged: list[str] = []
        for raw in block.split("\n"):
            line = raw.strip()
            if not line:
                continue
            if merged and _is_wrapped(merged[-1], line, joiners):
                merged[-1] = f"{merged[-1]} {line}"
            else:
                merged.append(line)
        for line in merged:
            yield index, line


def _is_all_caps(text: str, features: Features, words: int) -> bool:
    if words >= features.short_line_words:
        return False
    if text.isascii():  # the same test, for ASCII letters
        return text.isupper()
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_short(line: Line, features: Features) -> bool:
    return line.words < features.short_line_words and not _TERMINAL.search(line.text)


def score_lines(text: str, model: FurnitureModel, structure: bool = True) -> list[Line]:
    """Passes 1 and 2: lines with their rule weights and structural features.

    ``structure=False`` weighs the rules alone (no runs of short lines, no capitals):
    for paragraphs an HTML extractor chose, whose lists and tables are markup, not
    runs of links."""
    feats = model.features
    lines: list[Line] = []
    for block, raw in split_blocks(text, model.wrap_joiners):
        match = match_line(raw, model)
        words = word_count(raw)
        caps = structure and _is_all_caps(raw, feats, words)
        weight = match.weight + (feats.all_caps_weight if caps else 0.0)
        lines.append(Line(raw, block, words, is_prose(raw, feats, words), match, weight))
    start = 0 if structure else len(lines)
    while start < len(lines):
        end = start
        while end < len(lines) and _is_short(lines[end], feats):
            end += 1
        if end - start >= feats.run_min_lines:
            for line in lines[start:end]:
                line.weight += feats.run_weight
        start = max(end, start + 1)
    for line in lines:
        if line.weight >= model.threshold:
            _mark(line, "rules: " + ",".join(line.match.names) if line.match.names else "list run")
    return lines


def _mark(line: Line, reason: str) -> None:
    if not line.furniture:
        line.furniture = True
        line.reason = reason


def _blocks(lines: list[Line]) -> Iterator[list[Line]]:
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or lines[i].block != lines[start].block:
            yield lines[start:i]
            start = i


def _context(lines: list[Line], model: FurnitureModel) -> None:
    """Pass 3a: furniture blocks take their other lines along; captions sit by credits."""
    feats = model.features
    for block in _blocks(lines):
        if len(block) < 2:
            continue
        share = sum(line.furniture for line in block) / len(block)
        if share > feats.block_majority:
            for line in block:
                if not line.prose or len(block) >= 3:
                    _mark(line, "furniture block")
        _captions(block)


def _captions(lines: list[Line], sentences: bool = True) -> None:
    """A line next to a photo credit is its caption (``sentences=False``: unless it
    reads as prose)."""
    for i, line in enumerate(lines):
        if "caption" not in line.match.categories or not line.furniture:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines):
                near = lines[j]
                if near.prose and not sentences:
                    continue
                if near.words < 30 and not _QUOTES.search(near.text) and near.weight >= 0:
                    _mark(near, "caption next to a credit")


def _lists_and_tail(lines: list[Line], model: FurnitureModel) -> None:
    """Pass 3b: list markers open a list until prose resumes; comment markers end the page."""
    body_words = 0
    in_list = False
    for i, line in enumerate(lines):
        if line.match.role == "tail" and body_words >= model.features.tail_min_body_words:
            for rest in lines[i:]:
                rest.furniture = True
                rest.reason = "comment thread"
            return
        if line.match.role == "barrier" and line.furniture:
            in_list = True
            continue
        if in_list:
            following = lines[i + 1] if i + 1 < len(lines) else None
            resumes = (
                line.prose
                and not line.furniture
                and following is not None
                and following.prose
                and not following.furniture
            )
            if resumes:
                in_list = False
            else:
                _mark(line, "list after a list marker")
        if line.prose and not line.furniture:
            body_words += line.words


def classify(text: str, model: FurnitureModel) -> list[Line]:
    """Score every line and apply the contextual passes (everything but the body span)."""
    lines = score_lines(text, model)
    _context(lines, model)
    _lists_and_tail(lines, model)
    return lines


def classify_paragraphs(text: str, model: FurnitureModel) -> list[Line]:
    """The passes for paragraphs an HTML extractor kept (one line each, blank lines
    between): the rules, captions by their credits (not across sentences: paragraphs
    are not a photo's block), list markers and comment markers."""
    lines = score_lines(text, model, structure=False)
    _captions(lines, sentences=False)
    _lists_and_tail(lines, model)
    return lines


def body_span(lines: list[Line], features: Features) -> tuple[int, int] | None:
    """Pass 4: (first, last) line index of the best run of prose lines, or None."""
    items: list[tuple[float, int, int]] = []  # (value, first index, last index)
    gap: float | None = None
    gap_start = 0
    for i, line in enumerate(lines):
        if line.prose and not line.furniture:
            if gap is not None:
                items.append((-min(gap, features.gap_cost_cap), gap_start, i - 1))
            gap = None
            value = max(1.0, line.words / features.body_words_per_point)
            items.append((value, i, i))
        else:
            if gap is None:
                gap, gap_start = 0.0, i
            gap += features.furniture_cost if line.furniture else features.non_sentence_cost
    best: tuple[float, int, int] | None = None
    run_value = 0.0
    run_start = 0
    for k, (value, _first, _last) in enumerate(items):
        if run_value <= 0:
            run_value, run_start = value, k
        else:
            run_value += value
        if value > 0 and (best is None or run_value > best[0]):
            best = (run_value, items[run_start][1], items[k][2])
    if best is None:
        return None
    return best[1], best[2]
