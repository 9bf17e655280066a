"""Readings of actor phrases in their sentence: what the words around a phrase change.

A capital after "in" is a place, one inside a longer name or naming a thing ("the Paris
Agreement") no actor; an "of" complement or a membership gives the country ("the foreign
minister of Turkey", "the EU member Poland", "the OPEC member"); an ethnic group is of the
country it lives in; a state's envoy to an organisation is the state's; a name of several
countries is the one its sentence names ("Korean" beside "Pyongyang", "Kurdish fighters in
Syria"); a group named alone where only a country of its branch is named is the branch
("Taliban ... in Pakistan", "Islamic State fighters in Mosul").  ``in_context`` applies
them in order to the readings of a document.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .compose import Reading, make_code, with_context
from .dictionary import Dictionary
from .matching import Hit, token_key
from .pieces import Piece

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"}
)
_ETHNIC = frozenset({"ethnic"})
_GROUP_HEADS = frozenset({"minority", "minorities", "population", "community", "communities"})
_RESIDENCE = frozenset({"in", "from", "of", "inside"})
# a state's envoy to an organisation is the state's: "Russia's UN ambassador"
_ENVOYS = frozenset({"envoy", "envoys", "ambassador", "ambassadors", "representative",
                     "representatives", "delegate", "delegates", "delegation", "mission"})  # fmt: skip
_POSSESSIVES = frozenset({"'s", "’s"})
STATES = frozenset({"country", "capital", "metonym", "demonym"})
_COLLECTIVE = frozenset({"coalition", "alliance", "bloc", "organisation", "organization"})


def in_context(
    doc: Doc,
    readings: list[tuple[Piece, Reading]],
    d: Dictionary,
    sent_of: list[int],
    named: list[tuple[Piece, Reading]],
) -> list[tuple[Piece, Reading]]:
    """The readings of a document once their sentences are read (see the module);
    ``named``: every phrase that names a state, places after "in" too."""
    readings = members(doc, readings)
    readings = ethnic_groups(doc, attach_of(doc, readings))
    readings = national_envoys(doc, readings)
    readings = residents(doc, readings)
    readings = ambiguous_names(doc, d, readings, sent_of, named)
    return branches(doc, d, readings, sent_of, named)


_MODIFIER_KINDS = frozenset({"backer", "leader", "against"})


def own_states(p: Piece) -> list[Hit]:
    """The hits of a phrase that name its own state ("U.S.-backed" names another's)."""
    out = []
    for k, h in enumerate(p.hits):
        if not any(e.kind in STATES for e in h.entries):
            continue
        glued = any(g is not h and g.start == h.start and g.end == h.end for g in p.hits)
        nxt = p.hits[k + 1] if k + 1 < len(p.hits) else None
        modified = nxt is not None and any(e.kind in _MODIFIER_KINDS for e in nxt.entries)
        if not glued and not modified:
            out.append(h)
    return out


def ambiguous_names(
    doc: Doc,
    d: Dictionary,
    readings: list[tuple[Piece, Reading]],
    sent_of: list[int],
    named: list[tuple[Piece, Reading]],
) -> list[tuple[Piece, Reading]]:
    """A name of several countries (ambiguous.yaml: "Korean", "Congolese", "Kurdish") is
    the one its sentence names: the place after "in"/"from" on the group first ("Kurdish
    fighters in Syria"), else the only one of them named elsewhere in the sentence
    ("Pyongyang"); otherwise the first listed."""
    out = list(readings)
    for n, (p, r) in enumerate(readings):
        states = own_states(p)
        amb = [e for h in states for e in h.entries if "ambiguous" in e.flags]
        if not amb or len(states) != 1:
            continue  # "Syrian Kurdish leader": another name of the phrase decides
        codes = d.ambiguous.get(amb[0].source, ())
        if len(codes) < 2 or r.country not in codes:
            continue
        sent = sent_of[p.start]
        others = {q.country for g, q in named if sent_of[g.start] == sent and g.start != p.start}
        head = doc[p.end - 1] if doc.has_annotation("DEP") else None
        resident = [o for c in (head.children if head is not None else ())
                    if c.dep_ == "prep" and c.lower_ in _RESIDENCE for o in c.children
                    if o.dep_ == "pobj"]  # fmt: skip
        at = [o.i for o in resident]
        if p.end < len(doc) - 1 and doc[p.end].lower_ in _RESIDENCE:  # hung on the verb
            at.append(p.end + 1 + (doc[p.end + 1].lower_ == "the"))
        there = {q.country for g, q in named for i in at if g.start <= i < g.end}
        pick = [c for c in codes if c in there] or [c for c in codes if c in others]
        if len(pick) == 1 and pick[0] != r.country:
            out[n] = (p, replace(r, code=make_code(pick[0], r.sector), country=pick[0]))
    return out


def is_place(doc: Doc, p: Piece, hits: list[Hit]) -> bool:
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


def names_a_thing(doc: Doc, p: Piece, d: Dictionary) -> bool:
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


def inside_a_name(doc: Doc, p: Piece) -> bool:
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


def attach_of(doc: Doc, readings: list[tuple[Piece, Reading]]) -> list[tuple[Piece, Reading]]:
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


def members(doc: Doc, readings: list[tuple[Piece, Reading]]) -> list[tuple[Piece, Reading]]:
    """An organisation's member followed by a country ("the EU member Poland", parsed as
    two phrases) is one mention, the country's; "the OPEC member" alone is a state named
    before it (coreference, need "state")."""
    out: list[tuple[Piece, Reading]] = []
    for n, (p, r) in enumerate(readings):
        last = p.hits[-1].entries if p.hits else ()
        follows = n + 1 < len(readings) and readings[n + 1][0].start == p.end
        if r.kind == "org" and p.det == "the" and any("member" in e.flags for e in last):
            before = any(q.kind in STATES and q.code == q.country for _, q in readings[:n])
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


def national_envoys(doc: Doc, readings: list[tuple[Piece, Reading]]) -> list[tuple[Piece, Reading]]:
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
            if owner is not None and owner.org is None and owner.kind in STATES:
                country = owner.country
        if country:
            out[n] = (p, replace(r, code=make_code(country, "GOV"), country=country, org=None,
                                 sector="GOV", kind="noun"))  # fmt: skip
    return out


def branches(
    doc: Doc,
    d: Dictionary,
    readings: list[tuple[Piece, Reading]],
    sent_of: list[int],
    named: list[tuple[Piece, Reading]],
) -> list[tuple[Piece, Reading]]:
    """A group named alone in a sentence that names a country of one of its branches and
    not its own is the branch: "Taliban militants ... in Buner district in Pakistan" (PAK);
    a group of no one country is the branch of the only such country its sentence names
    ("Iraqi forces struck Islamic State fighters in Mosul": IRQ)."""
    states: dict[int, set[str]] = {}
    for p, r in named:
        states.setdefault(sent_of[p.start], set()).add(str(r.country))
    out = list(readings)
    for n, (p, r) in enumerate(readings):
        org = d.orgs.get(r.org) if r.org else None
        if org is None or not org.branches:
            continue
        if any(e.kind in STATES for h in p.hits for e in h.entries) or _names_a_state(doc, d, p):
            continue  # "the Afghan Taliban", "the Egyptian affiliate": its country is named
        there = states.get(sent_of[p.start], set())
        branch = [c for c in org.branches if c in there]
        if r.country not in there and len(branch) == 1:
            out[n] = (p, replace(r, code=make_code(branch[0], r.sector), country=branch[0]))
    return out


def _names_a_state(doc: Doc, d: Dictionary, p: Piece) -> bool:
    """A word of the phrase names a state by itself, even inside one alias ("Afghan
    Taliban" is one alias of the Taliban, and says whose)."""
    return any(
        e.kind in STATES
        for w in doc[p.start : p.end]
        if (key := token_key(w.text)) is not None
        for e in d.table.get((key,), ())
    )


# people who live where they are named; armed groups are of the country they act in,
# which the event's place gives (events/placing.py), not where they are said to be
_RESIDENT_SECTORS = frozenset(
    {"CVL", "REF", "EDU", "HLH", "LAB", "REL", "AGR", "JRN", "BUS", "OPP"}
)
_DWELLING = frozenset({"living", "live", "based", "stranded", "trapped", "sheltering"})


def residents(doc: Doc, readings: list[tuple[Piece, Reading]]) -> list[tuple[Piece, Reading]]:
    """People named by an agent noun alone are of the country they live in: "children in
    Afar", "families living in northern Yemen", "residents of Gaza", "workers from
    Bolivia" (a country, a capital or a province the resolver knows)."""
    if not doc.has_annotation("DEP"):
        return readings
    at = _owners(readings)
    out = list(readings)
    for n, (p, r) in enumerate(readings):
        if r.country or r.org or r.identity or r.sector not in _RESIDENT_SECTORS:
            continue
        if r.need != "none":
            continue  # "the workers": coreference decides
        head = doc[p.end - 1]
        holders = [head, *(c for c in head.children
                           if c.dep_ in ("acl", "relcl") and c.lower_ in _DWELLING)]  # fmt: skip
        objs = [o for h in holders for c in h.children
                if c.dep_ == "prep" and c.lower_ in _RESIDENCE
                for o in c.children if o.dep_ == "pobj"]  # fmt: skip
        # "in the rebel-held areas of northern Yemen", "in Kenya's Rift Valley": the area's
        objs += [g for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        objs += [c for o in objs for c in o.children if c.dep_ == "poss"]
        for o in objs:
            k = at.get(o.i)
            place = readings[k][1] if k is not None else None
            if place is not None and place.kind in STATES and place.country and not place.org:
                out[n] = (p, replace(r, code=make_code(place.country, r.sector),
                                     country=place.country))  # fmt: skip
                break
    return out


def ethnic_groups(doc: Doc, readings: list[tuple[Piece, Reading]]) -> list[tuple[Piece, Reading]]:
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
