"""In-document coreference for actor mentions.

Candidates come in text order; one that needs an antecedent (``he``/``she``/``they``,
"the ministry", "the official", "the Turkish leader", "his government") takes the last
compatible candidate before it, within a few sentences:

* person (he, she, "the spokesman"): the last person-like mention (a known person, an
  unknown PERSON entity, an office such as "a Turkish official"); a pronoun that is a
  subject first takes a subject of its own sentence; when the phrase names a
  country ("the Turkish leader") the antecedent must be of that country and only lends its name;
* group (they): the last plural group, country or organisation;
* inst ("the ministry", "the army"): the last mention with a country, preferring a
  grammatical subject of this or the previous sentence; the phrase keeps its own sector;
  a body other than a state's ("the court", "the agency") may also take an organisation;
* org ("the alliance"): the last organisation.
* state ("the country", "the nation"): the country named last (by its name, capital or
  demonym, not a body of it), in this or the previous sentence.

An agent noun named again alone ("the troop withdrawal" after "American troops") is the
group of the same noun named before it in its sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .compose import Reading, with_context

_STATE = frozenset({"GOV", "MIL", "COP", "LEG", "SPY"})
WINDOW = {
    "person": 3,
    "group": 2,
    "inst": 3,
    "org": 5,
    "possessive_person": 2,
    "possessive_group": 2,
    "state": 1,
}


@dataclass(slots=True)
class Candidate:
    """A mention before coreference: token span, char span, reading and context."""

    start: int  # char offsets in doc.text
    end: int
    reading: Reading
    sent: int
    subject: bool
    pronoun: bool = False


def _person_ok(a: Reading, r: Reading) -> bool:
    if not a.person_like or a.plural:
        return False
    if r.identity:
        return a.country == r.country and a.name is not None
    return True


def _find(history: Sequence[Candidate], c: Candidate) -> Candidate | None:
    need = c.reading.need
    window = 12 if need == "person" and c.reading.identity else WINDOW.get(need, 3)
    recent = [h for h in reversed(history) if c.sent - h.sent <= window and h.end <= c.start]
    if need == "person":
        if c.reading.head and not c.pronoun:
            wide = [h for h in reversed(history) if c.sent - h.sent <= 12 and h.end <= c.start]
            for h in wide:  # "a Turkish official ... the official"
                same = h.reading.head == c.reading.head and (h.reading.country or h.reading.name)
                if same and (not c.reading.identity or h.reading.country == c.reading.country):
                    return h
        if c.pronoun and c.subject:  # "X rejected Y's offer and he accused ...": X
            for h in recent:
                if h.sent == c.sent and h.subject and _person_ok(h.reading, c.reading):
                    return h
        for h in recent:
            if _person_ok(h.reading, c.reading):
                return h
        if c.pronoun or c.reading.identity:
            return None
        need = "inst"
    if need == "possessive_person":
        return next(
            (
                h
                for h in recent
                if h.reading.person_like and not h.reading.plural and h.reading.country
            ),
            None,
        )
    if need == "group":
        return next((h for h in recent if h.reading.plural and h.reading.code), None)
    if need == "org":
        return next((h for h in recent if h.reading.org and h.reading.kind == "org"), None)
    if need == "state":
        return next((h for h in recent if h.reading.country and not h.pronoun
                     and h.reading.code == h.reading.country), None)  # fmt: skip
    # inst and possessive_group: a mention with a country or organisation; a state body
    # ("the government", "the military") only a mention with a country
    state = need == "inst" and c.reading.sector in _STATE
    withc = [
        h for h in recent if (h.reading.country or (h.reading.org and not state)) and not h.pronoun
    ]
    if need == "inst":
        for h in withc:
            if h.subject and c.sent - h.sent <= 1:
                return h
    return withc[0] if withc else None


def resolve(cands: Sequence[Candidate]) -> list[Candidate]:
    """Fill the readings that need an antecedent; drop pronouns left without one."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda x: x.start):
        r = c.reading
        if r.need != "none":
            ante = _find(out, c)
            if ante is not None:
                a = ante.reading
                if c.pronoun:
                    r = replace(a, kind="pronoun", need="none")
                elif r.need == "person" and r.identity:
                    r = replace(r, name=a.name, need="none")
                elif r.need in ("person", "possessive_person") and a.person_like:
                    own = not r.generic and r.need != "person"
                    r = replace(
                        with_context(r, a, own_sector=own),
                        name=a.name if r.need == "person" else None,
                    )
                    r = replace(r, need="none")
                else:
                    r = replace(with_context(r, a, own_sector=not r.generic), need="none")
            elif c.pronoun:
                continue
            else:
                r = replace(r, need="none")
        elif r.country is None and r.org is None and r.head and not c.pronoun:
            r = _named_again(out, c) or r
        out.append(replace(c, reading=r))
    return out


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _named_again(history: Sequence[Candidate], c: Candidate) -> Reading | None:
    """A group named again by its agent noun alone is the group named before it in the
    same sentence: "American troops began leaving ... the troop withdrawal", "Kenyan
    police ... and police also arrested" (the same noun and sector, one country)."""
    r = c.reading
    head = _stem(str(r.head))
    same = [h.reading for h in history if h.sent == c.sent and h.end <= c.start
            and h.reading.country and h.reading.org is None and h.reading.sector == r.sector
            and h.reading.head is not None and _stem(h.reading.head) == head]  # fmt: skip
    if len({a.country for a in same}) != 1:
        return None
    return replace(r, code=same[-1].code, country=same[-1].country)
