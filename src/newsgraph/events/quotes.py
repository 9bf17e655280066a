"""Quotations in a parsed body, with the speaker and the verb that introduces them.

'"There is no reason to object," he told BFM TV' gives the quote, the verb
"told" and the speaker the actor resolver found for "he" (its coreference is the
resolver's job).  A quote in a sentence with no speech verb of its own continues
the previous quote of the same paragraph ("..." X said. "...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..nlp import doc_text
from ..records import Actor, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .roles import Roles

# curly, straight, guillemets and low-high quotes; a quote never spans a paragraph
QUOTE_RE = re.compile(r"“([^“”\n]+?)”|\"([^\"\n]+?)\"|«([^«»\n]+?)»|„([^„“”\n]+?)[“”]")
MIN_WORDS = 2


def _speaker(verb: Token, roles: Roles) -> Actor | None:
    found = roles.subject(verb)
    if found:
        return found[0]
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("PROPN", "NOUN"):
            span = verb.doc[child.left_edge.i : child.i + 1]
            return Actor(text=span.text, code=None)
    return None


def _speech_verb(
    sents: Sequence[Span], start: int, end: int, speech: frozenset[str]
) -> Token | None:
    """The speech verb outside [start, end) nearest to the quote, in the quote's sentences."""
    best: tuple[int, Token] | None = None
    for sent in sents:
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in speech:
                continue
            if start - 1 <= tok.idx < end + 1:
                continue
            distance = start - tok.idx if tok.idx < start else tok.idx - end
            if best is None or distance < best[0]:
                best = (distance, tok)
    return best[1] if best else None


def find_quotes(
    doc: Doc,
    sents: Sequence[Span],
    roles: Roles,
    speech: frozenset[str],
) -> list[Quote]:
    """Every quotation of at least two words in ``doc`` (offsets in ``doc.text``)."""
    text = doc_text(doc)
    starts = [s.start_char for s in sents]
    out: list[Quote] = []
    for match in QUOTE_RE.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        inner, start, end = match.group(group), match.start(group), match.end(group)
        if len(inner.split()) < MIN_WORDS:
            continue
        first = max(0, _bisect(starts, start))
        last = max(first, _bisect(starts, end))
        verb = _speech_verb(sents[first : last + 1], start, end, speech)
        speaker = _speaker(verb, roles) if verb is not None else None
        verb_text = verb.text if verb is not None else None
        if verb is None:
            according = _according(sents[first : last + 1])
            if according is not None:
                named = roles.phrase(according)
                speaker, verb_text = (named[0] if named else None), "according to"
        if verb_text is None and out:
            prev = out[-1]
            if "\n" not in text[prev.end : start]:
                speaker, verb_text = prev.speaker, prev.verb
        out.append(Quote(text=inner.strip(), speaker=speaker, verb=verb_text,
                         sentence_index=first, start=start, end=end))  # fmt: skip
    return out


def _according(sents: Sequence[Span]) -> Token | None:
    for sent in sents:
        for tok in sent:
            if tok.lower_ == "according":
                for prep in tok.children:
                    for obj in prep.children:
                        if prep.lower_ == "to" and obj.dep_ == "pobj":
                            return obj
    return None


def _bisect(starts: Sequence[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def first_person(doc: Doc, quotes: Sequence[Quote], words: frozenset[str]) -> dict[int, Actor]:
    """Token index -> speaker for "we", "our", "I" inside a quote whose speaker is known."""
    out: dict[int, Actor] = {}
    for quote in quotes:
        if quote.speaker is None or quote.speaker.code is None:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        for tok in span or ():
            if tok.lower_ in words:
                out[tok.i] = quote.speaker
    return out
