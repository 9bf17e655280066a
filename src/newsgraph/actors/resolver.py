"""``ActorResolver``: phrases and parsed documents -> actors.

``lookup`` reads one phrase ("Turkish troops", "Ankara", "Lavrov") at a date;
``mentions`` finds every actor mention in a parsed spaCy doc: dictionary matches grouped
by noun chunk, unknown PERSON/ORG/NORP entities (kept with code None), and coreferent
pronouns and definite descriptions.  The dictionary is loaded once per resolver; a
resolver is cheap to share between threads (it holds no per-call state; the readings
it remembers depend only on the phrase and the date).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..nlp import doc_ents, doc_text, token_arrays
from ..records import Actor, Mention
from .compose import Kind, Need, Reading, compose
from .context import in_context, inside_a_name, is_place, names_a_thing, own_states
from .coref import Candidate, resolve
from .dated import person_state
from .dictionary import Dictionary, load_dictionary
from .matching import Hit, scan, token_key, tokenize
from .pieces import Piece, build_pieces

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_ENTITY_KIND: dict[str, Kind] = {"PERSON": "person", "ORG": "org", "NORP": "name"}
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_DATED = frozenset({"person", "short", "org"})  # entries whose reading depends on the date


def _actor(text: str, r: Reading) -> Actor:
    return Actor(text=text, code=r.code, country=r.country, sector=r.sector, org=r.org, name=r.name)


class ActorResolver:
    """Resolve actor phrases and find actor mentions; see the module docstring."""

    def __init__(self, data_dir: Path | None = None) -> None:
        self.dictionary: Dictionary = load_dictionary(data_dir)
        # compose's readings by (date, determiner, hits at offsets from the first): the
        # same phrases recur in every article, and a reading depends on nothing else
        # (the date only for people and organisations)
        self._readings: dict[tuple[Any, ...], Reading | None] = {}

    # -- phrases ---------------------------------------------------------------------------
    def read(self, text: str, when: str | None = None) -> Reading | None:
        """The full reading of one phrase (``lookup`` gives its actor)."""
        d = self.dictionary
        texts = tokenize(text)
        if not texts:
            return None
        hits = scan(d, texts, relax=text == text.lower())
        first = texts[0].lower()
        det = first if first in d.definite or first in d.pronouns else None
        return compose(d, hits, when, det)

    def lookup(self, text: str, when: str | None = None) -> Actor | None:
        """The actor a phrase names at a date (ISO ``YYYY[-MM[-DD]]``), or None if unknown."""
        r = self.read(text, when)
        if r is None or r.code is None or r.bound:
            return None
        return _actor(text, r)

    def role(self, name: str, when: str | None = None) -> str | None:
        """The listed role a known person held at a date ("foreign_minister"), or None."""
        hits = scan(self.dictionary, tokenize(name), relax=True)
        for h in hits:
            for e in h.entries:
                if e.kind in ("person", "short"):
                    return person_state(self.dictionary.people[e.ref], when)[1]
        return None

    # -- documents -------------------------------------------------------------------------
    def mentions(self, doc: Doc, published: str | None = None) -> list[Mention]:
        """Every actor mention in a parsed doc, in text order, char offsets in ``doc.text``."""
        from spacy.symbols import PROPN

        d = self.dictionary
        columns = _columns(doc)
        a = token_arrays(doc)
        texts, deps, starts = a.texts, a.deps, a.starts
        names = (
            ((columns[:, 1] == PROPN) | (columns[:, 2] == doc.vocab.strings["PERSON"])).tolist()
            if doc.has_annotation("TAG")
            else None
        )
        hits = scan(d, texts, names=names)
        pieces = build_pieces(doc, hits, d)
        sent_of = _sentence_index(doc)
        readings: list[tuple[Piece, Reading]] = []
        named: list[tuple[Piece, Reading]] = []  # every state named, places too
        for p in pieces:
            r = self._compose(p.hits + p.borrowed, published, p.det)
            if r is None:
                continue
            if r.country and r.org is None and own_states(p):
                named.append((p, r))  # Turkey, Turkish troops, (in) Ankara
            if r.kind == "metonym" and (
                is_place(doc, p, hits) or inside_a_name(doc, p) or names_a_thing(doc, p, d)
            ):
                continue
            if not r.identity and deps[p.end - 1] == "amod" and r.need == "none":
                continue  # "military coordination": an adjective, not an actor
            readings.append((p, r))
        readings = in_context(doc, readings, d, sent_of, named)
        readings = [(p, r) for p, r in readings if not r.bound]
        cands = self._entity_candidates(doc, readings, sent_of)
        for p, r in readings:
            head = p.end - 1
            cands.append(
                Candidate(
                    starts[p.start],
                    starts[head] + len(texts[head]),
                    r,
                    sent_of[p.start],
                    deps[head] in _SUBJECT or deps[p.start] in _SUBJECT,
                )
            )
        cands.extend(self._pronouns(doc, sent_of, columns))
        taken = {i for c in cands for i in range(c.start, c.end)}
        cands.extend(c for c in _country_anaphors(doc, sent_of) if c.start not in taken)
        out: list[Mention] = []
        text = doc_text(doc)
        for c in resolve(cands):
            surface = text[c.start : c.end]
            kind: Kind = "pronoun" if c.pronoun else c.reading.kind
            out.append(Mention(c.start, c.end, _actor(surface, c.reading), kind))
        return out

    def _compose(self, hits: list[Hit], when: str | None, det: str | None) -> Reading | None:
        """``compose`` of a piece's hits, remembered (see ``__init__``)."""
        base = hits[0].start if hits else 0
        dated = any(e.kind in _DATED for h in hits for e in h.entries)
        key = (
            when if dated else None,  # only people and organisations change with the date
            det,
            tuple((h.start - base, h.end - base, h.entries) for h in hits),
        )
        memo = self._readings
        if key in memo:
            return memo[key]
        r = compose(self.dictionary, hits, when, det)
        if len(memo) >= 65536:
            memo.clear()
        memo[key] = r
        return r

    def _entity_candidates(
        self, doc: Doc, readings: list[tuple[Piece, Reading]], sent_of: list[int]
    ) -> list[Candidate]:
        """Unknown PERSON/ORG/NORP entities; a name beside an office takes the office's actor."""
        taken: dict[int, int] = {}
        for n, (p, _) in enumerate(readings):
            for i in range(p.start, p.end):
                taken[i] = n
        out: list[Candidate] = []
        for ent in doc_ents(doc):
            if ent.label_ not in _ENTITY_KIND:
                continue
            inside = [taken[i] for i in range(ent.start, ent.end) if i in taken]
            if inside:
                n = inside[-1]
                p, r = readings[n]
                if (
                    ent.label_ == "PERSON"
                    and ent.end > p.end
                    and r.name is None
                    and r.kind != "person"
                ):
                    if p.start == ent.start and r.kind in ("metonym", "country"):
                        # "Virginia Woolf", "Jordan Peterson": a place word that starts a name
                        unknown = Reading(None, None, None, kind="person", person_like=True)
                        readings[n] = (p.extend(ent.end), replace(unknown, name=ent.text))
                    else:
                        readings[n] = (p.extend(ent.end), _named(r, ent.text))
                continue
            after = taken.get(ent.end)
            if ent.label_ == "NORP" and after is not None and readings[after][0].start == ent.end:
                p, r = readings[after]  # "Kurdish fighters": one mention, the group's actor
                readings[after] = (p.extend(p.end, ent.start), r)
                continue
            office = self._office_for(ent, readings, taken, self.dictionary.honorifics)
            if office is not None and ent.label_ == "PERSON":
                r = _named(office, ent.text)
            else:
                kind = _ENTITY_KIND[ent.label_]
                r = Reading(None, None, None, kind=kind, person_like=ent.label_ == "PERSON")
            text = ent.text.rstrip()
            out.append(
                Candidate(
                    ent.start_char,
                    ent.start_char + len(text),
                    r,
                    sent_of[ent.start],
                    ent.root.dep_ in _SUBJECT,
                )
            )
        return out

    @staticmethod
    def _office_for(
        ent: Span,
        readings: list[tuple[Piece, Reading]],
        taken: dict[int, int],
        honorifics: frozenset[str] = frozenset(),
    ) -> Reading | None:
        root = ent.root
        if root.dep_ == "appos":
            head = root.head
            while head.dep_ == "pobj" and head.head.lower_ == "of":
                head = head.head.head  # "Deputy Head of the Committee of the Duma, Victor V."
            if head.i in taken:
                r = readings[taken[head.i]][1]
                if r.person_like and r.kind != "person":
                    return r
        prev = ent.start - 1
        doc = ent.doc
        while prev >= 0 and prev not in taken and token_key(doc[prev].text) in honorifics:
            prev -= 1  # "defence chief Gen. Ngo Xuan Lich"
        if prev in taken:
            r = readings[taken[prev]][1]
            if r.person_like and r.kind != "person" and not r.plural:
                return r
        return None

    def _pronouns(self, doc: Doc, sent_of: list[int], columns: Any) -> list[Candidate]:
        from spacy.symbols import PRON

        d = self.dictionary
        out: list[Candidate] = []
        lowers, pos = columns[:, 0], columns[:, 1]
        words = [doc.vocab.strings[w] for w in d.pronouns]
        for i in np.flatnonzero(np.isin(lowers, words) & ((pos == 0) | (pos == PRON))).tolist():
            t = doc[i]
            kind = d.pronouns.get(t.lower_)
            if kind not in ("person", "group"):
                continue
            need: Need = "person" if kind == "person" else "group"
            r = Reading(
                None,
                None,
                None,
                kind="pronoun",
                person_like=kind == "person",
                plural=kind == "group",
                need=need,
            )
            out.append(
                Candidate(
                    t.idx, t.idx + len(t.text), r, sent_of[t.i], t.dep_ in _SUBJECT, pronoun=True
                )
            )
        return out


# "the country", "the nation": the state named last before them (coreference, need "state")
_STATE_NOUNS = frozenset({"country", "nation"})


def _country_anaphors(doc: Doc, sent_of: list[int]) -> list[Candidate]:
    """A singular "the country" / "the nation" as a subject ("China established ties with
    El Salvador after the country broke off links with Taiwan"), to be read as the country
    named last before it (``coref``: need "state")."""
    out: list[Candidate] = []
    for t in doc:
        if t.lower_ not in _STATE_NOUNS or t.tag_ != "NN" or t.dep_ not in _SUBJECT:
            continue  # "the country's north", "leave the country": a place, or another state
        dets = [c for c in t.children if c.dep_ == "det" and c.i < t.i]
        if not dets or dets[0].lower_ not in ("the", "this"):
            continue
        r = Reading(None, None, None, kind="pronoun", need="state")
        start = dets[0].idx
        out.append(
            Candidate(start, t.idx + len(t.text), r, sent_of[t.i], t.dep_ in _SUBJECT, pronoun=True)
        )
    return out


def _named(r: Reading, name: str) -> Reading:
    return replace(
        r,
        name=name,
        kind="office" if r.kind in ("noun", "demonym") else r.kind,
        person_like=True,
        plural=False,
    )


def _columns(doc: Doc) -> Any:
    """LOWER, POS and ENT_TYPE of every token, one row per token."""
    from spacy.attrs import ENT_TYPE, LOWER, POS

    return doc.to_array([LOWER, POS, ENT_TYPE]).reshape(len(doc), 3)


def _sentence_index(doc: Doc) -> list[int]:
    """The sentence number of every token (a sentence starts at token 0 and wherever
    ``sent_start`` is 1, as ``doc.sents`` reads it)."""
    from spacy.attrs import SENT_START

    if not len(doc) or not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0] * len(doc)
    starts = doc.to_array([SENT_START]).astype(np.int64) == 1
    starts[0] = True
    return (np.cumsum(starts) - 1).tolist()
