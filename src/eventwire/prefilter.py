"""A pre-parse filter: which sentences of an article could hold an event, found before the parser runs.

Parsing is most of the cost of coding, and most sentences of a news article code nothing. A sentence
can only yield an event when it holds a trigger word that a pattern knows AND a possible actor. Both
can be checked on the tokenizer's output and the actor ruler's matches, which cost a small fraction of
tagging, parsing and NER:

- trigger: any lemma reading of a word is a pattern word. Readings come from the model's own
  lemmatizer tables (exceptions such as met → meet, and suffix rules), applied without knowing the
  part of speech, so a word gets every reading it could have: the filter over-keeps, never
  under-keeps, where the parser's choice of lemma is unknown.
- actor: a ruler entity (the knowledge base's names), a role noun (also plural), a pronoun (the
  linker resolves it from earlier sentences), or a capitalised word that does not start the sentence.

Sentences here are cut only where a cut is sure (a line break, or ". " before a capital), so a unit
is never smaller than the parser's sentence: an event sentence is never split and half dropped.

`mask()` blanks the units that cannot hold an event with spaces (line breaks kept), so every character
offset of the text stays valid and the pipeline, unchanged, parses one space token per dropped unit.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

PRONOUNS = frozenset({"he", "she", "they", "we", "it", "him", "her", "them", "us", "his", "their", "its", "our",
                      "who", "i", "you"})
SENTENCE_END = frozenset({".", "!", "?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")"})


@dataclass(frozen=True)
class Unit:
    """A stretch of text the filter judged: [start, end) in characters, and why it is kept or not."""

    start: int
    end: int
    keep: bool
    trigger: str | None = None
    actor: str | None = None


class Prefilter:
    def __init__(self, nlp: Language, triggers: frozenset[str], role_nouns: Iterable[str] = (),
                 ruler_name: str | None = "eventwire_actors") -> None:
        self.tokenizer = nlp.tokenizer
        self.ruler = nlp.get_pipe(ruler_name) if ruler_name and ruler_name in nlp.component_names else None
        self.triggers = triggers
        self.role_nouns = frozenset(n.lower() for n in role_nouns)
        from eventwire.nlp import model_lemmatizer
        lemmatizer = model_lemmatizer(nlp)
        self.exceptions: dict[str, set[str]] = {}
        self.rules: list[tuple[str, str]] = []
        if lemmatizer is not None and "lemma_exc" in lemmatizer.lookups.tables:
            exc, rules = lemmatizer.lookups.get_table("lemma_exc"), lemmatizer.lookups.get_table("lemma_rules")
            for pos in ("verb", "noun"):
                for form, lemmas in exc.get(pos, {}).items():
                    self.exceptions.setdefault(form, set()).update(lemmas)
                self.rules += [tuple(rule) for rule in rules.get(pos, [])]
        self.readings = lru_cache(maxsize=200_000)(self._readings)

    @classmethod
    def for_pipeline(cls, pipeline) -> "Prefilter":
        """The filter for an `eventwire.pipeline.Pipeline`: its model, ruler, patterns and role nouns."""
        return cls(pipeline.nlp, pipeline.patterns.words(), pipeline.kb.role_nouns.keys())

    # ---- words -----------------------------------------------------------------------------------
    def _readings(self, lower: str) -> frozenset[str]:
        """Every lemma a word could have: itself, its exceptions, each suffix rule, an undoubled final
        consonant (stopped → stopp → stop)."""
        out = {lower} | self.exceptions.get(lower, set())
        for old, new in self.rules:
            if lower.endswith(old) and len(lower) > len(old):
                stem = lower[: len(lower) - len(old)] + new
                out.add(stem)
                if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                    out.add(stem[:-1])
        return frozenset(out)

    def is_trigger(self, lower: str) -> bool:
        return not self.triggers.isdisjoint(self.readings(lower))

    def is_role(self, lower: str) -> bool:
        return lower in self.role_nouns or not self.role_nouns.isdisjoint(self.readings(lower))

    # ---- units -----------------------------------------------------------------------------------
    @staticmethod
    def units(doc: Doc) -> list[tuple[int, int]]:
        """Token ranges cut only at sure sentence ends: a line break, or . ! ? (and closing quotes)
        followed by a capitalised word, a quote or a number."""
        cuts, start, n = [], 0, len(doc)
        for i, token in enumerate(doc):
            if token.is_space and "\n" in token.text or "\n" in token.whitespace_:
                cuts.append((start, i + 1))
                start = i + 1
                continue
            if token.text in SENTENCE_END and i + 1 < n:
                j = i + 1
                while j < n and doc[j].text in CLOSERS:
                    j += 1
                if j < n and doc[j - 1].whitespace_ and (doc[j].is_title or doc[j].is_upper or doc[j].like_num
                                                         or doc[j].text in ('"', "“")):
                    cuts.append((start, j))
                    start = j
        if start < n:
            cuts.append((start, n))
        return [(s, e) for s, e in cuts if e > s]

    def judge(self, text: str) -> tuple[Doc, list[Unit]]:
        doc = self.tokenizer(text)
        if self.ruler is not None:
            doc = self.ruler(doc)
        in_entity = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        out = []
        for start, end in self.units(doc):
            trigger = actor = None
            first = next((i for i in range(start, end) if not doc[i].is_space and not doc[i].is_punct), start)
            for token in doc[start:end]:
                if token.is_space or token.is_punct:
                    continue
                lower = token.lower_
                if trigger is None and self.is_trigger(lower):
                    trigger = token.text
                if actor is None and (token.i in in_entity or lower in PRONOUNS or self.is_role(lower)
                                      or (token.i != first and token.is_title and token.is_alpha)
                                      or (token.is_upper and len(token) > 1 and token.is_alpha)):
                    actor = token.text
                if trigger and actor:
                    break
            span_start = doc[start].idx
            span_end = doc[end - 1].idx + len(doc[end - 1].text)
            out.append(Unit(span_start, span_end, bool(trigger and actor), trigger, actor))
        return doc, out

    def mask(self, text: str) -> str:
        """The text with every unit that cannot hold an event blanked; offsets and line breaks kept."""
        _, units = self.judge(text)
        chars = list(text)
        for unit in units:
            if not unit.keep:
                for k in range(unit.start, unit.end):
                    if chars[k] not in "\n\r":
                        chars[k] = " "
        return "".join(chars)
