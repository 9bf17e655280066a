"""The features of one candidate trigger token: strings read off the parse and the rules.

Every feature is a short string ("l=attack", "lo=hold|talk", "rule=ASSAULT"); the
model (``model.py``) keeps a weight row for each string seen often enough in
training, so an unseen word costs nothing and needs no vocabulary of its own.

What a token is asked about:

* the word: lemma, part of speech, dependency, the lemma with its part of speech;
* its arcs: particle or preposition ("call|for"), object ("hold|talk"), the word it
  hangs on and how ("dobj|launch", "xcomp|threaten"), two steps up the tree;
* its reality: auxiliaries of the token and of its clause ("will", "would"),
  negation, a conditional mark ("if", "unless"), a speech verb above it;
* what the rules made of it: the lexicon types of its lemma whatever the
  constraints, the entry that fired, the event drafted on it (type, folded into a
  governor, kept, with or without a recipient), and the drafted type with the lemma.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# a verb, a noun or an adjective in a place where an event is named; an amod adjective,
# a compound or possessive noun or a subject noun is asked about only when the rules
# matched it (in training their labels were nearly all parts of a longer trigger)
CANDIDATE_DEPS: dict[str, frozenset[str] | None] = {
    "VERB": None,
    "NOUN": frozenset({"ROOT", "dobj", "pobj", "conj", "attr", "nsubjpass", "oprd", "pcomp",
                       "ccomp", "xcomp", "advcl", "dep", "acl", "relcl"}),
    "ADJ": frozenset({"ROOT", "acomp", "oprd", "ccomp", "xcomp", "advcl"}),
}  # fmt: skip
PARTICLE_DEPS = frozenset({"prt", "prep", "agent", "dative"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
AUX_DEPS = frozenset({"aux", "auxpass"})
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "conj", "advcl",
                        "acl", "relcl", "nsubj", "nsubjpass", "compound", "amod"})  # fmt: skip
CONDITIONAL = frozenset({"if", "unless", "should", "once", "until"})


def candidates(
    span: Span, extra: Iterable[int] = (), lemmas: frozenset[str] | None = None
) -> list[int]:
    """Token indices worth asking about: verbs, nouns and adjectives in an event's
    place (with ``lemmas``, only those whose lemma was a trigger in training), plus
    ``extra``."""
    out = set(extra)
    for t in span:
        pos = t.pos_
        if pos in CANDIDATE_DEPS:
            deps = CANDIDATE_DEPS[pos]
            if (deps is None or t.dep_ in deps) and (lemmas is None or t.lemma_.lower() in lemmas):
                out.add(t.i)
    return sorted(out)


def token_features(
    tok: Token,
    lexicon_types: Mapping[str, Any],
    rule: Mapping[str, str],
    speech: frozenset[str],
) -> list[str]:
    """The feature strings of ``tok``.

    ``lexicon_types`` maps a lemma to the PLOVER types of its lexicon entries;
    ``rule`` holds what the rules made of the token (keys ``match``, ``kind``,
    ``draft``, ``state``), empty when nothing.
    """
    lemma = tok.lemma_.lower()
    pos, dep = tok.pos_, tok.dep_
    head = tok.head
    hl = head.lemma_.lower()
    f = [
        "bias",
        f"l={lemma}",
        f"p={pos}",
        f"pd={pos}|{dep}",
        f"lp={lemma}|{pos}",
        f"t={tok.tag_}",
        f"hd={dep}|{hl}",
        f"lhd={lemma}|{dep}|{hl}",
    ]
    if head.i != tok.i:
        up = head.head
        if up.i != head.i and head.dep_ in CLIMB_DEPS:
            f.append(f"g2={head.dep_}|{up.lemma_.lower()}")
        for c in head.children:
            if c.dep_ in AUX_DEPS and c.i != tok.i:
                f.append(f"ha={c.lower_}")
            elif c.dep_ == "neg":
                f.append("hneg")
            elif c.dep_ == "mark" and c.lower_ in CONDITIONAL:
                f.append(f"hmark={c.lower_}")
    for c in tok.children:
        cd = c.dep_
        if cd in PARTICLE_DEPS:
            f.append(f"lpr={lemma}|{c.lower_}")
        elif cd in OBJECT_DEPS:
            f.append(f"lo={lemma}|{c.lemma_.lower()}")
            f.append(f"o={c.ent_type_ or c.pos_}")
        elif cd in AUX_DEPS:
            f.append(f"a={c.lower_}")
        elif cd == "neg":
            f.append("neg")
        elif cd in ("nsubj", "csubj"):
            f.append(f"s={c.ent_type_ or c.pos_}")
        elif cd == "mark" and c.lower_ in CONDITIONAL:
            f.append(f"mark={c.lower_}")
        elif cd in ("xcomp", "ccomp"):
            f.append(f"lc={lemma}|{c.lemma_.lower()}")
        elif cd == "det" and c.lower_ == "no":
            f.append("no")
    cur, seen_speech = tok, False
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in speech:
            seen_speech = True
            break
    if seen_speech:
        f.append("speech")
    if lemma in speech:
        f.append("is_speech")
    for type_ in lexicon_types.get(lemma, ()):
        f.append(f"x={type_}")
    if tok.lower_ != lemma:
        for type_ in lexicon_types.get(tok.lower_, ()):
            f.append(f"x={type_}")
    if rule:
        f.append(f"m={rule.get('match', '-')}|{rule.get('kind', '-')}")
        drafted = rule.get("draft")
        if drafted:
            f.append(f"d={drafted}")
            f.append(f"ld={lemma}|{drafted}")
            f.append(f"ds={drafted}|{rule.get('state', '')}")
        else:
            f.append(f"nodraft={rule.get('match', '-')}")
    return f
