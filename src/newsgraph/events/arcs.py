"""The arcs of a token that the trigger lexicon's constraints read.

Objects (direct, passive subject, dative, an "of" phrase's items, an infinitive's
subject), modifiers, the governing word, particles and prepositional arguments, the
words that stop an entry ("declined to comment"), and whether a participle is
attributive.  ``Arcs`` computes each at most once per token, however many entries of
its word ``match`` tries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .roles import Roles


def infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


CAUSATIVE = frozenset({"let", "make"})  # verbs that take a bare infinitive ("let him go")


def bare_infinitive(tok: Token, child: Token) -> bool:
    """``child`` is a bare infinitive clause of a causative ``tok`` ("let him go")."""
    return (
        tok.lemma_.lower() in CAUSATIVE
        and child.pos_ == "VERB"
        and child.tag_ in ("VB", "VBP")
        and not any(c.dep_ in ("aux", "mark") for c in child.children)
    )


def objects_of(tok: Token) -> list[Token]:
    out: list[Token] = []
    if tok.pos_ == "VERB" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        # "detained and deported the journalists": a verb coordinated before another
        # shares its object
        for conj in (c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            out.extend(o for o in objects_of(conj) if o.i > conj.i)
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
        elif child.dep_ == "ccomp" and child.pos_ == "VERB" and infinitive(child):
            # the subject of an infinitive is the verb's object: "allowed aid to enter"
            out.extend(c for c in child.children if c.dep_ == "nsubj")
        elif child.dep_ in ("ccomp", "xcomp") and bare_infinitive(tok, child):
            # and of a bare one after "let" or "make": "let him go", "let aid trucks enter"
            out.extend(c for c in child.children if c.dep_ == "nsubj")
        elif child.dep_ == "ccomp" and child.pos_ in ("NOUN", "PROPN"):
            # a verb's object read as a verbless clause: "let UN inspectors into the site"
            out.append(child)
            out.extend(c for c in child.children if c.dep_ in ("conj", "compound"))
        elif (
            child.dep_ == "npadvmod"
            and child.pos_ == "NOUN"
            and tok.pos_ == "VERB"
            and child.left_edge.i == tok.i + 1
            and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children)
        ):
            # an object the parser read as an adverbial noun ("eased curfew hours")
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


def prep_objects_of(tok: Token) -> list[Token]:
    """The objects of the preposition right after ``tok``, also after a particle ("withdrew
    from the pact", "pulled out of the deal", "walked off the job"), with their conjuncts.
    Not a later phrase ("withdrew from Gaza under the agreement": the agreement is the
    circumstance, Gaza what is left) nor a compound ("from the NATO base": a base)."""
    out: list[Token] = []
    stack = [
        c for c in tok.children
        if (c.dep_ in ("prep", "prt", "agent") or (c.dep_ == "advmod" and c.lower_ in SHIFTED))
        and 0 < c.i - tok.i <= 2
    ]  # fmt: skip
    while stack:
        prep = stack.pop()
        for child in prep.children:
            if child.dep_ in ("pobj", "pcomp"):
                out.append(child)
                out.extend(c for c in child.children if c.dep_ == "conj")
            elif child.dep_ == "prep":
                stack.append(child)
    return out


# the prefix of an object word that names the act an infinitive complement lets or
# makes the object do ("allowed the envoy to visit": "to:visit")
COMPLEMENT = "to:"


def complement_words(tok: Token) -> set[str]:
    """The verbs of ``tok``'s infinitive complements, as object words with the prefix
    ``COMPLEMENT``: "allowed foreigners to leave Gaza" ("to:leave"), "let the refugees
    return home" ("to:return").  An entry names the acts whose allowing is its own act
    (allowing passage is a retreat; allowing a party to register a concession)."""
    has_object = any(c.dep_ == "dobj" for c in tok.children)
    return {
        COMPLEMENT + c.lemma_.lower()
        for c in tok.children
        # "permitted the envoy to visit" may be parsed as a purpose clause
        if (c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "advcl" and has_object))
        and c.pos_ == "VERB"
        and (infinitive(c) or bare_infinitive(tok, c))
    }


def modifiers_of(tok: Token) -> set[str]:
    words = set()
    for t in tok.doc[tok.left_edge.i : tok.i]:
        words.add(t.lemma_.lower())
        words.add(t.lower_)
    for child in tok.children:
        if child.dep_ in ("advmod", "amod", "compound", "npadvmod"):
            words.add(child.lemma_.lower())
            words.add(child.lower_)
    return words


def governor_of(tok: Token) -> str:
    head = tok.head
    if head.dep_ in ("prep", "agent") and head.head != head:
        head = head.head
    return head.lemma_.lower()


def names_state(obj: Token, roles: Roles) -> bool:
    """The object names a state or its government ("received Poland", "the Polish premier")."""
    actor = roles.at(obj)
    return actor is not None and actor.country is not None and actor.sector in (None, "GOV")


# sectors of armed forces and groups (the object of "hit", "struck", "targeted")
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "UAF", "PRM", "TER", "SEP"})


def names_armed(obj: Token, roles: Roles) -> bool:
    """The object names an armed force or group ("hit the Islamic State group", "struck
    the Taliban", "targeted Syrian troops")."""
    actor = roles.at(obj)
    return actor is not None and actor.sector in ARMED_SECTORS


def names_org(obj: Token, roles: Roles) -> bool:
    """The object names an international organisation or bloc ("left ECOWAS", "withdrew
    from NATO")."""
    actor = roles.at(obj)
    return actor is not None and actor.org is not None


PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they"})


def names_person(obj: Token, roles: Roles) -> bool:
    """The object is a person named or referred to ("beat him", "hanged Ali Ahmadi",
    "expelled her"), or people named by their nation ("shot two Palestinians"), not a
    thing."""
    if obj.ent_type_ == "PERSON" or obj.lower_ in PERSONAL_PRONOUNS:
        return True
    actor = roles.at(obj)
    if actor is None:
        return False
    # a person named, or people named by their nation ("two Palestinians"; not "Armenian
    # forces": a force is no person)
    plain = actor.sector in (None, "CVL") and actor.org is None
    return actor.name is not None or (
        obj.tag_ in ("NNS", "NNPS") and actor.country is not None and plain
    )


def names_place(obj: Token, roles: Roles) -> bool:
    """The object is a place named ("took over Kabul", "surrounded Mariupol"): a place
    entity, or a proper noun the gazetteer knows."""
    if obj.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    lookup = roles.place_country
    return obj.pos_ == "PROPN" and lookup is not None and lookup(obj.text) is not None


# particles that English moves after the object ("pulled its forces out", "called the
# strike off", "handed the prisoners over")
SHIFTED = frozenset({"out", "off", "up", "over", "back", "down", "away"})


def is_particle(tok: Token, child: Token) -> bool:
    """A particle, or a preposition close after the word with no object in between
    ("called for", "committed on Wednesday to"; not "called a redline for"); a
    particle moved after the object, when it has no object of its own ("pulled its
    forces out of Kherson"; not "called the envoy over the remarks")."""
    if child.dep_ == "prt":
        return True
    if child.dep_ not in ("prep", "agent", "advmod", "dative") or not 0 < child.i - tok.i <= 5:
        return False
    if child.lower_ in SHIFTED and not any(c.dep_ in ("pobj", "pcomp") for c in child.children):
        return True
    return not any(c.dep_ in ("dobj", "dative") and tok.i < c.i < child.i for c in tok.children)


def counted_particle(tok: Token, words: frozenset[str]) -> bool:
    """One of ``words`` right after the word, read by the parser as "more than" on the
    number of its object: "handed over 30 vehicles", "turns over 12 suspects", "gave up
    five towns", "pulled out 200 troops" (the particle, not "over 30")."""
    if tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    if (
        nxt.lower_ not in words
        or nxt.lower_ not in SHIFTED
        or nxt.dep_ not in ("quantmod", "advmod")
    ):
        return False
    number = nxt.head
    if number.pos_ != "NUM" or number.dep_ not in ("nummod", "dobj"):
        return False
    obj = number.head if number.dep_ == "nummod" else number
    return obj.dep_ == "dobj" and obj.head == tok


def result_word(tok: Token, words: frozenset[str]) -> bool:
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


def clause_mark(tok: Token, words: frozenset[str]) -> bool:
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


def prep_arg(tok: Token, words: frozenset[str]) -> bool:
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


def stopped(tok: Token, words: frozenset[str]) -> bool:
    """One of ``words`` is the object or complement of ``tok``, or the word a noun
    hangs on ("declined to comment", "offered condolences", "lifted its blockade"),
    or the verb whose complement clause the noun is the subject of ("allowed aid
    convoys to enter")."""
    if tok.pos_ not in ("VERB", "AUX") and governor_of(tok) in words:
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


def prenominal(tok: Token) -> bool:
    """A past participle set before the noun it describes ("a court-ordered stay", "a
    state-mandated test"): it says what the noun is, and names no one it is addressed to
    nor anyone made to act (an order given is told as a verb with its addressee:
    "the court ordered her to stay")."""
    return tok.tag_ == "VBN" and tok.dep_ in ("amod", "compound") and tok.i < tok.head.i


class Arcs:
    """A token's arcs that the constraints read, each computed at most once however
    many entries of its word are tried (the lexicon may list many for one word)."""

    __slots__ = ("_governor", "_modifiers", "_objects", "_pobjects", "_words", "tok")

    def __init__(self, tok: Token) -> None:
        self.tok = tok
        self._objects: list[Token] | None = None
        self._words: set[str] | None = None
        self._modifiers: set[str] | None = None
        self._governor: str | None = None
        self._pobjects: list[Token] | None = None

    @property
    def objects(self) -> list[Token]:
        if self._objects is None:
            self._objects = objects_of(self.tok)
        return self._objects

    @property
    def object_words(self) -> set[str]:
        if self._words is None:
            self._words = {w for o in self.objects for w in (o.lemma_.lower(), o.lower_)}
            self._words |= complement_words(self.tok)
        return self._words

    @property
    def prep_objects(self) -> list[Token]:
        if self._pobjects is None:
            self._pobjects = prep_objects_of(self.tok)
        return self._pobjects

    @property
    def modifiers(self) -> set[str]:
        if self._modifiers is None:
            self._modifiers = modifiers_of(self.tok)
        return self._modifiers

    @property
    def governor(self) -> str:
        if self._governor is None:
            self._governor = governor_of(self.tok)
        return self._governor
