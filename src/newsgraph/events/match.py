"""Which trigger-lexicon entry, if any, a token fires.

A token is looked up by lemma and by its lower-case form; entries are tried most
specific first, and each entry's constraints (particle, object, modifier,
governor, no object) are checked on the token's own arcs.  A verb the lemmatizer
does not know ("fined" read as "fin", "rearrested" as "rearreste") is looked up by
the stems its inflection allows (``verb_stems``) when its lemma has no entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Lexicon, Trigger
from .roles import Roles

if TYPE_CHECKING:
    from spacy.tokens import Token

NOMINAL_DEPS = frozenset(
    {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "compound"}
)
COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "look", "sound"})
FORM_KINDS = {
    "verb": ("verb",),
    "noun": ("noun",),
    "gerund": ("noun", "verb"),
    "pred": ("pred", "noun"),
}


# inflectional endings of English verbs and what each may replace
# ("fined" -> "fine", "resupplied" -> "resupply", "rearrested" -> "rearrest")
VERB_ENDINGS = (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                ("es", ""), ("s", ""))  # fmt: skip


def verb_stems(lower: str) -> list[str]:
    """The base forms an inflected verb may have, by its ending alone (a doubled final
    consonant undone too: "airdropped" -> "airdrop")."""
    out: list[str] = []
    for end, new in VERB_ENDINGS:
        if lower.endswith(end) and len(lower) > len(end) + 2:
            stem = lower[: -len(end)] + new
            out.append(stem)
            if not new and len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return out


def copula(tok: Token) -> Token | None:
    """The copula of a predicate: "was unacceptable", "is a violation", "was an act of aggression"."""
    if tok.dep_ in ("acomp", "attr") and tok.head.lemma_.lower() in COPULAS:
        return tok.head
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in ("act", "case", "form")
    ):
        return copula(head.head)
    return None


def judge(tok: Token, judging: frozenset[str]) -> Token | None:
    """The verb that judges with ``tok``: "considers the veto unacceptable",
    "called Turkey's remarks unacceptable"."""
    head = tok.head
    if tok.dep_ in ("ccomp", "oprd", "xcomp", "acomp") and head.lemma_.lower() in judging:
        return head
    if tok.dep_ == "amod" and head.dep_ in ("oprd", "dobj") and head.head.lemma_.lower() in judging:
        return head.head
    return None


def form(tok: Token, judging: frozenset[str] = frozenset()) -> str | None:
    """How a token can trigger: as a ``verb``, ``noun``, nominal ``gerund`` or ``pred``."""
    pos = tok.pos_
    if copula(tok) is not None or (pos == "ADJ" and judge(tok, judging) is not None):
        return "pred"
    if pos == "VERB":
        if (
            tok.tag_ == "VBG"
            and tok.dep_ in NOMINAL_DEPS
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        ):
            return "gerund"
        if (
            tok.tag_ in ("VB", "VBP")
            and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux") for c in tok.children)
        ):
            return "gerund"  # a noun the tagger read as a bare verb ("Aid from Japan arrived")
        return "verb"
    if pos in ("NOUN", "PROPN"):
        return None if tok.dep_ == "compound" else "noun"  # "the extradition list"
    if pos == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return "noun"  # a noun the tagger read as an adjective ("the regime offensive on")
    if pos == "ADJ" and tok.dep_ in ("acomp", "amod", "oprd"):
        return "pred" if tok.dep_ != "amod" else None
    return None


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _objects(tok: Token) -> list[Token]:
    out: list[Token] = []
    if tok.pos_ == "VERB" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        # "detained and deported the journalists": a verb coordinated before another
        # shares its object
        for conj in (c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            out.extend(o for o in _objects(conj) if o.i > conj.i)
            break
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        # a passive participle on a noun acts on that noun: "the civilians evacuated by
        # Turkey", "food flown to Haiti"
        out.append(tok.head)
        out.extend(c for c in tok.head.children if c.dep_ == "compound")
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "dative", "attr"):
            out.append(child)
            out.extend(c for c in child.children if c.dep_ in ("conj", "compound"))
            for of in (p for p in child.children if p.lower_ == "of"):
                for pobj in of.children:  # "a team of doctors, tents and medicine"
                    out.append(pobj)
                    out.extend(c for c in pobj.conjuncts)
        elif child.dep_ == "xcomp":
            out.extend(c for c in child.children if c.dep_ == "dobj")
        elif child.dep_ == "ccomp" and child.pos_ == "VERB" and _infinitive(child):
            # the subject of an infinitive is the verb's object: "allowed aid to enter"
            out.extend(c for c in child.children if c.dep_ == "nsubj")
        elif child.dep_ == "ccomp" and child.pos_ in ("NOUN", "PROPN"):
            # a verb's object read as a verbless clause: "let UN inspectors into the site"
            out.append(child)
            out.extend(c for c in child.children if c.dep_ in ("conj", "compound"))
        elif child.dep_ == "prep" and tok.pos_ == "VERB" and child.lower_ in ("with", "on"):
            out.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and tok.pos_ in ("NOUN", "PROPN") and child.lower_ == "of":
            # an event noun's "of" phrase is its object: "the shipment of vaccines"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                out.append(pobj)
                out.extend(c for c in pobj.children if c.dep_ in ("conj", "compound"))
    return out


def _modifiers(tok: Token) -> set[str]:
    words = set()
    for t in tok.doc[tok.left_edge.i : tok.i]:
        words.add(t.lemma_.lower())
        words.add(t.lower_)
    for child in tok.children:
        if child.dep_ in ("advmod", "amod", "compound", "npadvmod"):
            words.add(child.lemma_.lower())
            words.add(child.lower_)
    return words


def _governor(tok: Token) -> str:
    head = tok.head
    if head.dep_ in ("prep", "agent") and head.head != head:
        head = head.head
    return head.lemma_.lower()


def _state(obj: Token, roles: Roles) -> bool:
    """The object names a state or its government ("received Poland", "the Polish premier")."""
    actor = roles.at(obj)
    return actor is not None and actor.country is not None and actor.sector in (None, "GOV")


def _particle(tok: Token, child: Token) -> bool:
    """A particle, or a preposition close after the word with no object in between
    ("called for", "committed on Wednesday to"; not "called a redline for")."""
    if child.dep_ == "prt":
        return True
    if child.dep_ not in ("prep", "agent", "advmod", "dative") or not 0 < child.i - tok.i <= 5:
        return False
    return not any(c.dep_ in ("dobj", "dative") and tok.i < c.i < child.i for c in tok.children)


def _result(tok: Token, words: frozenset[str]) -> bool:
    """One of ``words`` says what the act leaves its object as, read like a particle:
    "set the sailors free", "set free two hostages", "made $5 million available" (the
    parser hangs the word on the verb, or on the object, right after the verb or after
    the object)."""
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and after.lower_ in words and tok in (after.head, after.head.head):
        return True
    for c in tok.children:
        if c.lower_ in words and (
            c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") or (c.dep_ == "advcl" and c.pos_ == "ADJ")
        ):
            return True
        # an adjective after the object is said of it: "made $5 million available"
        if c.dep_ == "dobj" and any(
            a.dep_ == "amod" and a.i > c.i and a.lower_ in words for a in c.children
        ):
            return True
    return False


def _clause_mark(tok: Token, words: frozenset[str]) -> bool:
    """The particle introduces a clause on the verb: "called for the army to withdraw",
    "pushed for the constitution to be revised" ("for" parsed as the clause's mark)."""
    return tok.pos_ == "VERB" and any(
        child.dep_ in ("advcl", "ccomp", "xcomp")
        and child.i > tok.i
        and any(
            m.dep_ == "mark" and m.lower_ in words and tok.i < m.i <= tok.i + 2
            for m in child.children
        )
        for child in tok.children
    )


def _prep_arg(tok: Token, words: frozenset[str]) -> bool:
    """A prepositional phrase headed by one of ``words`` on ``tok`` ("charged him with
    fraud"), on its direct object ("returned the paintings to Italy"), or, for an
    object noun, on its verb after it ("opened a hearing into the crash"); a dative
    ("gave Nigeria $2 million") counts as ``to``."""
    around = list(tok.children)
    for child in tok.children:
        if child.dep_ == "dobj":
            around.extend(child.children)
            # "returned dozens of artifacts to Peru": the phrase may hang on the "of" noun,
            # or on a participle that describes the object ("returned a pendant engraved
            # with an eagle to Russia")
            for of in child.children:
                if of.dep_ == "prep" and of.lower_ == "of":
                    around.extend(g for p in of.children if p.dep_ == "pobj" for g in p.children)
                elif of.dep_ == "acl" and of.tag_ == "VBN":
                    around.extend(t for t in of.subtree if t.dep_ == "prep")
    if tok.dep_ == "dobj":
        around.extend(c for c in tok.head.children if c.i > tok.i)
    for child in around:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in words:
            if any(c.dep_ in ("pobj", "pcomp") for c in child.children):
                return True
        elif child.dep_ == "dative" and "to" in words:
            return True
    return False


def _stopped(tok: Token, words: frozenset[str]) -> bool:
    """One of ``words`` is the object or complement of ``tok``, or the word a noun
    hangs on ("declined to comment", "offered condolences", "lifted its blockade"),
    or the verb whose complement clause the noun is the subject of ("allowed aid
    convoys to enter")."""
    if tok.pos_ not in ("VERB", "AUX") and _governor(tok) in words:
        return True
    head = tok.head
    if (
        tok.dep_ == "nsubj"
        and head.dep_ in ("ccomp", "xcomp")
        and head.head.lemma_.lower() in words
    ):
        return True
    return any(
        c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "nsubjpass") and c.lemma_.lower() in words
        for c in tok.children
    )


def attributive(tok: Token) -> bool:
    """A bare participle that describes a noun: "Russian-backed forces", "rebels
    armed by Iran" (no auxiliary, no subject of its own)."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ in ("amod", "acl", "compound")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)
    )


class _Arcs:
    """A token's arcs that the constraints read, each computed at most once however
    many entries of its word are tried (the lexicon may list many for one word)."""

    __slots__ = ("_governor", "_modifiers", "_objects", "_words", "tok")

    def __init__(self, tok: Token) -> None:
        self.tok = tok
        self._objects: list[Token] | None = None
        self._words: set[str] | None = None
        self._modifiers: set[str] | None = None
        self._governor: str | None = None

    @property
    def objects(self) -> list[Token]:
        if self._objects is None:
            self._objects = _objects(self.tok)
        return self._objects

    @property
    def object_words(self) -> set[str]:
        if self._words is None:
            self._words = {w for o in self.objects for w in (o.lemma_.lower(), o.lower_)}
        return self._words

    @property
    def modifiers(self) -> set[str]:
        if self._modifiers is None:
            self._modifiers = _modifiers(self.tok)
        return self._modifiers

    @property
    def governor(self) -> str:
        if self._governor is None:
            self._governor = _governor(self.tok)
        return self._governor


VIEW_VERBS = frozenset({"agree", "concur"})
TERMS = frozenset({"on", "over", "upon", "to"})  # "agreed with Egypt on a truce"


def shares_view(tok: Token) -> bool:
    """ "agree with X that ...", "agree with what X proposed": sharing someone's view is
    an opinion (ANNOTATION.md: not an event), unlike agreeing with a party on terms
    or to act ("agreed with Egypt on a truce", "agreed with Kiev to swap prisoners")."""
    if tok.lemma_.lower() not in VIEW_VERBS:
        return False
    kids = list(tok.children)
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in kids) and not any(
        (c.dep_ == "prep" and c.lower_ in TERMS) or c.dep_ == "xcomp" for c in kids
    )


WORRY_NOUNS = frozenset({"concern", "concerns", "worry", "worries", "anxiety"})
# what one fears for rather than objects to ("concern about the fate of a journalist")
WELFARE = frozenset({"health", "fate", "safety", "welfare", "wellbeing", "well-being", "life",
                     "lives", "condition", "whereabouts", "recovery", "survival"})  # fmt: skip


def sympathy(tok: Token) -> bool:
    """ "expressed concern for X's health", "concern about the fate of the hostages":
    worry for someone's welfare is sympathy (ANNOTATION.md: a statement, not an event),
    unlike concern about what someone does ("concern about Turkey's arrests")."""
    if tok.lower_ not in WORRY_NOUNS and tok.lemma_.lower() not in WORRY_NOUNS:
        return False
    for prep in tok.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "for":
            return True
        if prep.lower_ in ("about", "over", "regarding", "at") and any(
            o.dep_ == "pobj" and o.lemma_.lower() in WELFARE for o in prep.children
        ):
            return True
    return False


HANDED = frozenset({"RETREAT", "AID"})  # acts of handing over or letting go


def published(tok: Token, documents: frozenset[str]) -> bool:
    """ "released a statement", "a report released by SIPRI", "the data were released":
    a document released is published, not freed or given."""
    if tok.pos_ != "VERB" or not documents:
        return False
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in documents:
        return True
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in documents for c in tok.children
    )


def satisfied(trigger: Trigger, tok: Token, roles: Roles, arcs: _Arcs | None = None) -> bool:
    arcs = arcs if arcs is not None else _Arcs(tok)
    if trigger.type == "AGREE" and shares_view(tok):
        return False
    if trigger.type == "ACCUSE" and trigger.pos == "noun" and sympathy(tok):
        return False
    if trigger.type in HANDED and trigger.pos == "verb" and published(tok, roles.documents):
        return False
    if trigger.no_attributive and attributive(tok):
        return False
    if trigger.unless and _stopped(tok, trigger.unless):
        return False
    if trigger.transitive and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return False
    if trigger.prep_args and not _prep_arg(tok, trigger.prep_args):
        return False
    if (
        trigger.particle
        and not any(c.lower_ in trigger.particle and _particle(tok, c) for c in tok.children)
        and not _clause_mark(tok, trigger.particle)
        and not _result(tok, trigger.particle)
    ):
        return False
    if trigger.objects and not (
        not trigger.objects.isdisjoint(arcs.object_words)
        or ("@state" in trigger.objects and any(_state(o, roles) for o in arcs.objects))
    ):
        return False
    if trigger.modifiers and trigger.modifiers.isdisjoint(arcs.modifiers):
        return False
    if trigger.governors and arcs.governor not in trigger.governors:
        return False
    return not (trigger.no_object and any(c.dep_ == "dobj" for c in tok.children))


def match(tok: Token, lexicon: Lexicon, roles: Roles) -> tuple[Trigger, str] | None:
    """The entry ``tok`` fires and the form it fires in (``verb``, ``noun``, ``pred``)."""
    lemma, lower = tok.lemma_.lower(), tok.lower_
    entries = lexicon.triggers.get(lemma, ())
    if lower != lemma:
        entries = entries + lexicon.triggers.get(lower, ())
    if not entries and tok.pos_ == "VERB":
        for stem in verb_stems(lower):
            entries = entries + tuple(t for t in lexicon.triggers.get(stem, ()) if t.pos == "verb")
    if not entries:
        return None
    kind = form(tok, lexicon.words.get("judging_verbs", frozenset()))
    if kind is None:
        return None
    arcs = _Arcs(tok)
    for pos in FORM_KINDS[kind]:
        for trigger in entries:
            if trigger.pos == pos and satisfied(trigger, tok, roles, arcs):
                return trigger, pos
    return None
