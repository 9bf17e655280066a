"""The linker's candidates and their feature strings, read off the parse the coder has.

Candidates: each run of tokens of one resolved mention (read at its syntactic head),
each place the gazetteer gives a country, the speaker when named elsewhere.  Features of
a (draft, candidate) pair: the dependency path from the trigger, its prepositions,
side and distance, voice, event type, the candidate's kind, what the rules made of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...nlp import span_ents
from ...records import Actor
from ..phrases import without

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..roles import Roles

MAX_PATH = 5
# arcs that open a clause of its own: a party reached through one acts in that clause
CLAUSE_ARCS = frozenset({"advcl", "xcomp", "ccomp", "relcl", "acl", "pcomp", "conj", "csubj"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
ARMED = frozenset({"REB", "MIL", "UAF", "INS", "CRM", "SPY"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One party an event may have: its actor, the token heading its words in the
    sentence (None for a context actor named elsewhere) and where it came from."""

    actor: Actor
    head: Token | None
    start: int
    end: int
    source: str  # "mention", "place" or "context"


def candidates(span: Span, roles: Roles, speaker: Actor | None = None) -> list[Candidate]:
    """The parties of a sentence: each resolved mention (its words' head), each place
    the gazetteer gives a country, and the speaker when named outside the sentence."""
    out: list[Candidate] = []
    by_token = roles.by_token
    i = span.start
    while i < span.end:
        actor = by_token.get(i)
        if actor is None:
            i += 1
            continue
        j = i + 1
        while j < span.end and by_token.get(j) is actor:
            j += 1
        words = span.doc[i:j]
        out.append(Candidate(actor, words.root, i, j, "mention"))
        i = j
    if roles.place_country is not None:
        for ent in span_ents(span):  # the doc's entities built once per coding
            if ent.label_ not in PLACE_ENTS or any(t.i in by_token for t in ent):
                continue
            country = roles.place_country(ent.text)
            if country:
                place = Actor(text=ent.text, code=country, country=country)
                out.append(Candidate(place, ent.root, ent.start, ent.end, "place"))
    if (
        speaker is not None
        and (speaker.code or speaker.country)
        and not any(actor_key(c.actor) == actor_key(speaker) for c in out)
    ):
        out.append(Candidate(speaker, None, -1, -1, "context"))
    return out


def actor_key(actor: Actor) -> tuple[str | None, str]:
    """One party however often named: its code and words."""
    return (actor.code, actor.text.lower())


def among(actor: Actor, chosen: Sequence[Actor]) -> bool:
    """Is the mention's ``actor`` one of the rules' ``chosen`` parties?  Also when the
    rules gave it the country of its context ("rebels" read as Syrian rebels, REB as
    SYRREB): the same words of the same sector, with a country added."""
    key = actor_key(actor)
    return any(
        actor_key(a) == key
        or (actor.country is None and a.sector == actor.sector and a.text.lower() == key[1])
        for a in chosen
    )


def _kind(c: Candidate) -> str:
    a = c.actor
    if c.source == "place":
        return "place"
    if a.org:
        return "armed" if a.sector in ARMED else "org"
    if a.code is not None and a.code == a.country:
        return "country"
    if c.head is not None and c.head.ent_type_ == "PERSON":
        return "person"
    if a.sector in ARMED:
        return "armed"
    if a.sector == "GOV":
        return "gov"
    return "group" if a.country else "nocountry"


def path(tok: Token, head: Token) -> tuple[list[str], list[str]]:
    """The arcs from ``tok`` up to the lowest common ancestor (``^dep``) and down to
    ``head`` (``vdep``, a preposition with its word), and the prepositions passed."""
    up = [tok, *tok.ancestors]
    at = {t.i: n for n, t in enumerate(up)}
    down: list[Token] = []
    cur = head
    while cur.i not in at:
        down.append(cur)
        if cur.head.i == cur.i:
            return ["far"], []
        cur = cur.head
    arcs = [f"^{t.dep_}" for t in up[: at[cur.i]]]
    preps: list[str] = []
    for t in reversed(down):
        if t.dep_ in ("prep", "agent", "dative") and t.pos_ == "ADP":
            preps.append(t.lower_)
            arcs.append(f"v{t.dep_}:{t.lower_}")
        else:
            arcs.append(f"v{t.dep_}")
    if not arcs:
        return ["self"], []
    if len(arcs) > MAX_PATH:
        arcs = [*arcs[:2], "..", *arcs[-2:]]
    return arcs, preps


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-4" if n <= 4 else "5-8" if n <= 8 else "9+"


def features(
    tok: Token,
    type_: str,
    kind: str,
    c: Candidate,
    source: Sequence[Actor],
    target: Sequence[Actor],
    passive: bool,
) -> list[str]:
    """The feature strings of one (draft, candidate) pair."""
    k = _kind(c)
    rule = "src" if among(c.actor, source) else "tgt" if among(c.actor, target) else "none"
    same = bool(c.actor.country) and c.actor.country in {a.country for a in source}
    out = [
        "bias",
        f"t={type_}",
        f"k={kind}",
        f"m={k}",
        f"m={k}|t={type_}",
        f"rule={rule}",
        f"rule={rule}|t={type_}",
        f"rule={rule}|hastgt={bool(target)}",
        f"same={same}",
        f"same={same}|t={type_}",
        f"nsrc={min(len(source), 2)}|t={type_}",
        f"nsrc={min(len(source), 2)}|m={k}",
        f"voice={'pass' if passive else 'act'}",
        f"sector={c.actor.sector}",
    ]
    if c.head is None:
        return [*out, "path=ctx", f"path=ctx|t={type_}"]
    arcs, preps = path(tok, c.head)
    full = " ".join(arcs)
    side = "L" if c.end <= tok.i else "R" if c.start > tok.i else "in"
    dist = min(abs(tok.i - c.head.i), abs(tok.i - c.start), abs(tok.i - (c.end - 1)))
    out += [
        f"path={full}",
        f"path={full}|t={type_}",
        f"path={full}|voice={passive}",
        f"plen={_bucket(len(arcs))}",
        f"first={arcs[0]}",
        f"last={arcs[-1]}",
        f"last={arcs[-1]}|t={type_}",
        f"last={arcs[-1]}|m={k}",
        f"side={side}",
        f"side={side}|voice={passive}",
        f"side={side}|t={type_}",
        f"dist={_bucket(dist)}",
        f"dist={_bucket(dist)}|side={side}",
        f"up={sum(a.startswith('^') for a in arcs)}",
        f"hdep={c.head.dep_}",
        f"hdep={c.head.dep_}|k={kind}",
    ]
    coarse = " ".join(a.split(":")[0] for a in arcs)  # the path, prepositions unnamed
    out.append(f"cpath={coarse}")
    out += [f"prep={p}" for p in preps] + [f"prep={p}|t={type_}" for p in preps]
    if not preps:
        out.append("noprep")
    return out + _clause(tok, type_, kind, c.head, arcs, preps, side)


def _clause(
    tok: Token, type_: str, kind: str, head: Token, arcs: list[str], preps: list[str], side: str
) -> list[str]:
    """The party's role in the clause it stands in, read against the trigger's word:
    the subject of a purpose or subordinate clause under the trigger ("urged X to press
    Y": Y's clause), the possessor of the event noun or of its object ("China's
    expansion"), the object of a preposition by the trigger's lemma ("sought refuge in")."""
    lemma = tok.lemma_.lower()
    down = [a[1:].split(":")[0] for a in arcs if a.startswith("v")]
    clauses = [a for a in down if a in CLAUSE_ARCS]
    role = head.dep_
    out = [
        f"clauses={min(len(clauses), 2)}",
        f"role={role}|in={clauses[-1] if clauses else 'main'}",
        f"role={role}|in={clauses[-1] if clauses else 'main'}|t={type_}",
        f"lem={lemma}|side={side}",
        f"lem={lemma}|last={arcs[-1]}",
    ]
    if role == "poss":
        owner = head.head
        what = "trigger" if owner.i == tok.i else "object" if owner.head.i == tok.i else "other"
        out += [f"poss={what}", f"poss={what}|t={type_}", f"poss={what}|k={kind}"]
    if preps:
        out += [f"lem={lemma}|prep={preps[-1]}", f"lastprep={preps[-1]}|k={kind}|t={type_}"]
    return out


def sentence_features(found: Sequence[Candidate], source: Sequence[Actor], tok: Token,
                      target: Sequence[Actor] = ()) -> list[list[str]]:  # fmt: skip
    """Features of each candidate among the others: how many parties with a country or
    organisation are left once the actors are set aside, how near to the trigger this
    one is among them, and whether it is of another country than the actors' and how
    many such countries there are ("Russia vetoed a Japanese-drafted resolution": the
    one foreign party).  The same whatever subset of the rest a caller scores."""
    free = [n for n, c in enumerate(found)
            if (c.actor.code or c.actor.country) and without([c.actor], source)]  # fmt: skip

    def distance(n: int) -> int:
        c = found[n]
        return 99 if c.head is None else min(abs(tok.i - c.start), abs(tok.i - (c.end - 1)))

    order = {n: r for r, n in enumerate(sorted(free, key=lambda n: (distance(n), n)))}
    count = "0" if not free else "1" if len(free) == 1 else "2" if len(free) == 2 else "3+"
    # the parties of another country than the actors' (how many countries they are)
    own = {a.country for a in source if a.country}
    foreign = {n for n in free if found[n].actor.country and found[n].actor.country not in own}
    others = str(min(len({found[n].actor.country for n in foreign}), 2))
    out: list[list[str]] = []
    for n, c in enumerate(found):
        rank = order.get(n)
        near = "none" if rank is None else str(min(rank, 2))
        away = n in foreign
        out.append([f"nfree={count}", f"near={near}", f"near={near}|nfree={count}"])
        if not target:  # a recipient to fill, not the rules' choice to weigh
            out[-1] += [f"foreign={away}|countries={others}", f"foreign={away}|m={_kind(c)}",
                        f"foreign={away}|near={near}"]  # fmt: skip
    return out
