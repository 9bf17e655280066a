"""Article body -> ``Coding``: sentences, actor mentions, PLOVER events and quotes.

The coder parses with the one cached spaCy pipeline, asks the actor resolver for
mentions, then visits the sentences that name an actor (and, for the acts news tells
without their doer, ``lexicon.told_without_doer``, those that name none): each token is
looked up in the trigger lexicon, and for a trigger the actors and recipients are read off
the dependency tree (``roles``), its reality off its modifiers (``modality``).
This module runs those stages in order (``Coder._code_sentence``, ``Coder._draft``);
the stages are their own modules: the shapes an act takes in the parse (``acts``), the
type conventions applied to a drafted act (``conventions``), where it happened
(``where``).  The words they test are data (``triggers.yaml``, ``words:``).

The ``parse`` setting chooses how much is parsed: ``"full"`` (the default) runs the
whole model on every sentence; ``"selective"`` only on the sentences that may hold an
event or a quoted speaker (``parse.py``).  ``make bench`` measures both.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ConfigError
from ..nlp import cached_ents, load_nlp, sentence_records, span_ents
from ..records import Actor, Coding, Event, Mention, Quote, Sentence
from ..settings import Settings
from .acts import (
    JOURNEYS,
    NESTED,
    accident,
    against_nature,
    agentless,
    arrival,
    counted_act,
    envoys,
    generic_antecedent,
    generic_doer,
    generic_subject,
    hazard_warning,
    hit_something,
    hosted_before,
    mishap_harm,
    natural_doer,
    nested,
    no_meeting,
    not_an_act,
    recorded,
    rule_confidence,
    sports_dealing,
    struck,
    told_done,
    used_weapon,
    weighing,
)
from .arcs import prenominal
from .arguments import arguments, others_act_verbs, own_doer, subject_noun_target
from .conventions import convention
from .embed import PEOPLE_ACTS, Draft, fold, prune, reduced_act
from .head import EventHead, SentenceDrafts, load_head
from .lexicon import PLOVER_TYPES, Lexicon, Trigger, load_lexicon, told_without_doer
from .linker import Linker, load_linker
from .match import match, sympathy, trigger_words
from .modality import (
    according_to_in,
    asked_about,
    circumstance,
    cited,
    conditional,
    deliberated,
    forecast_adverb,
    furthered,
    granted_fact,
    habitual,
    in_question,
    judged_relation,
    modality,
    not_a_meeting,
    opinion,
    popular_standing,
    predicted,
    present_habit,
    speech_head,
    standing,
    told_act,
    unless_clause,
)
from .obligation import cues, demands, penalties, unexcluded
from .parse import PARSED, Recaser, common_words, selective_parser
from .placing import in_context, location_target, patient, placed, protest_target
from .quotes import find_quotes, first_person
from .roles import Roles, dedupe, without
from .when import SentenceDates
from .where import Places

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PARSE_MODES = ("selective", "full")
SETTING_SHARE = 0.75  # an article is set in a country that holds this share of its named ones
DEFAULT_PARSE = "full"
# acts a state mostly does to its own people: an unnamed party shares the other's country
DOMESTIC_TYPES = frozenset({"COERCE", "RETREAT", "CONCEDE", "SANCTION", "ACCUSE", "PROTEST",
                            "REJECT", "REQUEST", "SUPPORT", "ASSAULT"})  # fmt: skip
# cooperation told in a relative clause on an actor describes the actor, not the news
DESCRIBING_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
COOPERATION_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
# CAMEO 152, raising an alert: MOBILIZE for forces, readiness when a natural hazard is the cause
ALERT = "152"
# verbal cooperation that, told as a habit, is a stance ("has always supported")
STANCE_TYPES = frozenset({"CONSULT", "SUPPORT"})
# the quad class of acts of force (PLOVER 4): a participle of one on people tells what
# they do, not what they are ("gunmen firing from a car")
MATERIAL_CONFLICT = 4
# the word lists the coder's stages test (here, ``acts``, ``conventions``): moved out of
# the code as they were, they never named common words for the headline recaser
# (``parse.common_words``), and still do not
STAGE_WORDS = frozenset({
    "agentless_marks", "condition_marks", "series_nouns", "agent_endings", "helping_verbs",
    "keeping_verbs", "peace_nouns", "captive_nouns", "frontier_nouns", "fighting_verbs",
    "occurring_verbs", "cautioning_verbs", "consequence_words", "order_verbs",
    "ordered_closures", "ordered_departures", "ordered_dispersals", "state_nouns",
    "scheduling_words", "being_forms", "deciding_verbs", "taken_aux", "exercise_nouns",
    "backing_verbs", "helped_nouns", "mission_nouns", "force_nouns", "combat_words",
    "consent_nouns", "hazard_nouns", "mishap_nouns", "vehicle_nouns", "accident_nouns",
    "mishap_verbs", "deliberate_marks", "vehicle_makes", "on_foot_words", "recordings",
    "arrival_phrasals", "sports_roles",
})  # fmt: skip


class Resolver(Protocol):
    def mentions(self, doc: Doc, published: str | None = None) -> list[Mention]: ...


def _default_resolver() -> Resolver:
    from ..actors import ActorResolver

    resolver: Resolver = ActorResolver()
    return resolver


class Coder:
    """Codes article bodies into events; loads spaCy, lexicon and resolver once."""

    def __init__(
        self,
        settings: Settings | None = None,
        resolver: Resolver | None = None,
        parse: str | None = None,
        head: bool | EventHead = True,
        linker: bool | Linker = True,
    ) -> None:
        self.settings = settings or Settings()
        self.nlp = load_nlp(self.settings.spacy_model)
        self.lexicon: Lexicon = load_lexicon()
        self.resolver = resolver if resolver is not None else _default_resolver()
        self.words = self.lexicon.words
        # "selective" parses only the sentences that may hold an event (events/parse.py)
        self.parse = parse or self.settings.parse
        if self.parse not in PARSE_MODES:
            raise ConfigError(
                f"setting 'parse' is {self.parse!r}; expected one of {', '.join(PARSE_MODES)}"
            )
        # acts embedded in another ("threatened to attack") are folded into it; this
        # setting also emits them, flagged hypothetical
        self.keep_embedded = self.settings.events_keep_embedded
        self.speech = self.words.get("speech_verbs", frozenset())
        self.light = self.words.get("light_verbs", frozenset())
        self.others_acts = others_act_verbs(self.words)  # whose object is another's act
        self.judging = self.words.get("judging_verbs", frozenset())
        self.non_state = frozenset(
            w.upper() for w in self.words.get("non_state_sectors", frozenset())
        )
        self.located = self.words.get("located_types", frozenset())
        self.background = self.words.get("background_marks", frozenset())
        self.topics = self.words.get("topic_nouns", frozenset()) | self.words.get(
            "abstract_topics", frozenset()
        )
        self.topic_verbs = self.words.get("topic_verbs", frozenset())
        self.location_preps = self.words.get("location_preps", frozenset())
        self.options = self.words.get("options", frozenset())
        self.people = self.words.get("people_nouns", frozenset())
        self.series = self.words.get("series_nouns", frozenset())  # "a wave of arrests"
        self.agent_endings = tuple(sorted(self.words.get("agent_endings", frozenset())))
        self.conditions = self.words.get("condition_marks", frozenset())
        self.agentless_marks = self.words.get("agentless_marks", frozenset())
        self.hazards = self.words.get("hazard_nouns", frozenset())
        self.occurring = self.words.get("occurring_verbs", frozenset())
        self.mishaps = self.words.get("mishap_nouns", frozenset())
        self.recordings = self.words.get("recordings", frozenset())
        self.arrivals = self.words.get("arrival_phrasals", frozenset())
        self.sports = self.words.get("sports_roles", frozenset())
        lookup = getattr(self.resolver, "lookup", None)
        self._lookup: Callable[[str], Actor | None] | None = lookup if callable(lookup) else None
        self.places = Places()  # the geo stage (events/where.py)
        # the learned trigger head (events/head); head=False codes with the rules alone
        self.head: EventHead | None = (
            load_head(self.lexicon, self.speech) if head is True else head or None
        )
        # the learned argument linker (events/linker.py); linker=False: the rules' recipients
        self.linker: Linker | None = load_linker() if linker is True else linker or None
        self._selective = (
            selective_parser(self.nlp, self.lexicon, self.speech, self.resolver, self.head)
            if self.parse == "selective"
            else None
        )
        self._recase = Recaser(
            self.nlp, common_words(self.nlp, self.lexicon, STAGE_WORDS)
        )  # headlines
        self._trigger_ids: dict[int, bool] = {}  # string id -> is it a trigger word
        # auxiliaries that make their act another's ("X must withdraw": a demand)
        self.obligations = {t.lemma: t for t in self.lexicon.all_triggers() if t.pos == "aux"}

    def code(self, text: str, published: str | None = None) -> Coding:
        return next(self.code_many([(text, published)], batch_size=1))

    def code_many(
        self, items: Iterable[tuple[str, str | None]], batch_size: int = 32
    ) -> Iterator[Coding]:
        """Code (text, published) pairs in input order, parsing them in batches."""
        if self._selective is not None:
            docs = self._selective.pipe(items, batch_size=batch_size)
        else:
            docs = self.nlp.pipe(items, batch_size=batch_size, as_tuples=True)
        for doc, published in docs:
            yield self.code_doc(self._recase(doc), published)

    # ------------------------------------------------------------------ one doc
    def code_doc(self, doc: Doc, published: str | None = None) -> Coding:
        with cached_ents(doc):  # several stages read the entities of each sentence
            return self._code_doc(doc, published)

    def _code_doc(self, doc: Doc, published: str | None) -> Coding:
        spans, records = sentence_records(doc)
        sentences = tuple(records)
        places = self.places.read(doc, sentences)
        mentions = tuple(self.resolver.mentions(doc, published))
        roles = Roles(
            doc,
            mentions,
            self.words.get("relative_pronouns", frozenset()),
            speech=self.speech,
            people=self.words.get("people_nouns", frozenset()),
            place_country=self.places.place_country,
            documents=self.words.get("documents", frozenset()),
            others_acts=self.others_acts,
        )
        quotes = find_quotes(doc, spans, roles, self.speech)
        roles.by_token.update(
            {i: a for i, a in first_person(doc, quotes, self.words.get("first_person", frozenset())).items()
             if i not in roles.by_token}
        )  # fmt: skip
        events: list[Event] = []
        parsed = doc.user_data.get(PARSED)  # None: every sentence was parsed
        named = _sentences_with(roles.by_token, spans)
        triggers = trigger_words(doc, self.lexicon.triggers, self._trigger_ids)
        told: list[SentenceDrafts] = []  # for the head: all the doc's sentences at once
        # the article's country, read once and only when a sentence names none (_sole_country)
        setting = cache(lambda: self._setting(doc, roles)) if len(spans) > 1 else None
        for n, (sentence, span) in enumerate(zip(sentences, spans, strict=True)):
            if parsed is not None and span.start not in parsed:
                continue
            words = [i for i in range(span.start, span.end) if i in triggers]
            unnamed = n not in named
            if unnamed and not words:
                continue
            coded = self._code_sentence(sentence, span, roles, quotes, published, words,
                                        unnamed, setting)  # fmt: skip
            if isinstance(coded, SentenceDrafts):
                told.append(coded)
            else:
                events.extend(coded)
        if self.head is not None and told:
            for revised in self.head.revise_many(self, told):
                events.extend(revised)
        return Coding(sentences, mentions, tuple(events), tuple(quotes), places)

    def _code_sentence(
        self,
        sentence: Sentence,
        span: Span,
        roles: Roles,
        quotes: Sequence[Quote],
        published: str | None,
        candidates: Iterable[int],
        unnamed: bool = False,
        setting: Callable[[], str | None] | None = None,
    ) -> list[Event] | SentenceDrafts:
        """The sentence's events by the rules; with the learned head, what the rules
        decided, for the head to revise (``EventHead.revise_many``).  ``unnamed``: the
        sentence names no actor; only its acts news tells without their doer
        (``lexicon.told_without_doer``) are coded, by the
        rules alone (the head learned from sentences that name one).  ``setting`` gives the
        country the article is set in (``_setting``), for a sentence that names none."""
        matched = {}
        doc = span.doc
        candidates = list(candidates)
        for i in candidates:
            found = match(doc[i], self.lexicon, roles)
            if found is not None and (not unnamed or told_without_doer(*_kind(found[0]))):
                matched[i] = found
        if unnamed and not matched:
            return []
        drafts: dict[int, Draft] = {}
        # "according to X" reports every act of the sentence
        according = according_to_in(span) if "according" in sentence.text.lower() else None
        sole = self._sole_country(span, roles, setting) if matched else None
        for i, (trigger, kind) in matched.items():
            tok = span.doc[i]
            if kind == "verb" and not_an_act(tok, matched, self.light, self.judging, self.speech):
                continue
            draft = self._draft(tok, trigger, kind, span, roles, quotes, according, sole,
                                unnamed)  # fmt: skip
            if draft is not None:
                drafts[i] = draft
        stages = cues(span, self.obligations)
        speaker = lambda t: self._speaker(t, roles, quotes, according)  # noqa: E731
        if "demands" in stages:  # "Iran must stop", "Israel has to withdraw" (obligation.py)
            demands(span, self.obligations, roles, speaker, drafts)
        if matched and "unexcluded" in stages:  # "did not rule out strikes": kept open
            unexcluded(span, matched, roles, speaker, drafts, self.lexicon)
        if "penalties" in stages:  # "said Manila would face consequences": a threat
            penalties(span, roles, speaker, drafts, self.lexicon)
        fold(drafts, self.lexicon, self.light)
        seen: set[tuple[Any, ...]] = set()
        dates = SentenceDates(sentence.text, published)
        out: list[Event] = []
        kept = [d for d in drafts.values() if not d.folded]
        if self.keep_embedded:  # also the folded acts, each marked as not (yet) real
            kept += [replace(d, hypothetical=True) for d in drafts.values() if d.folded]
        if unnamed:  # a convention may have retyped an act (a threat, a promise)
            kept = [d for d in kept if told_without_doer(d.type, d.cameo, d.mode)]
        elif self.head is not None:  # the learned head keeps, retypes, drops, adds (events/head)
            return SentenceDrafts(sentence, span, roles, quotes, according, dates, matched, drafts,
                                  prune(kept))  # fmt: skip
        kept = prune(kept)
        acts = {d.tok.i for d in kept}
        for draft in kept:
            key = (
                draft.type,
                _codes(draft.source),
                _codes(draft.target),
                draft.negated,
                draft.hypothetical,
            )
            if key not in seen:
                seen.add(key)
                out.append(self._event(draft, sentence, dates, acts=acts))
        return out

    # ------------------------------------------------------------------ one trigger
    def _speaker(
        self, tok: Token, roles: Roles, quotes: Sequence[Quote], according: Token | None
    ) -> tuple[bool, Actor | None]:
        for quote in quotes:
            if quote.start <= tok.idx < quote.end:
                return True, quote.speaker
        head = speech_head(tok, self.speech)
        if head is not None:
            found = roles.subject(head)
            return True, found[0] if found else None
        if according is not None:
            found = roles.phrase(according)
            return True, found[0] if found else None
        return False, None

    def not_an_event(self, tok: Token, trigger: Trigger, kind: str, roles: Roles) -> bool:
        """The word names no event whoever does it: a condition, an opinion, a question,
        a forecast, a topic, a stance, a meeting of no parties (checked before the parties
        are read; the head's actorless adds are held to it too)."""
        if not self.keep_embedded and conditional(tok, self.conditions):
            return True  # "unless Israel releases the detainees": a condition, not an act
        if opinion(tok):
            return True  # "thinks the EU should impose sanctions": an opinion, not an act
        if kind == "verb" and trigger.type == "REQUEST" and asked_about(tok):
            return True  # "asked the spokesman about the talks": a question, not an appeal
        if kind == "verb" and trigger.type == "REQUEST" and prenominal(tok):
            return True  # "a court-ordered stay": what the stay is, no demand made of anyone
        if in_question(tok):
            return True  # "did not say when the talks would resume": an open question
        if predicted(tok):
            return True  # "is expected to meet", "are likely to sign": the writer's forecast
        if forecast_adverb(tok):
            return True  # "will likely ask", "would probably veto": a forecast too
        if kind == "verb" and trigger.type == "MOBILIZE" and standing(tok):
            return True  # "troops are stationed in the north": where a force stands
        spoken = self.topic_verbs if trigger.type in COOPERATION_TYPES else frozenset()
        named = lambda: bool(own_doer(tok, roles))  # noqa: E731
        if kind == "noun" and circumstance(tok, self.topics, spoken, named):
            return True  # "during his visit", "a precondition for talks": time or topic
        if kind == "noun" and trigger.type == "SUPPORT" and popular_standing(tok):
            return True  # "the government's support among voters fell": popularity
        if kind == "verb" and trigger.type in ("AGREE", "CONCEDE") and granted_fact(tok):
            return True  # "conceded that unemployment had risen": a fact granted, said
        if kind == "verb" and trigger.type in STANCE_TYPES and habitual(tok):
            # "has always supported Ukraine": what the actor is, not news (a supply kept
            # up for long, "has long supplied arms", is still a material act)
            return True
        if kind == "verb" and present_habit(tok):
            return True  # "the court usually rejects such appeals": a routine, not news
        if kind == "noun" and trigger.type in DESCRIBING_TYPES and furthered(tok, roles.by_token):
            return True  # "the visit will boost cooperation": what a thing may bring about
        if kind == "noun" and trigger.type == "AGREE" and cited(tok):
            return True  # "the pullout laid down in the accord": its terms, cited
        if no_meeting(tok, trigger, kind, roles):
            return True  # "the board met", "tourists visited", "welcomed guests"
        if kind == "noun" and judged_relation(tok, trigger.type):
            return True  # "cooperation with Oslo has been good": a relation judged
        if kind == "noun" and not_a_meeting(tok):
            return True  # "a cabinet meeting", "spoke at the summit": no meeting of parties
        if kind == "verb" and natural_doer(tok, self.hazards):
            return True  # "floods destroyed homes", "the tsunami that killed": nature's harm
        if kind == "verb" and sports_dealing(tok, trigger.type, roles, self.sports):
            return True  # "signed the Brazilian winger": a team's business
        if kind == "verb" and hazard_warning(tok, trigger.type, self.hazards):
            return True  # "warned of more aftershocks": a forecast of nature
        if kind == "verb" and arrival(tok, self.arrivals):
            return True  # "checked into a clinic", "pulled up to the gate": a coming
        if kind == "verb" and trigger.type == "COERCE" and recorded(tok, self.recordings):
            return True  # "the attack was captured on video": filmed, no one seized
        if kind == "verb" and trigger.type == "ASSAULT" and accident(tok, self.words):
            return True  # "a van struck a cyclist", "crashed, killing 60": a mishap
        if trigger.type == "ASSAULT" and kind == "verb" and against_nature(tok, self.hazards):
            return True  # "firefighters attacked the blaze": putting it out
        if trigger.type == "ASSAULT" and kind == "verb" and mishap_harm(tok, self.mishaps):
            return True  # "was injured when a wall fell in the storm": no one's act
        if trigger.cameo == ALERT and any(t.lemma_.lower() in self.hazards for t in tok.subtree):
            # "put on alert after the earthquake", "raised its tsunami alert": readiness
            # for nature, no military or police move (forces sent to fight a disaster
            # help: conventions.py)
            return True
        if kind == "verb" and any(c.dep_ == "dobj" and sympathy(c) for c in tok.children):
            return True  # "expressed concern for his health": sympathy, a statement
        if kind == "noun" and used_weapon(tok, self.words):
            return True  # "rockets fired by Syria struck": the firing verb tells the act
        # "parliament will debate the budget": one body's business
        return kind == "verb" and deliberated(tok, self.words)

    def _draft(
        self,
        tok: Token,
        trigger: Trigger,
        kind: str,
        span: Span,
        roles: Roles,
        quotes: Sequence[Quote],
        according: Token | None,
        sole: str | None = None,
        nameless: bool = False,
    ) -> Draft | None:
        """The act ``tok`` tells, its parties read off the sentence; None when it is no
        act.  ``nameless``: the sentence names no actor, and a noun act is kept when it
        is told as done or undergone (``told_done``)."""
        if self.not_an_event(tok, trigger, kind, roles):
            return None
        done = nameless and kind == "noun" and told_done(tok, self.occurring, self.light)
        reported, speaker = self._speaker(tok, roles, quotes, according)
        args = arguments(tok, trigger, kind, roles, speaker, self.light, self._lookup, self.judging)
        source = dedupe(args.source)
        if not source and kind == "verb" and (weigher := weighing(tok, self.options)) is not None:
            # "Austria is considering the option of sending experts": Austria's act
            source = dedupe(roles.subject(weigher))
        if not source and kind == "verb":
            # "musicians lifted the boycott", "the men who stormed the consulate": a kind
            # of actor, no code
            kind_of = generic_subject(tok, roles, self.people, self.agent_endings)
            force = PLOVER_TYPES[trigger.type] == MATERIAL_CONFLICT
            kind_of = kind_of or generic_antecedent(tok, roles, self.people, self.agent_endings,
                                                    force)  # fmt: skip
            source = [kind_of] if kind_of is not None else source
        if not source and kind == "noun":
            # "hundreds of dockworkers took part in a strike": the doing verb's kind of actor
            kind_of = generic_doer(tok, roles, self.light, self.others_acts, self.people,
                                   self.agent_endings)  # fmt: skip
            source = [kind_of] if kind_of is not None else source
        if not source and not (
            agentless(tok, kind, args.target, self.light, self.series, self.agentless_marks)
            or (trigger.type in PEOPLE_ACTS and reduced_act(tok) and tok.head.i in roles.by_token)
            # "after protests calling for his removal": people protest where they live
            or (trigger.type == "PROTEST" and kind == "noun" and told_act(tok))
            or done
        ):
            return None
        target = dedupe(args.target) if args.domestic else without(dedupe(args.target), source)
        if kind == "noun" and not target and counted_act(tok, self.series):
            # "a series of explosions struck the country": what the series hit
            target = subject_noun_target(tok.head.head, trigger, roles, source)
        location = self.places.location(span, tok)
        if not target and trigger.type.lower() in self.located:
            # an act aimed at a territory: the country of the place it happened in
            target = location_target(tok, roles, source, self.location_preps)
        if location is not None:
            source, target = placed(
                source, target, trigger.type, location, self.located, self.non_state
            )
        if not target:  # "provided aid to support Palestinian refugees"
            target = roles.purpose(tok, source)
        if not target and trigger.type == "PROTEST":
            target = protest_target(tok, roles, source)
        unless = unless_clause(tok)
        if unless is not None and not target:
            # "will withdraw unless Israel releases ...": the condition's subject
            target = without(roles.subject(unless), source)
        unnamed = None if target else patient(tok, trigger, kind, roles, self.lexicon.triggers)
        if unnamed is not None:
            target = [unnamed]
        context = (location.country if location is not None else None, sole,
                   trigger.type in DOMESTIC_TYPES, trigger.type == "MOBILIZE", self.non_state)  # fmt: skip
        source, target = in_context(source, target, *context)
        target = [a for a in target if a.code is not None or a.country is not None]
        named = bool(source or target)  # parties the sentence gives the act, before linking
        if self.linker is not None:  # fills or re-ranks the recipients (events/linker.py)
            source, target = self.linker.link(tok, trigger.type, kind, span, roles, source, target,
                                              speaker)  # fmt: skip
            source, target = in_context(source, target, *context)  # the parties it chose
        country = location.country if location is not None else sole
        if not source and trigger.type == "PROTEST" and country:
            # "as protests continued": people protest where they live (ANNOTATION.md)
            source = [Actor(text=tok.text, code=country, country=country)]
        if trigger.type == "CONSULT" and trigger.lemma in JOURNEYS and not envoys(source):
            return None  # "refugees travelled to Germany": a journey, not a state visit
        if trigger.type in DESCRIBING_TYPES and hosted_before(tok, kind):
            return None  # "the town, which had hosted peace talks": what the place is
        if tok.dep_ == "relcl" and trigger.type in DESCRIBING_TYPES:
            return None  # "Iran, which backs Hezbollah, ...": what the actor is (ANNOTATION.md)
        if tok.dep_ == "relcl" and trigger.type == "AGREE" and tok.head.i not in roles.by_token:
            return None  # "the deal, which Nepal agreed to in 2019": what the deal is
        if (
            kind == "noun"
            and not source
            and not named
            and not done
            and not struck(tok, self.series)
            and not hit_something(tok, trigger.type)
        ):
            # "the truce would hold", "shelling resumed": no one acts (a recipient the
            # linker guesses for an act no one does makes no party of the sentence)
            return None
        mood = modality(tok, self.words, self.speech, reported)
        coded = convention(tok, trigger, kind, mood, source, target, unless is not None,
                           reported, self.lexicon)  # fmt: skip
        return Draft(tok, trigger, kind, source, target, args.own, coded.type, coded.cameo,
                     coded.mode, coded.negated, coded.hypothetical, reported, speaker,
                     location)  # fmt: skip

    def _sole_country(
        self, span: Span, roles: Roles, setting: Callable[[], str | None] | None = None
    ) -> str | None:
        """The one country a sentence names (actors and places), or None; what ``setting``
        gives (the article's country) when it names none ("Police arrested a man" in a story
        set in Bloomington: the police are the USA's)."""
        countries: set[str] = set()
        for i in range(span.start, span.end):
            actor = roles.by_token.get(i)
            if actor is not None and actor.country:
                countries.add(actor.country)
        for ent in span_ents(span):
            if ent.label_ in ("GPE", "LOC") and not any(roles.by_token.get(t.i) for t in ent):
                country = self.places.place_country(ent.text)
                if country:
                    countries.add(country)
        if not countries:
            return setting() if setting is not None else None
        return countries.pop() if len(countries) == 1 else None

    def _setting(self, doc: Doc, roles: Roles) -> str | None:
        """The country an article is set in: the country of at least ``SETTING_SHARE`` of
        the named actors and places of all its sentences (each entity once), at least two
        of them; None when the article is about several (a war between two states)."""
        countries: Counter[str] = Counter()
        for ent in doc.ents:
            actor = next((a for t in ent if (a := roles.by_token.get(t.i)) is not None), None)
            if actor is not None:
                country = actor.country
            elif ent.label_ in ("GPE", "LOC"):
                country = self.places.place_country(ent.text)
            else:
                continue
            if country:
                countries[country] += 1
        if not countries:
            return None
        top, n = countries.most_common(1)[0]
        return top if n >= 2 and n >= SETTING_SHARE * sum(countries.values()) else None

    def _event(
        self,
        draft: Draft,
        sentence: Sentence,
        dates: SentenceDates,
        belief: float | None = None,
        acts: Collection[int] = (),
    ) -> Event:
        """The event of ``draft``; its confidence ``belief`` when given (the head's),
        else read off the draft.  ``acts``: the trigger tokens of the sentence's events;
        an act that one of them holds ("rejected accusations that ...", "ordered the
        closure of the camps") is a part of that act's news, less sure to be the sentence's own
        than the act that holds it."""
        code = self.lexicon.cameo[draft.cameo]
        under = nested(draft.tok, acts)
        if belief is None:
            belief = rule_confidence(draft, self.light, self.background)
        confidence = belief - (NESTED if under else 0.0)
        date, precision = dates.at(draft.tok.idx - sentence.start)
        location, located = self.places.where(draft)
        return Event(
            type=draft.type,
            mode=draft.mode,
            context=code.context,
            cameo=draft.cameo,
            quad_class=PLOVER_TYPES[draft.type],
            intensity=self.lexicon.score(draft.type, draft.mode),
            source=tuple(draft.source),
            target=tuple(draft.target),
            evidence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            sentence_index=sentence.index,
            trigger=_surface(draft.tok),
            negated=draft.negated,
            hypothetical=draft.hypothetical,
            reported=draft.reported,
            speaker=draft.speaker,
            location=location,
            date=date,
            date_precision=precision,  # type: ignore[arg-type]
            confidence=round(max(0.05, min(0.95, confidence)), 2),
            location_source=located,  # type: ignore[arg-type]
        )


def _sentences_with(tokens: Iterable[int], spans: Sequence[Span]) -> set[int]:
    """The numbers of the sentences in ``spans`` that hold one of ``tokens``."""
    starts = [s.start for s in spans]
    out: set[int] = set()
    for i in tokens:
        n = bisect_right(starts, i) - 1
        if n >= 0 and i < spans[n].end:
            out.add(n)
    return out


def _kind(trigger: Trigger) -> tuple[str, str, str | None]:
    """A trigger's type, CAMEO code and mode (``told_without_doer``'s arguments)."""
    return trigger.type, trigger.cameo, trigger.mode


def _codes(actors: Sequence[Actor]) -> tuple[str | None, ...]:
    return tuple(sorted((a.code or a.text.lower()) for a in actors))


def _surface(tok: Token) -> str:
    """The trigger with its particle ("called for", "shot down")."""
    parts = [tok] + [c for c in tok.children if c.dep_ == "prt"]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))
