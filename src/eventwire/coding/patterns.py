"""Event patterns: which words trigger which CAMEO code, and where their target is found.

Patterns are data (`data/verbs.yaml`, plus user files with `--verbs`), read into an index by lemma.
An entry looks like `{verb: meet, cameo: "040", prep: [with]}`; the fields are described in the
file's header. A user file's entries are tried before the packaged ones, so they can override.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import yaml

from eventwire.coding.ontology import cameo, cameo_table
from eventwire.errors import DictionaryError
from eventwire.yamlfiles import WordsLoader

FIELDS = {"verb", "noun", "cameo", "object", "particle", "prep", "modifier", "no_object_target", "source",
          "type", "mode", "evaluative", "not_object", "requires_target", "actor_object", "target", "to_clause",
          "note"}


@dataclass(frozen=True)
class Pattern:
    kind: str                          # verb | noun
    lemma: str
    cameo: str
    object: frozenset[str] = frozenset()      # the verb's object must be one of these (light verbs)
    particle: str | None = None               # "call off"
    prep: frozenset[str] = frozenset()        # prepositions whose objects are targets
    modifier: frozenset[str] = frozenset()    # noun triggers: a compound/amod that must be present
    no_object_target: bool = False            # the direct object is not a target
    source: str | None = None                 # "target": unnamed source is the target's own state
    type: str | None = None
    mode: str | None = None
    evaluative: bool = False                  # "call X a Y": the code follows Y's polarity
    not_object: frozenset[str] = frozenset()  # the pattern does not apply with these objects
    requires_target: bool = False
    actor_object: bool = False                # applies only when the direct object is an actor
    origin: str = ""
    target: str | None = None                 # "focus": unnamed target is the state the article is about
    to_clause: bool = False                   # applies only with a "to" clause: "told Japan to retract"

    @property
    def plover(self) -> str | None:
        """The PLOVER type the pattern codes: its own `type`, else its CAMEO code's."""
        return self.type or cameo(self.cameo).plover

    @property
    def specificity(self) -> int:
        return 2 * bool(self.object) + 2 * bool(self.particle) + bool(self.modifier) + bool(self.actor_object) \
            + 3 * self.evaluative


def as_set(value) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset({value.lower()})
    return frozenset(str(v).lower() for v in value)


def parse_entries(items, origin: str) -> list[Pattern]:
    if not isinstance(items, list):
        raise DictionaryError("expected a list of patterns at the top level", origin=origin)
    table = cameo_table()
    out = []
    for index, item in enumerate(items):
        where = f"{origin}: pattern {index + 1}"
        if not isinstance(item, dict):
            raise DictionaryError("a pattern must be a mapping", origin=where)
        unknown = set(item) - FIELDS
        if unknown:
            raise DictionaryError(f"unknown field(s) {sorted(unknown)}", origin=where)
        code = str(item.get("cameo") or "")
        if code not in table:
            raise DictionaryError(f"'cameo' must be a CAMEO code from the table, got {code!r}", origin=where)
        if item.get("target") not in (None, "focus"):
            raise DictionaryError(f"'target' can only be 'focus', got {item.get('target')!r}", origin=where)
        kinds = [k for k in ("verb", "noun") if item.get(k)]
        if len(kinds) != 1:
            raise DictionaryError("give exactly one of 'verb' or 'noun'", origin=where)
        kind = kinds[0]
        for lemma in as_set(item[kind]):
            words = lemma.split()
            particle = item.get("particle")
            modifier = as_set(item.get("modifier"))
            if kind == "verb" and len(words) == 2 and not particle:
                lemma, particle = words
            elif kind == "noun" and len(words) > 1:
                modifier = modifier | frozenset(words[:-1])
                lemma = words[-1]
            out.append(Pattern(kind, lemma, code, as_set(item.get("object")), particle, as_set(item.get("prep")),
                               modifier, bool(item.get("no_object_target")), item.get("source"),
                               item.get("type"), item.get("mode"), bool(item.get("evaluative")),
                               as_set(item.get("not_object")), bool(item.get("requires_target")),
                               bool(item.get("actor_object")), where, item.get("target"),
                               bool(item.get("to_clause"))))
    return out


class PatternIndex:
    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        for pattern in patterns:
            index = self.verbs if pattern.kind == "verb" else self.nouns
            index.setdefault(pattern.lemma, []).append(pattern)
        for index in (self.verbs, self.nouns):
            for lemma, found in index.items():
                found.sort(key=lambda p: -p.specificity)  # stable: user entries stay first among equals
        self.object_lemmas = frozenset(o for ps in self.verbs.values() for p in ps for o in p.object)

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())

    def words(self) -> frozenset[str]:
        """Every trigger lemma: what the pre-parse filter looks for."""
        return frozenset(self.verbs) | frozenset(self.nouns)


def read_file(path: Path | str) -> list[Pattern]:
    path = Path(path)
    try:
        items = yaml.load(path.read_text(encoding="utf-8"), Loader=WordsLoader) or []
    except FileNotFoundError:
        raise DictionaryError("file not found", origin=str(path)) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise DictionaryError(f"not valid YAML: {getattr(err, 'problem', err)}",
                              origin=f"{path}:{mark.line + 1}" if mark else str(path)) from None
    return parse_entries(items, str(path))


@lru_cache(maxsize=4)
def load_patterns(extra: tuple[str, ...] = ()) -> PatternIndex:
    packaged = resources.files("eventwire.coding") / "data" / "verbs.yaml"
    user = [p for path in extra for p in read_file(path)]
    builtin = parse_entries(yaml.load(packaged.read_text(encoding="utf-8"), Loader=WordsLoader) or [],
                            "eventwire/coding/data/verbs.yaml")
    return PatternIndex(user + builtin)
