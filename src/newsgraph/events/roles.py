"""Who did what to whom: actors and recipients read off the dependency tree.

``Roles`` extends ``Phrases`` (noun phrases -> actors) with the clause-level
questions: the subject of a verb (inherited through xcomp, conj, relcl), the
agent of a passive, the recipients in objects, prepositions and complements.
Every method walks a few arcs from one token.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..records import Actor
from .phrases import (
    CLAUSES,
    OBJECTS,
    SUBJECTS,
    TARGET_PREPS,
    Phrases,
    dedupe,
    in_words,
    with_country,
    without,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# a verb's subject the parser read as a modifier of it ("USAID provided ...")
MISREAD_SUBJECTS = frozenset({"advmod", "npadvmod", "dep", "nmod"})
# sectors of people moved from where they come from (refugees, migrants, civilians)
MOVED = frozenset({"REF", "CVL"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})
# nouns of saying whose "that" clause ("Russia's claim that it had ...") is said by
# their maker, the pronoun subject of the clause being that maker
REPORTING_NOUNS = frozenset({"announcement", "statement", "claim", "declaration", "assertion",
                             "assurance", "admission", "insistence", "report", "warning"})  # fmt: skip
# nouns of a process whose "of" gerund is done by who runs it ("the process of
# withdrawing"), and the verbs that run one
PROCESSES = frozenset({"process", "phase", "stage", "step", "task", "job", "work", "business",
                       "operation", "procedure", "campaign", "effort", "mission"})  # fmt: skip
RUNNING = frozenset({"begin", "start", "launch", "complete", "finish", "continue", "resume",
                     "accelerate", "speed", "undertake", "conduct", "carry", "initiate",
                     "finalize", "finalise", "intensify", "kick", "expedite", "hasten",
                     "embark", "step"})  # fmt: skip
# verbs whose "with" gerund is what their subject will do to the object ("threatened
# Sweden with blocking its bid"; not "charged him with killing": what the object did)
MENACING = frozenset({"threaten", "menace", "punish", "hit", "retaliate", "respond", "answer"})
# prepositions of a gerund whose doer is the governing verb's object ("charged the officer
# with killing", "accused him of spying", "stopped them from leaving")
CONTROLLED = frozenset({"with", "of", "from", "for"})
# prepositions of a gerund that tells when or how the governing verb's subject acted
# ("after storming the station, the men torched cars", "provoked them by burning flags"):
# that subject does it, whatever the verb's object
SUBJECT_CONTROLLED = frozenset({"after", "before", "since", "upon", "while", "despite",
                                "without", "by", "through"})  # fmt: skip
# marks of a clause that tells when the main clause's act happened ("freed him when it
# sentenced him")
TEMPORAL_MARKS = frozenset({"after", "before", "when", "once", "while", "until", "since", "as"})
# passives that say the subject's own stance to act ("is committed to", "is prepared to")
STATIVE_PASSIVES = frozenset({"commit", "prepare", "determine", "resolve", "dedicate", "poise"})
# verbs that need an object before a "to" complement in the active: with none, a headline's
# passive ("Boris Johnson urged to act", "Minister told to resign")
URGED = frozenset({"urge", "press", "tell", "order", "invite", "encourage", "advise", "exhort",
                   "pressure", "pressurise", "pressurize", "implore", "instruct", "direct"})  # fmt: skip
# participles whose agent keeps, funds or sends the group they modify: "workers employed
# by the UNHCR", "militias backed by Iran", "refugees sent by Australia" are that party's
KEEPING = frozenset({"employ", "hire", "run", "operate", "own", "fund", "finance", "sponsor",
                     "back", "arm", "train", "send", "dispatch", "deploy", "lead", "command",
                     "found", "establish", "organise", "organize", "manage", "control"})  # fmt: skip
# participles whose agent owns the thing they modify ("a tanker owned by Iran")
OWNING = frozenset({"own", "operate", "run", "charter", "fly", "crew", "lease"})
# "Serb-held parts of Bosnia", "Houthi-controlled areas": who holds a place does not name it
HELD = frozenset({"hold", "control", "occupy", "run", "administer", "dominate", "besiege"})
# nouns of quantity whose "of" complement names who acts ("a number of parties")
QUANTITIES = frozenset({"number", "group", "majority", "dozen", "hundred", "thousand", "handful",
                        "coalition", "host", "couple", "score"})  # fmt: skip
# plural nouns that, counted as two ("the two countries", "both sides"), stand for the two
# parties the sentence named before them
PAIRED = frozenset({"country", "nation", "side", "leader", "government", "state", "neighbour",
                    "neighbor", "capital", "president", "minister"})  # fmt: skip

__all__ = ["Roles", "dedupe", "in_words", "with_country", "without"]


class Roles(Phrases):
    """Phrases plus the roles of verbs and event nouns."""

    def phrase(self, tok: Token, depth: int = 0) -> list[Actor]:
        """Also "the two countries", "both sides", "the two leaders": the two parties
        named before them in the sentence (none unless exactly two are).  A place's
        holder ("Serb-held", "Houthi-controlled") names no party of the phrase."""
        if held(tok) or (tok.i < tok.head.i and held(tok.head)) or self._held_place(tok):
            return []  # the place, its holding participle, or its holder ("Kurdish"-held)
        found = super().phrase(tok, depth)
        if any(a.country or a.org for a in found):
            return found
        return self.pair(tok) or self.owner(tok) or found

    def prep_objects(self, tok: Token, preps: Iterable[str]) -> list[Token]:
        """Also the object two coordinated prepositions share: "flights to and from
        Libya" (the parse hangs "Libya" on "from" alone)."""
        out = super().prep_objects(tok, preps)
        wanted = set(preps)
        for child in tok.children:
            if child.dep_ != "prep" or child.lower_ not in wanted:
                continue
            if any(c.dep_ in ("pobj", "pcomp") for c in child.children):
                continue
            for conj in (c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP"):
                out.extend(c for c in conj.children if c.dep_ == "pobj" and c not in out)
        return out

    def owner(self, tok: Token) -> list[Actor]:
        """The party a thing belongs to, for a thing that names none: "a convoy belonging
        to the UN mission", "buses belonging to a Kenyan company", "a tanker owned by
        Iran" (what is done to the thing is done to its owner)."""
        if self.at(tok) is not None or tok.pos_ not in ("NOUN", "PROPN"):
            return []
        for verb in tok.children:
            if verb.dep_ != "acl":
                continue
            lemma = verb.lemma_.lower()
            if lemma == "belong":
                objects = self.prep_objects(verb, ("to",))
            elif lemma in OWNING and verb.tag_ == "VBN":
                objects = self.prep_objects(verb, ("by",))
            else:
                continue
            for obj in objects:
                found = [a for a in self.phrase(obj) if a.country or a.org]
                if found:
                    return found
        return []

    def _held_place(self, tok: Token) -> bool:
        """A place the resolver read with its holder's country ("Serb-held villages" as
        Serbian civilians): the holder's words are the phrase's own."""
        actor = self.at(tok)
        if actor is None or actor.country is None:
            return False
        return any(held(c) and any(self.at(t) is actor for t in c.subtree) for c in tok.children)

    def _modifier_actor(self, tok: Token, depth: int) -> Actor | None:
        return None if held(tok) else super()._modifier_actor(tok, depth)

    def initialism_owner(self, tok: Token) -> list[Actor]:
        """The country an initialism before an event noun names ("U.S. sanctions",
        "UK troops", "the US ban on"): a country written as its initials stands for its
        adjective ("American"), the doer, where a spelled-out name used as a modifier is
        the topic or the place ("the Syria talks").  Only when the noun names no other
        modifier actor."""
        for child in tok.lefts:
            if child.dep_ != "compound" or not initialism(child.text):
                continue
            actor = self.at(child)
            if actor is not None and actor.country and actor.org is None:
                return [actor]
        return []

    def pair(self, tok: Token) -> list[Actor]:
        """The two parties that "the two countries", "both sides" refer back to."""
        if tok.lemma_.lower() not in PAIRED or tok.tag_ not in ("NNS", "NN"):
            return []
        if tok.tag_ == "NN":  # "each side rejected the other's proposals": both, in turn
            counted = any(c.dep_ == "det" and c.lower_ in ("each", "either") for c in tok.children)
        else:
            counted = any(
                (c.dep_ == "nummod" and c.lower_ == "two")
                or (c.dep_ in ("det", "predet", "preconj") and c.lower_ == "both")
                for c in tok.children
            )
        if not counted:
            return []
        parties: dict[str, Actor] = {}
        for i in range(tok.sent.start, tok.left_edge.i):
            actor = self.by_token.get(i)
            key = actor.org or actor.country if actor is not None else None
            if actor is not None and key and key not in parties:
                parties[key] = actor
        return list(parties.values()) if len(parties) == 2 else []

    def _placed(self, tok: Token, actor: Actor) -> Actor:
        """Also a group of people a verb moves "from" a place, when the parser hung the
        "from" on the verb: "will not accept refugees from Afghanistan", "deported
        migrants from Syria" (the place right after the noun names their country); and
        a group its participle names the party that keeps or sends it: "workers
        employed by the UNHCR" (that organisation's), "charities run by Lashkar"
        (its country's)."""
        placed = super()._placed(tok, actor)
        if placed.country is None and (owner := self._kept_by(tok)) is not None:
            return owner if owner.country is None else with_country(actor, owner.country)
        if placed.country is not None or actor.sector not in MOVED or tok.dep_ != "dobj":
            return placed
        for prep in tok.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "from" and prep.i == tok.right_edge.i + 1:
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    for place in self.phrase(obj):
                        if place.country and place.org is None:
                            return with_country(actor, place.country)
        return placed

    def _kept_by(self, tok: Token) -> Actor | None:
        """The party a participle on ``tok`` says keeps, funds or sends it ("employed by
        the UNHCR", "backed by Iran", "sent by Australia"): its agent's first party with
        a country or organisation.  Not one that acts on it ("killed by troops")."""
        for verb in tok.children:
            if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_.lower() not in KEEPING:
                continue
            for obj in self.prep_objects(verb, ("by",)):
                found = [a for a in self.phrase(obj) if a.country or a.org]
                if found:
                    return found[0]
        return None

    # ------------------------------------------------------------------ clauses
    def subject(self, verb: Token, depth: int = 0) -> list[Actor]:
        """The actors doing what ``verb`` says (inherited through xcomp, conj, relcl)."""
        if headline_passive(verb):
            # "Boris Johnson urged to act by campaigners": the "by" phrase urges
            return self.agent(verb) or next(
                (a for c in verb.children if c.dep_ == "xcomp" for a in [self.agent(c)] if a), []
            )
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                # "Thousands of Kenyans marched": a quantity's "of" names the actors
                found = self.phrase(child) or self.prep_actors(child, ("of",))
                if not found and child.lower_ in ("it", "they", "we"):
                    found = self._reporter(verb)  # "The Kremlin said it was ready"
                if not found and child.lower_ in ("it", "they"):
                    found = self.main_subject(verb, depth)  # "X freed him after it convicted"
                if not found and child.pos_ == "NOUN":
                    found = self.maker(child)  # "missiles fired by Israel struck a depot"
                if not found and verb.dep_ == "relcl" and child.lower_ in self.relative:
                    # the relative stands for its noun, read as a subject is: "a unit of
                    # Malian soldiers that raided the village" (the "of" of a group)
                    found = self.prep_actors(verb.head, ("of",))
                if not found and verb.dep_ == "relcl" and child.lower_ in self.relative:
                    found = self.issuer(verb.head, depth)  # "issued a report that calls on"
                found = found or self.issuer(child, depth)
                return dedupe([*found, *self.included(child)]) if found else self.included(child)
        for aux in verb.children:
            if aux.dep_ in ("aux", "auxpass"):
                # "The UK and France however have opposed": the subject hung on "have"
                subj = [c for c in aux.children if c.dep_ in SUBJECTS]
                if subj and (found := self.phrase(subj[0])):
                    return found
        finite = verb.tag_ in FINITE or any(
            c.dep_ == "aux" and c.tag_ in FINITE | {"MD"} for c in verb.children
        )  # "USAID had announced": the tense on an auxiliary
        if finite:
            # "USAID provided aid": a capitalised subject the parser read as a modifier
            for child in verb.lefts:
                actor = self.at(child)
                if child.dep_ in MISREAD_SUBJECTS and actor is not None and actor.code:
                    return self.phrase(child) or [actor]
        if self.is_passive(verb):
            if verb.lemma_.lower() in STATIVE_PASSIVES and any(
                c.dep_ in ("xcomp", "prep") and (c.lower_ == "to" or c.tag_ == "VB")
                for c in verb.children
            ):
                # "the government is committed to opening": the one committed acts
                doers = [c for c in verb.children if c.dep_ == "nsubjpass"] or [
                    s for c in verb.children if c.dep_ == "auxpass"
                    for s in c.children if s.dep_ == "nsubj"
                ]  # fmt: skip
                if doers and (found := self.phrase(doers[0])):
                    return found
            return self.agent(verb) or self.stray_agent(verb)
        head, dep = verb.head, verb.dep_
        if depth > 4 or head == verb:
            return []
        if dep == "xcomp":
            controller = [c for c in head.children if c.dep_ in OBJECTS]
            if headline_passive(head):  # "Netanyahu told to resign": the one told
                controller = [c for c in head.children if c.dep_ == "nsubj"]
            if controller and (found := self.phrase(controller[0])):
                return found
            raised = [c for c in head.children if c.dep_ == "nsubjpass"]
            if raised and (found := self.phrase(raised[0])):
                return found  # "France is expected to send warships"
            return self.subject(head, depth + 1)
        if dep in ("pcomp", "pobj") and head.dep_ == "prep":
            governor = head.head
            if governor.pos_ == "ADJ" and governor.dep_ == "acomp":
                return self.subject(governor.head, depth + 1)  # "X was guilty of violating"
            if governor.pos_ in ("NOUN", "PROPN") and head.lower_ == "of":
                # "began the process of withdrawing": who runs the process acts
                return self._running(governor, depth)
            if governor.pos_ not in ("VERB", "AUX"):
                return []
            if head.lower_ == "with" and governor.lemma_.lower() in MENACING:
                # "threatened Sweden with blocking its bid": the one who threatens acts
                return self.subject(governor, depth + 1)
            if head.lower_ in SUBJECT_CONTROLLED:
                return self.subject(governor, depth + 1)  # "after storming ..., the men"
            # "accused Turkey of shelling", "stopped Turkey from attacking": the object acts
            controller = [c for c in governor.children if c.dep_ in OBJECTS]
            if controller and head.lower_ in CONTROLLED:
                # "charged the officer with killing": the officer, named or not
                return self.phrase(controller[0])
            if controller and (found := self.phrase(controller[0])):
                return found
            return self.subject(governor, depth + 1)
        if dep == "advcl" and verb.tag_ == "VBN" and not perfect(verb):
            return []  # "when asked", "if attacked": a bare participle is passive
        if dep in ("conj", "advcl", "acomp") and head.pos_ in ("VERB", "AUX"):
            return self.subject(head, depth + 1)
        if dep == "conj" and any(c.dep_ in SUBJECTS for c in head.children):
            return self.subject(head, depth + 1)  # "rejects and condemns", "rejects" read as a noun
        if dep in ("acl", "relcl"):
            found = self.phrase(head) or self.issuer(head, depth)
            if (
                not found
                and dep == "acl"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            ):
                found = self.agent(head)  # "a decision by Turkey to carry out strikes"
            if not found and head.lemma_.lower() in QUANTITIES:
                # "a number of parties and the Taliban condemned", read as a clause on
                # "number": the quantity's "of" names the actors, as for a subject
                found = self.prep_actors(head, ("of",))
            return found
        return []

    def _running(self, noun: Token, depth: int) -> list[Actor]:
        """The subject of the verb that begins, runs or ends the process ``noun`` names
        ("Kenya began the process of withdrawing its troops", "embarked on the task of
        rebuilding"); none for another noun or verb ("welcomed the process of ...")."""
        if noun.lemma_.lower() not in PROCESSES:
            return []
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head  # "embarked on the task of"
        elif noun.dep_ != "dobj":
            return []
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RUNNING:
            return []
        return self.subject(verb, depth + 1)

    def main_subject(self, verb: Token, depth: int = 0) -> list[Actor]:
        """For an adverbial clause whose subject is "it" or "they", the subject of the
        clause it hangs on, which it follows and is a time of (the pronoun's nearest
        party): "a Greek court released the sailor when it sentenced him", "the rebels
        withdrew when they ran out of arms"."""
        if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX") or depth > 4:
            return []
        if verb.i < verb.head.i or not any(
            c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in verb.children
        ):
            return []  # "because it bars women from running": "it" is the constitution
        return self.subject(verb.head, depth + 1)

    def included(self, noun: Token) -> list[Actor]:
        """The parties an "including" or "such as" phrase names among a group: "the
        bloc's largest economies, including Britain and Germany", "several countries such
        as Qatar and Oman" (each is one of those who act)."""
        out: list[Actor] = []
        for prep in noun.children:
            if prep.dep_ != "prep":
                continue
            such = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.lefts)
            if prep.lower_ == "including" or such:
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    out += [a for a in self.phrase(obj) if a.country or a.org]
        return out

    def maker(self, noun: Token) -> list[Actor]:
        """The agent of a participle on a thing: "the rockets fired by Hamas"."""
        for child in noun.children:
            if child.dep_ == "acl" and child.tag_ == "VBN" and (found := self.agent(child)):
                return found
        return []

    def issuer(self, noun: Token, depth: int = 0) -> list[Actor]:
        """Who speaks through a text: "a statement by Amnesty", "the ministry's
        report", "Amnesty issued a statement calling on ...", "parliament approved a
        resolution criticizing ..." (the doer of the verb the text is the object of)."""
        if noun.lemma_.lower() not in self.documents:
            return []
        found = self.agent(noun) or self.modifier_actors(noun)
        if not found and noun.dep_ in ("dobj", "nsubjpass") and depth < 4:
            found = self.subject(noun.head, depth + 1)
        return found

    def _reporter(self, verb: Token) -> list[Actor]:
        """The subject of the speech verb whose complement ``verb`` heads."""
        cur = verb
        for _ in range(4):
            if cur.dep_ == "acl" and cur.head.lemma_.lower() in REPORTING_NOUNS:
                # "a Russian announcement that it had opened corridors": its maker
                return self.agent(cur.head) or self.modifier_actors(cur.head)
            if cur.dep_ not in ("ccomp", "conj", "xcomp") or cur.head.i == cur.i:
                return []
            cur = cur.head
            if cur.lemma_.lower() in self.speech:
                subj = [c for c in cur.children if c.dep_ in SUBJECTS]
                return self.phrase(subj[0]) if subj else []
        return []

    def reduced_passive(self, verb: Token) -> bool:
        """A bare past participle ("when asked", "Russian-backed forces", "backed by X")."""
        return verb.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children
        )

    @staticmethod
    def is_passive(verb: Token) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            headline_passive(verb)
        )

    def agent(self, tok: Token) -> list[Actor]:
        """Actors in a "by X" agent phrase of a passive verb or event noun."""
        for child in tok.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.phrase(obj) or self.search(obj, max_depth=2)
        return []

    def stray_agent(self, verb: Token) -> list[Actor]:
        """The "by" agent of a passive verb that the parser hung on the object of the
        verb's own preposition: "was convicted of fraud by a Quito court", "was sentenced
        to prison by a military tribunal" (a "by" phrase on such an object names a doer
        only when it resolves to an actor)."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ == "by":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and (found := self.agent(obj)):
                    return found
        return []

    def target(self, verb: Token, source: Sequence[Actor], preps: Iterable[str] = (),
               depth: int = 0, topic_object: bool = False) -> list[Actor]:  # fmt: skip
        """The recipients of ``verb``: passive subject, objects, prepositions, complements.

        With ``topic_object`` the direct object is what is moved or discussed
        ("deployed troops", "discussed Syria"), so only prepositions inside it count.
        """
        if self.is_passive(verb) and depth == 0:
            undergoer = "nsubj" if headline_passive(verb) else "nsubjpass"
            for child in verb.children:
                if child.dep_ == undergoer and (found := without(self.phrase(child), source)):
                    return found
        for child in verb.children:
            if child.dep_ not in OBJECTS:
                continue
            if topic_object and child.dep_ == "dative":
                # "gave Putin a warning", "would give Nigeria assistance": the dative receives
                if found := without(self.phrase(child), source):
                    return found
            elif topic_object:
                # "ratified Sweden's membership", "withdrew its troops from Syria"
                owners = [c for c in child.children if c.dep_ == "poss"]
                if owners and (found := without(self.phrase(owners[0]), source)):
                    return found
                for obj in self.prep_objects(
                    child, ("with", "to", "against", "on", "into", "between", "from")
                ):
                    if found := self.search(obj, source, max_depth=2):
                        return found
            elif found := self.search(child, source):
                return found
        # "killing and capturing dozens of soldiers": the object both verbs share
        shared = None if topic_object else shared_object(verb)
        if shared is not None and (found := self.search(shared, source)):
            return found
        for obj in self.prep_objects(verb, TARGET_PREPS | set(preps)):
            if found := self.search(obj, source, max_depth=3):
                return found
        # what a phrasal verb of leaving leaves, when it is another party than the one
        # leaving ("pulled out of the regional bloc" names no second party)
        own = {a.country for a in source if a.country}
        for obj in left_places(verb) if depth == 0 else ():
            found = [a for a in self.search(obj, source, max_depth=3)
                     if a.code is not None and a.country not in own]  # fmt: skip
            if found:
                return found
        if depth < 3:
            for child in verb.children:
                if child.dep_ in CLAUSES:
                    subj = [c for c in child.children if c.dep_ in SUBJECTS]
                    if subj and (found := without(self.phrase(subj[0]), source)):
                        return found
                    if found := self.target(child, source, preps, depth + 1):
                        return found
        return []

    def purpose(self, tok: Token, source: Sequence[Actor]) -> list[Actor]:
        """The recipients of the purpose an act is done for: "provided $6 million to
        support Palestinian refugees", "began a hunger strike to protest the
        government's policy", "strengthened its forces to stop Russian action"."""
        heads = [tok]
        if tok.dep_ in ("dobj", "pobj") and tok.pos_ in ("NOUN", "PROPN"):
            heads.append(tok.head.head if tok.dep_ == "pobj" else tok.head)
        # "agreed to open its borders for aid trucks to enter Afghanistan": the purpose of
        # the act a "to" complement names
        heads += [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        for head in heads:
            for child in head.children:
                if (
                    child.dep_ in ("advcl", "xcomp", "acl")
                    and child.pos_ == "VERB"
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                    and (found := self.target(child, source, depth=2))
                ):
                    return found
        return []


def initialism(text: str) -> bool:
    """``text`` is a name's initials, two to four capitals with or without stops ("US",
    "U.S.", "UK", "UAE")."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def held(tok: Token) -> bool:
    """A hyphenated participle naming who holds a place: "Serb-held", "rebel-controlled",
    "Israeli-occupied" (the place is still the country it is in)."""
    return (
        tok.dep_ == "amod"
        and tok.tag_ == "VBN"
        and tok.lemma_.lower() in HELD
        and any(
            c.i < tok.i
            and (
                c.dep_ in ("npadvmod", "compound", "nmod", "amod")
                or (c.i == tok.i - 2 and tok.doc[tok.i - 1].text == "-")  # "Kurdish-held"
            )
            for c in tok.children
        )
    )


def headline_passive(verb: Token) -> bool:
    """A passive with its auxiliary left out, as headlines write it: "Boris Johnson urged
    to change law", "Minister told to resign" (a verb that needs an object before its
    "to" complement in the active, with a subject, no object and no auxiliary)."""
    if verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in URGED:
        return False
    deps = {c.dep_ for c in verb.children}
    if "nsubj" not in deps or deps & {"aux", "auxpass", "nsubjpass", "dobj", "dative", "ccomp"}:
        return False
    return any(
        c.dep_ == "xcomp"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
        for c in verb.children
    )


def perfect(verb: Token) -> bool:
    """A perfect participle, active: "having released the prisoners" (not "having been
    released")."""
    return any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children) and not any(
        c.dep_ == "auxpass" for c in verb.children
    )


def shared_object(verb: Token) -> Token | None:
    """The direct object a verb shares with the verb coordinated just after it:
    "arrested and released two journalists", "arrested and later freed them",
    "detained, beat and released a reporter" (only conjunctions, commas and
    adverbs between the verbs; none when the first verb has an object of its own)."""
    if any(c.dep_ in OBJECTS for c in verb.children):
        return None
    cur = verb
    for _ in range(3):
        nxt = [c for c in cur.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > cur.i]
        if not nxt:
            return None
        conj = nxt[0]
        between = cur.doc[cur.i + 1 : conj.i]
        if len(between) > 3 or any(t.dep_ not in ("cc", "advmod", "punct") for t in between):
            return None
        if shared := [c for c in conj.children if c.dep_ == "dobj"]:
            return shared[0]
        if any(c.dep_ in OBJECTS or c.dep_ in SUBJECTS for c in conj.children):
            return None
        cur = conj
    return None


def left_places(verb: Token) -> list[Token]:
    """What a phrasal verb of leaving leaves, where the parser hangs "of" on the particle:
    "pulled [out [of the talks with the rebels]]", "walked [out [of the negotiations]]"."""
    return [
        obj
        for part in verb.children
        if part.dep_ in ("prt", "prep") and part.lower_ in ("out", "off", "away")
        for prep in part.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
