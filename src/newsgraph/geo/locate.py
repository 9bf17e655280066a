"""Places in parsed text, and the one place tied to an event.

``places_in(doc)`` lists the places a parsed text names with their character
offsets (the ``place`` mentions of :func:`newsgraph.geo.resolve.mentions`).
``locate_event`` says where an event happened and from what: its clause, its
sentence, or the article's place its actors point to.

``event_location(sent, trigger)`` answers where an event happened: a locative
phrase ("in Idlib", "near Aleppo", "north of Kherson", "across France") attached
to the trigger or to one of its arguments, or the object of a verb of physical
action ("shelled Afrin", "visited Kyiv").  A place that is only an actor ("Ankara
said", "Turkish troops", "the Kremlin") is not a location, and nothing is guessed
when the sentence names no place: the answer is None, never a capital by default.
A country used as a location ("in Syria") gives the country's centroid with
``feature="country"``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsgraph.geo.gazetteer import Gazetteer, default_gazetteer, load_rules
from newsgraph.geo.names import normalize
from newsgraph.geo.resolve import PlaceMention, mentions
from newsgraph.nlp import doc_ents, token_arrays
from newsgraph.records import Place

_ENTITY_LABELS = {"GPE", "LOC", "FAC"}
_NOT_PLACE_LABELS = {"PERSON", "ORG", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "WORK_OF_ART"}
_MISREAD_LABELS = {"PERSON", "ORG"}
# Finer features win over coarser ones when several places are tied to one event.
_FEATURE_RANK = {
    "facility": 0, "crossing": 0, "city": 1, "island": 2, "region": 2, "territory": 3,
    "border": 3, "water": 4, "country": 5,
}  # fmt: skip
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "dative", "pobj", "appos", "oprd"}
_HEAD_DEPS = {"dobj", "nsubj", "nsubjpass", "attr"}
_MAX_DEPTH = 3

Token = Any  # spacy.tokens.Token; spaCy is typed loosely, and imported lazily
Span = Any


@dataclass(frozen=True, slots=True)
class _Rules:
    locative: frozenset[str]
    no_country_after: frozenset[str]
    direction: frozenset[str]
    generic: frozenset[str]
    suffixes: frozenset[str]
    object_verbs: frozenset[str]
    no_descent_after: frozenset[str]
    facility: frozenset[str]
    destination_verbs: frozenset[str]


@cache
def _rules() -> _Rules:
    raw = load_rules()
    return _Rules(
        locative=frozenset(raw["locative_prepositions"]),
        no_country_after=frozenset(raw["no_country_after"]),
        direction=frozenset(raw["direction_words"]),
        generic=frozenset(raw["generic_place_nouns"]),
        suffixes=frozenset(raw["feature_suffixes"]),
        object_verbs=frozenset(raw["place_object_verbs"]),
        no_descent_after=frozenset(raw["no_descent_after"]),
        facility=frozenset(raw["facility_nouns"]),
        destination_verbs=frozenset(raw["destination_verbs"]),
    )


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # character offsets in the doc
    end: int
    place: Place


class _Reader:
    """Reads place names off one parsed sentence or document."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        countries: Callable[[], set[str]],
        hint: str | None,
        article: Sequence[PlaceMention] = (),
    ) -> None:
        self.gaz = gazetteer
        self._countries = countries
        self._named: set[str] | None = None
        self.hint = hint
        self.rules = _rules()
        # the article's resolved places, by character span and by name
        self.spans, self.names = _article_index(article)

    @property
    def countries(self) -> set[str]:
        """The countries the text names: weak hints (looked up on first use)."""
        if self._named is None:
            self._named = self._countries()
        return self._named

    def place_at(self, tok: Token, allow_country: bool = True, seen: int = 0) -> _Found | None:
        """The named place the noun ``tok`` denotes, if any."""
        if tok.ent_type_ in _NOT_PLACE_LABELS - _MISREAD_LABELS:
            return None
        spans = self._name_spans(tok)
        if tok.ent_type_ in _MISREAD_LABELS:
            # The small model reads some cities as people ("visited Kyiv"); a one-word
            # name may still be a place, a longer person or organisation name is not.
            ent = _entity_of(tok)
            if len(ent) > 1 and ent.start <= tok.i < ent.end:
                spans = [(ent.start, ent.end)]
        for start, end in spans:
            found = self._lookup(tok.doc, start, end, tok)
            if found and (allow_country or found.place.feature != "country"):
                return found
        if tok.lemma_.lower() in self.rules.generic and seen < 2:
            # "the town of Afrin", "the Syrian capital, Damascus"
            for child in tok.children:
                if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ == "of"):
                    target = child if child.dep_ == "appos" else _pobj(child)
                    if target is not None:
                        found = self.place_at(target, allow_country, seen + 1)
                        if found:
                            return found
        return None

    def _name_spans(self, tok: Token) -> list[tuple[int, int]]:
        """Token ranges [start, end) that may name the place, longest first."""
        doc = tok.doc
        spans: list[tuple[int, int]] = []
        if tok.ent_type_:
            ent = _entity_of(tok)
            start, end = ent.start, ent.end
            if end < len(doc) and doc[end].lower_ in self.rules.suffixes:
                spans.append((start, end + 1))  # "Idlib province"
            if start > 0 and doc[start - 1].lower_ in self.rules.direction:
                spans.append((start - 1, end))  # "eastern Mediterranean"
            spans.append((start, end))
        left = tok.i
        while (
            left > 0
            and doc[left - 1].dep_ in {"compound", "amod"}
            and doc[left - 1].head.i in range(left, tok.i + 1)
        ):
            if (
                doc[left - 1].pos_ not in {"PROPN", "NOUN", "ADJ"}
                or doc[left - 1].ent_type_ == "NORP"
            ):
                break
            left -= 1
        right = tok.i + 1
        if tok.pos_ == "PROPN" or tok.lower_ in self.rules.suffixes:
            spans.append((left, right))
            if (
                right + 1 < len(doc)
                and doc[right].lower_ == "of"
                and doc[right + 1].pos_ == "PROPN"
            ):
                spans.insert(0, (left, right + 2))  # "Gulf of Oman"
        if tok.pos_ == "PROPN" and (tok.i, tok.i + 1) not in spans:
            spans.append((tok.i, tok.i + 1))
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.rules.facility:
            names = [c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if names:  # "the Jenin refugee camp" -> "Jenin"
                first = min(names)
                while (
                    first > 0
                    and doc[first - 1].dep_ == "compound"
                    and doc[first - 1].pos_ == "PROPN"
                ):
                    first -= 1
                spans.append((first, max(names) + 1))
        return spans

    def _lookup(self, doc: Any, start: int, end: int, tok: Token) -> _Found | None:
        span = doc[start:end]
        text = span.text
        if tok.ent_type_ == "NORP" and tok.pos_ != "PROPN":
            return None  # a demonym ("Turkish") is never a place
        if end - start == 1 and self.gaz.is_stop_name(text):
            return None
        if end - start > 1 and doc[end - 1].tag_ == "POS":
            span = doc[start : end - 1]
        known = self.spans.get((span.start_char, span.end_char)) or self.names.get(
            normalize(span.text)
        )
        if known is not None:  # resolved with the whole article as context
            return _Found(span.start_char, span.end_char, known.entry.place)
        span = doc[start:end]
        candidates = self.gaz.candidates(text)
        if not candidates:
            return None
        if tok.ent_type_ in _MISREAD_LABELS:
            least = 100_000 if end - start > 1 else 50_000
            if all(
                c.entry.fcode.startswith("PPL") and c.entry.population < least for c in candidates
            ):
                return None  # a city inside an organisation's name; a surname that is a town
        hint = self._local_hint(tok) or self.hint or self._text_hint(text, candidates)
        place = self.gaz.lookup(text, hint)
        if place is None:
            return None
        if end - start > 1 and doc[end - 1].tag_ == "POS":
            span = doc[start : end - 1]  # "Syria's" -> "Syria"
        return _Found(span.start_char, span.end_char, place)

    def _text_hint(self, text: str, candidates: list[Any]) -> str | None:
        """A country the text names, when a place of that name there is not dwarfed by
        a bigger namesake ("Tripoli" in a story about Lebanon; not "Vienna" in one that
        mentions the US)."""
        best = self.gaz.best(text)
        top = best.population if best is not None else 0
        for c in candidates:
            e = c.entry
            if (
                e.country in self.countries
                and e.fcode.startswith("PPL")
                and e.population * 10 >= top
            ):
                return str(e.country)
        return None

    def _local_hint(self, tok: Token) -> str | None:
        """The country of a place named beside this one: "Aleppo, Syria", "Paris,
        Texas", "Syria's Idlib province", "Tripoli, Lebanon's second city"."""
        for child in tok.children:
            if child.dep_ not in {"appos", "conj", "npadvmod", "poss"}:
                continue
            names = [child] if child.pos_ == "PROPN" else []
            names += [c for c in child.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
            for name in names:
                place = self.gaz.lookup(name.text)
                if place is not None and place.feature in {"country", "region"}:
                    return place.country
        return None


def _entity_of(tok: Token) -> Any:
    return next(e for e in doc_ents(tok.doc) if e.start <= tok.i < e.end)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


# One-slot caches: the coder asks about every event of the same article in turn, so
# what depends only on the article (its places by span and name, the countries its
# entities name) is built once per article, not once per event.  A slot holds the
# object it was built from (an identity test cannot match a newer object) and is
# replaced whole, so threads sharing it read one article's entry or another's.
_ARTICLE: list[Any] = [None]
_DOC_COUNTRIES: list[Any] = [None]


def _article_index(
    article: Sequence[PlaceMention],
) -> tuple[dict[tuple[int, int], PlaceMention], dict[str, PlaceMention]]:
    slot = _ARTICLE[0]
    if slot is None or slot[0] is not article:
        places = [m for m in article if m.role == "place"]
        index = ({(m.start, m.end): m for m in places}, {normalize(m.text): m for m in places})
        if not article:
            return index
        slot = (article, index)
        _ARTICLE[0] = slot
    return slot[1]


def _countries_named(tokens: Any, gaz: Gazetteer) -> set[str]:
    """The countries the GPE entities of a sentence (or a document) name."""
    doc = getattr(tokens, "doc", tokens)
    slot = _DOC_COUNTRIES[0]
    if slot is None or slot[0] is not doc or slot[1] is not gaz:
        named: list[tuple[int, str]] = []
        for ent in doc_ents(doc):
            if ent.label_ == "GPE":
                place = gaz.lookup(ent.text)
                if place is not None and place.feature == "country" and place.country:
                    named.append((ent.start, place.country))
        slot = (doc, gaz, named)
        _DOC_COUNTRIES[0] = slot
    lo, hi = (0, len(doc)) if tokens is doc else (tokens.start, tokens.end)
    return {country for start, country in slot[2] if lo <= start < hi}


def places_in(
    doc: Any, gazetteer: Gazetteer | None = None, country_hint: str | None = None
) -> list[tuple[int, int, Place]]:
    """The places a parsed text names: (start_char, end_char, Place), in order.

    The ``place`` mentions of :func:`newsgraph.geo.resolve.mentions` (not the names
    inside organisations' names, nor demonyms), resolved with the whole text as context.
    """
    return [
        (m.start, m.end, m.place)
        for m in mentions(doc, country_hint, gazetteer)
        if m.role == "place"
    ]


@dataclass(frozen=True, slots=True)
class EventLocation:
    """Where an event happened, and how that was decided.

    ``source``: ``clause`` (a locative phrase or place object tied to the trigger),
    ``sentence`` (a place the sentence names elsewhere, not as an actor), ``article``
    (the article's place in the country the sentence's actors point to), ``none``.
    """

    place: Place | None
    source: str


def locate_event(
    sent: Span,
    trigger: Token,
    article: Sequence[PlaceMention] = (),
    actor_countries: Sequence[str] = (),
    country_hint: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> EventLocation:
    """The place of the event of ``trigger``: clause, else sentence, else article.

    ``article`` is the output of ``mentions`` for the whole text (its resolution, with
    the article as context, is reused); ``actor_countries`` the ISO alpha-3 codes of
    the sentence's source and target actors.  Never a capital by default.
    """
    place = event_location(sent, trigger, country_hint, gazetteer, article)
    if place is not None:
        return EventLocation(place, "clause")
    lo, hi = sent.start_char, sent.end_char
    in_sentence = [m for m in article if m.role == "place" and lo <= m.start < hi]
    located = [
        m
        for m in in_sentence
        if not _as_actor(sent, m) and (m.entry.fcode != "PCLI" or _in_country(sent, m))
    ]
    if located:
        best = min(located, key=lambda m: (_rank(m.place), abs(m.start - trigger.idx)))
        return EventLocation(best.place, "sentence")
    if actor_countries:
        counts = Counter(
            m.entry
            for m in article
            if m.role == "place" and m.entry.country in actor_countries and m.entry.fcode != "PCLI"
        )
        if counts:
            entry = max(counts, key=lambda e: (counts[e], -_rank(e.place)))
            return EventLocation(entry.place, "article")
    return EventLocation(None, "none")


def _rank(place: Place) -> int:
    return _FEATURE_RANK.get(place.feature or "", 1)


def _head_of(sent: Span, m: PlaceMention) -> Token | None:
    """The head of the first token of ``sent`` inside ``m``, climbing compounds."""
    doc = sent.doc
    starts = token_arrays(doc).starts
    k = bisect_left(starts, m.start, sent.start, sent.end)  # token offsets rise
    if k == sent.end or starts[k] >= m.end:
        return None
    head = doc[k]
    while head.dep_ == "compound" and head.head is not head:
        head = head.head
    return head


def _in_country(sent: Span, m: PlaceMention) -> bool:
    """A country named as where things are ("militants in Syria", "across Ukraine"),
    not as a topic or a recipient ("talks on Syria", "fired at Israel")."""
    head = _head_of(sent, m)
    if head is None or head.dep_ != "pobj":
        return False
    word = head.head.lower_
    rules = _rules()
    return word in rules.locative and word not in rules.no_country_after


def _as_actor(sent: Span, m: PlaceMention) -> bool:
    """A place named as a subject, object or possessor is an actor ("Ankara said")."""
    head = _head_of(sent, m)
    return head is not None and head.dep_ in {
        "nsubj", "nsubjpass", "dobj", "poss", "dative", "agent"
    }  # fmt: skip


def event_location(
    sent: Span,
    trigger: Token,
    country_hint: str | None = None,
    gazetteer: Gazetteer | None = None,
    article: Sequence[PlaceMention] = (),
) -> Place | None:
    """The place where the event of ``trigger`` happened, or None.

    Looks at locative phrases attached to the trigger and to its arguments (and to
    the verb a nominal trigger is the object of: "launched strikes in Idlib"), and
    at the object of a verb of physical action.  The finest place wins (a city over
    a region over a country), then the one nearest the trigger in the parse.
    """
    gaz = gazetteer or default_gazetteer()
    reader = _Reader(gaz, lambda: _countries_named(sent, gaz), country_hint, article)
    rules = reader.rules
    found: list[tuple[int, int, int, Place]] = []  # (feature rank, depth, distance, place)
    doc = trigger.doc
    # the tree is walked on the doc's token columns (nlp.TokenArrays), not Token objects
    a = token_arrays(doc)
    deps, lowers, lemmas, children = a.deps, a.lowers, a.lemmas, a.children
    at = trigger.i

    def add(hit: _Found | None, depth: int, i: int) -> None:
        if hit is not None:
            rank = _FEATURE_RANK.get(hit.place.feature or "", 1)
            found.append((rank, depth, abs(i - at), hit.place))

    def objects(prep: int) -> list[int]:
        """The objects of a preposition, with their conjuncts ("in Aleppo and Idlib")."""
        out: list[int] = []
        for obj in children[prep]:
            if deps[obj] == "pobj":
                out.append(obj)
                out.extend(c for c in children[obj] if deps[c] == "conj")
        return out

    def visit(tok: int, depth: int) -> None:
        for child in children[tok]:
            dep = deps[child]
            if dep in {"prep", "agent"}:
                word = lowers[child]
                locative = word in rules.locative or (
                    word == "of" and lowers[tok] in rules.direction
                )
                destination = word == "to" and lemmas[tok] in rules.destination_verbs
                for obj in objects(child):
                    if locative or destination:
                        allow_country = locative and word not in rules.no_country_after
                        add(reader.place_at(doc[obj], allow_country), depth, obj)
                    if depth < _MAX_DEPTH and word not in rules.no_descent_after:
                        visit(obj, depth + 1)  # "to the border near Kilis", "by rebels in Idlib"
            elif dep == "advmod" and lowers[child] in rules.direction:
                visit(child, depth)  # "20 km north of Aleppo"
            elif dep in _ARGUMENT_DEPS and depth < _MAX_DEPTH - 1:
                visit(child, depth + 1)

    visit(at, 0)
    if lemmas[at] in rules.object_verbs:
        for child in children[at]:
            if deps[child] in {"dobj", "nsubjpass"}:
                add(reader.place_at(doc[child], allow_country=False), 0, child)
    head = a.heads[at]
    if deps[at] in _HEAD_DEPS and a.pos[head] in {"VERB", "AUX"} and head != at:
        # a nominal trigger takes the place of its verb: "launched strikes in Idlib",
        # "fighting raged north of Aleppo", "talks resumed in Geneva"
        for child in children[head]:
            dep, word = deps[child], lowers[child]
            if dep == "prep" and word in rules.locative:
                for obj in objects(child):
                    add(reader.place_at(doc[obj], word not in rules.no_country_after), 1, obj)
            elif dep in {"advmod", "npadvmod"} and word in rules.direction:
                for prep in children[child]:
                    if deps[prep] == "prep" and lowers[prep] == "of":
                        for obj in objects(prep):
                            add(reader.place_at(doc[obj]), 1, obj)
    if not found:
        return None
    return min(found, key=lambda f: f[:3])[3]
