"""The shapes an act takes in the parse, read by the coder's stages.

Small predicates on one trigger token: an act counted by a noun of series ("a wave of
arrests"), an act weighed as an option ("is considering the possibility of sending
experts"), the act of a kind of people ("musicians lifted the boycott"), an act that
another act of its sentence holds ("rejected the accusations").  The words they test
are data (``triggers.yaml``, ``words:``): the caller passes them in.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from ..records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .roles import Roles

# where an act noun stands with no doer ("the attack", "an arrest was made")
AGENTLESS_NOUN = frozenset({"nsubj", "ROOT", "attr"})
# what an act that another act of its sentence holds loses in confidence (``nested``)
NESTED = 0.1


def counted_act(tok: Token, series: Collection[str]) -> bool:
    """An act counted by a noun of ``series`` that stands where an agentless act noun
    would ("a series of explosions struck", "a wave of arrests followed"): the act's
    own place."""
    of = tok.head
    return (
        tok.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.lemma_.lower() in series
        and of.head.dep_ in AGENTLESS_NOUN
    )


def struck(tok: Token, series: Collection[str]) -> bool:
    """A counted act whose series hits something ("a series of explosions struck the
    country"): an act on what it hit, even when that is no named party."""
    return counted_act(tok, series) and any(c.dep_ == "dobj" for c in tok.head.head.head.children)


def weighing(tok: Token, options: Collection[str]) -> Token | None:
    """The verb that weighs the act a gerund names under an option noun: "considering"
    in "is considering the possibility of providing experts"."""
    of = tok.head
    if tok.dep_ != "pcomp" or of.lower_ != "of" or of.head.lemma_.lower() not in options:
        return None
    noun = of.head
    return noun.head if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") else None


def generic_subject(
    tok: Token, roles: Roles, people: Collection[str], endings: tuple[str, ...]
) -> Actor | None:
    """The subject of an act that names a kind of people and no party ("anti-war groups
    called on", "musicians have lifted a boycott"): ANNOTATION.md keeps the act with the
    actor's text and a null code.  A kind of people is a noun of ``people`` or a plural
    agent noun (one of ``endings``: -ers, -ists, -ians)."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.i in roles.by_token:
        return None
    lemma = subj.lemma_.lower()
    agentive = subj.tag_ == "NNS" and lemma.endswith(endings)
    if lemma not in people and not agentive:
        return None
    words = [t for t in subj.subtree if t.dep_ not in ("prep", "relcl", "acl", "appos")]
    return Actor(text=" ".join(t.text for t in words), code=None)


def nested(tok: Token, acts: Collection[int]) -> bool:
    """Another act of ``acts`` (trigger token ids) holds ``tok``: it is one of ``tok``'s
    ancestors in the parse, reached by more than coordination ("rejected [the]
    accusations", "shelled the city, killing three"; not "condemned the coup and
    demanded ...": two acts side by side)."""
    cur, side_by_side = tok, True
    for _ in range(12):
        if cur.head.i == cur.i:
            return False
        side_by_side = side_by_side and cur.dep_ == "conj"
        cur = cur.head
        if cur.i in acts and not side_by_side:
            return True
    return False
