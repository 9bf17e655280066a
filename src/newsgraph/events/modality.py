"""Is the act real?  Negation, possibility, intent and reporting, read off the tree.

Each function looks at the trigger token, its own auxiliaries and modifiers, and
at most a few governors up the tree; word lists come from ``triggers.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

COMPLEMENTS = frozenset({"xcomp", "ccomp", "acl", "acomp"})
PASS_THROUGH = frozenset({"advcl", "conj"})
CONDITIONS = frozenset({"if", "unless", "whether", "provided", "otherwise", "lest", "until"})
COMPLEMENT_PREPS = frozenset({"of", "for", "to", "from", "on", "against"})


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool
    hypothetical: bool
    intended: bool  # said to be planned, promised or offered: CONSULT & co. become AGREE
    future: bool = False  # announced with "will", "going to" (or a reported "would")
    refused: bool = False  # "will not", "won't", "cannot": a refusal, not a mere denial


def _governors(
    tok: Token, limit: int = 4, options: frozenset[str] = frozenset()
) -> list[tuple[str, Token, Token]]:
    """(relation, governor, child) up the tree; "X of Y" counts as one step (relation ``of``);
    an ``options`` noun passes its act on to the verb it is the object of ("is considering
    the possibility of sending": the act is considered)."""
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
        elif dep == "dobj" and (
            (cur == tok and tok.pos_ not in ("VERB", "AUX")) or cur.lemma_.lower() in options
        ):
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


PARTIES = ("nsubj", "nsubjpass", "dobj")  # the verb's doer or patient
NOBODY = frozenset({"nobody", "none", "noone"})


def nobody(party: Token) -> bool:
    """A party that is no one: "nobody", "none", or a noun under "no" ("no one",
    "no soldiers")."""
    return party.lower_ in NOBODY or any(
        c.dep_ == "det" and c.lower_ == "no" for c in party.children
    )


def modality(
    tok: Token, words: dict[str, frozenset[str]], speech: frozenset[str], reported: bool = False
) -> Modality:
    """Negation, possibility and intent of the act a trigger token names.

    In reported speech "would" is the future of the past ("said it would send
    troops"): it marks intent, as "will" does, not a mere possibility.
    """
    modal, future_aux = words.get("modal_aux", frozenset()), words.get("future_aux", frozenset())
    intent, irrealis = words.get("intent", frozenset()), words.get("irrealis", frozenset())
    negators = words.get("negators", frozenset())
    light = words.get("light_verbs", frozenset())
    hypo_mods = words.get("hypothetical_modifiers", frozenset())
    marks = words.get("conditional_marks", frozenset())

    negated = hypothetical = intended = future = able = False
    verb = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
    own = list(tok.children) + (
        [c for c in verb.children] if verb is not None and verb != tok else []
    )
    if verb is not None:
        own += shared_aux(verb)  # "would give aid and provide spare parts"
    for child in own:
        low = child.lower_
        if child.dep_ == "neg" and (
            child.head == tok
            or (tok.dep_ in ("dobj", "attr") and tok.head == verb and verb.lemma_.lower() in light)
            or (tok.dep_ == "acomp" and tok.head == verb)  # "is not ready for talks"
        ):
            negated = True  # "did not hold talks"; not "did not condemn Russia's invasion"
        elif child.dep_ == "det" and low == "no" and child.head == tok:
            negated = True
        elif child.head == verb and child.dep_ in PARTIES and nobody(child):
            negated = True  # "no one was hurt", "nobody was arrested", "killed no civilians"
        elif child.dep_ in ("aux", "auxpass"):
            if low == "would" and reported:
                intended = future = True
            elif low in modal:
                hypothetical = True
                able = able or low in ("can", "ca")
            elif low in future_aux or (low == "going" and child.head.lower_ != "going"):
                intended = future = True
        elif (child.dep_ == "amod" and child.head == tok and child.lemma_.lower() in hypo_mods) or (
            child.dep_ == "mark" and low in marks
        ):
            hypothetical = True

    nominal = tok.pos_ not in ("VERB", "AUX")
    made = tok.lemma_.lower() in words.get("offered_acts", frozenset())  # "offered an apology"
    options = words.get("options", frozenset())
    for relation, gov, child in _governors(tok, options=options):
        lemma = gov.lemma_.lower()
        if lemma in speech:
            break
        complement = relation in COMPLEMENTS or relation in COMPLEMENT_PREPS
        if relation == "xcomp" and unhesitating(gov):
            intended = future = True  # "would not hesitate to strike": resolve, not denial
            continue
        weighed = relation == "dobj" and child.lemma_.lower() in options
        if complement or weighed or (nominal and relation == "dobj" and child == tok):
            if (lemma in negators or called_off(gov)) and gov != tok:
                if any(c.dep_ == "neg" for c in gov.children):
                    hypothetical = True  # "did not rule out sending": possible, not denied
                else:
                    negated = True
            if lemma == "offer" and child == tok and made:
                pass  # the act is made by the offering
            elif relation == "xcomp" and going_to(gov):
                intended = future = True  # "is going to meet": the plain future of a plan
            elif lemma in intent:
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
    return Modality(negated, hypothetical, intended, future, negated and (future or able))


# verbs of holding back: negated, they announce the act ("will not hesitate to act")
HESITATING = frozenset({"hesitate", "balk", "baulk", "flinch", "shrink", "shy"})


def unhesitating(verb: Token) -> bool:
    """ "would not hesitate to", "will not shy away from": a negated verb of holding back,
    a stated resolve to do the act (an intent, not a denial)."""
    return verb.lemma_.lower() in HESITATING and any(c.dep_ == "neg" for c in verb.children)


def going_to(verb: Token) -> bool:
    """ "is going to", "are going to": the progressive of "go" whose infinitive is the act
    planned (not "went to meet", a journey made)."""
    return (
        verb.lemma_.lower() == "go"
        and verb.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in verb.children)
    )


def shared_aux(verb: Token) -> list[Token]:
    """The auxiliaries a verb shares with the verb it is coordinated with, when it has
    none of its own: "would give Nigeria aid and provide spare parts"."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "aux"]


# phrasal verbs of cancelling or leaving: "called off the talks", "pulled out of the
# talks", "walked out of the negotiations", "walked away from the deal", "broke off the
# dialogue"
CANCELLING = {
    "call": frozenset({"off"}),
    "pull": frozenset({"out"}),
    "walk": frozenset({"out", "away"}),
    "break": frozenset({"off"}),
}
PARTICLE_ARCS = ("prt", "prep", "advmod")  # "away" is read as an adverb


def called_off(verb: Token) -> bool:
    """ "called off the talks", "pulled out of the talks": a phrasal verb of cancelling
    or leaving, a negator like "cancel"."""
    if verb.dep_ in PARTICLE_ARCS and verb.lower_ in CANCELLING.get(verb.head.lemma_.lower(), ()):
        # the parser may hang "of" on the particle: "pulled [out [of the talks]]"
        return True
    particles = CANCELLING.get(verb.lemma_.lower(), frozenset())
    return any(c.dep_ in PARTICLE_ARCS and c.lower_ in particles for c in verb.children)


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


# ANNOTATION.md: an announced or conditional hostile act is a THREATEN (CAMEO 13x), an
# intent to yield is an AGREE (035x), a refusal to yield a REJECT (124x).  Longest
# CAMEO prefix of the act wins.
THREAT_CODES = {"14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311",
                "163": "1312", "164": "134", "165": "135", "166": "136", "17": "137",
                "172": "132", "18": "1383", "19": "1384", "191": "1381", "192": "1382",
                "20": "1385"}  # fmt: skip
YIELD_CODES = {"08": "035", "081": "0351", "0813": "0351", "0814": "0351", "082": "0352",
               "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344",
               "084": "0353", "085": "0354", "086": "0355", "087": "0356"}  # fmt: skip
REFUSAL_CODES = {"08": "124", "081": "1241", "082": "1242", "083": "123", "084": "1243",
                 "085": "1244", "086": "1245", "087": "1246", "03": "127", "038": "126",
                 "04": "125", "045": "126", "05": "120", "06": "121", "061": "1211",
                 "062": "1212", "063": "1213", "064": "1214", "07": "121", "075": "1245"}  # fmt: skip
PLOVER_QUAD = {"REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3}  # verbal conflict
HOSTILE_ACTS = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
# refusals that are deeds, not words: announced ("will boycott the summit", "would veto
# the resolution", "will defy the curfew"), they are threats (ANNOTATION.md: "would
# boycott" is THREATEN; CAMEO 1312 boycott, 133 dissent, 130 any other)
REFUSAL_DEEDS = {"boycott": "1312", "veto": "130", "defy": "133", "flout": "133"}
YIELDING_ACTS = frozenset({"RETREAT", "CONCEDE"})
# the mode of a court's sentence (PLOVER SANCTION, convict): to come, it is scheduled
COURT_MODE = "convict"
# acts one can refuse to do ("will not accept refugees", "cannot support the plan")
REFUSABLE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"}) | YIELDING_ACTS


def by_prefix(table: dict[str, str], cameo: str, default: str) -> str:
    """The value of the longest key of ``table`` that ``cameo`` starts with."""
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return default


@dataclass(frozen=True, slots=True)
class Coded:
    """The type an act is coded as once its reality is known."""

    type: str
    cameo: str
    negated: bool
    hypothetical: bool
    retyped: bool  # the type is no longer the trigger's


def announced(
    type_: str,
    cameo: str,
    mood: Modality,
    threat: bool,
    unless: bool = False,
    lemma: str = "",
    mode: str | None = None,
) -> Coded:
    """Apply the conventions for acts not (yet) done.

    ``threat`` marks an act announced with "would" ("would boycott"), ``unless`` an
    act made conditional on the other side's ("will withdraw ... unless"): a hostile
    act so announced, or any act so conditioned, is a THREATEN; an intended yield
    ("will release") an AGREE; an
    announced refusal to yield ("will not release") a REJECT; a refusal that is a deed
    (``lemma`` in ``REFUSAL_DEEDS``: "will boycott the summit") a THREATEN.  A deployment
    announced stays a MOBILIZE (sending police to lead a mission is no threat).  A
    court's sentence to come (``mode`` convict: "will be sentenced on May 3", "is to be
    sentenced next week") is a step of a case on the court's calendar, told of the
    defendant, not a threat anyone makes: it stays a SANCTION, to come (ECB_EVENTS.md);
    said with "would" or on a condition it is still a threat.
    """
    if mood.refused and type_ in REFUSABLE:
        return Coded("REJECT", by_prefix(REFUSAL_CODES, cameo, "120"), False, False, True)
    if mood.negated:  # "would not send troops": denied and not (yet) real
        return Coded(type_, cameo, True, mood.hypothetical or mood.intended, False)
    if unless and PLOVER_QUAD.get(type_, 0) != 3:
        return Coded("THREATEN", by_prefix(THREAT_CODES, cameo, "130"), False, False, True)
    if mood.intended and not threat and mode == COURT_MODE and type_ == "SANCTION":
        return Coded(type_, cameo, False, True, False)  # "will be sentenced in May"
    if (mood.intended or threat) and type_ in HOSTILE_ACTS:
        return Coded("THREATEN", by_prefix(THREAT_CODES, cameo, "130"), False, False, True)
    if (mood.intended or threat) and type_ == "REJECT" and lemma in REFUSAL_DEEDS:
        return Coded("THREATEN", REFUSAL_DEEDS[lemma], False, False, True)
    if mood.intended and type_ in YIELDING_ACTS:
        return Coded("AGREE", by_prefix(YIELD_CODES, cameo, "035"), False, False, True)
    return Coded(type_, cameo, False, mood.hypothetical or mood.intended, False)


def unless_clause(tok: Token) -> Token | None:
    """The verb of an "unless" clause on ``tok`` or on the verb it hangs on (not
    ``tok``'s own clause: the act in the condition is not conditioned by itself)."""
    for verb in (tok, tok.head):
        for child in verb.children:
            if (
                child != tok
                and child.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ == "unless" for c in child.children)
            ):
                return child
    return None


def announced_with_would(tok: Token) -> bool:
    """ "would boycott", "would strike": the act announced as a consequence."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
    return verb is not None and any(
        c.dep_ == "aux" and c.lower_ == "would" for c in [*verb.children, *shared_aux(verb)]
    )


def would_do(tok: Token) -> bool:
    """ "The EU would hold talks with Abbas next month": "would" in a sentence that
    states no condition is the future of the past, an announced intent."""
    if not announced_with_would(tok):
        return False
    sent = tok.sent
    return not any(t.lower_ in CONDITIONS for t in sent) and not any(
        t.dep_ == "advcl" and t.i != tok.i for t in sent
    )


def conditional(tok: Token, marks: frozenset[str]) -> bool:
    """``tok`` is the act of a condition ("unless Israel releases", "if attacked",
    "until the EU provides"): the clause it heads, or the clause of its verb, is
    introduced by one of ``marks``."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
    while verb is not None and verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        # "until permits are fixed and the app is banned": one condition; "unless Israel
        # agrees to release them": the release is conditioned too
        verb = verb.head
    if verb is None or verb.dep_ != "advcl":
        return False
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children) or _prior_condition(
        verb
    )


def _prior_condition(verb: Token) -> bool:
    """ "must disarm before Paris would lift the embargo": an act that "would" come only
    after another is that other's condition, not an act (nor one announced)."""
    return any(c.dep_ == "mark" and c.lower_ == "before" for c in verb.children) and any(
        c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children
    )


def background(tok: Token, marks: frozenset[str]) -> bool:
    """``tok`` tells the circumstances of the sentence's news rather than the news:
    it sits in a clause or phrase of time, cause or concession ("after Hollande
    accused Syria", "despite the Houthis' attack", "as troops were sent") or in a
    relative clause ("the diplomat it arrested")."""
    cur = tok
    for _ in range(8):
        head, dep = cur.head, cur.dep_
        if head == cur:
            return False
        if dep == "relcl" or (
            dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in cur.children)
        ):
            return True
        if dep == "pobj" and head.dep_ == "prep" and head.lower_ in marks:
            return True
        cur = head
    return False


# the object of these names the time of the news, not an act of its own
TIME_PREPS = frozenset({"during", "following", "after", "before", "amid", "since", "throughout",
                        "pending", "until", "till"})  # fmt: skip
# "ahead of the talks", "prior to the visit", "on the eve of", "in the wake of"
TIME_HEADS = frozenset({"ahead", "prior", "eve", "run-up", "wake", "aftermath", "sidelines",
                        "margins", "side-lines"})  # fmt: skip
# the topic of these is named by its preposition ("a precondition for talks")
TOPIC_PREPS = frozenset({"for", "on", "of", "about", "over", "to", "regarding", "concerning"})


# the manner of another act when after "with" ("retook the city with Russian support")
BACKING = frozenset({"support", "backing", "help", "assistance", "aid", "blessing", "approval",
                     "consent", "cooperation", "participation", "involvement", "mediation"})  # fmt: skip

# a phrase on an event noun that names its parties ("an invitation from Nigeria",
# "clashes between gangs", "a visit to Ramallah")
PARTY_PREPS = frozenset({"by", "from", "between", "among", "to"})


def _own_actor(tok: Token) -> bool:
    """An event noun with parties of its own: a possessor that is not a pronoun
    ("Russia's offensive") or a phrase of ``PARTY_PREPS`` ("a visit by the emperor")."""
    return any(
        (c.dep_ == "poss" and c.pos_ != "PRON")
        or (c.dep_ in ("prep", "agent") and c.lower_ in PARTY_PREPS)
        for c in tok.children
    )


def told_act(tok: Token) -> bool:
    """An event noun told with a clause of its own on what its doers do or demand
    ("protests calling for his removal", "a strike that shut the port"); not a passive
    participle that tells its cause ("protests triggered by the killing")."""
    return any(
        (c.dep_ == "acl" and c.tag_ == "VBG") or (c.dep_ == "relcl" and c.pos_ == "VERB")
        for c in tok.children
    )


# prepositions of a topic after a verb of speaking or asking ("declined to comment on
# the talks", "asked about the visit")
ABOUT = frozenset({"on", "about", "regarding", "concerning"})


def circumstance(
    tok: Token,
    topics: frozenset[str],
    verbs: frozenset[str] = frozenset(),
    named: Callable[[], bool] = lambda: False,
) -> bool:
    """An event noun that names the time or the topic of the news rather than a new
    act: the object of "during", "following", "ahead of" ("during his visit, Obama
    will hold talks"), or of a noun in ``topics`` ("a precondition for talks", "a ban
    on deployments", "the prospect of negotiations"), unless the noun names parties of
    its own ("after Russia's invasion", "during a visit to Ramallah"); the topic of a
    verb of ``topics`` is one even so ("the forum focused on cooperation between
    Kenyan and Somali police"), and so is what a verb of ``verbs`` speaks or asks about
    ("declined to comment on the talks with Chile").  ``named`` (asked only where the
    noun is in a phrase of time): the caller finds the noun's own doer in a modifier or a "by" phrase (``arguments.own_doer``: "after Danish
    raids", "during a police crackdown"): an act by an identifiable actor is news even
    when it names the time of other news (ANNOTATION.md), a bare one ("after the raids",
    "amid tensions") is the setting."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.lemma_.lower() in BACKING:
        return True  # "accused Syria of crimes with Russia's support": how, not what
    own = _own_actor(tok)
    # an act with its doer named, in a phrase of time; a modifier on a meeting names the
    # body that sits or the topic ("ahead of the Danish central bank meeting"), no party
    consulting = tok.lemma_.lower() in CONSULTING_NOUNS or tok.lower_ in CONSULTING_NOUNS

    def timed() -> bool:
        return own or (not consulting and named())

    cur = tok
    while cur.dep_ in ("conj", "appos") and cur.head.pos_ in ("NOUN", "PROPN"):
        cur = cur.head  # "talks and meetings", the first of coordinated nouns
    if cur.dep_ == "dobj" and cur.head.tag_ == "VBG" and cur.head.dep_ == "pcomp":
        cur = cur.head  # "a precondition for starting negotiations"
    if cur.dep_ not in ("pobj", "pcomp") or cur.head.dep_ not in ("prep", "advmod"):
        return False
    prep = cur.head
    word = prep.lower_
    if word in TIME_PREPS:
        # "resigned after protests calling for his removal": an act told with its own
        # clause is news of its own, not only the time of the news
        return not timed() and not told_act(tok)
    governor = prep.head
    if word in ("of", "to") and governor.lower_ in TIME_HEADS:
        return not timed()
    if governor.pos_ == "VERB" and word in ABOUT and governor.lemma_.lower() in verbs:
        return True  # "refused to comment on the talks with Chile": what is spoken of
    if own and governor.pos_ not in ("VERB", "AUX"):
        return False
    if governor.pos_ in ("VERB", "AUX") and word in TOPIC_PREPS:
        # "lifted the ban on deployments": the phrase hung on the verb, not on its object
        objects = [c for c in governor.children if c.dep_ == "dobj" and c.i < prep.i]
        governor = objects[0] if objects else governor
    return (
        word in TOPIC_PREPS
        and governor.pos_ in ("NOUN", "VERB")
        and (governor.lemma_.lower() in topics or governor.lower_ in topics)
    )


# verbs of belief, hope and expectation: a clause of theirs with its own subject and a
# modal ("thinks the EU should impose sanctions", "hopes Japan will persuade Biden to
# lift them") is an opinion or a prediction about acts, not an act (ANNOTATION.md)
OPINION_VERBS = frozenset({"think", "believe", "hope", "expect", "fear", "doubt", "wish",
                           "suspect", "feel", "predict", "assume", "guess", "reckon",
                           "anticipate", "worry", "suppose", "imagine", "bet"})  # fmt: skip
# nouns whose clause is a belief ("the suggestion that Europe would follow the US")
OPINION_NOUNS = frozenset({"suggestion", "claim", "idea", "fear", "hope", "expectation",
                           "speculation", "rumour", "rumor", "belief", "prediction",
                           "assumption", "suspicion", "worry", "concern", "view", "notion",
                           "theory", "prospect", "possibility"})  # fmt: skip
AHEAD_MODALS = frozenset({"will", "would", "should", "could", "might", "may", "'ll", "wo",
                          "shall", "ought", "'d"})  # fmt: skip
# a believed act that is only possible ("officials believe the Kremlin could ask Beijing")
# is a hypothetical event (ANNOTATION.md: modality hypothetical, "conditional, possible"),
# flagged as such, not an opinion
POSSIBLE_MODALS = frozenset({"could", "might", "may"})


def opinion(tok: Token) -> bool:
    """``tok`` is an act someone only believes, hopes or fears others will or should do:
    it sits (through complements and coordination) in a clause with a subject and a
    modal that is the complement of a verb in ``OPINION_VERBS`` (a modal of mere
    possibility there, ``POSSIBLE_MODALS``, makes a hypothetical event instead) or of a
    noun in ``OPINION_NOUNS`` ("denied fears that Belarus might attack")."""
    cur = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
    modals: set[str] = set()
    for _ in range(6):
        if cur is None or cur.head == cur:
            return False
        modals |= {c.lower_ for c in [*cur.children, *shared_aux(cur)]
                   if c.dep_ == "aux" and c.lower_ in AHEAD_MODALS}  # fmt: skip
        if cur.dep_ in ("ccomp", "acl"):
            holder = cur.head
            if cur.dep_ == "ccomp":
                believed = _opinion_verb(holder) and bool(modals - POSSIBLE_MODALS)
            else:
                believed = holder.pos_ == "NOUN" and holder.lemma_.lower() in OPINION_NOUNS
            return (
                bool(modals)
                and believed
                and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cur.children)
            )
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            cur = cur.head.head  # "would follow the US in recognising": the act of "follow"
            continue
        if cur.dep_ not in ("xcomp", "conj"):
            return False
        cur = cur.head
    return False


def _opinion_verb(tok: Token) -> bool:
    """``tok`` is a verb of ``OPINION_VERBS`` (by its form too: the lemmatizer reads
    "hopes" as "hop")."""
    low = tok.lower_
    forms = {tok.lemma_.lower(), low} | {low[: -len(end)] + new for end, new in
                                          (("s", ""), ("ed", ""), ("d", ""), ("ing", ""),
                                           ("ing", "e")) if low.endswith(end)}  # fmt: skip
    return tok.pos_ in ("VERB", "AUX") and bool(forms & OPINION_VERBS)


MEETING_NOUNS = frozenset({"meeting", "summit", "conference", "session", "congress", "convention",
                           "plenum", "assembly", "forum", "gathering", "conclave"})  # fmt: skip
# bodies that meet on their own: their meeting is no meeting between parties
BODY_NOUNS = frozenset({"cabinet", "board", "council", "committee", "parliament", "party",
                        "congress", "senate", "assembly", "caucus", "politburo", "commission",
                        "shareholder", "director", "staff", "bureau", "presidium", "legislature",
                        "court", "club", "family", "convention", "jury", "panel"})  # fmt: skip


def not_a_meeting(tok: Token) -> bool:
    """A meeting noun that names no meeting between parties: the sitting of one body
    ("a cabinet meeting", "the party congress", "a session of parliament") or a meeting
    named as the place of the news ("spoke at the summit", "decisions taken at the
    meeting"), unless it names whom it is with ("at a meeting with Putin"); and a
    meeting, visit or talks only referred to (``referred``)."""
    if referred(tok):
        return True
    if tok.lemma_.lower() not in MEETING_NOUNS and tok.lower_ not in MEETING_NOUNS:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in tok.children):
        return False
    for child in tok.children:
        if child.dep_ == "compound" and _body(child):
            return True
        if child.dep_ == "prep" and child.lower_ == "of":
            bodies = [o for o in child.children if o.dep_ == "pobj"]
            if (
                bodies
                and _body(bodies[0])
                and not any(c.dep_ == "conj" for c in bodies[0].children)
            ):
                return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "at"


# nouns of meetings of parties: news when reported, not when only referred to
CONSULTING_NOUNS = MEETING_NOUNS | frozenset({"visit", "trip", "tour", "talks", "talk",
                                              "negotiation", "discussion", "consultation",
                                              "stay", "stopover", "dialogue"})  # fmt: skip
# nouns of a journey, the setting of what the traveller says or does "on" it
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour", "stay", "stopover"})
# prepositions that make a meeting the time of the news ("during his visit to Hanoi")
SETTING_PREPS = frozenset({"during", "throughout", "amid", "while"})
# verbs that tell the meeting's own course, not another act done at it ("arrived on a
# visit", "is in Lima on a two-day visit", "began talks")
OWN_COURSE = frozenset({"be", "go", "arrive", "travel", "come", "head", "begin", "start",
                        "end", "wrap", "conclude", "continue", "leave", "make", "pay",
                        "undertake", "embark", "cut", "extend", "return", "fly", "land",
                        "depart", "hold", "attend", "join", "open", "close", "host",
                        "resume", "postpone", "cancel", "delay", "set", "schedule",
                        "launch", "kick", "stay", "remain", "spend", "take", "finish"})  # fmt: skip
# verbs that only judge a meeting ("the talks were constructive", "the meeting proved
# useful"), and verbs that describe it ("described the talks as frank")
JUDGING = frozenset({"be", "seem", "appear", "prove", "remain", "look", "sound"})
DESCRIBING = frozenset({"describe", "call", "term", "characterise", "characterize", "deem",
                        "judge", "rate", "consider", "dub", "label"})  # fmt: skip


def referred(tok: Token) -> bool:
    """A meeting, visit or talks only referred to, not reported (ANNOTATION.md: no
    event): the setting of a statement ("speaking on a trip to Lima, she said ..."),
    the time of another act when it names no parties of its own ("on his trip, he
    signed ..."), or what a plain statement judges ("said the talks had been useful",
    "described the meeting as frank"), unless it names its own doers ("Li's visit to
    Berlin was a success")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("NOUN", "PROPN") or (
        lemma not in CONSULTING_NOUNS and tok.lower_ not in CONSULTING_NOUNS
    ):
        return False
    if setting(tok) and stating(tok.head.head):
        return True  # "on a trip to Manila, the premier said trade would double"
    return (setting(tok) or judged(tok)) and not _own_actor(tok)


# nouns of a standing relation or stance: cooperation, backing (types of their triggers)
RELATION_TYPES = frozenset({"COOPERATE", "SUPPORT"})


def judged_relation(tok: Token, type_: str) -> bool:
    """A noun of cooperation or backing that a predicate only judges ("cooperation with
    Belgium has been good", "US support for Kyiv is unwavering"): the state of a relation,
    a plain statement (ANNOTATION.md: "X said relations were good"), even when it names
    its parties; a meeting or visit judged keeps its own doers (``referred``)."""
    return type_ in RELATION_TYPES and tok.pos_ in ("NOUN", "PROPN") and judged(tok)


def stating(verb: Token) -> bool:
    """``verb`` (or the verb a participle of it hangs on: "speaking during the visit,
    she said ...") states something: it has a clause of what is said ("said aid would
    continue").  A visit to a place that is the setting of such a statement is no event
    even though it names where it went; one that is the setting of another act ("during
    a visit to Hanoi he signed ...") is kept, as coders code such visits."""
    if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN"):
        verb = verb.head
    return any(c.dep_ == "ccomp" for c in verb.children)


def setting(tok: Token) -> bool:
    """``tok`` is the object of a preposition of time ("during", "amid"; "on" for a
    journey: "on a trip to Manila") on a verb of another act or statement, not on one
    that tells the meeting's own course ("arrived on a visit")."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    word = tok.head.lower_
    journey = tok.lemma_.lower() in JOURNEY_NOUNS
    if word not in SETTING_PREPS and not (word == "on" and journey):
        return False
    verb = tok.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBG", "VBN")
        and verb.lemma_.lower() not in OWN_COURSE
    ):
        verb = verb.head  # "speaking during a visit to Nairobi, the minister said"
    return verb.pos_ == "VERB" and verb.lemma_.lower() not in OWN_COURSE


def judged(tok: Token) -> bool:
    """``tok`` is what a predicate only judges: the subject of a copula or a verb of
    seeming with an adjective ("the talks were constructive", "the meeting proved
    useful"), or the object of a verb of describing with what it is called ("described
    the talks as frank")."""
    verb = tok.head
    lemma = verb.lemma_.lower()
    if tok.dep_ == "nsubj" and lemma in JUDGING:
        return any(c.dep_ in ("acomp", "oprd") for c in verb.children)
    if tok.dep_ == "dobj" and lemma in DESCRIBING:
        return any(
            c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children
        )
    return False


def deliberated(tok: Token, words: dict[str, frozenset[str]]) -> bool:
    """A verb of deliberating whose object is a text, done by one party with no partner
    named ("parliament will debate the budget", "the cabinet discussed the bill"): one
    body's business, no meeting of parties (not "Iran and the EU discussed the plan",
    "discussed the bill with the unions")."""
    if tok.lemma_.lower() not in words.get("deliberating", frozenset()):
        return False
    texts = words.get("deliberated_texts", frozenset())
    objects = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in texts]
    if not objects:
        return False
    partners = ("with", "between", "among")  # on the verb or on its object
    if any(c.dep_ == "prep" and c.lower_ in partners for t in (tok, *objects) for c in t.children):
        return False
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(c.dep_ == "conj" for s in subjects for c in s.children)


def is_body(tok: Token) -> bool:
    """``tok`` is a noun of a body that sits on its own (``BODY_NOUNS``: a cabinet, a
    board, a parliament)."""
    return _body(tok)


def _body(tok: Token) -> bool:
    low = tok.lower_
    return tok.lemma_.lower() in BODY_NOUNS or low in BODY_NOUNS or low.rstrip("s") in BODY_NOUNS


# a passive verb of expectation ("is expected to meet", "are predicted to sign") and an
# adjective of likelihood ("is likely to visit", "seems certain to accept") say what the
# writer foresees of the subject, not what the subject did or announced: a journalist's
# prediction (ANNOTATION.md: not an event).  The active verb is the subject's own intent
# ("Ghana expects to sign the deal") and stays an event.
PREDICTING_VERBS = frozenset({"expect", "predict", "tip", "forecast", "anticipate", "project",
                              "tout", "rumour", "rumor"})  # fmt: skip
# ("poised to", "set to", "due to" tell a plan ready to be carried out: they stay)
PREDICTING_ADJS = frozenset({"likely", "unlikely", "certain", "bound"})


def predicted(tok: Token) -> bool:
    """``tok`` is an act the writer foresees: its clause (through coordination and
    infinitive complements) is the complement of a passive verb of ``PREDICTING_VERBS``
    or of an adjective of ``PREDICTING_ADJS`` ("Uruguay is widely expected to support
    the motion", "the two are likely to sign a deal"), or an event noun is the subject
    of one ("talks are expected to resume"), or it is another's act an active verb of
    expectation looks to ("analysts expect Ghana to sign the deal")."""
    cur = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
    if cur is None:
        return False
    if tok is not cur and tok.dep_ in ("nsubj", "nsubjpass") and _foreseeing(cur, POSSIBLE):
        # "talks are expected to resume", "a visit by the Pope is possible"; not "Cuba's
        # denunciation was expected" (an act done, as foreseen)
        return _ahead(cur)
    for _ in range(4):
        if cur.dep_ == "conj" and cur.head is not cur:
            cur = cur.head
            continue
        if cur.dep_ == "ccomp" and _expected_of_another(cur):
            return True  # "analysts expect Ghana to sign the deal"
        if cur.dep_ != "xcomp" or cur.head is cur:
            return False
        cur = cur.head
        if _foreseeing(cur):
            return True
    return False


# adverbs that make an act announced with "will" or "would" a forecast ("will likely ask")
FORECASTING = frozenset({"likely", "probably", "possibly", "perhaps", "presumably"})


def forecast_adverb(tok: Token) -> bool:
    """A verb told with "will" or "would" and an adverb of likelihood: "Kenya will
    likely ask the IMF for a loan", "Russia would probably veto it": a forecast, not an
    act announced by its doer (ANNOTATION.md: a prediction is no event); an event noun
    of such a verb too ("will likely seek a loan")."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
    if verb is None:
        return False
    children = list(verb.children)
    return any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "'d") for c in children
    ) and any(c.dep_ == "advmod" and c.lower_ in FORECASTING for c in children)


def _expected_of_another(verb: Token) -> bool:
    """An infinitive with its own subject under an active verb of expectation: "few
    expect the Cuban government to agree", "analysts expect Ghana to sign"."""
    gov = verb.head
    return (
        gov.lemma_.lower() in PREDICTING_VERBS
        and gov.pos_ == "VERB"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _ahead(verb: Token) -> bool:
    """The foreseeing verb looks ahead: it has an infinitive ("is expected to resume") or
    is not in the past ("is possible", not "was expected")."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return True
    tensed = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return not any(t.tag_ in ("VBD", "VBN") and t.lemma_.lower() == "be" for t in tensed) and (
        verb.tag_ != "VBD"
    )


# what an event noun may be said to be ("a visit by the Pope is possible next year")
POSSIBLE = frozenset({"possible", "probable", "conceivable"})


def _foreseeing(tok: Token, more: frozenset[str] = frozenset()) -> bool:
    """A passive verb of expectation or an adjective (or its copula) of likelihood
    (or of ``more``)."""
    lemma = tok.lemma_.lower()
    likely = PREDICTING_ADJS | more
    if lemma in PREDICTING_VERBS and tok.tag_ == "VBN":
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    if lemma in likely or tok.lower_ in likely:
        return True
    return lemma in ("be", "seem", "appear", "look") and any(
        c.dep_ in ("acomp", "oprd") and c.lower_ in likely for c in tok.children
    )


def standing(tok: Token) -> bool:
    """A verb of deploying in the present simple passive with no doer named ("troops are
    stationed in the north", "5,000 soldiers are based in the Sahel", "are deployed
    along the border"): where a force stands, a situation, not a deployment made
    (ANNOTATION.md: a situation without an acting actor is no event).  "were deployed",
    "are being deployed", "have been sent", "are deployed by Paris" and "are sent to the
    border" stay acts."""
    if tok.pos_ not in ("VERB", "AUX") or tok.tag_ != "VBN":
        return False
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    present = [c for c in aux if c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP")]
    if not present or len(aux) != 1:
        return False  # "were deployed", "are being deployed", "will be deployed"
    # a doer named, or a destination ("are sent to the border"), makes it a movement
    return not any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("to", "into", "toward", "towards"))
        for c in tok.children
    )


# verbs of furthering or harming a relation ("will boost cooperation", "deepened ties")
FURTHERING = frozenset({"boost", "expand", "strengthen", "deepen", "enhance", "promote",
                        "foster", "further", "improve", "bolster", "advance", "broaden",
                        "widen", "consolidate", "cement", "facilitate", "encourage", "spur",
                        "hamper", "hinder", "undermine", "harm", "damage", "jeopardize",
                        "jeopardise", "complicate", "affect", "benefit", "push", "pave",
                        "open", "clear", "reinvigorate", "revive", "boosts"})  # fmt: skip


def furthered(tok: Token, actors: Container[int]) -> bool:
    """An act noun that is the object of a verb of furthering or harming whose subject
    is a thing, not a party: "the visit will boost defence cooperation", "the new
    pipeline deepens energy cooperation" (what a thing may bring about, a situation
    or a forecast, not an act of the parties); a meeting or visit named as the subject
    is such a thing even with its doers named ("the premier's visit will boost trade
    cooperation": what the visit brings, not a new act)."""
    if tok.dep_ != "dobj":
        return False
    verb = tok.head
    if verb.lemma_.lower() not in FURTHERING and verb.lower_ not in FURTHERING:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if not subjects:
        return False
    if all(s.lemma_.lower() in CONSULTING_NOUNS for s in subjects):
        return True  # "the premier's visit to Berlin will push cooperation": its effect
    return not any(t.i in actors for s in subjects for t in s.subtree if t.pos_ != "DET") and all(
        s.pos_ in ("NOUN", "PROPN") and s.lemma_.lower() not in THINGS_THAT_ACT for s in subjects
    )


# nouns of people or bodies that act, though no actor is resolved for them
THINGS_THAT_ACT = frozenset({"side", "party", "leader", "official", "government", "country",
                             "nation", "state", "minister", "president", "people", "group",
                             "company", "firm", "body", "agency", "authority", "army",
                             "force", "ally", "partner", "neighbour", "neighbor"})  # fmt: skip


# adverbs that make an act a standing habit or stance ("has long backed", "has always
# supported", "traditionally cooperates")
HABITUAL = frozenset({"always", "long", "traditionally", "historically", "consistently",
                      "generally", "usually", "typically", "routinely", "often",
                      "customarily", "habitually", "normally"})  # fmt: skip


# words that count a share of a population ("most Danes", "a majority of voters")
SHARES = frozenset({"most", "many", "majority", "minority", "percent", "per", "%", "half",
                    "third", "quarter", "few", "plurality"})  # fmt: skip
# nouns of a population whose views a poll measures
PUBLICS = frozenset({"voter", "citizen", "people", "resident", "respondent", "public",
                     "adult", "youth", "population", "person", "inhabitant", "elector",
                     "consumer", "parent", "worker"})  # fmt: skip


def habitual(tok: Token) -> bool:
    """A verb told as a standing habit or stance ("Lithuania has always supported
    Ukraine", "Oman has long mediated between them"), or the stance of a share of a
    population ("most Danes back the plan", "a majority of voters support the deal",
    as a poll finds it): background about what the actor is, not news (ANNOTATION.md)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in tok.children):
        return True
    return any(c.dep_ == "nsubj" and _public_share(c) for c in tok.children)


# adverbs of frequency that make a present-tense verb a routine ("usually rejects")
FREQUENCY = frozenset({"usually", "typically", "routinely", "generally", "normally",
                       "customarily", "habitually", "often", "frequently", "regularly",
                       "sometimes", "rarely", "seldom"})  # fmt: skip


def present_habit(tok: Token) -> bool:
    """A verb in the simple present told with an adverb of frequency: "the court usually
    rejects such appeals", "the ministry routinely summons envoys": what an actor does
    as a rule, not an act the news reports (a past "often criticised" may sum up acts)."""
    return (
        tok.pos_ in ("VERB", "AUX")
        and tok.tag_ in ("VBZ", "VBP")
        and any(c.dep_ == "advmod" and c.lower_ in FREQUENCY for c in tok.children)
    )


def _public_share(subject: Token) -> bool:
    """``subject`` is a share of a population: "most Icelanders", "many voters", "a
    majority of Chileans", "60 percent of respondents"."""
    words = [subject, *(o for p in subject.children if p.lower_ == "of" for o in p.children)]
    shared = subject.lower_ in SHARES or any(
        c.dep_ in ("amod", "det", "nummod", "quantmod") and c.lower_ in SHARES
        for c in subject.children
    )
    people = any(w.ent_type_ == "NORP" or w.lemma_.lower() in PUBLICS for w in words)
    return shared and people


# prepositions that cite a text ("laid down in the accord", "under the deal")
CITING = frozenset({"in", "under", "within", "per"})


def cited(tok: Token) -> bool:
    """An agreement noun cited as a text ("the pullout laid down in the accord",
    "under the deal between the two, Belgrade must ..."): the terms of a standing
    agreement, not an agreement made; "in a deal reached on Monday" (a clause of its
    own) stays one."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in CITING:
        return False
    return not any(c.dep_ in ("acl", "relcl") for c in tok.children)


QUESTION_WORDS = frozenset({"whether", "if", "when", "how", "why", "what", "where", "who",
                            "which"})  # fmt: skip


def asked_about(tok: Token) -> bool:
    """ "asked the spokesman about the talks", "asked whether Ankara would attend": a
    question, not an appeal (an appeal asks someone to do or for something)."""
    if tok.lemma_.lower() not in ("ask", "question", "query", "enquire", "inquire"):
        return False
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in tok.children):
        return False  # "asked Turkey to attend", "asked for help"
    # ("asked ... on Thursday": "on" is a time there, so only "about" and its like)
    about = any(c.dep_ == "prep" and c.lower_ in ABOUT - {"on"} for c in tok.children)
    return (
        about
        or any(c.dep_ == "ccomp" and _wh_clause(c) for c in tok.children)
        or asked_nothing(tok)
    )


ASKED_QUESTIONS = frozenset({"question", "query"})


def asked_nothing(tok: Token) -> bool:
    """An "ask" that asks for nothing to be done or given (``asked_about`` has ruled out
    "to", "for"): a quoted question ("asked the witness, 'Did you see him?'"), questions
    put ("asked the minister questions"), or a person asked and then told of in a clause
    of its own ("asked Ortiz, who said he had never owned a car"): a question, not an
    appeal."""
    if any(t.text == "?" for t in tok.sent if t.i > tok.i):
        return True
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() in ASKED_QUESTIONS for o in objects):
        return True
    if any(c.dep_ in ("ccomp", "dative") for c in tok.children):
        return False  # "asked that the drills be postponed"
    return bool(objects) and all(any(c.dep_ == "relcl" for c in o.children) for o in objects)


# the words of an open question: "explained why Kenya would send troops" presupposes
# the sending, "did not say whether" or "when" leaves it open
OPEN_WORDS = frozenset({"whether", "if", "when"})


def _wh_clause(verb: Token, words: frozenset[str] = QUESTION_WORDS) -> bool:
    """A clause introduced by "whether", "if" or a wh-word of ``words`` ("when the talks
    would resume"): an indirect question."""
    return any(
        c.dep_ in ("mark", "advmod", "nsubj", "dobj", "nsubjpass") and c.lower_ in words
        and c.i < verb.i and not any(t.i < c.i for t in verb.subtree if t.dep_ == "nsubj")
        for c in verb.children
    )  # fmt: skip


def direct_question(tok: Token) -> bool:
    """``tok`` is in a sentence that asks about an act to come: it ends with "?" and its
    main verb has a modal before its subject ("Will China invade Taiwan?", "Should Chile
    cut ties?", "Why would Peru expel the envoy?"): a question, not an act (nor one
    announced); "Why did Peru expel the envoy?" takes the act as done and stays."""
    sent = tok.sent
    doc, end = tok.doc, sent.end - 1
    while end > sent.start and doc[end].is_space:
        end -= 1
    if doc[end].text != "?":
        return False
    root = sent.root
    subjects = [c.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return bool(subjects) and any(
        c.dep_ == "aux" and c.lower_ in AHEAD_MODALS and c.i < min(subjects) for c in root.children
    )


def in_question(tok: Token) -> bool:
    """``tok`` is the act of an indirect question ("did not say when the talks would
    resume", "it is unclear whether Sri Lanka will accept the terms"): an open question
    about a future act, with a modal, is no act (nor an announced one); or of a direct
    one (``direct_question``)."""
    if direct_question(tok):
        return True
    cur = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
    for _ in range(4):
        if cur is None or cur.head is cur:
            return False
        if cur.dep_ == "ccomp":
            ahead = any(c.dep_ == "aux" and c.lower_ in AHEAD_MODALS for c in cur.children)
            return ahead and _wh_clause(cur, OPEN_WORDS)
        if cur.dep_ not in ("xcomp", "conj"):
            return False
        cur = cur.head
    return False


def granted_fact(tok: Token) -> bool:
    """A verb of agreeing or conceding whose complement is a finite clause stating a fact
    or a view, with no modal ahead and no act agreed to ("conceded that unemployment had
    risen", "most voters agree that corruption is the problem", "prices rose, traders
    agreed"): the speaker grants a statement, which is not an event (ANNOTATION.md: a
    plain statement of opinion or fact).  An agreement on what will be done ("agreed that
    the truce would be extended") or to an act ("agreed to talks") is left to the lexicon."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("xcomp", "dobj") for c in tok.children):
        return False  # "agreed to hold talks", "conceded the seat"
    if any(c.dep_ in ("prep", "agent") and c.lower_ in ("to", "on", "upon") for c in tok.children):
        return False  # "conceded to the demands", "agreed on a ceasefire"
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses and tok.dep_ == "parataxis":
        clauses = [tok.head]  # "Prices rose, traders agreed": the clause it comments on
    return any(_stated_clause(c) for c in clauses)


def _stated_clause(verb: Token) -> bool:
    """``verb`` heads a clause with a subject and no modal or future ahead: a statement."""
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return False
    auxes = [c for c in [*verb.children, *shared_aux(verb)] if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in AHEAD_MODALS or a.lower_ == "to" for a in auxes):
        return False
    # "agreed that talks were going to resume": a plan, not a fact
    return not any(c.lower_ == "going" for c in verb.children)


# verbs that tell a level going up or down ("support fell", "backing has grown")
LEVEL_CHANGES = frozenset({"fall", "drop", "rise", "grow", "decline", "slip", "surge", "plunge",
                           "wane", "erode", "dip", "climb", "increase", "decrease", "soar",
                           "slide", "shrink", "fade", "jump", "sink", "stand", "remain",
                           "hover", "reach", "double", "halve"})  # fmt: skip


def popular_standing(tok: Token) -> bool:
    """A noun of support told as a level of standing among the public ("the government's
    support among young voters", "support for the ruling party fell to 30 percent"): a
    measure of popularity, not an act of backing by anyone (ANNOTATION.md: a situation
    without an acting actor is not an event)."""
    if any(c.dep_ == "prep" and c.lower_ == "among" for c in tok.children):
        return True
    verb = tok.head
    return (
        tok.dep_ in ("nsubj", "nsubjpass")
        and verb.pos_ in ("VERB", "AUX")
        and verb.lemma_.lower() in LEVEL_CHANGES
    )
