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
* a word that may be a trigger of an act news tells without its doer
  (``lexicon.told_without_doer``: "a car bomb exploded", "was charged with arson"), which
  the coder codes in a sentence that names no actor, or
* a speech verb (or "according to") inside or beside a quotation,

is run through tok2vec, tagger, parser, attribute ruler and lemmatizer (the chosen
sentences of an article gathered in one doc, boundaries kept); the tags, lemmas and
trees are copied back into the article's doc.  Other sentences keep their boundaries and entities, with no tags and no tree
(``dep_ == ""``); the actor resolver and the coder treat them as unparsed.
``PARSED`` in ``doc.user_data`` holds the start tokens of the parsed sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from ..actors.matching import token_key
from ..errors import ConfigError
from ..nlp import TokenArrays, doc_text, token_spaces
from .lexicon import DYNAMIC_CLASSES, told_without_doer
from .quotes import QUOTE_RE

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from .lexicon import Lexicon

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
            for name in ("objects", "particle", "modifiers", "governors", "prep_objects"):
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
        lone: Iterable[str] = (),
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
        # trigger words of acts coded with no actor named (some need a cue word too)
        self.lone = LemmaGuess(nlp, lone)
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
            trigger = actor = speech = lone = False
            cued: set[str] = set()  # cue words the sentence's trigger candidates wait for
            lone_cued: set[str] = set()  # those of the lone trigger candidates
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
                if not lone and self.lone(lower):
                    # worth a parse whether or not an actor is named
                    lone = self._free(lower, lone_cued, self.lone)
                if (trigger and actor) or lone:
                    break
            if not trigger and cued and actor:
                trigger = any(
                    not self.trigger.forms(lowers[i]).isdisjoint(cued)
                    for i in range(sent.start, sent.end)
                )
            if not lone and lone_cued:
                lone = any(
                    not self.trigger.forms(lowers[i]).isdisjoint(lone_cued)
                    for i in range(sent.start, sent.end)
                )
            if (trigger and actor) or lone or (speech and _touches(sent, quoted)):
                out.append(sent)
        return out

    def _free(self, lower: str, cued: set[str], guess: LemmaGuess | None = None) -> bool:
        """Does a trigger candidate (of ``guess``, by default any trigger) need no cue
        word?  If it does, note its cues."""
        free = False
        for lemma in (guess or self.trigger).which(lower):
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
    doc.user_data[PARSED] = frozenset(span.start for span in spans)
    _write_back(doc, spans, sub)


def _write_back(doc: Doc, spans: Sequence[Span], sub: Doc) -> None:
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

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


# --------------------------------------------------------------- headlines in title case
# A headline in title case ("Russia Bombs Syrian Rebel Positions Near Aleppo") reads to
# the tagger as one long name: no verb, no event.  Such a sentence is parsed again from
# a sentence-case copy, its common words lower-cased and its names kept, and the tags,
# lemmas, trees and entities of the copy replace the original's (the text stays).
TITLE_MIN_WORDS = 3  # capitalisable words of four letters or more after the first word
TITLE_SHARE = 0.8  # the share of them capitalised
TITLE_MAX_TOKENS = 25  # a headline is short (a long run of names and titles is no headline)


def title_case(sent: Span) -> bool:
    """Is a sentence a headline in title case?"""
    words = [t.text for t in sent[1:] if t.is_alpha and len(t.text) >= 4]
    if len(words) < TITLE_MIN_WORDS or len(sent) > TITLE_MAX_TOKENS:
        return False
    capital = sum(1 for w in words if w[0].isupper() and not w.isupper())
    return capital >= TITLE_SHARE * len(words)


def common_words(
    nlp: Language, lexicon: Lexicon, skip: Collection[str] = ()
) -> Callable[[str], bool]:
    """Is a lower-cased word a common word: a form of a trigger, a word an entry's
    constraints or the lexicon's word lists name (but those of ``skip``), or a function
    word?"""
    words: set[str] = set(nlp.Defaults.stop_words)
    for entry in lexicon.all_triggers():
        for name in ("objects", "modifiers", "particle", "governors", "unless", "preps"):
            words.update(w for w in getattr(entry, name, ()) or () if not w.startswith("@"))
    for name, values in lexicon.words.items():
        if name not in skip:
            words.update(values)
    # any form of those words ("refugees", "sanctions") or of a trigger ("bombs")
    return LemmaGuess(nlp, {*(w.lower() for w in words), *lexicon.triggers})


class Recaser:
    """Parses title-case headlines again in sentence case (see above).

    ``common(lower)`` says whether a word is a common word to lower-case (a trigger
    form, a word the lexicon's constraints name, a function word); other capitalised
    words are taken for names and kept.
    """

    def __init__(self, nlp: Language, common: Callable[[str], bool]) -> None:
        self.nlp = nlp
        self.common = common
        self.steps = [
            proc for name, proc in nlp.pipeline if name not in ("newsgraph_line_breaks", "senter")
        ]

    def recase(self, sent: Span) -> list[str]:
        out = []
        for n, tok in enumerate(sent):
            text = tok.text
            lower = text.lower()
            if n > 0 and text[:1].isupper() and not text.isupper() and self.common(lower):
                text = lower
            out.append(text)
        return out

    def __call__(self, doc: Doc) -> Doc:
        """``doc`` with its title-case sentences parsed again (in place)."""
        from spacy.tokens import Doc, Span

        spans = [s for s in doc.sents if title_case(s)]
        if not spans:
            return doc
        parsed = doc.user_data.get(PARSED)
        if parsed is not None:  # selective parsing: only the sentences it chose
            spans = [s for s in spans if s.start in parsed]
            if not spans:
                return doc
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool | int | None] = []
        after = token_spaces(doc)
        for span in spans:
            words.extend(self.recase(span))
            spaces.extend(bool(after[i]) for i in range(span.start, span.end))
            starts.extend([True] + [False] * (len(span) - 1))
        sub = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)
        for proc in self.steps:
            sub = proc(sub)
        _write_back(doc, spans, sub)
        # the copy's entities inside the headlines, the original's elsewhere
        ents = [e for e in doc.ents if all(e.end <= s.start or s.end <= e.start for s in spans)]
        at = 0
        for span in spans:
            for e in sub.ents:
                if at <= e.start and e.end <= at + len(span):
                    start = span.start + e.start - at
                    ents.append(Span(doc, start, start + len(e), label=e.label_))
            at += len(span)
        doc.ents = sorted(ents, key=lambda e: e.start)
        return doc


def selective_parser(
    nlp: Language, lexicon: Lexicon, speech: frozenset[str], resolver: Any, head: Any
) -> SelectiveParser:
    """The selective parser of a coder: a sentence is parsed when it may name an actor
    (a word where one of ``resolver``'s dictionary phrases may start, a first-person or
    dictionary pronoun) and holds a trigger word, or a word the learned ``head`` may add
    an event on."""
    d = getattr(resolver, "dictionary", None)
    actor_word: Callable[[str], bool] | None = None
    actor_words = lexicon.words.get("first_person", frozenset())
    if d is not None:  # a word where a dictionary phrase may start
        table, prefixes = d.table, d.prefixes

        def actor_word(text: str) -> bool:
            key = token_key(text)
            return key is not None and ((key,) in table or (key,) in prefixes)

        actor_words = actor_words | frozenset(d.pronouns)
    triggers: dict[str, tuple[Any, ...]] = dict(lexicon.triggers)
    weights = head.weights if head is not None else None
    adds = weights is not None and min(weights.thresholds.get(k, 1.0) for k in ("add", "bare")) < 1
    if weights is not None and weights.lemmas and adds:
        # a word the learned head may add an event on makes its sentence worth a
        # parse too (an entry of None needs no cue word)
        for lemma in weights.lemmas:
            triggers.setdefault(lemma, (None,))
    lone = [w for w, entries in lexicon.triggers.items()
            if any(told_without_doer(t.type, t.cameo, t.mode) for t in entries)]  # fmt: skip
    return SelectiveParser(nlp, triggers, speech, actor_word, actor_words, lone)
