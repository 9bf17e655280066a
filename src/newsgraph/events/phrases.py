"""Actors named by noun phrases: token -> mention, phrase -> actors, bounded search.

``Phrases`` wraps one parsed doc and the actor mentions found in it; ``Roles``
(roles.py) adds the clause-level questions (subject, agent, recipients).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Actor, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECTS = ("nsubj", "csubj")
OBJECTS = ("dobj", "dative", "obj", "iobj")
MODIFIERS = ("poss", "amod", "compound", "nmod", "npadvmod", "nummod")
TARGET_PREPS = frozenset({"with", "against", "on", "to", "into", "toward", "towards", "at",
                          "between", "inside", "upon", "over", "onto", "across", "among"})  # fmt: skip
BFS_SKIP = frozenset({"relcl", "acl", "punct", "det", "advcl", "cc", "case", "aux", "neg", "mark",
                      "npadvmod"})  # fmt: skip
CLAUSES = ("xcomp", "ccomp")
AIMED = frozenset({"on", "against", "at", "upon", "to", "toward", "towards"})
LOCATIVE = frozenset({"in", "at", "near", "along", "across", "around", "within", "throughout",
                      "outside", "inside", "over", "off"})  # fmt: skip
PLACES = frozenset({"GPE", "LOC", "FAC"})
PLACE_NOUNS = frozenset({"highway", "road", "border", "region", "province", "area", "city", "town",
                         "village", "capital", "coast", "sea", "zone", "site", "frontier"})  # fmt: skip


def _purpose(tok: Token) -> bool:
    """An infinitival clause on a noun: "military action to push back Syrian forces"."""
    return tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _aimed(tok: Token) -> bool:
    """A participle that says whom a measure is aimed at: "sanctions imposed on
    Eritrea", "a ban directed against the opposition"."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and any(c.dep_ in ("prep", "agent") and c.lower_ in AIMED for c in tok.children)
    )


def _authored(tok: Token) -> bool:
    """A participle that names who made a thing: "the proposal made by the Commission",
    "an offer tabled by the rebels" (the maker answers for it)."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children)


def in_words(tok: Token, words: frozenset[str]) -> bool:
    """The token's lemma or its lower-case form is in ``words``."""
    return tok.lemma_.lower() in words or tok.lower_ in words


def with_country(actor: Actor, country: str) -> Actor:
    """The actor placed in ``country``: "rebels" (REB) in Colombia become COLREB."""
    code = (
        country + (actor.sector or "")
        if actor.code is None or actor.code == actor.sector
        else actor.code
    )
    return replace(actor, code=code, country=country)


def _locative(tok: Token) -> bool:
    """A place phrase ("in northern Syria", "along the M4 highway"): where, not whom."""
    if tok.dep_ != "prep" or tok.lower_ not in LOCATIVE:
        return False
    return any(c.dep_ == "pobj" and (c.ent_type_ in PLACES or c.lemma_.lower() in PLACE_NOUNS)
               for c in tok.children)  # fmt: skip


def _key(actor: Actor) -> tuple[str | None, str | None]:
    """One party: its code, and for a named person the name too (two ministers of one
    government are two parties: "Rivlin eased restrictions on Olmert")."""
    if actor.name and actor.code:
        return (actor.code, actor.name.lower())
    return (actor.code, None if actor.code else actor.text.lower())


def dedupe(actors: Iterable[Actor]) -> list[Actor]:
    seen: set[tuple[str | None, str | None]] = set()
    out: list[Actor] = []
    for actor in actors:
        if _key(actor) not in seen:
            seen.add(_key(actor))
            out.append(actor)
    return out


def _same(a: Actor, b: Actor) -> bool:
    """One actor, or a country and a part of it named by the bare country ("TURGOV", "TUR")."""
    if _key(a) == _key(b):
        return True
    return (
        a.country is not None
        and a.country == b.country
        and (a.code == a.country or b.code == b.country)
    )


def without(actors: Iterable[Actor], exclude: Sequence[Actor]) -> list[Actor]:
    """``actors`` minus any that ``exclude`` already holds."""
    return [a for a in actors if not any(_same(a, b) for b in exclude)]


class Phrases:
    """Actor look-ups on one doc: token -> mention, noun phrase -> actors."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        relative_pronouns: frozenset[str] = frozenset({"which", "who", "that", "whom"}),
        extra: dict[int, Actor] | None = None,
        speech: frozenset[str] = frozenset(),
        people: frozenset[str] = frozenset(),
        place_country: Callable[[str], str | None] | None = None,
        documents: frozenset[str] = frozenset(),
        others_acts: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.documents = documents  # nouns of texts that speak for their issuer
        # verbs whose object is someone else's act ("welcomed the release of")
        self.others_acts = others_acts
        self.people = people
        self.place_country = place_country
        self.relative = relative_pronouns
        self.speech = speech
        self.by_token: dict[int, Actor] = dict(extra or {})
        if not mentions:
            return
        from spacy.attrs import IDX

        offsets: list[int] = doc.to_array([IDX]).tolist()  # each token's start char
        starts = {idx: i for i, idx in enumerate(offsets)}
        for m in mentions:
            first = starts.get(m.start)
            if first is None:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                first = span.start
            i = first
            while i < len(offsets) and offsets[i] < m.end:
                self.by_token[i] = m.actor
                i += 1

    # ------------------------------------------------------------------ noun phrases
    def at(self, tok: Token) -> Actor | None:
        return self.by_token.get(tok.i)

    def phrase(self, tok: Token, depth: int = 0) -> list[Actor]:
        """The actors a noun phrase headed by ``tok`` names, with its conjuncts."""
        found = self._head_actor(tok)
        if found is not None and found.country is None and found.org is None:
            found = self._placed(tok, found)
            if found.country is None and depth < 4:
                # "Presidents Vladimir Putin and Hassan Rouhani": the people named
                named = [a for c in tok.children if c.dep_ == "appos"
                         for a in self.phrase(c, depth + 1) if a.country or a.org]  # fmt: skip
                if named:
                    return named
        if found is None and tok.ent_type_ in ("GPE", "LOC"):
            found = self._place_actor(tok)  # "a visit to Tokyo", "aid to Gaza"
        out = [found] if found else []
        if found is not None:
            # "Indonesian and Australian ministers": coordinated modifiers name more actors
            for child in tok.lefts:
                if child.dep_ in ("amod", "compound", "nmod") and any(
                    c.dep_ == "conj" for c in child.children
                ):
                    out.extend(a for c in (child, *child.children) if c.dep_ in (child.dep_, "conj")
                               for a in [self._modifier_actor(c, 1)] if a is not None)  # fmt: skip
        if depth < 4:
            for child in tok.children:
                if child.dep_ == "conj":
                    out.extend(self.phrase(child, depth + 1))
        return dedupe(out)

    def _placed(self, tok: Token, actor: Actor) -> Actor:
        """A group with no country named with its place or nationality: "protesters
        in Seoul", "Swiss bank Credit Suisse", "Cleveland officials"."""
        for child in tok.lefts:
            if child.dep_ not in ("amod", "compound", "nmod") or child.i in self._span_of(tok):
                continue
            found = self.at(child)
            if found is not None and found.country and found.org is None:
                return with_country(actor, found.country)
            if self.place_country is not None and child.ent_type_ in ("GPE", "LOC"):
                name = " ".join(t.text for t in child.subtree if t.ent_type_ in ("GPE", "LOC"))
                country = self.place_country(name) if name else None
                if country:
                    return with_country(actor, country)
        for obj in self.prep_objects(tok, ("in", "from")):
            for place in self.phrase(obj) or self.modifier_actors(obj):
                if place.country:
                    return with_country(actor, place.country)
            if self.place_country is not None and obj.ent_type_ in PLACES:
                name = " ".join(t.text for t in obj.subtree if t.ent_type_ in PLACES)
                country = self.place_country(name)
                if country:
                    return with_country(actor, country)
        return actor

    def _place_actor(self, tok: Token) -> Actor | None:
        """A city or region named as a party stands for its country, by the gazetteer."""
        if self.place_country is None:
            return None
        words = [t for t in tok.subtree if t.ent_type_ == tok.ent_type_]
        name = " ".join(t.text for t in words)
        country = self.place_country(name) if name else None
        return Actor(text=name, code=country, country=country) if country else None

    def _span_of(self, tok: Token) -> set[int]:
        """The tokens of the mention ``tok`` is in (its own words are not modifiers)."""
        actor = self.at(tok)
        if actor is None:
            return set()
        out = {tok.i}
        for step in (-1, 1):
            i = tok.i + step
            while 0 <= i < len(self.doc) and self.by_token.get(i) is actor:
                out.add(i)
                i += step
        return out

    def _head_actor(self, tok: Token) -> Actor | None:
        actor = self.at(tok)
        if actor is not None:
            return actor
        if tok.lower_ in self.relative and tok.head.dep_ == "relcl":
            return self._head_actor(tok.head.head)
        # the nearest modifier on the left that names an actor: "Turkish artillery shelling"
        for child in sorted((c for c in tok.lefts if c.dep_ in MODIFIERS), key=lambda c: -c.i):
            found = self._modifier_actor(child, 0)
            if found is not None:
                return found
        for child in tok.rights:
            if child.dep_ == "appos":
                found = self._head_actor(child)
                if found is not None:
                    return found
        return None

    def _modifier_actor(self, tok: Token, depth: int) -> Actor | None:
        actor = self.at(tok)
        if actor is not None or depth > 2:
            return actor
        if tok.dep_ == "poss" and tok.lower_ in ("its", "their"):
            # an unresolved "its territory": bound by the subject of its clause
            bound = self.clause_subject(tok)
            return bound[0] if bound else None
        for child in sorted(tok.children, key=lambda c: -c.i):
            if child.dep_ in MODIFIERS:
                found = self._modifier_actor(child, depth + 1)
                if found is not None:
                    return found
        return None

    def modifier_actors(self, tok: Token) -> list[Actor]:
        """Actors among the left modifiers of an event noun ("Turkey's", "Turkish").

        A place name used as a noun modifier is the topic or the place, not the
        actor ("the Syria peace talks"); a demonym or possessive is the actor.
        """
        mods = [
            c
            for c in tok.lefts
            if (c.dep_ in MODIFIERS or c.dep_ == "nsubj")
            and not (c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC", "FAC"))
        ]
        for child in sorted(mods, key=lambda c: -c.i):
            found = self._modifier_actor(child, 0)
            if found is not None:
                extra = [a for c in child.children if c.dep_ == "conj" for a in self.phrase(c)]
                return dedupe([found, *extra])
        return []

    def search(self, root: Token, exclude: Sequence[Actor] = (), max_depth: int = 4) -> list[Actor]:
        """Breadth-first search below ``root`` for the first phrase naming a new actor."""
        queue: deque[tuple[Token, int]] = deque([(root, 0)])
        while queue:
            tok, depth = queue.popleft()
            if self.at(tok) is not None or tok.dep_ in MODIFIERS or tok == root:
                found = without(self.phrase(tok), exclude)
                if found:
                    return found
            if depth < max_depth:
                queue.extend(
                    (c, depth + 1)
                    for c in tok.children
                    if (c.dep_ not in BFS_SKIP or _purpose(c) or _aimed(c) or _authored(c))
                    and (not _locative(c) or in_words(tok, self.people))
                )
        return []

    def clause_subject(self, tok: Token, limit: int = 8) -> list[Actor]:
        """The explicit subject of the nearest clause above ``tok`` that does not hold it."""
        cur = tok
        for _ in range(limit):
            if cur.head == cur:
                break
            cur = cur.head
            if cur.pos_ not in ("VERB", "AUX"):
                continue
            for child in cur.children:
                holds = child.left_edge.i <= tok.i <= child.right_edge.i
                if child.dep_ in SUBJECTS and not holds and (found := self.phrase(child)):
                    return found
        return []

    def prep_objects(self, tok: Token, preps: Iterable[str]) -> list[Token]:
        wanted = set(preps)
        out: list[Token] = []
        for child in tok.children:
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ in wanted:
                out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        return out

    def prep_actors(self, tok: Token, preps: Iterable[str]) -> list[Actor]:
        """The actors named by the objects of ``tok``'s prepositions ``preps``
        ("aid from Japan", "thousands of Kenyans", "at the hands of the police")."""
        return [a for o in self.prep_objects(tok, preps) for a in self.phrase(o)]
