"""Is the act real?  Negation, possibility, intent and reporting, read off the tree.

Each function looks at the trigger token, its own auxiliaries and modifiers, and
at most a few governors up the tree; word lists come from ``triggers.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

COMPLEMENTS = frozenset({"xcomp", "ccomp", "acl", "acomp"})
PASS_THROUGH = frozenset({"advcl", "conj"})
COMPLEMENT_PREPS = frozenset({"of", "for", "to", "from", "on", "against"})


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool
    hypothetical: bool
    intended: bool  # said to be planned, promised or offered: CONSULT & co. become AGREE


def _governors(tok: Token, limit: int = 4) -> list[tuple[str, Token, Token]]:
    """(relation, governor, child) up the tree; "X of Y" counts as one step (relation ``of``)."""
    out = []
    cur = tok
    for _ in range(limit):
        head, dep = cur.head, cur.dep_
        if head == cur:
            break
        if dep in ("pobj", "pcomp") and head.dep_ == "prep" and head.head != head:
            out.append((head.lower_, head.head, cur))
            if head.lower_ not in COMPLEMENT_PREPS:
                break
            cur = head.head
        elif dep == "dobj" and cur == tok and tok.pos_ not in ("VERB", "AUX"):
            out.append((dep, head, cur))  # "offered talks", "resume talks": the verb is the act's
            cur = head
        elif dep in COMPLEMENTS or dep in PASS_THROUGH:
            out.append((dep, head, cur))
            cur = head
        else:
            break
    return out


def _clause_verb(tok: Token) -> Token | None:
    """The verb whose clause a noun sits in (for "a Turkish offensive would be ...")."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def modality(
    tok: Token, words: dict[str, frozenset[str]], speech: frozenset[str], reported: bool = False
) -> Modality:
    """Negation, possibility and intent of the act a trigger token names.

    In reported speech "would" is the future of the past ("said it would send
    troops"): it marks intent, as "will" does, not a mere possibility.
    """
    modal, future = words.get("modal_aux", frozenset()), words.get("future_aux", frozenset())
    intent, irrealis = words.get("intent", frozenset()), words.get("irrealis", frozenset())
    negators = words.get("negators", frozenset())
    light = words.get("light_verbs", frozenset())
    hypo_mods = words.get("hypothetical_modifiers", frozenset())
    marks = words.get("conditional_marks", frozenset())

    negated = hypothetical = intended = False
    verb = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
    own = list(tok.children) + (
        [c for c in verb.children] if verb is not None and verb != tok else []
    )
    for child in own:
        low = child.lower_
        if child.dep_ == "neg" and (
            child.head == tok
            or (tok.dep_ in ("dobj", "attr") and tok.head == verb and verb.lemma_.lower() in light)
        ):
            negated = True  # "did not hold talks"; not "did not condemn Russia's invasion"
        elif child.dep_ == "det" and low == "no" and child.head == tok:
            negated = True
        elif child.dep_ in ("aux", "auxpass"):
            if low == "would" and reported:
                intended = True
            elif low in modal:
                hypothetical = True
            elif low in future or (low == "going" and child.head.lower_ != "going"):
                intended = True
        elif (child.dep_ == "amod" and child.head == tok and child.lemma_.lower() in hypo_mods) or (
            child.dep_ == "mark" and low in marks
        ):
            hypothetical = True

    nominal = tok.pos_ not in ("VERB", "AUX")
    for relation, gov, child in _governors(tok):
        lemma = gov.lemma_.lower()
        if lemma in speech:
            break
        complement = relation in COMPLEMENTS or relation in COMPLEMENT_PREPS
        if complement or (nominal and relation == "dobj" and child == tok):
            if lemma in negators and gov != tok:
                if any(c.dep_ == "neg" for c in gov.children):
                    hypothetical = True  # "did not rule out sending": possible, not denied
                else:
                    negated = True
            if lemma in intent:
                intended = True
            elif lemma in irrealis:
                hypothetical = True
            if (
                relation == "xcomp"
                and lemma not in negators
                and any(c.dep_ == "neg" for c in gov.children)
            ):
                negated = True
        elif relation == "without":
            negated = True
        if relation == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in marks for c in child.children
        ):
            hypothetical = True
    return Modality(negated, hypothetical, intended)


REPORTED = frozenset({"ccomp", "parataxis", "xcomp", "prep", "dobj", "conj"})


def speech_head(tok: Token, speech: frozenset[str]) -> Token | None:
    """The speech verb ("said", "told") whose complement holds ``tok``, if any."""
    cur = tok
    for _ in range(8):
        if cur.head == cur:
            break
        child, cur = cur, cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in speech and child.dep_ in REPORTED:
            return cur
    return None


def according_to(tok: Token) -> Token | None:
    """The object of "according to X" in the sentence of ``tok``."""
    return according_to_in(tok.sent)


def according_to_in(sent: Span) -> Token | None:
    """The object of the first "according to X" in ``sent``."""
    for t in sent:
        if t.lower_ == "according":
            for prep in t.children:
                if prep.lower_ == "to":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None
