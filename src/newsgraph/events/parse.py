"""Parse only what the coder needs (``settings.parse = "selective"``).

The whole model on every sentence (``"full"``) costs a tagger, a parser, the
attribute ruler and the lemmatizer on sentences that can hold no event.  The
selective path runs, on every text, only what every sentence needs: sentence
boundaries (the model's ``senter`` after the line-break rule) and named entities
(actors and places are looked for everywhere, for coreference across sentences).
A sentence that may hold an event or a quoted speaker, i.e. one with

* a word that may be a trigger of the lexicon (any lemma the English lemmatizer's
  tables allow for it) and a word that may name an actor (a dictionary phrase may
  start there, a PERSON/ORG/NORP entity, a pronoun); a word all of whose entries
  need a word beside it ("go" needs "strike" or "alert", "take" needs "control" or
  "hostage") counts only where one of those words may occur in the sentence, or
* a speech verb (or "according to") inside or beside a quotation,

is run through tok2vec, tagger, parser, attribute ruler and lemmatizer (the chosen
sentences of an article gathered in one doc, boundaries kept); the tags, lemmas and
trees are copied back into the article's doc.  Other sentences keep their boundaries and entities, with no tags and no tree
(``dep_ == ""``); the actor resolver and the coder treat them as unparsed.
``PARSED`` in ``doc.user_data`` holds the start tokens of the parsed sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import ConfigError
from ..nlp import TokenArrays, doc_text, token_spaces
from .lexicon import DYNAMIC_CLASSES
from .quotes import QUOTE_RE

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

T = TypeVar("T")
PARSED = "newsgraph_parsed_sentences"
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
WHOLE_DOC = ("newsgraph_line_breaks", "senter", "ner")
PER_SENTENCE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
POS_TABLES = ("verb", "noun", "adj", "adv")


class LemmaGuess:
    """Does a word form have a lemma in ``lemmas``?  Every lemma the English
    lemmatizer's tables allow for it counts (any part of speech), so that a trigger
    is never missed before the tagger has said which one it is."""

    def __init__(self, nlp: Language, lemmas: Iterable[str]) -> None:
        self.lemmas = frozenset(lemmas)
        self.cache: dict[str, bool] = {}
        self.rules: list[tuple[str, str]] = []
        self.exceptions: list[Any] = []
        if "lemmatizer" in nlp.component_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None:
                rules = lookups.get_table("lemma_rules", {})
                exceptions = lookups.get_table("lemma_exc", {})
                for pos in POS_TABLES:
                    self.rules.extend((old, new) for old, new in rules.get(pos, ()))
                    if exceptions.get(pos):
                        self.exceptions.append(exceptions.get(pos))

        self.form_cache: dict[str, frozenset[str]] = {}

    def forms(self, lower: str) -> frozenset[str]:
        """Every lemma the tables allow for a word form, the form itself included."""
        found = self.form_cache.get(lower)
        if found is None:
            forms = {lower}
            for old, new in self.rules:
                if lower.endswith(old):
                    forms.add(lower[: len(lower) - len(old)] + new)
            for table in self.exceptions:
                forms.update(table.get(lower, ()))
            found = self.form_cache[lower] = frozenset(forms)
        return found

    def __call__(self, lower: str) -> bool:
        found = self.cache.get(lower)
        if found is None:
            found = self.cache[lower] = not self.forms(lower).isdisjoint(self.lemmas)
        return found

    def which(self, lower: str) -> frozenset[str]:
        """The lemmas of ``lemmas`` a word form may have."""
        return self.forms(lower) & self.lemmas if self(lower) else frozenset()


def cue_words(triggers: Mapping[str, Iterable[Any]]) -> dict[str, frozenset[str]]:
    """For each trigger word all of whose entries need another word of the sentence
    (an object, particle, modifier or governor), the words that may satisfy one.
    A word with any entry free of such a need (or needing a party the matcher resolves:
    "@state", "@armed", "@person", "@place") is left out."""
    out: dict[str, frozenset[str]] = {}
    for lemma, entries in triggers.items():
        cues: set[str] = set()
        for entry in entries:
            words = set()
            for name in ("objects", "particle", "modifiers", "governors"):
                words |= set(getattr(entry, name, ()) or ())
            if not words or not DYNAMIC_CLASSES.isdisjoint(words):
                break
            cues |= words
        else:
            out[lemma] = frozenset(cues)
    return out


class SelectiveParser:
    """``nlp.pipe`` that parses only the sentences the coder may code."""

    def __init__(
        self,
        nlp: Language,
        triggers: Iterable[str] | Mapping[str, Iterable[Any]],
        speech: frozenset[str],
        actor_word: Callable[[str], bool] | None = None,
        actor_words: frozenset[str] = frozenset(),
    ) -> None:
        missing = [n for n in (*WHOLE_DOC, *PER_SENTENCE) if n not in nlp.component_names]
        if missing:
            raise ConfigError(
                f"selective parsing needs the components {missing} in {nlp.meta.get('name')!r}; "
                f'it has {nlp.component_names}; set parse = "full"'
            )
        self.nlp = nlp
        self.whole = [nlp.get_pipe(n) for n in WHOLE_DOC]
        self.per_sentence = [nlp.get_pipe(n) for n in PER_SENTENCE]
        self.trigger = LemmaGuess(nlp, triggers)
        # words that trigger only beside a cue word ("go" + "strike"): lemma -> cues
        self.cues = cue_words(triggers) if isinstance(triggers, Mapping) else {}
        self.speech = LemmaGuess(nlp, [*speech, "according"])
        self.actor_word = actor_word
        self.actor_words = actor_words

    def pipe(self, items: Iterable[tuple[str, T]], batch_size: int = 64) -> Iterator[tuple[Doc, T]]:
        """(text, context) pairs -> (doc, context), in input order."""
        it = iter(items)
        while batch := list(islice(it, max(1, batch_size))):
            docs = [self.nlp.make_doc(text) for text, _ in batch]
            for proc in self.whole:
                docs = _run(proc, docs, batch_size)
            yield from zip(self.parse_some(docs, batch_size), (c for _, c in batch), strict=True)

    def parse_some(self, docs: list[Doc], batch_size: int = 64) -> list[Doc]:
        """Parse the chosen sentences of docs that have boundaries and entities.

        The chosen sentences of one article go through the model together, as one
        doc of those sentences alone (boundaries kept), so that the model runs on as
        many docs as articles rather than one per sentence.
        """
        chosen = [self.choose(doc) for doc in docs]
        subs = [_gather(doc, spans) for doc, spans in zip(docs, chosen, strict=True)]
        for proc in self.per_sentence:
            subs = _run(proc, subs, batch_size)
        for doc, spans, sub in zip(docs, chosen, subs, strict=True):
            _copy_back(doc, spans, sub)
        return docs

    def choose(self, doc: Doc) -> list[Span]:
        """The sentences worth a parse (see the module docstring)."""
        actors = {i for e in doc.ents if e.label_ in ACTOR_ENTITIES for i in range(e.start, e.end)}
        quoted = [(m.start(), m.end()) for m in QUOTE_RE.finditer(doc_text(doc))]
        columns = TokenArrays(doc)  # token texts as lists: no Token object per word
        lowers, texts = columns.lowers, columns.texts
        out: list[Span] = []
        for sent in doc.sents:
            trigger = actor = speech = False
            cued: set[str] = set()  # cue words the sentence's trigger candidates wait for
            for i in range(sent.start, sent.end):
                lower = lowers[i]
                if not trigger and self.trigger(lower):
                    trigger = self._free(lower, cued)
                if not actor and (
                    i in actors
                    or lower in self.actor_words
                    or (self.actor_word is not None and self.actor_word(texts[i]))
                    or self.actor_word is None
                ):
                    actor = True
                if not speech and quoted and self.speech(lower):
                    speech = True
                if trigger and actor:
                    break
            if not trigger and cued and actor:
                trigger = any(
                    not self.trigger.forms(lowers[i]).isdisjoint(cued)
                    for i in range(sent.start, sent.end)
                )
            if (trigger and actor) or (speech and _touches(sent, quoted)):
                out.append(sent)
        return out

    def _free(self, lower: str, cued: set[str]) -> bool:
        """Does a trigger candidate need no cue word?  If it does, note its cues."""
        free = False
        for lemma in self.trigger.which(lower):
            cues = self.cues.get(lemma)
            if cues is None:
                free = True
            else:
                cued |= cues
        return free


def _run(proc: Any, docs: list[Doc], batch_size: int) -> list[Doc]:
    if hasattr(proc, "pipe"):
        return list(proc.pipe(docs, batch_size=batch_size))
    return [proc(doc) for doc in docs]


def _touches(sent: Span, quoted: Sequence[tuple[int, int]]) -> bool:
    return any(s <= sent.end_char and sent.start_char <= e for s, e in quoted)


def _gather(doc: Doc, spans: Sequence[Span]) -> Doc:
    """One doc of the tokens of ``spans``, each span a sentence of its own."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool | int | None] = []
    if spans:
        texts, after = TokenArrays(doc).texts, token_spaces(doc)
        for span in spans:
            words.extend(texts[span.start : span.end])
            spaces.extend(bool(after[i]) for i in range(span.start, span.end))
            starts.extend([True] + [False] * (len(span) - 1))
    return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)


def _copy_back(doc: Doc, spans: Sequence[Span], sub: Doc) -> None:
    """Write the gathered doc's tags, lemmas and trees into ``doc``, keeping its
    sentence boundaries (a tree written to a doc resets them)."""
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    doc.user_data[PARSED] = frozenset(span.start for span in spans)
    if not spans:
        return
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
    starts: Any = doc.to_array([SENT_START])
    table: Any = doc.to_array(attrs)
    parsed: Any = sub.to_array(attrs)
    at = 0
    for span in spans:
        table[span.start : span.end] = parsed[at : at + len(span)]
        at += len(span)
    doc.from_array(attrs, table)
    doc.from_array([SENT_START], starts)
