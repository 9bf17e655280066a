"""Plain-text pages: split the article from the page furniture, find headline and outlet.

``clean_text`` takes text already passed through ``newsgraph.textnorm.normalize_text``
(blank-line paragraphs) and returns the article's paragraphs, the headline, the
removed lines and the outlet the page names itself as. ``clean_paragraphs`` applies the same rules to the paragraphs an HTML extractor kept.
The line classifier lives in
:mod:`newsgraph.extract.furniture` (patterns and weights in data/furniture.yaml),
the outlet finder in :mod:`newsgraph.extract.outlet` (data/outlets.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.furniture import Line, body_span, classify, classify_paragraphs
from newsgraph.extract.furniture_rules import FurnitureModel, load_model
from newsgraph.extract.outlet import OutletCatalog, find_outlet, load_catalog, name_key

_CAPITALISED = re.compile(r"^[\"“‘'(]?[A-Z0-9]")
_HEADLINE_ENDS_BADLY = re.compile(r"[.:,;]$")
_NOT_TITLE_REASONS = frozenset({"caption next to a credit", "comment thread"})
_SITE_PREFIX = re.compile(r"\s+(?:—|–|-{1,2}|\||:|·)\s+")
_NOT_KEY = re.compile(r"[\W_]+")
_CREDITS = frozenset({"meta"})  # bylines and datelines; a sentence of credit is the story's
_MARKUP_ROWS = ("- ", "| ", "|-")  # list items and table rows of an extractor's text


@dataclass(frozen=True, slots=True)
class CleanText:
    body: str
    title: str | None
    furniture: str
    outlet: str | None


def line_key(text: str) -> str:
    """Comparison key of a line: case, quotes, dashes and punctuation aside."""
    return _NOT_KEY.sub("", text.casefold())


def _headline_cased(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if len(w) >= 4]
    if not words:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _title_score(
    line: Line, order: int, repeated: bool, names: set[str], model: FurnitureModel, above_nav: bool
) -> float | None:
    """Score a candidate headline line, or None when it cannot be one."""
    feats = model.features
    text = line.text
    if line.match.weight >= model.threshold or line.reason in _NOT_TITLE_REASONS:
        return None
    if not feats.title_min_words <= line.words <= feats.title_max_words:
        return None
    if len(text) > feats.title_max_chars or not _CAPITALISED.search(text):
        return None
    if _HEADLINE_ENDS_BADLY.search(text) and not repeated:
        return None
    score = -0.3 * order
    score += 3.0 if repeated else 0.0
    score += 1.5 if 5 <= line.words <= 16 else 0.0
    score += 1.0 if _headline_cased(text) else 0.0
    score -= 2.0 if line.words <= 3 else 0.0
    score -= 1.5 if above_nav else 0.0  # a masthead stands above the navigation, a headline below
    parts = _SITE_PREFIX.split(text, maxsplit=1)
    if name_key(text) in names or name_key(parts[0]) in names:
        score -= 3.0
    elif len(parts) == 2 and _is_masthead_part(parts[0]):
        score -= 2.0  # "SITE NAME | tagline"
    return score


def _is_masthead_part(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) <= 4 and bool(letters) and all(c.isupper() for c in letters)


def _strip_site_suffix(title: str, names: set[str]) -> str:
    """'Headline | Site Name' -> 'Headline' when the suffix names the outlet."""
    parts = re.split(r"\s+(?:\||—|–|-|::)\s+", title)
    if len(parts) >= 2 and name_key(parts[-1]) in names:
        return title[: title.rfind(parts[-1])].rstrip(" |—–-:")
    return title


def _choose_title(
    lines: list[Line],
    head_end: int,
    body_end: int,
    names: set[str],
    model: FurnitureModel,
    keys: list[str] | None = None,
) -> int | None:
    """Index of the headline among the lines above the article, or None.

    A headline repeated above or inside the article counts for more (a repeat in the
    footer or the comments is a site name, not a headline).
    """
    keys = keys if keys is not None else [line_key(line.text) for line in lines]
    counts: dict[str, int] = {}
    for key in keys[: max(head_end, body_end + 1)]:
        counts[key] = counts.get(key, 0) + 1
    nav_at = [i for i, ln in enumerate(lines[:head_end]) if "nav" in ln.match.categories]
    best: tuple[float, int] | None = None
    order = 0
    for i, line in enumerate(lines[:head_end]):
        repeated = counts[keys[i]] > 1
        above_nav = any(j > i for j in nav_at)
        score = _title_score(line, order, repeated, names, model, above_nav)
        if score is None:
            continue
        order += 1
        if score > 0 and (best is None or score > best[0]):
            best = (score, i)
    return best[1] if best else None


def clean_text(text: str) -> CleanText:
    """Split a plain-text page into article body, headline, furniture and outlet."""
    return split_page(text, load_model(), load_catalog())


def split_page(text: str, model: FurnitureModel, catalog: OutletCatalog) -> CleanText:
    """``clean_text`` with an explicit furniture model and outlet catalog."""
    lines = classify(text, model)
    span = body_span(lines, model.features)
    start, end = span if span else (len(lines), -1)

    outside = [ln for i, ln in enumerate(lines) if ln.furniture or not start <= i <= end]
    evidence = [ln.text for ln in outside if "caption" not in ln.match.categories]
    head = [
        ln.text
        for ln in lines[:start]
        if "caption" not in ln.match.categories and ln.reason not in _NOT_TITLE_REASONS
    ]
    guess = find_outlet(evidence, head, catalog)
    names = {name_key(n) for n in guess.names}

    keys = [line_key(line.text) for line in lines]
    title_index = _choose_title(lines, start, end, names, model, keys)
    title_line = lines[title_index].text if title_index is not None else None
    title_key = line_key(title_line) if title_line else None
    title = _strip_site_suffix(title_line, names) if title_line else None

    keep: list[bool] = []
    for i, line in enumerate(lines):
        if line.furniture or i == title_index or keys[i] == title_key:
            keep.append(False)
        elif span is None or start <= i <= end:
            keep.append(True)
        else:  # a lead paragraph between the headline and the article's main run
            keep.append(title_index is not None and title_index < i < start and line.prose)
    body = "\n\n".join(ln.text for ln, k in zip(lines, keep, strict=True) if k)
    furniture = "\n".join(
        ln.text
        for i, (ln, k) in enumerate(zip(lines, keep, strict=True))
        if not k and i != title_index
    )
    return CleanText(body=body, title=title, furniture=furniture, outlet=guess.outlet)


def clean_paragraphs(body: str, title: str | None, model: FurnitureModel | None = None) -> str:
    """An extracted body (paragraphs with blank lines between) without the furniture
    the text-page rules find in it: banners, appeals, captions, credits, link lists,
    comment threads and the headline repeated.

    The extractor's choice is trusted where the rules are weakest: a paragraph long
    enough to be prose (``long_line_words``) that only an appeal, promotion or
    sign-up rule flags stays when it stands above the article's last paragraph of
    clean prose (an appeal goes under the story; a story about subscriptions stays);
    a sentence that only the byline rules flag ("X contributed to this report.") is
    the story's own; list items and table rows ("- ", "| ") are markup the rules were
    not written for.
    A body with nothing left is returned whole."""
    model = model or load_model()
    lines = classify_paragraphs(body, model)
    title_key = line_key(title) if title else None
    last = max((i for i, ln in enumerate(lines) if ln.prose and not ln.furniture), default=-1)
    kept = [
        ln.text
        for i, ln in enumerate(lines)
        if not _dropped(ln, i <= last, title_key, model.features.long_line_words)
    ]
    return "\n\n".join(kept) if kept and len(kept) < len(lines) else body


def _dropped(line: Line, in_story: bool, title_key: str | None, long_words: int) -> bool:
    if line.text.startswith(_MARKUP_ROWS):
        return False
    if title_key and line_key(line.text) == title_key:
        return True
    if not line.furniture or _credit_sentence(line):
        return False
    long_prose = line.words >= long_words and "caption" not in line.match.categories
    return not (long_prose and in_story)


def _credit_sentence(line: Line) -> bool:
    """A sentence flagged by the byline rules alone (not by its place in a list or a
    comment thread)."""
    return line.prose and line.reason.startswith("rules:") and line.match.categories <= _CREDITS
