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
  governor, kept, with or without a recipient), and the drafted type with the lemma;
* its neighbours (``neighbour_features``), so that a wording never seen in training is
  still read: whether its object, its prepositional objects and the word it hangs on are
  event words and of which type ("hold" + an object of no type is no talks), what the
  rules drafted on the word it hangs on and on its object, and whether its clause has a
  subject that names an actor.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ...nlp import token_arrays

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .cameo import CameoVerb, CameoVerbs

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
IDS_POS = {100: "VERB", 92: "NOUN", 84: "ADJ"}  # spacy.parts_of_speech ids
ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})  # a subject that names an actor
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# arcs climbed from a token to the clause whose subject it shares ("plans to impose",
# "attacked and burned", "held talks", "talks with")
CLAUSE_DEPS = frozenset({"xcomp", "conj", "dobj", "pobj", "prep", "attr", "oprd", "acomp",
                         "pcomp", "compound", "amod", "advcl"})  # fmt: skip
NO_TYPE = ("-",)


class Candidates:
    """Token indices worth asking about: verbs, nouns and adjectives in an event's
    place (with ``lemmas``, only those whose lemma was a trigger in training, is in
    the rule lexicon or has a CAMEO verb class), plus ``extra``.

    Reads the doc's part of speech, dependency and lemma ids once per doc (one
    ``to_array``) and decides each distinct (part of speech, dependency, lemma) once.
    """

    def __init__(self, lemmas: frozenset[str] | None = None) -> None:
        self.lemmas = lemmas
        self._doc: Doc | None = None
        self._rows: list[list[int]] = []
        self._known: dict[tuple[int, int, int], bool] = {}

    def __call__(self, span: Span, extra: Iterable[int] = ()) -> list[int]:
        from spacy.attrs import DEP, LEMMA, POS

        doc = span.doc
        if self._doc is not doc:
            self._doc, self._rows = doc, doc.to_array([POS, DEP, LEMMA]).tolist()
        out = set(extra)
        known, strings = self._known, doc.vocab.strings
        for i in range(span.start, span.end):
            pos, dep, lemma = self._rows[i]
            key = (pos, dep, lemma)
            hit = known.get(key)
            if hit is None:
                hit = known[key] = self._asked(
                    IDS_POS.get(pos, ""), strings[dep], strings[lemma].lower()
                )
            if hit:
                out.add(i)
        return sorted(out)

    def _asked(self, pos: str, dep: str, lemma: str) -> bool:
        if pos not in CANDIDATE_DEPS:
            return False
        deps = CANDIDATE_DEPS[pos]
        return (deps is None or dep in deps) and (self.lemmas is None or lemma in self.lemmas)


def token_features(
    tok: Token,
    lexicon_types: Mapping[str, Any],
    rule: Mapping[str, str],
    speech: frozenset[str],
    classes: CameoVerbs | None = None,
    word_types: Mapping[str, tuple[str, ...]] | None = None,
    rules: Mapping[int, Mapping[str, str]] | None = None,
    actors: Container[int] = (),
    groups: Container[str] | None = None,
) -> list[str]:
    """The feature strings of ``tok``.

    ``lexicon_types`` maps a lemma to the PLOVER types of its lexicon entries;
    ``rule`` holds what the rules made of the token (keys ``match``, ``kind``,
    ``draft``, ``state``), empty when nothing; ``classes`` the CAMEO verb classes
    (``cameo.py``): the word's class, alone and with its context (``class_features``).
    With ``word_types`` (a lemma's types in the lexicon and its CAMEO class,
    ``event_word_types``) and ``rules`` (what the rules made of each token of the
    sentence), also the features of its neighbours (``neighbour_features``; ``actors``:
    the tokens the rules read an actor on; ``groups``: those computed, None for all).
    """
    a = token_arrays(tok.doc)  # lists, not a Token object per word (nlp.TokenArrays)
    lemmas, lowers, deps, poss, ents = a.lemmas, a.lowers, a.deps, a.pos, a.ents
    heads, children = a.heads, a.children
    i = tok.i
    lemma = lemmas[i]
    pos, dep = poss[i], deps[i]
    h = heads[i]
    hl = lemmas[h]
    f = [
        "bias",
        f"l={lemma}",
        f"p={pos}",
        f"pd={pos}|{dep}",
        f"lp={lemma}|{pos}",
        f"t={a.tags[i]}",
        f"hd={dep}|{hl}",
        f"lhd={lemma}|{dep}|{hl}",
    ]
    if h != i:
        up = heads[h]
        if up != h and deps[h] in CLIMB_DEPS:
            f.append(f"g2={deps[h]}|{lemmas[up]}")
        for c in children[h]:
            cd = deps[c]
            if cd in AUX_DEPS and c != i:
                f.append(f"ha={lowers[c]}")
            elif cd == "neg":
                f.append("hneg")
            elif cd == "mark" and lowers[c] in CONDITIONAL:
                f.append(f"hmark={lowers[c]}")
    particles: list[str] = []
    context: list[str] = []  # what the word's class is read with (class_features)
    for c in children[i]:
        cd = deps[c]
        if cd in PARTICLE_DEPS:
            f.append(f"lpr={lemma}|{lowers[c]}")
            particles.append(lowers[c])
        elif cd in OBJECT_DEPS:
            f.append(f"lo={lemma}|{lemmas[c]}")
            f.append(f"o={ents[c] or poss[c]}")
            context.append(f"o={ents[c] or poss[c]}" if cd == "dobj" else cd)
        elif cd in AUX_DEPS:
            f.append(f"a={lowers[c]}")
            context.append(f"a={lowers[c]}")
        elif cd == "neg":
            f.append("neg")
            context.append("neg")
        elif cd in ("nsubj", "csubj"):
            f.append(f"s={ents[c] or poss[c]}")
            context.append(f"s={ents[c] or poss[c]}")
        elif cd == "mark" and lowers[c] in CONDITIONAL:
            f.append(f"mark={lowers[c]}")
        elif cd in ("xcomp", "ccomp"):
            f.append(f"lc={lemma}|{lemmas[c]}")
        elif cd == "det" and lowers[c] == "no":
            f.append("no")
    cur, seen_speech = i, False
    for _ in range(6):
        if heads[cur] == cur:
            break
        cur = heads[cur]
        if poss[cur] == "VERB" and lemmas[cur] in speech:
            seen_speech = True
            break
    if seen_speech:
        f.append("speech")
        context.append("speech")
    if lemma in speech:
        f.append("is_speech")
    for type_ in lexicon_types.get(lemma, ()):
        f.append(f"x={type_}")
    if lowers[i] != lemma:
        for type_ in lexicon_types.get(lowers[i], ()):
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
    if classes is not None:
        entry = None
        for p in particles:
            entry = classes.get((lemma, p))
            if entry is not None:
                context.append("prt")
                break
        entry = entry or classes.get((lemma, ""))
        if entry is not None:
            drafted = rule.get("draft")
            context += [pos, f"dep={dep}", "rule" if rule else "norule"]
            if drafted:
                context.append("same" if drafted == entry.type else "other")
            if not any(c.startswith("o=") for c in context):
                context.append("noobj")
            f.extend(class_features(entry, context))
    if word_types is not None:
        f.extend(neighbour_features(tok, word_types, rules or {}, actors, groups))
    return f


def event_word_types(
    lexicon_types: Mapping[str, Iterable[str]], classes: CameoVerbs
) -> dict[str, tuple[str, ...]]:
    """Each event word's PLOVER types: those of its lexicon entries (whatever their
    constraints) and that of its CAMEO class (the word alone, no particle)."""
    out = {lemma: set(types) for lemma, types in lexicon_types.items()}
    for (lemma, particle), row in classes.items():
        if not particle and row.type:
            out.setdefault(lemma, set()).add(row.type)
    return {lemma: tuple(sorted(types)) for lemma, types in out.items() if types}


def neighbour_features(
    tok: Token,
    word_types: Mapping[str, tuple[str, ...]],
    rules: Mapping[int, Mapping[str, str]],
    actors: Container[int] = (),
    groups: Container[str] | None = None,
) -> list[str]:
    """What the token's neighbours are, read off the parse and the lexicon:

    * ``ox=`` / ``lox=``: the event types of its objects ("-": no event word), alone
      and with the lemma ("hold" with "talks": ``lox=hold|CONSULT``; with "an election":
      ``lox=hold|-``);
    * ``px=`` / ``lpx=``: the same for the objects of its prepositions, with the
      preposition ("talks with", "protest against");
    * ``gx=`` / ``lgx=``: the types of the word it hangs on, with the arc (through a
      preposition: the preposition, "call for talks": ``gx=for|REQUEST``);
    * ``gd=``: what the rules drafted on the word it hangs on and on its objects (the
      type, "m" when an entry matched there and drafted nothing, "-" when nothing);
    * ``sx=`` / ``lsx=``: whether its clause has a subject that names an actor (a
      country, a people, an organisation, a person: "actor"), another subject ("nonactor")
      or none ("none"), "pass|" for a passive subject;
    * ``sr=``: the same, the actor read by the rules' actor dictionary (``actors``: the
      tokens an actor was found on: "police", "the army", "rebels" name actors too).

    Only the ``groups`` named (``ox``, ``px``, ``gx``, ``gd``, ``sx``, ``sr``) are
    computed; None: all.
    """
    a = token_arrays(tok.doc)
    lemmas, deps, heads, children = a.lemmas, a.deps, a.heads, a.children
    i = tok.i
    lemma = lemmas[i]
    f: list[str] = []
    ox, px, gx, gd, sx, sr = (groups is None or g in groups
                              for g in ("ox", "px", "gx", "gd", "sx", "sr"))  # fmt: skip
    for c in children[i] if ox or px or gd else ():
        cd = deps[c]
        if cd in OBJECT_DEPS and cd != "nsubjpass":  # (a passive subject: ``sx``)
            for t in word_types.get(lemmas[c], NO_TYPE) if ox else ():
                f += [f"ox={t}", f"lox={lemma}|{t}"]
            if gd:
                f.append(f"gd=obj|{_drafted(rules.get(c))}")
        elif cd in PARTICLE_DEPS and px:
            for p in children[c]:
                if deps[p] == "pobj":
                    for t in word_types.get(lemmas[p], NO_TYPE):
                        f += [f"px={a.lowers[c]}|{t}", f"lpx={lemma}|{t}"]
    h, arc = heads[i], deps[i]
    if arc == "pobj" and heads[h] != h:  # "call for talks": the word the preposition is on
        h, arc = heads[h], a.lowers[h]
    if h != i:
        for t in word_types.get(lemmas[h], NO_TYPE) if gx else ():
            f += [f"gx={arc}|{t}", f"lgx={lemma}|{t}"]
        if gd:
            f.append(f"gd=up|{arc}|{_drafted(rules.get(h))}")
    if not (sx or sr):
        return f
    subject = _clause_subject(i, deps, heads, children)
    if subject is None:
        kind = "none"
    else:
        names = any(a.ents[t] in ACTOR_ENTS for t in (subject, *children[subject]))
        kind = ("pass|" if deps[subject] == "nsubjpass" else "") + (
            "actor" if names else "nonactor"
        )
    if sx:
        f += [f"sx={kind}", f"lsx={lemma}|{kind}"]
    if sr and subject is None:
        f.append("sr=none")
    elif sr and subject is not None:
        known = any(t in actors for t in (subject, *children[subject]))
        f.append("sr=" + ("pass|" if deps[subject] == "nsubjpass" else "")
                 + ("actor" if known else "nonactor"))  # fmt: skip
    return f


def _drafted(rule: Mapping[str, str] | None) -> str:
    if not rule:
        return "-"
    return rule.get("draft") or "m"


def _clause_subject(
    i: int, deps: list[str], heads: list[int], children: list[list[int]]
) -> int | None:
    """The subject of the token's clause: its own, or that of the word it is an object,
    complement or conjunct of (up to four steps up)."""
    cur = i
    for _ in range(5):
        for c in children[cur]:
            if deps[c] in SUBJECT_DEPS:
                return c
        if heads[cur] == cur or deps[cur] not in CLAUSE_DEPS:
            return None
        cur = heads[cur]
    return None


def class_features(entry: CameoVerb, context: Iterable[str]) -> list[str]:
    """The word's CAMEO class (PLOVER type, CAMEO root and code), alone and each with
    one piece of its context."""
    type_ = entry.type or "-"
    out = [f"cv={type_}", f"cvr={entry.root}", f"cvc={entry.cameo[:3]}"]
    for c in context:
        out.append(f"cv={type_}|{c}")
        out.append(f"cvr={entry.root}|{c}")
    return out
