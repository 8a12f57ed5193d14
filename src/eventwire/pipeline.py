"""The order of the stages, and the runners that apply it: in one process, a process pool, or Dask.

    ingest → clean → nlp → actors → coding → when/where → dedupe → (store)

This module is the only one that knows that order. Each worker builds one `Pipeline` (the model and
dictionaries load once per process) and streams articles through it in batches.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from importlib import metadata, resources
from pathlib import Path
from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from eventwire import clean as cleaning
from eventwire import dates
from eventwire.actors.kb import KnowledgeBase, fold, load_kb
from eventwire.actors.link import ActorLinker, ArticleContext, focus_country
from eventwire.coding.coder import Draft, EventCoder
from eventwire.coding.grammar import ACCUSING
from eventwire.coding.ontology import SYMMETRIC_TYPES, cameo
from eventwire.coding.parties import on_both_sides, side_of
from eventwire.coding.patterns import PatternIndex, load_patterns
from eventwire.nlp import entities, load_pipeline
from eventwire.records import Actor, Article, EventDate, Place, Precision, DocumentResult, Event, PublishedSource, Rejection

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """What a run was asked for; the same options give the same events in every runner."""

    actor_files: tuple[str, ...] = ()
    verb_files: tuple[str, ...] = ()
    batch_size: int = 16
    statistical_ner: bool = False  # measured: the chunker that stands in for it codes as well, in 2/3 the time
    prefilter: bool = False


def package_version() -> str:
    try:
        return metadata.version("eventwire")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def dictionaries_hash(options: Options) -> str:
    """A hash of every dictionary in force, so stored events say which knowledge made them."""
    digest = hashlib.sha256()
    packaged = resources.files("eventwire")
    for folder in ("actors/data", "coding/data"):
        root = Path(str(packaged / folder))
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".yaml", ".tsv"):
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    for user in options.actor_files + options.verb_files:
        digest.update(Path(user).read_bytes())
    return digest.hexdigest()[:12]


def coder_version(options: Options) -> str:
    return f"{package_version()}+{dictionaries_hash(options)}"


class Pipeline:
    def __init__(self, options: Options = Options()) -> None:
        self.options = options

    @cached_property
    def kb(self) -> KnowledgeBase:
        return load_kb(self.options.actor_files)

    @cached_property
    def nlp(self):
        return load_pipeline(self.options.actor_files, self.options.statistical_ner)

    @cached_property
    def patterns(self) -> PatternIndex:
        return load_patterns(self.options.verb_files)

    @cached_property
    def coder(self) -> EventCoder:
        return EventCoder(self.patterns, ActorLinker(self.kb))

    @cached_property
    def gazetteer(self):
        from eventwire.places import Gazetteer
        return Gazetteer.default()

    @cached_property
    def prefilter(self):
        from eventwire.prefilter import Prefilter
        return Prefilter.for_pipeline(self)

    @cached_property
    def version(self) -> str:
        return coder_version(self.options)

    def settle_place(self, place: Place | None, draft: Draft, doc: Doc) -> Place | None:
        """Keep a place only when it is a place: a seat metonym ("the White House") is placed at its capital
        under its own name; a party to the event ("pledged to give the United States ...") is no location;
        a name the gazetteer cannot place ("Embassy") is dropped."""
        if place is None:
            return None
        written = (place.text or place.name or "").strip()
        for actor in (draft.source, draft.target):
            if actor is not None and written and written in (actor.text, actor.name) and place.feature_class == "A":
                return None
        for ent in entities(doc):
            if ent.ent_id_.startswith("seat:") and ent.text == written:
                entry = self.kb.entries.get(ent.ent_id_)
                capital = self.capital_of(entry.country) if entry else None
                if entry is not None and capital is not None and fold(written) != fold(capital.name):
                    return replace(capital, name=written, text=written, feature_class="S", geonames_id=None)
                break
        if place.lat is None or place.country is None:
            return None
        return place

    @cached_property
    def seats(self) -> dict[str, list[str]]:
        """Each state's seats of government, capital first: built once, not scanned per event."""
        seats: dict[str, list[str]] = {}
        for entry in self.kb.entries.values():
            if entry.kind == "seat" and entry.country:
                seats.setdefault(entry.country, []).append(entry.name)
        return seats

    def capital_of(self, country: str) -> Place | None:
        for name in self.seats.get(country, []):
            found = self.gazetteer.lookup(name, [country])
            if found is not None and found.feature_class == "P":
                return found
        return None

    def place_actor(self, place) -> Actor:
        return self.coder.linker.state_actor(place.country, None, place.text or place.name)

    # ---- one article ---------------------------------------------------------------------------
    def prepare(self, article: Article) -> tuple[Article, str]:
        """Clean the text (offsets kept) and estimate the publication date from a page stamp."""
        cleaned = cleaning.clean(article.text)
        if article.published is None and cleaned.stamp_date is not None:
            article = replace(article, published=cleaned.stamp_date, published_source=PublishedSource.ESTIMATED)
        text = cleaned.text
        if self.options.prefilter:  # sentences with no trigger word or no possible actor are not parsed
            text = self.prefilter.mask(text)
        head = cleaning.dateline(text)
        if head is not None:  # "SEOUL, Dec. 4 (Xinhua) --": neither the city nor the wire is an actor
            start, end = head
            text = text[:start] + "".join(c if c == "\n" else " " for c in text[start:end]) + text[end:]
        return article, text

    def process_many(self, articles: Iterable[Article]) -> Iterator[DocumentResult]:
        """Code a batch. The batch runs in a spaCy memory zone: the words it brings into the shared
        vocabulary are freed after it (results hold plain strings, no Doc), so memory stays flat however
        many documents a worker reads."""
        prepared = (self.prepare(article) for article in articles)
        stream = ((text, article) for article, text in prepared)
        with self.nlp.memory_zone():
            for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=self.options.batch_size):
                try:
                    yield DocumentResult(article, self.code_doc(doc, article), coder_version=self.version)
                except Exception as err:  # one bad document never stops the batch
                    log.exception("coding failed for %s", article.doc_id)
                    yield DocumentResult(article, [], [Rejection(article.doc_id, "coding", "E900", repr(err))],
                                         coder_version=self.version)
                finally:
                    doc.user_data.clear()  # the linker's span index points back at the doc: break the cycle

    def process(self, article: Article) -> DocumentResult:
        return next(self.process_many([article]))

    def code_doc(self, doc: Doc, article: Article) -> list[Event]:
        line = self.dateline(article)
        ctx = ArticleContext(article.published, focus_country(doc, self.kb, article.published,
                                                              line.country if line is not None else None))
        drafts: list[Draft] = []
        text = doc.text  # built from the tokens on every call: once
        for sentence in doc.sents:
            if not text[sentence.start_char:sentence.end_char].strip():
                continue
            drafts += self.coder.code_sentence(sentence, ctx)
        scene = self.scene(doc, line) if drafts else None
        today = self.writing_day(article)
        news_day = self.news_day(doc, today) if drafts else None
        events = [self.finish(draft, article, ctx, scene, news_day, line, today) for draft in drafts]
        return dedupe(events)

    @staticmethod
    def writing_day(article: Article) -> date | None:
        """The day the story was written: its dateline's ("KYIV, Nov 19 (Reuters) -"), when that is within
        three days of publication (a story filed late at night is published the next day), else the day of
        publication. "Today", "overnight" and weekdays count from it."""
        published = article.published
        head = cleaning.dateline(article.text) if published is not None else None
        if head is None:
            return published
        for expr in dates.find_temporal_expressions(article.text[head[0]:head[1]]):
            stated = dates.resolve_expression(expr.text, published)
            if stated is not None and stated.precision is Precision.DAY and stated.end is None \
                    and abs((published - stated.start).days) <= 3:
                return stated.start
        return published

    @staticmethod
    def news_day(doc: Doc, today: date | None) -> date | None:
        """The day the article's opening (its first three sentences, the dateline blanked) names for its
        news: the date of the clauses that have no time words of their own."""
        opening = [s for s in doc.sents if s.text.strip()][:3]
        return dates.news_day(doc.text[:opening[-1].end_char], today) if opening else None

    def dateline(self, article: Article) -> Place | None:
        """The city the story was filed from ("MANILA, March 25 -"); a country there is too coarse."""
        from eventwire.places import dateline_place
        line = dateline_place(article.text, self.gazetteer)
        return line if line is not None and line.feature_class != "A" else None

    def scene(self, doc: Doc, line: Place | None) -> Place | None:
        """Where the story happens, for events whose own sentence names no place: the dateline, else
        the city or region the article names most often (a country is too coarse to guess with)."""
        if line is not None:
            return line
        counts: dict[str, int] = {}
        places: dict[str, Place] = {}
        for ent in entities(doc):
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            entry = self.kb.entries.get(ent.ent_id_) if ent.ent_id_ else None
            if entry is not None and entry.kind not in ("city", "seat"):
                continue
            found = self.gazetteer.lookup(ent.text)
            if found is None or found.feature_class == "A" or found.country is None:
                continue
            counts[found.name] = counts.get(found.name, 0) + 1
            places[found.name] = replace(found, text=ent.text)
        if not counts:
            return None
        best = max(counts, key=counts.get)
        return places[best] if counts[best] >= 2 else None

    def as_of(self, actor: Actor | None, day) -> Actor | None:
        """An actor of a state that split from another, on a day before the split: of the state it was part
        of then ("the SPLA in Juba", 2009: Sudan's)."""
        if actor is None or not actor.country:
            return actor
        state = self.kb.state_on(actor.country, day)
        if state == actor.country:
            return actor
        code = state + actor.code[len(actor.country):] if actor.code and actor.code.startswith(actor.country) \
            else actor.code
        return replace(actor, country=state, code=code)

    def finish(self, draft: Draft, article: Article, ctx: ArticleContext, scene: Place | None = None,
               news_day: date | None = None, line: Place | None = None, today: date | None = None) -> Event:
        """When and where, then the contract record. A clause with no time words happened on the day the
        opening names for the story's news ("..., WAM said on Saturday"), else, in the lead, on the day the
        story was written, else in the month of publication (DESIGN.md's default)."""
        trigger = draft.trigger
        sentence = trigger.sent
        bounds = (sentence.start_char, sentence.end_char)
        described = described_clauses(sentence, trigger)
        text = trigger.doc.text  # the article's text with its dateline blanked: "NAIROBI, Nov 19 -" dates no event
        today = today or article.published
        when = dates.date_for_clause(text, bounds, trigger.idx, today, described)
        if when is not None and when.text is None and today:
            # not the news day if this sentence gives that day to something one of its clauses describes
            elsewhere = dates.date_for_clause(text, bounds, trigger.idx, today) \
                if described and news_day is not None else None
            if news_day is not None and not (elsewhere is not None and elsewhere.start == news_day):
                when = EventDate(news_day, Precision.DAY)
            elif in_lead(article.text, sentence.start_char):
                when = EventDate(today, Precision.DAY)  # a lead with no time words reports the day's news
        countries = {a.country for a in (draft.source, draft.target) if a and a.country}
        if ctx.focus_country:
            countries.add(ctx.focus_country)
        from eventwire.places import locate_event
        place = self.settle_place(locate_event(sentence, trigger, countries, self.gazetteer), draft, trigger.doc)
        parties = {a.country for a in (draft.target,) if a and a.country} if draft.type == "ASSAULT" else \
            {a.country for a in (draft.source, draft.target) if a and a.country}
        if place is None and scene is not None and draft.type in SCENE_TYPES and scene.country in parties:
            place = scene  # "Israeli strikes killed 24 people", in a story from Gaza
        elif place is None and line is not None and draft.type not in SCENE_TYPES and draft.source is not None \
                and draft.source.country == line.country:
            place = line  # "MANILA, March 25 - The Philippines said ...": said at home, where the story was filed
        day = when.start if when is not None else article.published
        source, target = self.as_of(draft.source, day), self.as_of(draft.target, day)
        if target is None and draft.type in PLACE_TARGET_TYPES and place is not None and place.country:
            if place.country != draft.source.country or draft.type in ("PROTEST", "COERCE"):
                target = self.as_of(self.place_actor(place), day)  # "attacks in northeastern Nigeria"
        entry = cameo(draft.cameo)
        return Event(
            doc_id=article.doc_id, doc_hash=article.content_hash, type=draft.type, mode=draft.mode,
            cameo=draft.cameo, quad_class=entry.quad_class, goldstein=entry.goldstein, source=source,
            target=target, date=when, location=place, attribution=draft.attribution,
            modality=draft.modality, negated=draft.negated, quantity=draft.quantity,
            sentence=article.text[sentence.start_char:sentence.end_char].strip(), span=draft.span,
            confidence=draft.confidence, trigger=trigger.text, coder_version=self.version)


# Events that happen somewhere on the ground: with no place in their sentence, they take the story's.
SCENE_TYPES = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"}
# Material conflict with no named target is taken to be aimed at the state where it happened.
PLACE_TARGET_TYPES = {"ASSAULT", "PROTEST", "MOBILIZE", "COERCE"}


def coarser(a: EventDate | None, b: EventDate | None) -> bool:
    """Is date a strictly coarser period that contains date b (2025-10 contains 2025-10-06)?"""
    order = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2}
    if a is None or b is None or order[a.precision] >= order[b.precision]:
        return False
    return b.value.startswith(a.value)


def described_clauses(sentence: Span, trigger: Token) -> list[tuple[int, int]]:
    """Character spans of the clauses of a sentence that describe a noun, not holding the trigger:
    relative clauses ("the deal that Ethiopia signed on Monday"), and participles closed before the
    trigger ("the memorandum signed on Monday was void"). Their time words date what they describe, not
    the event; so do those of what an accusation says was done ("accused the army of attacking its
    positions on Tuesday"). A participle after the trigger may have taken the event's own time words by a
    wrong attachment ("fired tear gas at crowds gathered there on Thursday")."""
    spans = []
    for token in sentence:
        if token.pos_ not in ("VERB", "AUX") or token.left_edge.i <= trigger.i <= token.right_edge.i:
            continue
        alleged = token.dep_ == "pcomp" and token.head.lower_ in ("of", "for") and \
            token.head.head.lemma_.lower() in ACCUSING  # "accused the army of attacking on Tuesday"
        if token.dep_ == "relcl" or (token.dep_ == "acl" and token.right_edge.i < trigger.i) or alleged:
            spans.append((token.left_edge.idx, token.right_edge.idx + len(token.right_edge)))
    return spans


def in_lead(text: str, offset: int) -> bool:
    """Is this offset in the article's first paragraph (its lead)?"""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return end == -1 and offset < 400 or offset < end


def actor_key(actor) -> str:
    """Restatements name a party differently ("Belarus", "the ambassador"): compare country and sector."""
    if actor is None:
        return "-"
    return actor.code or f"{actor.country or '-'}:{actor.name}"


def dedupe(events: list[Event]) -> list[Event]:
    """The same event restated in one article is kept once. Restatements share type, mode, actors and
    negation; a mention with no date words of its own is the same event as one with them, which wins
    (it is the more precise); otherwise the more confident reading wins."""
    # One sentence telling one act with two verbs ("opened fire ..., killing one") is one event.
    # Different modes ("called ... and sent his envoy") stay different events.
    # But one verb acting on both sides within a state ("said the government and the rebels must agree")
    # tells an act on each.
    sides: dict[tuple, set[str | None]] = {}
    for event in events:
        if event.target is not None and event.target.country:
            sides.setdefault((event.sentence, event.span, event.trigger, event.target.country), set()).add(
                side_of(event.target))
    in_sentence: dict[tuple, dict] = {}
    for event in events:  # within a sentence, one act on one state ("fired tear gas at crowds in the capital")
        target = actor_key(event.target)
        if event.target is not None and event.target.country:
            target = event.target.country
            if on_both_sides(sides[(event.sentence, event.span, event.trigger, target)]):
                target = f"{target}:{side_of(event.target)}"
        key = (event.sentence, event.type or event.cameo, actor_key(event.source), target, event.negated)
        by_mode = in_sentence.setdefault(key, {})
        held = by_mode.get(event.mode)
        if held is None or (event.location is not None, event.confidence) > (held.location is not None,
                                                                             held.confidence):
            by_mode[event.mode] = event  # the reading that says where wins, then the more confident
    chosen = set()
    for by_mode in in_sentence.values():
        moded = [e for mode, e in by_mode.items() if mode is not None]
        chosen.update(map(id, moded or list(by_mode.values())))
    events = [e for e in events if id(e) in chosen]
    # "Serbian forces" and "a Serbian deployment": in events of one type, a bare state is its one sector there
    sectors: dict[tuple, set[str]] = {}
    for event in events:
        for actor in (event.source, event.target):
            if actor is not None and actor.country and actor.agent:
                sectors.setdefault((event.type, actor.country), set()).add(actor_key(actor))

    def key_of(actor, kind) -> str:
        known = sectors.get((kind, actor.country), ()) if actor is not None and not actor.agent else ()
        return next(iter(known)) if len(known) == 1 else actor_key(actor)

    groups: dict[tuple, list[Event]] = {}
    for event in events:
        pair = (key_of(event.source, event.type), key_of(event.target, event.type))
        if event.type in SYMMETRIC_TYPES:
            pair = tuple(sorted(pair))
        groups.setdefault((event.type or event.cameo, event.mode, pair, event.negated), []).append(event)
    kept: set[int] = set()
    for group in groups.values():
        dated = {}
        for event in group:
            key = event.date.value if event.date and event.date.text else None  # a date of no words is a default
            if key not in dated or event.confidence > dated[key].confidence:
                dated[key] = event
        explicit = [e for e in dated.values() if e.date is not None and e.date.text]
        for event in dated.values():
            if explicit and (event.date is None or not event.date.text):
                continue  # an undated restatement of a dated event
            if any(other is not event and coarser(event.date, other.date) for other in explicit):
                continue  # "recently" restated as "on October 6-9": keep the precise one
            kept.add(id(event))
    return [e for e in events if id(e) in kept]


# ---- runners ---------------------------------------------------------------------------------------
_WORKER: Pipeline | None = None


def _init_worker(options: Options) -> None:
    global _WORKER
    _WORKER = Pipeline(options)
    _WORKER.nlp, _WORKER.gazetteer  # load once per worker, before the first batch


def _process_batch(articles: list[Article]) -> list[DocumentResult]:
    assert _WORKER is not None
    return list(_WORKER.process_many(articles))


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(items: Iterable[Article | Rejection], options: Options = Options(), workers: int = 1
        ) -> Iterator[DocumentResult | Rejection]:
    """Stream articles through the pipeline, in this process or in a pool of `workers` processes.
    Rejections from reading pass straight through; results come back in input order."""
    if workers <= 1:
        pipeline = Pipeline(options)
        for batch in batched(items, options.batch_size):
            yield from (item for item in batch if isinstance(item, Rejection))
            articles = [item for item in batch if isinstance(item, Article)]
            if articles:
                yield from pipeline.process_many(articles)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn" if _has_threads() else "fork")
    pending: list[Rejection] = []

    def article_batches():
        for batch in batched(items, options.batch_size):
            pending.extend(item for item in batch if isinstance(item, Rejection))
            articles = [item for item in batch if isinstance(item, Article)]
            if articles:
                yield articles

    from collections import deque

    window = 2 * workers  # batches in flight: memory stays flat however long the input
    with context.Pool(workers, initializer=_init_worker, initargs=(options,)) as pool:
        in_flight: deque = deque()
        for articles in article_batches():
            in_flight.append(pool.apply_async(_process_batch, (articles,)))
            while pending:
                yield pending.pop(0)
            if len(in_flight) >= window:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()
    yield from pending


def _has_threads() -> bool:
    import threading
    return threading.active_count() > 1
