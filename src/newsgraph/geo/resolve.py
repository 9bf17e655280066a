"""Every toponym of a parsed article, found and resolved with the article as context.

``mentions(doc, country_hint=None)`` -> list of :class:`PlaceMention`, in text order.
Each holds the span, the sentence, the resolved gazetteer :class:`Entry` (GeoNames id
where known, name, feature code and class, first-level division, country, latitude,
longitude), the evidence that chose it, and a confidence.  ``role`` says how the name
is used: ``place`` (a location), ``modifier`` (inside an organisation's name: "the
Ohio Department of Transportation"), ``demonym`` ("Russian", tied to its country: a
hint, not a place).

Finding: the entity recogniser's places, the place names inside its organisations and
people's names, capitalised names it missed, demonyms, state abbreviations.  A name
outside a place entity must be a strong one (a country, a division, a region, a county,
a town of some size, or a town qualified by its state) unless the article uses it as a
place elsewhere.

Resolving, per name (one sense per name per article):

1. the prior: countries, then continents and regions, then US states and other
   first-level divisions at their own rank, then towns by population (a country's
   capital a little higher; an alternate spelling lower);
2. a qualifier next to the name: "Alexandria, La.", "Dublin, Ohio", "Syria's Idlib":
   entries inside the qualifier win;
3. the article's other places: a division or country that holds other places the
   article names ("Georgia" with "Atlanta"), a town in a division or country the
   article names, the article's main country;
4. the outlet's country (``country_hint``), weakly.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsgraph.geo.gazetteer import Candidate, Entry, Gazetteer, default_gazetteer
from newsgraph.geo.names import normalize
from newsgraph.nlp import doc_ents, doc_sents, token_arrays, token_spaces, token_texts
from newsgraph.records import Place

Doc = Any  # spacy.tokens.Doc or Span
Token = Any

ROLES = ("place", "modifier", "demonym")
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_SKIP_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
_STRONG = {"PCLI", "ADM1", "CONT", "RGN", "TERR", "H", "ISL", "BDR", "S", "ADM2"}
_MAX_WORDS = 5
_LOWER_OK = {"of", "and", "the", "de", "du", "la", "el", "al", "upon", "on"}
# the key of a text's name, remembered: the finder asks for every run of capitals
_key = lru_cache(maxsize=65536)(normalize)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One toponym of a text, resolved."""

    start: int  # character offsets in the text
    end: int
    text: str
    sentence: int  # the sentence's index in the text
    sentence_start: int
    sentence_end: int
    role: str  # place | modifier | demonym
    entry: Entry
    evidence: tuple[str, ...]
    confidence: float

    @property
    def place(self) -> Place:
        return self.entry.place


@dataclass(slots=True)
class _Proposal:
    start: int  # token offsets
    end: int
    key: str
    role: str
    label: str
    candidates: list[Candidate]
    qualifier: Entry | None = None
    qualifier_text: str = ""
    demonym: str | None = None
    evidence: list[str] = field(default_factory=list)


def mentions(
    doc: Doc, country_hint: str | None = None, gazetteer: Gazetteer | None = None
) -> list[PlaceMention]:
    """Every toponym of a parsed text, resolved (see the module's docstring)."""
    gaz = gazetteer or default_gazetteer()
    proposals = _Finder(doc, gaz).run()
    return _resolve(doc, proposals, gaz, country_hint)


# -- finding ---------------------------------------------------------------------------


class _Finder:
    def __init__(self, doc: Doc, gaz: Gazetteer) -> None:
        self.doc = doc
        self.gaz = gaz
        self.taken = [False] * len(doc)
        self.out: list[_Proposal] = []
        self.offset = doc[0].i if len(doc) else 0  # a Span's tokens keep doc indexes
        # read once: the passes below look at every token
        self.words = token_arrays(doc).texts if doc.doc is doc else token_texts(doc)
        self.spaces = token_spaces(doc)
        self.caps = [_capital_text(w) for w in self.words]

    def _text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``start < end <= len(doc)``) without making a span."""
        if end - start == 1:
            return self.words[start]
        words, spaces = self.words, self.spaces
        return "".join([words[k] + spaces[k] for k in range(start, end - 1)]) + words[end - 1]

    def run(self) -> list[_Proposal]:
        doc = self.doc
        # a doc's entities built once per coding (nlp.cached_ents), a span's anew
        ents = sorted(doc_ents(doc) if doc.doc is doc else doc.ents, key=lambda e: e.start)
        for ent in ents:
            if ent.label_ in _SKIP_LABELS:
                continue
            self._entity(ent)
        # capitalised names the recogniser missed, and demonyms outside entities
        i = 0
        n = len(doc)
        while i < n:
            if self.taken[i] or not self.caps[i]:
                i += 1
                continue
            tok = doc[i]
            if tok.ent_type_ in _SKIP_LABELS:
                i += 1
                continue
            if _in_a_name(tok):
                i += 1
                continue
            j = i
            while (
                j < n
                and j - i < _MAX_WORDS
                and not self.taken[j]
                and self.caps[j]
                and not _in_a_name(doc[j])
            ):
                j += 1
            self._scan(i, j, "", inside=False)
            i = max(j, i + 1)
        self._repeats()
        self._county_lists()
        self._qualifiers()
        self.out.sort(key=lambda p: p.start)
        return self.out

    def _repeats(self) -> None:
        """A name the text uses as a place once is a place everywhere in it
        ("MANSFIELD --", "Fargo raised its goal")."""
        known = {p.key: p for p in self.out if p.role != "demonym"}
        firsts = {key.split()[0] for key in known if key}
        if not known:
            return
        for i, word in enumerate(self.words):
            if self.taken[i] or not self.caps[i]:
                continue
            head = _key(word).split()
            if head and head[0] not in firsts:  # no known name starts with this word
                continue
            for j in range(min(len(self.doc), i + _MAX_WORDS), i, -1):
                key = _key(self._text(i, j))
                if key in known and not any(self.taken[i:j]):
                    for k in range(i, j):
                        self.taken[k] = True
                    self.out.append(_Proposal(i, j, key, "place", "", known[key].candidates))
                    break

    def _county_lists(self) -> None:
        """ "Barrow, Jackson and Madison counties": each name is a county."""
        doc, words, caps = self.doc, self.words, self.caps
        for end, text in enumerate(words):
            lower = text.lower()
            if lower not in {"counties", "parishes"}:
                continue
            word = "County" if lower == "counties" else "Parish"
            i = end - 1
            while i >= 0 and (caps[i] or words[i] in {",", "and"}):
                if caps[i]:
                    j = i
                    while j > 0 and caps[j - 1]:
                        j -= 1
                    key = normalize(f"{doc[j : i + 1].text} {word}")
                    cands = self.gaz.candidates_key(key)
                    if cands:
                        self.out = [p for p in self.out if not (j <= p.start < i + 1)]
                        for k in range(j, i + 1):
                            self.taken[k] = True
                        self.out.append(_Proposal(j, i + 1, key, "place", "", cands))
                    i = j
                i -= 1

    def _entity(self, ent: Any) -> None:
        doc = self.doc
        start, end = ent.start - self.offset, ent.end - self.offset
        while start < end and doc[start].lower_ in {"the", "a", "an"}:
            start += 1
        while end > start and (doc[end - 1].tag_ == "POS" or not doc[end - 1].text.strip(".")):
            end -= 1
        if start >= end:
            return
        label = ent.label_
        if label == "NORP":
            self._demonym(start, end, label)
            return
        if label in _PLACE_LABELS and self._propose(start, end, label, "place", strict=False):
            return
        if label == "PERSON" and end - start > 1:
            return  # a person's full name; a one-word "person" may be a misread town
        role = "place" if label in _PLACE_LABELS or label == "PERSON" else "modifier"
        if role == "modifier" and _after_locative(doc[start:end]):
            role = "place"  # "in Moorhead", though the recogniser read an organisation
        self._scan(start, end, label, inside=True, role=role)

    def _scan(self, start: int, end: int, label: str, inside: bool, role: str = "place") -> None:
        """Longest names first, left to right, within tokens [start, end)."""
        i = start
        while i < end:
            if self.taken[i] or not self.caps[i]:
                if _demonym_word(self.doc[i]):
                    self._demonym(i, i + 1, label or "NORP")
                i += 1
                continue
            for j in range(min(end, i + _MAX_WORDS), i, -1):
                if not self.caps[j - 1]:
                    continue
                if self._propose(i, j, label, role, strict=True):
                    i = j
                    break
            else:
                two = self._text(i, i + 2) if i + 1 < end else ""
                if two and self.gaz.demonym(two):
                    self._demonym(i, i + 2, label or "NORP")
                elif self.gaz.demonym(self.words[i]):
                    self._demonym(i, i + 1, label or "NORP")
                i += 1

    def _propose(self, start: int, end: int, label: str, role: str, strict: bool) -> bool:
        doc = self.doc
        text = self._text(start, end)
        key = _key(text)
        if not key or any(self.taken[start:end]):
            return False
        if end - start == 1 and text.endswith(".") and len(text) > 2:
            state = self.gaz.abbreviation(text)  # "Kan.", "Fla.", "N.C."
            if state is not None:
                self.taken[start] = True
                self.out.append(_Proposal(start, end, key, role, label, [Candidate(state, False)]))
                return True
            if len(text) <= 5:
                return False  # "Kan." is not the Chinese town Kan
        # "Idlib province", "Madison County": a feature word after the name
        if end < len(doc) and self.words[end] in {"County", "Parish", "Province", "Region"}:
            longer = _key(self._text(start, end + 1))
            if self.gaz.has_key(longer):
                key, end = longer, end + 1
        if not self.gaz.has_key(key):
            return False
        if end - start == 1 and self.gaz.is_stop_name(key):
            return False
        cands = self.gaz.candidates_key(key)
        if strict and not self._strong(cands, start, end, label):
            return False
        for k in range(start, end):
            self.taken[k] = True
        self.out.append(_Proposal(start, end, key, role, label, cands))
        return True

    def _strong(self, cands: Sequence[Candidate], start: int, end: int, label: str) -> bool:
        """May a name outside a place entity be read as a place?"""
        first = self.doc[start]
        if first.is_sent_start and end - start == 1 and not label:
            # a capitalised sentence opener: only a name nothing else could be
            return any(c.entry.fcode in {"PCLI", "ADM1", "CONT"} for c in cands)
        if any(c.entry.fcode in _STRONG and not c.alternate for c in cands):
            return True
        least = 20_000 if label in {"PERSON", "ORG"} else 5_000
        if any(c.entry.population >= least and not c.alternate for c in cands):
            return True
        nxt = self.doc[end] if end < len(self.doc) else None
        if nxt is not None and nxt.text == "," and end + 1 < len(self.doc):
            after = self.doc[end + 1]
            return self.gaz.abbreviation(after.text) is not None or any(
                c.entry.fcode in {"ADM1", "PCLI"} for c in self.gaz.candidates(after.text)
            )
        return False

    def _demonym(self, start: int, end: int, label: str) -> None:
        text = self.doc[start:end].text
        country = self.gaz.demonym(text) or self.gaz.demonym(self.doc[end - 1].text)
        if country is None or any(self.taken[start:end]):
            return
        entry = self.gaz.country_entry(country)
        if entry is None:
            return
        for k in range(start, end):
            self.taken[k] = True
        prop = _Proposal(
            start, end, f"demonym:{country}", "demonym", label, [Candidate(entry, False)]
        )
        prop.demonym = country
        self.out.append(prop)

    def _qualifiers(self) -> None:
        """ "Alexandria, La.", "Dublin, Ohio", "Paris, Texas", "Syria's Idlib"."""
        doc = self.doc
        by_start = {p.start: p for p in self.out}
        for p in list(self.out):
            if p.role == "demonym":
                continue
            e = p.end
            if e + 1 < len(doc) and doc[e].text == ",":
                nxt = by_start.get(e + 1)
                entry = None
                if nxt is not None and nxt.role != "demonym":
                    entry = _division_or_country(nxt.candidates)
                    text = doc[nxt.start : nxt.end].text
                else:
                    entry = self.gaz.abbreviation(doc[e + 1].text)
                    text = doc[e + 1].text
                    if entry is not None and not self.taken[e + 1]:
                        self.taken[e + 1] = True
                        self.out.append(
                            _Proposal(
                                e + 1,
                                e + 2,
                                normalize(text),
                                "place",
                                "",
                                [Candidate(entry, False)],
                            )
                        )
                if entry is not None and _inside_any(p.candidates, entry):
                    p.qualifier, p.qualifier_text = entry, text
            if p.start >= 2 and doc[p.start - 1].tag_ == "POS":
                owner = next((q for q in self.out if q.end == p.start - 1), None)
                if owner is not None:
                    entry = _division_or_country(owner.candidates)
                    if entry is not None and _inside_any(p.candidates, entry):
                        p.qualifier, p.qualifier_text = entry, doc[owner.start : owner.end].text


_LOCATIVE = {"in", "at", "near", "from", "outside", "inside", "around", "across", "to", "into"}


def _after_locative(span: Any) -> bool:
    """The whole span is the object of a locative preposition."""
    root = span.root
    return bool(
        root.dep_ == "pobj"
        and root.head.lower_ in _LOCATIVE
        and all(t.pos_ == "PROPN" for t in span)
    )


def _in_a_name(tok: Token) -> bool:
    """An acronym the recogniser read as an organisation ("NATO"), or a given name
    before a name particle ("Adel al-Jubeir"): not a town, whatever the gazetteer has."""
    if tok.ent_type_ == "ORG" and tok.text.isupper():
        return True
    if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and tok.i + 1 < len(tok.doc):
        nxt = tok.nbor(1)
        return bool(nxt.ent_iob_ == "I" and nxt.text[:1].islower())
    return False


def _capital_text(text: str) -> bool:
    """A capitalised word, an initialism or a hyphenated name (spaCy's ``is_alpha`` is
    ``str.isalpha``)."""
    return bool(text) and text[0].isupper() and (text.isalpha() or "." in text or "-" in text)


def _demonym_word(tok: Token) -> bool:
    return tok.ent_type_ == "NORP" and tok.text[:1].isupper()


def _division_or_country(cands: Sequence[Candidate]) -> Entry | None:
    best = [c.entry for c in cands if c.entry.fcode in {"ADM1", "PCLI"}]
    return max(best, key=Entry.prior) if best else None


def _inside(entry: Entry, area: Entry) -> bool:
    if entry is area or entry.country != area.country or area.country is None:
        return False
    if area.fcode == "PCLI":
        return entry.fcode != "PCLI"
    if area.fcode == "ADM1":
        return entry.admin1 is not None and entry.admin1 == area.admin1 and entry.fcode != "ADM1"
    return False


def _inside_any(cands: Sequence[Candidate], area: Entry) -> bool:
    return any(_inside(c.entry, area) for c in cands)


# -- resolving -------------------------------------------------------------------------


def _resolve(
    doc: Doc, proposals: list[_Proposal], gaz: Gazetteer, hint: str | None
) -> list[PlaceMention]:
    groups: dict[str, list[_Proposal]] = defaultdict(list)
    for p in proposals:
        groups[p.key].append(p)
    # pass 1: each name alone (prior and qualifier) -> anchors for the context
    anchor: dict[str, Entry] = {}
    for key, group in groups.items():
        scores = _score(group, {}, Counter(), Counter(), None)
        anchor[key] = max(scores, key=lambda s: s[0])[1]
    countries: Counter[str] = Counter()
    divisions: Counter[tuple[str, str]] = Counter()
    for key, entry in anchor.items():
        weight = len(groups[key])
        if entry.country:
            countries[entry.country] += weight
        if entry.admin1 and entry.country:
            divisions[(entry.country, entry.admin1)] += weight
    # pass 2: with the rest of the article
    chosen: dict[str, tuple[Entry, list[str], float]] = {}
    for key, group in groups.items():
        others = {k: e for k, e in anchor.items() if k != key}
        own = anchor[key]
        c_ctx = countries.copy()
        d_ctx = divisions.copy()
        if own.country:
            c_ctx[own.country] -= len(group)
        if own.admin1 and own.country:
            d_ctx[(own.country, own.admin1)] -= len(group)
        main = c_ctx.most_common(1)[0][0] if c_ctx and c_ctx.most_common(1)[0][1] > 0 else None
        scores = _score(group, others, c_ctx, d_ctx, hint, main)
        scores.sort(key=lambda s: -s[0])
        best_score, entry, why = scores[0]
        margin = best_score - scores[1][0] if len(scores) > 1 else 4.0
        chosen[key] = (entry, why, margin)
    return _emit(doc, proposals, chosen, anchor)


def _score(
    group: Sequence[_Proposal],
    others: dict[str, Entry],
    countries: Counter[str],
    divisions: Counter[tuple[str, str]],
    hint: str | None,
    main: str | None = None,
) -> list[tuple[float, Entry, list[str]]]:
    quals = [p.qualifier for p in group if p.qualifier is not None]
    cands: dict[int, Candidate] = {}
    for c in group[0].candidates:
        old = cands.get(id(c.entry))
        if old is None or (old.alternate and not c.alternate):
            cands[id(c.entry)] = c
    out = []
    for c in cands.values():
        e = c.entry
        s = c.prior()
        why = ["prior"]
        if quals and any(_inside(e, q) for q in quals):
            s += 8
            why.append(f"qualifier:{quals[0].name}")
        elif quals:
            s -= 3
        if others and e.fcode in {"PCLI", "ADM1"}:
            held = sum(1 for o in others.values() if _inside(o, e))
            if held:
                s += min(4.0, 2.0 * held)
                why.append(f"holds:{held}")
        if others and e.fcode not in {"PCLI", "CONT", "RGN"}:
            named = [o for o in others.values() if o.fcode in {"ADM1", "PCLI"} and _inside(e, o)]
            if any(o.fcode == "ADM1" for o in named):
                s += 3
                why.append("division-named")
            elif named:
                s += 1.5
                why.append("country-named")
            if e.admin1 and e.country and divisions[(e.country, e.admin1)] > 0:
                s += min(2.0, 0.75 * divisions[(e.country, e.admin1)])
                why.append("division-context")
        if e.country and countries[e.country] > 0:
            s += min(2.0, 0.5 * countries[e.country])
            why.append("country-context")
        if main and e.country == main and e.fcode != "PCLI":
            s += 1.0
            why.append("main-country")
        if hint and e.country == hint:
            s += 1.0
            why.append("outlet")
        out.append((s, e, why))
    return out


def _emit(
    doc: Doc,
    proposals: list[_Proposal],
    chosen: dict[str, tuple[Entry, list[str], float]],
    anchor: dict[str, Entry],
) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    root = doc.doc if hasattr(doc, "doc") else doc
    sentenced = root.has_annotation("SENT_START")
    sents = doc_sents(root) if sentenced else []
    starts = [s.start for s in sents] if sentenced else [0]
    # a span's sentence is the one its first token is in (``Span.sent``): found by
    # bisection unless the doc is a span or its sentences come from a hook
    plain = doc is root and "sent" not in root.user_span_hooks and "sents" not in root.user_hooks
    towns = [(p, chosen[p.key][0]) for p in proposals if chosen[p.key][0].fclass == "P"]
    for p in proposals:
        entry, why, margin = chosen[p.key]
        evidence = list(why)
        if entry.approximate and entry.fcode == "ADM2":
            # a county without a point of its own: at the nearest town the text names in it
            near = [t for q, t in towns if t.country == entry.country and t.admin1 == entry.admin1]
            if near:
                q_town = min(
                    ((q, t) for q, t in towns if t in near),
                    key=lambda qt: abs(qt[0].start - p.start),
                )[1]
                entry = _moved(entry, q_town)
                evidence.append(f"at:{q_town.name}")
        span = doc[p.start : p.end]
        if sentenced and plain:
            sent = sents[bisect_right(starts, p.start) - 1]
        else:
            sent = span.sent if sentenced else span
        confidence = 1 / (1 + math.exp(-margin))
        if p.role != "place":
            confidence *= 0.8
        out.append(
            PlaceMention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                sentence=max(0, bisect_right(starts, sent.start) - 1),
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
                role=p.role,
                entry=entry,
                evidence=tuple(evidence),
                confidence=round(confidence, 2),
            )
        )
    return out


def _moved(entry: Entry, town: Entry) -> Entry:
    return Entry(
        entry.name, entry.fcode, entry.country, entry.admin1, town.lat, town.lon,
        entry.population, entry.geonameid, entry.feature, approximate=True,
    )  # fmt: skip
