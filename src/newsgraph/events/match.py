"""Which trigger-lexicon entry, if any, a token fires.

A token is looked up by lemma and by its lower-case form; entries are tried most
specific first, and each entry's constraints (particle, object, modifier,
governor, no object) are checked on the token's own arcs.  A verb the lemmatizer
does not know ("fined" read as "fin", "rearrested" as "rearreste") is looked up by
the stems its inflection allows (``verb_stems``) when its lemma has no entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .arcs import (
    Arcs,
    attributive,
    clause_mark,
    counted_particle,
    infinitive,
    is_particle,
    names_armed,
    names_org,
    names_person,
    names_place,
    names_state,
    prep_arg,
    result_word,
    stopped,
)
from .lexicon import Lexicon, Trigger
from .roles import Roles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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


# irregular past forms that a prefix hides from the lemmatizer when the tagger reads
# them as a present ("overran" -> "overrun", "overthrew" -> "overthrow")
IRREGULAR_ENDINGS = (("ran", "run"), ("took", "take"), ("taken", "take"), ("threw", "throw"),
                     ("thrown", "throw"), ("drew", "draw"), ("drawn", "draw"), ("came", "come"),
                     ("gave", "give"), ("given", "give"), ("held", "hold"), ("rode", "ride"),
                     ("ridden", "ride"), ("flew", "fly"), ("flown", "fly"), ("fought", "fight"),
                     ("shot", "shoot"), ("saw", "see"), ("stood", "stand"), ("sold", "sell"),
                     ("sent", "send"), ("brought", "bring"),
                     ("caught", "catch"), ("won", "win"), ("bore", "bear"))  # fmt: skip
PREFIXES = ("over", "under", "out", "with", "fore", "mis", "up", "re")


def verb_stems(lower: str) -> list[str]:
    """The base forms an inflected verb may have, by its ending alone (a doubled final
    consonant undone too: "airdropped" -> "airdrop"; an irregular past after a prefix:
    "overran" -> "overrun")."""
    out: list[str] = []
    for prefix in PREFIXES:
        if lower.startswith(prefix):
            rest = lower[len(prefix) :]
            out.extend(prefix + base for past, base in IRREGULAR_ENDINGS if rest == past)
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


# the arcs of the complement that a judging verb gives its object ("called X a liar")
JUDGED_DEPS = frozenset({"oprd", "xcomp", "ccomp"})
NOUN_JUDGED = JUDGED_DEPS | {"appos", "pobj"}


def judge(tok: Token, judging: frozenset[str]) -> Token | None:
    """The verb that judges with ``tok``: "considers the veto unacceptable",
    "called Turkey's remarks unacceptable"."""
    head = tok.head
    if tok.dep_ in ("ccomp", "oprd", "xcomp", "acomp") and head.lemma_.lower() in judging:
        return head
    if tok.dep_ == "amod" and head.dep_ == "appos":
        head = head.head  # "called the envoy a stupid man", the complement read as apposed
    if tok.dep_ == "amod" and head.dep_ in ("oprd", "dobj") and head.head.lemma_.lower() in judging:
        return head.head
    if (
        tok.dep_ == "appos"
        and head.dep_ in ("dobj", "oprd")
        and head.head.lemma_.lower() in judging
    ):
        return head.head  # "called the leader a dictator" (the complement read as apposed)
    if (
        tok.dep_ in ("pobj", "amod", "acomp")
        and head.lower_ == "as"
        and head.dep_ == "prep"
        and head.head.lemma_.lower() in judging
    ):
        return head.head  # "described the claims as absurd", "branded them as terrorists"
    return None


def judged(verb: Token, lexicon: Lexicon) -> bool:
    """A judging verb whose object gets a damning complement of the lexicon ("called
    the envoy a liar", "described the claims as absurd"): the complement is the act,
    not the verb ("called the president" alone would be a phone call)."""
    comps = [c for c in verb.children if c.dep_ in JUDGED_DEPS]
    objects = [o for o in verb.children if o.dep_ in ("dobj", "oprd")]
    comps += [a for o in objects for a in o.children if a.dep_ == "appos"]
    comps += [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "as"
        for o in p.children
        if o.dep_ in ("pobj", "amod", "acomp")
    ]
    comps += [m for c in comps if c.pos_ == "NOUN" for m in c.children if m.dep_ == "amod"]
    return any(
        t.pos == "pred"
        for c in comps
        for t in lexicon.triggers.get(c.lemma_.lower(), ()) + lexicon.triggers.get(c.lower_, ())
    )


# the arcs of a clause's verb (a noun there with a subject is a verb misread)
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "xcomp", "relcl", "parataxis"})


def misread_verb(tok: Token) -> bool:
    """A noun that heads a clause with a subject of its own: a present tense the tagger
    read as a plural noun ("the government rejects and condemns the decision"), or a
    noun the parser hung a subject on ("a government offensive continued")."""
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ in CLAUSE_DEPS
        and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in tok.children)
    )


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
    if pos == "NOUN" and tok.dep_ in NOUN_JUDGED and judge(tok, judging) is not None:
        return "pred"  # a noun complement of a judging verb: "called the strike a crime"
    if pos in ("NOUN", "PROPN"):
        return None if tok.dep_ == "compound" else "noun"  # "the extradition list"
    if pos == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return "noun"  # a noun the tagger read as an adjective ("the regime offensive on")
    if pos == "ADJ" and tok.dep_ in ("acomp", "amod", "oprd"):
        return "pred" if tok.dep_ != "amod" else None
    return None


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
                     "lives", "condition", "whereabouts", "recovery", "survival",
                     # a state of affairs with no doer ("concern about the risks to ...")
                     "risk", "impact", "consequence", "effect", "situation"})  # fmt: skip


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
# prepositions of where a thing is moved from, which an entry may list among its particles
# to take a phrase after the object too ("pulled its troops from the border", as "pulled
# back from the border")
SOURCE_PREPS = frozenset({"from"})


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


# contests one enters and may leave: leaving one gives up no ground ("withdrew from the race",
# "pulled out of the tournament"); a withdrawal from a pact or talks has entries of its own
CONTESTS = frozenset({"race", "election", "contest", "competition", "tournament", "championship",
                      "primary", "runoff", "run-off", "ballot", "bid", "marathon", "match",
                      "cup", "olympics", "games", "festival", "auction", "tender", "pageant",
                      "nomination", "candidacy", "leadership"})  # fmt: skip


# holdings one buys into and sells out of: leaving them is trading, no ground given up
# ("investors pulled out of bank shares", "funds withdrew from emerging markets")
HOLDINGS = frozenset({"stock", "share", "bond", "equity", "market", "commodity", "currency",
                      "cryptocurrency", "bitcoin"})  # fmt: skip


def left_contest(tok: Token, arcs: Arcs) -> bool:
    """A verb of leaving whose "from" / "out of" phrase is a contest ("the senator withdrew
    from the race", "the runner pulled out of the marathon") or a holding traded ("pulled
    out of technology stocks"): a candidate, a player or an investor who withdraws is no
    party retreating."""
    left = CONTESTS | HOLDINGS
    return tok.pos_ == "VERB" and any(
        t.lemma_.lower() in left or t.lower_ in left for t in arcs.prep_objects
    )


def satisfied(trigger: Trigger, tok: Token, roles: Roles, arcs: Arcs | None = None) -> bool:
    return unmet(trigger, tok, roles, arcs) is None


# verbs of taking or keeping someone captive: their participle on an object says the
# object was held, whatever noun names it ("the captured conscripts", "sailors held in
# Bandar Abbas", "the reporters it had arrested")
HOLDING_VERBS = frozenset({"capture", "detain", "kidnap", "abduct", "jail", "imprison", "hold",
                           "arrest", "seize", "intern", "incarcerate", "apprehend"})  # fmt: skip


def names_held(obj: Token, roles: Roles | None = None) -> bool:
    """The object is said to be held captive by a participle or relative clause on it
    ("handed over the captured conscripts", "repatriated the crew held in Oman"): what
    is freed, returned or exchanged then is a captive, whichever noun names it."""
    return any(
        c.dep_ in ("amod", "acl", "relcl") and c.lemma_.lower() in HOLDING_VERBS
        for c in obj.children
    )


def misread_objects(tok: Token) -> set[str]:
    """The words of a second object that the parser read as the verb of a clause with the
    first object as its subject ("allowed the trucks passage", "granted the ship passage":
    "passage" a clause head with "trucks" its subject); not an infinitive ("allowed the
    trucks to pass" is read as "to:pass") nor a clause with a tense or an object of its
    own ("said the army attacks towns")."""
    if any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return set()
    return {
        c.lower_
        for c in tok.children
        if c.dep_ in ("ccomp", "xcomp")
        and c.tag_ not in ("VBD", "VBZ", "VBN", "VBG")
        and not infinitive(c)
        and any(s.dep_ == "nsubj" for s in c.children)
        and not any(a.dep_ in ("aux", "auxpass", "mark", "dobj") for a in c.children)
    }


# participles that say what a vehicle or a container holds ("a plane loaded with relief",
# "trucks carrying food", "ships laden with grain")
CARRYING = frozenset({"load", "carry", "laden", "pack", "fill", "bear", "transport", "contain",
                      "stock", "stuff", "cram"})  # fmt: skip


def cargo_words(objects: list[Token]) -> set[str]:
    """The words of what an object carries, when a participle of carrying says it ("sent a
    plane loaded with medicine", "dispatched trucks carrying food"): a vehicle sent stands
    for its load, so the load is what is sent, whatever vehicle brings it."""
    out: set[str] = set()
    for obj in objects:
        for part in obj.children:
            if part.dep_ not in ("acl", "amod", "relcl") or part.lemma_.lower() not in CARRYING:
                continue
            loads = [c for c in part.children if c.dep_ == "dobj"]
            loads += [o for p in part.children if p.dep_ == "prep" and p.lower_ == "with"
                      for o in p.children if o.dep_ == "pobj"]  # fmt: skip
            for load in loads:
                out.update((load.lemma_.lower(), load.lower_))
                out.update(c.lemma_.lower() for c in load.children if c.dep_ == "compound")
                out.update(c.lemma_.lower() for c in load.conjuncts)
    return out


def hyphen_joined(tok: Token) -> tuple[str, ...]:
    """The one word that a hyphen splits into two tokens, read at its second half
    ("the pull-out of" -> "pullout", "pull-out"; "a draw-down" -> "drawdown"): the tokenizer
    splits such nominals, the lexicon lists them whole."""
    doc, i = tok.doc, tok.i
    if i < 2 or doc[i - 1].lower_ != "-" or doc[i - 2].is_punct:
        return ()
    first, second = doc[i - 2].lower_, tok.lemma_.lower()
    return (first + second, first + "-" + second)


# endings of nouns that name people by what they do or where they are from ("sappers",
# "labourers", "seafarers", "instructors", "unionists", "Nigerians", "migrants",
# "militiamen"), read only on a counted plural, where a thing so named is rare
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "man")
# heads of a quantity phrase that counts what follows "of" ("dozens of", "hundreds of")
COUNTING = frozenset({"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand",
                      "thousands", "million", "millions", "group", "number", "handful"})  # fmt: skip


def counted(obj: Token) -> bool:
    """A number counts the noun: "45 conscripts", "the 17 detainees", "hundreds of
    pensioners", "dozens of them"."""
    if any(c.dep_ in ("nummod", "quantmod") for c in obj.children):
        return True
    of = obj.head
    counter = of.head
    return (
        obj.dep_ == "pobj"
        and of.lower_ == "of"
        and (counter.lemma_.lower() in COUNTING or counter.lower_ in COUNTING or counter.like_num)
    )


def agentive(obj: Token) -> bool:
    """A plural noun with an ending of people ("labourers", "holidaymakers", "fishermen")."""
    lemma = obj.lemma_.lower()
    return obj.tag_ in ("NNS", "NNPS") and any(
        lemma.endswith(end) and len(lemma) >= len(end) + 3 for end in AGENT_ENDINGS
    )


def names_people(obj: Token, roles: Roles) -> bool:
    """The object names people by their kind, whatever the noun: a person named or a
    pronoun, a group the actor resolver knows ("conscripts", "Lithuanian truckers",
    "policemen"), people named by their nation, or a counted plural agent noun ("nine
    sappers", "hundreds of pensioners").  Not the modifier of another noun ("a fighter
    jet")."""
    if obj.dep_ in ("compound", "amod", "poss"):
        return False
    if names_person(obj, roles):
        return True
    actor = roles.at(obj)
    if (
        actor is not None
        and obj.pos_ == "NOUN"
        and obj.tag_ == "NNS"
        and actor.sector is not None
        and actor.org is None
    ):
        return True
    return agentive(obj) and counted(obj)


def names_civilians(obj: Token, roles: Roles) -> bool:
    """People by their kind (``names_people``) who are no armed force: those driven out
    or taken out of danger ("expelled 40 labourers"; "expelled the rebels" is fighting)."""
    return names_people(obj, roles) and not names_armed(obj, roles)


# sectors of the forces a state sends or moves: armed forces and its police
SECURITY_SECTORS = frozenset({"MIL", "COP", "UAF", "PRM"})


def names_security(obj: Token, roles: Roles) -> bool:
    """The object is a force by its kind, as the actor resolver reads it ("sent 300
    gendarmes", "moved paratroopers", "dispatched commandos"): a common noun that is
    sent (not the party a thing is sent to, "sent the rebels a message")."""
    if obj.pos_ != "NOUN" or obj.dep_ in ("dative", "compound", "amod", "poss"):
        return False
    actor = roles.at(obj)
    return actor is not None and actor.sector in SECURITY_SECTORS and actor.org is None


# prepositions of what or whom a measure binds ("the quarantine on Shanghai", "curbs against")
BINDING_PREPS = frozenset({"on", "against"})


def names_imposed(obj: Token, roles: Roles) -> bool:
    """The object is a measure laid "on" or "against" a party or a place ("lifted the
    quarantine on Shanghai", "eased the rules on Gaza"): lifting or easing it ends a
    measure, whatever it is called ("lifted the lid on the scandal" binds no party)."""
    if obj.pos_ != "NOUN" or obj.dep_ not in ("dobj", "nsubjpass"):
        return False
    # the phrase of what it binds, on the measure or on its verb ("lifted the quarantine
    # on Shanghai" parsed either way)
    for prep in [*obj.children, *obj.head.children]:
        if prep.dep_ != "prep" or prep.lower_ not in BINDING_PREPS:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if roles.at(pobj) is not None or names_place(pobj, roles):
                return True
    return False


def struck_by_force(verb: Token, roles: Roles) -> bool:
    """The verb's doer is an armed force or its hardware, as the actor resolver reads it
    ("Israeli jets hit", "was hit by Russian drones")."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    return any(names_armed(d, roles) for d in doers)


def names_site(obj: Token, roles: Roles) -> bool:
    """A place named, hit by an armed force ("Israeli jets hit Khan Younis", "Kharkiv was
    hit by Russian drones"): a place entity, a name the gazetteer knows, or a name the
    resolver reads as a state.  A state hit by a state is no strike by its kind
    ("Washington hit Beijing with tariffs")."""
    if obj.dep_ not in ("dobj", "nsubjpass") or not struck_by_force(obj.head, roles):
        return False
    return names_place(obj, roles) or (obj.pos_ == "PROPN" and names_state(obj, roles))


def workers_act(tok: Token, roles: Roles) -> bool:
    """A noun held or modified by a plural of people of no armed force or state ("the
    miners' strike", "the bus drivers' strike", "a truckers strike"): their own act, a
    stoppage by working people."""
    return any(
        c.dep_ in ("poss", "compound")
        and c.tag_ in ("NNS", "NNPS")
        and (agentive(c) or roles.at(c) is not None)
        and not names_armed(c, roles)
        and not names_state(c, roles)
        for c in tok.children
    )


def _objects_met(objects: frozenset[str], arcs: Arcs, roles: Roles) -> bool:
    """An object word of the entry, or an object of a kind the matcher resolves per token."""
    return (
        not objects.isdisjoint(arcs.object_words)
        or not objects.isdisjoint(cargo_words(arcs.objects))
        or not objects.isdisjoint(misread_objects(arcs.tok))
        or ("@held" in objects and any(names_held(o) for o in arcs.objects))
        or ("@state" in objects and any(names_state(o, roles) for o in arcs.objects))
        or ("@armed" in objects and any(names_armed(o, roles) for o in arcs.objects))
        or ("@person" in objects and any(names_person(o, roles) for o in arcs.objects))
        or ("@place" in objects and any(names_place(o, roles) for o in arcs.objects))
        or ("@org" in objects and any(names_org(o, roles) for o in arcs.objects))
        or any(
            name in objects and any(named(o, roles) for o in arcs.objects) for name, named in KINDS
        )
    )


# kinds of objects decided per token by what the object names, not by its word
KINDS = (("@humans", names_people), ("@civilians", names_civilians),
         ("@security", names_security), ("@imposed", names_imposed), ("@site", names_site))  # fmt: skip

NAMED = (("@state", names_state), ("@armed", names_armed), ("@person", names_person),
         ("@place", names_place), ("@org", names_org))  # fmt: skip


def _prep_objects_met(words: frozenset[str], arcs: Arcs, roles: Roles) -> bool:
    """An object of a preposition on the word is one of ``words``, or a party of a kind
    the matcher resolves ("@state", "@org", ...) when ``words`` names that kind."""
    tokens = arcs.prep_objects
    if any(t.lemma_.lower() in words or t.lower_ in words for t in tokens):
        return True
    if "@term" in words and prison_term(arcs.tok):
        return True
    return any(name in words and any(named(t, roles) for t in tokens) for name, named in NAMED)


def unmet(trigger: Trigger, tok: Token, roles: Roles, arcs: Arcs | None = None) -> str | None:
    """The first constraint of ``trigger`` that ``tok`` fails (its name), or None."""
    arcs = arcs if arcs is not None else Arcs(tok)
    if trigger.type == "AGREE" and shares_view(tok):
        return "shares_view"
    if trigger.type == "ACCUSE" and trigger.pos == "noun" and sympathy(tok):
        return "sympathy"
    if trigger.type in HANDED and trigger.pos == "verb" and published(tok, roles.documents):
        return "published"
    if trigger.type == "RETREAT" and trigger.pos == "verb" and left_contest(tok, arcs):
        return "contest"
    if trigger.no_attributive and attributive(tok):
        return "no_attributive"
    if trigger.pos == "verb" and not trigger.particle and phrasal(tok):
        return "phrasal"
    if trigger.unless and stopped(tok, trigger.unless):
        return "unless"
    if trigger.transitive and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return "transitive"
    if trigger.prep_args and not prep_arg(tok, trigger.prep_args):
        return "prep_args"
    if (
        trigger.particle
        and not any(c.lower_ in trigger.particle and is_particle(tok, c) for c in tok.children)
        and not clause_mark(tok, trigger.particle)
        and not counted_particle(tok, trigger.particle)
        and not result_word(tok, trigger.particle)
        and not prep_arg(tok, trigger.particle & SOURCE_PREPS)
    ):
        return "particle"
    if trigger.objects and not _objects_met(trigger.objects, arcs, roles):
        return "objects"
    if trigger.infinitive and not any(
        c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and infinitive(c)
        for c in tok.children
    ):
        return "infinitive"
    if trigger.prep_objects and not _prep_objects_met(trigger.prep_objects, arcs, roles):
        return "prep_objects"
    if (
        trigger.modifiers
        and trigger.modifiers.isdisjoint(arcs.modifiers)
        and not ("@workers" in trigger.modifiers and workers_act(tok, roles))
    ):
        return "modifiers"
    if trigger.not_modifiers and not trigger.not_modifiers.isdisjoint(arcs.modifiers):
        return "not_modifiers"
    if (
        trigger.governors
        and arcs.governor not in trigger.governors
        and not bare_prep_object(tok, trigger.governors)
    ):
        return "governors"
    if trigger.no_object and (any(c.dep_ == "dobj" for c in tok.children) or passive(tok)):
        return "no_object"  # an intransitive sense has no passive: "she was struck" is no strike
    if trigger.refused and not refusal(tok):
        return "refused"
    return None


# the units of a term served ("jailed the editor for four years", "for life")
TERM_UNITS = frozenset({"year", "month", "week", "day", "decade", "life"})


def prison_term(tok: Token) -> bool:
    """A "for" phrase on the verb anywhere after its object that gives a term to serve:
    "jailed the tycoon for four years", "locked him up for life" (a sentence handed
    down; "held for questioning" is no term)."""
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and c.i > tok.i
        and any(o.dep_ == "pobj" and o.lemma_.lower() in TERM_UNITS
                and (o.lower_ == "life" or any(n.dep_ == "nummod" for n in o.children))
                for o in c.children)
        for c in tok.children
    )  # fmt: skip


def passive(tok: Token) -> bool:
    """A verb in the passive: with a passive subject or auxiliary ("was struck"), or a past
    participle after its noun ("a woman struck by a car")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN"
    )


def bare_prep_object(tok: Token, preps: frozenset[str]) -> bool:
    """A noun with no determiner right under a preposition the entry names as its
    governor: "workers who have been on strike", "teachers are on strike" (a state of
    acting); not "commented on the strike" (a topic, with its determiner)."""
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in preps
        and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
    )


# auxiliaries that make a negated verb a refusal ("will not", "won't", "cannot", "would not")
REFUSING_AUX = frozenset({"will", "wo", "would", "can", "ca", "cannot", "'ll", "'d", "shall"})


def refusal(tok: Token) -> bool:
    """``tok`` is refused, not merely denied: "will not accept", "won't accept", "cannot
    accept", "would never accept" (not "did not accept", a fact told)."""
    children = list(tok.children)
    negated = any(c.dep_ == "neg" for c in children)
    return negated and any(c.dep_ == "aux" and c.lower_ in REFUSING_AUX for c in children)


# particles that make another verb of the one they follow ("backed away from", "wound
# down", "played down"): an entry that names none of them is the verb without them ("out",
# "up" and "back" mostly keep the verb's sense: "sent out warships", "fought back")
PHRASAL = frozenset({"away", "off", "down"})


def phrasal(tok: Token) -> bool:
    """``tok`` is a verb with a particle of ``PHRASAL`` right after it ("backed away",
    "wound down")."""
    if tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.lower_ in PHRASAL and nxt.dep_ in ("prt", "advmod") and nxt.head.i == tok.i


def match(tok: Token, lexicon: Lexicon, roles: Roles) -> tuple[Trigger, str] | None:
    """The entry ``tok`` fires and the form it fires in (``verb``, ``noun``, ``pred``)."""
    lemma, lower = tok.lemma_.lower(), tok.lower_
    entries = lexicon.triggers.get(lemma, ())
    if lower != lemma:
        entries = entries + lexicon.triggers.get(lower, ())
    if not entries and tok.pos_ == "VERB":
        for stem in verb_stems(lower):
            entries = entries + tuple(t for t in lexicon.triggers.get(stem, ()) if t.pos == "verb")
    if tok.pos_ == "NOUN":  # the whole word first: "draw-down" is no "down"
        whole = tuple(
            t for w in hyphen_joined(tok) for t in lexicon.triggers.get(w, ()) if t.pos == "noun"
        )
        entries = whole + entries
    if not entries:
        return None
    judging = lexicon.words.get("judging_verbs", frozenset())
    kind = form(tok, judging)
    if kind is None:
        return None
    if kind == "verb" and lemma in judging and judged(tok, lexicon):
        return None
    arcs = Arcs(tok)
    # a verb entry first for a noun that may be a misread verb, its noun entries after
    kinds = ("verb", "noun") if kind == "noun" and misread_verb(tok) else FORM_KINDS[kind]
    for pos in kinds:
        for trigger in entries:
            if trigger.pos == pos and satisfied(trigger, tok, roles, arcs):
                return trigger, pos
    return None


def trigger_words(doc: Doc, triggers: Mapping[str, object], known: dict[int, bool]) -> set[int]:
    """The tokens whose lemma or lower-case form is in the trigger lexicon, or
    whose form's verb stems are (the only ones ``match`` can fire on), looked up
    once per distinct form (``known``: string id -> is it a trigger word, kept
    across documents)."""
    from spacy.attrs import LEMMA, LOWER

    strings = doc.vocab.strings
    out: set[int] = set()
    rows = doc.to_array([LEMMA, LOWER]).tolist()
    for i, (lemma, lower) in enumerate(rows):
        for value in (lemma, lower):
            hit = known.get(value)
            if hit is None:
                form = strings[value].lower()
                hit = known[value] = form in triggers or any(
                    stem in triggers for stem in verb_stems(form)
                )
            if hit:
                out.add(i)
                break
    dash = strings["-"]  # "the pull-out": the word the hyphen splits ("pullout"),
    out.update(  # looked at only after a hyphen
        i
        for i in range(2, len(rows))
        if rows[i - 1][1] == dash and any(w in triggers for w in hyphen_joined(doc[i]))
    )
    return out
