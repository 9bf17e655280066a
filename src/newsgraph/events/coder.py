"""Article body -> ``Coding``: sentences, actor mentions, PLOVER events and quotes.

The coder parses with the one cached spaCy pipeline, asks the actor resolver for
mentions, then visits only sentences that name an actor: each token is looked up
in the trigger lexicon, and for a trigger the actors and recipients are read off
the dependency tree (``roles``), its reality off its modifiers (``modality``).

The ``parse`` setting chooses how much is parsed: ``"full"`` (the default) runs the
whole model on every sentence; ``"selective"`` only on the sentences that may hold an
event or a quoted speaker (``parse.py``).  ``make bench`` measures both.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from ..actors.matching import token_key
from ..errors import ConfigError
from ..nlp import cached_ents, load_nlp, sentence_records, span_ents
from ..records import Actor, Coding, Event, Mention, Place, Quote, Sentence
from ..settings import Settings
from .arguments import arguments, passive_act, subject_noun_target, undergoing
from .embed import PEOPLE_ACTS, Draft, fold, prune, reduced_act
from .head import EventHead, SentenceDrafts, load_head
from .implied import denied, peacekeeping
from .lexicon import PLOVER_TYPES, Lexicon, Trigger, load_lexicon
from .linker import Linker, load_linker
from .match import match, verb_stems
from .modality import (
    according_to_in,
    announced,
    announced_with_would,
    asked_about,
    background,
    circumstance,
    cited,
    conditional,
    furthered,
    habitual,
    in_question,
    modality,
    not_a_meeting,
    opinion,
    predicted,
    speech_head,
    standing,
    told_act,
    unless_clause,
    would_do,
)
from .obligation import demands
from .parse import PARSED, Recaser, SelectiveParser, common_words
from .placing import in_context, location_target, patient, placed, protest_target
from .quotes import find_quotes, first_person
from .roles import Roles, dedupe, in_words, without
from .when import SentenceDates

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PARSE_MODES = ("selective", "full")
DEFAULT_PARSE = "full"
AGENTLESS_NOUN = frozenset({"nsubj", "ROOT", "attr"})
# acts a state mostly does to its own people: an unnamed party shares the other's country
DOMESTIC_TYPES = frozenset({"COERCE", "RETREAT", "CONCEDE", "SANCTION", "ACCUSE", "PROTEST",
                            "REJECT", "REQUEST", "SUPPORT", "ASSAULT"})  # fmt: skip
# nouns that count acts ("a series of explosions", "a wave of arrests", "a spate of attacks")
SERIES = frozenset({"series", "wave", "spate", "string", "round", "flurry", "rash", "spree",
                    "succession", "chain", "volley", "salvo", "hail", "cycle", "surge", "number"})  # fmt: skip
# endings of plural agent nouns ("musicians", "activists", "farmers", "protesters")
AGENT_ENDINGS = ("ist", "ian", "er", "or", "ant")
AGENTLESS_MARKS = frozenset({"if", "until", "unless", "once", "till", "before", "whether"})
CONDITION_MARKS = frozenset({"if", "unless", "until", "till", "whether", "lest"})
INTENT_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
# cooperation told in a relative clause on an actor describes the actor, not the news
DESCRIBING_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
# purposes that make a deployment help (CAMEO 074): "sent troops to help", "to protect
# civilians", "to rescue the survivors"; "to keep the peace", "to monitor the ceasefire"
PURPOSES = frozenset({"advcl", "xcomp"})
HELPING = frozenset({"help", "assist", "aid", "protect", "rescue", "evacuate", "rebuild",
                     "reconstruct", "shelter", "feed", "treat", "save"})  # fmt: skip
KEEPING = frozenset({"keep", "maintain", "monitor", "oversee", "supervise", "observe", "police",
                     "enforce", "guarantee", "verify"})  # fmt: skip
PEACE = frozenset({"peace", "ceasefire", "cease-fire", "truce", "armistice", "accord",
                   "agreement", "deal", "settlement"})  # fmt: skip
CAPTIVES = frozenset({"hostage", "captive", "kidnap", "abductee"})
# a deployment to guard a frontier or to fight is a show or use of force, whatever it helps
FRONTIERS = frozenset({"border", "frontier", "territory", "airspace", "sovereignty", "coast",
                       "coastline", "waters", "boundary"})  # fmt: skip
FIGHTING = frozenset({"fight", "attack", "combat", "battle", "defeat", "crush", "repel", "strike",
                      "destroy", "counter", "confront", "push", "retake", "recapture", "quell",
                      "suppress", "guard"})  # fmt: skip
# verbs that tell an act's own course ("the visit will take place", "talks will resume")
OCCURRING = frozenset({"take", "happen", "occur", "begin", "start", "come", "go", "be", "hold",
                       "proceed", "resume", "continue", "last", "open", "end", "follow",
                       "focus", "include", "involve", "cover", "see", "run", "close",
                       "conclude", "finish", "mark", "coincide"})  # fmt: skip
# verbs of warning: against an act, addressed to no one, an appeal (``cautions``)
CAUTIONING = frozenset({"warn", "caution"})
CONSEQUENCE = frozenset({"would", "will", "'ll", "'d", "consequence", "consequences"})
# an order that shuts down or drives out those under it (``enforced``)
ORDERS = frozenset({"order"})
# what the order makes them do -> CAMEO: shut down (172 restrictions), leave (174
# expulsion), disperse (170)
ENFORCED = {"stop": "172", "halt": "172", "suspend": "172", "cease": "172", "close": "172",
            "shut": "172", "disband": "172", "dissolve": "172", "end": "172",
            "discontinue": "172", "leave": "174", "vacate": "174", "evacuate": "174",
            "quit": "174", "abandon": "174", "disperse": "170"}  # fmt: skip
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
STATE_NOUNS = frozenset({"government", "state", "country", "nation", "army", "military", "troop",
                         "force", "soldier", "police", "official", "diplomat", "envoy",
                         "ambassador", "ministry", "minister", "authority", "administration",
                         "court", "parliament", "regime", "unit", "navy", "embassy"})  # fmt: skip
# "is set to", "is poised to", "is scheduled to": an act to come (``scheduled``)
SCHEDULED = frozenset({"set", "poise", "poised", "slate", "slated", "schedule", "scheduled",
                       "due", "about"})  # fmt: skip
BEING = frozenset({"is", "are", "was", "were", "be", "'s", "'re", "been"})
# yielding acts a decision takes ("has decided to lift the sanctions"): done, not promised
DECIDED_TYPES = frozenset({"RETREAT", "CONCEDE"})
DECIDE = "decide"
TAKEN_AUX = frozenset({"has", "have", "had", "'s", "'ve"})  # "has decided": taken
# what an act that another act of its sentence holds loses in confidence (``Coder._event``)
NESTED = 0.1
COOPERATION_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
# verbal cooperation that, told as a habit, is a stance ("has always supported")
STANCE_TYPES = frozenset({"CONSULT", "SUPPORT"})
EXERCISES = frozenset({"exercise", "drill", "game", "maneuver", "manoeuvre", "wargame"})


class Resolver(Protocol):
    def mentions(self, doc: Doc, published: str | None = None) -> list[Mention]: ...


def _default_resolver() -> Resolver:
    from ..actors import ActorResolver

    resolver: Resolver = ActorResolver()
    return resolver


def _gazetteer() -> Any:
    try:
        from ..geo import default_gazetteer
    except ImportError:
        return None
    return default_gazetteer()


def _locator() -> Callable[..., Any] | None:
    try:
        from ..geo import event_location
    except ImportError:
        return None
    return event_location


class _Places:
    """The geo stage for one coder: every toponym of an article found once
    (``geo.records.toponyms``), and each event's place from its clause, its sentence
    or the article (``geo.locate_event``).  It decides only where an event happened:
    the actors are read as before, from the clause's place alone (``Coder._location``).
    """

    def __init__(self) -> None:
        from ..geo import locate_event
        from ..geo.records import as_records, toponyms

        self.find, self.records, self.locate = toponyms, as_records, locate_event
        self.article: list[Any] = []  # the PlaceMentions of the article being coded

    def read(self, doc: Doc, sentences: Sequence[Sentence]) -> tuple[Any, ...]:
        try:
            self.article = self.find(doc)
        except Exception:  # a gazetteer failure must not lose the events
            self.article = []
        return tuple(self.records(self.article, [s.start for s in sentences]))

    def where(self, draft: Draft) -> tuple[Place | None, str]:
        countries = sorted({a.country for a in (*draft.source, *draft.target) if a.country})
        try:
            found = self.locate(draft.tok.sent, draft.tok, self.article, countries)
        except Exception:
            return draft.location, "clause" if draft.location is not None else "none"
        return found.place, found.source


def official(tok: Token, source: list[Actor]) -> bool:
    """The doers of ``tok`` are a state: its government, or the country named as such
    ("China protested"; not "Serbians", "Serbian students")."""
    if not source or any(a.sector not in (None, "GOV") or a.org for a in source):
        return False
    named = any(c.dep_ == "nsubj" and c.ent_type_ == "GPE" for c in tok.children)
    return named or all(a.sector == "GOV" for a in source)


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
        lookup = getattr(self.resolver, "lookup", None)
        self._lookup: Callable[[str], Actor | None] | None = lookup if callable(lookup) else None
        self._locate = _locator()
        self._gazetteer = _gazetteer()
        self._places = _Places() if self._locate is not None else None
        # the learned trigger head (events/head); head=False codes with the rules alone
        self.head: EventHead | None = (
            load_head(self.lexicon, self.speech) if head is True else head or None
        )
        # the learned argument linker (events/linker.py); linker=False: the rules' recipients
        self.linker: Linker | None = load_linker() if linker is True else linker or None
        self._selective = self._selective_parser() if self.parse == "selective" else None
        self._recase = Recaser(self.nlp, common_words(self.nlp, self.lexicon))  # headlines
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

    def _selective_parser(self) -> SelectiveParser:
        d = getattr(self.resolver, "dictionary", None)
        actor_word: Callable[[str], bool] | None = None
        actor_words = self.words.get("first_person", frozenset())
        if d is not None:  # a word where a dictionary phrase may start
            table, prefixes = d.table, d.prefixes

            def actor_word(text: str) -> bool:
                key = token_key(text)
                return key is not None and ((key,) in table or (key,) in prefixes)

            actor_words = actor_words | frozenset(d.pronouns)
        triggers: dict[str, tuple[Any, ...]] = dict(self.lexicon.triggers)
        weights = self.head.weights if self.head is not None else None
        adds = (
            weights is not None and min(weights.thresholds.get(k, 1.0) for k in ("add", "bare")) < 1
        )
        if weights is not None and weights.lemmas and adds:
            # a word the learned head may add an event on makes its sentence worth a
            # parse too (an entry of None needs no cue word)
            for lemma in weights.lemmas:
                triggers.setdefault(lemma, (None,))
        return SelectiveParser(self.nlp, triggers, self.speech, actor_word,
                               actor_words)  # fmt: skip

    # ------------------------------------------------------------------ one doc
    def code_doc(self, doc: Doc, published: str | None = None) -> Coding:
        with cached_ents(doc):  # several stages read the entities of each sentence
            return self._code_doc(doc, published)

    def _code_doc(self, doc: Doc, published: str | None) -> Coding:
        spans, records = sentence_records(doc)
        sentences = tuple(records)
        places = self._places.read(doc, sentences) if self._places is not None else ()
        mentions = tuple(self.resolver.mentions(doc, published))
        roles = Roles(
            doc,
            mentions,
            self.words.get("relative_pronouns", frozenset()),
            speech=self.speech,
            people=self.words.get("people_nouns", frozenset()),
            place_country=self._place_country,
            documents=self.words.get("documents", frozenset()),
        )
        quotes = find_quotes(doc, spans, roles, self.speech)
        roles.by_token.update(
            {i: a for i, a in first_person(doc, quotes, self.words.get("first_person", frozenset())).items()
             if i not in roles.by_token}
        )  # fmt: skip
        events: list[Event] = []
        parsed = doc.user_data.get(PARSED)  # None: every sentence was parsed
        named = _sentences_with(roles.by_token, spans)
        triggers = self._trigger_words(doc)
        told: list[SentenceDrafts] = []  # for the head: all the doc's sentences at once
        for n, (sentence, span) in enumerate(zip(sentences, spans, strict=True)):
            if n not in named or (parsed is not None and span.start not in parsed):
                continue
            words = [i for i in range(span.start, span.end) if i in triggers]
            coded = self._code_sentence(sentence, span, roles, quotes, published, words)
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
    ) -> list[Event] | SentenceDrafts:
        """The sentence's events by the rules; with the learned head, what the rules
        decided, for the head to revise (``EventHead.revise_many``)."""
        matched = {}
        doc = span.doc
        candidates = list(candidates)
        for i in candidates:
            found = match(doc[i], self.lexicon, roles)
            if found is not None:
                matched[i] = found
        drafts: dict[int, Draft] = {}
        # "according to X" reports every act of the sentence
        according = according_to_in(span) if "according" in sentence.text.lower() else None
        sole = self._sole_country(span, roles) if matched else None
        for i, (trigger, kind) in matched.items():
            tok = span.doc[i]
            if kind == "verb" and self._not_an_act(tok, matched):
                continue
            draft = self._draft(tok, trigger, kind, span, roles, quotes, according, sole)
            if draft is not None:
                drafts[i] = draft
        if any(doc[i].lower_ in self.obligations for i in candidates):
            speaker = lambda t: self._speaker(t, roles, quotes, according)  # noqa: E731
            demands(span, self.obligations, roles, speaker, drafts)
        fold(drafts, self.lexicon, self.light)
        seen: set[tuple[Any, ...]] = set()
        dates = SentenceDates(sentence.text, published)
        out: list[Event] = []
        kept = [d for d in drafts.values() if not d.folded]
        if self.keep_embedded:  # also the folded acts, each marked as not (yet) real
            kept += [replace(d, hypothetical=True) for d in drafts.values() if d.folded]
        if self.head is not None:  # the learned head keeps, retypes, drops, adds (events/head)
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

    def _trigger_words(self, doc: Doc) -> set[int]:
        """The tokens whose lemma or lower-case form is in the trigger lexicon, or
        whose form's verb stems are (the only ones ``match`` can fire on), looked up
        once per distinct form."""
        from spacy.attrs import LEMMA, LOWER

        known, strings, triggers = self._trigger_ids, doc.vocab.strings, self.lexicon.triggers
        out: set[int] = set()
        for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
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
        return out

    def _not_an_act(self, tok: Token, matched: dict[int, tuple[Trigger, str]]) -> bool:
        """A light verb whose object names the act ("ordered strikes"), a verb that
        judges ("considers it unacceptable"), or a speech verb reporting another
        actor's act ("US officials warned Iran could ...")."""
        lemma = tok.lemma_.lower()
        addressed = any(c.dep_ in ("dobj", "dative") for c in tok.children)
        if lemma in self.judging and any(
            c.dep_ == "oprd" or (c.pos_ == "ADJ" and c.dep_ in ("ccomp", "xcomp"))
            for c in tok.children
        ):
            return True  # "considers the veto unacceptable": a judgement, coded on the adjective
        for child in tok.children:
            if (
                in_words(tok, self.light)
                and child.dep_ == "dobj"
                and matched.get(child.i, (None, ""))[1] == "noun"
            ):
                return True
            if (
                lemma in self.speech
                and not addressed
                and child.dep_ == "ccomp"
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            ):
                return True
        return False

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
    ) -> Draft | None:
        if not self.keep_embedded and conditional(tok, CONDITION_MARKS):
            return None  # "unless Israel releases the detainees": a condition, not an act
        if opinion(tok):
            return None  # "thinks the EU should impose sanctions": an opinion, not an act
        if kind == "verb" and trigger.type == "REQUEST" and asked_about(tok):
            return None  # "asked the spokesman about the talks": a question, not an appeal
        if in_question(tok):
            return None  # "did not say when the talks would resume": an open question
        if predicted(tok):
            return None  # "is expected to meet", "are likely to sign": the writer's forecast
        if kind == "verb" and trigger.type == "MOBILIZE" and standing(tok):
            return None  # "troops are stationed in the north": where a force stands
        spoken = self.topic_verbs if trigger.type in COOPERATION_TYPES else frozenset()
        if kind == "noun" and circumstance(tok, self.topics, spoken):
            return None  # "during his visit", "a precondition for talks": time or topic
        if kind == "verb" and trigger.type in STANCE_TYPES and habitual(tok):
            # "has always supported Ukraine": what the actor is, not news (a supply kept
            # up for long, "has long supplied arms", is still a material act)
            return None
        if kind == "noun" and trigger.type in DESCRIBING_TYPES and furthered(tok, roles.by_token):
            return None  # "the visit will boost cooperation": what a thing may bring about
        if kind == "noun" and trigger.type == "AGREE" and cited(tok):
            return None  # "the pullout laid down in the accord": its terms, cited
        if kind == "noun" and not_a_meeting(tok):
            return None  # "a cabinet meeting", "spoke at the summit": no meeting of parties
        reported, speaker = self._speaker(tok, roles, quotes, according)
        args = arguments(tok, trigger, kind, roles, speaker, self.light, self._lookup, self.judging)
        source = dedupe(args.source)
        if not source and kind == "verb" and (weigher := weighing(tok, self.options)) is not None:
            # "Austria is considering the option of sending experts": Austria's act
            source = dedupe(roles.subject(weigher))
        if not source and kind == "verb" and (kind_of := generic_subject(tok, roles, self.people)):
            source = [kind_of]  # "musicians lifted the boycott": a kind of actor, no code
        if not source and not (
            self._agentless(tok, kind, args.target)
            or (trigger.type in PEOPLE_ACTS and reduced_act(tok) and tok.head.i in roles.by_token)
            # "after protests calling for his removal": people protest where they live
            or (trigger.type == "PROTEST" and kind == "noun" and told_act(tok))
        ):
            return None
        target = dedupe(args.target) if args.domestic else without(dedupe(args.target), source)
        if kind == "noun" and not target and counted_act(tok):
            # "a series of explosions struck the country": what the series hit
            target = subject_noun_target(tok.head.head, trigger, roles, source)
        location = self._location(span, tok)
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
        if tok.dep_ == "relcl" and trigger.type in DESCRIBING_TYPES:
            return None  # "Iran, which backs Hezbollah, ...": what the actor is (ANNOTATION.md)
        if tok.dep_ == "relcl" and trigger.type == "AGREE" and tok.head.i not in roles.by_token:
            return None  # "the deal, which Nepal agreed to in 2019": what the deal is
        if kind == "noun" and not source and not named and not struck(tok):
            # "the truce would hold", "shelling resumed": no one acts (a recipient the
            # linker guesses for an act no one does makes no party of the sentence)
            return None
        mood = modality(tok, self.words, self.speech, reported)
        if trigger.type == "ACCUSE" and kind == "noun" and denied(tok):
            mood = replace(mood, negated=False, refused=False)  # denied, but made
        type_, cameo, mode = trigger.type, trigger.cameo, trigger.mode
        if type_ == "MOBILIZE" and (
            peacekeeping(tok, self.words.get("peace_missions", frozenset())) or helping(tok)
        ):
            type_, cameo, mode = "AID", "074", self.lexicon.cameo["074"].mode  # peacekeepers sent
        elif type_ == "MOBILIZE" and trigger.lemma in EXERCISES and joint(source):
            # "Germany, Italy and the US took part in war games": joint exercises between
            # allies are COOPERATE (ANNOTATION.md), a show of force by one is MOBILIZE
            type_, cameo, mode = "COOPERATE", "062", self.lexicon.cameo["062"].mode
        elif type_ == "REQUEST" and trigger.lemma in ORDERS and (code := enforced(tok, target)):
            # "ordered the broadcasters to go off the air", "ordered residents to
            # leave": an order that shuts down or drives out those under it is a
            # restriction or an expulsion (COERCE 172, 174), not a demand
            type_, cameo, mode = "COERCE", code, self.lexicon.cameo[code].mode
        elif type_ == "THREATEN" and kind == "verb" and cautions(tok):
            # "the minister warned against any escalation": a call not to, addressed to no
            # one and with no consequence named, is an appeal (REQUEST), not a threat
            type_, cameo, mode = "REQUEST", "100", self.lexicon.cameo["100"].mode
        elif type_ == "PROTEST" and trigger.lemma == "protest" and official(tok, source):
            # "China protested against the policy": a state complains officially (CAMEO
            # 114, ACCUSE); PROTEST is demonstrations by civilians (ANNOTATION.md)
            type_, cameo, mode = "ACCUSE", "114", self.lexicon.cameo["114"].mode
        if mood.intended and not mood.negated and type_ in DECIDED_TYPES and decided(tok):
            # "has decided to lift the ban": a decision taken is the act (ANNOTATION.md
            # keeps AGREE for promises and stated intents: "agreed to", "will release")
            mood = replace(mood, intended=False, future=False)
        elif not mood.negated and scheduled(tok):  # "is set to release": to come
            mood = replace(mood, intended=True, future=True)
        elif causing(tok):  # "the visit will boost trade": the future is the effect's
            possible = self.words.get("hypothetical_modifiers", frozenset())
            flagged = any(c.dep_ == "amod" and c.lemma_.lower() in possible for c in tok.children)
            mood = replace(mood, intended=False, future=False, hypothetical=flagged)
        negated, hypothetical = mood.negated, mood.hypothetical
        if kind == "pred" and PLOVER_TYPES[type_] == 3:
            hypothetical = False  # the evaluation is made now, whatever it evaluates
        elif (
            type_ in INTENT_TYPES
            and not mood.negated
            and (mood.intended or would_do(tok))
            and not causing(tok)
        ):
            cameo = self.lexicon.future_agree.get(cameo) or self.lexicon.future_agree.get(
                type_, "030"
            )
            type_, mode = "AGREE", None
        else:
            threat = mood.hypothetical and not reported and announced_with_would(tok)
            coded = announced(type_, cameo, mood, threat, unless is not None, trigger.lemma)
            type_, cameo, negated, hypothetical = (
                coded.type, coded.cameo, coded.negated, coded.hypothetical
            )  # fmt: skip
            if coded.retyped:
                mode = self.lexicon.cameo[cameo].mode if cameo in self.lexicon.cameo else None
        return Draft(tok, trigger, kind, source, target, args.own, type_, cameo, mode,
                     negated, hypothetical, reported, speaker, location)  # fmt: skip

    def _sole_country(self, span: Span, roles: Roles) -> str | None:
        """The one country a sentence names (actors and places), or None."""
        countries: set[str] = set()
        for i in range(span.start, span.end):
            actor = roles.by_token.get(i)
            if actor is not None and actor.country:
                countries.add(actor.country)
        for ent in span_ents(span):
            if ent.label_ in ("GPE", "LOC") and not any(roles.by_token.get(t.i) for t in ent):
                country = self._place_country(ent.text)
                if country:
                    countries.add(country)
        return countries.pop() if len(countries) == 1 else None

    def _agentless(self, tok: Token, kind: str, target: list[Actor]) -> bool:
        """An act whose doer is not named: keep it with an unknown actor."""
        if kind == "verb":
            # "was arrested", "were killed by an IED"; not background ("who was jailed")
            # nor a condition ("until aid is delivered")
            return (
                Roles.is_passive(tok)
                and tok.dep_ not in ("relcl", "acl")
                and not any(c.dep_ == "mark" and c.lower_ in AGENTLESS_MARKS for c in tok.children)
            )
        if kind == "noun":  # or an accusation that its target denies
            return (
                tok.dep_ in AGENTLESS_NOUN
                or counted_act(tok)
                or (bool(target) and denied(tok))
                or (bool(target) and undergoing(tok) is not None)  # "came under attack"
                # "the deportation of 200 migrants was carried out": a passive of doing
                or passive_act(tok, self.light) is not None
            )
        return False

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
        if belief is not None:
            confidence = belief - (NESTED if under else 0.0)
        else:
            # a noun under a doing verb ("launched an appeal") is as sure as the verb
            done = (
                draft.kind == "noun"
                and draft.tok.dep_ == "dobj"
                and in_words(draft.tok.head, self.light)
            )
            kind = "verb" if done else draft.kind
            confidence = {"verb": 0.6, "noun": 0.5, "pred": 0.45}[kind] + (
                0.15 if draft.target else 0.0
            )
            confidence -= (0.0 if draft.own or done else 0.15) + (
                0.1 if draft.hypothetical else 0.0
            )
            if background(draft.tok, self.background):  # "after Hollande accused Syria"
                confidence -= 0.1
            if under:
                confidence -= NESTED
        date, precision = dates.at(draft.tok.idx - sentence.start)
        location, located = (
            self._places.where(draft) if self._places is not None else (draft.location, "none")
        )
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

    def _place_country(self, name: str) -> str | None:
        """The country of a place name, from the gazetteer (None without one)."""
        if self._gazetteer is None:
            return None
        try:
            place = self._gazetteer.lookup(name)
        except Exception:  # a gazetteer failure must not lose the event
            return None
        return place.country if isinstance(place, Place) else None

    def _location(self, span: Span, tok: Token) -> Place | None:
        if self._locate is None:
            return None
        try:
            place = self._locate(span, tok)
        except Exception:  # a gazetteer failure must not lose the event
            return None
        return place if isinstance(place, Place) else None


def cautions(tok: Token) -> bool:
    """``tok`` warns against an act, addressed to no one: "warned against any
    escalation", "cautioned against haste" (not "warned Finland against joining",
    "warned that it would retaliate")."""
    if tok.lemma_.lower() not in CAUTIONING:
        return False
    if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in tok.children):
        return False
    if any(t.lower_ in CONSEQUENCE for t in tok.subtree):
        return False  # "warned against it, saying it would respond with force": a threat
    return any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children)


def enforced(tok: Token, ordered: Sequence[Actor]) -> str | None:
    """The CAMEO code of an order that shuts down or drives out those it is given to
    (``ENFORCED``), when they are no state ("ordered broadcasters
    to halt transmissions", "ordered the residents to leave"; not "ordered Ukraine to
    withdraw": a demand to a state)."""
    if any(a.org or a.sector in STATE_SECTORS for a in ordered):
        return None
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if not objects or objects[0].pos_ != "NOUN" or objects[0].lemma_.lower() in STATE_NOUNS:
        return None  # "ordered Ukraine", "ordered the government", "ordered its troops"
    for verb in tok.children:
        if verb.dep_ == "xcomp" and verb.pos_ == "VERB" and verb.lemma_.lower() in ENFORCED:
            return ENFORCED[verb.lemma_.lower()]
    return None


def helping(tok: Token) -> bool:
    """A deployment whose purpose is to help, protect or rescue people, or to keep a
    peace: "sent soldiers to help rebuild", "deployed police to protect the villages",
    "the deployment of observers to oversee the truce" (ANNOTATION.md: material
    help, CAMEO 074, not a show of force); not a rescue of hostages from captors, a
    military operation ("deployed troops to rescue the hostages")."""
    holders = [tok]
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "pobj"):
        holders.append(tok.head if tok.dep_ != "pobj" else tok.head.head)
    clauses = [c for h in holders for c in h.children if c.dep_ in PURPOSES]
    clauses += [t for t in tok.subtree if t.dep_ in ("acl", "relcl") and t.i > tok.i]
    return any(_helps(c) for c in clauses)


def _helps(verb: Token) -> bool:
    """An infinitive of help ("to help", "to protect civilians", "to monitor the
    ceasefire")."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    objects = {o.lemma_.lower() for o in verb.children if o.dep_ == "dobj"}
    words = {t.lemma_.lower() for t in verb.subtree}
    if words & (FRONTIERS | FIGHTING):
        return False  # "to protect its border", "to help the army fight the rebels"
    if lemma in HELPING:
        return not objects & CAPTIVES
    return lemma in KEEPING and bool(objects & PEACE)


def causing(tok: Token) -> bool:
    """An event noun told as the cause of what its verb says will follow ("the
    premier's visit will boost trade"): the verb's future is the effect's, not the
    act's; unless the verb tells the act's own course ("the visit will take place")."""
    verb = tok.head
    return (
        tok.dep_ == "nsubj"
        and tok.pos_ in ("NOUN", "PROPN")
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in OCCURRING
    )


def scheduled(tok: Token) -> bool:
    """``tok`` is an act said to be set to come: the infinitive of "is set to", "is
    poised to", "is scheduled to", "is due to", "is about to", "is to" ("Eritrea is set
    to release the fishermen": an announced act, AGREE for a yield, THREATEN for force)."""
    if tok.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head
    lemma = head.lemma_.lower()
    if lemma == "be":
        return head.dep_ == "ROOT" and not any(c.dep_ in ("acomp", "attr") for c in head.children)
    return lemma in SCHEDULED and any(c.lower_ in BEING for c in head.children)


def decided(tok: Token) -> bool:
    """``tok`` is an act its doer has decided on, the decision taken and in force: the
    complement (or a participle that spells it out) of "has decided", "have decided";
    not of "will decide", "may decide", "has not decided" ("Japan has decided to lift
    the ban", "have decided to free the prisoners, releasing the sick first")."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("xcomp", "advcl", "conj"):
            return False
        if head.lemma_.lower() == DECIDE and head.pos_ in ("VERB", "AUX"):
            return head.tag_ == "VBN" and _perfect(head)
        cur = head
    return False


def _perfect(verb: Token) -> bool:
    """``verb`` is in the present perfect, affirmative ("has decided", not "has not
    decided", "will have decided", "may have decided")."""
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    negated = any(c.dep_ == "neg" for c in verb.children)
    return bool(aux) and all(a in TAKEN_AUX for a in aux) and not negated


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


def counted_act(tok: Token) -> bool:
    """An act counted by a noun of series that stands where an agentless act noun would
    ("a series of explosions struck", "a wave of arrests followed"): the act's own place."""
    of = tok.head
    return (
        tok.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.lemma_.lower() in SERIES
        and of.head.dep_ in AGENTLESS_NOUN
    )


def struck(tok: Token) -> bool:
    """A counted act whose series hits something ("a series of explosions struck the
    country"): an act on what it hit, even when that is no named party."""
    return counted_act(tok) and any(c.dep_ == "dobj" for c in tok.head.head.head.children)


def weighing(tok: Token, options: frozenset[str]) -> Token | None:
    """The verb that weighs the act a gerund names under an option noun: "considering"
    in "is considering the possibility of providing experts"."""
    of = tok.head
    if tok.dep_ != "pcomp" or of.lower_ != "of" or of.head.lemma_.lower() not in options:
        return None
    noun = of.head
    return noun.head if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") else None


def generic_subject(tok: Token, roles: Roles, people: frozenset[str]) -> Actor | None:
    """The subject of an act that names a kind of people and no party ("anti-war groups
    called on", "musicians have lifted a boycott"): ANNOTATION.md keeps the act with the
    actor's text and a null code.  A kind of people is a noun of ``people`` or a plural
    agent noun (-ers, -ists, -ians)."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.i in roles.by_token:
        return None
    lemma = subj.lemma_.lower()
    agentive = subj.tag_ == "NNS" and lemma.endswith(AGENT_ENDINGS)
    if lemma not in people and not agentive:
        return None
    words = [t for t in subj.subtree if t.dep_ not in ("prep", "relcl", "acl", "appos")]
    return Actor(text=" ".join(t.text for t in words), code=None)


def joint(source: Sequence[Actor]) -> bool:
    """Actors of two or more states or organisations act together."""
    return len({a.country or a.code for a in source if a.country or a.code}) >= 2


def _sentences_with(tokens: Iterable[int], spans: Sequence[Span]) -> set[int]:
    """The numbers of the sentences in ``spans`` that hold one of ``tokens``."""
    starts = [s.start for s in spans]
    out: set[int] = set()
    for i in tokens:
        n = bisect_right(starts, i) - 1
        if n >= 0 and i < spans[n].end:
            out.add(n)
    return out


def _codes(actors: Sequence[Actor]) -> tuple[str | None, ...]:
    return tuple(sorted((a.code or a.text.lower()) for a in actors))


def _surface(tok: Token) -> str:
    """The trigger with its particle ("called for", "shot down")."""
    parts = [tok] + [c for c in tok.children if c.dep_ == "prt"]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))
