"""Where the rule coder loses a trigger it found: a count over the dev set's TRAIN part.

    .venv/bin/python scripts/drop_stages.py               # the count per stage
    .venv/bin/python scripts/drop_stages.py --show 20     # + 20 examples of each stage
    .venv/bin/python scripts/drop_stages.py --half A --rules   # misses of the rules alone

For each gold event of a train sentence that the shipped coder does not code with
its type, each word of the gold ``trigger`` is followed through the rule stages of
``Coder._code_sentence`` and the furthest stage it reaches with that type is
counted: the sentence names no actor; no lexicon entry of that type (the word is
not a trigger of that type: not a drop); ``form`` (the word's part of speech or arc
cannot trigger); ``constraint`` (an entry of that type exists, its particle, object,
modifier or governor constraint fails); ``other_entry`` (a more specific entry of
another type fires); ``not_an_act`` (a light verb with an event object, a judging
or speech verb); ``condition`` (the act of an if/unless clause); ``circumstance``
(an event noun naming the time or topic of the news: "during the visit", "a
precondition for talks"); ``arguments`` (no actor and not an agentless act); ``retyped`` (modality retypes it: shown with the
new type); ``folded`` (embedded in another event); ``pruned``; ``head`` (the rules
emit it, the learned head drops or retypes it); ``emitted`` (emitted by the rules on
this word, lost elsewhere, e.g. dedup).  Held-out sentences are never read.

Two stages are split finer: ``no_entry`` by the shape of the gold trigger (a word
of ``cameo_verbs.tsv`` and the type CAMEO gives it, else a light verb with an event
noun, a verb with a particle, a nominal, an adjective or participle, a verb, several
words) and ``constraint`` by the first constraint each entry of the type fails.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT.parent / "shared")
DEV = SHARED / "gold" / "plover_news_dev.jsonl"
STAGES = ("no_actor", "no_entry", "form", "constraint", "other_entry", "not_an_act",
          "condition", "circumstance", "arguments", "retyped", "folded", "pruned", "head",
          "emitted")  # fmt: skip


def _entries(coder: Any, tok: Any) -> list[Any]:
    from newsgraph.events.match import verb_stems

    lex = coder.lexicon.triggers
    keys = {tok.lemma_.lower(), tok.lower_} | set(verb_stems(tok.lower_))
    return [t for k in keys for t in lex.get(k, ()) if t.pos != "aux"]


def shape_class(tok: Any, trigger: str, coder: Any, cameo_verbs: Any) -> str:
    """What kind of wording a trigger with no entry of its type is: "cameo:TYPE" when
    CAMEO's verb table knows the word, else its shape."""
    lemma = tok.lemma_.lower()
    parts = [c.lower_ for c in tok.children if c.dep_ == "prt"] + [""]
    for particle in parts:
        row = cameo_verbs.get((lemma, particle))
        if row is not None:
            return f"cameo:{row.type or 'statement'}"
    words = trigger.split()
    if len(words) > 1 and tok.pos_ == "VERB" and lemma in coder.light:
        return "light+noun"
    if len(words) > 1 and any(c.dep_ == "prt" for c in tok.children):
        return "verb+particle"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "nominal"
    if tok.pos_ == "ADJ" or (tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl")):
        return "adjective"
    return "verb" if len(words) <= 2 else "phrase"


def argument_class(tok: Any, kind: str, roles: Any) -> str:
    """Why a draft has no actor, finer: the trigger's kind and arc, and whether the
    word it hangs on has an actor ("noun:pobj<after", "verb:acl<activists",
    "+subject" when the governing verb's subject is a known actor the rules did not
    take, "-subject" when it names none)."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    has = "+subject" if head.pos_ in ("VERB", "AUX") and roles.subject(head) else "-subject"
    return f"{kind}:{tok.dep_}<{tok.head.lemma_.lower()} {has}"


def trace(coder: Any, text: str, want: str, words: set[str], gold: str = "",
          cameo_verbs: Any = None) -> tuple[str, str]:  # fmt: skip
    """The furthest rule stage a word of ``words`` reaches with type ``want``."""
    from newsgraph.events.acts import not_an_act
    from newsgraph.events.embed import fold, prune
    from newsgraph.events.match import form, match, unmet
    from newsgraph.events.modality import according_to_in
    from newsgraph.events.quotes import find_quotes
    from newsgraph.events.roles import Roles
    from newsgraph.nlp import cached_ents, sentence_records

    doc = coder.nlp(text)
    best, note = 0, ""
    verbs = (coder.light, coder.judging, coder.speech)  # for ``not_an_act``

    def reach(stage: str, why: str = "") -> None:
        nonlocal best, note
        if STAGES.index(stage) >= best:
            best, note = STAGES.index(stage), why

    with cached_ents(doc):
        spans, _ = sentence_records(doc)
        mentions = tuple(coder.resolver.mentions(doc, None))
        roles = Roles(doc, mentions, coder.words.get("relative_pronouns", frozenset()),
                      speech=coder.speech, people=coder.words.get("people_nouns", frozenset()),
                      place_country=coder.places.place_country,
                      documents=coder.words.get("documents", frozenset()))  # fmt: skip
        quotes = find_quotes(doc, spans, roles, coder.speech)
        for span in spans:
            toks = [t for t in span if t.lower_ in words]
            if not toks:
                continue
            if not any(span.start <= i < span.end for i in roles.by_token):
                reach("no_actor")
                continue
            matched = {}
            for t in span:
                found = match(t, coder.lexicon, roles)
                if found is not None:
                    matched[t.i] = found
            according = according_to_in(span)
            sole = coder._sole_country(span, roles)
            drafts = {}
            for i, (trigger, kind) in matched.items():
                tok = doc[i]
                if kind == "verb" and not_an_act(tok, matched, *verbs):
                    continue
                d = coder._draft(tok, trigger, kind, span, roles, quotes, according, sole)
                if d is not None:
                    drafts[i] = d
            fold(drafts, coder.lexicon, coder.light)
            kept = prune([d for d in drafts.values() if not d.folded])
            for tok in toks:
                typed = [t for t in _entries(coder, tok) if t.type == want]
                if not typed:
                    shape = shape_class(tok, gold or tok.text, coder, cameo_verbs or {})
                    others = ",".join(sorted({t.type for t in _entries(coder, tok)}))
                    reach("no_entry", f"{shape} {others}".strip())
                    continue
                if form(tok, coder.judging) is None:
                    reach("form", f"{tok.pos_}/{tok.dep_}")
                    continue
                if tok.i not in matched:
                    fails = sorted({unmet(t, tok, roles) or "other" for t in typed})
                    reach("constraint", f"{'/'.join(fails)} {tok.lemma_}")
                    continue
                trigger, kind = matched[tok.i]
                if trigger.type != want:
                    reach("other_entry", trigger.type)
                    continue
                if kind == "verb" and not_an_act(tok, matched, *verbs):
                    reach("not_an_act")
                    continue
                if tok.i not in drafts:
                    from newsgraph.events.modality import circumstance, conditional

                    if conditional(tok, coder.conditions):
                        reach("condition")
                    elif kind == "noun" and circumstance(tok, coder.topics):
                        reach("circumstance", f"{tok.dep_}<{tok.head.lower_}")
                    else:
                        reach("arguments", argument_class(tok, kind, roles))
                    continue
                d = drafts[tok.i]
                if d.type != want:
                    reach("retyped", d.type)
                elif d.folded:
                    reach("folded")
                elif d not in kept:
                    reach("pruned")
                else:
                    reach("emitted" if not d.negated else "retyped", "" if not d.negated else "NEG")
    return STAGES[best], note


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--show", type=int, default=0, help="examples of each stage")
    ap.add_argument("--half", choices=("A", "B"), default=None,
                    help="only one half of train (by a hash of the id): A to read and fit, "
                         "B to check a rule written from A")  # fmt: skip
    ap.add_argument("--rules", action="store_true",
                    help="misses of the rules alone (no learned head, no linker), as rule "
                         "changes are judged; the shipped coder is not run")  # fmt: skip
    args = ap.parse_args(argv)
    if not DEV.exists():
        print(f"no development set at {DEV} (set NEWSGRAPH_SHARED)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "scripts"))
    from score_events import code_dev

    from newsgraph.events.coder import Coder
    from newsgraph.events.head.cameo import load_cameo_verbs
    from newsgraph.events.score import load_gold, train_half

    train = [r for r in load_gold(DEV) if r["split"] == "train"]
    if args.half:
        train = [r for r in train if train_half(str(r["id"])) == args.half]
    coder = Coder(head=False, linker=False) if args.rules else Coder(head=False)
    rules = code_dev(train, coder)
    shipped = rules if args.rules else code_dev(train, Coder())
    cameo_verbs = load_cameo_verbs(coder.lexicon.cameo)
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for r in train:
        got = {e["type"] for e in shipped[str(r["id"])] if not e.get("negated")}
        by_rules = {e["type"] for e in rules[str(r["id"])] if not e.get("negated")}
        for g in r["events"]:
            if g["type"] in got or g.get("modality") == "negated" or not g.get("trigger"):
                continue
            words = {w.lower() for w in str(g["trigger"]).split()}
            stage, note = trace(coder, r["text"], g["type"], words, str(g["trigger"]),
                                cameo_verbs)  # fmt: skip
            if stage == "emitted" and g["type"] in by_rules:
                stage = "head"
            counts[stage] += 1
            examples[stage].append(f"{g['type']} [{g['trigger']}] {note} :: {r['text']}")
    total = sum(counts.values())
    print(f"{total} missed gold events (train, not negated, with a trigger)")
    finer = Counter(line.split("] ", 1)[1].split(" :: ")[0].split("<")[0]
                    for line in examples["arguments"])  # fmt: skip
    finer_subject = Counter(line.split(" :: ")[0].rsplit(" ", 1)[-1]
                            for line in examples["arguments"])  # fmt: skip
    print("  arguments by kind and arc:", ", ".join(f"{k} {n}" for k, n in finer.most_common()))
    print("  arguments by the governing verb's subject:",
          ", ".join(f"{k} {n}" for k, n in finer_subject.most_common()))  # fmt: skip
    for stage in ("no_entry", "constraint"):
        finer = Counter(line.split("] ", 1)[1].split(" :: ")[0].split(" ")[0]
                        for line in examples[stage])  # fmt: skip
        print(f"  {stage} by class:", ", ".join(f"{k} {n}" for k, n in finer.most_common()))
    for stage in STAGES:
        print(f"  {stage:12} {counts[stage]:4}")
        for line in examples[stage][: args.show]:
            print(f"      {line[:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
