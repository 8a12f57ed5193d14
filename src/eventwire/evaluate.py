"""Gold files and the scoring rule of DESIGN.md (what `eventwire eval` prints).

A predicted event matches a gold event of the same document when the class (PLOVER type, or CAMEO
root where the gold gives only CAMEO, or one of the gold's alternatives) and the source and target
countries agree. Matching is one-to-one, exact matches first; optional gold events absorb a
prediction without counting; symmetric classes match in either direction, and where one side
writes a symmetric event both ways, only its more frequent direction counts. The figures must equal
those of the reference scorer (score.py, beside the gold files) on the same predictions.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from eventwire.errors import GoldFileError

ALIASES = {"EUR": "EU", "EEC": "EU", "IGOEU": "EU", "IGOEUREEC": "EU", "HOLY SEE": "VAT"}
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE", "03", "04", "06"})


def country_of(actor) -> str:
    """An actor's country code as the rule compares it; no actor or no country reads '-'."""
    if isinstance(actor, dict):
        actor = actor.get("country")
    if actor is None:
        return "-"
    code = str(actor).strip().upper()
    return ALIASES.get(code, code) if code else "-"


@dataclass(frozen=True)
class Key:
    cls: str
    source: str
    target: str


@dataclass
class Item:
    key: Key
    record: dict


def read_gold(path: str | Path) -> list[dict]:
    docs = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldFileError(f"not JSON: {err.msg}", origin=f"{path}:{number}") from None
            if "id" not in doc or "text" not in doc:
                raise GoldFileError("a gold document needs 'id' and 'text'", origin=f"{path}:{number}")
            docs.append(doc)
    return docs


def cameo_coded(events: list[dict]) -> bool:
    return bool(events) and all(not (e.get("type") or e.get("plover")) and e.get("cameo") for e in events)


def gold_key(event: dict, cameo_doc: bool) -> Key:
    if cameo_doc:
        return Key(str(event["cameo"])[:2], country_of(event.get("source_country")),
                   country_of(event.get("target_country")))
    return Key((event.get("type") or event.get("plover") or "").upper(), country_of(event.get("source")),
               country_of(event.get("target")))


def predicted_key(event: dict, cameo_doc: bool) -> Key:
    cls = str(event.get("cameo") or "")[:2] if cameo_doc else (event.get("type") or "").upper()
    return Key(cls, country_of(event.get("source")), country_of(event.get("target")))


def fold_directions(items: list[Item]) -> list[Item]:
    """Per symmetric class and pair of countries, keep only the direction written more often."""
    directions: dict[tuple, dict[tuple, list[int]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        k = item.key
        if k.cls in SYMMETRIC and "-" not in (k.source, k.target) and k.source != k.target:
            directions[(k.cls, frozenset((k.source, k.target)))][(k.source, k.target)].append(id(item))
    dropped: set[int] = set()
    for both in directions.values():
        if len(both) == 2:
            ranked = sorted(both.items(), key=lambda kv: (-len(kv[1]), kv[0]))
            dropped.update(ranked[1][1])
    return [item for item in items if id(item) not in dropped]


def agrees(gold: Item, pred: Key, *, strict: bool, no_target: bool, ignore_type: bool) -> bool:
    g = gold.key
    accepted = list(gold.record.get("alt", [])) + list(gold.record.get("alt_cameo", []))
    if not ignore_type and pred.cls != g.cls and (strict or pred.cls not in accepted):
        return False
    either_way = not strict and (g.cls in SYMMETRIC or pred.cls in SYMMETRIC) and "-" not in (g.source, g.target)
    if no_target:
        return pred.source == g.source or (either_way and pred.source == g.target)
    return (pred.source, pred.target) == (g.source, g.target) or \
        (either_way and {pred.source, pred.target} == {g.source, g.target})


def date_right(gold, pred) -> bool | None:
    if not gold:
        return None
    return bool(pred) and str(pred).startswith(str(gold)) and len(str(pred)) <= len(str(gold)) + 3


def place_right(gold, pred) -> bool | None:
    if isinstance(gold, dict):
        gold = gold.get("name")
    if not gold:
        return None
    name = pred.get("name") if isinstance(pred, dict) else pred
    return bool(name) and str(gold).lower() in str(name).lower()


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    total: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    dates: list[int] = field(default_factory=lambda: [0, 0])
    places: list[int] = field(default_factory=lambda: [0, 0])
    misses: list[tuple[str, str, Key, dict]] = field(default_factory=list)  # (doc, "missed"|"spurious", key, record)
    matched: list[tuple[dict, dict]] = field(default_factory=list)          # (gold, predicted)

    def line(self) -> str:
        t = self.total
        return (f"F1 {t.f1:.3f} P {t.precision:.3f} R {t.recall:.3f} tp {t.tp} fp {t.fp} fn {t.fn} "
                f"dates {self.dates[0]}/{self.dates[1]} places {self.places[0]}/{self.places[1]}")


def score(gold_docs: list[dict], predictions: Iterable[dict], *, no_target: bool = False,
          ignore_type: bool = False) -> Report:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for event in predictions:
        by_doc[str(event.get("doc_id"))].append(event)
    report = Report()
    for doc in gold_docs:
        cameo_doc = cameo_coded(doc.get("events", []))
        golds = fold_directions([Item(gold_key(e, cameo_doc), e) for e in doc.get("events", [])])
        required = [g for g in golds if not g.record.get("optional")]
        optional = [g for g in golds if g.record.get("optional")]
        predicted = fold_directions([Item(predicted_key(e, cameo_doc), e) for e in by_doc.get(str(doc["id"]), [])])
        matched: list[tuple[Item, Item]] = []
        for strict in (True, False):
            leftover = []
            for pred in predicted:
                hit = next((i for i, g in enumerate(required)
                            if agrees(g, pred.key, strict=strict, no_target=no_target, ignore_type=ignore_type)), None)
                if hit is not None:
                    matched.append((required.pop(hit), pred))
                    continue
                if not strict:
                    hit = next((i for i, g in enumerate(optional) if agrees(
                        g, pred.key, strict=strict, no_target=no_target, ignore_type=ignore_type)), None)
                    if hit is not None:
                        optional.pop(hit)
                        continue
                leftover.append(pred)
            predicted = leftover
        for gold, pred in matched:
            report.matched.append((gold.record, pred.record))
            report.total.tp += 1
            report.by_type[gold.key.cls].tp += 1
            for tally, ok in ((report.dates, date_right(gold.record.get("date"), pred.record.get("date"))),
                              (report.places, place_right(gold.record.get("location"), pred.record.get("location")))):
                if ok is not None:
                    tally[0] += ok
                    tally[1] += 1
        for pred in predicted:
            report.total.fp += 1
            report.by_type[pred.key.cls].fp += 1
            report.misses.append((str(doc["id"]), "spurious", pred.key, pred.record))
        for gold in required:
            report.total.fn += 1
            report.by_type[gold.key.cls].fn += 1
            report.misses.append((str(doc["id"]), "missed", gold.key, gold.record))
    return report


def confidence_curve(report: Report, steps: int = 5) -> list[tuple[float, int, float]]:
    """Precision of the events at or above each confidence level: (threshold, events, precision)."""
    scored = [(p.get("confidence", 0.0), True) for _, p in report.matched]
    scored += [(rec.get("confidence", 0.0), False) for _, kind, _, rec in report.misses if kind == "spurious"]
    scored.sort(key=lambda x: -x[0])
    out = []
    if not scored:
        return out
    for q in range(1, steps + 1):
        n = max(1, round(len(scored) * q / steps))
        top = scored[:n]
        out.append((top[-1][0], n, sum(ok for _, ok in top) / n))
    return out


def type_counts(report: Report) -> Counter:
    return Counter({t: c.tp + c.fn for t, c in report.by_type.items()})
