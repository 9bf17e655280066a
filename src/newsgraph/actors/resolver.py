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
from .compose import Kind, Need, Reading, compose, make_code, with_context
from .coref import Candidate, resolve
from .dated import person_state
from .dictionary import Dictionary, load_dictionary
from .matching import Hit, scan, token_key, tokenize
from .pieces import Piece, build_pieces

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_ENTITY_KIND: dict[str, Kind] = {"PERSON": "person", "ORG": "org", "NORP": "name"}
_LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"}
)
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_ETHNIC = frozenset({"ethnic"})
_GROUP_HEADS = frozenset({"minority", "minorities", "population", "community", "communities"})
_RESIDENCE = frozenset({"in", "from", "of", "inside"})
# a state's envoy to an organisation is the state's: "Russia's UN ambassador"
_ENVOYS = frozenset({"envoy", "envoys", "ambassador", "ambassadors", "representative",
                     "representatives", "delegate", "delegates", "delegation", "mission"})  # fmt: skip
_POSSESSIVES = frozenset({"'s", "’s"})
_STATES = frozenset({"country", "capital", "metonym", "demonym"})
_DATED = frozenset({"person", "short", "org"})  # entries whose reading depends on the date
_COLLECTIVE = frozenset({"coalition", "alliance", "bloc", "organisation", "organization"})


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
        for p in pieces:
            r = self._compose(p.hits + p.borrowed, published, p.det)
            if r is None:
                continue
            if r.kind == "metonym" and (
                _is_place(doc, p, hits) or _inside_a_name(doc, p) or _names_a_thing(doc, p, d)
            ):
                continue
            if not r.identity and deps[p.end - 1] == "amod" and r.need == "none":
                continue  # "military coordination": an adjective, not an actor
            readings.append((p, r))
        readings = _members(doc, readings)
        readings = _ethnic_groups(doc, _attach_of(doc, readings))
        readings = _national_envoys(doc, readings)
        readings = _branches(d, readings, sent_of)
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


def _is_place(doc: Doc, p: Piece, hits: list[Hit]) -> bool:
    """A capital after "in"/"at"/... is a place, not the government ("said in Paris")."""
    if not p.hits or any(
        e.kind != "capital" for h in p.hits for e in h.entries if e.kind != "noun"
    ):
        return False
    if any(e.kind == "noun" for h in p.hits for e in h.entries):
        return False
    i = p.start - 1
    while i >= 0 and doc[i].lower_ in ("the",):
        i -= 1
    return i >= 0 and doc[i].lower_ in _LOCATIVE


def _names_a_thing(doc: Doc, p: Piece, d: Dictionary) -> bool:
    """A capital or region that only names a thing after itself: "the Paris Agreement",
    "the Doha agreement", "the Astana talks" (the thing's nouns: ``named_after_places``)."""
    if not p.hits or any(e.kind != "capital" for h in p.hits for e in h.entries):
        return False
    token = doc[p.end - 1]
    if not doc.has_annotation("DEP") or token.dep_ != "compound":
        return False
    head = token.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "the Paris climate accord", "the Stockholm ... Institute"
    words = d.named_after_places
    return head.i >= p.end and (head.lower_ in words or head.lemma_.lower() in words)


def _inside_a_name(doc: Doc, p: Piece) -> bool:
    """A metonym that ends a longer proper name is another body: "the Nigeria Labour
    Congress" is not the US Congress."""
    i = p.start - 1
    if i < 0 or not doc.has_annotation("DEP"):
        return False
    before = doc[i]
    return before.pos_ == "PROPN" and before.dep_ == "compound" and p.start <= before.head.i < p.end


def _owners(readings: list[tuple[Piece, Reading]]) -> dict[int, int]:
    """Which reading each token belongs to (token index → index in ``readings``)."""
    return {i: n for n, (p, _) in enumerate(readings) for i in range(p.start, p.end)}


def _attach_of(doc: Doc, readings: list[tuple[Piece, Reading]]) -> list[tuple[Piece, Reading]]:
    """Take the country of an "of" complement: "the foreign minister of Turkey"; a
    collective of agents is its agents: "a coalition of rights groups" (NGO)."""
    if not doc.has_annotation("DEP"):
        return readings
    at = _owners(readings)
    out = list(readings)
    for n, (p, r) in enumerate(readings):
        if r.identity:
            continue
        token = doc[p.end - 1]
        for _ in range(3):
            objs = [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            if not objs:
                break
            token = objs[0]
            inner = readings[at[token.i]][1] if token.i in at else None
            if inner is not None and r.head in _COLLECTIVE and inner.plural and inner.code:
                out[n] = (p, inner)  # "a coalition of human rights groups": the groups
                break
            if token.i in at and readings[at[token.i]][1].identity:
                ante = readings[at[token.i]][1]
                out[n] = (
                    p,
                    replace(
                        with_context(r, ante, own_sector=not r.generic), need="none", bound=False
                    ),
                )
                break
    return out


def _members(doc: Doc, readings: list[tuple[Piece, Reading]]) -> list[tuple[Piece, Reading]]:
    """An organisation's member followed by a country ("the EU member Poland", parsed as
    two phrases) is one mention, the country's; "the OPEC member" alone is a state named
    before it (coreference, need "state")."""
    out: list[tuple[Piece, Reading]] = []
    for n, (p, r) in enumerate(readings):
        last = p.hits[-1].entries if p.hits else ()
        follows = n + 1 < len(readings) and readings[n + 1][0].start == p.end
        if r.kind == "org" and p.det == "the" and any("member" in e.flags for e in last):
            before = any(q.kind in _STATES and q.code == q.country for _, q in readings[:n])
            if before and (not follows or readings[n + 1][1].kind != "country"):
                out.append((p, Reading(None, None, None, kind="noun", need="state")))
                continue
        if out:
            q, prev = out[-1]
            last = q.hits[-1].entries if q.hits else ()
            if (
                p.start == q.end
                and prev.kind == "org"
                and any("member" in e.flags for e in last)
                and r.kind == "country"
            ):
                out[-1] = (q.extend(p.end), r)
                continue
        out.append((p, r))
    return out


def _national_envoys(
    doc: Doc, readings: list[tuple[Piece, Reading]]
) -> list[tuple[Piece, Reading]]:
    """A state's envoy to an organisation is the state's: "Russia's UN ambassador",
    "Pyongyang's U.N. envoy", "the Russian U.N. ambassador" (RUSGOV, not UN)."""
    out = list(readings)
    at = _owners(readings)
    for n, (p, r) in enumerate(readings):
        if r.kind != "org" or doc[p.end - 1].lower_ not in _ENVOYS:
            continue
        country = next((e.country for h in p.hits for e in h.entries
                        if e.kind in ("country", "demonym", "capital") and e.country), None)  # fmt: skip
        if country is None and p.start >= 2 and doc[p.start - 1].lower_ in _POSSESSIVES:
            k = at.get(p.start - 2)
            owner = readings[k][1] if k is not None else None
            if owner is not None and owner.org is None and owner.kind in _STATES:
                country = owner.country
        if country:
            out[n] = (p, replace(r, code=make_code(country, "GOV"), country=country, org=None,
                                 sector="GOV", kind="noun"))  # fmt: skip
    return out


def _branches(
    d: Dictionary, readings: list[tuple[Piece, Reading]], sent_of: list[int]
) -> list[tuple[Piece, Reading]]:
    """A group named alone in a sentence that names a country of one of its branches and
    not its own is the branch: "Taliban militants ... in Buner district in Pakistan" (PAK)."""
    named: dict[int, set[str]] = {}
    for p, r in readings:
        if r.kind in _STATES and r.country and r.org is None:
            named.setdefault(sent_of[p.start], set()).add(r.country)
    out = list(readings)
    for n, (p, r) in enumerate(readings):
        org = d.orgs.get(r.org) if r.org else None
        if org is None or not org.branches or r.country is None:
            continue
        if any(e.kind in _STATES for h in p.hits for e in h.entries):
            continue  # "the Afghan Taliban": its own country is named
        there = named.get(sent_of[p.start], set())
        branch = [c for c in org.branches if c in there]
        if r.country not in there and len(branch) == 1:
            out[n] = (p, replace(r, code=make_code(branch[0], r.sector), country=branch[0]))
    return out


def _ethnic_groups(doc: Doc, readings: list[tuple[Piece, Reading]]) -> list[tuple[Piece, Reading]]:
    """An ethnic group is a group of the country it lives in: "ethnic Albanians in
    Serbia" and "the Albanian minority in Macedonia" are of Serbia and Macedonia.

    Only a group named by a demonym and marked as ethnic ("ethnic", or a head noun such as
    "minority") moves; "Russian troops in Syria" stay Russian.
    """
    if not doc.has_annotation("DEP"):
        return readings
    at = _owners(readings)
    out = list(readings)
    for n, (p, r) in enumerate(readings):
        if r.country is None or r.kind in ("country", "metonym", "org", "person"):
            continue
        head = doc[p.end - 1]
        marked = (p.start > 0 and doc[p.start - 1].lower_ in _ETHNIC) or head.lower_ in _GROUP_HEADS
        if not marked and head.head.lower_ in _GROUP_HEADS and head.dep_ in ("amod", "compound"):
            head, marked = head.head, True  # "the Albanian minority": the group is the noun
        if not marked:
            continue
        objs = [o.i for c in head.children if c.dep_ == "prep" and c.lower_ in _RESIDENCE
                for o in c.children if o.dep_ == "pobj"]  # fmt: skip
        after = max(p.end, head.i + 1)  # the parse may hang "in Serbia" on the verb
        if after < len(doc) - 1 and doc[after].lower_ in _RESIDENCE:
            objs.append(after + 1 + (doc[after + 1].lower_ == "the"))
        for i in objs:
            k = at.get(i)
            place = readings[k][1] if k is not None else None
            if place and place.kind == "country" and place.country and place.country != r.country:
                out[n] = (p, replace(r, code=make_code(place.country, r.sector),
                                     country=place.country))  # fmt: skip
                break
    return out
