"""Long bodies coded in pieces: cut between paragraphs, coded one piece at a time, joined.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters), and its parse of
one text is held whole in memory (about 10 KB a sentence).  A body longer than
``coding_piece_chars`` is therefore cut into pieces of at most that many characters,
each ending where a paragraph ends (else a line, else a sentence, else a space); the
pieces are coded one at a time (one parse in memory) and their codings joined into one
``Coding`` whose sentence indices and character offsets are those of the whole body,
as if it had been coded at once.  A body under the limit is coded as it always was.

What a piece cannot see is the text of the pieces before it: an event whose actor is
named only in an earlier paragraph ("he", "the ministry") reads as it would at the
start of an article.  Cuts fall between paragraphs, so a sentence is never cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..errors import ConfigError
from ..records import Coding, Event, Mention, Quote, Sentence, Toponym

MIN_PIECE = 200
MAX_PIECE = 500_000  # half of spaCy's max_length
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")


def check_piece_chars(size: int) -> int:
    """The ``coding_piece_chars`` setting, checked."""
    if not MIN_PIECE <= size <= MAX_PIECE:
        raise ConfigError(
            f"setting 'coding_piece_chars' is {size}; expected {MIN_PIECE:,} to {MAX_PIECE:,} "
            "(characters of a body coded at once)"
        )
    return size


def cut_pieces(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the pieces of ``text``, in order, each at most ``size``
    characters: cut after a paragraph break, else after a line break, a sentence end,
    a space, in that order; white space between two pieces belongs to neither."""
    pieces: list[tuple[int, int]] = []
    pos = _skip_space(text, 0)
    while pos < len(text):
        end = len(text) if len(text) - pos <= size else _cut(text, pos, pos + size)
        stop = end
        while stop > pos and text[stop - 1].isspace():
            stop -= 1
        if stop > pos:
            pieces.append((pos, stop))
        pos = _skip_space(text, end)
    return pieces


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _cut(text: str, start: int, limit: int) -> int:
    """Where a piece that starts at ``start`` and may run to ``limit`` ends: after its
    last paragraph break, else line break, sentence end or space, else at ``limit``."""
    for mark in ("\n\n", "\n"):
        found = text.rfind(mark, start + 1, limit)
        if found >= 0:
            return found + len(mark)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, limit)]
    if ends:
        return ends[-1]
    space = max(text.rfind(" ", start + 1, limit), text.rfind("\t", start + 1, limit))
    return space + 1 if space >= 0 else limit


def shifted(coding: Coding, offset: int, first_sentence: int) -> Coding:
    """A piece's coding with offsets and sentence indices of the whole body."""
    if offset == 0 and first_sentence == 0:
        return coding
    at, first = offset, first_sentence
    return Coding(
        sentences=tuple(
            replace(s, index=s.index + first, start=s.start + at, end=s.end + at)
            for s in coding.sentences
        ),
        mentions=tuple(replace(m, start=m.start + at, end=m.end + at) for m in coding.mentions),
        events=tuple(
            replace(e, start=e.start + at, end=e.end + at, sentence_index=e.sentence_index + first)
            for e in coding.events
        ),
        quotes=tuple(
            replace(q, start=q.start + at, end=q.end + at, sentence_index=q.sentence_index + first)
            for q in coding.quotes
        ),
        places=tuple(
            replace(p, start=p.start + at, end=p.end + at, sentence_index=p.sentence_index + first)
            for p in coding.places
        ),
    )


def code_in_pieces(
    code: Callable[[str, str | None], Coding], text: str, published: str | None, size: int
) -> Coding:
    """Code ``text`` piece by piece with ``code`` (``Coder.code``) and join the codings."""
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    events: list[Event] = []
    quotes: list[Quote] = []
    places: list[Toponym] = []
    for start, end in cut_pieces(text, size):
        part = shifted(code(text[start:end], published), start, len(sentences))
        sentences.extend(part.sentences)
        mentions.extend(part.mentions)
        events.extend(part.events)
        quotes.extend(part.quotes)
        places.extend(part.places)
    return Coding(tuple(sentences), tuple(mentions), tuple(events), tuple(quotes), tuple(places))
